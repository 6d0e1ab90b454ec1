"""/history in pages of ten: Older and Newer edit the list in place, page by a moment's place
(created_at, id) so a moment added or deleted meanwhile moves nothing twice or out of reach,
and a forged page button is answered as expired."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import event, select

from bot.domain.moments import Moment
from bot.sandbox.core import BotAction
from bot.storage import moments as store
from bot.storage.models import MomentRow
from tests.harness import Harness

ANA, BEN = 611, 612
OLDER, NEWER = "Older moments →", "← Newer"
EXPIRED = "This card has expired."
# 23:30 UTC on 1 March is 00:30 on 2 March in Berlin, where Ana is.
FIRST = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)


def words(n: int) -> str:
    return f"Moment number {n:02d} was here"


async def add(h: Harness, user_id: int, numbers: range, at: dict[int, datetime] | None = None):
    """Moments `numbers`, an hour apart from FIRST (or at `at`), each told in its own words."""
    async with h.db.unit_of_work() as session:
        for n in numbers:
            when = (at or {}).get(n, FIRST + timedelta(hours=n))
            moment = Moment(
                f"m{user_id}-{n:02d}x",
                when,
                direction="to_me",
                who="partner",
                pattern="other",
                description=words(n),
                status="let_go",
            )
            await store.save(session, user_id, moment, when)


def listed(card: BotAction) -> list[int]:
    """The moment numbers a list card shows, top to bottom."""
    return [int(b["text"].split("number ")[1][:2]) for b in card.buttons() if "number" in b["text"]]


def labels(card: BotAction) -> list[str]:
    return [b["text"] for b in card.buttons()]


def edits(actions: list[BotAction]) -> list[BotAction]:
    return [a for a in actions if a.method == "editMessageText"]


@contextmanager
def moment_reads(h: Harness) -> Iterator[list[str]]:
    """The SELECTs on the moments table run meanwhile (other tables' reads are not counted:
    they are no business of paging)."""
    reads: list[str] = []
    on_moments = re.compile(r"^\s*SELECT\b.*\bFROM moments\b", re.IGNORECASE | re.DOTALL)

    def seen(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if on_moments.match(statement):
            reads.append(statement)

    engine = h.db.engine.sync_engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        yield reads
    finally:
        event.remove(engine, "before_cursor_execute", seen)


async def ids_of(h: Harness, user_id: int) -> set[str]:
    async with h.db.unit_of_work() as session:
        rows = await session.scalars(select(MomentRow.id).where(MomentRow.user_id == user_id))
        return set(rows)


async def test_older_reaches_the_oldest_three_which_open_and_delete_and_newer_returns(
    harness: Harness,
):
    h = harness
    await h.onboard(ANA, "Ana")
    await add(h, ANA, range(13))
    await h.text(ANA, "/history")
    card = h.last_card(ANA)
    assert card.text is not None and card.text.startswith("Your last moments")
    assert listed(card) == list(range(12, 2, -1))
    assert OLDER in labels(card) and NEWER not in labels(card)

    actions = await h.press(ANA, OLDER)
    (edit,) = edits(actions)
    assert edit.message_id == card.message_id  # the list itself, edited in place
    page = h.last_card(ANA)
    assert page.text is not None and page.text.startswith("Older moments")
    assert listed(page) == [2, 1, 0]
    assert NEWER in labels(page) and OLDER not in labels(page)
    oldest = next(b["text"] for b in page.buttons() if "number 00" in b["text"])
    assert oldest.startswith("2 Mar")  # in Berlin: 00:30 the next day

    replies = h.texts(await h.press(ANA, next(b for b in labels(page) if "number 01" in b)))
    assert words(1) in replies[-1]
    await h.press(ANA, "We repaired it")
    async with h.db.unit_of_work() as session:
        one = await store.owned(session, ANA, f"m{ANA}-01x")
    assert one is not None and one.status == "repaired"
    await h.press(ANA, "Delete")
    actions = await h.press(ANA, "Yes, delete it")
    assert h.toasts(actions) == ["Deleted."]
    assert f"m{ANA}-01x" not in await ids_of(h, ANA) and len(await ids_of(h, ANA)) == 12
    page = h.last_card(ANA)  # back on the page it was on, not the newest
    assert page.message_id == card.message_id
    assert listed(page) == [2, 0] and NEWER in labels(page)

    actions = await h.press(ANA, NEWER)
    (edit,) = edits(actions)
    assert edit.message_id == card.message_id
    page = h.last_card(ANA)
    assert page.text is not None and page.text.startswith("Your last moments")
    assert listed(page) == list(range(12, 2, -1))
    assert OLDER in labels(page) and NEWER not in labels(page)


async def test_all_moments_back_from_an_older_one_returns_to_its_page(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await add(h, ANA, range(25))
    await h.text(ANA, "/history")
    await h.press(ANA, OLDER)
    assert listed(h.last_card(ANA)) == list(range(14, 4, -1))
    await h.press(ANA, next(b for b in labels(h.last_card(ANA)) if "number 07" in b))
    await h.press(ANA, "All moments")
    page = h.last_card(ANA)
    assert listed(page) == list(range(14, 4, -1))
    assert NEWER in labels(page) and OLDER in labels(page)
    await h.press(ANA, OLDER)
    assert listed(h.last_card(ANA)) == [4, 3, 2, 1, 0]
    await h.press(ANA, NEWER)
    assert listed(h.last_card(ANA)) == list(range(14, 4, -1))


async def test_a_moment_added_or_deleted_meanwhile_shifts_nothing_twice_or_out_of_reach(
    harness: Harness,
):
    h = harness
    await h.onboard(ANA, "Ana")
    # Three moments at the same instant across the page's edge: told apart by id.
    same = FIRST + timedelta(hours=3)
    await add(h, ANA, range(13), at={2: same, 3: same, 4: same})
    await h.text(ANA, "/history")
    first = listed(h.last_card(ANA))
    assert len(first) == 10
    # Meanwhile: a new moment, and one on the first page deleted (another chat, /delete...).
    await add(h, ANA, range(20, 21))
    async with h.db.unit_of_work() as session:
        assert await store.remove(session, ANA, f"m{ANA}-{first[0]:02d}x")
    await h.press(ANA, OLDER)  # the card drawn before both
    second = listed(h.last_card(ANA))
    assert set(first) | set(second) == set(range(13)) and not set(first) & set(second)
    # And the other way: Newer from there shows the newest ten as they are now.
    await h.press(ANA, NEWER)
    now = listed(h.last_card(ANA))
    assert now[0] == 20 and len(now) == 10 and first[0] not in now


async def test_a_forged_or_stale_page_button_is_answered_as_expired(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.onboard(BEN, "Ben")
    await add(h, ANA, range(13))
    await h.text(ANA, "/history")
    older = next(b["callback_data"] for b in h.last_card(ANA).buttons() if b["text"] == OLDER)
    await h.press(ANA, OLDER)
    for data in (
        "menu:history.zzz",
        "menu:history.o",
        "menu:history.x1.abc",
        "menu:history.offffffffffffffff.abc",  # a time past what a page can name
        "menu:history.o1.a.b",
        "menu:history.n1.",
    ):
        actions = await h.press(ANA, data=data, forge=True)
        assert h.toasts(actions) == [EXPIRED], data
        assert all("went wrong" not in t for t in h.texts(actions)), data
        assert listed(h.last_card(ANA)) == list(range(12, 2, -1)), data  # the newest page
    # Ana's own button, pressed by Ben (a forged client): he sees only his own list.
    actions = await h.press(BEN, data=older, forge=True)
    assert all("number" not in t for t in h.texts(actions))
    assert any("No moments yet" in t for t in h.texts(actions))
    # A stale Older whose last row is gone still goes on from where it was.
    async with h.db.unit_of_work() as session:
        assert await store.remove(session, ANA, f"m{ANA}-03x")
    await h.press(ANA, data=older, forge=True)
    assert listed(h.last_card(ANA)) == [2, 1, 0]


async def test_a_page_is_one_read_and_only_a_way_it_cannot_tell_costs_another(harness: Harness):
    """The page's own read asks for one moment more than it shows: that one tells whether
    there is a page past it. Only the way back it came by (Newer after Older, Older after
    Newer) is asked about in a read of its own, as a deleted moment may have been the edge."""
    h = harness
    await h.onboard(ANA, "Ana")
    await add(h, ANA, range(30))
    with moment_reads(h) as reads:
        await h.text(ANA, "/history")
    assert listed(h.last_card(ANA)) == list(range(29, 19, -1))
    assert len(reads) == 1, reads  # the newest page: nothing is newer
    for expected in (list(range(19, 9, -1)), list(range(9, -1, -1))):
        with moment_reads(h) as reads:
            await h.press(ANA, OLDER)
        assert listed(h.last_card(ANA)) == expected
        assert len(reads) == 2, reads
    assert NEWER in labels(h.last_card(ANA)) and OLDER not in labels(h.last_card(ANA))
    with moment_reads(h) as reads:
        await h.press(ANA, NEWER)
    page = h.last_card(ANA)
    assert listed(page) == list(range(19, 9, -1)) and {NEWER, OLDER} <= set(labels(page))
    assert len(reads) == 2, reads
    await h.press(ANA, next(b for b in labels(page) if "number 12" in b))
    with moment_reads(h) as reads:
        await h.press(ANA, "All moments")  # AT: counted, then read; both ways told
    page = h.last_card(ANA)
    assert listed(page) == list(range(19, 9, -1)) and {NEWER, OLDER} <= set(labels(page))
    assert len(reads) == 2, reads
