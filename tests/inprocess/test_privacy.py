"""/privacy, /export and /delete: all of it, and then none of it."""

from __future__ import annotations

import json
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
    replies = h.texts(await h.press(ANA, data="menu:del.yes", forge=True))
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
