"""Fixes from a tester's walkthrough: a story typed at "Who was it with?" is kept as what
happened (and who asked again); a relation typed with the direction is suggested at "who";
a linked partner's name typed at "who" or at the name question is the partner; a 1 to 5
typed with filler words around it ("idk like a 3?") is read."""

from __future__ import annotations

import pytest

from bot.content import catalogue
from bot.domain import repair_flow as rf
from bot.domain import who as who_reading
from bot.domain.flow import Back, Context, Partner, Person
from bot.domain.moments import BY_ME, NAME_LIMIT, TO_ME
from tests.domain.test_repair_flow import NOW, Walk, options

C = catalogue("en")
ACK = "Got it, I've kept that as what happened."
INTERVIEW = "she didnt even ask how my interview went"


def with_partner(name: str = "Maya") -> Context:
    return Context(
        Person(7, "Ana", "Annie", "Europe/Berlin", "en"),
        NOW,
        C,
        partner=Partner(8, name, True, None),
    )


def at_who(
    context: Context | None = None, description: str | None = None, direction: str = TO_ME
) -> Walk:
    w = Walk(context, description)
    w.press(direction)
    assert w.step == rf.WHO_STEP
    return w


# ------------------------------------------------------------------ a story at "who"


def test_a_story_typed_at_who_is_kept_and_who_is_asked_again():
    w = at_who()
    plain = rf.REPAIR.prompt(w.state, w.ctx)
    (reply,) = w.type(INTERVIEW).replies
    assert w.step == rf.WHO_STEP and w.moment.who is None
    assert w.moment.description == INTERVIEW
    assert reply.text == f"{ACK}\n\n{plain.text}"
    assert options(reply) == options(plain)


def test_a_story_at_who_is_added_to_what_they_told_first():
    w = at_who(description="rough evening")
    w.type(INTERVIEW)
    assert w.moment.description == f"rough evening\n{INTERVIEW}"


def test_a_story_at_who_naming_a_relation_suggests_it():
    w = at_who()
    (reply,) = w.type("my sister forgot my birthday").replies
    assert w.step == rf.WHO_STEP and w.moment.description == "my sister forgot my birthday"
    assert reply.text.startswith(ACK) and "your sister" in reply.text
    assert options(reply)[0] == "family"


def test_a_story_at_who_naming_the_partner_suggests_the_partner():
    w = at_who(with_partner())
    (reply,) = w.type("Maya didn't even ask how my interview went").replies
    assert w.step == rf.WHO_STEP and w.moment.who is None
    assert "Maya" in reply.text and '"My partner"' in reply.text
    assert options(reply)[0] == "partner"


def test_a_longer_story_at_who_is_kept_not_called_a_long_name():
    story = "he said he would call me after the party and then he never did and I waited up " * 2
    assert len(story) > NAME_LIMIT
    w = at_who()
    (reply,) = w.type(story).replies
    assert reply.text.startswith(ACK) and w.moment.description == story.strip()


def test_the_walkthrough_story_then_the_partners_name():
    w = at_who(with_partner())
    w.type(INTERVIEW)
    w.type("maya")
    m = w.moment
    assert (m.who, m.who_name, m.description) == ("partner", "Maya", INTERVIEW)
    assert w.step == rf.PAT


@pytest.mark.parametrize(
    ("typed", "who", "name", "step"),
    [
        ("my sister Jo", "family", "Jo", rf.PAT),
        ("my mum", "family", None, rf.NAME),
        ("Jo", "other", "Jo", rf.PAT),
        ("a colleague", "colleague", None, rf.NAME),
        ("it was my sister", "family", None, rf.NAME),
        ("she's my sister", "family", None, rf.NAME),
        ("my sister and her husband", "other", None, rf.NAME),
        ("my friend from work", "friend", None, rf.NAME),
        ("someone i work with", "other", None, rf.NAME),
        ("a guy i used to date", "other", None, rf.NAME),
        ("the guy at work", "other", None, rf.NAME),
        ("my best friend from my old job", "friend", None, rf.NAME),
        ("i dont know his name", "other", None, rf.NAME),
    ],
)
def test_who_and_names_typed_at_who_read_as_before(
    typed: str, who: str, name: str | None, step: str
):
    assert not who_reading.tells_what_happened(typed, C)
    w = at_who()
    w.type(typed)
    assert (w.moment.who, w.moment.who_name, w.step) == (who, name, step)
    assert w.moment.description is None


@pytest.mark.parametrize(
    "story",
    [
        INTERVIEW,
        "my sister forgot my birthday",
        "he ignored me all evening",
        "Jo didn't text me back",
        "my boss yelled at me in front of everyone",
        "we had a fight about money",
        "I snapped at my son",
    ],
)
def test_what_happened_is_told(story: str):
    assert who_reading.tells_what_happened(story, C)


# ------------------------------------------------------------------ the partner's name


def test_the_partners_name_typed_at_who_is_the_partner():
    for typed in ("maya", "Maya", "MAYA"):
        w = at_who(with_partner())
        w.type(typed)
        assert (w.moment.who, w.moment.who_name, w.step) == ("partner", "Maya", rf.PAT)


def test_the_partners_name_at_the_name_question_after_someone_else_is_the_partner():
    w = at_who(with_partner())
    w.press("other")
    w.type("maya")
    assert (w.moment.who, w.moment.who_name) == ("partner", "Maya")


def test_another_name_is_still_someone_else_and_a_friend_stays_a_friend():
    w = at_who(with_partner())
    w.type("Jo")
    assert (w.moment.who, w.moment.who_name) == ("other", "Jo")
    w = at_who(with_partner())
    w.type("my friend Maya")  # a friend who shares the name
    assert (w.moment.who, w.moment.who_name) == ("friend", "Maya")


def test_with_no_partner_linked_a_name_is_someone_else():
    w = at_who()
    w.type("maya")
    assert (w.moment.who, w.moment.who_name) == ("other", "Maya")


# ------------------------------------------------------------------ who, typed with the direction


def test_a_relation_typed_with_the_direction_is_suggested():
    w = Walk()
    (reply,) = w.type("I think I hurt my gf").replies
    assert w.step == rf.WHO_STEP and w.moment.direction == BY_ME
    assert reply.text.startswith("Who do you think you hurt?")
    assert "your gf" in reply.text and options(reply)[0] == "partner"


def test_a_tapped_direction_suggests_nothing():
    w = Walk()
    w.type("I think I hurt my gf")
    w(Back())
    (reply,) = w.press(BY_ME).replies
    assert reply.text == C.text("moment.ask_who_by_me")


# ------------------------------------------------------------------ 1 to 5, with filler words


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("idk like a 3? it comes and goes", 3),
        ("idk 3", 3),
        ("a 4 tbh", 4),
        ("4ish", 4),
        ("3, it comes and goes", 3),
        ("like a 3", 3),
        ("4", 4),
        ("3 or 4", 4),  # two numbers: the higher, as before
        ("3-4", 4),
    ],
)
def test_a_number_with_filler_words_is_read(typed: str, value: int):
    assert rf.typed_intensity(typed, C) == value


@pytest.mark.parametrize(
    "typed",
    [
        "idk 10",
        "a 6 tbh",
        "0 tbh",
        "not a 3",
        "idk 3 or 4",
        "3, a lot less than yesterday",
        "3 days ago",
    ],
)
def test_no_number_one_to_five_or_an_unclear_one_is_not_read(typed: str):
    assert rf.typed_intensity(typed, C) is None


def test_the_filler_words_number_answers_the_question():
    w = at_who()
    for option in ("partner", "skip", "p.phone", "skip"):
        w.press(option)
    assert w.step == rf.INT
    w.type("idk like a 3? it comes and goes")
    assert w.moment.intensity == 3 and w.step == rf.FEEL
