"""The safety screen against its test set (tests/domain/safety_cases.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain import crisis
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


def test_reminders_hold_back_a_day_after_danger_unless_paused_longer_already():
    now = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)
    assert crisis.quiet_until(now, None) == now + timedelta(hours=24)
    assert crisis.quiet_until(now, now + timedelta(hours=2)) == now + timedelta(hours=24)
    assert crisis.quiet_until(now, now + timedelta(days=7)) is None  # their own pause stands
