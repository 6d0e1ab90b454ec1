"""The onboarding flow as a pure state machine: no bot, no database, no event loop."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from bot.content import catalogue
from bot.domain.flow import Back, ButtonInput, Context, FlowState, Person, TextInput, Unsupported
from bot.domain.onboarding import CONFIRM, EVENING, EVENING_AT, NAME, ONBOARDING, ZONE
from bot.domain.profile import SetPreferredName, SetPrefs, SetTimezone
from bot.domain.schedule import Prefs

NOW = datetime(2026, 3, 1, 19, 30, tzinfo=UTC)


def ctx(preferred: str | None = None) -> Context:
    return Context(Person(7, "Ana", preferred, None, "en"), NOW, catalogue("en"))


def at(step: str, **data: object) -> FlowState:
    trail = {NAME: [], ZONE: [NAME], CONFIRM: [NAME, ZONE]}[step]
    return FlowState("onboard", step, {"trail": trail, **data})


def test_start_greets_says_not_therapy_and_asks_the_name():
    outcome = ONBOARDING.start(ctx())
    assert outcome.state == FlowState("onboard", NAME)
    assert "not therapy" in outcome.replies[0].text
    assert outcome.replies[1].buttons[0][0].option == "first"
    assert "Ana" in outcome.replies[1].buttons[0][0].label


@pytest.mark.parametrize(
    ("event", "name"),
    [
        (TextInput("  Annie   B "), "Annie B"),
        (ButtonInput("first"), "Ana"),
        (TextInput("💛"), "💛"),
        (TextInput("lea 🙂"), "lea"),  # greeted as "lea", not "lea 🙂"
        (TextInput("Mia :)"), "Mia"),
        (TextInput("Kat 🐱"), "Kat 🐱"),  # an animal is no smile: part of the name
        (TextInput("😊"), "😊"),  # a face alone: what they gave
    ],
)
def test_a_name_moves_on_to_the_time_zone(event, name):
    outcome = ONBOARDING.handle(at(NAME), event, ctx())
    assert outcome.state is not None and outcome.state.step == ZONE
    assert outcome.effects == (SetPreferredName(name),)
    assert name in outcome.replies[0].text


@pytest.mark.parametrize("text", ["", "   ", "x" * 65])
def test_an_empty_or_overlong_name_is_asked_again(text):
    outcome = ONBOARDING.handle(at(NAME), TextInput(text), ctx())
    assert outcome.state == at(NAME) and outcome.effects == ()


@pytest.mark.parametrize(
    "text",
    [
        "my husband ignored me all evening and I feel awful",  # many words
        "he ignored me again",  # few words, but a sentence
        "he left.",
        "help me!",
        "Ana, he forgot my birthday",
        "honestly everything today was exhausting",
        "Ana. he left",
        "Unbelievablyexhaustedandoverwhelmed beyond",  # over 32 characters, more than a word
        "x " * 40,  # too long as well: a sentence, not "up to 64 characters"
    ],
)
def test_a_sentence_is_not_taken_for_a_name_and_the_name_is_asked_for_kindly(text):
    outcome = ONBOARDING.handle(at(NAME), TextInput(text), ctx())
    # Kept to offer once set up; "help me!" is a plea to Mend, answered then, not a story.
    kept = {} if text == "help me!" else {"story": text.strip()}
    assert outcome.state == at(NAME).with_data(**kept) and outcome.effects == ()
    (reply,) = outcome.replies
    assert reply.text == catalogue("en").text("onboarding.name_not_a_name")
    assert text not in reply.text and "Nice to meet you" not in reply.text
    assert [b.option for row in reply.buttons for b in row] == ["first"]  # "Call me Ana"
    named = ONBOARDING.handle(outcome.state, ButtonInput("first"), ctx())
    assert named.effects == (SetPreferredName("Ana"),)


@pytest.mark.parametrize(
    "text",
    [
        "Ana",
        "Mary-Jane",
        "O'Brien",
        "Anna Maria de Souza",
        "Maria de los Angeles",
        "Juan Carlos de la Cruz",
        "J. R.",
        "Dr. Ana",
        "Zoë 🌻",
        "Ty",
        "Wolfeschlegelsteinhausenbergerdorff",  # one long word is a name
    ],
)
def test_names_of_every_shape_are_still_names(text):
    outcome = ONBOARDING.handle(at(NAME), TextInput(text), ctx())
    assert outcome.state is not None and outcome.state.step == ZONE
    assert outcome.effects == (SetPreferredName(text),)


def test_a_sentence_when_changing_the_name_later_is_refused_too_and_keep_still_works():
    again = at(NAME, again=True)
    outcome = ONBOARDING.handle(again, TextInput("he ignored me again"), ctx("Annie"))
    assert outcome.state == again and outcome.effects == ()
    (reply,) = outcome.replies
    assert reply.text == catalogue("en").text("onboarding.name_not_a_name_again")
    assert [b.label for row in reply.buttons for b in row] == ["Keep Annie"]
    kept = ONBOARDING.handle(again, ButtonInput("first"), ctx("Annie"))
    assert kept.effects == (SetPreferredName("Annie"),)


@pytest.mark.parametrize("step", [NAME, ZONE])
def test_non_text_keeps_the_step_and_repeats_the_question(step):
    state = at(step)
    outcome = ONBOARDING.handle(state, Unsupported("sticker"), ctx())
    assert outcome.state == state
    assert "only read text" in outcome.replies[0].text
    assert ONBOARDING.prompt(state, ctx()).text in outcome.replies[0].text


def test_a_zone_is_confirmed_before_it_is_saved():
    outcome = ONBOARDING.handle(at(ZONE), TextInput("Lisbon"), ctx("Annie"))
    assert outcome.state is not None and outcome.state.step == CONFIRM
    assert outcome.state.data["zone"] == "Europe/Lisbon"
    assert outcome.effects == ()
    assert "19:30" in outcome.replies[0].text
    assert [b.option for row in outcome.replies[0].buttons for b in row] == ["yes", "no"]


def test_yes_saves_the_zone_and_offers_the_evening_check_in():
    outcome = ONBOARDING.handle(at(CONFIRM, zone="Asia/Tokyo"), ButtonInput("yes"), ctx("Annie"))
    assert outcome.state is not None and outcome.state.step == EVENING
    assert outcome.effects == (SetTimezone("Asia/Tokyo"),)
    assert "21:00" in outcome.replies[0].text and outcome.replies[0].edit


def evening(zone: str = "Asia/Tokyo") -> FlowState:
    return FlowState("onboard", EVENING, {"trail": [NAME, ZONE, CONFIRM], "zone": zone})


@pytest.mark.parametrize(
    ("option", "prefs"),
    [("yes", {"evening_on": True, "evening_at": "21:00"}), ("no", {"evening_on": False})],
)
def test_the_evening_answer_ends_onboarding(option: str, prefs: dict[str, object]):
    outcome = ONBOARDING.handle(evening(), ButtonInput(option), ctx("Annie"))
    assert outcome.state is None and outcome.effects == (SetPrefs(prefs),)
    assert "All set, Annie" in outcome.replies[0].text and "Asia/Tokyo" in outcome.replies[0].text
    said_evening = "each evening at 21:00" in outcome.replies[0].text  # confirmed, or not on
    assert said_evening == (option == "yes")


def test_another_evening_time_is_asked_and_kept_out_of_quiet_hours():
    outcome = ONBOARDING.handle(evening(), ButtonInput("time"), ctx())
    assert outcome.state is not None and outcome.state.step == EVENING_AT
    state = outcome.state
    quiet = ONBOARDING.handle(state, TextInput("23:15"), ctx())
    assert quiet.state == state and "quiet hours" in quiet.replies[0].text
    outcome = ONBOARDING.handle(state, TextInput("8:30pm"), ctx())
    assert outcome.state is None
    assert outcome.effects == (SetPrefs({"evening_on": True, "evening_at": "20:30"}),)
    outcome = ONBOARDING.handle(state, ButtonInput("t.1900"), ctx())
    assert outcome.effects == (SetPrefs({"evening_on": True, "evening_at": "19:00"}),)


@pytest.mark.parametrize("option", ["t.9999", "t.2400", "t.0960", "t.21", "t.ab00"])
def test_a_forged_time_button_repeats_the_question(option: str):
    state = FlowState("onboard", EVENING_AT, {"trail": [NAME, ZONE, CONFIRM, EVENING]})
    outcome = ONBOARDING.handle(state, ButtonInput(option), ctx())
    assert outcome.state == state and outcome.effects == ()
    assert outcome.replies == (ONBOARDING.prompt(state, ctx()),)


def test_no_goes_back_to_the_zone_question():
    outcome = ONBOARDING.handle(at(CONFIRM, zone="Asia/Tokyo"), ButtonInput("no"), ctx())
    assert outcome.state is not None and outcome.state.step == ZONE
    assert outcome.effects == ()


def test_typing_another_place_at_the_confirmation_replaces_the_guess():
    outcome = ONBOARDING.handle(at(CONFIRM, zone="Asia/Tokyo"), TextInput("Chicago"), ctx())
    assert outcome.state is not None and outcome.state.step == CONFIRM
    assert outcome.state.data["zone"] == "America/Chicago"
    assert outcome.state.data["trail"] == [NAME, ZONE]


def test_an_unknown_place_is_quoted_back_and_the_step_kept():
    outcome = ONBOARDING.handle(at(ZONE), TextInput("Narnia"), ctx())
    assert outcome.state == at(ZONE)
    assert "Narnia" in outcome.replies[0].text


def test_a_clock_time_no_zone_shows_says_so():
    # 19:30 UTC: 18:00 is UTC-1:30, which no zone uses.
    outcome = ONBOARDING.handle(at(ZONE), TextInput("18:00"), ctx())
    assert outcome.state == at(ZONE)
    assert "no time zone shows that time" in outcome.replies[0].text
    assert "19:30" in outcome.replies[0].text


def test_back_walks_the_trail_and_stops_at_the_first_question():
    state = at(CONFIRM, zone="Asia/Tokyo")
    outcome = ONBOARDING.handle(state, Back(), ctx())
    assert outcome.state is not None and outcome.state.step == ZONE
    outcome = ONBOARDING.handle(outcome.state, Back(), ctx())
    assert outcome.state is not None and outcome.state.step == NAME
    outcome = ONBOARDING.handle(outcome.state, Back(), ctx())
    assert outcome.state is not None and outcome.state.step == NAME
    assert "nothing to go back to" in outcome.replies[0].text


def test_cancel_ends_the_flow():
    outcome = ONBOARDING.cancel(at(ZONE), ctx())
    assert outcome.state is None and "/start" in outcome.replies[0].text


def test_cancel_while_changing_name_or_zone_says_nothing_changed_not_finish_later():
    outcome = ONBOARDING.cancel(at(ZONE, again=True), ctx())
    assert outcome.state is None and outcome.effects == ()
    assert (
        "setting up" not in outcome.replies[0].text and "nothing changed" in outcome.replies[0].text
    )


def test_a_stray_button_repeats_the_question():
    outcome = ONBOARDING.handle(at(ZONE), ButtonInput("yes"), ctx())
    assert outcome.state == at(ZONE) and outcome.effects == ()


def set_up() -> Context:
    return Context(Person(7, "Friend", "Sam", "Europe/London", "en"), NOW, catalogue("en"))


def test_changing_details_later_keeps_each_with_a_tap_and_never_touches_the_evening():
    """ "Change my name or time zone": no introduction, their chosen name (not Telegram's)
    offered to keep, and no evening question that could switch the check-in off."""
    started = ONBOARDING.change(set_up())
    assert started.state is not None
    (ask,) = started.replies
    assert "not therapy" not in ask.text and "Sam" in ask.text
    assert [b.label for row in ask.buttons for b in row] == ["Keep Sam"]
    named = ONBOARDING.handle(started.state, ButtonInput("first"), set_up())
    assert named.effects == (SetPreferredName("Sam"),)
    assert named.state is not None and named.state.step == ZONE
    assert "Nice to meet you" not in named.replies[0].text
    kept = ONBOARDING.handle(named.state, ButtonInput("keep"), set_up())
    assert kept.state is None and kept.effects == ()  # nothing changed, nothing written
    assert "Europe/London" in kept.replies[0].text
    moved = ONBOARDING.handle(named.state, TextInput("Tokyo"), set_up())
    assert moved.state is not None and moved.state.step == CONFIRM
    done = ONBOARDING.handle(moved.state, ButtonInput("yes"), set_up())
    assert done.state is None and done.effects == (SetTimezone("Asia/Tokyo"),)
    assert not any(isinstance(e, SetPrefs) for e in done.effects)


def test_yes_to_the_evening_check_in_inside_quiet_hours_is_refused_not_silently_skipped():
    quiet = Context(
        Person(7, "Ana", "Annie", None, "en"),
        NOW,
        catalogue("en"),
        Prefs(quiet_start=time(20, 0), quiet_end=time(8, 0)),  # set in /settings before
    )
    outcome = ONBOARDING.handle(evening(), ButtonInput("yes"), quiet)
    assert outcome.state == evening() and outcome.effects == ()
    assert "quiet hours" in outcome.replies[0].text


# A user walkthrough: "my name is Mia" and "hi! i'm mia :)" were refused as sentences, "idk"
# and "no" were kept as names, and "why do you need my name?" got "that sounds like it matters".


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("my name is Mia", "Mia"),
        ("My name's Mia.", "Mia"),
        ("hi! i'm mia :)", "Mia"),
        ("i'm Mia", "Mia"),
        ("I'm Mia!", "Mia"),
        ("im mia", "Mia"),
        ("I am Mia", "Mia"),
        ("call me Mia", "Mia"),
        ("just call me mia 😊", "Mia"),
        ("it's Mia", "Mia"),
        ("its mia", "Mia"),
        ("Hey, it's Mia", "Mia"),
        ("hello, my name is Mary Ann", "Mary Ann"),
        ("hi I'm de la Cruz", "de la Cruz"),  # capitals as typed
        ("this is Mia", "Mia"),
    ],
)
def test_a_name_said_in_a_sentence_is_taken_from_it(text: str, name: str):
    outcome = ONBOARDING.handle(at(NAME), TextInput(text), ctx())
    assert outcome.state is not None and outcome.state.step == ZONE, outcome.replies
    assert outcome.effects == (SetPreferredName(name),)
    assert f"Nice to meet you, {name}." in outcome.replies[0].text


@pytest.mark.parametrize(
    "text",
    ["i'm so tired", "I'm sad", "im exhausted and he left", "it's complicated", "I'm not ok"],
)
def test_how_they_are_is_not_taken_for_a_name(text: str):
    outcome = ONBOARDING.handle(at(NAME), TextInput(text), ctx())
    assert outcome.state == at(NAME).with_data(story=text.strip()) and outcome.effects == ()


@pytest.mark.parametrize(
    "text", ["idk", "no", "skip", "none of your business", "Nope.", "rather not say", "pass"]
)
def test_no_name_given_uses_their_telegram_name_and_says_it_can_change(text: str):
    outcome = ONBOARDING.handle(at(NAME), TextInput(text), ctx())
    assert outcome.state is not None and outcome.state.step == ZONE
    assert outcome.effects == (SetPreferredName("Ana"),)
    said = outcome.replies[0].text
    assert "Ana" in said and "/start" in said and "Nice to meet you" not in said
    assert f"you {text}" not in said.lower()  # never called "idk"


def test_no_name_when_changing_it_later_keeps_the_one_they_have():
    outcome = ONBOARDING.handle(at(NAME, again=True), TextInput("idk"), ctx("Annie"))
    assert outcome.effects == (SetPreferredName("Annie"),)
    assert outcome.state is not None and outcome.state.step == ZONE


@pytest.mark.parametrize(
    "text",
    [
        "why do you need my name?",
        "Why do you need my name",
        "what do you need my name for?",
        "why do you want to know my name?",
        "why?",
    ],
)
def test_why_my_name_gets_a_short_honest_answer_and_the_question_again(text: str):
    outcome = ONBOARDING.handle(at(NAME), TextInput(text), ctx())
    assert outcome.state == at(NAME) and outcome.effects == ()
    (reply,) = outcome.replies
    c = catalogue("en")
    assert reply.text == c.text("onboarding.why_name")
    assert "greet" in reply.text and "?" in reply.text  # why, and the question again
    assert len(reply.text) < 400
    assert [b.option for row in reply.buttons for b in row] == ["first"]


@pytest.mark.parametrize("text", ["yes", "thank you", "yes please", "hi mend", "ok", "thanks!"])
def test_small_talk_or_a_yes_at_the_name_asks_for_the_name_again_kindly(text: str):
    outcome = ONBOARDING.handle(at(NAME), TextInput(text), ctx())
    assert outcome.state == at(NAME) and outcome.effects == ()
    assert "Nice to meet you" not in outcome.replies[0].text
    assert [b.option for row in outcome.replies[-1].buttons for b in row] == ["first"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ana.", "Ana"),
        ("Sam!", "Sam"),
        ("Ana Maria!", "Ana Maria"),
        ("Jo here", "Jo"),
        ("I'm Ana, nice to meet you", "Ana"),
        ("Hi Mend, I'm Jo", "Jo"),
        ("J. R.", "J. R."),
        ("Ty", "Ty"),
    ],
)
def test_a_name_is_kept_without_what_surrounds_it(text: str, name: str):
    outcome = ONBOARDING.handle(at(NAME), TextInput(text), ctx())
    assert outcome.effects == (SetPreferredName(name),), outcome.replies
    assert f"Nice to meet you, {name}." in outcome.replies[0].text


@pytest.mark.parametrize("text", ["yes", "Yes please", "yep"])
def test_yes_typed_at_the_zone_confirmation_is_the_yes_button(text: str):
    outcome = ONBOARDING.handle(at(CONFIRM, zone="Asia/Tokyo"), TextInput(text), ctx("Annie"))
    assert outcome.state is not None and outcome.state.step == EVENING
    assert outcome.effects == (SetTimezone("Asia/Tokyo"),)
    assert not outcome.replies[0].edit


def test_no_typed_at_the_zone_confirmation_is_the_no_button():
    outcome = ONBOARDING.handle(at(CONFIRM, zone="Asia/Tokyo"), TextInput("no"), ctx())
    assert outcome.state is not None and outcome.state.step == ZONE and outcome.effects == ()
    assert not outcome.replies[0].edit


@pytest.mark.parametrize(
    ("text", "prefs"),
    [
        ("yes", {"evening_on": True, "evening_at": "21:00"}),
        ("no thanks", {"evening_on": False}),
        ("20:00", {"evening_on": True, "evening_at": "20:00"}),
        ("21:30", {"evening_on": True, "evening_at": "21:30"}),
    ],
)
def test_the_evening_answer_can_be_typed(text: str, prefs: dict[str, object]):
    outcome = ONBOARDING.handle(evening(), TextInput(text), ctx("Annie"))
    assert outcome.state is None and outcome.effects == (SetPrefs(prefs),)
    assert not outcome.replies[0].edit


def test_a_typed_evening_time_in_quiet_hours_is_the_other_time_question():
    outcome = ONBOARDING.handle(evening(), TextInput("23:15"), ctx())
    assert outcome.state is not None and outcome.state.step == EVENING_AT
    assert "quiet hours" in outcome.replies[0].text and outcome.effects == ()


STORY = "honestly I just need to talk, my wife and I had a fight about my mother"
# A story that happens to use words about time ("the whole time", "at dinner", "evening").
TIMED_STORY = "he was on his phone at dinner again and I felt invisible the whole evening"


@pytest.mark.parametrize("story", [STORY, TIMED_STORY])
@pytest.mark.parametrize("step", [EVENING, EVENING_AT])
def test_a_story_at_the_evening_question_finishes_setup_and_is_handed_on(step: str, story: str):
    """Words that are clearly no time (a sentence, no digit in it) are not turned away: setup
    ends with the evening check-in off, and the words go on to be offered as a moment."""
    state = FlowState("onboard", step, {"trail": [NAME, ZONE, CONFIRM], "zone": "Asia/Kolkata"})
    outcome = ONBOARDING.handle(state, TextInput(story), ctx("Ravi"))
    assert outcome.state is None and outcome.handback
    assert outcome.effects == (SetPrefs({"evening_on": False}),)
    (done,) = outcome.replies
    assert "All set, Ravi" in done.text and "Asia/Kolkata" in done.text
    assert "/settings" in done.text and "couldn't read" not in done.text and not done.edit


@pytest.mark.parametrize(
    "story",
    [
        "my roommate keeps leaving dishes everywhere",  # who_words
        "she'd never listen to a word",  # drafts.typed.she
        "got the silent treatment again",  # typed.trouble, a run of words
        "felt so left out at the party",  # a feeling's label, a run of words
    ],
)
def test_someone_a_row_or_a_feeling_as_other_lists_name_them_tells_a_story(story: str):
    """The story words are read with the lists that say who someone is, a row or a feeling
    elsewhere: a word one of them holds tells a story here too."""
    state = FlowState("onboard", EVENING_AT, {"trail": [NAME, ZONE, CONFIRM, EVENING]})
    outcome = ONBOARDING.handle(state, TextInput(story), ctx("Ravi"))
    assert outcome.state is None and outcome.handback


@pytest.mark.parametrize(
    "text",
    [
        "after dinner maybe",
        "9 maybe, after the kids sleep",
        "late",
        "no thanks not now maybe another time later this week ok sure fine",
    ],
)
def test_a_vague_or_unreadable_time_is_still_asked_about(text: str):
    state = FlowState("onboard", EVENING_AT, {"trail": [NAME, ZONE, CONFIRM, EVENING]})
    outcome = ONBOARDING.handle(state, TextInput(text), ctx())
    assert outcome.state == state and not outcome.handback and outcome.effects == ()
