"""/privacy, /export and /delete: all of it, and then none of it."""

from __future__ import annotations

import json
import re
from datetime import time, timedelta

import pytest
from sqlalchemy import select, text

from bot.domain.clock import at_local, zone_of
from bot.storage.models import Base, Checkin, CoupleSpace, PartnerLink
from tests.harness import Harness
from tests.inprocess.flows import LATER, SAY_IT_NOW

ANA, BEN = 510_001, 510_002


async def a_full_life(h: Harness) -> int:
    """Ana with moments, reminders, thanks, a partner and a shared group."""
    await h.onboard(ANA, "Ana", evening=True)
    await h.onboard(BEN, "Ben", evening=True)
    await h.walk(ANA, LATER + SAY_IT_NOW)
    await h.text(ANA, "/thanks")
    await h.text(ANA, "for the tea")
    await h.link(ANA, BEN, "Ana")
    group = h.sandbox.create_group("Us", [ANA, BEN], by=ANA)
    for update in h.sandbox.pending_updates():
        await h.feed(update)
    await h.text(ANA, "/pair", chat_id=group)
    await h.text(BEN, "/pair", chat_id=group)
    await h.text(ANA, "/settings", chat_id=group)
    await h.press(ANA, "Turn the check-in on (21:00)", chat_id=group)
    berlin = zone_of("Europe/Berlin")
    evening = at_local(h.clock.now.astimezone(berlin).date(), time(21, 0), berlin)
    h.clock.now = evening if evening > h.clock.now else evening + timedelta(days=1)
    (card,) = [a for a in await h.tick() if a.chat_id == group and a.method == "sendMessage"]
    await h.press(ANA, "4", chat_id=group, message_id=card.message_id)
    await h.press(BEN, "2", chat_id=group, message_id=card.message_id)
    await h.text(ANA, "/moment")  # one in progress too
    return group


async def rows_mentioning(h: Harness, user_id: int) -> list[str]:
    """Every row in every table that still refers to the person, by any column."""
    found = []
    async with h.db.unit_of_work() as session:
        for table in Base.metadata.sorted_tables:
            for row in (await session.execute(table.select())).mappings():
                for column, value in row.items():
                    if value == user_id or (
                        isinstance(value, (list, dict)) and str(user_id) in json.dumps(value)
                    ):
                        found.append(f"{table.name}.{column}")
    return found


async def test_privacy_says_what_is_kept_and_how_to_remove_it(harness: Harness):
    await harness.onboard(ANA, "Ana", evening=True)
    (reply,) = harness.texts(await harness.text(ANA, "/privacy"))
    assert "/export" in reply and "/delete" in reply and "only you" in reply
    assert "privacy" in [c["command"] for c in harness.sandbox.commands]


async def test_export_has_everything_in_json_and_markdown(harness: Harness):
    h = harness
    await a_full_life(h)
    actions = await h.text(ANA, "/export")
    files = {
        a.params["file_name"]: a.params["content"] for a in actions if a.method == "sendDocument"
    }
    assert set(files) == {"mend-export.json", "mend-export.md"}
    data = json.loads(files["mend-export.json"])
    assert data["profile"]["preferred_name"] == "Ana"
    assert len(data["moments"]) == 3 and len(data["thanks"]) == 1
    assert {p["kind"] for p in data["scheduled_prompts"]} >= {"evening", "follow_up", "nudge"}
    assert len(data["partner_links"]) == 1 and len(data["shared_spaces"]) == 1
    # Her own answer to the check-in, never Ben's.
    assert [(c["your_answer"], c["status"]) for c in data["check_ins"]] == [(4, "revealed")]
    assert data["flows_in_progress"] and all(
        "token_hash" not in link for link in data["partner_links"]
    )
    markdown = files["mend-export.md"].decode()
    assert "## Moments (3)" in markdown and "for the tea" in markdown
    # Moments read as /history shows them, not as stored ("direction: to_me").
    assert "Phone out mid-talk" in markdown and "direction: to_me" not in markdown
    assert "Felt: lonely" in markdown


async def test_delete_leaves_no_row_that_refers_to_the_person(harness: Harness):
    h = harness
    await a_full_life(h)
    assert await rows_mentioning(h, ANA)
    await h.text(ANA, "/delete")
    actions = await h.press(ANA, "Delete everything")
    assert any("Everything about you is erased" in (a.text or "") for a in actions)
    told = [a.text for a in actions if a.chat_id == BEN]
    assert told == [  # and nothing else about Ana
        "Your partner link in Mend has ended, so your shared group space is paused. "
        "Your own moments stay yours."
    ]
    assert await rows_mentioning(h, ANA) == []
    async with h.db.unit_of_work() as session:
        (space,) = list(await session.scalars(select(CoupleSpace)))
        (link,) = list(await session.scalars(select(PartnerLink)))
        # The ended link, the paused space and his answer stay Ben's, to export or erase.
        assert (link.inviter_id, link.partner_id, link.status) == (BEN, None, "ended")
        assert space.status == "paused" and space.link_id == link.id
        (checkin,) = list(await session.scalars(select(Checkin)))
        assert checkin.answers == {str(BEN): 2}
        assert (
            await session.scalar(text("SELECT count(*) FROM users WHERE id = :u"), {"u": BEN}) == 1
        )


@pytest.mark.parametrize(
    ("first", "second", "answer"),
    [(ANA, BEN, 2), (BEN, ANA, 4)],  # the inviter first, or the one who opened the invite
)
async def test_after_one_partner_erases_the_other_can_still_export_and_erase_theirs(
    harness: Harness, first: int, second: int, answer: int
):
    h = harness
    await a_full_life(h)
    await h.text(first, "/delete")
    await h.press(first, "Delete everything")
    actions = await h.text(second, "/export")
    (exported,) = [a for a in actions if a.params.get("file_name") == "mend-export.json"]
    data = json.loads(exported.params["content"])
    assert [(c["your_answer"], c["status"]) for c in data["check_ins"]] == [(answer, "revealed")]
    assert len(data["shared_spaces"]) == 1
    await h.text(second, "/delete")
    await h.press(second, "Delete everything")
    assert await rows_mentioning(h, second) == []
    async with h.db.unit_of_work() as session:  # nobody is left in the space: it is gone
        for model in (CoupleSpace, Checkin, PartnerLink):
            assert list(await session.scalars(select(model))) == []


async def test_an_old_or_forged_delete_button_erases_nothing(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana", evening=True)
    before = await rows_mentioning(h, ANA)
    await h.text(ANA, "/delete")
    h.clock.advance(timedelta(hours=1))  # the card found later in the chat
    replies = h.texts(await h.press(ANA, "Delete everything"))
    assert replies and "haven't deleted anything" in replies[-1]
    for forged in ("menu:del.yes", "menu:del.yes." + "9" * 30, "menu:del.yes.-1"):
        replies = h.texts(await h.press(ANA, data=forged, forge=True))
        assert replies and "haven't deleted anything" in replies[-1]
    assert await rows_mentioning(h, ANA) == before
    await h.text(ANA, "/delete")  # asked again, and answered at once: it does erase
    await h.press(ANA, "Delete everything")
    assert await rows_mentioning(h, ANA) == []


async def test_keep_deletes_nothing(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana", evening=True)
    before = await rows_mentioning(h, ANA)
    await h.text(ANA, "/delete")
    replies = h.texts(await h.press(ANA, "Keep it"))
    assert replies == ["Nothing was deleted."]
    assert await rows_mentioning(h, ANA) == before


async def test_retention_deletes_moments_older_than_the_setting(db_url, clock):
    from datetime import timedelta

    from bot.app import apply_retention
    from bot.storage.models import MomentRow
    from tests.harness import start_harness

    async with start_harness(db_url, clock, retention_months=6) as h:
        await h.onboard(ANA, "Ana", evening=True)
        for kind, value, _, _ in SAY_IT_NOW:
            await (h.text(ANA, value) if kind == "text" else h.press(ANA, value))
        h.clock.advance(timedelta(days=30 * 6 - 1))
        for kind, value, _, _ in SAY_IT_NOW:
            await (h.text(ANA, value) if kind == "text" else h.press(ANA, value))
        h.clock.advance(timedelta(days=2))

        class Context:
            application = h.app

        await apply_retention(Context())  # type: ignore[arg-type]
        async with h.db.unit_of_work() as session:
            left = list(await session.scalars(select(MomentRow)))
        assert len(left) == 1 and left[0].created_at > h.clock.now - timedelta(days=180)


async def export_files(h: Harness, user_id: int) -> dict[str, bytes]:
    actions = await h.text(user_id, "/export")
    return {
        a.params["file_name"]: a.params["content"] for a in actions if a.method == "sendDocument"
    }


async def test_export_markdown_reads_as_words_not_stored_fields(harness: Harness):
    """The Markdown is for a person: a heading a section, dates on their clock, labels in
    words, no internal ids or column names. The JSON stays complete (the test above)."""
    h = harness
    group = await a_full_life(h)
    files = await export_files(h, ANA)
    markdown = files["mend-export.md"].decode()
    for raw in ("id:", "_id", "shared_with", "space_id", "token", "status:", "None"):
        assert raw not in markdown, raw
    for number in (str(ANA), str(BEN), str(group)):
        assert number not in markdown, number
    assert not re.search(r"\d{4}-\d{2}-\d{2}T\d", markdown)  # no stored timestamps
    assert "## You" in markdown and "- Time zone: Europe/Berlin" in markdown
    assert "- Evening check-in: at 21:00" in markdown
    # The thanks, written at 20:30 in Berlin (19:30 UTC), and kept for her alone.
    assert '- 1 March 2026, 20:30: "for the tea" (kept for you)' in markdown
    assert "- Linked with Ben since 1 March 2026" in markdown
    assert "- A group shared with Ben: active. Daily check-in at 21:00 (Europe/Berlin)" in (
        markdown
    )
    assert "- 1 March 2026: you answered 4; both of you answered." in markdown
    # Her own evening card waits 45 minutes for the group's check-in, due at the same time.
    assert "- 1 March 2026, 21:45: the evening check-in (planned)" in markdown
    assert "## Repair bids (0)\n\nNothing here.\n" in markdown
    assert "## Flows in progress (1)\n\n- A moment you're in the middle of" in markdown
    # The JSON keeps every stored field, ids included.
    data = json.loads(files["mend-export.json"])
    assert data["thanks"][0]["author_id"] == ANA and data["shared_spaces"][0]["chat_id"] == group


async def test_hi_after_erasing_everything_is_greeted_once(harness: Harness):
    """Erased, a person is new again: their "hi" is a first contact, and a hello. One
    greeting answers both, with what Mend is and is not."""
    h = harness
    await h.onboard(ANA, "Ana", evening=True)
    await h.text(ANA, "/delete")
    await h.press(ANA, "Delete everything")
    replies = h.texts(await h.text(ANA, "hi"))
    hellos = [r for r in replies if r.startswith("Hi ")]
    assert len(hellos) == 1, replies  # then, perhaps, the first question of setting up
    assert hellos[0].startswith("Hi Ana") and "not therapy" in hellos[0]


def test_export_markdown_tells_every_kind_of_row_in_words():
    """Rows a full life may not reach: a pause until resumed (a date at the calendar's end,
    which no clock east of UTC can show), an invite still open, a bid from the partner, a
    status this version has no words for (shown as stored rather than lost)."""
    from bot.content import catalogue
    from bot.telegram.privacy import as_markdown

    data = {
        "exported_for": ANA,
        "profile": {
            "first_name": "Ana",
            "timezone": "Asia/Tokyo",
            "evening_on": False,
            "quiet_start": "22:30",
            "quiet_end": "08:00",
            "follow_up_hours": 3,
            "nudges_on": False,
            "paused_until": "9999-12-31T00:00:00+00:00",
            "created_at": "2026-03-01T16:00:00+00:00",
        },
        "reflections": [{"local_date": "2026-03-01", "answer": "connection", "note": "a walk"}],
        "partner_links": [
            {
                "id": 1,
                "inviter_id": BEN,
                "partner_id": ANA,
                "status": "active",
                "accepted_at": "2026-03-01T16:00:00+00:00",
            },
            {
                "id": 2,
                "inviter_id": ANA,
                "partner_id": None,
                "status": "pending",
                "created_at": "2026-03-01T16:00:00+00:00",
                "expires_at": "2026-03-03T16:00:00+00:00",
            },
        ],
        "repair_bids": [
            {
                "from_user": BEN,
                "to_user": ANA,
                "answer": None,
                "text": None,
                "created_at": "2026-03-01T16:00:00+00:00",
            },
        ],
        "scheduled_prompts": [
            {"kind": "evening", "status": "someday", "due_at": "2026-03-01T16:00:00+00:00"}
        ],
    }
    markdown = as_markdown(data, catalogue("en"), [], None, {BEN: "Ben"})
    assert "- Paused until you resume" in markdown
    assert "- A gentle follow-up on moments left without a plan: off" in markdown
    assert '- 1 March 2026: A moment of connection: "a walk"' in markdown
    assert "- Linked with Ben since 1 March 2026" in markdown
    assert "- An invite you made on 1 March 2026, open until 3 March 2026, 16:00" in markdown
    assert "- 1 March 2026, 16:00: Ben asked you to reconnect; not answered." in markdown
    assert "- 1 March 2026, 16:00: the evening check-in (someday)" in markdown
    assert "## Moments (0)\n\nNothing here." in markdown
    zoned = as_markdown(data, catalogue("en"), [], "Asia/Tokyo", {BEN: "Ben"})
    assert "- 2 March 2026, 01:00: Ben asked you to reconnect" in zoned  # on her clock
