"""/privacy, /export and /delete: what is kept about a person, all of it, and erasing it."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.content import Catalogue
from bot.domain import history
from bot.domain.moments import Moment
from bot.domain.replies import Button, Reply, rows
from bot.storage import couples as store
from bot.storage import moments as moment_store
from bot.storage.models import (
    Appreciation,
    Base,
    Checkin,
    ConversationState,
    CoupleSpace,
    MomentRow,
    PartnerLink,
    Reflection,
    RepairBid,
    ScheduledPrompt,
    User,
)
from bot.telegram.turn import Outgoing, Turn


def _plain(row: Base, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for column in row.__table__.columns:
        if column.key in skip:
            continue
        value = getattr(row, column.key)
        values[column.key] = value.isoformat() if isinstance(value, (datetime, date)) else value
    return values


async def _couple_rows(
    session: AsyncSession, user_id: int
) -> tuple[list[PartnerLink], list[CoupleSpace], list[Checkin]]:
    """The person's partner links, those links' spaces and the spaces' check-ins: three
    queries, however many there are."""
    links = list(
        await session.scalars(
            select(PartnerLink)
            .where(or_(PartnerLink.inviter_id == user_id, PartnerLink.partner_id == user_id))
            .order_by(PartnerLink.id)
        )
    )
    spaces = list(
        await session.scalars(
            select(CoupleSpace)
            .where(CoupleSpace.link_id.in_([link.id for link in links]))
            .order_by(CoupleSpace.id)
        )
    )
    checkins = list(
        await session.scalars(
            select(Checkin)
            .where(Checkin.space_id.in_([space.id for space in spaces]))
            .order_by(Checkin.space_id, Checkin.local_date)
        )
    )
    return links, spaces, checkins


async def everything(session: AsyncSession, user_id: int) -> dict[str, Any]:
    """All rows about the person, as they are stored (the partner's own words excluded)."""

    async def rows_of(model: Any, *where: Any) -> list[Any]:
        return list(await session.scalars(select(model).where(*where)))

    user = await session.get(User, user_id)
    links, spaces, checkins = await _couple_rows(session, user_id)
    bids = await rows_of(
        RepairBid, or_(RepairBid.from_user == user_id, RepairBid.to_user == user_id)
    )
    return {
        "exported_for": user_id,
        "profile": _plain(user) if user else None,
        "moments": [_plain(m) for m in await rows_of(MomentRow, MomentRow.user_id == user_id)],
        "flows_in_progress": [
            _plain(s)
            for s in await rows_of(ConversationState, ConversationState.user_id == user_id)
        ],
        "scheduled_prompts": [
            _plain(p) for p in await rows_of(ScheduledPrompt, ScheduledPrompt.user_id == user_id)
        ],
        "reflections": [
            _plain(r) for r in await rows_of(Reflection, Reflection.user_id == user_id)
        ],
        "thanks": [
            _plain(a) for a in await rows_of(Appreciation, Appreciation.author_id == user_id)
        ],
        "partner_links": [_plain(link, skip=("token_hash",)) for link in links],
        "shared_spaces": [_plain(space) for space in spaces],
        "check_ins": [
            {
                "date": checkin.local_date.isoformat(),
                "your_answer": dict(checkin.answers).get(str(user_id)),
                "status": checkin.status,
            }
            for checkin in checkins
        ],
        "repair_bids": [
            {**_plain(b, skip=("text",)), "text": b.text if b.from_user == user_id else None}
            for b in bids
        ],
    }


EXPORT_SECTIONS = (
    "moments",
    "reflections",
    "thanks",
    "scheduled_prompts",
    "partner_links",
    "shared_spaces",
    "check_ins",
    "repair_bids",
    "flows_in_progress",
)


def moment_blocks(moments: list[Moment], c: Catalogue, zone: str | None) -> list[str]:
    """Each moment as /history shows it, with their own words whole and the draft."""
    blocks = []
    for m in moments:
        card = history.summary(m, c, zone, cut=None)
        text = card.text
        if m.draft and card.copyable is None:  # an unfinished moment's draft is theirs too
            text += "\n\n" + c.text("history.summary_draft")
        if m.draft:
            text += f"\n\n> {m.draft}"
        blocks.append(text)
    return blocks


def as_markdown(data: dict[str, Any], c: Catalogue, moments: list[str] | None = None) -> str:
    """The export for people to read. `moments`: the moments as written by `moment_blocks`
    (without them, they are listed as stored, like every other section)."""
    profile = data.get("profile") or {}
    name = profile.get("preferred_name") or profile.get("first_name")
    lines = [
        f"# {c.text('privacy.export.title')}",
        "",
        f"## {c.text('privacy.export.you')}",
        "",
        f"- {c.text('privacy.export.name', name=name)}",
        f"- {c.text('privacy.export.zone', zone=profile.get('timezone'))}",
        "",
    ]
    for key in EXPORT_SECTIONS:
        items = data.get(key) or []
        lines += [f"## {c.text(f'privacy.export.{key}')} ({len(items)})", ""]
        if key == "moments" and moments is not None:
            lines += [f"{block}\n" for block in moments]
            continue
        for item in items:
            shown = ", ".join(
                f"{k}: {v}"
                for k, v in item.items()
                if v not in (None, [], {}, "") and k not in ("user_id",)
            )
            lines.append(f"- {shown}")
        lines.append("")
    return "\n".join(lines)


async def export(turn: Turn) -> None:
    data = await everything(turn.session, turn.user.id)
    stored = await moment_store.recent(turn.session, turn.user.id, limit=None)
    blocks = moment_blocks(stored, turn.content, turn.user.timezone)
    raw = json.dumps(data, ensure_ascii=False, indent=2, default=str).encode()
    caption = turn.content.text("privacy.export_caption")
    turn.outbox.append(
        Outgoing("document", turn.chat_id, caption, document=raw, filename="mend-export.json")
    )
    turn.outbox.append(
        Outgoing(
            "document",
            turn.chat_id,
            None,
            document=as_markdown(data, turn.content, blocks).encode(),
            filename="mend-export.md",
        )
    )


# A "Delete everything" button works for this long after /delete asked: erasing cannot be
# undone, so a card found weeks later in the chat must not do it with one stray tap.
DELETE_CARD_LIFE = timedelta(minutes=15)


def ask_delete(turn: Turn) -> None:
    c = turn.content
    asked = int(turn.now.timestamp())
    turn.say(
        Reply(
            c.text("privacy.delete_ask"),
            rows(
                Button(c.text("privacy.delete_yes"), f"del.yes.{asked}", menu=True),
                Button(c.text("privacy.delete_no"), "del.no", menu=True),
            ),
        )
    )


def _fresh(asked: str, now: datetime) -> bool:
    """Whether a confirmation asked at `asked` (epoch seconds) may still be acted on."""
    if not asked.isdigit():
        return False
    age = now - datetime.fromtimestamp(int(asked), UTC)
    return timedelta(0) <= age <= DELETE_CARD_LIFE


async def answer_delete(turn: Turn, argument: str) -> None:
    c = turn.content
    choice, _, asked = argument.partition(".")
    if choice != "yes":
        turn.say(Reply(c.text("privacy.kept"), edit=True))
        return
    if not _fresh(asked, turn.now):
        if turn.pressed_message_id is not None:
            turn.clear_keyboard(turn.pressed_message_id)
        turn.say(Reply(c.text("privacy.delete_expired")))
        return
    for partner_id, space_paused in await erase(turn.session, turn.user.id, turn.now):
        told = "privacy.partner_left_paused" if space_paused else "privacy.partner_left"
        turn.say(Reply(c.text(told)), chat_id=partner_id)
    turn.say(Reply(c.text("privacy.deleted"), edit=True))


async def erase(session: AsyncSession, user_id: int, now: datetime) -> list[tuple[int, bool]]:
    """Everything about the person, gone; returns the partners to tell that the link ended,
    each with whether their shared group space was paused by it (nothing more about why).

    Rows that are theirs alone are deleted (the users row last, and the foreign keys cascade
    the rest). Shared rows keep nothing of them, and stay the other partner's to export or
    erase: the link ends and becomes the partner's alone, its spaces pause, the person's
    check-in answers are removed. A space nobody is left in goes, its check-ins with it.
    """
    links, spaces, checkins = await _couple_rows(session, user_id)
    active = {
        link.id: store.other(link, user_id)
        for link in links
        if link.status == "active" and link.partner_id is not None
    }
    paused: set[int] = set()  # links whose active space this pauses
    kept: set[int] = set()
    for link in links:
        if link.partner_id is None:
            await session.delete(link)  # an invite nobody took: theirs alone
            continue
        link.inviter_id, link.partner_id = store.other(link, user_id), None
        link.status, link.token_hash = "ended", None
        link.ended_at = link.ended_at or now
        kept.add(link.id)
    for space in spaces:
        if space.link_id not in kept:
            await session.execute(delete(Checkin).where(Checkin.space_id == space.id))
            await session.execute(
                delete(ScheduledPrompt).where(ScheduledPrompt.chat_id == space.chat_id)
            )
            await session.delete(space)
            continue
        space.confirmed = [u for u in space.confirmed if u != str(user_id)]
        if space.status == "active" and space.link_id is not None:
            paused.add(space.link_id)
        if space.status in ("active", "pairing"):
            space.status = "paused"
    shared = {space.id for space in spaces if space.link_id in kept}
    for checkin in checkins:
        if checkin.space_id in shared:
            answers = dict(checkin.answers)
            checkin.answers = {k: v for k, v in answers.items() if k != str(user_id)}
    await session.flush()
    await session.execute(
        delete(ScheduledPrompt).where(
            or_(ScheduledPrompt.user_id == user_id, ScheduledPrompt.chat_id == user_id)
        )
    )
    await session.execute(
        delete(ConversationState).where(
            or_(ConversationState.user_id == user_id, ConversationState.chat_id == user_id)
        )
    )
    await session.execute(
        update(Appreciation).where(Appreciation.shared_with == user_id).values(shared_with=None)
    )
    await session.execute(
        delete(RepairBid).where(
            or_(
                RepairBid.from_user == user_id,
                RepairBid.to_user == user_id,
                RepairBid.chat_id == user_id,
            )
        )
    )
    await session.execute(
        # Invites they opened and never took; not a link just handed to the other partner.
        delete(PartnerLink).where(
            PartnerLink.opened_by == user_id,
            PartnerLink.status != "active",
            PartnerLink.id.not_in(kept),
        )
    )
    await session.execute(
        update(PartnerLink).where(PartnerLink.opened_by == user_id).values(opened_by=None)
    )
    user = await session.get(User, user_id)
    if user is not None:
        await session.delete(user)  # moments, reflections, thanks... cascade with it
    await session.flush()
    return [(partner, link_id in paused) for link_id, partner in active.items()]
