"""What the bot says about time: a plan's confirmation matches what is stored (and says when
quiet hours move the question), counts read right for one, and follow-up cards name their day."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.content import catalogue
from bot.domain import prompts, schedule
from bot.domain import repair_flow as rf
from bot.domain.flow import ButtonInput, Context, FlowState, Outcome, Person, TextInput
from bot.domain.moments import PLANNED, UNFINISHED, Moment, SaveMoment
from bot.domain.replies import Reply
from bot.domain.schedule import Prefs
from bot.domain.settings_flow import SETTINGS

C = catalogue("en")
LONDON = "Europe/London"
# Sunday 1 March 2026, 21:00 in London (UTC+0).
SUNDAY_NIGHT = datetime(2026, 3, 1, 21, 0, tzinfo=UTC)


def ctx(now: datetime = SUNDAY_NIGHT, zone: str = LONDON, **prefs: Any) -> Context:
    return Context(Person(7, "Ana", None, zone, "en"), now, C, Prefs(zone=zone, **prefs))


def at_step(step: str) -> FlowState:
    m = Moment("m1", SUNDAY_NIGHT - timedelta(hours=1), pattern="phone", path="later")
    return FlowState(rf.FLOW, step, {"m": m.to_data()})


def planned(outcome: Outcome) -> tuple[datetime, datetime]:
    """The plan stored on the moment, and when the follow-up is due."""
    (moment,) = [e.moment for e in outcome.effects if isinstance(e, SaveMoment)]
    (follow_up,) = [e for e in outcome.effects if isinstance(e, schedule.ScheduleFollowUp)]
    assert moment.status == PLANNED and moment.plan_due_at is not None
    return moment.plan_due_at, follow_up.due


@pytest.mark.parametrize("typed", ["23:15", "06:00"])
def test_a_plan_in_quiet_hours_says_when_the_question_really_comes(typed: str):
    outcome = rf.REPAIR.handle(at_step(rf.WHEN_AT), TextInput(typed), ctx())
    plan, due = planned(outcome)
    assert plan.strftime("%H:%M") == typed  # the plan is theirs, as typed
    assert due == datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # quiet hours end (22:30-08:00)
    text = outcome.replies[0].text
    when = "today at 23:15" if typed == "23:15" else "on Monday at 06:00"
    assert f"a plan to talk {when}" in text
    assert "quiet hours" in text and "on Monday at 08:00" in text


def test_a_plan_outside_quiet_hours_says_nothing_about_them():
    outcome = rf.REPAIR.handle(at_step(rf.WHEN_AT), TextInput("tomorrow at 8"), ctx())
    plan, due = planned(outcome)
    assert plan == datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    assert due == plan + schedule.AFTER_TALK
    assert "quiet" not in outcome.replies[0].text
    assert "a plan to talk on Monday at 08:00" in outcome.replies[0].text


def test_in_a_few_hours_into_the_night_is_honest_about_the_question():
    # The button is not offered then (nor taken from an older card: no talk at midnight,
    # tests/domain/test_names_and_plans.py); typed, the words are taken as said.
    pressed = rf.REPAIR.handle(at_step(rf.WHEN), ButtonInput("hours"), ctx())
    assert pressed.state is not None and pressed.state.step == rf.WHEN
    outcome = rf.REPAIR.handle(at_step(rf.WHEN_AT), TextInput("in a few hours"), ctx())
    plan, due = planned(outcome)
    assert plan == SUNDAY_NIGHT + timedelta(hours=3)
    assert due == datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    assert "on Monday at 08:00" in outcome.replies[0].text


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("sat 10:00", "on Saturday at 10:00"),
        ("in 3 days", "on Wednesday at 19:00"),
        ("next week", "on Sunday 8 March at 19:00"),
        ("in 2 weeks", "on Sunday 15 March at 19:00"),
    ],
)
def test_typed_days_are_planned_and_said_with_their_date_when_a_week_or_more_away(
    typed: str, words: str
):
    outcome = rf.REPAIR.handle(at_step(rf.WHEN_AT), TextInput(typed), ctx())
    assert outcome.state is None
    assert f"a plan to talk {words}" in outcome.replies[0].text


def test_unreadable_and_too_far_say_how_far_ahead_a_plan_may_be():
    state = at_step(rf.WHEN_AT)
    unknown = rf.REPAIR.handle(state, TextInput("whenever"), ctx()).replies[0].text
    assert "saturday 10:00" in unknown and "14 days ahead" in unknown
    too_far = rf.REPAIR.handle(state, TextInput("in 3 weeks"), ctx()).replies[0].text
    assert "more than 14 days away" in too_far


def test_this_evening_follows_the_shared_rule_and_its_words_match_the_time():
    before = datetime(2026, 3, 1, 19, 29, tzinfo=UTC)
    offered = rf.REPAIR.prompt(at_step(rf.WHEN), ctx(before))
    assert "tonight" in [b.option for row in offered.buttons for b in row]
    outcome = rf.REPAIR.handle(at_step(rf.WHEN), ButtonInput("tonight"), ctx(before))
    plan, due = planned(outcome)
    assert plan == datetime(2026, 3, 1, 20, 0, tzinfo=UTC)
    assert due == plan + schedule.AFTER_TALK  # asked about after the talk, not at it
    assert "a plan to talk this evening. I'll ask how it went today at 22:00." in (
        outcome.replies[0].text
    )
    after = before + timedelta(minutes=1)
    late = rf.REPAIR.prompt(at_step(rf.WHEN), ctx(after))
    assert "tonight" not in [b.option for row in late.buttons for b in row]
    # "This evening" in quiet hours that begin at 19:00: said as the time it will come.
    quiet = ctx(before, quiet_start=time(19, 0), quiet_end=time(7, 0))
    outcome = rf.REPAIR.handle(at_step(rf.WHEN), ButtonInput("tonight"), quiet)
    assert "I'll ask how it went on Monday at 07:00" in outcome.replies[0].text


def test_preset_words_only_for_the_exact_preset_time():
    c = ctx(datetime(2026, 3, 1, 12, 0, tzinfo=UTC))
    tomorrow = datetime(2026, 3, 2, 19, 0, tzinfo=UTC)
    assert rf.REPAIR.when_words(tomorrow, "tomorrow", c) == "tomorrow evening"
    moved = datetime(2026, 3, 3, 8, 0, tzinfo=UTC)
    assert rf.REPAIR.when_words(moved, "tomorrow", c) == "on Tuesday at 08:00"
    assert rf.REPAIR.when_words(tomorrow, "tonight", c) == "on Monday at 19:00"


@pytest.mark.parametrize(
    ("elapsed", "words"),
    [
        (timedelta(minutes=20), "within the hour"),
        (timedelta(minutes=65), "after about an hour"),
        (timedelta(hours=2), "after 2 hours"),
        (timedelta(days=3), "after 3 days"),
    ],
)
def test_time_to_repair_reads_right_for_one(elapsed: timedelta, words: str):
    assert prompts.duration_words(elapsed, C) == words


@pytest.mark.parametrize(("hours", "words"), [(1, "1 hour"), (3, "3 hours")])
def test_the_settings_card_counts_hours_right(hours: int, words: str):
    card = SETTINGS.start(ctx(follow_up_hours=hours)).replies[0].text
    assert f'"In a few hours" means: {words}\n' in card


def test_counts_have_a_word_for_one_wherever_a_number_is_filled_in():
    # Every message with a number in it is paired: "{n} <units>" and its form for exactly one.
    counted = [k for k in C.all_keys() if isinstance(C.raw(k), str) and "{n}" in C.raw(k)]
    assert counted
    for key in counted:
        head, _, last = key.rpartition(".")
        assert last.endswith("s") and C.has(f"{head}.{last[:-1]}"), key


def card_text(m: Moment, now: datetime, *, nudge: bool = False) -> str:
    return prompts.follow_up_card(m, 1, C, nudge=nudge, now=now, zone=ZoneInfo(LONDON)).text


@pytest.mark.parametrize(
    ("days_ago", "asked", "nudged"),
    [
        (0, 'about "Phone out mid-talk" from earlier today?', "Earlier today you looked at"),
        (1, 'about "Phone out mid-talk" from yesterday?', "Yesterday you looked at"),
        (3, 'about "Phone out mid-talk" from Thursday?', "On Thursday you looked at"),
        (9, 'about "Phone out mid-talk" from 20 February?', "On 20 February you looked at"),
    ],
)
def test_a_follow_up_card_names_the_day_of_its_moment(days_ago: int, asked: str, nudged: str):
    m = Moment("m1", SUNDAY_NIGHT - timedelta(days=days_ago, hours=1), pattern="phone")
    assert card_text(m.update(status=PLANNED), SUNDAY_NIGHT).endswith(asked)
    assert card_text(m, SUNDAY_NIGHT, nudge=True).startswith(nudged)
    assert card_text(m.update(status=UNFINISHED), SUNDAY_NIGHT).startswith(nudged)


def test_two_cards_about_moments_with_the_same_label_can_be_told_apart():
    first = Moment("a", SUNDAY_NIGHT - timedelta(days=3), pattern="no_thanks")
    second = Moment("b", SUNDAY_NIGHT - timedelta(days=1), pattern="no_thanks")
    assert prompts.moment_label(first, C) == prompts.moment_label(second, C)
    assert card_text(first, SUNDAY_NIGHT, nudge=True) != card_text(second, SUNDAY_NIGHT, nudge=True)


def test_the_reschedule_card_offers_this_evening_only_while_it_is_on_offer():
    def options(reply: Reply) -> list[str]:
        return [b.option.split(".")[1] for row in reply.buttons for b in row]

    assert options(prompts.reschedule_card(1, C)) == ["tonight", "tomorrow", "hours"]
    late = prompts.reschedule_card(1, C, tonight=False, too_late=True)
    assert options(late) == ["tomorrow", "hours"]
    assert late.text.startswith("It's getting late for this evening.")


@pytest.mark.parametrize("status", [UNFINISHED, PLANNED])
def test_a_moment_with_no_words_of_its_own_is_not_quoted_as_something_else(status: str):
    # "Something else" is a button, not a label they chose: with nothing they wrote to show,
    # the card names the moment by its day, not by a quoted "Something else".
    m = Moment("m1", SUNDAY_NIGHT - timedelta(days=1), direction="to_me", pattern="other")
    for moment in (m, m.update(pattern=None)):
        for nudge in (True, False):
            text = card_text(moment.update(status=status), SUNDAY_NIGHT, nudge=nudge)
            assert "Something else" not in text and '""' not in text
            assert "yesterday" in text.lower()
    told = m.update(description="She hung up on me", status=status)
    assert '"She hung up on me"' in card_text(told, SUNDAY_NIGHT, nudge=True)


def test_tomorrow_typed_in_the_small_hours_is_the_coming_morning_and_named_by_its_day():
    # Thursday 5 March 2026, 00:30 in London: still Wednesday night for someone up.
    small_hours = datetime(2026, 3, 5, 0, 30, tzinfo=UTC)
    outcome = rf.REPAIR.handle(at_step(rf.WHEN_AT), TextInput("tomorrow at 9"), ctx(small_hours))
    plan, _ = planned(outcome)
    assert plan == datetime(2026, 3, 5, 9, 0, tzinfo=UTC)
    # "today" would be ambiguous to someone who has not slept yet: the day is named.
    assert "a plan to talk on Thursday at 09:00" in outcome.replies[0].text


@pytest.mark.parametrize(
    ("typed", "asked", "ask_words"),
    [
        # Asked some time after the talk, not at the very minute it was planned.
        ("tomorrow at 8", datetime(2026, 3, 2, 10, 0, tzinfo=UTC), "on Monday at 10:00"),
        # The plan is outside quiet hours, the question would not be: it waits for them.
        ("21:30", datetime(2026, 3, 2, 8, 0, tzinfo=UTC), "on Monday at 08:00"),
    ],
)
def test_a_planned_talk_is_asked_about_after_it_and_the_reply_says_when(
    typed: str, asked: datetime, ask_words: str
):
    outcome = rf.REPAIR.handle(at_step(rf.WHEN_AT), TextInput(typed), ctx())
    plan, due = planned(outcome)
    assert due == asked and due >= plan + schedule.AFTER_TALK
    text = outcome.replies[0].text
    assert f"ask how it went {ask_words}" in text
    assert "That's in your quiet hours" not in text  # the plan itself is not


def test_in_a_few_hours_is_asked_about_after_the_talk_not_at_it():
    afternoon = datetime(2026, 3, 1, 15, 30, tzinfo=UTC)  # 15:30 in London
    outcome = rf.REPAIR.handle(at_step(rf.WHEN), ButtonInput("hours"), ctx(afternoon))
    plan, due = planned(outcome)
    assert plan == datetime(2026, 3, 1, 18, 30, tzinfo=UTC)  # their three hours
    assert due == plan + schedule.AFTER_TALK
