"""The English word lists that read what people type are content, not code: a catalogue with
one list changed reads typed words differently, and each catalogue keeps its own words (what
is built from them is cached per catalogue, never shared between two)."""

from __future__ import annotations

from bot.content import Catalogue, catalogue
from bot.domain.drafts import FEEL, NEED, sayable
from bot.domain.moments import TO_ME
from bot.domain.naming import beyond_chosen, find_words, without_denials
from bot.domain.onboarding import tells_something
from bot.domain.who import read_name

C = catalogue("en")


def changed(key: str, words: list[str]) -> Catalogue:
    """English, with the list at `key` replaced by `words`."""
    return Catalogue("en", {key: words}, C)


def without(key: str, word: str) -> Catalogue:
    listed = [str(w) for w in C.raw(key)]
    assert word in listed, (key, word)
    return changed(key, [w for w in listed if w != word])


def test_the_denial_words_are_read_from_content():
    never_denies = without("naming.denials", "never")
    assert find_words("never angry", C).feelings == ()
    assert find_words("never angry", never_denies).feelings == ("angry",)
    assert find_words("never angry", C).feelings == ()  # English keeps its own words
    assert without_denials("never angry, just sad", C) == "just sad"
    assert without_denials("never angry, just sad", never_denies) == "never angry, just sad"


def test_whom_a_feeling_word_is_done_to_is_read_from_content():
    assert find_words("hurt him", C).feelings == ()
    assert find_words("hurt him", without("naming.after_an_act", "him")).feelings == ("hurt",)


def test_the_filler_beside_a_chosen_feeling_is_read_from_content():
    typed = "i felt angry and small"
    assert beyond_chosen(typed, ["angry"], C) == "small"
    assert beyond_chosen(typed, ["angry"], without("naming.filler", "felt")) == typed


def test_who_is_judged_is_read_from_content():
    typed = "for him to stop being so selfish"
    assert sayable(typed, NEED, TO_ME, C, "partner") is None
    not_you = without("drafts.typed.judged_them", "you")
    assert sayable(typed, NEED, TO_ME, not_you, "partner") == "for you to stop being so selfish"


def test_the_words_between_a_denial_and_the_feeling_are_read_from_content():
    typed = "not really angry just tired"
    assert sayable(typed, FEEL, TO_ME, C) == "tired"
    assert sayable(typed, FEEL, TO_ME, without("drafts.typed.denied_between", "really")) is None


def test_each_catalogue_has_its_own_name_refusals():
    refuses_bob = changed("names.refusals", [*C.raw("names.refusals"), "bob"])
    assert read_name("bob", C) == "Bob"
    assert read_name("bob", refuses_bob) is None
    assert read_name("bob", C) == "Bob"


def test_the_story_words_repeat_no_word_another_list_holds():
    """`onboarding.story_words` is read with who_words, drafts.typed.he and .she,
    typed.others, typed.trouble and the feelings' labels: a word from those, said again
    there, would be one more place to keep in step."""
    elsewhere = {
        str(w).lower()
        for key in ("drafts.typed.he", "drafts.typed.she", "typed.others", "typed.trouble")
        for w in C.raw(key)
    }
    elsewhere |= {
        str(w).lower() for who in C.children("who_words") for w in C.raw(f"who_words.{who}")
    }
    elsewhere |= {C.text(f"feelings.{k}").lower() for k in C.children("feelings")}
    assert sorted(elsewhere & {str(w) for w in C.raw("onboarding.story_words")}) == []


def test_each_catalogue_reads_a_story_with_its_own_relation_words():
    story = "my roommate keeps leaving dishes everywhere"
    no_roommate = without("who_words.friend", "roommate")
    assert tells_something(story, C)
    assert not tells_something(story, no_roommate)
    assert tells_something(story, C)  # English keeps its own words
