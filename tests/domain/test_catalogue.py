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
from bot.domain import history, prompts, small_talk
from bot.domain import repair_flow as rf
from bot.domain.callbacks import encode_flow, encode_menu
from bot.domain.flow import Context, FlowState, Person
from bot.domain.moments import BY_ME, DIRECTIONS, TO_ME, WHO, Moment
from bot.domain.naming import feeling_keys
from bot.domain.onboarding import ONBOARDING
from bot.domain.reflection_flow import REFLECTION
from bot.domain.replies import Reply
from bot.domain.schedule import UNTIL_RESUMED, Prefs
from bot.domain.settings_flow import SETTINGS

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
            "label_by_me",
            "example",
            "to_me",
            "by_me",
            "request",
            "repair_to_me",
            "repair_by_me",
        ):
            assert C.text(f"patterns.{key}.{part}").strip(), (key, part)
        assert set(C.raw(f"patterns.{key}.for")) <= set(WHO)
        for label in ("label", "label_by_me"):
            assert len(C.text(f"patterns.{key}.{label}")) <= 32  # a button


def test_pattern_cues_are_distinct_whole_words_each_in_one_pattern():
    """A story's words bring a pattern first (`pattern_cues`): each cue must be lower case and
    spelled as the house word-splitting reads a story, or it could never match; and a cue in
    two patterns would bring both first for the same words."""
    owner: dict[str, str] = {}
    for key in C.children("patterns"):
        if not C.has(f"patterns.{key}.cues"):
            continue
        cues = C.raw(f"patterns.{key}.cues")
        assert isinstance(cues, list) and cues, key
        for cue in cues:
            assert isinstance(cue, str) and cue.strip(), (key, cue)
            assert cue == " ".join(small_talk.words(cue)), (key, cue)
            assert owner.setdefault(cue, key) == key, (cue, owner[cue], key)
        assert len(set(cues)) == len(cues), key
    assert "birthday" in owner and owner["birthday"] == "birthday"


# Words that cast the speaker as the one it happened to, or the other as the one who did it.
RECEIVING = re.compile(r"\b(my expense|at me|to me|being|nobody|unseen|always the one)\b", re.I)
DOING = re.compile(r"\b(I|I'm|I've|their|them|they)\b")


def test_each_direction_has_pattern_labels_from_its_own_side():
    """For "I think I hurt someone" the buttons name what I did ("A joke at their expense",
    "I interrupted"), never the other side's words ("A joke at my expense", "Being
    interrupted")."""
    for key in C.children("patterns"):
        to_me, by_me = C.text(f"patterns.{key}.label"), C.text(f"patterns.{key}.label_by_me")
        assert RECEIVING.search(by_me) is None, (key, by_me)
        assert DOING.search(to_me) is None, (key, to_me)
        assert to_me != by_me, key
    by_me_labels = [C.text(f"patterns.{k}.label_by_me") for k in C.children("patterns")]
    assert "A joke at their expense" in by_me_labels and "I interrupted" in by_me_labels
    assert len(set(by_me_labels)) == len(by_me_labels)


def test_the_words_view_and_its_reframes_fit_each_direction():
    assert "what they did" in C.text("moment.ask_words")
    assert "what they did" not in C.text("moment.ask_words_by_me")
    assert "they may have felt" in C.text("moment.ask_words_by_me")
    for key in C.children("interpretations"):
        by_me = C.text(f"interpretations.{key}.reframe_by_me")
        label = C.text(f"interpretations.{key}.label")
        assert by_me.lower().startswith(f'"{label}"'), key
        assert by_me.endswith("for them?"), key  # a question about them, not the speaker
        assert re.search(r"they did|how they treated|their (words|intent|listening)", by_me) is None


def test_a_need_reads_after_i_needed_and_after_you_deserved():
    for key in C.children("needs"):
        assert not C.text(f"needs.{key}.phrase").lower().startswith(("my ", "i "))
        by_me = (
            C.text(f"needs.{key}.phrase_by_me")
            if C.has(f"needs.{key}.phrase_by_me")
            else C.text(f"needs.{key}.phrase")
        )
        assert re.search(r"\byour\b", by_me) is None, key  # not "you deserved your attention"
        # Requests follow "could you": a verb in its base form, not "-ing" or "to ...".
        first = C.text(f"needs.{key}.request").split()[0]
        assert not first.endswith("ing") and first != "to", key
    for key in C.children("patterns"):
        first = C.text(f"patterns.{key}.request").split()[0]
        assert not first.endswith("ing") and first != "to", key


@pytest.mark.parametrize("who", WHO)
def test_drafts_have_warm_words_for_every_relationship(who: str):
    assert C.text(f"drafts.why.{who}").endswith(".")
    matters = C.text(f"drafts.matters.{who}")
    assert "matter" in matters and not matters.startswith("It ")  # says what matters


def test_history_tells_how_they_may_have_felt_when_i_hurt_someone():
    base = Moment(
        "x",
        datetime(2026, 3, 1, tzinfo=UTC),
        who="friend",
        pattern="joke",
        feelings=("embarrassed",),
        needs=("respect",),
        status="drafted",
    )
    mine = history.summary(base.update(direction=BY_ME), C, None).text
    theirs = history.summary(base.update(direction=TO_ME), C, None).text
    assert "They may have felt: embarrassed" in mine and "\nFelt:" not in mine
    assert "A joke at their expense" in mine
    assert "Felt: embarrassed" in theirs and "A joke at my expense" in theirs
    item = history.item_label(base.update(direction=BY_ME), C, None)
    assert "A joke at their expense" in item


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
    # A key, or a table of them the code picks from ("follow_up.duration" + ".hours").
    assert sorted(k for k in keys if not C.has(k) and not C.children(k)) == []


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


def test_history_shows_what_they_wrote_and_what_a_camera_would_have_seen():
    m = Moment(
        "x",
        datetime(2026, 3, 1, tzinfo=UTC),
        direction="to_me",
        pattern="other",
        description="He laughed at me in front of his parents",
        observation="x" * 400,
        status="unfinished",
    )
    text = history.summary(m, C, None).text
    assert "He laughed at me in front of his parents" in text
    seen = next(line for line in text.splitlines() if "x" * 10 in line)
    assert seen.endswith("…") and len(seen) < 400  # cut to fit a card
    assert "laughed" not in history.summary(m.update(description=None), C, None).text


@pytest.mark.parametrize(
    ("status", "offered"),
    [
        ("drafted", ["hr", "hl"]),
        ("planned", ["hr", "hl"]),
        ("repaired", []),  # nothing left to let go of
        ("let_go", ["hr"]),  # they may still talk it through
        ("unfinished", ["hu"]),
    ],
)
def test_history_offers_only_the_changes_that_make_sense(status: str, offered: list[str]):
    m = Moment("x", datetime(2026, 3, 1, tzinfo=UTC), status=status)
    kinds = [b.option.split(".")[0] for row in history.actions(m, C) for b in row]
    assert [k for k in kinds if k in ("hr", "hl", "hu")] == offered


@pytest.mark.parametrize(
    ("direction", "who", "who_name", "header"),
    [
        (TO_ME, "partner", "Sam", "1 March, 00:00 · happened to me, with your partner (Sam)"),
        (TO_ME, None, None, "1 March, 00:00 · happened to me"),
        (None, None, None, "1 March, 00:00"),
        (None, "friend", None, "1 March, 00:00 · with a friend"),
    ],
)
def test_history_header_leaves_out_who_when_it_was_not_named(
    direction: str | None, who: str | None, who_name: str | None, header: str
):
    m = Moment(
        "x", datetime(2026, 3, 1, tzinfo=UTC), direction=direction, who=who, who_name=who_name
    )
    text = history.summary(m, C, None).text
    assert text.splitlines()[0] == header
