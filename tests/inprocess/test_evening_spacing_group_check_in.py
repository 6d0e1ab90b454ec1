"""One card at a time: the couple's group check-in and each partner's own evening card, both
at 21:00, do not arrive in the same minute. The private one comes AFTER_CHECK_IN later."""

from __future__ import annotations

from datetime import timedelta

from tests.harness import Harness
from tests.inprocess.test_couples import ANA, BEN, check_in_on, flush, sent


async def test_the_evening_card_comes_after_the_group_check_in(h: Harness):
    await h.onboard(ANA, "Ana", evening=True)
    await h.onboard(BEN, "Ben", evening=True)
    await h.link(ANA, BEN, "Ana")
    group = h.sandbox.create_group("Us", [ANA, BEN], by=ANA)
    await flush(h)
    await h.press(ANA, "Pair this group", chat_id=group)
    await h.text(BEN, "/pair", chat_id=group)
    await check_in_on(h, group)
    h.clock.advance(timedelta(minutes=30))  # 21:00 in Berlin: both are due
    assert [a.chat_id for a in sent(await h.tick())] == [group]
    h.clock.advance(timedelta(minutes=44))
    assert sent(await h.tick()) == []
    h.clock.advance(timedelta(minutes=1))  # 21:45
    evening = sent(await h.tick())
    assert {a.chat_id for a in evening} == {ANA, BEN} and len(evening) == 2
    assert all("Good evening" in (a.text or "") for a in evening)
