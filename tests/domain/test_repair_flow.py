"""The repair flow as a pure state machine: every transition, /back, /cancel, both directions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.content import catalogue
from bot.domain import openers, schedule
from bot.domain import repair_flow as rf
from bot.domain.couples import ShareText
from bot.domain.flow import (
    Back,
    ButtonInput,
    Context,
    Event,
    FlowState,
    Outcome,
    Partner,
    Person,
    TextInput,
    Unsupported,
)
from bot.domain.moments import (
    BY_ME,
    DRAFTED,
    ENTRY_LIMIT,
    LET_GO,
    OPEN,
    PLANNED,
    SET_ASIDE,
    TEXT_LIMIT,
    TO_ME,
    UNFINISHED,
    DeleteMoment,
    Moment,
    SaveMoment,
)
from bot.domain.profile import SetTimezone
from bot.domain.replies import Reply

# Sunday 1 March 2026, 17:30 in Berlin.
NOW = datetime(2026, 3, 1, 16, 30, tzinfo=UTC)
C = catalogue("en")


def ctx(zone: str | None = "Europe/Berlin", now: datetime = NOW) -> Context:
    return Context(Person(7, "Ana", "Annie", zone, "en"), now, C)


def options(reply: Reply) -> list[str]:
    return [b.option for row in reply.buttons for b in row]


def answered(outcome: Outcome) -> Moment:
    """The moment as the new flow state holds it: what is stored with this answer."""
    assert outcome.state is not None
    return rf.moment_of(outcome.state)


def saved(outcome: Outcome) -> Moment:
    moments = [e.moment for e in outcome.effects if isinstance(e, SaveMoment)]
    assert moments, "expected the moment to be saved at this step"
    return moments[-1]


class Walk:
    """Drives the flow step by step, checking each outcome keeps a state or ends cleanly."""

    def __init__(self, context: Context | None = None, description: str | None = None) -> None:
        self.ctx = context or ctx()
        self.outcome = rf.REPAIR.start(self.ctx, "m1", description)
        assert self.outcome.state is not None
        self.state: FlowState = self.outcome.state

    def __call__(self, event: Event) -> Outcome:
        self.outcome = rf.REPAIR.handle(self.state, event, self.ctx)
        if self.outcome.state is not None:
            self.state = self.outcome.state
        return self.outcome

    def press(self, option: str) -> Outcome:
        return self(ButtonInput(option))

    def type(self, text: str) -> Outcome:
        return self(TextInput(text))

    @property
    def step(self) -> str:
        return self.state.step

    @property
    def moment(self) -> Moment:
        return rf.moment_of(self.state)


def to_needs(walk: Walk, direction: str = TO_ME) -> Walk:
    walk.press(direction)
    walk.press("partner")
    walk.type("Sam")
    walk.press("p.phone")
    walk.type("He picked up his phone while I talked about my mother.")
    walk.press("4")
    walk.press("t.lonely")
    walk.press("t.hurt")
    walk.press("done")
    walk.press("t.attention")
    walk.press("done")
    assert walk.step == rf.PATH
    return walk


def test_start_asks_the_direction_and_saves_an_open_moment():
    outcome = rf.REPAIR.start(ctx(), "m1")
    assert outcome.state is not None and outcome.state.step == rf.DIR
    assert options(outcome.replies[0]) == [TO_ME, BY_ME]
    assert saved(outcome).status == OPEN and saved(outcome).id == "m1"


def test_every_answer_is_in_the_new_state():
    w = Walk()
    expectations: list[tuple[Callable[[], Outcome], str, Callable[[Moment], bool]]] = [
        (lambda: w.press(TO_ME), rf.WHO_STEP, lambda m: m.direction == TO_ME),
        (lambda: w.press("friend"), rf.NAME, lambda m: m.who == "friend"),
        (lambda: w.type("  Jo  "), rf.PAT, lambda m: m.who_name == "Jo"),
        (lambda: w.press("p.sarcasm"), rf.CAM, lambda m: m.pattern == "sarcasm"),
        (
            lambda: w.type("She said 'nice job, genius'."),
            rf.INT,
            lambda m: m.observation == "She said 'nice job, genius'.",
        ),
        (lambda: w.press("3"), rf.FEEL, lambda m: m.intensity == 3),
        (lambda: w.press("t.hurt"), rf.FEEL, lambda m: m.feelings == ("hurt",)),
        (lambda: w.press("done"), rf.NEED, lambda m: m.feelings == ("hurt",)),
        (lambda: w.press("t.respect"), rf.NEED, lambda m: m.needs == ("respect",)),
        (lambda: w.press("done"), rf.PATH, lambda m: m.needs == ("respect",)),
    ]
    for act, step, check in expectations:
        outcome = act()
        assert w.step == step
        assert check(answered(outcome)), step


def test_say_something_now_drafts_and_closes_as_drafted():
    w = to_needs(Walk())
    outcome = w.press("now")
    assert w.step == rf.DRAFT
    draft = answered(outcome).draft
    assert draft and "lonely" in draft and "your attention" in draft
    assert outcome.replies[-1].copyable == draft and outcome.replies[-1].edit
    assert options(outcome.replies[-1]) == ["softer", "shorter", "own", "heated", "use"]

    softer = answered(w.press("softer")).draft
    shorter = answered(w.press("shorter")).draft
    assert softer and shorter and len(set([draft, softer, shorter])) == 3
    assert len(shorter) < len(draft) < len(softer)
    heated = w.press("heated")
    assert w.step == rf.DRAFT and "Can we take a break?" in heated.replies[0].text

    outcome = w.press("use")
    assert outcome.state is None and outcome.retire_card
    final = saved(outcome)
    assert (final.status, final.path, final.draft) == (DRAFTED, "now", shorter)
    assert "Annie" in outcome.replies[0].text


def at_the_send_question_then_unlinked() -> Walk:
    # to_needs names the partner "Sam": the linked partner is Sam here.
    w = to_needs(Walk(replace(ctx(), partner=Partner(8, "Sam", True, None))))
    w.press("now")
    w.press("send")
    assert w.step == rf.SENDTO
    w.ctx = ctx()  # the link ended meanwhile: no partner any more
    return w


def test_the_send_question_after_the_link_ended_is_the_draft_again():
    w = at_the_send_question_then_unlinked()
    draft = w.moment.draft
    shown = rf.REPAIR.prompt(w.state, w.ctx)
    assert options(shown) == ["softer", "shorter", "own", "heated", "use"]
    outcome = w.press("use")  # a button of that draft card
    assert outcome.state is None and saved(outcome).status == DRAFTED
    assert saved(outcome).draft == draft
    assert not any(isinstance(e, ShareText) for e in outcome.effects)


@pytest.mark.parametrize("option", ["private", "group", "cancel"])
def test_a_press_on_the_confirm_card_after_the_link_ended_sends_nothing(option: str):
    w = at_the_send_question_then_unlinked()
    outcome = w.press(option)
    assert w.step == rf.DRAFT and outcome.effects == ()
    (reply,) = outcome.replies
    assert "Nothing was sent: your partner link has ended" in reply.text
    assert reply.edit and reply.copyable == w.moment.draft
    assert options(reply) == ["softer", "shorter", "own", "heated", "use"]
    w.type("I missed you tonight")  # their own words, as at the draft: asked, then kept
    w.press("keeptyped")
    assert w.outcome.state is None and saved(w.outcome).draft == "I missed you tonight"


def test_words_typed_at_the_draft_are_kept_as_theirs_only_when_they_say_so():
    w = to_needs(Walk())
    w.press("now")
    draft = w.moment.draft
    (ask,) = w.type("I'd rather just tell him myself").replies
    assert w.step == rf.DRAFT and ask.copyable == "I'd rather just tell him myself"
    assert options(ask) == ["keeptyped", "draftagain"]
    (again,) = w.press("draftagain").replies  # a remark, not their version
    assert again.copyable == draft and w.moment.draft == draft and w.step == rf.DRAFT
    w.type("I missed you tonight")
    outcome = w.press("keeptyped")
    assert outcome.state is None
    assert (saved(outcome).draft, saved(outcome).draft_style) == ("I missed you tonight", "own")


def test_a_draft_in_their_own_words_asks_them_to_add_what_happened():
    own = Walk()
    for option in (TO_ME, "partner", "skip", "else"):
        own.press(option)
    own.type("He forgot my birthday")
    for option in ("skip", "4", "t.sad", "done", "t.attention", "done", "now"):
        own.press(option)
    picked = to_needs(Walk())
    picked.press("now")
    (own_card,), (picked_card,) = own.outcome.replies, picked.outcome.replies
    assert own_card.copyable and "Add what happened" in own_card.text
    assert "He forgot my birthday" not in own_card.copyable  # their telling is not the message
    assert "Add what happened" not in picked_card.text


def test_the_same_style_pressed_twice_says_so_instead_of_nothing():
    w = to_needs(Walk())
    w.press("now")
    w.press("softer")
    softer = w.moment.draft
    outcome = w.press("softer")
    assert outcome.replies == () and outcome.toast is not None
    assert "already the softer" in outcome.toast.text and w.moment.draft == softer


def test_writing_my_own_keeps_my_words():
    w = to_needs(Walk())
    w.press("now")
    w.press("own")
    assert w.step == rf.OWN
    outcome = w.type("Can we talk tonight? I missed you earlier.")
    assert outcome.state is None
    assert saved(outcome).draft == "Can we talk tonight? I missed you earlier."
    assert saved(outcome).draft_style == "own"
    assert any(r.copyable == "Can we talk tonight? I missed you earlier." for r in outcome.replies)


@pytest.mark.parametrize(
    ("option", "local_due"),
    [
        ("tonight", datetime(2026, 3, 1, 20, 0)),
        ("tomorrow", datetime(2026, 3, 2, 19, 0)),
        ("hours", datetime(2026, 3, 1, 20, 30)),
    ],
)
def test_later_stores_the_plan_in_utc(option: str, local_due: datetime):
    w = to_needs(Walk())
    outcome = w.press("later")
    assert w.step == rf.WHEN and option in options(outcome.replies[-1])
    outcome = w.press(option)
    assert outcome.state is None
    final = saved(outcome)
    assert final.status == PLANNED and final.path == "later"
    assert final.plan_due_at is not None and final.plan_due_at.tzinfo == UTC
    assert final.plan_due_at == local_due.replace(tzinfo=UTC) - timedelta(hours=1)  # CET


def test_later_at_a_typed_time():
    w = to_needs(Walk())
    w.press("later")
    w.press("type")
    assert w.step == rf.WHEN_AT
    assert w.type("whenever").replies[0].text == C.text("moment.when_unknown", ahead="14 days")
    assert "already passed" in w.type("today 9:00").replies[0].text
    outcome = w.type("tomorrow 8:30am")
    assert outcome.state is None
    assert saved(outcome).plan_due_at == datetime(2026, 3, 2, 7, 30, tzinfo=UTC)
    assert "Monday at 08:30" in outcome.replies[0].text


def test_this_evening_is_not_offered_late_in_the_evening():
    late = NOW.replace(hour=21)  # 22:00 in Berlin
    w = to_needs(Walk(ctx(now=late)))
    outcome = w.press("later")
    assert "tonight" not in options(outcome.replies[-1])
    assert w.press("tonight").state is not None  # a stale press is not taken


def test_let_go_is_checked_before_it_is_recorded():
    w = to_needs(Walk())
    w.press("let_go")
    assert w.step == rf.LETGO
    outcome = w.press("no")
    assert w.step == rf.PATH and answered(outcome).path is None
    assert "worth knowing" in outcome.replies[0].text
    w.press("let_go")
    outcome = w.press("yes")
    assert outcome.state is None and saved(outcome).status == LET_GO


def test_not_safe_to_raise_gets_care_and_no_coaching():
    w = to_needs(Walk())
    outcome = w.press("unsafe")
    assert outcome.state is None
    assert saved(outcome).status == SET_ASIDE
    text = " ".join(r.text for r in outcome.replies)
    assert "emergency" in text and "helpline" in text
    assert not any(r.copyable for r in outcome.replies)
    assert "draft" not in text.lower() and "repair" not in text.lower()
    assert any(b.url for r in outcome.replies for row in r.buttons for b in row)


def test_the_i_hurt_someone_direction_asks_about_them_and_apologises():
    w = Walk()
    outcome = w.press(BY_ME)
    assert "Who do you think you hurt?" in outcome.replies[-1].text
    w.press("partner")
    outcome = w.press("skip")
    assert "What do you think you did?" in outcome.replies[-1].text
    w.press("p.tone")
    w.press("skip")
    outcome = w.press("2")
    assert "How might they have felt?" in outcome.replies[-1].text
    w.press("t.hurt")
    outcome = w.press("done")
    assert "What might they have needed?" in outcome.replies[-1].text
    w.press("t.respect")
    w.press("done")
    draft = answered(w.press("now")).draft
    assert draft is not None
    assert "I answered you in a short, dismissive tone" in draft
    assert "sorry" in draft.lower() and "hurt" in draft and "to feel respected" in draft
    assert "but" not in draft.split()  # no excuses


def test_something_else_in_their_own_words():
    w = Walk()
    w.press(TO_ME)
    w.press("other")
    w.press("skip")
    w.press("else")
    assert w.step == rf.DESC
    w.type("She left the party without telling me")
    assert w.step == rf.CAM and w.moment.pattern == "other"
    assert w.moment.description == "She left the party without telling me"


def test_typed_text_at_the_pattern_step_is_their_own_description():
    w = Walk()
    w.press(TO_ME)
    w.press("other")
    w.press("skip")
    w.type("We argued about money again")
    assert w.step == rf.CAM and w.moment.pattern == "other"


def test_typed_words_at_the_pattern_step_keep_the_first_message_too():
    first = "He laughed at my idea in front of his friends and I froze"
    w = Walk(description=first)
    w.press(TO_ME)
    w.press("partner")
    w.type("Sam")
    w.type("mocked")
    assert w.step == rf.CAM and w.moment.pattern == "other"
    assert w.moment.description == f"{first}\nmocked"


def test_a_description_from_the_first_message_is_not_asked_again():
    w = Walk(description="He laughed at my drawing")
    w.press(TO_ME)
    w.press("family")
    w.press("skip")
    w.press("else")
    assert w.step == rf.CAM and w.moment.description == "He laughed at my drawing"


def test_pattern_pages_cycle_and_offer_the_usual_ones_first():
    w = Walk()
    w.press(TO_ME)
    w.press("colleague")
    outcome = w.press("skip")
    first = options(outcome.replies[-1])
    usual = [k for k in C.children("patterns") if "colleague" in C.raw(f"patterns.{k}.for")]
    assert first[: len(usual[:5])] == [f"p.{k}" for k in usual[:5]]
    seen = set(first)
    for _ in range(3):
        outcome = w.press(next(o for o in options(outcome.replies[-1]) if o.startswith("pg.")))
        assert outcome.replies[0].edit
        seen |= set(options(outcome.replies[-1]))
    assert {f"p.{k}" for k in C.children("patterns")} <= seen
    assert w.step == rf.PAT


def test_feelings_toggle_page_and_need_at_least_one():
    w = Walk()
    for option in (TO_ME, "partner", "skip", "p.phone", "skip", "5"):
        w.press(option)
    assert w.step == rf.FEEL
    outcome = w.press("done")
    assert w.step == rf.FEEL and "at least one" in outcome.replies[0].text
    w.press("t.hurt")
    w.press("t.hurt")
    assert w.moment.feelings == ()
    outcome = w.press("pg.1")
    assert outcome.replies[0].edit and "t.angry" in options(outcome.replies[0])
    w.press("t.angry")
    w.press("pg.2")
    w.press("t.numb")
    assert list(w.moment.feelings) == ["angry", "numb"]


def test_an_interpretation_word_is_reframed_toward_feelings():
    w = Walk()
    for option in (TO_ME, "partner", "skip", "p.phone", "skip", "5"):
        w.press(option)
    w.press("words")
    assert w.step == rf.WORDS
    outcome = w.press("w.ignored")
    assert w.step == rf.REFRAME
    assert "lonely" in outcome.replies[0].text and "t.lonely" in options(outcome.replies[0])
    w.press("t.lonely")
    w.press("back")
    assert w.step == rf.FEEL and w.moment.feelings == ("lonely",)
    w.press("done")
    assert w.step == rf.NEED
    assert w.state.back() is not None and w.state.back().step == rf.FEEL  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "word",
    [
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
    ],
)
def test_typing_an_interpretation_word_offers_the_feelings_beneath(word: str):
    w = Walk()
    for option in (TO_ME, "partner", "skip", "p.phone", "skip", "5"):
        w.press(option)
    outcome = w.type(f"I just felt so {word}")
    assert w.step == rf.REFRAME and w.state.data["word"] == word
    beneath = C.raw(f"interpretations.{word}.beneath")
    assert [f"t.{k}" for k in beneath] == options(outcome.replies[-1])[: len(beneath)]


def test_typed_feelings_are_recognised_and_the_rest_kept_in_their_words():
    w = Walk()
    for option in (TO_ME, "partner", "skip", "p.phone", "skip", "5"):
        w.press(option)
    w.type("hurt and lonely")
    assert w.moment.feelings == ("hurt", "lonely") and w.moment.feelings_text is None
    w.type("like a stranger in my own home")
    assert w.moment.feelings_text == "like a stranger in my own home"
    w.press("done")
    assert w.step == rf.NEED


def test_needs_can_be_typed():
    w = Walk()
    for option in (TO_ME, "partner", "skip", "p.phone", "skip", "5", "t.hurt", "done"):
        w.press(option)
    assert "at least one" in w.press("done").replies[0].text
    w.type("Respect, and some quiet")
    assert w.moment.needs == ("respect",) and w.moment.needs_text == "Respect, and some quiet"
    w.press("done")
    assert w.step == rf.PATH


def test_back_goes_one_step_at_a_time_and_keeps_answers():
    w = to_needs(Walk())
    steps = []
    for _ in range(9):
        w(Back())
        steps.append(w.step)
    assert steps == [rf.NEED, rf.FEEL, rf.INT, rf.CAM, rf.PAT, rf.NAME, rf.WHO_STEP, rf.DIR, rf.DIR]
    assert "nothing to go back to" in w.outcome.replies[0].text
    assert w.moment.feelings == ("lonely", "hurt") and w.moment.who_name == "Sam"


def test_cancel_keeps_an_unfinished_moment():
    w = Walk()
    w.press(TO_ME)
    w.press("partner")
    w.press("skip")
    w.press("p.phone")  # something told: what happened
    outcome = rf.REPAIR.cancel(w.state, w.ctx)
    assert outcome.state is None
    assert saved(outcome).status == UNFINISHED and saved(outcome).who == "partner"
    assert "/history" in outcome.replies[0].text


def test_cancel_or_leaving_before_anything_was_said_keeps_nothing():
    w = Walk()  # /moment, then /cancel at the first question
    begun = rf.moment_of(w.state).created_at  # the evening answer given then goes too
    outcome = rf.REPAIR.cancel(w.state, w.ctx)
    assert outcome.state is None and outcome.effects == (DeleteMoment("m1", begun),)
    assert "/history" not in outcome.replies[0].text
    assert rf.REPAIR.abandon(w.state) == (DeleteMoment("m1", begun),)
    told = Walk(description="He mocked my accent")  # their words came first: kept
    assert saved(rf.REPAIR.cancel(told.state, told.ctx)).description == "He mocked my accent"


def test_resume_continues_at_the_first_unanswered_step():
    w = Walk()
    for option in (TO_ME, "partner", "skip", "p.phone", "skip", "5", "t.hurt"):
        w.press(option)
    unfinished = rf.REPAIR.cancel(w.state, w.ctx)
    moment = saved(unfinished)
    outcome = rf.REPAIR.resume(moment, w.ctx)
    assert outcome.state is not None and outcome.state.step == rf.FEEL
    assert saved(outcome).status == OPEN
    assert rf.moment_of(outcome.state).feelings == ("hurt",)
    assert outcome.state.back() is not None


@pytest.mark.parametrize("step_events", range(0, 11))
def test_non_text_and_overlong_text_leave_every_step_unchanged(step_events: int):
    w = Walk()
    script = [
        ButtonInput(TO_ME),
        ButtonInput("partner"),
        ButtonInput("skip"),
        ButtonInput("p.phone"),
        ButtonInput("skip"),
        ButtonInput("3"),
        ButtonInput("t.hurt"),
        ButtonInput("done"),
        ButtonInput("t.respect"),
        ButtonInput("done"),
        ButtonInput("now"),
    ]
    for step_event in script[:step_events]:
        w(step_event)
    before = w.state
    bad: tuple[Event, ...] = (
        Unsupported("sticker"),
        Unsupported("location"),
        TextInput("x" * 4096),
        ButtonInput("forged-option"),
        ButtonInput("p.no_such_pattern"),
    )
    for event in bad:
        if isinstance(event, TextInput) and before.step in rf.KEPT_IN_PART:
            continue  # an answer about the moment is kept in part: see the tests below
        outcome = rf.REPAIR.handle(before, event, w.ctx)
        assert outcome.state == before, (before.step, event)
        assert outcome.replies and outcome.replies[0].text
        assert outcome.effects == ()


def test_the_offer_keeps_the_text_only_if_they_say_yes():
    offer = rf.REPAIR.offer(ctx(), "m9", "He mocked my accent at dinner")
    assert offer.state is not None and offer.state.step == rf.OFFER and offer.effects == ()
    more = rf.REPAIR.handle(offer.state, TextInput("in front of everyone"), ctx())
    assert more.state is not None and more.effects == ()
    yes = rf.REPAIR.handle(more.state, ButtonInput("yes"), ctx())
    assert yes.state is not None and yes.state.step == rf.DIR
    assert saved(yes).description == "He mocked my accent at dinner\nin front of everyone"
    no = rf.REPAIR.handle(offer.state, ButtonInput("no"), ctx())
    assert no.effects == ()  # kept only in the flow state, a while, for a change of mind
    assert no.state is not None and no.state.data.get(rf.DECLINED)


@pytest.mark.parametrize(
    ("typed", "step"), [("yes", rf.DIR), ("Yes please!", rf.DIR), ("nope", rf.OFFER)]
)
def test_yes_or_no_typed_at_the_offer_is_its_button_not_more_of_what_happened(
    typed: str, step: str | None
):
    offer = rf.REPAIR.offer(ctx(), "m9", "He mocked my accent at dinner")
    assert offer.state is not None
    answer = rf.REPAIR.handle(offer.state, TextInput(typed), ctx())
    assert (answer.state.step if answer.state else None) == step
    if step == rf.DIR:
        assert saved(answer).description == "He mocked my accent at dinner"
    assert answer.replies and not any(r.edit for r in answer.replies)  # a message: no card pressed


@pytest.mark.parametrize("said", ["hi", "Hello!", "how does this work?", "What is this"])
def test_a_hello_or_a_question_at_the_offer_is_answered_not_kept(said: str):
    offer = rf.REPAIR.offer(ctx(), "m9", "He mocked my accent at dinner")
    assert offer.state is not None
    answer = rf.REPAIR.handle(offer.state, TextInput(said), ctx())
    assert answer.state == offer.state  # nothing added to what happened
    (reply,) = answer.replies
    assert options(reply) == ["yes", "no"] and reply.text != offer.replies[0].text
    more = rf.REPAIR.handle(offer.state, TextInput("in front of everyone"), ctx())
    assert more.replies[0].text not in (reply.text, offer.replies[0].text)  # "kept that too"


@pytest.mark.parametrize(
    ("typed", "who", "name", "step"),
    [
        ("my boyfriend Jake", "partner", "Jake", rf.PAT),
        ("Jake, my boyfriend", "partner", "Jake", rf.PAT),
        ("My best friend Lou", "friend", "Lou", rf.PAT),
        ("my mum", "family", None, rf.NAME),  # who, and the name is asked as after a tap
        ("my boss", "colleague", None, rf.NAME),
        ("my sisters", "family", None, rf.NAME),
        ("Jake", "other", "Jake", rf.PAT),  # a name alone
    ],
)
def test_who_typed_instead_of_tapped_is_read_for_who_and_name(
    typed: str, who: str, name: str | None, step: str
):
    w = Walk()
    w.press(TO_ME)
    w.type(typed)
    assert (w.moment.who, w.moment.who_name, w.step) == (who, name, step)


def to_intensity() -> Walk:
    w = Walk()
    for option in (TO_ME, "partner"):
        w.press(option)
    w.type("Sam")
    w.press("p.phone")
    w.type("He picked up his phone.")
    assert w.step == rf.INT
    return w


@pytest.mark.parametrize(("typed", "value"), [("4", 4), ("four", 4), ("One", 1)])
def test_the_intensity_can_be_typed_as_a_digit_or_a_word(typed: str, value: int):
    w = to_intensity()
    w.type(typed)
    assert (w.step, w.moment.intensity) == (rf.FEEL, value)


def test_words_at_a_buttons_only_step_ask_for_a_tap_not_for_typing():
    w = to_intensity()
    (reply,) = w.type("more than before").replies
    # The intensity takes a typed number: words get the question again, with no correction.
    assert w.step == rf.INT and reply.text == C.text("moment.ask_intensity_again")
    assert "type your answer" not in reply.text
    w.press("4")
    replies = w.type("lonely and sad").replies  # typing is read here: no such hint
    assert replies and not any("tap one of the buttons" in r.text for r in replies)


def test_later_without_a_time_zone_counts_from_now_and_says_so():
    # (It used to plan "tomorrow evening" at 19:00 UTC; now that asks where they are first.)
    w = to_needs(Walk(ctx(zone=None)))
    w.press("later")
    outcome = w.press("hours")
    assert saved(outcome).plan_due_at == NOW + timedelta(hours=3)
    assert any(r.text == C.text("moment.close_no_zone") for r in outcome.replies)


def labels(reply: Reply) -> list[str]:
    return [b.label for row in reply.buttons for b in row]


def test_i_hurt_someone_names_the_patterns_from_my_side():
    w = Walk()
    w.press(BY_ME)
    w.press("friend")
    shown: list[str] = []
    outcome = w.press("skip")
    for _ in range(3):  # every page of patterns
        shown += labels(outcome.replies[-1])
        outcome = w.press(next(o for o in options(outcome.replies[-1]) if o.startswith("pg.")))
    assert "A joke at their expense" in shown and "I interrupted" in shown
    for theirs in ("A joke at my expense", "Being interrupted", "Always the one reaching out"):
        assert theirs not in shown
    picked = w.press("p.joke")
    assert picked.replies[0].text.startswith("A joke at their expense.")
    for option in ("skip", "3", "t.embarrassed", "done", "t.respect", "done", "let_go"):
        w.press(option)
    outcome = w.press("yes")
    assert "Recorded: A joke at their expense · embarrassed" in outcome.replies[-1].text


def test_the_words_view_asks_about_them_when_i_hurt_someone():
    w = Walk()
    for option in (BY_ME, "partner", "skip", "p.tone", "skip", "3"):
        w.press(option)
    outcome = w.press("words")
    assert "what they did" not in outcome.replies[0].text
    assert "they may have felt" in outcome.replies[0].text
    outcome = w.press("w.dismissed")
    assert outcome.replies[0].text.endswith("for them?")


def test_the_feelings_paging_buttons_read_as_more_pages_not_feelings():
    w = Walk()
    for option in (TO_ME, "partner", "skip", "p.phone", "skip", "5"):
        w.press(option)
    group_labels = {C.text(f"feeling_group_labels.{g}") for g in C.children("feeling_groups")}
    feelings = {C.text(f"feelings.{k}") for k in C.children("feelings")}
    for page in range(len(rf.FEELING_PAGES)):
        card = w.press(f"pg.{page}").replies[0]
        (nav,) = [b for row in card.buttons for b in row if b.option.startswith("pg.")]
        following = rf.FEELING_PAGES[(page + 1) % len(rf.FEELING_PAGES)]
        assert nav.label.startswith("More: ") and nav.label.endswith("▸")
        for group in following:  # it says where it leads
            assert C.text(f"feeling_group_labels.{group}").lower() in nav.label
        assert nav.label.removesuffix(" ▸") not in group_labels | feelings


# ------------------------------------------------------------------ with a linked partner

BEN = Partner(8, "Ben", True, None)


def linked() -> Context:
    return replace(ctx(), partner=BEN)


def to_the_draft(who: str, name: str, context: Context | None = None) -> Walk:
    w = Walk(context or linked())
    w.press(TO_ME)
    w.press(who)
    w.type(name)
    for option in ("p.phone", "skip", "3", "t.lonely", "done", "t.attention", "done", "now"):
        w.press(option)
    assert w.step == rf.DRAFT
    return w


@pytest.mark.parametrize("who", ["friend", "family", "colleague", "other"])
def test_a_draft_for_someone_else_is_never_offered_to_the_partner(who: str):
    w = to_the_draft(who, "Sam")
    (card,) = w.outcome.replies
    assert card.copyable is not None and card.copyable.startswith("Hey Sam")
    assert "send" not in options(card)
    w.press("send")  # a forged press sends nothing either
    assert w.step == rf.DRAFT and not any(isinstance(e, ShareText) for e in w.outcome.effects)
    w.press("own")
    outcome = w.type("Sam, can we talk?")  # their own words: kept, nothing offered
    assert outcome.state is None and saved(outcome).draft == "Sam, can we talk?"


def test_a_draft_for_the_partner_offers_sending_to_them():
    w = to_the_draft("partner", "Ben")
    assert options(w.outcome.replies[0])[0] == "send"
    w.press("send")
    assert w.step == rf.SENDTO


def test_the_name_question_offers_the_linked_partners_name_in_one_tap():
    w = Walk(linked())
    w.press(TO_ME)
    (ask,) = w.press("partner").replies
    assert w.step == rf.NAME and "What's their name?" in ask.text
    assert [(b.label, b.option) for row in ask.buttons for b in row] == [
        ("Ben", "partner"),
        ("Skip", "skip"),
    ]
    w.press("partner")
    assert (w.step, w.moment.who_name) == (rf.PAT, "Ben")
    (again,) = w(Back()).replies  # back at the name question: still one tap
    assert options(again) == ["partner", "skip"]


@pytest.mark.parametrize(("context", "who"), [(ctx(), "partner"), (linked(), "friend")])
def test_the_name_question_offers_no_name_it_does_not_know(context: Context, who: str):
    w = Walk(context)
    w.press(TO_ME)
    (ask,) = w.press(who).replies
    assert options(ask) == ["skip"]
    w.press("partner")  # not a button here: asked again, nothing kept
    assert (w.step, w.moment.who_name) == (rf.NAME, None)


def test_the_partner_is_looked_up_where_the_name_question_is_asked_or_returned_to():
    w = Walk(linked())
    assert not rf.REPAIR.needs_partner(w.state)  # the direction
    w.press(TO_ME)
    assert rf.REPAIR.needs_partner(w.state)  # "who": its answer leads to the name question
    w.press("partner")
    assert rf.REPAIR.needs_partner(w.state)
    w.press("partner")
    assert rf.REPAIR.needs_partner(w.state)  # the patterns: /back returns to the name
    friend = Walk(linked())
    for option in (TO_ME, "friend", "skip"):
        friend.press(option)
    assert friend.step == rf.PAT and not rf.REPAIR.needs_partner(friend.state)


def test_their_own_words_for_the_partner_are_offered_to_send_exactly():
    w = to_the_draft("partner", "Ben")
    w.press("own")
    (ready,) = w.type("Ben, I missed you at dinner. Phones away tonight?").replies
    words = "Ben, I missed you at dinner. Phones away tonight?"
    assert w.step == rf.OWN and w.outcome.effects == ()  # nothing sent, nothing closed yet
    assert ready.copyable == words and options(ready) == ["send", "use"]
    assert ready.buttons[0][0].label == "Send this to Ben"
    (confirm,) = w.press("send").replies
    assert w.step == rf.SENDTO and confirm.copyable == words
    assert "This is exactly what Ben will see" in confirm.text
    outcome = w.press("private")
    assert outcome.state is None
    assert [e for e in outcome.effects if isinstance(e, ShareText)] == [
        ShareText("repair", words, "private", "m1", to=BEN.user_id)
    ]
    assert (saved(outcome).draft, saved(outcome).draft_style) == (words, "own")
    assert saved(outcome).status == DRAFTED


def test_dont_send_returns_to_their_own_words_which_can_still_be_kept():
    w = to_the_draft("partner", "Ben")
    w.press("own")
    w.type("I missed you.")
    w.press("send")
    (back,) = w.press("cancel").replies
    assert w.step == rf.OWN and back.copyable == "I missed you." and back.edit
    (again,) = w.type("I missed you tonight.").replies  # a new version replaces the last
    assert again.copyable == "I missed you tonight." and w.step == rf.OWN
    outcome = w.press("use")
    assert outcome.state is None and not any(isinstance(e, ShareText) for e in outcome.effects)
    assert saved(outcome).draft == "I missed you tonight."
    assert saved(outcome).draft_style == "own"


def test_words_typed_at_the_draft_and_kept_are_offered_to_the_partner_too():
    w = to_the_draft("partner", "Ben")
    w.type("I missed you tonight")
    (ready,) = w.press("keeptyped").replies
    assert w.step == rf.OWN and ready.edit and ready.copyable == "I missed you tonight"
    assert options(ready) == ["send", "use"]
    (draft,) = w(Back()).replies  # back at the draft card: their words, not called a draft
    assert draft.copyable == "I missed you tonight"
    assert draft.text == C.text("moment.own_ready")


def test_their_own_words_waiting_to_be_sent_when_the_link_ends_are_kept():
    w = to_the_draft("partner", "Ben")
    w.press("own")
    w.type("I missed you.")
    w.press("send")
    w.ctx = ctx()  # the link ended meanwhile
    (reply,) = w.press("private").replies
    assert w.step == rf.OWN and w.outcome.effects == ()
    assert "Nothing was sent: your partner link has ended" in reply.text
    assert reply.copyable == "I missed you." and options(reply) == ["use"]
    outcome = w.press("use")
    assert outcome.state is None and saved(outcome).draft == "I missed you."


@pytest.mark.parametrize(
    "answers",
    [
        [TO_ME],  # only the direction
        [TO_ME, "partner"],  # and who
        [BY_ME, "friend", TextInput("Jo")],  # and a name
        [TO_ME, "partner", "skip", "else"],  # "Something else", then nothing told
    ],
)
def test_a_direction_and_who_alone_are_not_a_moment_worth_keeping(answers: list[object]):
    w = Walk()
    for answer in answers:
        w(answer if isinstance(answer, TextInput) else ButtonInput(str(answer)))
    begun = rf.moment_of(w.state).created_at
    outcome = rf.REPAIR.cancel(w.state, w.ctx)
    assert outcome.state is None and outcome.effects == (DeleteMoment("m1", begun),)
    assert outcome.replies[0].text == C.text("moment.cancelled_empty")
    assert rf.REPAIR.abandon(w.state) == (DeleteMoment("m1", begun),)


@pytest.mark.parametrize(
    "answers",
    [
        [TO_ME, "partner", "skip", "p.phone"],  # a pattern
        [TO_ME, "partner", "skip", TextInput("He laughed at my accent")],  # their own words
    ],
)
def test_a_moment_with_something_told_is_kept_with_its_nudge(answers: list[object]):
    w = Walk()
    for answer in answers:
        w(answer if isinstance(answer, TextInput) else ButtonInput(str(answer)))
    outcome = rf.REPAIR.cancel(w.state, w.ctx)
    assert saved(outcome).status == UNFINISHED
    assert any(isinstance(e, schedule.ScheduleNudge) for e in outcome.effects)


def to_feelings() -> Walk:
    w = Walk()
    for option in (TO_ME, "partner", "skip", "p.phone", "skip", "4"):
        w.press(option)
    assert w.step == rf.FEEL
    return w


@pytest.mark.parametrize("on_the_reframe", [False, True])
def test_interpretation_words_typed_never_reach_the_draft_as_feelings(on_the_reframe: bool):
    w = to_feelings()
    if on_the_reframe:  # the "'Ignored' describes what they did..." card, then typing there
        w.press("words")
        w.press("w.ignored")
        assert w.step == rf.REFRAME
    outcome = w.type("ignored and stupid")
    assert w.step == rf.REFRAME and w.state.data["word"] == "ignored"
    assert w.moment.feelings_text == "stupid"  # their own word is kept, the reading is not
    assert any('"stupid"' in r.text for r in outcome.replies)
    assert not any('"ignored and stupid"' in r.text for r in outcome.replies)
    w.press("t.lonely")
    w.press("done")
    w.press("t.attention")
    w.press("done")
    w.press("now")
    assert w.moment.draft is not None and "ignored" not in w.moment.draft


def test_interpretation_words_alone_are_not_kept_as_their_words():
    w = to_feelings()
    w.type("I felt so ignored")
    assert w.step == rf.REFRAME and w.moment.feelings_text is None


def test_several_interpretation_words_are_each_looked_at_in_turn():
    w = to_feelings()
    first = w.type("ignored, disrespected")
    assert w.step == rf.REFRAME and w.state.data["word"] == "ignored"
    assert w.moment.feelings_text is None
    assert first.replies[-1].text.startswith('"Ignored"')
    w.press("t.lonely")
    second = w.press("done")  # on to the next word, not yet to the needs
    assert w.step == rf.REFRAME and w.state.data["word"] == "disrespected"
    (card,) = second.replies
    assert card.edit and card.text.startswith('"Disrespected"') and "t.angry" in options(card)
    assert "lonely" in card.text  # what they chose so far stays in sight
    w.press("t.angry")
    w.press("done")
    assert w.step == rf.NEED and w.moment.feelings == ("lonely", "angry")
    assert w.state.back() is not None and w.state.back().step == rf.FEEL  # type: ignore[union-attr]


def test_the_last_word_in_turn_says_done_and_earlier_ones_say_next():
    w = to_feelings()
    first = w.type("ignored, disrespected")
    labels = [b.label for row in first.replies[-1].buttons for b in row]
    assert C.text("moment.done") not in labels and C.text("moment.reframe_next") in labels
    (second,) = w.press("done").replies
    labels = [b.label for row in second.buttons for b in row]
    assert C.text("moment.done") in labels


def test_words_at_the_intensity_step_warmly_reask_it_without_a_correction():
    # After the safety check the held message reaches this step: no "Please tap" for it.
    w = to_intensity()
    (reply,) = w.type("sometimes I don't want to be here anymore").replies
    assert w.step == rf.INT and not reply.text.startswith("Please")
    assert "1 (barely) to 5 (a lot)" in reply.text
    assert options(reply) == ["1", "2", "3", "4", "5"]


# The intensity and the direction read typed answers too, and say so when asking again.
@pytest.mark.parametrize("step", sorted(rf.BUTTONS_ONLY - {rf.INT, rf.DIR}))
def test_typing_where_only_a_button_answers_never_invites_typing(step: str):
    w = to_the_draft("partner", "Ben")
    w.press("send")
    moment = w.moment
    state = FlowState(rf.FLOW, step, {**w.state.data, "m": moment.to_data()})
    (reply,) = rf.REPAIR.handle(state, TextInput("hello?"), w.ctx).replies
    assert "type your answer" not in reply.text and "tap one of the buttons" in reply.text
    assert reply.buttons == rf.REPAIR.prompt(state, w.ctx).buttons


def test_text_at_the_send_card_shows_the_words_to_be_sent_again():
    w = to_the_draft("partner", "Ben")
    w.press("send")
    (reply,) = w.type("wait").replies
    assert w.step == rf.SENDTO and reply.copyable == w.moment.draft  # not an empty card


def test_a_partner_moment_named_for_someone_else_is_not_offered_to_the_linked_partner():
    # "My partner", then "Sam": not Ben, the partner linked here. Sending "Hey Sam, ..." to Ben
    # would be wrong; their choice of name stands, so the draft is theirs to copy.
    w = to_the_draft("partner", "Sam")
    (card,) = w.outcome.replies
    assert card.copyable is not None and card.copyable.startswith("Hey Sam")
    assert "send" not in options(card)
    w.press("send")  # a forged press sends nothing either
    assert w.step == rf.DRAFT
    w.press("own")
    outcome = w.type("Sam, can we talk?")
    assert outcome.state is None and not any(isinstance(e, ShareText) for e in outcome.effects)


@pytest.mark.parametrize("name", ["Ben", "ben", " BEN ", "Ben Smith"])
def test_a_partner_moment_with_the_partners_own_name_is_offered_to_them(name: str):
    card = to_the_draft("partner", name).outcome.replies[0]
    assert options(card)[0] == "send"


def test_a_partner_moment_with_no_name_is_offered_to_the_linked_partner():
    w = Walk(linked())
    for option in (TO_ME, "partner", "skip", "p.phone", "skip", "3", "t.lonely", "done"):
        w.press(option)
    for option in ("t.attention", "done", "now"):
        w.press(option)
    assert options(w.outcome.replies[0])[0] == "send"


def at_when(zone: str | None = None) -> Walk:
    w = to_needs(Walk(ctx(zone=zone)))
    w.press("later")
    assert w.step == rf.WHEN
    return w


def zone_set(outcome: Outcome) -> list[str]:
    return [e.zone for e in outcome.effects if isinstance(e, SetTimezone)]


def test_without_a_time_zone_only_times_that_need_none_are_offered_outright():
    w = to_needs(Walk(ctx(zone=None)))
    outcome = w.press("later")
    # "This evening" depends on their evening: not offered until the zone is known.
    assert options(outcome.replies[-1]) == ["tomorrow", "hours", "type"]


def test_a_clock_time_typed_without_a_time_zone_asks_where_they_are_first():
    w = at_when()
    w.press("type")
    outcome = w.type("20:00")
    assert w.step == rf.WHEN_ZONE and outcome.effects == ()
    assert "time zone" in outcome.replies[-1].text
    outcome = w.type("New York")
    assert outcome.state is None and zone_set(outcome) == ["America/New_York"]
    plan = saved(outcome)
    assert plan.plan_due_at == datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 20:00 in New York
    text = " ".join(r.text for r in outcome.replies)
    assert "a plan to talk today at 20:00" in text and "America/New_York" in text
    assert "UTC" not in text
    (follow_up,) = [e for e in outcome.effects if isinstance(e, schedule.ScheduleFollowUp)]
    assert follow_up.due == plan.plan_due_at + schedule.AFTER_TALK


def test_tomorrow_evening_without_a_time_zone_is_their_evening_once_it_is_known():
    w = at_when()
    w.press("tomorrow")
    assert w.step == rf.WHEN_ZONE
    outcome = w.type("Berlin")
    assert zone_set(outcome) == ["Europe/Berlin"]
    assert saved(outcome).plan_due_at == datetime(2026, 3, 2, 18, 0, tzinfo=UTC)  # 19:00
    assert "tomorrow evening" in outcome.replies[0].text


@pytest.mark.parametrize("typed", ["in 2 hours", "in 90 min"])
def test_a_time_from_now_needs_no_time_zone_and_is_told_from_now(typed: str):
    w = at_when()
    w.press("type")
    outcome = w.type(typed)
    assert outcome.state is None and zone_set(outcome) == []
    assert "a plan to talk in about 2 hours" in outcome.replies[0].text
    assert "UTC" not in " ".join(r.text for r in outcome.replies)


def test_in_a_few_hours_without_a_time_zone_is_told_from_now_not_as_a_utc_clock():
    w = at_when()
    outcome = w.press("hours")
    assert saved(outcome).plan_due_at == NOW + timedelta(hours=3)
    assert "a plan to talk in about 3 hours" in outcome.replies[0].text
    assert "18:30" not in outcome.replies[0].text and "19:30" not in outcome.replies[0].text


def test_the_zone_question_takes_a_place_not_a_clock_time():
    w = at_when()
    w.press("type")
    w.type("tomorrow at 9")
    again = w.type("20:00")  # the time again, not where they are: asked, not guessed from
    assert w.step == rf.WHEN_ZONE and again.effects == ()
    unknown = w.type("Atlantis")
    assert w.step == rf.WHEN_ZONE and '"Atlantis"' in unknown.replies[0].text
    outcome = w.type("London")
    assert saved(outcome).plan_due_at == datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_a_time_already_passed_where_they_are_keeps_the_zone_and_asks_again():
    w = at_when()
    w.press("type")
    w.type("today at 13:00")  # 16:30 UTC: still ahead in UTC, already past in Berlin
    outcome = w.type("Berlin")
    assert zone_set(outcome) == ["Europe/Berlin"] and w.step == rf.WHEN_AT
    assert "already passed" in outcome.replies[-1].text
    w.ctx = ctx()  # the zone now known
    outcome = w.type("20:00")
    assert saved(outcome).plan_due_at == datetime(2026, 3, 1, 19, 0, tzinfo=UTC)


def test_back_from_a_time_asked_again_after_the_zone_goes_one_step_back():
    w = at_when()
    w.press("type")
    w.type("today at 13:00")
    w.type("Berlin")  # already passed there: the time is asked again
    assert w.step == rf.WHEN_AT
    w(Back())
    assert w.step == rf.WHEN  # one /back, one step: not the same question again


# ------------------------------------------------------------------ an offer left unanswered


RANT = "u listening to me rant about work"


def test_text_long_after_an_unanswered_offer_is_handed_back_not_added_to_it():
    """The walkthrough: Sunday's offer ignored, and a week later the weekly round's answer
    got "Got it, I've kept that too". Once the offer is stale the flow gives way, and the
    words are read as fresh text; within the while they are still the telling."""
    offer = rf.REPAIR.offer(ctx(), "m9", RANT)
    assert offer.state is not None
    stale = ctx(now=NOW + rf.OFFER_KEPT_FOR + timedelta(minutes=1))
    for event in (TextInput("You fixed the bike without being asked"), Unsupported("sticker")):
        gone = rf.REPAIR.handle(offer.state, event, stale)
        assert gone.handback and gone.state is None, event
        assert gone.replies == () and gone.effects == ()
    # Small talk is not answered as if the offer were still open either.
    assert rf.REPAIR.handle(offer.state, TextInput("hi"), stale).handback
    # A long message goes back whole, not refused as too long for one answer.
    assert rf.REPAIR.handle(offer.state, TextInput("word " * 400), stale).handback


def test_an_offer_stays_open_while_they_are_still_telling_it():
    offer = rf.REPAIR.offer(ctx(), "m9", RANT)
    assert offer.state is not None
    soon = ctx(now=NOW + rf.OFFER_KEPT_FOR - timedelta(minutes=1))
    more = rf.REPAIR.handle(offer.state, TextInput("my boss again"), soon)
    assert more.state is not None and not more.handback
    assert rf.moment_of(more.state).description == f"{RANT}\nmy boss again"
    # Telling more asks again: the while starts over from then.
    later = ctx(now=soon.now + rf.OFFER_KEPT_FOR - timedelta(minutes=1))
    again = rf.REPAIR.handle(more.state, TextInput("and he shouted"), later)
    assert again.state is not None and not again.handback
    assert rf.moment_of(again.state).description == f"{RANT}\nmy boss again\nand he shouted"


@pytest.mark.parametrize("answer", [ButtonInput("yes"), TextInput("yes please")])
def test_a_stale_offer_can_still_be_taken_up_with_its_yes(answer: Event):
    offer = rf.REPAIR.offer(ctx(), "m9", RANT)
    assert offer.state is not None
    days_later = ctx(now=NOW + timedelta(days=4))
    yes = rf.REPAIR.handle(offer.state, answer, days_later)
    assert yes.state is not None and yes.state.step == rf.DIR
    assert saved(yes).description == RANT and saved(yes).created_at == days_later.now


# ------------------------------------------------------------------ the intensity, typed


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("5!!", 5),
        ("5.", 5),
        ("4/5", 4),
        ("4 / 5", 4),
        ("5/5", 5),
        ("a 4", 4),
        ("4 out of 5", 4),
        ("4 of 5", 4),
        ("3-4", 4),  # torn between two: the higher, so it is not played down
        ("2 or 3", 3),
        ("3.5", 4),
        ("5 😭", 5),
        ("😭 5", 5),
        ("Four", 4),
        ("a solid four", 4),
        ("I'd say a 4", 4),
        ("about 2", 2),
    ],
)
def test_the_intensity_typed_naturally_is_read(typed: str, value: int):
    w = to_intensity()
    w.type(typed)
    assert (w.step, w.moment.intensity) == (rf.FEEL, value)


@pytest.mark.parametrize(
    "typed",
    ["10/10", "4 but he does this every week", "more than before", "1 2 3 4 5"],
)
def test_more_than_a_number_at_the_intensity_is_asked_again_gently(typed: str):
    w = to_intensity()
    (reply,) = w.type(typed).replies
    assert w.step == rf.INT and w.moment.intensity is None
    assert reply.text == C.text("moment.ask_intensity_again")


@pytest.mark.parametrize("typed", ["0", "6", "10", "13!", "100"])
def test_a_number_off_the_scale_is_asked_again_saying_so(typed: str):
    w = to_intensity()
    (reply,) = w.type(typed).replies
    assert w.step == rf.INT and w.moment.intensity is None
    assert reply.text == C.text("moment.intensity_off_scale")
    assert [b.label for row in reply.buttons for b in row] == ["1", "2", "3", "4", "5"]


# ------------------------------------------------------------------ a button's words, typed


@pytest.mark.parametrize(
    ("typed", "step", "path"),
    [
        ("later", rf.WHEN, "later"),
        ("Later.", rf.WHEN, "later"),
        ("talk about it later", rf.WHEN, "later"),
        ("let it go", rf.LETGO, LET_GO),
        ("Let it go!", rf.LETGO, LET_GO),
        ("say it now", rf.DRAFT, "now"),
        ("now", rf.DRAFT, "now"),
        ("say something now", rf.DRAFT, "now"),
    ],
)
def test_a_typed_answer_that_names_one_path_is_that_button(typed: str, step: str, path: str):
    w = to_needs(Walk())
    outcome = w.type(typed)
    assert (w.step, w.moment.path) == (step, path)
    assert outcome.replies and not any(r.edit for r in outcome.replies)  # a message: no card


@pytest.mark.parametrize(
    ("typed", "direction"),
    [("something happened to me", TO_ME), ("I hurt someone", BY_ME), ("i hurt him", BY_ME)],
)
def test_a_typed_direction_that_names_one_button_is_that_button(typed: str, direction: str):
    w = Walk()
    w.type(typed)
    assert (w.step, w.moment.direction) == (rf.WHO_STEP, direction)


def test_a_typed_answer_at_the_let_go_check_that_names_one_button_is_that_button():
    w = to_needs(Walk())
    w.press(LET_GO)
    w.type("it might still sting")
    assert w.step == rf.PATH and w.moment.path is None
    w.press(LET_GO)
    outcome = w.type("truly let go")
    assert outcome.state is None and saved(outcome).status == LET_GO


@pytest.mark.parametrize("typed", ["nope", "nah", "not really", "probably not"])
def test_a_plain_no_to_would_it_still_sting_is_truly_let_go(typed: str):
    w = to_needs(Walk())
    w.press(LET_GO)
    outcome = w.type(typed)
    assert outcome.state is None and saved(outcome).status == LET_GO


@pytest.mark.parametrize("typed", ["it", "to", "hmm", "he never listens to me", "maybe"])
def test_typed_words_that_name_no_single_button_get_the_question_without_its_thanks(typed: str):
    w = to_needs(Walk())
    (reply,) = w.type(typed).replies
    assert w.step == rf.PATH and w.moment.path is None
    assert not any(thanks in reply.text for thanks in C.raw("moment.path_thanks"))
    assert reply.text == C.text("moment.tap_button", prompt=C.text("moment.ask_path"))
    assert reply.buttons == rf.REPAIR.prompt(w.state, w.ctx).buttons and options(reply)


def test_the_path_question_thanks_them_once_when_it_first_comes():
    w = to_needs(Walk())
    thanks = openers.needs_thanks(w.moment.id, C)  # one of the catalogue's, by the moment
    assert thanks in C.raw("moment.path_thanks")
    assert w.outcome.replies[-1].text == f"{thanks}\n\n{C.text('moment.ask_path')}"
    # Asked again (after a sticker, or back from the draft), it is the question alone.
    (sticker,) = w(Unsupported("sticker")).replies
    assert not any(t in sticker.text for t in C.raw("moment.path_thanks"))
    w.press("now")
    (back,) = w(Back()).replies
    assert back.text == C.text("moment.ask_path")


def test_nothing_is_sent_to_the_partner_on_a_typed_word():
    w = to_the_draft("partner", "Ben")
    w.press("send")
    outcome = w.type("send privately")
    assert w.step == rf.SENDTO and not any(isinstance(e, ShareText) for e in outcome.effects)


# ------------------------------------------------------------------ a long answer


def to_camera() -> Walk:
    w = Walk()
    for option in (TO_ME, "partner", "skip", "p.phone"):
        w.press(option)
    assert w.step == rf.CAM
    return w


def test_a_very_long_camera_answer_keeps_its_first_part_and_says_so():
    w = to_camera()
    told = "He looked at his phone while I talked " * 110  # about 4,000 characters
    outcome = w.type(told)
    assert w.step == rf.INT
    kept = w.moment.observation
    assert kept is not None and 0 < len(kept) <= TEXT_LIMIT
    whole, part = " ".join(told.split()), kept.removesuffix("…")
    assert whole.startswith(part) and whole[len(part)] == " "  # cut between words
    note, question = outcome.replies
    assert note.text == C.text("moment.shortened", limit=TEXT_LIMIT)
    assert question.text == C.text("moment.ask_intensity")


@pytest.mark.parametrize("step", [rf.DESC, rf.FEEL, rf.NEED])
def test_other_long_answers_about_the_moment_keep_their_first_part_too(step: str):
    w = to_camera()
    state = FlowState(rf.FLOW, step, {**w.state.data})
    outcome = rf.REPAIR.handle(state, TextInput("I felt so alone " * 300), w.ctx)
    assert outcome.replies[0].text == C.text("moment.shortened", limit=TEXT_LIMIT)
    assert outcome.state is not None and outcome.state != state


def test_a_long_message_of_their_own_words_to_send_is_not_cut_short():
    w = to_the_draft("partner", "Ben")
    outcome = w.type("I'm sorry " * 200)
    assert w.step == rf.DRAFT and "typed" not in w.state.data
    assert outcome.replies[0].text == C.text("moment.too_long", limit=TEXT_LIMIT)


# ---------------------------------------------------------------- names and who, as typed
# A user walkthrough: "idk", "no", "he" were taken as names ("Hey idk,"), "his name is Tom"
# greeted "Hey his name is Tom,", and "my ex" or "my boyfreind jake" became the name.


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("idk", None),
        ("no", None),
        ("skip", None),
        ("Skip.", None),
        ("he", None),
        ("she", None),
        ("rather not say", None),
        ("I'd rather not say", None),
        ("none of your business", None),
        ("dunno", None),
        ("no idea lol", None),
        ("doesn't matter", None),
        ("n/a", None),
        ("my ex", None),
        ("my boyfriend", None),
        ("his name is Tom", "Tom"),
        ("her name's Priya", "Priya"),
        ("it's Tom", "Tom"),
        ("its tom", "Tom"),
        ("he's called Tom", "Tom"),
        ("called Tom", "Tom"),
        ("my boyfriend Jake", "Jake"),
        ("my boyfreind jake", "Jake"),  # asked for a name: the word after who it is
        ("Tom!", "Tom"),
        ("  Jo  ", "Jo"),
        ("mary ann", "Mary Ann"),
        ("Mum", "Mum"),  # what they call her is a name to greet her by
        ("he is the worst honestly", None),  # a sentence, not a name
    ],
)
def test_the_name_question_reads_a_name_and_takes_refusals_as_no_name(typed: str, name: str | None):
    w = Walk()
    w.press(TO_ME)
    w.press("friend")
    w.type(typed)
    assert (w.step, w.moment.who_name) == (rf.PAT, name)


@pytest.mark.parametrize(
    ("typed", "who", "name", "step"),
    [
        ("idk", "other", None, rf.NAME),
        ("rather not say", "other", None, rf.PAT),  # not saying who: the name not asked
        ("he", "other", None, rf.NAME),
        ("his name is Tom", "other", "Tom", rf.PAT),
        ("my ex", "other", None, rf.NAME),
        ("my ex Jake", "other", "Jake", rf.PAT),
        ("my ex-husband", "other", None, rf.NAME),
        ("my ex husband Rob", "other", "Rob", rf.PAT),
        ("my former partner", "other", None, rf.NAME),
        ("my boyfreind jake", "partner", None, rf.NAME),
        ("my girlfreind Amy", "partner", "Amy", rf.PAT),
        ("my husbnd", "partner", None, rf.NAME),
        ("my bestfriend", "friend", None, rf.NAME),
        ("my collegue Dan", "colleague", "Dan", rf.PAT),
        ("my roomate", "friend", None, rf.NAME),
        ("my mohter", "family", None, rf.NAME),
        ("the other guy at work", "other", None, rf.NAME),  # "other" is not "mother"
        ("my brother didn't bother", "family", None, rf.NAME),
    ],
)
def test_who_typed_reads_misspellings_exes_and_no_name(
    typed: str, who: str, name: str | None, step: str
):
    w = Walk()
    w.press(TO_ME)
    w.type(typed)
    assert (w.moment.who, w.moment.who_name, w.step) == (who, name, step)


@pytest.mark.parametrize(
    ("typed", "who"),
    [
        # The head of a possessive belongs to someone else: a partner's or a sibling's family
        # is family (in-laws); anyone's else's partner is someone else, never the partner.
        ("my sister's husband", "family"),
        ("my sisters husband", "family"),
        ("my sister’s husband", "family"),
        ("my boyfriend's mum", "family"),
        ("my boyfriends mom", "family"),
        ("my husband's brother", "family"),
        ("my wife's parents", "family"),
        ("my partner's dad", "family"),
        ("my mum's boyfriend", "family"),
        ("my brother's girlfriend", "family"),
        ("my friend's husband", "other"),
        ("my best friend's boyfriend", "other"),
        ("my boss's wife", "other"),
        ("my husband's friend", "other"),
        ("my girlfriend's ex", "other"),
        ("my ex's new girlfriend", "other"),
        ("my ex-husband", "other"),
        ("my ex-wife", "other"),
        ("my ex boyfriend", "other"),
        ("my ex", "other"),
        ("her husband", "other"),
        ("his wife", "other"),
        ("Jake's girlfriend", "other"),
        # Still the partner:
        ("my husband", "partner"),
        ("my boyfriend Jake", "partner"),
        ("Jake, my boyfriend", "partner"),
        ("my wife", "partner"),
        ("my partner's", "partner"),
        ("my fiancé", "partner"),
        ("husband", "partner"),
        ("my sisters", "family"),
    ],
)
def test_a_possessive_is_someone_elses_never_the_partner(typed: str, who: str):
    from bot.domain.who import read_who

    assert read_who(typed, C)[0] == who


def test_my_sisters_husband_is_never_offered_to_the_linked_partner():
    w = Walk(linked())
    w.press(TO_ME)
    w.type("my sister's husband")
    for option in ("skip", "p.phone", "skip", "3", "t.lonely", "done", "t.attention"):
        w.press(option)
    w.press("done")
    (card,) = w.press("now").replies
    assert w.moment.who == "family" and "send" not in options(card)


# ---------------------------------------------------------------- typed feelings on cards
def test_chosen_so_far_does_not_repeat_a_typed_feeling_already_chosen():
    w = Walk()
    for option in (TO_ME, "partner", "skip", "p.phone", "skip", "3"):
        w.press(option)
    w.press("t.angry")
    outcome = w.type("angry, betrayed")
    text = outcome.replies[-1].text
    chosen = text[text.index("Chosen so far:") :]
    assert chosen.count("angry") == 1 and "betrayed" in chosen, chosen
    assert '"angry' not in chosen, chosen


def test_the_recorded_line_cuts_typed_words_at_a_word_not_mid_word():
    typed = "humiliated and probably like i don't care about anything he says to me anymore"
    needed = "for him to stop and actually listen to what i am telling him for once"
    m = Moment(
        "m",
        NOW,
        direction=TO_ME,
        pattern="other",
        feelings_text=typed,
        needs_text=needed,
        status=DRAFTED,
    )
    line = rf.REPAIR.summary_line(m, C)
    for part in line.split(" · ")[1:3]:
        assert part.endswith("…"), line
        words = part.removesuffix("…").split()
        assert all(w in typed.split() or w in needed.split() for w in words), line


def test_typed_words_left_out_of_the_draft_are_shown_beside_it():
    w = Walk()
    for option in (TO_ME, "partner", "skip", "p.phone", "skip", "3"):
        w.press(option)
    long = "why does he always do this when i try to talk to him about anything at all?"
    w.type(long)
    w.press("done")
    w.type("I don't know, maybe for him to see me? or not be on his phone all night")
    w.press("done")
    (card,) = w.press("now").replies
    assert w.step == rf.DRAFT and card.copyable is not None
    assert "why does he" not in card.copyable and "??" not in card.copyable
    assert long in card.text and "for him to see me" in card.text


# ---------------------------------------------------------------- apology direction copy
def test_letting_it_go_after_hurting_someone_asks_about_them():
    w = to_needs(Walk(), BY_ME)
    (card,) = w.press("let_go").replies
    assert w.step == rf.LETGO
    assert "still sting" not in card.text and "they" in card.text
    labels = [b.label for row in card.buttons for b in row]
    assert not any("sting" in label for label in labels), labels
    mine = to_needs(Walk())
    (own,) = mine.press("let_go").replies
    assert "would it still sting?" in own.text  # their own hurt: unchanged


def test_the_tip_after_i_was_dismissive_owns_it_without_an_excuse():
    tip = C.text("patterns.tone.repair_by_me")
    assert "going on for you" not in tip and "why" not in tip.lower()
    w = Walk()
    w.press(BY_ME)
    w.press("partner")
    w.press("skip")
    (card,) = w.press("p.tone").replies
    assert tip in card.text


def at_the_name() -> Walk:
    w = Walk()
    w.press(TO_ME)
    w.press("friend")
    assert w.step == rf.NAME
    return w


@pytest.mark.parametrize("said", ["bye", "hi", "thanks", "ok", "how does this work?"])
def test_small_talk_at_the_name_is_not_kept_as_the_name(said: str):
    w = at_the_name()
    replies = w.type(said).replies
    assert w.step == rf.NAME and w.moment.who_name is None
    assert replies[-1].text.endswith(C.text("moment.ask_who_name"))
    assert options(replies[-1]) == ["skip"]
    if said.startswith("how"):
        assert replies[-1].text.startswith(C.text("moment.small_talk_again.how"))


@pytest.mark.parametrize("said", ["stop", "cancel"])
def test_stop_typed_at_a_question_stops_as_cancel_does(said: str):
    w = at_the_name()
    outcome = w.type(said)
    assert outcome.state is None and w.moment.who_name is None
    assert outcome.replies == rf.REPAIR.cancel(w.state, w.ctx).replies


def test_skip_typed_at_the_camera_is_the_skip_button():
    w = Walk()
    for option in (TO_ME, "partner", "skip", "p.phone"):
        w.press(option)
    assert w.step == rf.CAM
    w.type("skip")
    assert (w.step, w.moment.observation) == (rf.INT, None)


def test_small_talk_at_the_camera_or_the_pattern_is_asked_again():
    w = Walk()
    for option in (TO_ME, "partner", "skip"):
        w.press(option)
    w.type("how does this work?")
    assert w.step == rf.PAT and w.moment.description is None
    w.press("p.phone")
    w.type("thanks")
    assert w.step == rf.CAM and w.moment.observation is None


@pytest.mark.parametrize("said", ["ok", "thanks", "hi"])
def test_small_talk_at_feelings_and_needs_is_not_a_feeling_or_a_need(said: str):
    w = to_feelings()
    w.type(said)
    assert w.step == rf.FEEL and w.moment.feelings_text is None
    w.press("t.hurt")
    w.press("done")
    w.type(said)
    assert w.step == rf.NEED and w.moment.needs_text is None


def test_done_typed_at_feelings_and_needs_is_done():
    w = to_feelings()
    w.type("lonely")
    w.type("done")
    assert w.step == rf.NEED and w.moment.feelings_text is None
    w.press("t.attention")
    w.type("that's all")
    assert w.step == rf.PATH and w.moment.needs_text is None


def test_typed_words_at_feelings_that_name_a_feeling_still_add_it_not_toggle_it():
    w = to_feelings()
    w.press("t.hurt")
    w.type("hurt")
    assert "hurt" in w.moment.feelings


@pytest.mark.parametrize("said", ["That works", "that works!", "looks good"])
def test_that_works_typed_at_the_draft_is_the_button(said: str):
    w = to_needs(Walk())
    w.press("now")
    outcome = w.type(said)
    assert outcome.state is None and saved(outcome).status == DRAFTED


def test_small_talk_at_the_draft_shows_the_draft_again_not_own_words():
    w = to_needs(Walk())
    w.press("now")
    (reply,) = w.type("thanks").replies
    assert w.step == rf.DRAFT and "typed" not in w.state.data
    assert reply.text.startswith(C.text("moment.small_talk_again.thanks"))
    assert "use" in options(reply) and reply.copyable == w.moment.draft


# At "Here it is, in your words": a yes, "ok" or "keep it" typed is the keep button, "send" the
# send button, "no" going back; never their message replaced by "yes" or "send".
@pytest.mark.parametrize("said", ["yes", "Yes!", "ok", "okay", "keep it", "keep", "that works"])
def test_a_yes_typed_at_their_own_words_keeps_them(said: str):
    w = to_the_draft("partner", "Ben")
    w.press("own")
    w.type("I missed you at dinner.")
    outcome = w.type(said)
    assert outcome.state is None, outcome.replies
    assert (saved(outcome).draft, saved(outcome).draft_style) == ("I missed you at dinner.", "own")


@pytest.mark.parametrize("said", ["send", "send it", "Send it to him"])
def test_send_typed_at_their_own_words_shows_what_would_be_sent(said: str):
    w = to_the_draft("partner", "Ben")
    w.press("own")
    w.type("I missed you at dinner.")
    (confirm,) = w.type(said).replies
    assert w.step == rf.SENDTO and confirm.copyable == "I missed you at dinner."
    assert w.outcome.effects == ()  # nothing sent without a tap on that card


@pytest.mark.parametrize("said", ["no", "nope"])
def test_no_typed_at_their_own_words_goes_back_without_replacing_them(said: str):
    w = to_the_draft("partner", "Ben")
    w.press("own")
    w.type("I missed you at dinner.")
    (back,) = w.type(said).replies
    assert w.step == rf.DRAFT and w.moment.draft == "I missed you at dinner."
    assert back.copyable == "I missed you at dinner."


def test_other_words_typed_at_their_own_words_are_a_new_version():
    w = to_the_draft("partner", "Ben")
    w.press("own")
    w.type("I missed you at dinner.")
    (again,) = w.type("I missed you tonight, can we talk?").replies
    assert w.step == rf.OWN and again.copyable == "I missed you tonight, can we talk?"


def test_typed_anger_reaches_no_draft_through_the_flow():
    w = Walk(linked())
    for option in (TO_ME, "partner", "skip", "else"):
        w.press(option)
    w.type("He forgot my birthday")
    w.press("skip")
    w.press("4")
    w.press("words")
    w.type("furious, I will hurt him")
    w.press("back")
    w.press("done")
    w.press("t.attention")
    w.press("done")
    (card,) = w.press("now").replies
    assert "I felt furious," in (card.copyable or "") and "hurt you" not in (card.copyable or "")
    assert "furious, I will hurt him" in card.text


def test_more_words_at_the_offer_beyond_what_it_holds_are_cut_whole_and_said_to_be():
    offer = rf.REPAIR.offer(ctx(), "m9", "word " * 800)
    assert offer.state is not None
    more = rf.REPAIR.handle(offer.state, TextInput("and then " * 200), ctx())
    assert more.state is not None
    told = more.state.data["m"]["description"]
    assert len(told) <= ENTRY_LIMIT and told.endswith("…") and not told.endswith(" …")
    assert "up to 4096 characters" in more.replies[0].text  # not "kept that too" in silence
