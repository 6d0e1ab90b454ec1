"""The content catalogue is complete and fits Telegram: every key the flows use exists, no
message is longer than a phone screen should hold, and every button's data fits 64 bytes."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import bot
from bot.content import available_languages, catalogue
from bot.domain import history, prompts
from bot.domain import repair_flow as rf
from bot.domain.callbacks import encode_flow, encode_menu
from bot.domain.flow import Context, FlowState, Person
from bot.domain.moments import BY_ME, DIRECTIONS, TO_ME, WHO, Moment
from bot.domain.naming import feeling_keys
from bot.domain.onboarding import ONBOARDING
from bot.domain.reflection_flow import REFLECTION
from bot.domain.replies import Reply
from bot.domain.schedule import Prefs
from bot.domain.settings_flow import SETTINGS, UNTIL_RESUMED

C = catalogue("en")
SOURCE = Path(bot.__file__).parent
MAX_MESSAGE = 600


def test_english_is_there_and_unknown_languages_fall_back_to_it():
    assert "en" in available_languages()
    assert catalogue("pt-BR").text("help.text") == C.text("help.text")


def test_every_pattern_has_what_a_repair_needs_in_both_directions():
    patterns = C.children("patterns")
    assert len(patterns) >= 14
    for key in patterns:
        for part in (
            "label",
            "example",
            "to_me",
            "by_me",
            "request",
            "repair_to_me",
            "repair_by_me",
        ):
            assert C.text(f"patterns.{key}.{part}").strip(), (key, part)
        assert set(C.raw(f"patterns.{key}.for")) <= set(WHO)
        assert len(C.text(f"patterns.{key}.label")) <= 32  # a button


def test_content_md_patterns_are_all_covered():
    labels = " ".join(C.text(f"patterns.{k}.label").lower() for k in C.children("patterns"))
    for words in [
        "phone",
        "sarcasm",
        "thank",
        "reaching out",
        "eye roll",
        "interrupted",
        "dismissive",
        "follow-up",
        "distracted",
        "joke",
        "silence",
        "vulnerable",
        "birthday",
        "effort",
    ]:
        assert words in labels, words


def test_about_25_feelings_in_groups_and_12_needs():
    keys = feeling_keys(C)
    assert 22 <= len(keys) <= 30 and len(set(keys)) == len(keys)
    for group in C.children("feeling_groups"):
        assert C.text(f"feeling_group_labels.{group}")
    assert set(keys) == set(C.children("feelings"))
    for group_page in rf.FEELING_PAGES:
        assert set(group_page) <= set(C.children("feeling_groups"))
    needs = C.children("needs")
    assert 10 <= len(needs) <= 14
    for key in needs:
        for part in ("label", "phrase", "request"):
            assert C.text(f"needs.{key}.{part}"), (key, part)


def test_interpretation_words_reframe_toward_real_feelings():
    words = C.children("interpretations")
    for required in [
        "ignored",
        "disrespected",
        "dismissed",
        "unappreciated",
        "attacked",
        "criticised",
        "manipulated",
        "abandoned",
        "used",
        "invisible",
    ]:
        assert required in words
    for key in words:
        assert C.text(f"interpretations.{key}.reframe")
        beneath = C.raw(f"interpretations.{key}.beneath")
        assert beneath and set(beneath) <= set(feeling_keys(C)), key
        assert not set(beneath) & set(words)  # feelings, not more interpretations


def test_the_six_repair_families():
    families = C.children("repair_families")
    assert families == ["feel", "sorry", "yes", "calm", "stop", "appreciate"]
    for key in families:
        assert C.text(f"repair_families.{key}.label") and C.raw(f"repair_families.{key}.phrases")


def test_no_message_is_over_600_characters():
    long = [k for k in C.all_keys() if isinstance(C.raw(k), str) and len(C.raw(k)) > MAX_MESSAGE]
    assert long == []


def _literal_keys() -> set[str]:
    """Every content key written as a plain string literal in the bot's code."""
    prefixes = "|".join(sorted({k.split(".")[0] for k in C.all_keys()}))
    pattern = re.compile(rf"""["']((?:{prefixes})\.[a-z_]+(?:\.[a-z_]+)*)["']""")
    found: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        found |= set(pattern.findall(path.read_text()))
    return found


def test_every_literal_key_in_the_code_exists():
    keys = _literal_keys()
    assert len(keys) > 60
    assert sorted(k for k in keys if not C.has(k)) == []


def contexts() -> list[Context]:
    now = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    return [
        Context(Person(1, "A" * 64, None, zone, "en"), now, C) for zone in ("Europe/Berlin", None)
    ]


def every_card() -> list[tuple[str, Reply]]:
    """Every question of every flow, in both directions, with every sub-view."""
    cards: list[tuple[str, Reply]] = []
    for ctx in contexts():
        for direction in DIRECTIONS:
            m = Moment(
                "x" * 12,
                ctx.now,
                direction=direction,
                who="partner",
                pattern="phone",
                feelings=tuple(feeling_keys(C)),
                needs=tuple(C.children("needs")),
                draft="d" * 600,
            )
            for step in rf.STEPS:
                for extra in ({"page": 0}, {"page": 1}, {"page": 2}, {"word": "ignored"}):
                    state = FlowState(rf.FLOW, step, {"m": m.to_data(), **extra})
                    cards.append((f"{rf.FLOW}:{step}", rf.REPAIR.prompt(state, ctx)))
        for step, data in (
            ("name", {}),
            ("zone", {}),
            ("confirm", {"zone": "Asia/Kathmandu"}),
            ("evening", {}),
            ("eveningat", {}),
        ):
            state = FlowState("onboard", step, data)
            cards.append((f"onboard:{step}", ONBOARDING.prompt(state, ctx)))
        for paused in (None, ctx.now + timedelta(days=1), UNTIL_RESUMED):
            prefs_ctx = replace(ctx, prefs=Prefs(zone="Europe/Berlin", paused_until=paused))
            for step, data in (
                ("menu", {}),
                ("evening", {}),
                ("zone", {}),
                ("quiet", {}),
                ("delay", {}),
                ("zoneok", {"zone": "Asia/Tokyo"}),
            ):
                state = FlowState("settings", step, data)
                cards.append((f"settings:{step}", SETTINGS.prompt(state, prefs_ctx)))
        cards.append(
            (
                "reflect:line",
                REFLECTION.prompt(
                    FlowState("reflect", "line", {"prompt": 1, "date": "2026-03-01"}), ctx
                ),
            )
        )
        big = 10**12
        cards.append(("menu", prompts.evening_card("A" * 64, big, C)))
        for status in ("planned", "unfinished", "drafted"):
            moment = Moment(
                "x" * 12, ctx.now, pattern="other", description="d" * 500, status=status
            )
            for nudge in (True, False):
                cards.append(("menu", prompts.follow_up_card(moment, big, C, nudge=nudge)))
        cards.append(("menu", prompts.reschedule_card(big, C)))
        m = Moment("x" * 12, ctx.now, direction=BY_ME, who="other", status="unfinished")
        cards.append(("history", history.summary(m, C, "Europe/Berlin")))
        cards.append(
            ("history", history.summary(m.update(status="drafted", direction=TO_ME), C, None))
        )
        cards.append(("history", history.confirm_delete(m, C)))
        cards.append(("history", history.listing([m] * 10, C, None)))
    return cards


def test_every_card_renders_and_its_button_data_fits_64_bytes():
    cards = every_card()
    assert len(cards) > 100
    for where, card in cards:
        assert card.text and len(card.text) <= 1000, where
        for row in card.buttons:
            for button in row:
                assert button.label and len(button.label) <= 64, where
                if button.url:
                    continue
                if button.menu:
                    data = encode_menu(button.option)
                else:
                    flow, step = where.split(":")
                    data = encode_flow(flow, step, 10**9, button.option)
                assert len(data.encode()) <= 64, (where, data)


@pytest.mark.parametrize("who", WHO)
def test_every_who_and_direction_has_its_words(who: str):
    assert C.text(f"moment.who_{who}") and C.text(f"who_label.{who}")
    for direction in DIRECTIONS:
        assert C.text(f"direction_label.{direction}")
