"""The story they told before the flow began is heard on its cards: the pattern card quotes
it (briefly), the direction card says it is what they told, and a relation it names ("my
sister") is suggested first on "Who was it with?", still to be tapped."""

from __future__ import annotations

from bot.content import catalogue
from bot.domain import repair_flow as rf
from bot.domain.flow import ButtonInput, FlowState, TextInput
from bot.domain.moments import BY_ME, TO_ME
from bot.domain.replies import Reply
from bot.domain.who import named_relation
from tests.domain.test_repair_flow import Walk, ctx, options

C = catalogue("en")
PHONE = "he was on his phone the whole time I was telling him about my day"
SISTER = "my sister snapped at me when I asked about the weekend"


def _accepted(story: str) -> FlowState:
    offered = rf.REPAIR.offer(ctx(), "m1", story)
    assert offered.state is not None
    outcome = rf.REPAIR.handle(offered.state, ButtonInput("yes"), ctx())
    assert outcome.state is not None and outcome.state.step == rf.DIR
    return outcome.state


def test_the_direction_card_says_it_is_what_they_told():
    state = _accepted(PHONE)
    text = rf.REPAIR.prompt(state, ctx()).text
    assert "what you told me" in text and text.endswith("Which is it?")


def test_the_direction_card_with_no_story_is_unchanged():
    assert rf.REPAIR.start(ctx(), "m1").replies[0].text == C.text("moment.ask_direction")


def _pattern_card(story: str | None, direction: str = TO_ME) -> Reply:
    w = Walk(description=story)
    w.press(direction)
    w.press("partner")
    w.press("skip")
    assert w.step == rf.PAT
    return rf.REPAIR.prompt(w.state, w.ctx)


def test_the_pattern_card_quotes_a_story_of_two_phone_lines_whole():
    reply = _pattern_card(PHONE)
    assert reply.text.startswith(f'You told me: "{PHONE.rstrip(".")}".')
    assert "Which of these is closest?" in reply.text
    assert "Something else" in reply.text
    assert options(reply) == options(_pattern_card(None))  # the buttons are the same


def test_a_longer_story_is_quoted_to_its_last_whole_word():
    story = PHONE + " and then he laughed when I asked him to put it down for a minute"
    reply = _pattern_card(story)
    quoted = reply.text.split('"')[1]
    assert quoted.endswith("…") and len(quoted) <= rf.STORY_QUOTE
    assert story.startswith(quoted.removesuffix("…"))


def test_a_short_story_is_quoted_whole_without_its_full_stop():
    reply = _pattern_card("He rolled his eyes at me.")
    assert reply.text.startswith('You told me: "He rolled his eyes at me".')


def test_the_pattern_card_quotes_the_story_the_other_way_round_too():
    reply = _pattern_card("I snapped at him when he got home", BY_ME)
    assert reply.text.startswith('You told me: "I snapped at him when he got home".')
    assert "what you did" in reply.text


def test_the_pattern_card_with_no_story_is_unchanged():
    assert _pattern_card(None).text == C.text("moment.ask_pattern")
    assert _pattern_card(None, BY_ME).text == C.text("moment.ask_pattern_by_me")


def test_something_else_still_keeps_the_story_they_told():
    w = Walk(description=PHONE)
    for option in (TO_ME, "partner", "skip", "else"):
        w.press(option)
    assert w.step == rf.CAM and w.moment.description == PHONE


def test_one_relation_named_is_read():
    assert named_relation(SISTER, C) == ("family", "sister")
    assert named_relation("My boyfriend ignored me all evening", C) == ("partner", "boyfriend")
    assert named_relation("my best friend didn't reply", C) == ("friend", "best friend")
    assert named_relation("my boyfreind forgot again", C) == ("partner", "boyfriend")
    assert named_relation("my mum said it again, my mum always does", C) == ("family", "mum")


def test_no_relation_or_more_than_one_or_someone_elses_suggests_nothing():
    assert named_relation(PHONE, C) is None
    assert named_relation("my boyfriend laughed when my sister teased me", C) is None
    assert named_relation("my sister's husband ignored me", C) is None
    assert named_relation("his wife ignored me", C) is None
    assert named_relation("my ex texted me", C) is None
    assert named_relation("my ex-husband was rude", C) is None


def _who_card(story: str | None, direction: str = TO_ME) -> Reply:
    w = Walk(description=story)
    w.press(direction)
    assert w.step == rf.WHO_STEP
    return rf.REPAIR.prompt(w.state, w.ctx)


def test_the_relation_named_is_suggested_first_and_still_asked():
    reply = _who_card(SISTER)
    assert reply.text.startswith("Who was it with?")
    assert "your sister" in reply.text and '"Family"' in reply.text
    assert options(reply)[0] == "family"
    assert sorted(options(reply)) == sorted(options(_who_card(None)))


def test_the_suggestion_the_other_way_round():
    reply = _who_card("I yelled at my boyfriend", BY_ME)
    assert reply.text.startswith("Who do you think you hurt?")
    assert "your boyfriend" in reply.text and options(reply)[0] == "partner"


def test_the_suggestion_is_only_a_suggestion():
    w = Walk(description=SISTER)
    w.press(TO_ME)
    w.press("friend")  # it was someone else after all
    assert w.moment.who == "friend" and w.step == rf.NAME


def test_with_nothing_named_the_who_card_is_unchanged():
    plain = _who_card(None)
    assert plain.text == C.text("moment.ask_who")
    assert options(plain)[0] == "partner"  # the card's own order, nothing moved forward
    for story in (PHONE, "my boyfriend laughed when my sister teased me"):
        reply = _who_card(story)
        assert reply.text == plain.text
        assert options(reply) == options(plain)


def test_a_typed_answer_at_who_is_read_as_before():
    w = Walk(description=SISTER)
    w.press(TO_ME)
    w(TextInput("my friend Jo"))
    assert (w.moment.who, w.moment.who_name) == ("friend", "Jo")
