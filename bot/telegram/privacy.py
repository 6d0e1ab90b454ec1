"""/privacy, /export and /delete: what is kept about a person, all of it, and erasing it."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.content import Catalogue
from bot.domain import history
from bot.domain.clock import zone_of
from bot.domain.couples import forget_card_target
from bot.domain.moments import LET_GO, REPAIRED, Moment
from bot.domain.prompts import duration_words
from bot.domain.replies import Button, Reply, rows
from bot.domain.schedule import FOLLOW_UP, UNTIL_RESUMED
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
from bot.telegram.couples import close_open_cards, someone_elses_quiet_hours
from bot.telegram.prompts import ASKED_AGAIN
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


async def everything(
    session: AsyncSession, user_id: int, moments: list[MomentRow] | None = None
) -> dict[str, Any]:
    """All rows about the person, as they are stored (the partner's own words excluded);
    `moments`: their moment rows, when read already."""

    async def rows_of(model: Any, *where: Any) -> list[Any]:
        return list(await session.scalars(select(model).where(*where)))

    user = await session.get(User, user_id)
    if moments is None:
        moments = await moment_store.rows_of(session, user_id)
    links, spaces, checkins = await _couple_rows(session, user_id)
    bids = await rows_of(
        RepairBid, or_(RepairBid.from_user == user_id, RepairBid.to_user == user_id)
    )
    return {
        "exported_for": user_id,
        "profile": _plain(user) if user else None,
        "moments": [_plain(m) for m in moments],
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


def _stored_time(value: object) -> datetime | None:
    """A time as `everything` gives it (ISO text), aware; None if it is not one."""
    if not isinstance(value, str) or not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def _in_words(when: datetime, zone: str | None) -> str:
    """A time of the export on the person's clock, as every line of it says one."""
    return when.astimezone(zone_of(zone)).strftime("%-d %B %Y, %H:%M")


def _reminders(asks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Of a moment's prompts (`asks`), the follow-ups "not yet" asked for: each planned in the
    turn (its created_at) that answered an earlier card of the moment so."""
    said_later = {
        _stored_time(p.get("answered_at"))
        for p in asks
        if str(p.get("answer") or "").startswith(ASKED_AGAIN)
    } - {None}
    return [
        p
        for p in asks
        if p.get("kind") == FOLLOW_UP and _stored_time(p.get("created_at")) in said_later
    ]


def _due(prompt: dict[str, Any]) -> datetime | None:
    return _stored_time(prompt.get("due_at"))


def _moment_more(
    m: Moment, c: Catalogue, zone: str | None, asks: list[dict[str, Any]]
) -> list[str]:
    """What the JSON keeps about a moment beyond its /history card, in words: how much it was
    still with them, the path chosen, the planned talk, any reminder after "not yet", how the
    talk went, when it was settled (and how long a repair took), which draft. (Its id, whose
    it is, the flow's step and the last change are bookkeeping, in the JSON alone.)"""
    e = "privacy.export."

    def when(value: datetime) -> str:
        return _in_words(value, zone)

    def words(key: str, fallback: str) -> str:  # the value itself, should a later one be new
        return c.text(key) if c.has(key) else fallback

    lines = []
    if m.intensity is not None:
        lines.append(c.text(e + "moment_intensity", level=m.intensity))
    if m.path:
        lines.append(c.text(e + "moment_path", path=words(f"moment.path_{m.path}", m.path)))
    if plan := history.plan_line(m, c, zone):  # whatever came of it, unlike the card
        lines.append(plan)
    for reminder in sorted(_reminders(asks), key=lambda p: str(p.get("due_at"))):
        if (due := _due(reminder)) is not None:
            status = str(reminder.get("status"))
            status = words(f"{e}statuses.{status}", status)
            lines.append(c.text(e + "moment_reminder", when=when(due), status=status))
    if m.outcome:
        outcome = words(f"follow_up.{m.outcome}", m.outcome)
        lines.append(c.text(e + "moment_outcome", outcome=outcome))
    if m.resolved_at is not None:
        if m.status == REPAIRED:
            took = duration_words(m.resolved_at - m.created_at, c)
            lines.append(c.text(e + "moment_repaired", when=when(m.resolved_at), took=took))
        else:
            key = "moment_let_go" if m.status == LET_GO else "moment_resolved"
            lines.append(c.text(e + key, when=when(m.resolved_at)))
    if m.draft and m.draft_style:
        style = words(f"{e}draft_styles.{m.draft_style}", m.draft_style)
        lines.append(c.text(e + "moment_draft_style", style=style))
    return lines


def moment_blocks(
    moments: list[Moment],
    c: Catalogue,
    zone: str | None,
    prompts: Sequence[dict[str, Any]] = (),
) -> list[str]:
    """Each moment as /history shows it, with their own words whole and the draft, and all
    else kept about it (`_moment_more`); `prompts`: the person's scheduled prompts as
    `everything` gives them, for its follow-ups."""
    blocks = []
    for m in moments:
        asks = [p for p in prompts if p.get("moment_id") == m.id]
        # The plan is told below (history.plan_line), whatever its status now; the draft
        # last, under its heading, whatever the status (an unfinished one's is theirs too).
        card = history.summary(m.update(plan_due_at=None, draft=None), c, zone, cut=None)
        text = "\n".join([card.text, *_moment_more(m, c, zone, asks)])
        if m.draft:
            quoted = "\n".join(f"> {line}".rstrip() for line in m.draft.splitlines())
            text += "\n\n" + c.text("history.summary_draft") + "\n\n" + quoted
        blocks.append(text)
    return blocks


def as_markdown(
    data: dict[str, Any],
    c: Catalogue,
    moments: list[str],
    zone: str | None = None,
    names: dict[int, str] | None = None,
    *,
    now: datetime | None = None,
) -> str:
    """The export for people to read: a heading a section, each item in words, dates on the
    person's clock (`zone`), people by name (`names`), and no ids or column names; the JSON
    beside it keeps every stored field. `moments`: as written by `moment_blocks`. `now`: when
    it is made (a pause ended by then is not told as current)."""
    partners = _partners_by_link(data)
    reader = _Reader(c, zone, names or {}, data.get("exported_for"), partners, now)
    lines = [f"# {c.text('privacy.export.title')}", ""]
    lines += [f"## {c.text('privacy.export.you')}", ""]
    lines += [f"- {line}" for line in reader.you(data.get("profile") or {})]
    lines.append("")
    for key in EXPORT_SECTIONS:
        items = data.get(key) or []
        lines += [f"## {c.text(f'privacy.export.{key}')} ({len(items)})", ""]
        if not items:
            lines += [c.text("privacy.export.none"), ""]
        elif key == "moments":
            lines += [f"{block}\n" for block in moments]
        else:
            if key == "scheduled_prompts":  # as they come (ISO times in UTC sort as times)
                items = sorted(items, key=lambda item: str(item.get("due_at") or ""))
            if key == "reflections":  # by date, newest first as the moments (not as answered)
                items = sorted(items, key=_reflection_order, reverse=True)
            lines += [f"- {reader.item(key, item)}" for item in items]
            lines.append("")
    return "\n".join(lines)


def _reflection_order(item: dict[str, Any]) -> tuple[str, str, int]:
    """An evening answer's place: its evening's date, then when it was answered."""
    made = item.get("created_at")
    number = item.get("id")
    return (
        str(item.get("local_date") or ""),
        str(made or ""),
        number if isinstance(number, int) else 0,
    )


def _partners_by_link(data: dict[str, Any]) -> dict[int, int | None]:
    """Each partner link's other person (None once they have left Mend)."""
    me = data.get("exported_for")
    found: dict[int, int | None] = {}
    for link in data.get("partner_links") or []:
        people = [link.get("inviter_id"), link.get("partner_id")]
        others = [p for p in people if p is not None and p != me]
        found[link["id"]] = others[0] if others else None
    return found


@dataclass(frozen=True)
class _Reader:
    """Stored rows (as `everything` gives them) told in words."""

    c: Catalogue
    zone: str | None
    names: dict[int, str]
    me: int | None
    partner_of_link: dict[int, int | None]
    now: datetime | None = None

    def words(self, key: str, value: object) -> str:
        """The words for a stored value (a kind, a status): `key.value`, or the value itself
        should a later version store one these words do not know yet."""
        found = f"privacy.export.{key}.{value}"
        return self.c.text(found) if self.c.has(found) else str(value)

    def local(self, value: object) -> datetime | None:
        when = _stored_time(value)
        try:
            return when.astimezone(zone_of(self.zone)) if when else None
        except OverflowError:  # past the calendar's end
            return None

    def when(self, value: object) -> str:
        local = self.local(value)
        return _in_words(local, self.zone) if local else self.c.text("privacy.export.unknown")

    def day(self, value: object) -> str:
        if isinstance(value, str) and len(value) == 10:  # a date as stored, already local
            try:
                return date.fromisoformat(value).strftime("%-d %B %Y")
            except ValueError:
                pass
        local = self.local(value)
        return local.strftime("%-d %B %Y") if local else self.c.text("privacy.export.unknown")

    def name(self, user_id: object) -> str:
        if isinstance(user_id, int) and user_id in self.names:
            return self.names[user_id]
        return self.c.text("privacy.export.former_partner")

    def you(self, profile: dict[str, Any]) -> list[str]:
        c, e = self.c, "privacy.export."
        name = profile.get("preferred_name") or profile.get("first_name")
        lines = [
            c.text(e + "name", name=name),
            c.text(e + "zone", zone=profile.get("timezone") or c.text(e + "zone_unset")),
        ]
        if profile.get("evening_on"):
            lines.append(c.text(e + "evening_on", time=profile.get("evening_at")))
        else:
            lines.append(c.text(e + "evening_off"))
        quiet = c.text(e + "quiet", start=profile.get("quiet_start"), end=profile.get("quiet_end"))
        lines += [quiet, c.text(e + "follow_up", hours=profile.get("follow_up_hours"))]
        lines.append(c.text(e + ("nudges_on" if profile.get("nudges_on") else "nudges_off")))
        paused = profile.get("paused_until")
        until = _stored_time(paused)
        if until is not None and self.now is not None and until <= self.now:
            paused = None  # over by now: not a pause any more (the JSON keeps when it ended)
        if isinstance(paused, str) and paused.startswith(str(UNTIL_RESUMED.year)):
            lines.append(c.text(e + "paused_forever"))
        elif paused:
            lines.append(c.text(e + "paused_until", when=self.when(paused)))
        if profile.get("created_at"):
            lines.append(c.text(e + "since", date=self.day(profile["created_at"])))
        return lines

    def item(self, section: str, item: dict[str, Any]) -> str:
        tell = {
            "reflections": self.reflection,
            "thanks": self.thanks,
            "scheduled_prompts": self.prompt,
            "partner_links": self.link,
            "shared_spaces": self.space,
            "check_ins": self.checkin,
            "repair_bids": self.bid,
            "flows_in_progress": self.flow,
        }[section]
        return tell(item)

    def reflection(self, item: dict[str, Any]) -> str:
        said = f"evening.{item.get('answer')}"  # in the words of its button
        answer = self.c.text(said) if self.c.has(said) else str(item.get("answer"))
        key = "reflection_note" if item.get("note") else "reflection"
        day = self.day(item.get("local_date"))
        return self.c.text(f"privacy.export.{key}", date=day, answer=answer, note=item.get("note"))

    def thanks(self, item: dict[str, Any]) -> str:
        e = "privacy.export."
        shared = item.get("shared_with")
        if item.get("round_key"):
            where = self.c.text(e + "thanks_round")
        elif isinstance(shared, int) and shared > 0:  # a person's private chat: theirs
            where = self.c.text(e + "thanks_sent", name=self.name(shared))
        elif shared is not None:
            where = self.c.text(e + "thanks_posted")
        else:
            where = self.c.text(e + "thanks_kept")
        when = self.when(item.get("created_at"))
        return self.c.text(e + "thanks_item", when=when, text=item.get("text"), where=where)

    def prompt(self, item: dict[str, Any]) -> str:
        return self.c.text(
            "privacy.export.prompt",
            when=self.when(item.get("due_at")),
            kind=self.words("kinds", item.get("kind")),
            status=self.words("statuses", item.get("status")),
        )

    def link(self, item: dict[str, Any]) -> str:
        e = "privacy.export."
        status = item.get("status")
        other = self.partner_of_link.get(item["id"])
        if status == "active":
            return self.c.text(
                e + "link_active", name=self.name(other), date=self.day(item.get("accepted_at"))
            )
        if status == "ended":
            return self.c.text(
                e + "link_ended",
                name=self.name(other),
                start=self.day(item.get("accepted_at")),
                end=self.day(item.get("ended_at")),
            )
        if status == "pending":
            return self.c.text(
                e + "link_pending",
                date=self.day(item.get("created_at")),
                until=self.when(item.get("expires_at")),
            )
        return self.c.text(
            e + "link_unused",
            date=self.day(item.get("created_at")),
            status=self.words("link_statuses", status),
        )

    def space(self, item: dict[str, Any]) -> str:
        e = "privacy.export."
        link = item.get("link_id")
        other = self.partner_of_link.get(link) if isinstance(link, int) else None
        zone = item.get("checkin_zone") or "UTC"
        checkin = (
            self.c.text(e + "space_checkin_on", time=item.get("checkin_at"), zone=zone)
            if item.get("checkin_on")
            else self.c.text(e + "space_checkin_off")
        )
        weekly_key = "space_weekly_on" if item.get("weekly_on") else "space_weekly_off"
        weekly = self.c.text(e + weekly_key)
        return self.c.text(
            e + "space",
            name=self.name(other),
            status=self.words("space_statuses", item.get("status")),
            checkin=checkin,
            weekly=weekly,
        )

    def checkin(self, item: dict[str, Any]) -> str:
        e = "privacy.export."
        value = item.get("your_answer")
        answer = (
            self.c.text(e + "checkin_answer", value=value)
            if value is not None
            else self.c.text(e + "checkin_no_answer")
        )
        return self.c.text(
            e + "checkin",
            date=self.day(item.get("date")),
            answer=answer,
            status=self.words("checkin_statuses", item.get("status")),
        )

    def bid(self, item: dict[str, Any]) -> str:
        e = "privacy.export."
        mine = item.get("from_user") == self.me
        other = item.get("to_user") if mine else item.get("from_user")
        choice = item.get("answer")
        answer = (
            self.c.text(e + "bid_answered", choice=self.c.text(f"bid.{choice}"))
            if choice and self.c.has(f"bid.{choice}")
            else self.c.text(e + "bid_unanswered")
        )
        line = self.c.text(
            e + ("bid_from_you" if mine else "bid_to_you"),
            when=self.when(item.get("created_at")),
            name=self.name(other),
            answer=answer,
        )
        if item.get("text"):
            line += " " + self.c.text(e + "bid_text", text=item["text"])
        return line

    def flow(self, item: dict[str, Any]) -> str:
        return self.c.text(
            "privacy.export.flow",
            what=self.words("flows", item.get("flow")),
            when=self.when(item.get("updated_at")),
        )


async def _names(session: AsyncSession, data: dict[str, Any]) -> dict[int, str]:
    """The names of the people the export mentions (partners, past and present), for the
    Markdown to say "Ben" where the rows say a user id."""
    me = data.get("exported_for")
    ids: set[int] = set()
    for link in data.get("partner_links") or []:
        ids |= {link.get("inviter_id"), link.get("partner_id")} - {None}
    for bid in data.get("repair_bids") or []:
        ids |= {bid.get("from_user"), bid.get("to_user")} - {None}
    for thanks in data.get("thanks") or []:
        if isinstance(thanks.get("shared_with"), int) and thanks["shared_with"] > 0:
            ids.add(thanks["shared_with"])  # a private chat's id is its person's
    ids.discard(me)
    if not ids:
        return {}
    people = await session.scalars(select(User).where(User.id.in_(ids)))
    return {person.id: person.display_name for person in people}


async def export(turn: Turn) -> None:
    rows = await moment_store.rows_of(turn.session, turn.user.id)  # once, for both files
    data = await everything(turn.session, turn.user.id, rows)
    stored = moment_store.newest_first(rows)
    zone = turn.user.timezone
    prompts = data["scheduled_prompts"]
    blocks = moment_blocks(stored, turn.content, zone, prompts)
    names = await _names(turn.session, data)
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
            document=as_markdown(data, turn.content, blocks, zone, names, now=turn.now).encode(),
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
    # Epoch seconds have 10 digits until the year 2286; a forged longer number would overflow.
    if not (asked.isascii() and asked.isdigit()) or len(asked) > 11:
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
    rows = await _couple_rows(turn.session, turn.user.id)
    for space in rows[1]:  # as when a link ends: nothing of theirs is left to complete
        await close_open_cards(turn, space)
    for partner_id, space_paused in await erase(turn.session, turn.user.id, turn.now, rows):
        told = "privacy.partner_left_paused" if space_paused else "privacy.partner_left"
        quiet = await someone_elses_quiet_hours(turn, partner_id)
        turn.say(Reply(c.text(told)), chat_id=partner_id, silent=quiet)
    turn.say(Reply(c.text("privacy.deleted"), edit=True))


async def erase(
    session: AsyncSession,
    user_id: int,
    now: datetime,
    rows: tuple[list[PartnerLink], list[CoupleSpace], list[Checkin]] | None = None,
) -> list[tuple[int, bool]]:
    """Everything about the person, gone; returns the partners to tell that the link ended,
    each with whether their shared group space was paused by it (nothing more about why).

    Rows that are theirs alone are deleted (the users row last, and the foreign keys cascade
    the rest). Shared rows keep nothing of them, and stay the other partner's to export or
    erase: the link ends and becomes the partner's alone, its spaces pause, the person's
    check-in answers are removed. A space nobody is left in goes, its check-ins with it. A
    partner's own words stay theirs, as written; a send card in their flow that was shown for
    the person no longer refers to them (and can never send). `rows`: their couple rows
    (`_couple_rows`), when read already.
    """
    links, spaces, checkins = rows or await _couple_rows(session, user_id)
    partners = {store.other(link, user_id) for link in links if link.partner_id is not None}
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
    for state in await session.scalars(
        select(ConversationState).where(ConversationState.user_id.in_(partners))
    ):
        data = dict(state.data)
        if (forgotten := forget_card_target(data, user_id)) != data:
            state.data = forgotten
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
