"""Two people: invite tokens, the blind check-in, repair bids, thanks, and the flows that
decide what (if anything) crosses from one person's private chat to the other or the group.

The boundary rule: nothing a person writes privately goes anywhere else unless they confirm
that very item on a card that shows it exactly. Effects that cross carry the exact text.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from bot.content import Catalogue
from bot.domain import crisis, naming, schedule, small_talk
from bot.domain.callbacks import MenuPress, decode, row_id
from bot.domain.clock import NIGHT_ENDS, at_local, their_day, zone_of
from bot.domain.drafts import alternatives
from bot.domain.flow import (
    ButtonInput,
    Context,
    Event,
    FlowState,
    Outcome,
    Partner,
    TextInput,
    as_messages,
)
from bot.domain.moments import TEXT_LIMIT
from bot.domain.replies import Button, Reply, rows

INVITE_TTL = timedelta(hours=48)
INVITE_PREFIX = "l_"
CHECKIN_CLOSES_AT = time(9, 0)  # the next morning
WEEKLY_AT = time(19, 0)
WEEKLY_WEEKDAY = 6  # Sunday
ROUND_OPEN_FOR = timedelta(days=2)
# How far back an answer to a round still open can have been kept: ROUND_OPEN_FOR and a margin.
# `round_open` reads a round's day in the space's zone as it is now, and the zone may have
# changed since the answer was kept: that moves when the round went out by up to 26 hours
# (UTC-12 to UTC+14). Two days more covers it, so no answer to an open round is left out.
ROUND_ANSWERS_WITHIN = ROUND_OPEN_FOR + timedelta(days=2)
# The check-in's times are buttons only: in privacy mode a typed time in the group could reach
# the bot only as a reply to its card, which is easy to get wrong; half-hour steps cover it.
CHECKIN_TIMES = ("18:30", "19:00", "19:30", "20:00", "20:30", "21:00", "21:30", "22:00")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# What `invite_answer` says of a question about the invite ("who is this from?").
INVITE_QUESTION = "question"


def invite_answer(text: str, c: Catalogue) -> str | None:
    """Words typed at a partner invite ("Link with Ana?"): "yes" or "no" as its buttons would
    be pressed (a typed yes or no, shell.typed_yes/typed_no; or only short yeses, "ok sure",
    "yeah ok", maybe with a tail, "sure, link us": link.typed_yes_words/typed_yes_tails);
    INVITE_QUESTION for a question about it ("wait who is this from", "what is this"); None
    for anything else, read as any words are. Never a question ("ok?"), nor words of a hurt."""
    said = small_talk.yes_or_no(text, c)
    if said is not None:
        return said
    found = small_talk.words(text)
    if not found or reads_as_hurt(text, c):
        return None
    if "?" not in text and _only_yeses(tuple(found), c):
        return "yes"
    return INVITE_QUESTION if _asks_about_the_invite(found, c) else None


def _only_yeses(said: tuple[str, ...], c: Catalogue) -> bool:
    """Whether `said` is one or more of link.typed_yes_words, then at most one of its tails."""
    yeses = [p for p in small_talk.phrases_of(c, "link.typed_yes_words") if p]
    tails = {p for p in small_talk.phrases_of(c, "link.typed_yes_tails") if p}
    ends = {0}  # where a run of yeses, from the start, can end
    for i in range(len(said)):
        if i in ends:
            ends |= {i + len(p) for p in yeses if said[i : i + len(p)] == p}
    ends.discard(0)
    return any(i == len(said) or said[i:] in tails for i in ends)


def _asks_about_the_invite(said: list[str], c: Catalogue) -> bool:
    """A question about the invite: after any leads ("wait", "hmm"), one of
    link.typed_questions, or a short one that opens with a question word and names the invite."""
    leads = {w for p in small_talk.phrases_of(c, "link.typed_question_leads") for w in p}
    while len(said) > 1 and said[0] in leads:
        said = said[1:]
    if tuple(said) in set(small_talk.phrases_of(c, "link.typed_questions")):
        return True
    openers = {w for p in small_talk.phrases_of(c, "link.typed_question_openers") for w in p}
    about = {w for p in small_talk.phrases_of(c, "link.typed_question_about") for w in p}
    return len(said) <= 8 and said[0] in openers and any(w in about for w in said[1:])


def invite_token(payload: str) -> str | None:
    """The token in a `/start l_<token>` deep link, or None."""
    if not payload.startswith(INVITE_PREFIX):
        return None
    token = payload[len(INVITE_PREFIX) :]
    ok = 20 <= len(token) <= 60 and all(ch.isalnum() or ch in "-_" for ch in token)
    return token if ok else None


# ------------------------------------------------------------------ the blind check-in


def gap_key(first: int, second: int) -> str:
    """What the revealed answers are told: how far apart they are, and for the same answer,
    whether it was close or distant (both at 1 is not something to celebrate)."""
    gap = abs(first - second)
    if gap == 0 and first >= 4:
        return "checkin.same_close"
    if gap == 0 and first <= 2:
        return "checkin.same_distant"
    if gap == 0:
        return "checkin.same"
    return "checkin.one_apart" if gap == 1 else "checkin.far_apart"


def checkin_card(
    checkin_id: int, names: dict[int, str], answers: dict[str, int], status: str, c: Catalogue
) -> Reply:
    """The group card. Before both have answered it says only who has answered, never what."""
    ids = list(names)
    if status == "closed":
        return Reply(c.text(closed_key(answers)), edit=True)
    if status == "revealed" and len(ids) == 2:
        a, b = ids
        va, vb = answers[str(a)], answers[str(b)]
        text = "\n\n".join(
            (
                c.text("checkin.ask"),
                c.text("checkin.revealed", a=names[a], va=va, b=names[b], vb=vb),
                c.text(gap_key(va, vb)),
            )
        )
        return Reply(text, edit=True)
    lines = [
        c.text(
            "checkin.status",
            name=names[uid],
            state=c.text("checkin.answered" if str(uid) in answers else "checkin.waiting"),
        )
        for uid in ids
    ]
    buttons = tuple(Button(str(n), f"ci.{n}.{checkin_id}", menu=True) for n in range(1, 6))
    # Typed numbers never reach the bot in a group (privacy mode): the card says to tap.
    ask = " ".join((c.text("checkin.ask"), c.text("checkin.tap"), c.text("checkin.blind")))
    return Reply("\n\n".join((ask, "\n".join(lines))), (buttons,), edit=True)


def closed_key(answers: dict[str, int], *, link_ended: bool = False, not_two: bool = False) -> str:
    """What a check-in closed unrevealed says: a lone answer is cleared, not kept (the close
    is told the answers it found, before they are dropped). Closed because the partner link
    ended (any time of the evening), it says that instead: not that the day ran out; closed
    at its reveal because the group no longer holds just the two (`not_two`), that."""
    if link_ended:
        return "checkin.closed_link_ended"
    if not_two:
        return "checkin.closed_not_two"
    return "checkin.closed_cleared" if answers else "checkin.closed"


def next_day_at(now: datetime, at: time, zone: str | None) -> date:
    """The local day in `zone` on which `at` next comes (today's, if it has not passed)."""
    tz = zone_of(zone)
    day = now.astimezone(tz).date()
    return day if at_local(day, at, tz) > now else day + timedelta(days=1)


def elsewhere(day: date, at: time, zone: str, other: str) -> tuple[str, int]:
    """What the clock shows in `other` when it shows `at` on `day` in `zone`: that time, and
    how many days its date is off from `day` (-1, 0 or 1)."""
    local = at_local(day, at, zone_of(zone)).astimezone(zone_of(other))
    return f"{local:%H:%M}", (local.date() - day).days


def also_in(
    c: Catalogue, day: date, at: time, zone: str, others: Sequence[str | None]
) -> list[str]:
    """A time of the space's (`at` on `day`, in `zone`), said again in each of the partners'
    own zones whose clock shows something else then (" · 15:00 (America/New_York)"); nothing
    for a partner in the same zone, or one whose clock matches it. Which zone the schedule
    goes by does not change."""
    words: list[str] = []
    shown = {elsewhere(day, at, zone, zone)}
    for other in dict.fromkeys(o for o in others if o):
        clock, shift = elsewhere(day, at, zone, other)
        if (clock, shift) in shown:
            continue
        shown.add((clock, shift))
        key = {1: "group.also_next_day", -1: "group.also_day_before"}.get(shift, "group.also")
        words.append(c.text(key, time=clock, zone=other))
    return words


def checkin_closes(day: date, zone: str | None) -> datetime:
    """A check-in left half-answered closes the next morning."""
    return at_local(day + timedelta(days=1), CHECKIN_CLOSES_AT, zone_of(zone))


def next_weekly(after: datetime, zone: str | None) -> tuple[date, datetime]:
    tz = zone_of(zone)
    day = after.astimezone(tz).date()
    while True:
        if day.weekday() == WEEKLY_WEEKDAY:
            due = at_local(day, WEEKLY_AT, tz)
            if due > after:
                return day, due
        day += timedelta(days=1)


def round_open(day: date, zone: str | None, now: datetime) -> bool:
    """A weekly round takes answers for ROUND_OPEN_FOR from when it went out: WEEKLY_AT on
    its day, in the space's time zone (not from midnight UTC of that day)."""
    return now - at_local(day, WEEKLY_AT, zone_of(zone)) <= ROUND_OPEN_FOR


def round_of_an_earlier_link(
    c: Catalogue, now: datetime, zone: str | None, *, weekly_on: bool, own_zone: str | None
) -> str:
    """What a round's ask says when pressed once its group is paired with a newer link: that
    round ended with the earlier one (never opened again: its answers are not the new couple's)
    and, with the space's weekly round on, when the next comes: by the space's clock, which
    the schedule goes by, then by `own_zone` when that shows another time."""
    if not weekly_on:
        return c.text("thanks.round_old_link")
    zone = zone or "UTC"
    day, due = next_weekly(now, zone)
    local = due.astimezone(zone_of(zone))
    return c.text(
        "thanks.round_old_link_next",
        day=f"{local.day} {local:%b}",
        time=schedule.hhmm(WEEKLY_AT),
        zone=zone,
        also="".join(also_in(c, day, WEEKLY_AT, zone, (own_zone,))),
    )


def round_key(space_id: int, day: date) -> str:
    """The key a weekly round's answers share: its space and its day."""
    return f"round:{space_id}:{day.isoformat()}"


def round_closes(day: date, zone: str | None) -> datetime:
    """The last moment a weekly round takes answers for the group (see `round_open`)."""
    return at_local(day, WEEKLY_AT, zone_of(zone)) + ROUND_OPEN_FOR


# An ask that would come with less of its round left than this is not sent. The round's close
# stays one time for both partners (the reveal and each closing word are reckoned from it), so
# a late ask is dropped rather than its round stretched for one of them. Quiet hours hold an
# ask back for under a day, so this bites only when an ask is held back further (a retry).
ROUND_ASK_LEAST = timedelta(hours=12)


def round_ask_due(
    day: date,
    zone: str | None,
    now: datetime,
    prefs: schedule.Prefs,
    quiet_until: datetime | None = None,
) -> datetime | None:
    """When a partner's private ask for the round of `day` goes out, reckoned at `now` by
    their own settings: now, or when their quiet hours end. None while they are paused, or
    in the quiet day after danger (`quiet_until`, see crisis.quiet_until): no ask that round;
    or if it would leave less than ROUND_ASK_LEAST to answer."""
    if schedule.is_paused(now, prefs) or crisis.is_quiet(now, quiet_until):
        return None
    due = schedule.out_of_quiet_hours(now, prefs)
    return due if round_closes(day, zone) - due >= ROUND_ASK_LEAST else None


# ------------------------------------------------------------------ repair bids


BID_CHOICES = ("open_now", "later", "tomorrow", "need_time")
BID_REMIND_AT = time(21, 0)
# "Later tonight" is offered until TONIGHT_UNTIL in the asker's zone, so its reminder still
# comes by 22:00; after that, and in the small hours, the card offers "Tomorrow evening".
TONIGHT_UNTIL = time(21, 30)
BID_SOONEST = timedelta(minutes=30)
# A bid not answered within this long no longer stops its sender from asking again, and its
# card takes no answer: one open bid at a time, and "I'm open now" a day on is not "now".
BID_OPEN_FOR = timedelta(hours=12)


def bid_stale(asked_at: datetime, now: datetime) -> bool:
    """A bid asked longer ago than BID_OPEN_FOR: its answer would tell the asker nothing true."""
    return now - asked_at > BID_OPEN_FOR


def bid_of_card(datas: Sequence[str | None]) -> int | None:
    """The bid a card in the group is for, read from its buttons' callback data (a reply to the
    card carries the card, its buttons with it): every button one of a bid's (`bid_card`), all
    of one bid. None for any other card, or one without buttons (answered: they went)."""
    found: set[int] = set()
    for data in datas:
        press = decode(data)
        if not isinstance(press, MenuPress):
            return None
        kind, _, rest = press.action.partition(".")
        choice, _, raw = rest.partition(".")
        bid_id = row_id(raw)
        if kind != "bd" or choice not in BID_CHOICES or bid_id is None:
            return None
        found.add(bid_id)
    return found.pop() if len(found) == 1 else None


def bid_said(choice: str) -> str:
    """Which words tell an answer: "tomorrow evening" is told as "later", with its time."""
    return "later" if choice == "tomorrow" else choice


def tonight_possible(now: datetime, zone: str | None) -> bool:
    local = now.astimezone(zone_of(zone)).time()
    return NIGHT_ENDS <= local <= TONIGHT_UNTIL


def _next_evening(local: datetime) -> date:
    """The date of the coming evening after tonight's: in the small hours, that is today's."""
    return their_day(local) + timedelta(days=1)


def bid_reminder_at(choice: str, asked_at: datetime, now: datetime, zone: str | None) -> datetime:
    """When a bid answered "later tonight" or "tomorrow evening" is reminded of, in the asker's
    zone: tonight at BID_REMIND_AT (or half an hour from now, if later), or the next evening's
    when tonight is too late. "Tomorrow" is the evening after the one the bid was asked on,
    unless that has come already by the time it is answered."""
    tz = zone_of(zone)
    if choice == "tomorrow":
        due = at_local(_next_evening(asked_at.astimezone(tz)), BID_REMIND_AT, tz)
        if due >= now + BID_SOONEST:
            return due
    local = now.astimezone(tz)
    if tonight_possible(now, zone):
        return max(at_local(local.date(), BID_REMIND_AT, tz), now + BID_SOONEST)
    return at_local(_next_evening(local), BID_REMIND_AT, tz)


def bid_reminder_together(
    choice: str,
    asked_at: datetime,
    now: datetime,
    zone: str | None,
    prefs: Sequence[schedule.Prefs],
) -> datetime | None:
    """When both partners (`prefs`) are reminded of a bid answered `choice`, at one time out of
    both their quiet hours; None if those leave no time in common. `zone`: the asker's.

    "Later tonight" is the earliest such time that is reasonable on the asker's clock: their
    evening tonight (BID_REMIND_AT, or half an hour from now if later) if both are awake then;
    else, while it is still their day, the first time from half an hour on that both are
    awake (at 12:00 in Los Angeles, 12:30 is 21:30 in Berlin). Already too late tonight for
    the asker, it is their next evening, if both are awake then. Otherwise it is the first
    time both are awake, whenever that is: at midnight in Los Angeles, 08:00 there (17:00 in
    Berlin), not a day and a half on because the next evening in Los Angeles is night in
    Berlin. "Tomorrow evening" is that evening, moved out of both quiet hours."""
    if choice != "later":
        return together_at(bid_reminder_at(choice, asked_at, now, zone), prefs)
    tz = zone_of(zone)
    today = their_day(now.astimezone(tz))
    soonest = now + BID_SOONEST
    if tonight_possible(now, zone):
        evening = max(at_local(today, BID_REMIND_AT, tz), soonest)
        for start in (evening, soonest):
            at = _still_on(together_at(start, prefs), today, zone)
            if at is not None:
                return at
    else:
        tomorrow = today + timedelta(days=1)
        evening = at_local(tomorrow, BID_REMIND_AT, tz)
        at = _still_on(together_at(evening, prefs), tomorrow, zone)
        if at is not None:
            return at
    return together_at(soonest, prefs)


def _still_on(at: datetime | None, day: date, zone: str | None) -> datetime | None:
    """`at`, if it falls on `day` as the person in `zone` counts days (see clock.their_day)."""
    if at is None or their_day(at.astimezone(zone_of(zone))) != day:
        return None
    return at


def together_at(due: datetime, prefs: Sequence[schedule.Prefs]) -> datetime | None:
    """The first moment from `due` outside the quiet hours of everyone in `prefs` (two
    partners are reminded at the same time, to talk then), or None if their quiet hours leave
    no time in common."""
    for _ in range(4):
        moved = max(schedule.out_of_quiet_hours(due, p) for p in prefs)
        if moved == due:
            return due
        due = moved
    return None


def when_words(due: datetime, now: datetime, zone: str | None, c: Catalogue, named: bool) -> str:
    """The reminder's time in words on the asker's clock ("at 21:00", "tomorrow at 21:00");
    `named` adds the zone, for partners who live in different ones."""
    key, parts = _day_words(due, now, zone)
    words = c.text(key, **parts)
    return c.text("bid.when_zoned", when=words, zone=zone or "UTC") if named else words


def _day_words(
    due: datetime, now: datetime, zone: str | None, dated: bool = False
) -> tuple[str, dict[str, str]]:
    """The words for `due` on the clock of `zone` (a key of bid.when_*), and what fills them;
    `dated`: its date, never "tomorrow". Days are counted as the person counts them (see
    clock.their_day): at 23:10, 00:30 is "at 00:30". In the small hours "tomorrow" could mean
    either day, so a time on the coming day is said with its date."""
    tz = zone_of(zone)
    local = due.astimezone(tz)
    here = now.astimezone(tz)
    today, day = their_day(here), their_day(local)
    clock = schedule.hhmm(local.time())
    if day == today and not dated:
        return "bid.when_today", {"time": clock}
    if day == today + timedelta(days=1) and here.date() == today and not dated:
        return "bid.when_tomorrow", {"time": clock}
    return "bid.when_day", {"time": clock, "day": f"{local.day} {local:%b}"}


def reminder_words(
    choice: str,
    due: datetime,
    now: datetime,
    asker: tuple[str, str | None],
    partner: tuple[str, str | None],
    c: Catalogue,
) -> str:
    """What a bid answered `choice` ("later" or "tomorrow") says of its reminder at `due`, as
    a sentence ("I'll remind you both at 21:00."). `asker` and `partner`: each one's name and
    zone. Partners whose clocks differ are each told it on their own ("at 21:45 for Maya,
    16:45 for Sam"), and a "later tonight" that has to wait until tomorrow says why: it is
    already late for the asker (tonight is reckoned on their clock), or no time tonight is
    out of both partners' quiet hours. (On one clock the lateness is plain to both.)"""
    zone = asker[1] or partner[1]
    tz = zone_of(zone)
    not_tonight = choice == "later" and their_day(due.astimezone(tz)) > their_day(
        now.astimezone(tz)
    )
    late = not_tonight and not tonight_possible(now, zone)
    if not _clocks_differ(due, asker[1], partner[1]):
        when = when_words(due, now, zone, c, False)
        key = "bid.remind_no_time" if not_tonight and not late else "bid.remind"
        return c.text(key, when=when)
    first_key, first = _day_words(due, now, asker[1])
    second_key, second = _day_words(due, now, partner[1])
    if first_key != second_key:  # "tomorrow" for one is "today" for the other: dates, then
        first_key, first = _day_words(due, now, asker[1], dated=True)
        second_key, second = _day_words(due, now, partner[1], dated=True)
    same_day = (first_key, first.get("day")) == (second_key, second.get("day"))
    when = c.text(
        "bid.when_each",
        first=c.text(first_key, **first),
        a=asker[0],
        second=second["time"] if same_day else c.text(second_key, **second),
        b=partner[0],
    )
    if late:
        return c.text("bid.remind_late", name=asker[0], when=when)
    return c.text("bid.remind_no_time" if not_tonight else "bid.remind", when=when)


def _clocks_differ(due: datetime, one: str | None, other: str | None) -> bool:
    """Whether two known zones show `due` as different times (Berlin and Paris do not)."""
    if one is None or other is None:
        return False
    return due.astimezone(zone_of(one)).replace(tzinfo=None) != due.astimezone(
        zone_of(other)
    ).replace(tzinfo=None)


def bid_card(
    bid_id: int, from_name: str, c: Catalogue, text: str | None = None, tonight: bool = True
) -> Reply:
    """The partner's card; `text` is a draft the sender chose to send (shown exactly). When it
    is too late tonight for the sender, "Later tonight" gives way to "Tomorrow evening"."""
    offered = [ch for ch in BID_CHOICES if ch != ("tomorrow" if tonight else "later")]
    buttons = [
        Button(c.text(f"bid.{choice}"), f"bd.{choice}.{bid_id}", menu=True) for choice in offered
    ]
    if text is None:
        return Reply(c.text("bid.group", name=from_name), rows(*buttons))
    return Reply(c.text("bid.private_sent", name=from_name), rows(*buttons), copyable=text)


# ------------------------------------------------------------------ crossing the boundary


@dataclass(frozen=True)
class ShareText:
    """Effect: deliver `text`, confirmed by its author on a card that showed it, to the
    partner privately (`via="private"`) or to the couple's group (`via="group"`)."""

    kind: str  # "repair" or "thanks"
    text: str
    via: str
    moment_id: str | None = None
    # The partner (user id) the card showing it was for: the shell sends nothing if the
    # person's partner now is someone else. None: not recorded (checked by the flow instead).
    to: int | None = None


@dataclass(frozen=True)
class RecordThanks:
    text: str
    round_key: str | None = None
    space_id: int | None = None


SENDING = ("private", "group")  # the options of a confirm card's buttons that send
# The key in a flow's data for the user_id of the partner a confirm card was shown for: the
# card sends to that person only.
SEND_TO = "to"
SHARE_OPTIONS = (*SENDING, "cancel")  # all its options


def share_buttons(partner: Partner, c: Catalogue) -> list[Button]:
    buttons = []
    if partner.reachable:
        buttons.append(Button(c.text("send.privately"), "private"))
    if partner.space_chat is not None:
        buttons.append(Button(c.text("send.group"), "group"))
    buttons.append(Button(c.text("send.cancel"), "cancel"))
    return buttons


def confirm_card(text: str, partner: Partner, c: Catalogue) -> Reply:
    """Exactly what will be sent, and the only buttons that send it. In the partner's quiet
    hours it says what time it is for them: a send still arrives at once."""
    said = c.text("send.confirm", partner=partner.name)
    if partner.night_at is not None:
        late = c.text(
            "send.their_night", time=schedule.hhmm(partner.night_at), partner=partner.name
        )
        said = f"{late}\n{said}"
    return Reply(
        said,
        rows(*share_buttons(partner, c)),
        edit=True,
        copyable=text,
    )


# Why a confirm card pressed now sends nothing, as the content key that says so.
LINK_ENDED = "send.link_ended"  # the partner link has ended since the card was shown
LINK_CHANGED = "send.link_changed"  # it is with someone else now: nothing goes to them
LINK_GONE = (LINK_ENDED, LINK_CHANGED)  # the card can't send at all
CHECK_AGAIN = "send.confirm_again"  # shown again first, naming the partner it goes to now


# A confirm card's record of whom it was shown for, once that person erased everything: no
# partner has this id (Telegram's are positive), so the card can never send.
NOBODY = 0


def forget_card_target(data: dict[str, Any], user_id: int) -> dict[str, Any]:
    """A flow's `data` with every confirm card shown for `user_id` (as SEND_TO, also in a
    flow it holds) now shown for NOBODY."""
    return {
        key: NOBODY
        if key == SEND_TO and value == user_id
        else forget_card_target(value, user_id)
        if isinstance(value, dict)
        else value
        for key, value in data.items()
    }


def card_check(shown_for: object, partner: Partner | None) -> str | None:
    """Whether a confirm card shown for `shown_for` (the partner's user id; None on a card
    kept from before cards recorded it) may send to `partner`, the person's partner now: None
    if it may; else why not (LINK_ENDED, LINK_CHANGED), or CHECK_AGAIN: a card that may be
    from an earlier link is shown again for `partner` before anything is sent."""
    if partner is None:
        return LINK_ENDED
    if shown_for is None:
        return CHECK_AGAIN
    return None if shown_for == partner.user_id else LINK_CHANGED


# ------------------------------------------------------------------ /thanks (private)

THANKS_FLOW = "thanks"


def said_to_mend(text: str, c: Catalogue, yes_no: bool) -> str | None:
    """What small talk typed where a thanks is asked for ("hi", "ok", "how does this work?")
    is answered with, before the question again: it is never kept as the thanks. With
    `yes_no`, a typed yes or no too (the weekly round's answer is posted as typed). None for
    anything else."""
    talk = small_talk.kind(text, c)
    if talk is not None and talk != small_talk.SAD:
        return f"thanks.small_talk_again.{talk}"
    if yes_no and small_talk.yes_or_no(text, c) is not None:
        return "thanks.small_talk_again.yes_no"
    return None


def _asked_again(key: str, prompt: Reply, c: Catalogue) -> Reply:
    return Reply(f"{c.text(key)}\n\n{prompt.text}", prompt.buttons)


class ThanksFlow:
    """Write an appreciation; if linked, choose to send it (after seeing it exactly)."""

    name = THANKS_FLOW

    def needs_partner(self, state: FlowState) -> bool:
        return True  # every question here names the partner

    def start(self, ctx: Context) -> Outcome:
        state = FlowState(THANKS_FLOW, "text")
        return Outcome(state, (self.prompt(state, ctx),))

    def prompt(self, state: FlowState, ctx: Context) -> Reply:
        c = ctx.content
        if state.step == "offer":
            text = str(state.data["text"])
            refused = card_check(state.data.get(SEND_TO), ctx.partner)
            if refused in LINK_GONE:  # the link ended, or is with someone new: no card for them
                return Reply(c.text(refused), copyable=text)
            assert ctx.partner is not None  # with none, card_check says LINK_ENDED
            return confirm_card(text, ctx.partner, c)
        return Reply(c.text("thanks.ask"))

    def cancel(self, state: FlowState, ctx: Context) -> Outcome:
        return Outcome(None, (Reply(ctx.content.text("shell.cancelled")),))

    def handle(self, state: FlowState, event: Event, ctx: Context) -> Outcome:
        c = ctx.content
        if state.step == "text" and isinstance(event, TextInput):
            text = " ".join(event.text.split())
            if not text or len(text) > TEXT_LIMIT:
                return Outcome(state, (Reply(c.text("moment.too_long", limit=TEXT_LIMIT)),))
            again = said_to_mend(text, c, yes_no=False)
            if again is not None:
                return Outcome(state, (_asked_again(again, self.prompt(state, ctx), c),))
            record = RecordThanks(text)
            partner = ctx.partner
            if partner is None or not (partner.reachable or partner.space_chat):
                return Outcome(None, (Reply(c.text("thanks.kept")),), (record,))
            # The card is for this partner: it sends to no one else (see card_check).
            following = state.at("offer", text=text, **{SEND_TO: partner.user_id})
            offer = Reply(c.text("thanks.kept"))
            return Outcome(
                following, (offer, replace(self.prompt(following, ctx), edit=False)), (record,)
            )
        refused = card_check(state.data.get(SEND_TO), ctx.partner)
        if state.step == "offer" and refused in LINK_GONE:
            # Nothing can be sent now (the link ended, or is with someone else since the card
            # was shown); the thanks was kept when it was written.
            ended = self.prompt(state, ctx)
            return Outcome(None, (replace(ended, edit=isinstance(event, ButtonInput)),))
        if state.step == "offer" and isinstance(event, ButtonInput) and ctx.partner is not None:
            text = str(state.data["text"])
            partner = ctx.partner
            if event.option == "cancel":
                return Outcome(None, (Reply(c.text("send.not_sent"), edit=True),))
            if event.option in SENDING and refused == CHECK_AGAIN:
                # A card kept from before cards named whom they were for: it may be from an
                # earlier link, so it is shown again naming the partner now, sending nothing.
                named = state.with_data(**{SEND_TO: partner.user_id})
                card = self.prompt(named, ctx)
                fresh = replace(card, text=f"{c.text(CHECK_AGAIN)}\n\n{card.text}")
                return Outcome(named, (fresh,))
            if event.option in SENDING:
                allowed = [b.option for b in share_buttons(partner, c)]
                if event.option not in allowed:
                    return _option_gone(state, event.option, partner, text, c)
                said = "thanks.sent" if event.option == "private" else "thanks.posted"
                done = Reply(c.text(said, partner=partner.name), edit=True, only_if_delivered=True)
                share = ShareText("thanks", text, event.option, to=partner.user_id)
                return Outcome(None, (done,), (share,))
        prompt = self.prompt(state, ctx)
        # Only invite typing where typing is read: the send card takes a tap.
        again = "moment.tap_button" if state.step == "offer" else "moment.choose_button"
        return Outcome(
            state,
            (
                Reply(
                    c.text(again, prompt=prompt.text),
                    prompt.buttons,
                    copyable=prompt.copyable,
                ),
            ),
        )


def _option_gone(
    state: FlowState, option: str, partner: Partner, text: str, c: Catalogue
) -> Outcome:
    """A send option pressed on a card after it went (the partner can't be messaged, or the
    group's space paused): why, and the choices that still work; with none left, the words to
    copy, and the card is done."""
    why = why_gone(option, partner, c)
    working = [b for b in share_buttons(partner, c) if b.option != "cancel"]
    if not working:
        gone = Reply(f"{why}\n\n{c.text('send.none_left')}", edit=True, copyable=text)
        return Outcome(None, (gone,))
    card = confirm_card(text, partner, c)  # the pressed card, with the choices that work
    return Outcome(state, (replace(card, text=f"{why}\n\n{card.text}"),))


def why_gone(option: str, partner: Partner, c: Catalogue) -> str:
    """Why a send option ("private" or "group") on a card shown earlier can't be used now: the
    partner can't be messaged, or the couple's group space has paused since."""
    if option == "private":
        return c.text("send.private_gone", partner=partner.name)
    return c.text("send.group_gone")


@lru_cache(maxsize=8)
def _thanks_openers(c: Catalogue) -> tuple[str, ...]:
    """`thanks.thanks_openers`, the longest first (tried in that order)."""
    return tuple(sorted(c.raw("thanks.thanks_openers"), key=len, reverse=True))


def reads_as_hurt(text: str, c: Catalogue) -> bool:
    """Whether words typed where a thanks might be read as a hurt instead ("she yelled at me and
    I felt humiliated", "he ignored me all evening"): a feeling or interpretation word of the
    catalogue, a word of `thanks.hurt_words`, or an insult or curse of the drafts' lists. Such
    words are never offered to be posted as a thanks; a thanks that happens to use one is
    offered as a moment, and [Write mine] still takes it. Words that open as a thanks does
    ("for calming me down when I was anxious", "thank you for...") are a thanks whatever
    feeling they name, unless the hurt is what they are "for" ("thanks for humiliating me") or
    they insult."""
    line = " ".join(text.replace("’", "'").lower().split())
    if _harsh_pattern(c).search(line) is not None:
        return True
    openers = _thanks_openers(c)
    opener = next((o for o in openers if line.startswith(f"{o} ")), None)
    if opener is not None:
        # Opened as a thanks: a hurt only if it is what the thanks is "for" ("thanks for
        # humiliating me", "loved how you mocked me"); "thank you for being there when I was
        # upset" is a thanks, whatever it names after.
        thing = line[len(opener) :].split()
        hurt = _hurt_pattern(c)
        while thing and hurt.match(" ".join(thing)) is None:
            if thing[0] not in c.raw("thanks.thanks_leads"):
                return False
            thing = thing[1:]
        return bool(thing)
    if _hurt_pattern(c).search(line) is not None:
        return True
    found = naming.find_words(text, c)
    return bool(found.feelings or found.interpretations)


@lru_cache(maxsize=8)
def _hurt_pattern(c: Catalogue) -> re.Pattern[str]:
    return _any_of(c.raw("thanks.hurt_words"))


@lru_cache(maxsize=8)
def _harsh_pattern(c: Catalogue) -> re.Pattern[str]:
    return _any_of([*c.raw("drafts.typed.insults"), *c.raw("drafts.typed.curses")])


def _any_of(words: list[str]) -> re.Pattern[str]:
    """Any of `words` (or phrases), whole."""
    return re.compile(rf"(?<![\w'])(?:{alternatives(words)})(?![\w'])")


# ------------------------------------------------------------------ the weekly round

ROUND_FLOW = "round"
TYPED = "typed"  # text typed (with [Write mine] or without): is it their thanks?
# "No, something else happened" at the TYPED card: want to look at it? (what is told next is
# the moment; the words on the card never are).
ELSE = "else"
# When [Write mine]'s step stops taking its answer (an ISO time, in the flow's data).
ANSWER_BY = "answer_by"
# How long a line asked for here is taken (as flow_runner.LEFT_FOR: a flow left in the middle).
ANSWER_FOR = timedelta(hours=12)


def _partner_name(ctx: Context) -> str:
    return ctx.partner.name if ctx.partner else ctx.content.text("thanks.your_partner")


class RoundFlow:
    """A partner's private answer to the weekly thanks round. What the answer is told depends
    on the round as stored (posted now, waiting for the partner, or closed), so the shell says
    it when it records the answer.

    The answer is typed after [Write mine] (`start`), or straight in without it (`offer`).
    Either way a card shows exactly those words and asks whether they are the thanks: only
    "yes" makes them the round's answer; "let me rewrite it" asks for the line again (shown
    back on the card again); "no, something else happened" asks whether to look at what
    happened, and only what is told after it is the moment: the words on the card were meant
    as a thanks, and never become a hurt. Whoever says no is told that [Write mine] still
    takes their thanks. Words that read as a hurt never get that card: they are offered as a
    moment. The card takes typed answers for ANSWER_FOR (then words are read as any text);
    a stop typed at it ("never mind") cancels it, and a hurt typed at it is offered alone."""

    name = ROUND_FLOW

    def needs_partner(self, state: FlowState) -> bool:
        return True  # every question here names the partner

    def start(
        self,
        ctx: Context,
        round_key: str,
        space_id: int,
        moment_id: str,
        answer_by: datetime,
        partner_answered: bool = False,
    ) -> Outcome:
        """[Write mine]: the line it asks for goes to the card `offer` shows (or, a hurt, is
        offered as the moment `moment_id`). Words typed after `answer_by` are not its answer:
        they are handed back, to be read as any text is."""
        data = _round_data(round_key, space_id, moment_id, partner_answered)
        data[ANSWER_BY] = answer_by.isoformat()
        state = FlowState(ROUND_FLOW, "text", data)
        return Outcome(state, (self.prompt(state, ctx),))

    def offer(
        self,
        ctx: Context,
        text: str,
        round_key: str,
        space_id: int,
        moment_id: str,
        partner_answered: bool = False,
    ) -> Outcome:
        """`text`, typed while the round waits for this person's answer, offered as it;
        `moment_id` names the moment it becomes if it is not. With `partner_answered`, the
        card says a yes posts it now, not once both have answered."""
        data = _round_data(round_key, space_id, moment_id, partner_answered)
        # Typed answers to the card are taken for as long as [Write mine]'s line is.
        data[ANSWER_BY] = (ctx.now + ANSWER_FOR).isoformat()
        state = FlowState(ROUND_FLOW, TYPED, {**data, "text": text})
        return Outcome(state, (self.prompt(state, ctx),))

    def prompt(self, state: FlowState, ctx: Context) -> Reply:
        c = ctx.content
        if state.step == TYPED:
            buttons = rows(
                Button(c.text("thanks.round_typed_yes"), "yes"),
                Button(c.text("thanks.round_typed_rewrite"), "rewrite"),
                Button(c.text("thanks.round_typed_no"), "no"),
            )
            key = "thanks.round_typed_now" if state.data.get("now") else "thanks.round_typed"
            text = c.text(key, partner=_partner_name(ctx))
            return Reply(text, buttons, copyable=str(state.data["text"]))
        if state.step == ELSE:
            buttons = rows(
                Button(c.text("moment.offer_yes"), "yes"),
                Button(c.text("moment.offer_no"), "no"),
            )
            later = _answer_later(ctx)
            return Reply(f"{c.text('thanks.round_typed_else')}\n\n{later.text}", buttons)
        # The ask above the "Write mine" button already has the whole question.
        return Reply(c.text("thanks.round_go", partner=_partner_name(ctx)))

    def cancel(self, state: FlowState, ctx: Context) -> Outcome:
        c = ctx.content
        if state.step == TYPED:  # the card's words go nowhere; the round still takes a thanks
            said = f"{c.text('thanks.round_not_posted')}\n\n{_answer_later(ctx).text}"
            return Outcome(None, (Reply(said),))
        return Outcome(None, (Reply(c.text("shell.cancelled")),))

    def handle(self, state: FlowState, event: Event, ctx: Context) -> Outcome:
        c = ctx.content
        if state.step == TYPED:
            return self._on_typed(state, event, ctx)
        if state.step == ELSE:
            return self._on_else(state, event, ctx)
        if isinstance(event, TextInput):
            if _lapsed(state, ctx.now):
                # Left too long (or kept from before the step had a time): not the line
                # [Write mine] asked for, but words read as any text is.
                return Outcome(None, handback=True)
            text = " ".join(event.text.split())
            if not text or len(text) > TEXT_LIMIT:
                return Outcome(state, (Reply(c.text("moment.too_long", limit=TEXT_LIMIT)),))
            again = said_to_mend(text, c, yes_no=True)  # posted as typed: never "Ana: hi"
            if again is not None:
                return Outcome(state, (_asked_again(again, self.prompt(state, ctx), c),))
            moment_id = str(state.data["moment"])
            if reads_as_hurt(text, c):
                # Never offered to be posted as a thanks: offered as a moment, as typed words
                # with the round waiting are (and as the card's "no" offers them).
                from bot.domain.repair_flow import REPAIR  # it imports this module

                return REPAIR.offer(ctx, moment_id, text)
            # Crosses only as typed words do: on the card showing them exactly, with a yes.
            round_key, space_id = str(state.data["round"]), int(state.data["space"])
            now = bool(state.data.get("now"))
            return self.offer(ctx, text, round_key, space_id, moment_id, partner_answered=now)
        prompt = self.prompt(state, ctx)
        return Outcome(state, (Reply(c.text("onboarding.text_only", prompt=prompt.text)),))

    def _on_typed(self, state: FlowState, event: Event, ctx: Context) -> Outcome:
        text = str(state.data["text"])
        if isinstance(event, ButtonInput) and event.option == "yes":
            # What became of it (posted, waiting for the partner, closed) is said as it is
            # recorded, as after [Write mine]; the card keeps its words, not its buttons.
            record = RecordThanks(text, str(state.data["round"]), int(state.data["space"]))
            return Outcome(None, (), (record,), retire_card=True)
        if isinstance(event, ButtonInput) and event.option == "rewrite":
            # The line asked for again, and shown back on this card again. The card keeps
            # its words (to copy from), not its buttons.
            data = {k: v for k, v in state.data.items() if k != "text"}
            data[ANSWER_BY] = (ctx.now + ANSWER_FOR).isoformat()
            rewriting = FlowState(ROUND_FLOW, "text", data)
            ask = Reply(ctx.content.text("thanks.round_rewrite", partner=_partner_name(ctx)))
            return Outcome(rewriting, (ask,), retire_card=True)
        if isinstance(event, ButtonInput) and event.option == "no":
            # Not a thanks after all: what happened is asked about; the words on the card
            # (meant as a thanks, maybe of the very person) never become the moment.
            data = {k: v for k, v in state.data.items() if k != "text"}
            data[ANSWER_BY] = (ctx.now + ANSWER_FOR).isoformat()
            asked = FlowState(ROUND_FLOW, ELSE, data)
            return Outcome(asked, (self.prompt(asked, ctx),), retire_card=True)
        if isinstance(event, TextInput) and _lapsed(state, ctx.now):
            # Left too long (or kept from before the card had a time): the words are not its
            # answer, but read as any text is; the card's words are never joined to them.
            return Outcome(None, handback=True)
        if isinstance(event, TextInput) and small_talk.stops_a_flow(event.text, ctx.content):
            return self.cancel(state, ctx)  # "stop", "never mind": nothing posted
        typed = (
            small_talk.yes_or_no(event.text, ctx.content) if isinstance(event, TextInput) else None
        )
        if isinstance(event, TextInput) and _typed_yes(event.text, ctx.content):
            typed = "yes"  # "ok", "that's it", "yes, that's my thanks"
        if isinstance(event, TextInput) and _typed_rewrite(event.text, ctx.content):
            typed = "rewrite"  # "let me rewrite it", "change it"
        if typed is not None:  # "yes" typed is the button pressed
            outcome = self._on_typed(state, ButtonInput(typed), ctx)
            return as_messages(outcome)
        said = event.text if isinstance(event, TextInput) else ""
        told_after = _after_a_no(said, ctx.content)
        if told_after == "":  # "actually no, something else": what happened is asked
            return as_messages(self._on_typed(state, ButtonInput("no"), ctx))
        if told_after is not None:  # "no, she forgot to call me back": that is the moment
            from bot.domain.repair_flow import REPAIR

            offered = REPAIR.offer(ctx, str(state.data["moment"]), told_after)
            return replace(offered, replies=(_answer_later(ctx), *offered.replies))
        if reads_as_hurt(said, ctx.content):
            # A hurt told instead of an answer: offered as a moment, only these words (the
            # card's were meant as a thanks, maybe of the very person, and never join them).
            from bot.domain.repair_flow import REPAIR

            offered = REPAIR.offer(ctx, str(state.data["moment"]), " ".join(said.split()))
            return replace(offered, replies=(_answer_later(ctx), *offered.replies))
        # Anything else ("hi", a question, more words that are no hurt): the card again.
        prompt = self.prompt(state, ctx)
        again = Reply(
            ctx.content.text("moment.tap_button", prompt=prompt.text),
            prompt.buttons,
            copyable=prompt.copyable,
        )
        return Outcome(state, (again,))

    def _on_else(self, state: FlowState, event: Event, ctx: Context) -> Outcome:
        """ "Want to look at this moment together?" after "no, something else happened": a yes
        starts the moment with nothing of the card's words; what is typed is offered as it."""
        from bot.domain.repair_flow import REPAIR  # it imports this module

        c = ctx.content
        moment_id = str(state.data["moment"])
        # Its card keeps its words (how the round is still answered), not its buttons.
        if isinstance(event, ButtonInput) and event.option == "yes":
            return replace(REPAIR.start(ctx, moment_id), retire_card=True)
        if isinstance(event, ButtonInput) and event.option == "no":
            declined = Reply(c.text("thanks.round_else_declined"))
            return Outcome(None, (declined,), retire_card=True)
        if not isinstance(event, TextInput):
            prompt = self.prompt(state, ctx)
            return Outcome(state, (Reply(c.text("onboarding.text_only", prompt=prompt.text)),))
        if _lapsed(state, ctx.now):
            return Outcome(None, handback=True)  # hours on: read as any text is
        if small_talk.stops_a_flow(event.text, c):  # "stop": no moment of it
            return Outcome(None, (Reply(c.text("thanks.round_else_declined")),))
        typed = small_talk.yes_or_no(event.text, c)
        if typed is not None:
            return as_messages(self._on_else(state, ButtonInput(typed), ctx))
        if small_talk.kind(event.text, c) is not None:
            return Outcome(None, handback=True)  # a "hi" or "thanks": answered as usual
        return REPAIR.offer(ctx, moment_id, " ".join(event.text.split()))


def _answer_later(ctx: Context) -> Reply:
    """How the round is still answered, said to whoever says their words are not its thanks."""
    c = ctx.content
    return Reply(
        c.text(
            "thanks.round_answer_later",
            partner=_partner_name(ctx),
            write=c.text("thanks.round_write"),
        )
    )


def _after_a_no(text: str, c: Catalogue) -> str | None:
    """What is told after a "no" typed at the round's card ("no, she forgot to call me back"
    tells "she forgot to call me back"); "" when nothing is ("actually no, something else");
    None when the words do not open with a no."""
    line = " ".join(text.split())
    if line and " ".join(small_talk.words(line)) in _else_words(c):
        return ""  # "something else happened", with no "no" before it
    found = _no_pattern(c).match(line)
    if found is None:
        return None
    after = line[found.end() :]
    rest = after.strip(" ,.;:!-–—")
    if not small_talk.words(rest) or " ".join(small_talk.words(rest)) in _else_words(c):
        return ""
    if " " not in found.group(0).strip() and not re.match(r"\s*[,.;:!–—-]", after):
        return None  # "no one was there": not a no, without a stop after it
    return rest


@lru_cache(maxsize=8)
def _no_pattern(c: Catalogue) -> re.Pattern[str]:
    openers = alternatives(c.raw("thanks.round_typed_no_openers"))
    return re.compile(rf"\W*(?:{openers})(?![\w'])", re.IGNORECASE)


@lru_cache(maxsize=8)
def _else_words(c: Catalogue) -> frozenset[str]:
    said = [*c.raw("thanks.round_typed_else_words"), c.text("thanks.round_typed_no")]
    return frozenset(" ".join(small_talk.words(s)) for s in said)


def _typed_rewrite(text: str, c: Catalogue) -> bool:
    """ "let me rewrite it", "change it", or the rewrite button's own words, typed at the card."""
    label, listed = c.text("thanks.round_typed_rewrite"), "thanks.round_typed_rewrite_words"
    return bool(small_talk.named(text, (small_talk.Named("rewrite", (label,), (listed,)),), c))


def _round_data(
    round_key: str, space_id: int, moment_id: str, partner_answered: bool
) -> dict[str, Any]:
    data: dict[str, Any] = {"round": round_key, "space": space_id, "moment": moment_id}
    if partner_answered:
        data["now"] = True
    return data


def _lapsed(state: FlowState, now: datetime) -> bool:
    """Whether [Write mine]'s step (or the card, or "want to look?" after it) takes no more
    typed answers: past its ANSWER_BY, or from before it had one (nor a moment for a hurt)."""
    answer_by = state.data.get(ANSWER_BY)
    if not isinstance(answer_by, str) or "moment" not in state.data:
        return True
    return now > datetime.fromisoformat(answer_by)


def _typed_yes(text: str, c: Catalogue) -> bool:
    """ "ok", "that's it", or the yes button's own words, typed at the typed-round card."""
    label, listed = c.text("thanks.round_typed_yes"), "thanks.round_typed_yes_words"
    return bool(small_talk.named(text, (small_talk.Named("yes", (label,), (listed,)),), c))


THANKS = ThanksFlow()
ROUND = RoundFlow()
