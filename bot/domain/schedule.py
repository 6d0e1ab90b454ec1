"""When prompts are due: evening reflections, follow-ups, quiet hours, pauses, staleness.

Pure rules over aware datetimes; the scheduler stores what these decide as rows of the
scheduled_prompts table (each with an idempotency key) and a periodic tick sends the due ones.
See DESIGN.md ("Scheduling") and `bot/domain/clock.py` for the time rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.domain import clock, crisis
from bot.domain.clock import (
    EVENING_AT,
    NIGHT_ENDS,
    TONIGHT_AT,
    at_local,
    later_by,
    their_day,
    zone_of,
)
from bot.domain.spoken_times import in_digits

EVENING, FOLLOW_UP, NUDGE, SNOOZE = "evening", "follow_up", "nudge", "snooze"
EVENING_CARDS = (EVENING, SNOOZE)  # the evening check-in, and its "ask me in an hour"
KINDS = (EVENING, FOLLOW_UP, NUDGE, SNOOZE)
# Cards about a moment: an evening has room for one the person did not ask for (a nudge).
CARDS = (FOLLOW_UP, NUDGE)

DEFAULT_EVENING = time(21, 0)
DEFAULT_QUIET = (time(22, 30), time(8, 0))
DEFAULT_FOLLOW_UP_HOURS = clock.FEW_HOURS
STALE_AFTER = timedelta(hours=3)
SNOOZE_FOR = timedelta(hours=1)
# "Did you get to talk?" comes this long after the planned talk, not at its very minute: time
# for the talk itself and a little after. Fixed rather than the person's `follow_up_hours`,
# which is what "in a few hours" means for the plan (using it twice would make that plan's
# question come six hours on). Evening plans are then asked about the same evening: "this
# evening" (20:00) at 22:00, "tomorrow evening" (19:00) at 21:00, before the usual quiet hours.
AFTER_TALK = timedelta(hours=2)
# A no-plan follow-up comes at the first evening time at least this long after the moment.
NUDGE_AT_LEAST = timedelta(hours=6)
# A nudge due with the evening check-in comes this long after it: one card at a time.
AFTER_CHECK_IN = timedelta(minutes=45)
# Why the evening card waits: the couple's group check-in goes with it (one card at a time).
AFTER_GROUP_CHECK_IN = "after the group check-in"
# Why a prompt is held back in the quiet day after a danger reply.
AFTER_DANGER = "after danger"
# A moment counts as under way while its flow (past the offer) was answered this recently. Its
# questions are answered minutes apart; a flow not touched for an hour has been put down, and
# then the evening card is a fair reminder (pressing it brings them back to where they were).
# A moment left far longer is set aside when they next write (flow_runner.LEFT_FOR, 12 hours),
# so without such a window one left days ago would keep the check-in away. An evening card due
# mid-moment is held back this long too: by then the moment is done, or has been put down and
# counts as under way no longer, unless they are still at it (held again, or skipped).
MOMENT_UNDER_WAY_FOR = timedelta(hours=1)
# Why an evening card is held back, or skipped tonight: a moment is being looked at.
MID_MOMENT = "moment under way"
# "This evening" (TONIGHT_AT) is offered until half an hour before it: asking "did you talk?"
# minutes after the plan was made would be silly.
TONIGHT_UNTIL = time(19, 30)


@dataclass(frozen=True)
class Prefs:
    """A person's scheduling settings."""

    zone: str | None = None
    evening_on: bool = False
    evening_at: time = DEFAULT_EVENING
    quiet_start: time = DEFAULT_QUIET[0]
    quiet_end: time = DEFAULT_QUIET[1]
    follow_up_hours: int = DEFAULT_FOLLOW_UP_HOURS
    nudges_on: bool = True
    paused_until: datetime | None = None

    @property
    def tz(self) -> ZoneInfo:
        return zone_of(self.zone)


def parse_hhmm(text: str) -> time:
    hour, minute = text.split(":")
    return time(int(hour), int(minute))


def hhmm(value: time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def in_quiet_hours(local: time, start: time, end: time) -> bool:
    """Whether a wall-clock time lies in [start, end), a window that may wrap midnight."""
    if start == end:
        return False
    if start < end:
        return start <= local < end
    return local >= start or local < end


def out_of_quiet_hours(due: datetime, prefs: Prefs) -> datetime:
    """`due`, or the end of the quiet hours it falls into (the first moment they are over)."""
    local = due.astimezone(prefs.tz)
    if not in_quiet_hours(local.time(), prefs.quiet_start, prefs.quiet_end):
        return due
    day = local.date()
    if prefs.quiet_start > prefs.quiet_end and local.time() >= prefs.quiet_start:
        day += timedelta(days=1)  # late evening: quiet ends tomorrow morning
    end = at_local(day, prefs.quiet_end, prefs.tz)
    if end < due:
        # The end falls in a repeated (fall-back) hour and `due` is in its second pass: the
        # first pass is already behind us, so quiet hours end at the second one.
        wall = datetime.combine(day, prefs.quiet_end, tzinfo=prefs.tz)
        end = wall.replace(fold=1).astimezone(UTC)
    if in_quiet_hours(end.astimezone(prefs.tz).time(), prefs.quiet_start, prefs.quiet_end):
        # The clocks sprang forward over that day's whole free window (its end and the next
        # start both in the gap): it never came, so quiet hours end the day after.
        return out_of_quiet_hours(end, prefs)
    return end


def night_now(now: datetime, prefs: Prefs) -> time | None:
    """Their wall-clock time now, if it is in their quiet hours (a send to them says so: it
    arrives at once all the same); None by their day, or with no zone of theirs known."""
    if prefs.zone is None:
        return None
    local = now.astimezone(prefs.tz).time().replace(second=0, microsecond=0)
    return local if in_quiet_hours(local, prefs.quiet_start, prefs.quiet_end) else None


# "Pause until I resume": a date no evening will reach.
UNTIL_RESUMED = datetime(9999, 12, 31, tzinfo=UTC)
RECHECK_PAUSED = timedelta(days=1)  # a follow-up waiting out a pause until resumed


def is_paused(now: datetime, prefs: Prefs) -> bool:
    return prefs.paused_until is not None and now < prefs.paused_until


def paused_until_resumed(prefs: Prefs) -> bool:
    """Paused with no end date: nothing is planned until they resume."""
    return prefs.paused_until is not None and prefs.paused_until >= UNTIL_RESUMED - timedelta(1)


def pause_over(now: datetime, prefs: Prefs) -> datetime:
    """Where a follow-up the person asked for waits out a pause: the first time out of quiet
    hours once it ends (now, if it has ended). Paused until resumed, a day on, to be looked at
    again then (resuming brings it back at once, through `store`; a row never carries the
    pause's far-off date, which retention and /export would have to know about)."""
    if paused_until_resumed(prefs):
        return out_of_quiet_hours(now + RECHECK_PAUSED, prefs)
    return out_of_quiet_hours(max(now, prefs.paused_until or now), prefs)


def evening_key(user_id: int, day: date) -> str:
    return f"{EVENING}:{user_id}:{day.isoformat()}"


def next_evening(after: datetime, prefs: Prefs) -> tuple[date, datetime]:
    """The first evening reflection strictly after `after`: its local date and UTC instant.

    One per local date, at the chosen local time (a time lost to spring-forward moves to the
    next valid minute; a repeated one is taken the first time). Never inside a pause.
    """
    zone = prefs.tz
    start = after
    if prefs.paused_until is not None and prefs.paused_until > start:
        start = prefs.paused_until - timedelta(microseconds=1)
    day = start.astimezone(zone).date() - timedelta(days=1)
    while True:
        due = at_local(day, prefs.evening_at, zone)
        if due > start and due > after:
            return day, due
        day += timedelta(days=1)


def from_this_minute(now: datetime) -> datetime:
    """The instant to plan the next evening "after" so that one due in this very minute is
    still it (`next_evening` takes one strictly after): a tick runs some seconds into the
    minute, and replanning after downtime at 21:00:20 must not skip the evening due at 21:00."""
    return now.replace(second=0, microsecond=0) - timedelta(microseconds=1)


def follow_up_due(planned: datetime, prefs: Prefs) -> datetime:
    """The question about a planned talk: AFTER_TALK (real hours) after the planned time, or
    when quiet hours end if that falls in them."""
    return out_of_quiet_hours(later_by(planned, AFTER_TALK.total_seconds() / 3600), prefs)


def plan_in_new_zone(
    planned: datetime,
    now: datetime,
    before: str | None,
    after: str | None,
    *,
    from_now: bool = False,
) -> datetime | None:
    """Where a planned talk (at `planned`) goes once the person's time zone changes from
    `before` to `after`: the same wall-clock time, local date and time, in the new zone (a
    plan for "tonight at 8" made on a mis-set zone is 20:00 where they are). None where it
    keeps its instant:

    - `from_now`: the plan is a span from when it was made ("In a few hours", "in 3 hours":
      `Moment.plan_from_now`), a real instant, not a clock time they chose;
    - the moved time is past, or less than MIN_PLAN_AHEAD away (the least a typed time may
      be ahead): a talk they would have no time to get to, or already missed;
    - the plan has gone by, or the wall clock is the same (no move at all);
    - no zone before: with none known, a plan is only ever a time from now ("in 3 hours"; a
      clock time or "tomorrow" asks where they are first, and is read there), a real instant
      that UTC's wall clock has no part in.
    """
    if from_now or before is None or planned <= now:
        return None
    moved = clock.same_wall_clock(planned, zone_of(before), zone_of(after))
    if moved == planned or moved < now + clock.MIN_PLAN_AHEAD:
        return None
    return moved


def typed_from_now(text: str, now: datetime, zone: ZoneInfo, prefs: Prefs) -> bool:
    """Whether a time typed at the time question (`typed_time`, `leading`) is a span from now
    ("in 3 hours", "in 45 min", "in a few hours over coffee": `clock.in_real_time`), not a
    clock time or a day ("tonight at 8", "in 2 days")."""
    few = prefs.follow_up_hours
    said = clock.time_words(in_digits(text.lower()), now, zone, few_hours=few)
    return clock.in_real_time(said, now, few_hours=few) is not None


def in_hours(now: datetime, hours: float, prefs: Prefs) -> datetime:
    """N real hours from now, moved out of quiet hours."""
    return out_of_quiet_hours(later_by(now, hours), prefs)


def nudge_due(ended: datetime, prefs: Prefs) -> datetime:
    """One gentle follow-up for a moment left with no plan: the next evening (the person's
    evening time), at least a few hours on."""
    return _evening_from(ended + NUDGE_AT_LEAST, prefs)


def nudge_replanned(planned_at: datetime, now: datetime, prefs: Prefs) -> datetime:
    """A pending nudge once the person's evening time or zone changed: it follows them, to
    the first (new) evening time at least a few hours after the moment, and not in the past.
    Stable: asked again later, before it is due, the answer is the same."""
    return _evening_from(max(planned_at + NUDGE_AT_LEAST, now), prefs)


def _evening_from(soonest: datetime, prefs: Prefs) -> datetime:
    zone = prefs.tz
    day = soonest.astimezone(zone).date()
    while True:
        due = at_local(day, prefs.evening_at, zone)
        if due >= soonest:
            return out_of_quiet_hours(due, prefs)
        day += timedelta(days=1)


def day_start(now: datetime, prefs: Prefs) -> datetime:
    """When the person's local day began (the first valid minute of it)."""
    return at_local(now.astimezone(prefs.tz).date(), time(0, 0), prefs.tz)


def next_nudge_evening(now: datetime, prefs: Prefs, *, not_today: bool) -> datetime:
    """Where a nudge that cannot go now waits: the next evening time (not today's, if today
    already had its card), moved out of quiet hours."""
    zone = prefs.tz
    day = now.astimezone(zone).date() + timedelta(days=1 if not_today else 0)
    while True:
        due = out_of_quiet_hours(at_local(day, prefs.evening_at, zone), prefs)
        if due > now:
            return due
        day += timedelta(days=1)


@dataclass(frozen=True)
class Hold:
    """Not now: skip the prompt (no `due`), or move it to `due`."""

    reason: str
    due: datetime | None = None


def hold_back(
    kind: str,
    now: datetime,
    prefs: Prefs,
    *,
    carded_today: bool,
    check_in_now: bool = False,
    carded_now: bool = False,
    evening_declined: bool = False,
    quiet_until: datetime | None = None,
    moment_under_way: bool = False,
    group_check_in: datetime | None = None,
) -> Hold | None:
    """Checked as a personal prompt is about to go, with the person's *current* settings
    (their zone or quiet hours may have changed since it was planned). None: send it.

    Nothing arrives in quiet hours: a follow-up waits for their end; an evening reflection
    or its snooze is skipped (tomorrow's will do). A nudge, which nobody asked for, goes only
    when nudges are on, at most one card about a moment a day (`carded_today`: a follow-up
    or nudge went today already), and otherwise waits for a following evening. One due with
    the evening check-in (`check_in_now`) comes AFTER_CHECK_IN later, unless that is in quiet
    hours: then it comes with the check-in, better than a day late. An evening whose check-in
    was answered "all good" or "not tonight" (`evening_declined`) has no room for a nudge
    either. The other way round too: a check-in due with a follow-up (`carded_now`, which goes
    first) comes AFTER_CHECK_IN after it, or with it if that is in quiet hours. So does an
    evening reflection after the group check-in of a couple space the person is in
    (`group_check_in`: when that is due) due less than AFTER_CHECK_IN before or after it.

    In the quiet day after a danger reply (until `quiet_until`), no cheerful card: an evening
    reflection or its snooze is skipped, a nudge waits for the day to end; a follow-up the
    person asked for still comes.

    An evening reflection or its snooze due while the person is in the middle of a moment
    (`moment_under_way`: see MOMENT_UNDER_WAY_FOR) would only interrupt it: it waits that long
    and is looked at again then, or is skipped tonight if that would be in quiet hours or
    after midnight (a "good evening" at half past midnight is no evening card). A nudge
    about another moment waits that long too; a follow-up they asked for does not.
    """
    if crisis.is_quiet(now, quiet_until):
        if kind == NUDGE:
            return Hold(AFTER_DANGER, quiet_until)
        if kind in (EVENING, SNOOZE):
            return Hold(AFTER_DANGER)
    local = now.astimezone(prefs.tz).time()
    quiet = in_quiet_hours(local, prefs.quiet_start, prefs.quiet_end)
    if kind == NUDGE:
        if not prefs.nudges_on:
            return Hold("turned off")
        if moment_under_way and not quiet:  # looked at again then, quiet hours and all
            return Hold(MID_MOMENT, now + MOMENT_UNDER_WAY_FOR)
        if quiet or carded_today or evening_declined:
            later = next_nudge_evening(now, prefs, not_today=carded_today or evening_declined)
            reason = "quiet hours" if quiet else "one a day" if carded_today else "not tonight"
            return Hold(reason, later)
        if check_in_now:
            return _one_at_a_time(now, prefs, "after the check-in")
        return None
    if not quiet:
        if kind in (EVENING, SNOOZE) and moment_under_way:
            return _after_the_moment(now, prefs)
        if kind == EVENING and carded_now:
            return _one_at_a_time(now, prefs, "after the follow-up")
        if kind == EVENING and group_check_in and abs(group_check_in - now) < AFTER_CHECK_IN:
            return _one_at_a_time(group_check_in, prefs, AFTER_GROUP_CHECK_IN)
        return None
    if kind == FOLLOW_UP:
        return Hold("quiet hours", out_of_quiet_hours(now, prefs))
    return Hold("quiet hours")


def _one_at_a_time(went: datetime, prefs: Prefs, reason: str) -> Hold | None:
    """AFTER_CHECK_IN after the card that went (or goes) at `went`; None (with it) if that is
    in quiet hours."""
    after = went + AFTER_CHECK_IN
    local_after = after.astimezone(prefs.tz).time()
    if in_quiet_hours(local_after, prefs.quiet_start, prefs.quiet_end):
        return None
    return Hold(reason, after)


def _after_the_moment(now: datetime, prefs: Prefs) -> Hold:
    """An evening card held back from a moment under way: MOMENT_UNDER_WAY_FOR later, still
    this evening, or skipped tonight (tomorrow's will do)."""
    after = now + MOMENT_UNDER_WAY_FOR
    local_after = after.astimezone(prefs.tz)
    if local_after.date() != now.astimezone(prefs.tz).date() or in_quiet_hours(
        local_after.time(), prefs.quiet_start, prefs.quiet_end
    ):
        return Hold(MID_MOMENT)
    return Hold(MID_MOMENT, after)


def evenings_near(due: datetime, evenings: Sequence[Prefs]) -> list[datetime]:
    """The evening check-ins (of `evenings`, those turned on and not paused then) due less
    than AFTER_CHECK_IN before or after `due`."""
    near = []
    for prefs in evenings:
        if not prefs.evening_on:
            continue
        day = due.astimezone(prefs.tz).date()
        for offset in (-1, 0, 1):  # an evening time near midnight may be on another day
            at = at_local(day + timedelta(days=offset), prefs.evening_at, prefs.tz)
            if abs(at - due) < AFTER_CHECK_IN and not is_paused(at, prefs):
                near.append(at)
    return near


def apart_from_evenings(
    due: datetime, evenings: Sequence[Prefs], quiet: Sequence[Prefs]
) -> datetime:
    """A reminder planned for `due` (a "later" repair bid's), moved AFTER_CHECK_IN after an
    evening check-in (of `evenings`) due with it or less than that before or after it: one
    card at a time, as a nudge after the check-in. If that lands in the quiet hours of anyone
    in `quiet`, it stays at `due` (with the check-in, better than a day late)."""
    moved = due
    for _ in range(len(evenings) + 1):
        near = evenings_near(moved, evenings)
        if not near:
            return moved
        moved = max(near) + AFTER_CHECK_IN
        if any(out_of_quiet_hours(moved, p) != moved for p in quiet):
            return due
    return due


def earlier_evening(card_due: datetime, now: datetime, prefs: Prefs) -> bool:
    """Whether an evening card (due at `card_due`) is from an evening before this one: its
    "ask me in an hour" is then not planned (a check-in the next morning, or a second one
    tonight). The small hours still belong to the evening before (`their_day`)."""
    zone = prefs.tz
    return their_day(card_due.astimezone(zone)) < their_day(now.astimezone(zone))


def snooze_due(now: datetime, prefs: Prefs) -> datetime | None:
    """An hour later; None if that lands in quiet hours (then tomorrow's prompt will do)."""
    due = later_by(now, SNOOZE_FOR.total_seconds() / 3600)
    local = due.astimezone(prefs.tz).time()
    if in_quiet_hours(local, prefs.quiet_start, prefs.quiet_end):
        return None
    return due


def typed_time(
    text: str, now: datetime, zone: ZoneInfo, prefs: Prefs, *, leading: bool = True
) -> datetime | None:
    """A time typed by a person whose settings are at hand (`clock.parse_when`): "in a few
    hours" is their "In a few hours" (`follow_up_hours`), as the button, and "tonight" said
    late is later tonight until their night begins (`night_begins`). With `leading` (at a
    question that asks only for a time), words after a time phrase that say no other time
    are left out ("saturday morning over coffee"); without, the words must be a time and
    nothing more ("friday he cancelled again" is a story, wherever else it is typed)."""
    return clock.parse_when(
        text,
        now,
        zone,
        few_hours=prefs.follow_up_hours,
        night_until=night_begins(prefs),
        leading=leading,
    )


def late_for_tonight(text: str, now: datetime, zone: ZoneInfo, prefs: Prefs) -> bool:
    """Whether `text` is "tonight" with no time, said when tonight has none left for it
    (`clock.late_for_tonight`, up to `night_begins`): asked about, not "that has passed"."""
    return clock.late_for_tonight(text, now, zone, night_until=night_begins(prefs))


_LATE_EVENING = time(23, 59)  # quiet hours that hold it are the night's


def night_begins(prefs: Prefs) -> time | None:
    """When the person's night begins, for "later tonight": the start of their quiet hours if
    those run through the late evening (22:30 by default); None (midnight) if there are none,
    or they are in the day."""
    start, end = prefs.quiet_start, prefs.quiet_end
    return start if in_quiet_hours(_LATE_EVENING, start, end) else None


def tonight_available(now: datetime, zone: ZoneInfo) -> bool:
    """Whether "this evening" may still be offered (and taken): until TONIGHT_UNTIL, and not
    in the small hours, when the coming evening is "tomorrow evening" to someone still up."""
    return NIGHT_ENDS <= now.astimezone(zone).time() < TONIGHT_UNTIL


def preset_due(choice: str, now: datetime, zone: ZoneInfo) -> datetime | None:
    """The time a "later" button names: "tonight" (None once it is too late for it) or
    "tomorrow" (evening, counted as typed "tomorrow" is: from the day before in the small
    hours); None for anything else."""
    local = now.astimezone(zone)
    today = local.date()
    if choice == "tonight":
        return at_local(today, TONIGHT_AT, zone) if tonight_available(now, zone) else None
    if choice == "tomorrow":
        return at_local(their_day(local) + timedelta(days=1), EVENING_AT, zone)
    return None


def reschedule_due(choice: str, now: datetime, prefs: Prefs) -> datetime | None:
    """ "Not yet, remind me": this evening, tomorrow evening, or in the person's few hours;
    never in quiet hours. None for "tonight" once it is too late for it (the card stops
    offering it then; a press on an older card must not quietly mean tomorrow).

    These name when to *ask again* ("Okay, I'll ask again tomorrow evening."), not a new talk
    time, so unlike `follow_up_due` no AFTER_TALK is added: tomorrow evening is asked at 19:00."""
    if choice == "hours":
        return in_hours(now, prefs.follow_up_hours, prefs)
    due = preset_due(choice, now, prefs.tz)
    return None if due is None else out_of_quiet_hours(due, prefs)


def is_stale(due: datetime, now: datetime, stale_after: timedelta = STALE_AFTER) -> bool:
    """Too late to make sense (an evening reflection at 4 a.m. after an outage)."""
    return now - due > stale_after


@dataclass(frozen=True)
class ScheduleFollowUp:
    """Effect: ask about this moment at `due` (a plan to talk later)."""

    moment_id: str
    due: datetime


@dataclass(frozen=True)
class ScheduleNudge:
    """Effect: one gentle follow-up for a moment left with no plan."""

    moment_id: str
    due: datetime


@dataclass(frozen=True)
class CancelPrompts:
    """Effect: nothing more is to be asked about this moment."""

    moment_id: str


def follow_up_key(moment_id: str, due: datetime) -> str:
    return f"{FOLLOW_UP}:{moment_id}:{due.isoformat(timespec='minutes')}"


def nudge_key(moment_id: str) -> str:
    return f"{NUDGE}:{moment_id}"


def retry_delay(attempts: int) -> timedelta:
    """Backoff after a network error: 15 s, 30 s, 1 min, 2 min..."""
    return timedelta(seconds=15 * 2 ** max(0, attempts - 1))
