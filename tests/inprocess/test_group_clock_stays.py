"""The couple's group check-in goes by one clock, set in the group. When the partner whose
clock it is moves to another time zone, it stays put (it is both partners'), and they are
told, privately, what its time is for them now and where to move it."""

from __future__ import annotations

from tests.harness import Harness
from tests.inprocess.test_couples import ANA, BEN, check_in_on, paired_group
from tests.inprocess.test_scheduling import move_to


def told_of_the_group_clock(h: Harness, user_id: int) -> list[str]:
    return [
        a.text or ""
        for a in h.sandbox.actions
        if a.chat_id == user_id and "group check-in stays at" in (a.text or "")
    ]


async def test_the_partner_whose_clock_it_is_is_told_on_moving(h: Harness):
    group = await paired_group(h)
    await check_in_on(h, group)  # Ana's clock, Europe/Berlin
    await move_to(h, ANA, "London")
    (told,) = told_of_the_group_clock(h, ANA)
    assert told.startswith(
        "Your group check-in stays at 21:00 (Europe/Berlin) · 20:00 (Europe/London)"
    )
    assert "send /settings in your group" in told


async def test_a_time_on_the_next_day_for_them_says_so(h: Harness):
    group = await paired_group(h)
    await check_in_on(h, group)
    await move_to(h, ANA, "Tokyo")
    (told,) = told_of_the_group_clock(h, ANA)
    assert "21:00 (Europe/Berlin) · 05:00 the next day (Asia/Tokyo)" in told


async def test_a_partner_is_told_once_and_not_again_from_another_clock(h: Harness):
    group = await paired_group(h)
    await check_in_on(h, group)  # on Ana's clock, Europe/Berlin
    await move_to(h, BEN, "New York")  # Berlin was his too: told once...
    await move_to(h, BEN, "London")  # ...but not again, from a zone the check-in is not on
    assert len(told_of_the_group_clock(h, BEN)) == 1


async def test_nothing_is_said_with_the_check_in_off(h: Harness):
    await paired_group(h)
    await move_to(h, ANA, "London")
    assert told_of_the_group_clock(h, ANA) == []
