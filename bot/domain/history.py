"""How past moments read in /history: one line each, and a summary when opened."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from bot.content import Catalogue
from bot.domain.clock import zone_of
from bot.domain.drafts import clip
from bot.domain.moments import (
    BY_ME,
    DRAFTED,
    LET_GO,
    OTHER_PATTERN,
    PLANNED,
    REPAIRED,
    RESUMABLE,
    SET_ASIDE,
    UNFINISHED,
    Moment,
)
from bot.domain.naming import beyond_chosen
from bot.domain.replies import Button, Keyboard, Reply, rows

LIST_SIZE = 10
# A moment settled, which /history can pick up again (`picked_up`), and the menu kind of that
# button: "hp.<moment id>". Never one set aside: it may have been for danger the screen found
# (or /sos), with the same record as "It doesn't feel safe to raise", and picking it up would
# lead to words for someone they may fear.
SETTLED = (REPAIRED, LET_GO)
PICK_UP = "hp"
# A follow-up's answer that the talk was hard (prompts.answer_follow_up): still repaired.
HARD = "hard"
# A /history button names the moment in their own words and who it was with, when there is
# no catalogue label to tell it apart: this many characters of each, so it shows whole.
ITEM_WORDS = 28
ITEM_NAME = 16

# Pages of /history. A page is named by a place in the list, a moment's (created_at, id), not
# by a count: "older than the last row shown" stays right when a moment is deleted or added
# meanwhile (an offset would then show one twice or skip one). OLDER and NEWER go on from the
# last and first rows shown; AT is the page a place falls on, to come back to from a moment.
OLDER, NEWER, AT = "o", "n", "a"
Key = tuple[datetime, str]
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICRO = timedelta(microseconds=1)
# After "history.": way, microseconds since 1970 in hex (14 digits reach the year 4253), id.
_PAGE = re.compile(r"^([ona])([0-9a-f]{1,14})\.([A-Za-z0-9_-]{1,16})$")


# The evening card's "A moment of connection" (with its line, if they kept one): kept as an
# evening answer, not a moment, and listed on the /history page of its time, as words under
# the title (at most LIST_SIZE a page, each line cut to CONNECTION_WORDS; all are in /export).
CONNECTION = "connection"
CONNECTION_WORDS = 60


@dataclass(frozen=True)
class Connection:
    day: date  # the evening's date, theirs
    note: str | None


@dataclass(frozen=True)
class PageAsk:
    way: str  # OLDER, NEWER or AT
    key: Key


def key_of(m: Moment) -> Key:
    return (m.created_at, m.id)


def page_option(way: str, key: Key) -> str:
    """The menu option of a button that opens a page of /history (fits callbacks' 40)."""
    when, moment_id = key
    micros = (when - _EPOCH) // _MICRO
    option = f"history.{way}{micros:x}.{moment_id}"
    return option if read_page(option.partition(".")[2]) else "history"  # else: the newest


def read_page(argument: str) -> PageAsk | None:
    """What follows "history." in a page button's option; None if we did not make it."""
    found = _PAGE.match(argument)
    if found is None:
        return None
    way, micros, moment_id = found.groups()
    return PageAsk(way, (_EPOCH + int(micros, 16) * _MICRO, moment_id))


def _local(when: datetime, zone: str | None) -> datetime:
    return when.astimezone(zone_of(zone))


def _suffix(m: Moment) -> str:
    """Content keys with a `_by_me` variant, told from the side of the one who did it."""
    return "_by_me" if m.direction == BY_ME else ""


def pattern_label(m: Moment, c: Catalogue) -> str:
    if m.pattern and m.pattern != OTHER_PATTERN:
        return c.text(f"patterns.{m.pattern}.label{_suffix(m)}")
    return c.text("history.other_label")


def own_words(m: Moment) -> str:
    """The moment in their own words, to name it by: the shorter of what they told and what a
    camera would have seen (a long first message rambles; the camera's words are to the
    point), spaces tidied; "" if they wrote neither."""
    told = [" ".join(t.split()) for t in (m.description, m.observation) if t and t.strip()]
    worded = [t for t in told if len(t.split()) >= 3] or told  # not a throwaway "idk"
    return min(worded, key=len) if worded else ""


def moment_name(m: Moment, c: Catalogue) -> str:
    """What a moment is called in lists: the catalogue's label, or for "something else"
    the person's own words."""
    if m.pattern in (None, OTHER_PATTERN) and own_words(m):
        return clip(own_words(m), ITEM_WORDS)
    return pattern_label(m, c)


def item_label(m: Moment, c: Catalogue, zone: str | None) -> str:
    date = _local(m.created_at, zone).strftime("%-d %b")
    label = moment_name(m, c)
    status = status_label(m, c)
    if m.who_name:
        who = clip(m.who_name, ITEM_NAME)
        return c.text("history.item_with", date=date, who=who, label=label, status=status)
    return c.text("history.item", date=date, label=label, status=status)


def listing(
    moments: list[Moment],
    c: Catalogue,
    zone: str | None,
    *,
    newer: bool = False,
    older: bool = False,
    connections: Sequence[Connection] = (),
) -> Reply:
    """One page of /history, newest first; `newer`/`older`: there are moments either side;
    `connections`: the moments of connection of the page's time, newest first (one more
    than LIST_SIZE says there are more)."""
    kept = connected(connections, c)
    if not moments:
        text = c.text("history.connections_only") + kept if kept else c.text("history.empty")
        return Reply(text, edit=True)
    buttons = [Button(item_label(m, c, zone), f"ho.{m.id}", menu=True) for m in moments]
    turns = []
    if newer:
        option = page_option(NEWER, key_of(moments[0]))
        turns.append(Button(c.text("history.newer"), option, menu=True))
    if older:
        option = page_option(OLDER, key_of(moments[-1]))
        turns.append(Button(c.text("history.older"), option, menu=True))
    keyboard = rows(*buttons) + ((tuple(turns),) if turns else ())
    title = c.text("history.title_older" if newer else "history.title")
    return Reply(title + kept, keyboard, edit=True)


def connected(connections: Sequence[Connection], c: Catalogue) -> str:
    """The moments of connection on a /history page, one line each after a blank line (""
    if none): "5 Mar · A moment of connection: "a walk by the river""."""
    lines = []
    for kept in connections[:LIST_SIZE]:
        day = kept.day.strftime("%-d %b")
        if kept.note and kept.note.strip():
            note = clip(kept.note, CONNECTION_WORDS)
            lines.append(c.text("history.connection", date=day, note=note))
        else:
            lines.append(c.text("history.connection_bare", date=day))
    if len(connections) > LIST_SIZE:
        lines.append(c.text("history.connections_more"))
    return "\n\n" + "\n".join(lines) if lines else ""


def _beyond(typed: str, chosen: list[str], c: Catalogue, cut: int | None) -> str:
    """Their words for a card: less what a tapped one says again ("lonely and kind of stupid"
    with lonely tapped: lonely, "kind of stupid"), as the feelings and needs cards show them.
    Whole (`cut` None: /export), as they wrote them."""
    return typed if cut is None else beyond_chosen(typed, chosen, c).strip()


def summary(m: Moment, c: Catalogue, zone: str | None, cut: int | None = 150) -> Reply:
    """The moment on a card (their own words `cut` to fit it; None keeps them whole)."""
    local = _local(m.created_at, zone)
    own = 120 if cut is not None else None  # their words for a feeling or need, whole uncut
    feelings = [c.text(f"feelings.{k}") for k in m.feelings]
    if m.feelings_text and (typed := _beyond(m.feelings_text, feelings, c, cut)):
        feelings.append(f'"{typed[:own]}"')
    needs = [c.text(f"needs.{k}.label").lower() for k in m.needs]
    if m.needs_text and (typed := _beyond(m.needs_text, needs, c, cut)):
        needs.append(f'"{typed[:own]}"')
    text = c.text(
        f"history.summary{_suffix(m)}",  # "I hurt someone": how *they* may have felt
        header=header(m, local.strftime("%-d %B, %H:%M"), c),
        label=pattern_label(m, c),
        feelings=", ".join(feelings) or c.text("history.nothing"),
        needs=", ".join(needs) or c.text("history.nothing"),
        status=status_label(m, c),
    )
    # What they wrote themselves, cut to fit a card (the whole of it is in /export).
    for key, words in (
        ("history.summary_told", m.description),
        ("history.summary_seen", m.observation),
    ):
        if words:
            shown = words if cut is None or len(words) <= cut else words[: cut - 1] + "…"
            text += "\n" + c.text(key, text=shown)
    if m.status == PLANNED and (plan := plan_line(m, c, zone)):
        text += "\n" + plan
    copyable = None
    if m.draft and m.status in (DRAFTED, PLANNED, REPAIRED):
        text += "\n\n" + c.text("history.summary_draft")
        copyable = m.draft
    return Reply(text, actions(m, c), edit=True, copyable=copyable)


def plan_line(m: Moment, c: Catalogue, zone: str | None) -> str | None:
    """The talk they planned, in words ("Planned to talk: Monday 2 March, 19:00"); None if
    none was. The card says it while it is planned; /export whatever came of it."""
    if m.plan_due_at is None:
        return None
    when = _local(m.plan_due_at, zone).strftime("%A %-d %B, %H:%M")
    return c.text("history.summary_plan", when=when)


def header(m: Moment, date: str, c: Catalogue) -> str:
    """The card's first line: the date, then the direction and who, each only if known (a
    moment left early has no one named yet: nothing is said of them)."""
    direction = c.text(f"direction_label.{m.direction}") if m.direction else None
    who = c.text(f"who_label.{m.who}") if m.who else None
    if who and m.who_name:
        who = f"{who} ({m.who_name})"
    if direction and who:
        return c.text("history.header", date=date, direction=direction, who=who)
    if direction:
        return c.text("history.header_direction", date=date, direction=direction)
    if who:
        return c.text("history.header_who", date=date, who=who)
    return date


def status_label(m: Moment, c: Catalogue) -> str:
    """The moment's status in words; a talk whose follow-up said "It was hard" says so
    ("talked: it was hard"), not just "repaired"."""
    if m.status == REPAIRED and m.outcome == HARD:
        return c.text("status.repaired_hard")
    return c.text(f"status.{m.status}")


def can_pick_up(m: Moment) -> bool:
    """Whether a moment can be picked up again: repaired (a talk that went badly) or let go (and
    found it didn't go). An unfinished one is resumed; one set aside never is (`SETTLED`)."""
    return m.status in SETTLED


def picked_up(m: Moment) -> Moment:
    """The moment taken up again, every answer before it kept: its story, pattern, feelings,
    needs, who and name. What came of it before is cleared (the path, a draft or plan, how the
    talk went, when it was settled): it is in progress again, and the old draft or plan must
    not come back as if it were the new one. Stored as unfinished with no step, so that
    RepairFlow.resumes_at takes it up at its first unanswered question: "What would you like
    to do with it?" once all of them are answered. (What it was is kept in the flow, to be put
    back if it stops before a new ending: repair_flow.picked_up_again.)"""
    return m.update(
        status=UNFINISHED,
        step=None,
        path=None,
        draft=None,
        draft_style=None,
        plan_due_at=None,
        outcome=None,
        resolved_at=None,
    )


def picked_up_intro(m: Moment, c: Catalogue, step: str) -> str:
    """Said when `m` (as it was, settled) is picked up again and goes on at `step`: at the path
    question, that all they told is still there (a hard talk may need another go); at an
    earlier one, left unanswered when it was settled, the usual words of a moment resumed."""
    from bot.domain.repair_flow import PATH  # it imports this module (through prompts)

    if step != PATH:
        return c.text("moment.resumed")
    if m.status == REPAIRED and m.outcome == HARD:
        return c.text("history.picked_up_hard")
    return c.text("history.picked_up")


def pick_up_button(m: Moment, c: Catalogue) -> Button:
    return Button(c.text("history.pick_up"), f"{PICK_UP}.{m.id}", menu=True)


def actions(m: Moment, c: Catalogue) -> Keyboard:
    buttons = []
    if m.status in RESUMABLE:
        buttons.append(Button(c.text("history.resume"), f"hu.{m.id}", menu=True))
    if can_pick_up(m):
        buttons.append(pick_up_button(m, c))
    if m.status not in (REPAIRED, SET_ASIDE) and m.status not in RESUMABLE:
        buttons.append(Button(c.text("history.mark_repaired"), f"hr.{m.id}", menu=True))
    # Letting go of a moment already repaired means nothing; a repair after letting go does.
    if m.status not in (LET_GO, SET_ASIDE, REPAIRED) and m.status not in RESUMABLE:
        buttons.append(Button(c.text("history.mark_let_go"), f"hl.{m.id}", menu=True))
    buttons.append(Button(c.text("history.delete"), f"hd.{m.id}", menu=True))
    # Back to the page of the list this moment is on (the first page only if that is it).
    buttons.append(Button(c.text("history.back"), page_option(AT, key_of(m)), menu=True))
    return rows(*buttons, width=2)


def confirm_delete(m: Moment, c: Catalogue) -> Reply:
    return Reply(
        c.text("history.confirm_delete"),
        rows(
            Button(c.text("history.delete_yes"), f"hx.{m.id}", menu=True),
            Button(c.text("history.delete_no"), f"ho.{m.id}", menu=True),
        ),
        edit=True,
    )
