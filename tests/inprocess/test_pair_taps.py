"""A tap on "Pair this group" that cannot pair is answered to the one who tapped (a toast),
not posted to everyone in the group on every tap; /pair typed still gets its answer there."""

from __future__ import annotations

from tests.harness import Harness
from tests.inprocess.test_couples import ANA, BEN, CY, flush, link, said


async def test_a_tap_by_someone_not_linked_is_a_toast_for_them_alone(h: Harness):
    await h.onboard(ANA, "Ana")
    group = h.sandbox.create_group("Us", [ANA, BEN], by=ANA)
    await flush(h)
    for _ in range(2):
        actions = await h.press(ANA, "Pair this group", chat_id=group)
        assert said(actions, group) == []
        assert h.toasts(actions) == [
            "To pair, you need to be linked as partners first: send /invite to me privately."
        ]


async def test_a_tap_in_a_group_with_others_is_a_toast(h: Harness):
    await link(h)
    await h.onboard(CY, "Cy")
    crowd = h.sandbox.create_group("Friends", [ANA, BEN, CY], by=ANA)
    await flush(h)
    actions = await h.press(ANA, "Pair this group", chat_id=crowd)
    assert said(actions, crowd) == []
    assert "other people in it" in (h.toasts(actions)[0] or "")


async def test_pair_typed_by_someone_not_linked_is_answered_in_the_group(h: Harness):
    await h.onboard(CY, "Cy")
    group = h.sandbox.create_group("Us", [ANA, CY], by=CY)
    await flush(h)
    (answer,) = said(await h.text(CY, "/pair", chat_id=group), group)
    assert "linked as partners first" in answer
