"""/export's Markdown as complete as its JSON: every moment field a person gave or that was
recorded about it, in words; evening answers in date order; a "not yet" reminder never told
as the planned talk."""

from __future__ import annotations

import json
import re
from datetime import timedelta

from bot.content import catalogue
from bot.sandbox.core import BotAction
from tests.harness import Harness
from tests.inprocess.flows import LATER

ANA = 731
C = catalogue("en")


async def export_files(h: Harness, user_id: int) -> tuple[dict[str, object], str]:
    actions = await h.text(user_id, "/export")
    files = {
        a.params["file_name"]: a.params["content"] for a in actions if a.method == "sendDocument"
    }
    return json.loads(files["mend-export.json"]), files["mend-export.md"].decode()


def cards(h: Harness, actions: list[BotAction]) -> list[BotAction]:
    return [a for a in actions if a.method == "sendMessage" and a.chat_id == ANA]


async def planned_then_not_yet_then_went_well(h: Harness) -> None:
    """Sunday 1 March, 20:30 in Berlin: a moment, to talk about it Monday at 19:00. Asked at
    21:00 on Monday: "not yet", ask again tomorrow evening (Tuesday 19:00): "It went well"."""
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, LATER)
    h.clock.advance(timedelta(hours=24, minutes=30))  # Monday, 21:00 in Berlin
    assert len(cards(h, await h.tick())) == 1
    await h.press(ANA, "Not yet, remind me")
    await h.press(ANA, "Tomorrow evening")
    h.clock.advance(timedelta(hours=22))  # Tuesday, 19:00 in Berlin
    assert len(cards(h, await h.tick())) == 1
    await h.press(ANA, "It went well")


def moment_block(markdown: str) -> str:
    found = re.search(r"## Moments \(1\)\n\n(.*?)\n## ", markdown, re.S)
    assert found, markdown
    return found.group(1)


async def test_the_markdown_tells_every_field_the_json_has_about_a_moment(harness: Harness):
    h = harness
    await planned_then_not_yet_then_went_well(h)
    data, markdown = await export_files(h, ANA)
    assert isinstance(data["moments"], list)
    (stored,) = data["moments"]
    assert (stored["intensity"], stored["path"], stored["outcome"]) == (4, "later", "went_well")
    block = moment_block(markdown)
    # Each of these is in the JSON; each is here too, in plain words.
    assert "How much it was still with you (1 barely, 5 a lot): 4" in block
    assert "What you chose to do: Talk about it later" in block
    assert "How the talk went: It went well" in block
    # Told on 1 March at 20:30, repaired on 3 March at 19:00: the time to repair, in the
    # words "It went well" was answered with ("Noted as repaired (after 46 hours).").
    assert "Repaired: 3 March 2026, 19:00 (after 46 hours)" in block
    assert "Felt: lonely" in block and "Needed: attention" in block
    assert "What a camera would have seen: He looked at his phone" in block
    assert "None" not in block and "went_well" not in block


async def test_a_not_yet_reminder_is_not_told_as_the_planned_talk(harness: Harness):
    """The talk was planned for Monday 19:00; "not yet" asked again Tuesday 19:00. The Markdown
    says so, whatever the stored plan_due_at says (bot/telegram/prompts.py wrote the
    reminder's time over it: see the test below)."""
    h = harness
    await planned_then_not_yet_then_went_well(h)
    _, markdown = await export_files(h, ANA)
    block = moment_block(markdown)
    assert "Planned to talk: Monday 2 March, 19:00" in block
    assert 'Asked again after "not yet": 3 March 2026, 19:00 (sent)' in block
    assert "Planned to talk: Tuesday" not in block


async def test_the_stored_plan_stays_the_planned_talk_after_not_yet(harness: Harness):
    h = harness
    await planned_then_not_yet_then_went_well(h)
    data, _ = await export_files(h, ANA)
    assert isinstance(data["moments"], list)
    (stored,) = data["moments"]
    assert stored["plan_due_at"] == "2026-03-02T18:00:00+00:00"  # Monday, 19:00 in Berlin


async def test_evening_answers_are_in_date_order_newest_first_as_moments_are(harness: Harness):
    """Each evening's card answered that evening (Sunday's first): the Markdown lists them
    by date, newest first (as its moments), not as they were recorded."""
    h = harness
    await h.onboard(ANA, "Ana", evening=True)  # 19:30 UTC; the check-in at 21:00 in Berlin
    answers = ["All good", "A moment of connection", "All good"]
    for day, answer in enumerate(answers):
        h.clock.advance(timedelta(minutes=30) if not day else timedelta(days=1))
        (card,) = cards(h, await h.tick())
        await h.press(ANA, answer, message_id=card.message_id)
        if answer == "A moment of connection":
            await h.text(ANA, "a walk by the river")
    data, markdown = await export_files(h, ANA)
    assert isinstance(data["reflections"], list) and len(data["reflections"]) == 3
    found = re.search(r"## Evening answers \(3\)\n\n(.*?)\n\n", markdown, re.S)
    assert found, markdown
    assert found.group(1).splitlines() == [
        "- 3 March 2026: All good",
        '- 2 March 2026: A moment of connection: "a walk by the river"',
        "- 1 March 2026: All good",
    ]
    # Moments are newest first too: the order the export reads in, throughout its diary.
    moments = markdown.index("## Moments")
    assert markdown.index("## Evening answers") > moments
