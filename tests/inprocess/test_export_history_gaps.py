"""Gaps a month-long walkthrough found in /export and /history: a draft told right under its
"Draft:" heading; a pause that has ended not told as current; a follow-up card that names who
the moment was with (someone other than the partner); moments of connection in /history."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.content import catalogue
from bot.domain.moments import Moment
from bot.domain.prompts import follow_up_card
from bot.sandbox.core import BotAction
from bot.storage.models import Reflection, User
from tests.harness import Harness
from tests.inprocess.flows import LATER, SAY_IT_NOW, TO_THE_PATH
from tests.inprocess.test_history_pages import OLDER, add, listed

ANA = 741
C = catalogue("en")
BERLIN = ZoneInfo("Europe/Berlin")


async def export_markdown(h: Harness, user_id: int) -> str:
    actions = await h.text(user_id, "/export")
    files = {
        a.params["file_name"]: a.params["content"] for a in actions if a.method == "sendDocument"
    }
    json.loads(files["mend-export.json"])
    return str(files["mend-export.md"].decode())


def cards(h: Harness, actions: list[BotAction]) -> list[BotAction]:
    return [a for a in actions if a.method == "sendMessage" and a.chat_id == ANA]


# 1. The draft under its heading


async def test_the_exported_draft_comes_right_after_its_heading(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, SAY_IT_NOW)
    markdown = await export_markdown(h, ANA)
    found = re.search(r"## Moments \(1\)\n\n(.*?)\n## ", markdown, re.S)
    assert found, markdown
    block = found.group(1)
    heading = block.index("Draft:")
    # Nothing between the heading and the quoted draft but a blank line...
    assert re.search(r"\nDraft:\n\n> Hey Sam", block), block
    # ...and all else told about the moment comes before it.
    for told in ("How much it was still with you", "What you chose to do", "Which draft"):
        assert block.index(told) < heading, block
    assert block.count("Draft:") == 1


async def test_history_still_shows_the_draft_under_its_heading(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, SAY_IT_NOW)
    await h.text(ANA, "/history")
    await h.press(ANA, next(b["text"] for b in h.last_card(ANA).buttons() if "Sam" in b["text"]))
    card = h.last_card(ANA).text or ""
    assert re.search(r"\nDraft:\n\nHey Sam", card), card
    assert "How much it was still with you" not in card  # the card stays a card


# 2. A pause that has ended


async def set_pause(h: Harness, until: datetime) -> None:
    async with h.db.unit_of_work() as session:
        user = await session.get(User, ANA)
        assert user is not None
        user.paused_until = until


async def test_a_pause_that_has_ended_is_not_told_as_current(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await set_pause(h, h.clock.now - timedelta(days=10))
    markdown = await export_markdown(h, ANA)
    assert "Paused" not in markdown and "paused" not in markdown.split("## Moments")[0]


async def test_a_pause_still_on_is_told(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await set_pause(h, h.clock.now + timedelta(days=1))
    assert "Paused until" in await export_markdown(h, ANA)


# 3. Who a follow-up card is about


def carla(status: str) -> Moment:
    return Moment(
        "m-carla",
        datetime(2026, 3, 7, 11, 20, tzinfo=UTC),
        direction="to_me",
        who="friend",
        who_name="Carla",
        pattern="other",
        description="my friend carla left me on read after i told her something big",
        status=status,
    )


def test_a_nudge_about_a_moment_with_a_friend_names_her():
    now = datetime(2026, 3, 8, 20, 50, tzinfo=UTC)
    card = follow_up_card(carla("unfinished"), 1, C, nudge=True, now=now, zone=BERLIN)
    assert card.text.startswith("Yesterday you looked at ")
    assert "with Carla" in card.text and card.text.endswith("How is it now?")


def test_a_planned_talk_with_a_friend_names_her():
    now = datetime(2026, 3, 8, 20, 50, tzinfo=UTC)
    card = follow_up_card(carla("planned"), 1, C, nudge=False, now=now, zone=BERLIN)
    assert card.text.startswith("Did you get to talk with Carla about ")
    assert card.text.endswith("from yesterday?")


def test_a_moment_with_a_friend_and_no_label_still_names_her():
    m = carla("unfinished").update(pattern=None, description=None)
    now = datetime(2026, 3, 8, 20, 50, tzinfo=UTC)
    card = follow_up_card(m, 1, C, nudge=True, now=now, zone=BERLIN)
    assert "with Carla" in card.text


async def test_the_follow_up_card_on_a_talk_with_a_friend_names_her(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(
        ANA,
        [
            TO_THE_PATH[0],
            TO_THE_PATH[1],
            ("press", "A friend", "whoname", ""),
            ("text", "Carla", "pat", ""),
            *TO_THE_PATH[4:],
            *LATER[len(TO_THE_PATH) :],
        ],
    )
    h.clock.advance(timedelta(hours=24, minutes=30))
    (card,) = cards(h, await h.tick())
    assert card.text is not None and "with Carla" in card.text, card.text


# 4. Moments of connection in /history


async def test_a_moment_of_connection_is_in_history(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana", evening=True)
    h.clock.advance(timedelta(minutes=30))
    (card,) = cards(h, await h.tick())
    await h.press(ANA, "A moment of connection", message_id=card.message_id)
    await h.text(ANA, "a walk by the river")
    await h.text(ANA, "/history")
    text = h.texts(await h.text(ANA, "/history"))[-1]
    assert 'A moment of connection: "a walk by the river"' in text, text
    assert "No moments yet" not in text


async def test_moments_of_connection_sit_with_the_page_of_their_time(harness: Harness):
    """Thirteen moments an hour apart (2 March, 00:30 in Berlin, on), ten a page: a page lists
    the connections after the newest moment of the page below it, up to its own newest. One
    kept between the first two shows on the second page; one between the third and fourth
    oldest (just past the second page's newest) and one after all of them, on the first;
    each once; paging is unchanged."""
    h = harness
    await h.onboard(ANA, "Ana")
    await add(h, ANA, range(13))
    first = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)
    async with h.db.unit_of_work() as session:
        for note, when in (
            ("between nought and one", first + timedelta(minutes=30)),
            ("between two and three", first + timedelta(hours=2, minutes=30)),
            ("after all of them", first + timedelta(hours=20)),
        ):
            session.add(
                Reflection(
                    user_id=ANA,
                    local_date=date(2026, 3, 2),
                    answer="connection",
                    note=note,
                    created_at=when,
                )
            )
    await h.text(ANA, "/history")
    page = h.last_card(ANA)
    assert listed(page) == list(range(12, 2, -1))
    text = page.text or ""
    assert "after all of them" in text and "between two and three" in text
    assert "between nought and one" not in text
    assert text.index("after all of them") < text.index("between two and three")  # newest first
    await h.press(ANA, OLDER)
    page = h.last_card(ANA)
    assert listed(page) == [2, 1, 0]
    text = page.text or ""
    assert "between nought and one" in text
    assert "between two and three" not in text and "after all of them" not in text
    assert '2 Mar · A moment of connection: "between nought and one"' in text
