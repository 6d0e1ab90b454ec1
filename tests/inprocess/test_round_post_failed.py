"""A round whose post of both answers to the group fails for good (Telegram failing twice, or
refusing): neither partner is left thinking it went, nor in the dark. Each is told privately
that it couldn't be posted, with their OWN line back, never the other's (their words go to
the partner only in the group post they both agreed to)."""

from __future__ import annotations

import pytest

from bot.sandbox.core import Fault
from tests.harness import Harness
from tests.inprocess.test_couples import ANA, BEN, said
from tests.inprocess.test_round_confirm import round_out

HERS = "How you listened on Tuesday"
HIS = "The soup when I was ill"


@pytest.mark.parametrize("fault", ["server_error", "blocked"])
async def test_a_round_post_that_fails_tells_each_partner_with_their_own_line(
    h: Harness, fault: str
):
    group, _ = await round_out(h)
    await h.press(ANA, "Write mine")
    await h.text(ANA, HERS)
    await h.press(ANA, "Yes, that's my thanks")
    await h.press(BEN, "Write mine")
    await h.text(BEN, HIS)
    times = 2 if fault == "server_error" else 1
    h.sandbox.faults.append(Fault(fault, method="sendMessage", chat_id=group, times=times))
    actions = await h.press(BEN, "Yes, that's my thanks")
    assert said(actions, group) == []
    his, hers = " ".join(said(actions, BEN)), " ".join(said(actions, ANA))
    assert "Posted in your group" not in his
    for told, own, other in ((his, HIS, HERS), (hers, HERS, HIS)):
        assert "couldn't post this week's thanks round" in told
        assert own in told and other not in told


async def test_a_round_post_that_timed_out_is_said_unconfirmed_to_each_with_their_own_line(
    h: Harness,
):
    group, _ = await round_out(h)
    await h.press(ANA, "Write mine")
    await h.text(ANA, HERS)
    await h.press(ANA, "Yes, that's my thanks")
    await h.press(BEN, "Write mine")
    await h.text(BEN, HIS)
    h.sandbox.faults.append(Fault("timeout", method="sendMessage", chat_id=group, delay=0.01))
    actions = await h.press(BEN, "Yes, that's my thanks")
    his, hers = " ".join(said(actions, BEN)), " ".join(said(actions, ANA))
    assert "Posted in your group" not in his
    for told, own, other in ((his, HIS, HERS), (hers, HERS, HIS)):
        # It may be there: not "nothing of it went there", and not posted again.
        assert "didn't confirm that this week's thanks round was posted" in told
        assert "couldn't post" not in told
        assert own in told and other not in told
