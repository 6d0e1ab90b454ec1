"""The safety screen against its test set (tests/domain/safety_cases.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.content import catalogue, shared_data
from bot.domain import crisis, safety
from bot.domain.safety import Level, screen
from tests.domain import safety_everyday
from tests.domain import safety_holdout as holdout
from tests.domain.safety_cases import CONCERN, DANGER, NONE


def test_the_set_is_large_enough():
    assert len(DANGER) + len(CONCERN) + len(NONE) >= 150


@pytest.mark.parametrize("text", DANGER)
def test_danger(text: str):
    assert screen(text).level == Level.DANGER


@pytest.mark.parametrize("text", CONCERN)
def test_concern(text: str):
    assert screen(text).level == Level.CONCERN


@pytest.mark.parametrize("text", NONE)
def test_everyday(text: str):
    assert screen(text).level == Level.NONE


def test_recall_and_false_positives():
    """The figures for the closing note: danger recall, and how often an ordinary
    tense-moment text gets anything but NONE."""
    recall = sum(screen(t).level == Level.DANGER for t in DANGER) / len(DANGER)
    false_positive = sum(screen(t).level != Level.NONE for t in NONE) / len(NONE)
    print(
        f"\nsafety: danger recall {recall:.3f} on {len(DANGER)}, "
        f"false positives {false_positive:.3f} on {len(NONE)} ordinary texts"
    )
    assert recall == 1.0 and false_positive == 0.0


def test_held_out_figures_do_not_get_worse():
    """Phrasings the patterns were never tuned on: the honest figure (see safety_holdout.py)."""
    found = [screen(t).level for t in holdout.DANGER]
    recognised = found.count(Level.DANGER)
    asked = found.count(Level.CONCERN)
    flagged = sum(screen(t).level != Level.NONE for t in holdout.NONE)
    print(
        f"\nsafety, held out: danger recognised {recognised} of {len(holdout.DANGER)} "
        f"({recognised / len(holdout.DANGER):.3f}), {asked} more asked about; "
        f"ordinary texts flagged {flagged} of {len(holdout.NONE)}"
    )
    assert recognised >= 42 and flagged <= 2


def test_everyday_messages_are_not_flagged():
    """Ordinary traffic (safety_everyday.py), never tuned on: a false alarm stops a repair."""
    flagged = [t for t in safety_everyday.NONE if screen(t).level != Level.NONE]
    print(f"\nsafety, everyday: {len(flagged)} of {len(safety_everyday.NONE)} flagged")
    assert flagged == []


@given(st.text(max_size=500))
def test_anything_gets_an_answer(text: str):
    assert screen(text).level in Level


@given(before=st.sampled_from(NONE), after=st.sampled_from(NONE), danger=st.sampled_from(DANGER))
def test_danger_in_the_middle_of_ordinary_text_is_found(before: str, after: str, danger: str):
    assert screen(f"{before}. {danger}. {after}").level == Level.DANGER


def test_reminders_hold_back_a_day_after_danger_or_longer_if_already_held():
    now = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)
    assert crisis.quiet_until(now, None) == now + timedelta(hours=24)
    assert crisis.quiet_until(now, now + timedelta(hours=2)) == now + timedelta(hours=24)
    longer = now + timedelta(days=2)  # an earlier danger reply's, somehow longer: kept
    assert crisis.quiet_until(now, longer) == longer


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("he checks my phone every night", safety.ABOUT_THEM),
        ("she goes through my phone while i sleep", safety.ABOUT_THEM),
        ("to not be afraid", safety.ABOUT_THEM),
        ("I hate myself", safety.ABOUT_SELF),
        ("i just want to disappear", safety.ABOUT_SELF),
        ("I'm not suicidal, just exhausted", safety.ABOUT_SELF),
        ("I want to end it", safety.ABOUT_SELF),
        ("I was so annoyed I could kill him", safety.ABOUT_ANGER),
    ],
)
def test_a_check_asks_about_what_was_said(text: str, about: str):
    """Someone else's controlling behaviour is asked about in words about them, not about how
    heavy things feel for the person; anger at someone, about whether anyone is in danger."""
    result = screen(text)
    assert result.level == Level.CONCERN and safety.asks_about(result) == about


def test_each_check_has_its_own_words():
    c = catalogue("en")
    them = crisis.concern_reply(c, safety.ABOUT_THEM).text
    assert "unsafe with them" in them and "heavy" not in them and "anger" not in them
    assert "how heavy this feels" in crisis.concern_reply(c, safety.ABOUT_SELF).text
    assert "anger" in crisis.concern_reply(c, safety.ABOUT_ANGER).text


def danger_text(text: str, zone: str = "Europe/Berlin") -> str:
    return crisis.danger_reply(catalogue("en"), zone, crisis.screen_why(screen(text))).text


def test_the_danger_reply_for_self_harm_is_about_oneself_with_crisis_lines():
    reply = danger_text("nobody would even notice if i was gone")
    assert "carry this alone" in reply and "work this out with them" not in reply
    assert "TelefonSeelsorge: 0800 111 0 111" in reply and "116 016" not in reply
    us = danger_text("I want to kill myself", "America/New_York")
    assert "988" in us and "Domestic Violence" not in us


def test_the_danger_reply_for_violence_lists_the_violence_lines_first():
    reply = danger_text("he hit me last night")
    assert "work this out with them" in reply and "carry this alone" not in reply
    assert reply.index("116 016") < reply.index("TelefonSeelsorge")
    coerced = danger_text("she said if I leave she'll make sure I never see the kids again")
    assert "116 016" in coerced


def test_every_helpline_is_kept_and_every_country_has_lines_for_each_reply():
    data = shared_data("crisis")
    lines = [line for entry in data.values() for line in entry["lines"]]
    assert len(lines) == 28  # as many as before lines had a kind, and a line for men in Germany
    assert {line["kind"] for line in lines} <= {crisis.CRISIS, crisis.VIOLENCE, crisis.ANY}
    assert {line.get("who", crisis.ANYONE) for line in lines} <= {crisis.ANYONE, "women", "men"}
    for zone in ("America/New_York", "Europe/Berlin", "Europe/Zurich", "Pacific/Auckland", None):
        every = crisis.help_lines(zone)[1]
        for why in (crisis.SCREEN, crisis.SCREEN_SELF, crisis.SOS, crisis.UNSAFE_TO_RAISE):
            shown = crisis.help_lines(zone, why)[1]
            assert shown and set(shown) <= set(every)
        assert crisis.help_lines(zone, crisis.SOS)[1] == every  # /sos: all of them, as before
        assert set(crisis.help_lines(zone, crisis.SCREEN)[1]) == set(every)


@pytest.mark.parametrize(
    ("about", "text", "meant"),
    [
        (safety.ABOUT_SELF, "no", "unsafe"),
        (safety.ABOUT_SELF, "help", "unsafe"),
        (safety.ABOUT_SELF, "not sure", "unsafe"),
        (safety.ABOUT_SELF, "I'm not sure I'm safe", "unsafe"),
        (safety.ABOUT_SELF, "yes", "angry"),
        (safety.ABOUT_SELF, "I'm safe", "angry"),
        (safety.ABOUT_SELF, "i\u2019m fine.", "angry"),
        (safety.ABOUT_SELF, "I'm safe, let's go on", "angry"),
        (safety.ABOUT_ANGER, "I'm safe, just angry", "angry"),
        (safety.ABOUT_ANGER, "no", "angry"),  # "is anyone in danger?" "no": nobody is
        (safety.ABOUT_ANGER, "yes", "unsafe"),
        (safety.ABOUT_THEM, "help", "unsafe"),
        (safety.ABOUT_THEM, "I'm fine", "angry"),
        (safety.ABOUT_THEM, "no", None),  # two questions: a bare "no" answers neither clearly
        (safety.ABOUT_SELF, "what do you mean", None),
        (safety.ABOUT_SELF, "yes but he scares me", None),
    ],
)
def test_a_typed_answer_to_the_check_means_what_a_button_means(about, text, meant):
    from bot.domain import safety_flow

    assert safety_flow.typed_answer(text, about, catalogue("en")) == meant


def test_the_quiet_line_names_the_evening_check_in_only_when_it_is_on():
    c = catalogue("en")
    on = crisis.danger_reply(c, "Europe/Berlin", quiet=True, evening_on=True).text
    off = crisis.danger_reply(c, "Europe/Berlin", quiet=True, evening_on=False).text
    assert "evening check-in and reminders" in on
    assert "evening check-in" not in off and "hold back my reminders" in off
    assert "hold back" not in crisis.danger_reply(c, "Europe/Berlin").text
