"""A couple's space: its time rules and flows, without a bot or a database."""

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest

from bot.content import catalogue
from bot.domain import couples, schedule
from bot.domain.flow import ButtonInput, Context, FlowState, Partner, Person, TextInput

SUNDAY = date(2026, 3, 8)


def test_a_weekly_round_is_open_for_two_days_from_its_local_evening():
    # Auckland is 13 hours ahead: the round goes out at 06:00 UTC on Sunday, so it must still
    # take answers at 05:59 UTC on Tuesday (53 hours after midnight UTC of its day).
    went_out = datetime(2026, 3, 8, 6, 0, tzinfo=UTC)
    assert couples.round_open(
        SUNDAY, "Pacific/Auckland", went_out + timedelta(hours=47, minutes=59)
    )
    assert couples.round_open(SUNDAY, "Pacific/Auckland", went_out + couples.ROUND_OPEN_FOR)
    assert not couples.round_open(
        SUNDAY, "Pacific/Auckland", went_out + timedelta(hours=48, seconds=1)
    )


def test_a_weekly_round_west_of_utc_opens_on_its_local_evening():
    # Los Angeles in March (after the clocks changed on the 8th): 19:00 is 02:00 UTC on Monday.
    went_out = datetime(2026, 3, 9, 2, 0, tzinfo=UTC)
    assert couples.round_open(SUNDAY, "America/Los_Angeles", went_out + timedelta(hours=47))
    assert not couples.round_open(SUNDAY, "America/Los_Angeles", went_out + timedelta(hours=49))


def test_a_space_without_a_zone_counts_in_utc():
    went_out = datetime(2026, 3, 8, 19, 0, tzinfo=UTC)
    assert couples.round_open(SUNDAY, None, went_out + timedelta(hours=48))
    assert not couples.round_open(SUNDAY, None, went_out + timedelta(hours=48, minutes=1))


def test_a_thanks_offer_after_the_link_ended_ends_kept_and_sends_nothing():
    now = datetime(2026, 3, 8, tzinfo=UTC)
    linked = Context(Person(7, "Ana"), now, catalogue("en"), partner=Partner(8, "Ben", True, None))
    written = couples.THANKS.handle(
        FlowState(couples.THANKS_FLOW, "text"), TextInput("You made tea"), linked
    )
    assert written.state is not None and written.state.step == "offer"
    assert written.effects == (couples.RecordThanks("You made tea"),)  # kept as it was written
    unlinked = replace(linked, partner=None)
    for event in (ButtonInput("private"), ButtonInput("cancel"), TextInput("hello")):
        outcome = couples.THANKS.handle(written.state, event, unlinked)
        assert outcome.state is None and outcome.effects == ()
        (reply,) = outcome.replies
        assert "Nothing was sent: your partner link has ended" in reply.text
        assert reply.copyable == "You made tea" and reply.edit == isinstance(event, ButtonInput)


def test_words_typed_at_the_thanks_send_card_ask_for_a_tap_and_show_the_words_again():
    now = datetime(2026, 3, 8, tzinfo=UTC)
    linked = Context(Person(7, "Ana"), now, catalogue("en"), partner=Partner(8, "Ben", True, None))
    offer = FlowState(couples.THANKS_FLOW, "offer", {"text": "You made tea"})
    outcome = couples.THANKS.handle(offer, TextInput("yes send it"), linked)
    assert outcome.state == offer and outcome.effects == ()
    (reply,) = outcome.replies
    assert "tap one of the buttons" in reply.text and "type" not in reply.text  # not read here
    assert reply.copyable == "You made tea" and reply.buttons


BERLIN = "Europe/Berlin"


def berlin(day: int, hour: int, minute: int = 0) -> datetime:
    """A March 2026 wall-clock time in Berlin (UTC+1 until the 29th), as UTC."""
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC) - timedelta(hours=1)


def test_later_tonight_is_offered_until_half_past_nine_in_the_askers_zone():
    assert couples.tonight_possible(berlin(1, 21, 30), BERLIN)
    assert not couples.tonight_possible(berlin(1, 21, 31), BERLIN)
    assert not couples.tonight_possible(berlin(2, 1, 0), BERLIN)  # the small hours
    assert couples.tonight_possible(berlin(2, 9, 0), BERLIN)
    c = catalogue("en")
    late = [b.label for row in couples.bid_card(1, "Ana", c, tonight=False).buttons for b in row]
    assert late == ["I'm open now", "Tomorrow evening", "I need a little time"]
    early = [b.label for row in couples.bid_card(1, "Ana", c).buttons for b in row]
    assert early == ["I'm open now", "Later tonight", "I need a little time"]


def test_a_bid_answered_later_is_reminded_of_at_an_hour_that_is_still_tonight():
    def at(choice: str, asked: datetime, now: datetime) -> datetime:
        return couples.bid_reminder_at(choice, asked, now, BERLIN)

    assert at("later", berlin(1, 13), berlin(1, 20, 30)) == berlin(1, 21)
    assert at("later", berlin(1, 20), berlin(1, 21, 10)) == berlin(1, 21, 40)
    # "Later tonight" pressed at 23:10 (on a card from the afternoon): tomorrow, not 08:00.
    assert at("later", berlin(1, 13), berlin(1, 23, 10)) == berlin(2, 21)
    assert at("later", berlin(1, 13), berlin(2, 1, 0)) == berlin(2, 21)  # after midnight
    # "Tomorrow evening", asked at 23:10: the next evening, however early it is answered...
    assert at("tomorrow", berlin(1, 23, 10), berlin(1, 23, 20)) == berlin(2, 21)
    assert at("tomorrow", berlin(1, 23, 10), berlin(2, 9, 0)) == berlin(2, 21)
    # ...and if it is answered when that evening has gone, the one after.
    assert at("tomorrow", berlin(1, 23, 10), berlin(2, 23, 0)) == berlin(3, 21)


def test_partners_are_reminded_together_out_of_both_quiet_hours():
    ana = schedule.Prefs(zone=BERLIN)
    ben = schedule.Prefs(zone="America/New_York")
    nine_pm_new_york = datetime(2026, 3, 3, 2, 0, tzinfo=UTC)  # 03:00 in Berlin
    # Ana's quiet hours end at 08:00 Berlin (02:00 in New York, Ben's night): both are
    # awake from 08:00 in New York, 14:00 in Berlin.
    together = couples.together_at(nine_pm_new_york, [ana, ben])
    assert together == datetime(2026, 3, 3, 13, 0, tzinfo=UTC)
    assert couples.together_at(berlin(1, 21), [ana, ana]) == berlin(1, 21)
    # Quiet hours that together cover the whole day leave no common time.
    owl = schedule.Prefs(zone=BERLIN, quiet_start=time(8, 0), quiet_end=time(22, 30))
    assert couples.together_at(berlin(1, 21), [ana, owl]) is None


def test_the_reminder_time_is_said_as_it_will_be():
    c = catalogue("en")
    now = berlin(1, 23, 10)
    assert couples.when_words(berlin(2, 21), now, BERLIN, c, False) == "tomorrow at 21:00"
    assert couples.when_words(berlin(1, 23, 40), now, BERLIN, c, False) == "at 23:40"
    assert couples.when_words(berlin(3, 8), now, BERLIN, c, True) == (
        "on 3 Mar at 08:00 (Europe/Berlin)"
    )


def test_thanks_posted_in_the_group_says_posted_not_sent():
    now = datetime(2026, 3, 8, tzinfo=UTC)
    partner = Partner(8, "Ben", True, -100)
    ctx = Context(Person(7, "Ana"), now, catalogue("en"), partner=partner)
    offer = FlowState(couples.THANKS_FLOW, "offer", {"text": "You made tea", "to": 8})
    posted = couples.THANKS.handle(offer, ButtonInput("group"), ctx)
    sent = couples.THANKS.handle(offer, ButtonInput("private"), ctx)
    assert [r.text for r in posted.replies] == ["Posted in your group."]
    assert [r.text for r in sent.replies] == ["Sent to Ben."]


def test_a_closed_check_in_says_whether_an_answer_was_cleared():
    c = catalogue("en")
    assert c.text(couples.closed_key({})) == "This check-in has closed."
    assert "has been cleared" in c.text(couples.closed_key({"7": 3}))


def test_every_bid_answer_has_its_words_for_each_who_hears_it():
    c = catalogue("en")
    for choice in couples.BID_CHOICES:
        assert c.text(f"bid.{choice}")  # the button
        said = couples.bid_said(choice)
        for key in (f"bid.answered_{said}", f"bid.told_{said}", f"bid.you_{said}"):
            assert c.text(key, name="Ben", partner="Ana", when="at 21:00"), key


def test_the_same_answer_is_told_as_close_or_distant_and_a_gap_by_its_size():
    c = catalogue("en")
    said = {
        pair: c.text(couples.gap_key(*pair)) for pair in [(1, 1), (3, 3), (5, 5), (2, 3), (1, 5)]
    }
    assert len(set(said.values())) == 5  # each its own words
    assert "distance" in said[(1, 1)] and "made it so" not in said[(1, 1)]  # nothing to celebrate
    assert "close" in said[(5, 5)]
    assert "one apart" in said[(2, 3)] and "Close" not in said[(2, 3)]  # not close, if 1 and 2


def test_a_round_ask_waits_out_quiet_hours_and_is_not_sent_while_paused():
    ana = schedule.Prefs(zone=BERLIN)
    new_york = "America/New_York"
    went_out = datetime(2026, 3, 2, 0, 0, tzinfo=UTC)  # Sunday 19:00 in New York, 01:00 Berlin
    sunday = date(2026, 3, 1)
    assert couples.round_ask_due(sunday, new_york, went_out, ana) == berlin(2, 8)
    awake = replace(ana, quiet_start=time(23, 0), quiet_end=time(7, 0))
    assert couples.round_ask_due(sunday, BERLIN, berlin(1, 19), awake) == berlin(1, 19)
    paused = replace(ana, paused_until=berlin(1, 19) + timedelta(days=7))
    assert couples.round_ask_due(sunday, BERLIN, berlin(1, 19), paused) is None
    assert couples.round_ask_due(SUNDAY, BERLIN, berlin(8, 20), paused) == berlin(8, 20)  # resumed


def test_a_round_ask_that_would_leave_too_little_of_the_round_is_not_sent():
    # Quiet from 20:00 to 19:00: an ask at 20:30 on Sunday waits until Monday 19:00, a day in.
    sleepy = schedule.Prefs(zone=BERLIN, quiet_start=time(20, 0), quiet_end=time(19, 0))
    assert couples.round_ask_due(SUNDAY, BERLIN, berlin(8, 20, 30), sleepy) == berlin(9, 19)
    # The same ask retried on Tuesday morning would come when the round has closed.
    assert couples.round_ask_due(SUNDAY, BERLIN, berlin(10, 9), sleepy) is None
    never_quiet = schedule.Prefs(zone=BERLIN, quiet_start=time(0, 0), quiet_end=time(0, 0))
    last = couples.round_closes(SUNDAY, BERLIN) - couples.ROUND_ASK_LEAST
    assert couples.round_ask_due(SUNDAY, BERLIN, last, never_quiet) == last
    assert couples.round_ask_due(SUNDAY, BERLIN, last + timedelta(minutes=1), never_quiet) is None


def test_a_bid_takes_answers_for_as_long_as_it_stops_another():
    asked = berlin(1, 20, 30)
    assert not couples.bid_stale(asked, asked + couples.BID_OPEN_FOR)
    assert couples.bid_stale(asked, asked + couples.BID_OPEN_FOR + timedelta(seconds=1))


def test_more_words_at_the_typed_round_answer_card_never_join_the_first_ones():
    now = datetime(2026, 3, 8, 19, 0, tzinfo=UTC)
    ctx = Context(Person(7, "Ben"), now, catalogue("en"), partner=Partner(8, "Ana", True, -5))
    asked = couples.ROUND.offer(ctx, "She shouted at me in front of her mum", "r", 1, "m1")
    assert asked.state is not None
    more = couples.ROUND.handle(asked.state, TextInput("and then she left the room"), ctx)
    assert more.state == asked.state  # no hurt in them: the card again, to tap
    assert more.replies[0].text.startswith("Please tap one of the buttons")
    hurt = couples.ROUND.handle(asked.state, TextInput("and then she mocked me"), ctx)
    assert hurt.state is not None and hurt.state.flow == "moment"
    assert hurt.state.data["m"]["description"] == "and then she mocked me"  # only these
    yes = couples.ROUND.handle(asked.state, TextInput("yes"), ctx)  # typed, as the button
    assert yes.state is None
    assert yes.effects == (couples.RecordThanks("She shouted at me in front of her mum", "r", 1),)


def linked_ben() -> Context:
    now = datetime(2026, 3, 8, 20, tzinfo=UTC)
    return Context(Person(7, "Ben"), now, catalogue("en"), partner=Partner(8, "Ana", True, -5))


def recorded(outcome) -> list[couples.RecordThanks]:
    return [e for e in outcome.effects if isinstance(e, couples.RecordThanks)]


@pytest.mark.parametrize("said", ["ok", "yes that's it", "that's it", "Yes, that's my thanks"])
def test_a_typed_yes_at_the_round_card_is_the_yes_button(said: str):
    ctx = linked_ben()
    asked = couples.ROUND.offer(ctx, "You fixed the bike", "r", 1, "m1").state
    assert asked is not None
    outcome = couples.ROUND.handle(asked, TextInput(said), ctx)
    assert outcome.state is None and recorded(outcome) == [
        couples.RecordThanks("You fixed the bike", "r", 1)
    ]


@pytest.mark.parametrize("said", ["hi", "yes", "ok", "thanks", "how does this work?", "no"])
def test_small_talk_after_write_mine_is_not_the_round_answer(said: str):
    ctx = linked_ben()
    started = couples.ROUND.start(ctx, "r", 1, "m1", ctx.now + timedelta(hours=12)).state
    assert started is not None
    outcome = couples.ROUND.handle(started, TextInput(said), ctx)
    assert outcome.state == started and recorded(outcome) == []
    assert "Ana" in outcome.replies[-1].text
    answer = couples.ROUND.handle(started, TextInput("You fixed the bike"), ctx)
    assert answer.state is not None and recorded(answer) == []  # its card first
    yes = couples.ROUND.handle(answer.state, TextInput("yes"), ctx)
    assert recorded(yes) == [couples.RecordThanks("You fixed the bike", "r", 1)]


@pytest.mark.parametrize("said", ["hi", "how does this work?", "thanks", "bye"])
def test_small_talk_at_the_thanks_question_is_asked_again_not_kept(said: str):
    ctx = linked_ben()
    started = couples.THANKS.start(ctx).state
    assert started is not None
    outcome = couples.THANKS.handle(started, TextInput(said), ctx)
    assert outcome.state == started and recorded(outcome) == []
    assert outcome.replies[-1].text.endswith(catalogue("en").text("thanks.ask"))


def test_the_typed_round_card_posts_only_on_a_clear_yes_and_asks_again_after_small_talk():
    now = datetime(2026, 3, 8, 19, 0, tzinfo=UTC)
    ctx = Context(Person(7, "Ben"), now, catalogue("en"), partner=Partner(8, "Ana", True, -5))
    asked = couples.ROUND.offer(ctx, "How you cooked for me", "r", 1, "m1")
    assert asked.state is not None
    for unclear in ("y?", "y", "yes?", "hi", "thanks", "👍"):
        outcome = couples.ROUND.handle(asked.state, TextInput(unclear), ctx)
        assert outcome.state == asked.state and outcome.effects == (), unclear
