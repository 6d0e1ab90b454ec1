"""The per-person flood guard."""

from __future__ import annotations

from datetime import timedelta

from telegram import Update

from bot.telegram.flood import FloodGuard, sender_key
from tests.harness import FakeClock, start_harness

ANA, BEN = 1201, 1202


async def test_more_than_20_in_10_seconds_gets_one_slow_down_and_the_rest_dropped(
    db_url: str, clock: FakeClock
):
    async with start_harness(db_url, clock, flood_limit=20) as h:
        h.person(ANA, "Ana")
        h.person(BEN, "Ben")
        answered = []
        for _ in range(30):
            answered.append(h.texts(await h.text(ANA, "/help")))
        assert all(answered[:20]) and all("What I can do" in a[0] for a in answered[:20])
        assert answered[20] == [
            "That's a lot at once. I'll pause for a few seconds, then I'm all yours again."
        ]
        assert answered[21:] == [[]] * 9  # dropped quietly
        assert "What I can do" in h.texts(await h.text(BEN, "/help"))[0]  # others unaffected
        h.clock.advance(timedelta(seconds=11))
        assert "What I can do" in h.texts(await h.text(ANA, "/help"))[0]


async def test_a_dropped_press_still_stops_the_spinner(db_url: str, clock: FakeClock):
    async with start_harness(db_url, clock, flood_limit=2) as h:
        h.person(ANA, "Ana")
        await h.text(ANA, "/start")
        await h.text(ANA, "/help")
        await h.text(ANA, "/help")  # the warning
        card = h.last_card(ANA)
        actions = await h.press(ANA, data=card.buttons()[0]["callback_data"])
        assert [a.method for a in actions] == ["answerCallbackQuery"]


def test_the_guard_forgets_people_quiet_for_a_whole_window(clock: FakeClock):
    guard = FloodGuard(clock, limit=2, window=timedelta(seconds=10))
    for person in range(1000):
        guard.check(person)
    for _ in range(3):  # the third is over the limit: warned
        guard.check(ANA)
    assert len(guard.seen) == 1001 and ANA in guard.warned
    clock.advance(timedelta(seconds=11))
    assert guard.check(BEN) == "ok"
    assert set(guard.seen) == {BEN} and guard.warned == set()


def _message_as_chat(group: int, sender_chat: int | None) -> Update:
    anonymous = {"id": 1087968824, "is_bot": True, "first_name": "Group"}  # GroupAnonymousBot
    message: dict[str, object] = {
        "message_id": 1,
        "date": 0,
        "chat": {"id": group, "type": "supergroup", "title": "G"},
        "from": anonymous
        if sender_chat is not None
        else {"id": 5, "is_bot": False, "first_name": "A"},
        "text": "/help",
    }
    if sender_chat is not None:
        message["sender_chat"] = {"id": sender_chat, "type": "supergroup", "title": "G"}
    return Update.de_json({"update_id": 1, "message": message}, None)


def test_anonymous_admins_of_different_groups_are_told_apart():
    """Every anonymous admin is the same account: keyed by the group they speak for, twenty
    of them in twenty groups are twenty senders, not one (the 21st group would be dropped)."""
    keys = {sender_key(_message_as_chat(-100 - n, -100 - n)) for n in range(21)}
    assert len(keys) == 21
    assert sender_key(_message_as_chat(-100, None)) == 5  # a person: their own id
