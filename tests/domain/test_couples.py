"""A couple's space: its time rules and flows, without a bot or a database."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from bot.content import catalogue
from bot.domain import couples
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
