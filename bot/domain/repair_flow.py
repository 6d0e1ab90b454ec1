"""The repair flow: notice, name, repair, in both directions.

Steps (each saved as it is answered, each reachable again with /back):

    dir -> who -> whoname -> pat [-> desc] -> cam -> int -> feel [<-> words -> reframe]
        -> need -> path -> draft [-> own]        say something now
                        -> when [-> whenat] [-> whenzone]   later (the zone asked
                                                 first if a clock time needs it)
                        -> letgo                 let it go (checked)
                        -> (ends)                it doesn't feel safe to raise

The answers live in the state as a `Moment`, saved with every answer. The moments table gets
the moment (a `SaveMoment` effect) when it starts, ends, is cancelled or left for another flow,
and is picked up again; /history shows an open moment from its flow state. Writing it at every
step too would double the writes of every turn for nothing a person could see.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from bot.content import Catalogue
from bot.domain import (
    clock,
    crisis,
    history,
    openers,
    pattern_cues,
    safety,
    schedule,
    small_talk,
)
from bot.domain.couples import (
    CHECK_AGAIN,
    LINK_CHANGED,
    LINK_GONE,
    SEND_TO,
    SENDING,
    SHARE_OPTIONS,
    ShareText,
    card_check,
    confirm_card,
    share_buttons,
    why_gone,
)
from bot.domain.crisis import danger_reply
from bot.domain.drafts import STYLES, build_draft, clip, join, own_words_note, vocabulary
from bot.domain.flow import (
    Back,
    ButtonInput,
    Context,
    Event,
    FlowState,
    Outcome,
    Partner,
    TextInput,
    Unsupported,
    as_messages,
)
from bot.domain.moments import (
    BY_ME,
    DIRECTIONS,
    DRAFTED,
    ENTRY_LIMIT,
    LATER,
    LET_GO,
    NAME_LIMIT,
    NOW,
    OPEN,
    OTHER_PATTERN,
    PLANNED,
    SET_ASIDE,
    TEXT_LIMIT,
    TO_ME,
    UNFINISHED,
    UNSAFE,
    WHO,
    DeleteMoment,
    Moment,
    RestoreMoment,
    SaveMoment,
    has_content,
)
from bot.domain.naming import (
    beyond_chosen,
    feeling_keys,
    find_needs,
    find_words,
    own_side_words,
    without_end_fillers,
    without_feelings,
    without_interpretations,
)
from bot.domain.profile import SetTimezone
from bot.domain.prompts import counted, duration_words
from bot.domain.replies import Button, Keyboard, Reply, Toast, rows
from bot.domain.timezones import guess_zone, local_now, parse_clock
from bot.domain.who import (
    OTHER,
    declines_to_say,
    named_relation,
    read_name,
    read_who,
    tells_what_happened,
)

FLOW = "moment"
DIR, WHO_STEP, NAME, PAT, DESC, CAM, INT = "dir", "who", "whoname", "pat", "desc", "cam", "int"
FEEL, WORDS, REFRAME, NEED, PATH = "feel", "words", "reframe", "need", "path"
# A view of the feelings, in "I think I hurt someone": is a feeling named for them that is
# often the speaker's own ("guilty") theirs? In its data, WHOSE: the words asked about now;
# ASKED: every word asked about so far in this moment (each is asked about once).
WHOSE, ASKED = "whose", "asked"
DRAFT, OWN, WHEN, WHEN_AT, LETGO = "draft", "own", "when", "whenat", "letgo"
WHEN_ZONE = "whenzone"
OFFER, SENDTO = "offer", "sendto"
# Where a bare number typed ("3") is no answer, and asked again, saying so.
NUMBER_IS_NO_ANSWER = (DESC, CAM, FEEL, WORDS, REFRAME, NEED)
STEPS = (
    OFFER,
    SENDTO,
    DIR,
    WHO_STEP,
    NAME,
    PAT,
    DESC,
    CAM,
    INT,
    FEEL,
    WORDS,
    REFRAME,
    WHOSE,
    NEED,
    PATH,
    DRAFT,
    OWN,
    WHEN,
    WHEN_AT,
    WHEN_ZONE,
    LETGO,
)

# Steps answered only by a button (the intensity also takes a typed 1 to 5, and more of what
# happened: more_of_the_story; the direction words that say which: typed_direction).
BUTTONS_ONLY = frozenset({DIR, INT, PATH, LETGO, SENDTO})
# Of those, where a short typed answer that names one button ("later", "let it go") is that
# button pressed. Never the send card: nothing goes to the partner without a tap on the card
# that shows exactly what would be sent.
NAMED_BY_TYPING = frozenset({DIR, PATH, LETGO})
# Cards that also read typed words: only these of their buttons are named by typing, by their
# label or a phrase (`moment.typed_buttons`); typed "hurt" at the feelings is a feeling, not
# its toggle pressed. Small talk there ("ok", "thanks", "bye") is never kept as the answer.
TYPED_ANSWERS: dict[str, frozenset[str]] = {
    WHO_STEP: frozenset(),
    NAME: frozenset({"skip"}),
    PAT: frozenset({"else"}),
    DESC: frozenset(),
    CAM: frozenset({"skip"}),
    FEEL: frozenset({"done"}),
    WORDS: frozenset({"back"}),
    REFRAME: frozenset({"back", "done"}),
    WHOSE: frozenset({"mine", "theirs"}),
    NEED: frozenset({"done"}),
    # Softer and Shorter typed are read at the draft step itself (`_asked_style`): there a
    # typed ask at that version already is told so in a message, where a press gets a toast.
    DRAFT: frozenset({"send", "own", "heated", "use"}),
    WHEN_AT: frozenset(),
}
# What each kind of small talk is answered with, before the question again.
ASKED_AGAIN = {
    small_talk.GREETING: "moment.small_talk_again.greeting",
    small_talk.THANKS: "moment.small_talk_again.thanks",
    small_talk.ACK: "moment.small_talk_again.ack",
    small_talk.GOODBYE: "moment.small_talk_again.goodbye",
    small_talk.HOW: "moment.small_talk_again.how",
    small_talk.PRIVACY: "moment.small_talk_again.privacy",  # small_talk.aside only
}
# Cards of buttons where small talk ("thanks", "hi", "bye") is answered as at the cards that read
# words (`_heard`), before the question again. Not the send card: it only waits for a tap.
TALKED_TO_AT_BUTTONS = BUTTONS_ONLY - {SENDTO}

# An offer to look is still the telling for a while: more words are kept with it. Three hours
# covers a pause mid-telling (a call, a meal, putting the kids to bed); after that, words are
# much more likely something new (the next day's moment, an answer to a later card) than more
# of this, and are read as fresh text. Telling more starts the while again.
OFFER_KEPT_FOR = timedelta(hours=3)
# A declined offer keeps its words (in the flow state, never as a moment) for a short while:
# "actually, let's look" right after a no is about them; long after, it is something new.
DECLINED_KEPT_FOR = timedelta(minutes=30)
DECLINED = "declined"  # in the offer's data: its no was said
# At the pattern card, in the flow state: the patterns a few typed words named ("forgot"),
# offered first (pattern_cues.typed_at_the_card).
TYPED_CUED = "typed_cued"
# At the 1 to 5 question, in the flow state (so it outlives a restart): more of what happened,
# waiting for "Add it" or "No, leave it" (`moment.ask_add`). Never added without that yes.
TO_ADD = "to_add"
# With TO_ADD: the 1 to 5 question was answered while the card waited (the answer is kept, and
# the card asked once more): "Add it" or "No, leave it" then goes on to the feelings.
RATED = "rated"
# At "Who was it with?", in the flow state: the words that said the direction, if typed ("I
# think I hurt my gf"), for the relation they name to be suggested.
DIR_WORDS = "dir_words"
# At "Which is it?", in the flow state: how many times in a row typed words said neither way
# round, so that asked again it is not word for word the same (`_on_dir`).
DIR_ASKED = "dir_asked"
# At the offer, in the flow state: how many times more of what happened was told there, so that
# it is heard in turn in two ways ("part of it too"), never twice word for word in a row.
OFFER_ASKED = "offer_asked"
# Cards whose buttons' labels, typed whole, are not pressed by `_label_typed`: they read typed
# labels their own way ("Which is it?": `typed_direction`; the draft: `_asked_style`, which
# answers a typed ask for the version shown in words), or wait for a tap only (the send card).
LABELS_READ_BY_THE_STEP = frozenset({DIR, DRAFT, SENDTO})

# Answers about the moment itself (what happened, what a camera saw, feelings, needs): kept
# only for them, so one longer than the step's limit is kept in part (and they are told)
# rather than lost. A name, a time, and words that may be sent to someone are never cut short:
# those are asked again.
KEPT_IN_PART = frozenset({OFFER, PAT, DESC, CAM, FEEL, WORDS, REFRAME, WHOSE, NEED})

# Where a moment can be picked up again: the questions, not the views inside a step.
RESUMABLE_STEPS = (DIR, WHO_STEP, NAME, PAT, DESC, CAM, INT, FEEL, NEED, PATH)
PATTERNS_PER_PAGE = 5
# How much of the story they told first the pattern card quotes: two lines of a phone, enough
# for most stories to reach their point ("...the whole time I told him about my interview").
STORY_QUOTE = 90
FEELING_PAGES = (("hurt", "scared"), ("angry", "exposed"), ("drained",))


def under_way(state: FlowState | None) -> bool:
    """A moment being looked at: past the offer to look at it."""
    return state is not None and state.flow == FLOW and state.step != OFFER


def moment_of(state: FlowState) -> Moment:
    return Moment.from_data(dict(state.data["m"]))


# In the flow state of a moment picked up again from /history (history.picked_up): the moment
# as it was, settled (Moment.to_data). Stopped before a new ending (`cancel`, `abandon`), it is
# put back exactly so (RestoreMoment: unless settled or deleted meanwhile); the flow ends at
# any ending reached, and this with it.
SETTLED_BEFORE = "was"


def picked_up_again(state: FlowState, was: Moment) -> FlowState:
    """`state` (where `was`, picked up again, goes on) keeping what it was."""
    return state.with_data(**{SETTLED_BEFORE: was.to_data()})


def settled_before(state: FlowState) -> Moment | None:
    """What the moment in `state` was before it was picked up again (None: it was not)."""
    was = state.data.get(SETTLED_BEFORE)
    return Moment.from_data(dict(was)) if was else None


def _with(state: FlowState, moment: Moment, **data: Any) -> FlowState:
    return state.with_data(m=moment.to_data(), **data)


def _at(state: FlowState, step: str, moment: Moment, **data: Any) -> FlowState:
    return state.at(step, m=moment.to_data(), **data)


def _suffix(moment: Moment) -> str:
    """Content keys with a `_by_me` variant for the "I hurt someone" direction."""
    return "_by_me" if moment.direction == BY_ME else ""


def _nothing_told(m: Moment) -> bool:
    """Stopped before anything of the moment was told (at most a direction and who it was):
    there is no moment to keep, to list in /history or to nudge about."""
    return not has_content(m)


def _toggle(items: tuple[str, ...], key: str) -> tuple[str, ...]:
    return tuple(i for i in items if i != key) if key in items else (*items, key)


def _says_later(text: str, c: Catalogue) -> bool:
    """Typed where a time is asked, "later" or "in a bit" (`moment.when_later`): no time in
    mind yet, not a goodbye (as "later" said elsewhere may be)."""
    return " ".join(small_talk.words(text)) in c.raw("moment.when_later")


def _clean(text: str) -> str:
    return " ".join(text.split())


def _told(m: Moment, text: str) -> str:
    """The moment's description with more of their words after it: all of what they told, up
    to ENTRY_LIMIT (cut after a whole word, with "…": see `_overflows`)."""
    told = f"{m.description or ''}\n{_clean(text)}".strip()
    if len(told) <= ENTRY_LIMIT:
        return told
    return told[: ENTRY_LIMIT - 1].rsplit(" ", 1)[0] + "…"


def _overflows(m: Moment, text: str) -> bool:
    """Whether `_told` had to leave some of these words out (and so should say so)."""
    return len(f"{m.description or ''}\n{_clean(text)}".strip()) > ENTRY_LIMIT


# Steps whose questions name the partner (only those pay for looking the partner up): "who"
# leads to the name question, which offers the linked partner's name.
PARTNER_STEPS = frozenset({WHO_STEP, NAME, PATH, DRAFT, SENDTO, OWN})
PARTNER = "partner"  # the "who" of a moment with the person's partner
# The name button that offers the name they gave last time for the same relation.
LAST_NAME = "last"
# Steps whose cards may ask "What's their name?" (and so offer the name used last time): "who"
# leads to it, and /back from the patterns asks it again.
LAST_NAME_STEPS = frozenset({WHO_STEP, NAME})
# Questions whose answer is the person's own words, to describe what happened or to say to
# someone: nothing typed there is taken as a request to Mend unless it names one plainly.
OWN_WORDS = frozenset({PAT, DESC, CAM, DRAFT, OWN})
# Of those, the ones whose words are to say to someone: "can you delete this?" is theirs to
# say there (about a photo), and only a delete that names the moment stops it.
SAID_TO_SOMEONE = frozenset({DRAFT, OWN})
# Where "this is too much" or "I can't do this" cannot be the answer (as it can be how it felt,
# what happened, how much it is still with them, or "I can't" to letting it go): there it is
# someone overwhelmed.
CANNOT_BE_OVERWHELM = frozenset({DIR, WHO_STEP, PAT, PATH, SENDTO, DRAFT, WHEN, WHEN_AT})


class RepairFlow:
    name = FLOW

    def needs_partner(self, state: FlowState) -> bool:
        # /back from the patterns asks the name question again, with the partner's name.
        back_to_name = state.step == PAT and moment_of(state).who == PARTNER
        return state.step in PARTNER_STEPS or back_to_name

    def needs_last_names(self, state: FlowState, event: Event | None = None) -> bool:
        """Whether the card after `event` (None: this step's card) may be "What's their
        name?", which offers the name the person gave last time for the same relation
        (`Context.last_names`): at who and the name, and /back from the patterns to the name.
        Not for a press at the patterns, the common case, which costs a query otherwise.
        This step's card (asked again, or where a moment is picked up: `resumes_at`) needs
        them only at the name: the who card and the patterns' offer no name."""
        if event is None:
            return state.step == NAME
        back_to_name = (
            state.step == PAT
            and not isinstance(event, (ButtonInput, TextInput))
            and state.data.get("trail", [])[-1:] == [NAME]
        )
        return state.step in LAST_NAME_STEPS or back_to_name

    # ------------------------------------------------------------------ entry

    def start(
        self,
        ctx: Context,
        moment_id: str,
        description: str | None = None,
        direction: str | None = None,
    ) -> Outcome:
        """A new moment; with `direction` (from the evening reflection) it starts at "who"."""
        moment = Moment(moment_id, ctx.now, description=description or None)
        state = FlowState(FLOW, DIR, {"m": moment.to_data()})
        if direction in DIRECTIONS:
            moment = moment.update(direction=direction)
            state = _at(state, WHO_STEP, moment)
        return _stamped(Outcome(state, (self.prompt(state, ctx),), (SaveMoment(moment),)))

    def resume(self, moment: Moment, ctx: Context, live: FlowState | None = None) -> Outcome:
        """Pick an unfinished moment up again where it was left (else at its first unanswered
        step), with /back leading through the steps before it. `live`: the flow in progress,
        if any; when it is this moment's, it goes on where it is (the step stored with the
        moment lags behind it, and going back there would ask an answered question again).
        The state it goes on in is `resumes_at`'s: the shell reads it first for what the card
        there needs (`needs_partner`, `needs_last_names`)."""
        state = self.resumes_at(moment, live)
        intro = Reply(ctx.content.text("moment.resumed"))
        return Outcome(state, (intro, self.prompt(state, ctx)), (SaveMoment(moment_of(state)),))

    def resumes_at(self, moment: Moment, live: FlowState | None = None) -> FlowState:
        """The flow state `resume` picks `moment` up in (see there)."""
        if live is not None and under_way(live) and moment_of(live).id == moment.id:
            kept = moment_of(live).update(status=OPEN, step=_resumable(live))
            return _with(live, kept)
        canonical = self._canonical_steps(moment)
        first_open = next((s for s in canonical if not self._answered(moment, s)), PATH)
        step = moment.step if moment.step in RESUMABLE_STEPS else first_open
        if step == DESC and moment.pattern != OTHER_PATTERN:
            step = first_open
        trail = canonical[: canonical.index(step)] if step in canonical else canonical[:-1]
        moment = moment.update(status=OPEN, step=step)
        return FlowState(FLOW, step, {"m": moment.to_data(), "trail": trail})

    @staticmethod
    def _canonical_steps(moment: Moment) -> list[str]:
        steps = [DIR, WHO_STEP, NAME, PAT]
        if moment.pattern == OTHER_PATTERN:
            steps.append(DESC)
        return [*steps, CAM, INT, FEEL, NEED, PATH]

    @staticmethod
    def _answered(moment: Moment, step: str) -> bool:
        return {
            DIR: moment.direction is not None,
            WHO_STEP: moment.who is not None,
            NAME: moment.who is not None,  # optional: asked once who is known
            PAT: moment.pattern is not None,
            CAM: moment.intensity is not None,  # optional: passed once intensity is given
            DESC: bool(moment.description),
            INT: moment.intensity is not None,
            FEEL: bool(moment.feelings or moment.feelings_text),
            NEED: bool(moment.needs or moment.needs_text),
            PATH: False,
        }[step]

    def offer(self, ctx: Context, moment_id: str, text: str) -> Outcome:
        """Free text outside any flow: offer to look at it, keeping the text as the
        description. Nothing is stored as a moment unless they say yes."""
        moment = Moment(moment_id, ctx.now, description=text[:ENTRY_LIMIT])
        state = FlowState(FLOW, OFFER, {"m": moment.to_data()})
        return Outcome(state, (self.prompt(state, ctx),))

    def _on_offer(self, state: FlowState, m: Moment, event: Event, ctx: Context) -> Outcome:
        c = ctx.content
        if isinstance(event, ButtonInput) and event.option == "yes":
            moment = m.update(created_at=ctx.now)
            following = FlowState(FLOW, DIR, {"m": moment.to_data()})
            prompt = replace(self.prompt(following, ctx), edit=True)
            return Outcome(following, (prompt,), (SaveMoment(moment),))
        if isinstance(event, ButtonInput) and event.option == "no":
            kept = _with(state, m.update(created_at=ctx.now), **{DECLINED: True})
            return Outcome(kept, (Reply(c.text("moment.offer_declined"), edit=True),))
        typed = small_talk.yes_or_no(event.text, c) if isinstance(event, TextInput) else None
        if typed is None and isinstance(event, TextInput) and _just_saying_it(event.text, c):
            typed = "no"  # "nah just venting": the no, in their words
        if typed is not None:  # "yes" typed is the button pressed, not more of what happened
            outcome = self._on_offer(state, m, ButtonInput(typed), ctx)
            return as_messages(outcome)
        if isinstance(event, TextInput) and _only_unsure(event.text, c):
            # "idk": not more of what happened, but not knowing whether to look. Gently again.
            return Outcome(
                state, (replace(self.prompt(state, ctx), text=c.text("moment.offer_unsure")),)
            )
        if isinstance(event, TextInput):
            # Small talk (a hello, thanks, "bye", "ok", "how does this work?") is answered,
            # not kept as part of what happened.
            talk = small_talk.kind(event.text, c)
            if talk is None and small_talk.bare_number(event.text):
                talk = small_talk.ACK  # "4": an answer to something else, not what happened
            if talk is None and " ".join(small_talk.words(event.text)) in c.raw(
                "moment.offer_fillers"
            ):
                talk = small_talk.ACK  # "ykwim", "fr": nothing more of it
            key, following = "moment.offer_more", state
            notes: tuple[Reply, ...] = ()
            if talk is not None:
                key = small_talk.OFFER_REPLIES[talk]
            else:  # still telling it: keep all of it, offered again now (the while starts over)
                told = m.update(description=_told(m, event.text), created_at=ctx.now)
                # Heard in turn in two ways: never word for word the same twice in a row.
                asked = int(state.data.get(OFFER_ASKED) or 0)
                key += "_again" if asked % 2 else ""
                following = _with(state, told, **{OFFER_ASKED: asked + 1})
                if _overflows(m, event.text):  # not "kept that too" and silently less
                    notes = (Reply(c.text("moment.shortened", limit=ENTRY_LIMIT)),)
            offer = replace(self.prompt(following, ctx), text=c.text(key))
            return Outcome(following, (*notes, offer))
        return self._unexpected(state, ctx)

    def _after_declining(self, state: FlowState, m: Moment, event: Event, ctx: Context) -> Outcome:
        """A declined offer: a change of mind soon after takes its words up ("actually yeah
        let's do it" is its yes); anything else is read as if no offer were open."""
        if isinstance(event, ButtonInput):
            return self._on_offer(state, m, event, ctx)
        soon = ctx.now - m.created_at < DECLINED_KEPT_FOR
        if isinstance(event, TextInput) and soon and _changed_mind(event.text, ctx.content):
            return as_messages(self._on_offer(state, m, ButtonInput("yes"), ctx))
        return Outcome(None, handback=True)

    # ------------------------------------------------------------------ the protocol

    def cancel(self, state: FlowState, ctx: Context) -> Outcome:
        if state.step == OFFER and state.data.get(DECLINED):  # its no was said already
            return Outcome(None, (Reply(ctx.content.text("shell.nothing_to_cancel")),))
        if state.step == OFFER:
            return Outcome(None, (Reply(ctx.content.text("moment.offer_declined")),))
        was = settled_before(state)
        if was is not None:  # picked up again, and no new ending: as it was, nothing to nudge
            c = ctx.content
            reply = Reply(c.text("history.left_as_it_was", status=history.status_label(was, c)))
            return Outcome(None, (reply,), (RestoreMoment(was),))
        if _nothing_told(moment_of(state)):  # an empty moment would only clutter /history
            reply = Reply(ctx.content.text("moment.cancelled_empty"))
            untold = moment_of(state)
            return Outcome(None, (reply,), (DeleteMoment(untold.id, untold.created_at),))
        moment = moment_of(state).update(status=UNFINISHED, step=_resumable(state))
        reply = Reply(ctx.content.text("moment.cancelled"))
        return Outcome(None, (reply,), (SaveMoment(moment), *self._nudge(moment, ctx)))

    @staticmethod
    def _nudge(m: Moment, ctx: Context) -> tuple[object, ...]:
        """A moment left with no plan gets one gentle follow-up, if the person wants those."""
        if not ctx.prefs.nudges_on or not has_content(m):  # nothing to ask about
            return ()
        return (schedule.ScheduleNudge(m.id, schedule.nudge_due(ctx.now, ctx.prefs)),)

    def abandon(self, state: FlowState) -> tuple[object, ...]:
        """Effects when another flow replaces this one: keep the moment as unfinished (one
        picked up again from /history: put back as it was, if nothing settled or deleted it
        meanwhile)."""
        if state.step == OFFER:
            return ()
        was = settled_before(state)
        if was is not None:
            return (RestoreMoment(was),)
        if _nothing_told(moment_of(state)):
            return (DeleteMoment(moment_of(state).id, moment_of(state).created_at),)
        return (SaveMoment(moment_of(state).update(status=UNFINISHED, step=_resumable(state))),)

    def handle(self, state: FlowState, event: Event, ctx: Context) -> Outcome:
        c = ctx.content
        moment = moment_of(state)
        stale = state.step == OFFER and _gone_stale(moment, event, ctx)
        text = event.text if isinstance(event, TextInput) else ""
        asked = small_talk.request(text, c) if text else None
        deleting = asked == small_talk.DELETE_MOMENT and not stale  # "delete this moment"
        if deleting and (state.step not in SAID_TO_SOMEONE or small_talk.names_the_moment(text, c)):
            return self._delete_asked(state, ctx)
        if state.step == OFFER and state.data.get(DECLINED):
            return self._after_declining(state, moment, event, ctx)
        if state.step == OFFER and _gone_stale(moment, event, ctx):
            # Not more of what they told hours ago: read as fresh text (small talk, a weekly
            # round's answer, an offer of its own), with no offer left waiting.
            return Outcome(None, handback=True)
        if isinstance(event, Unsupported):
            prompt = self.prompt(state, ctx)
            return Outcome(
                state, (Reply(c.text("moment.text_only", prompt=prompt.text), prompt.buttons),)
            )
        if isinstance(event, Back) and state.step == INT and state.data.get(TO_ADD):
            # From "Add this to what happened?": the 1 to 5 question again, nothing added.
            question = state.with_data(**{TO_ADD: None, RATED: None})
            return Outcome(question, (self.prompt(question, ctx),))
        if isinstance(event, Back):
            previous = state.back()
            if previous is None:
                return Outcome(state, (Reply(c.text("moment.nothing_to_go_back_to")),))
            # Answers are kept; only the cursor moves. Sub-views of a step reset.
            previous = previous.with_data(page=0)
            return Outcome(previous, (self.prompt(previous, ctx),))
        if isinstance(event, TextInput):
            limit = NAME_LIMIT if state.step == NAME else TEXT_LIMIT
            if state.step == OFFER:  # more of what happened: as long as what started it
                limit = ENTRY_LIMIT
            if state.step in KEPT_IN_PART and len(_clean(event.text)) > limit:
                # Their first part kept (and said so, before what comes next), not lost.
                kept = self.handle(state, TextInput(clip(event.text, limit)), ctx)
                note = Reply(c.text("moment.shortened", limit=limit))
                return replace(kept, replies=(note, *kept.replies))
            if state.step == INT and len(_clean(event.text)) > limit and _long_story(event.text):
                # No number is this long: more of what happened, pasted at the 1 to 5 question.
                # Answered as a story there that does not fit with what the camera saw (said
                # so, and the question again), not "shorten it", as if it were the answer.
                return self._ask_to_add(state, moment, event.text, ctx)
            if state.step not in KEPT_IN_PART and len(event.text) > limit:
                return Outcome(
                    state, (Reply(c.text("moment.too_long", limit=limit)), self.prompt(state, ctx))
                )
            if not _clean(event.text):
                return Outcome(state, (self.prompt(state, ctx),))
            labelled = self._label_typed(state, moment, event.text, ctx)
            if labelled is not None:  # "Family", "Yes, let's look": the button, pressed
                return labelled
            if state.step in NUMBER_IS_NO_ANSWER and small_talk.bare_number(event.text):
                # "3", most often meant for the 1 to 5 question just answered, or for a button
                # by its place: not a feeling, nor what a camera saw.
                words = state.step in (CAM, DESC)
                key = "number_words" if words else "number"
                return self._asked_again(state, f"moment.small_talk_again.{key}", ctx)
            if state.step != OFFER and small_talk.steps_away(event.text, c):
                # "sorry hang on, my mum is calling": not the answer. The place is kept, and
                # the question is there to come back to.
                return self._asked_again(state, "moment.small_talk_again.away", ctx)
            if state.step not in (OFFER, *SAID_TO_SOMEONE) and small_talk.comes_back(
                event.text, c
            ):  # "sorry, I'm back", "where was I": not the answer, nor more of the story
                return self._asked_again(state, "shell.where_we_were", ctx)
            if state.step in CANNOT_BE_OVERWHELM and small_talk.overwhelmed(event.text, c):
                # "this is too much": care, the place kept, the question again.
                return self._asked_again(state, "moment.small_talk_again.overwhelmed", ctx)
            aside = self._aside(state, event.text, ctx) if state.step != OFFER else None
            if aside is not None:  # "wait what does this do", "lol": not the answer either
                return aside
        handler = getattr(self, f"_on_{state.step}", None)
        if handler is None:
            return Outcome(state, (self.prompt(state, ctx),))
        if isinstance(event, TextInput) and state.step in NAMED_BY_TYPING:
            option = self._named_button(state, event.text, ctx)
            if option is not None:  # as the button pressed; new messages, as no card was
                # Typed directions may say who too ("i hurt my gf"): kept for "who".
                typed = {"typed": event.text} if state.step == DIR else {}
                pressed: Outcome = handler(state, moment, ButtonInput(option), ctx, **typed)
                return _stamped(as_messages(pressed))
        if isinstance(event, TextInput) and state.step in TYPED_ANSWERS:
            heard = self._heard(state, event.text, ctx)
            if heard is not None:
                return heard
        if isinstance(event, TextInput) and state.step == DIR:  # read as at later questions
            stopped = self._stopped(state, event.text, ctx)
            if stopped is not None:
                return stopped
        if isinstance(event, TextInput) and state.step in TALKED_TO_AT_BUTTONS:
            talked = self._small_talk_at_buttons(state, event.text, ctx)
            if talked is not None:
                return talked
        outcome: Outcome = handler(state, moment, event, ctx)
        return _stamped(outcome)

    def _heard(self, state: FlowState, text: str, ctx: Context) -> Outcome | None:
        """Typed words at a card that reads them, that are not the answer: a button named
        ("skip", "done", "that works") is pressed; "stop" stops as /cancel does; small talk
        gets the question again, gently. None: the words are the answer."""
        c = ctx.content
        if state.step == WHEN_AT and _says_later(text, c):
            return None  # "later" here is when, not goodbye
        if state.step == DRAFT and _approves_draft(text, c):
            return None  # "👍", "ok thanks": the draft's own reading takes it as "That works"
        option = self._named_button(state, text, ctx)
        if option is not None:  # as the button pressed; new messages, as no card was
            handler = getattr(self, f"_on_{state.step}")
            pressed: Outcome = handler(state, moment_of(state), ButtonInput(option), ctx)
            return _stamped(as_messages(pressed))
        stopped = self._stopped(state, text, ctx)
        if stopped is not None:
            return stopped
        talk = small_talk.kind(text, c)
        if talk not in ASKED_AGAIN:
            return None
        return self._asked_again(state, ASKED_AGAIN[talk], ctx)

    def _asked_again(self, state: FlowState, key: str, ctx: Context) -> Outcome:
        """A word (`key`) for what was typed, then the question again, nothing changed."""
        prompt = self.prompt(state, ctx)
        said = f"{ctx.content.text(key)}\n\n{prompt.text}"
        return Outcome(state, (Reply(said, prompt.buttons, copyable=prompt.copyable),))

    def _aside(self, state: FlowState, text: str, ctx: Context) -> Outcome | None:
        """Typed at a question, words to Mend rather than its answer (small_talk.aside): a
        question about Mend ("wait what does this do") or about privacy ("is this private"),
        or only filler ("lol", "ok so"). A word for it (ASKED_AGAIN), then the question again,
        and nothing kept, as for "brb". Not a privacy question where the answer is their own
        telling or words to say to someone (OWN_WORDS, as for any request about Mend: "do you
        read my messages?" may be what he said, or for him), nor what approves the draft;
        filler at a card of buttons is left to its own asking again. None: the step reads the
        words."""
        c = ctx.content
        talk = small_talk.aside(text, c)
        if talk is None or (talk == small_talk.PRIVACY and state.step in OWN_WORDS):
            return None
        if talk == small_talk.ACK and state.step in BUTTONS_ONLY:
            return None
        if state.step == DRAFT and _approves_draft(text, c):
            return None
        return self._aside_answered(state, ASKED_AGAIN[talk], ctx)

    def _small_talk_at_buttons(self, state: FlowState, text: str, ctx: Context) -> Outcome | None:
        """Small talk at a card of buttons ("thanks" at the 1 to 5 question or the path),
        once no button is named by it: answered as at the cards that read words (`_heard`),
        then the question again. A bare "ok" is left to the card's own asking again, and a yes
        or no at "Add this to what happened?" answers it. None: the step reads the words."""
        c = ctx.content
        talk = small_talk.kind(text, c)
        if talk not in ASKED_AGAIN or talk == small_talk.ACK:
            return None
        if state.step == INT and state.data.get(TO_ADD) and small_talk.yes_or_no(text, c):
            return None
        return self._aside_answered(state, ASKED_AGAIN[talk], ctx)

    def _aside_answered(self, state: FlowState, key: str, ctx: Context) -> Outcome:
        """`_asked_again`; at a card that only its buttons answer (not "Which is it?" nor the 1
        to 5 question, which read typed answers too), the question comes with a word to tap."""
        if state.step not in BUTTONS_ONLY - {DIR, INT}:
            return self._asked_again(state, key, ctx)
        c = ctx.content
        prompt = self.prompt(state, ctx)
        tap = c.text("moment.tap_button", prompt=prompt.text)
        said = Reply(f"{c.text(key)}\n\n{tap}", prompt.buttons, copyable=prompt.copyable)
        return Outcome(state, (said,))

    def _stopped(self, state: FlowState, text: str, ctx: Context) -> Outcome | None:
        """ "stop", "cancel", "never mind" typed at a question (small_talk.stops_a_flow): the
        moment stops, as /cancel. None: the words are read as the step reads them."""
        return self.cancel(state, ctx) if small_talk.stops_a_flow(text, ctx.content) else None

    def _delete_asked(self, state: FlowState, ctx: Context) -> Outcome:
        """ "delete this moment" typed in one: stopped as /cancel, then, if one was kept, the
        /history card's "delete for good?" for it, right there. At the offer to look nothing is
        kept yet: it is gone, and they hear so."""
        c = ctx.content
        if state.step == OFFER:
            return Outcome(None, (Reply(c.text("moment.delete_offer")),))
        cancelled = self.cancel(state, ctx)
        if not any(isinstance(e, SaveMoment) for e in cancelled.effects):
            return cancelled  # nothing was kept: nothing to delete
        ask = replace(history.confirm_delete(moment_of(state), c), edit=False)
        return replace(cancelled, replies=(*cancelled.replies, ask))

    def _label_typed(self, state: FlowState, m: Moment, text: str, ctx: Context) -> Outcome | None:
        """A button's own label typed whole (without case, punctuation or emoji) at its card:
        that button pressed, at any card but LABELS_READ_BY_THE_STEP. Not a toggle's ("hurt"
        at the feelings): typed, that one is read as their words, and added, never taken off.
        None: no one label is typed."""
        handler = getattr(self, f"_on_{state.step}", None)
        said = small_talk.compared(text)
        if state.step in LABELS_READ_BY_THE_STEP or handler is None or not said:
            return None
        named = {
            b.option
            for row in self.prompt(state, ctx).buttons
            for b in row
            if not b.option.startswith("t.") and small_talk.compared(b.label) == said
        }
        if len(named) != 1:
            return None
        pressed: Outcome = handler(state, m, ButtonInput(named.pop()), ctx)
        return _stamped(as_messages(pressed))

    def _named_button(self, state: FlowState, text: str, ctx: Context) -> str | None:
        """The one button of this step's card that a short typed answer names: one of the
        step's phrases for it (`moment.typed_buttons`), or words all in its label ("later":
        "Talk about it later"). None if it names none, or more than one."""
        c = ctx.content
        if state.step == DIR:  # not by label: "hurt" is in one label, but says neither
            return typed_direction(text, c)
        labelled = TYPED_ANSWERS.get(state.step)  # None: any of the card's buttons
        buttons = (
            small_talk.Named(
                b.option,
                (b.label,) if labelled is None or b.option in labelled else (),
                (f"moment.typed_buttons.{state.step}.{b.option}",),
            )
            for row in self.prompt(state, ctx).buttons
            for b in row
        )
        ignored = c.raw("moment.typed_buttons.ignore")  # "it" or "to" alone names nothing
        named = set(small_talk.named(text, buttons, c, in_label=ignored))
        return named.pop() if len(named) == 1 else None

    def _unexpected(self, state: FlowState, ctx: Context) -> Outcome:
        prompt = self.prompt(state, ctx)
        # Only invite typing where typing is read.
        key = "moment.tap_button" if state.step in BUTTONS_ONLY else "moment.choose_button"
        if not prompt.buttons:  # a question answered in words: never "pick a button" (none)
            key = "moment.type_answer"
        text = ctx.content.text(key, prompt=prompt.text)
        # The card comes again whole: a send card shows again the words it would send.
        return Outcome(state, (Reply(text, prompt.buttons, copyable=prompt.copyable),))

    def _advance(
        self, state: FlowState, step: str, moment: Moment, ctx: Context, *notes: str, **data: Any
    ) -> Outcome:
        """On to the next question. After a button press it replaces the answered card (one
        card that moves through the questions); after typed text it comes as a new message.
        The answers so far are in the new state, saved in the same transaction."""
        following = _at(state, step, moment, **data)
        prompt = self.prompt(following, ctx)
        if notes:
            prompt = replace(prompt, text="\n\n".join((*notes, prompt.text)))
        return Outcome(following, (replace(prompt, edit=True),))

    # ------------------------------------------------------------------ steps

    def _on_dir(
        self, state: FlowState, m: Moment, event: Event, ctx: Context, typed: str | None = None
    ) -> Outcome:
        """`typed`: the words that said the direction, if typed: "who" suggests whom they name
        ("I think I hurt my gf"). A tap clears any typed before it."""
        if isinstance(event, ButtonInput) and event.option in DIRECTIONS:
            moment = m.update(direction=event.option)
            return self._advance(
                state, WHO_STEP, moment, ctx, **{DIR_WORDS: typed, DIR_ASKED: None}
            )
        if isinstance(event, TextInput):  # typed, not saying which (a typed one is pressed)
            # Asked again in turn in two ways, never twice word for word in a row; only a bare
            # "ok" (small talk) first of all leaves the state as it was.
            asked = int(state.data.get(DIR_ASKED) or 0)
            key = "moment.ask_direction_again" + ("_short" if asked % 2 else "")
            following = state
            if asked or small_talk.kind(event.text, ctx.content) is None:
                following = state.with_data(**{DIR_ASKED: asked + 1})
            again = ctx.content.text(key)
            return Outcome(following, (Reply(again, self.prompt(state, ctx).buttons),))
        return self._unexpected(state, ctx)

    def _on_who(self, state: FlowState, m: Moment, event: Event, ctx: Context) -> Outcome:
        if isinstance(event, ButtonInput) and event.option in WHO:
            return self._advance(state, NAME, m.update(who=event.option), ctx)
        if isinstance(event, TextInput) and declines_to_say(event.text, ctx.content):
            # "dont wanna say": someone, unnamed; their name (optional) not asked either.
            moment = m.update(who=OTHER, who_name=None)
            said = ctx.content.text("moment.who_declined")
            return self._advance(state, PAT, moment, ctx, said, page=0)
        if isinstance(event, TextInput):
            if tells_what_happened(event.text, ctx.content):  # not who: what happened
                return self._story_at_who(state, m, event.text, ctx)
            if len(_clean(event.text)) > NAME_LIMIT:
                text = ctx.content.text("moment.name_too_long", limit=NAME_LIMIT)
                return Outcome(state, (Reply(text),))
            # Typed instead of tapped: "my sister Jo" says who and the name; "my mum" only
            # who, so the name is asked as after a tap; "Jo" alone is kept as the name (the
            # linked partner's own name is the partner).
            who, name = read_who(event.text, ctx.content)
            if who == OTHER and _partners_name(name, ctx):
                who, name = PARTNER, ctx.partner.name if ctx.partner else name
            if name is None:
                return self._advance(state, NAME, m.update(who=who), ctx)
            return self._advance(state, PAT, m.update(who=who, who_name=name), ctx)
        return self._unexpected(state, ctx)

    def _story_at_who(self, state: FlowState, m: Moment, text: str, ctx: Context) -> Outcome:
        """What happened, typed where who it was is asked: kept with anything told before it
        (as "Something else" keeps it), said so, and who asked again, suggesting whom it
        names as the story-first path does. Not lost to "What's their name?"."""
        c = ctx.content
        following = _with(state, m.update(description=_told(m, text)))
        card = self.prompt(following, ctx)
        notes: tuple[Reply, ...] = ()
        if _overflows(m, text):
            notes = (Reply(c.text("moment.shortened", limit=ENTRY_LIMIT)),)
        said = f"{c.text('moment.who_story_kept')}\n\n{card.text}"
        return Outcome(following, (*notes, Reply(said, card.buttons)))

    def _on_whoname(self, state: FlowState, m: Moment, event: Event, ctx: Context) -> Outcome:
        if isinstance(event, ButtonInput) and event.option == "skip":
            return self._advance(state, PAT, m.update(who_name=None), ctx, page=0)
        partner = ctx.partner if m.who == PARTNER else None  # the name the button offered
        if isinstance(event, ButtonInput) and event.option == PARTNER and partner is not None:
            return self._advance(state, PAT, m.update(who_name=partner.name), ctx, page=0)
        last = _last_name(m, ctx)  # the name they gave last time, as the button offered it
        if isinstance(event, ButtonInput) and event.option == LAST_NAME and last is not None:
            return self._advance(state, PAT, m.update(who_name=last), ctx, page=0)
        if isinstance(event, TextInput):
            # "Tom", "his name is Tom" -> Tom; "idk", "he", "my ex" -> no name, as Skip.
            name = read_name(event.text, ctx.content)
            if m.who == OTHER and ctx.partner is not None and _partners_name(name, ctx):
                # "Someone else" named as the linked partner is named: the partner.
                moment = m.update(who=PARTNER, who_name=ctx.partner.name)
                return self._advance(state, PAT, moment, ctx, page=0)
            return self._advance(state, PAT, m.update(who_name=name), ctx, page=0)
        return self._unexpected(state, ctx)

    def _on_pat(self, state: FlowState, m: Moment, event: Event, ctx: Context) -> Outcome:
        outcome = self._pattern_answer(state, m, event, ctx)
        after = outcome.state
        if after is not None and after.step != PAT and after.data.get(TYPED_CUED):
            # Past the card: what was typed there no longer orders it (/back shows it as it was).
            outcome = replace(outcome, state=after.with_data(**{TYPED_CUED: None}))
        return outcome

    def _pattern_answer(self, state: FlowState, m: Moment, event: Event, ctx: Context) -> Outcome:
        c = ctx.content
        labelled = _pattern_labelled(event.text, m, c) if isinstance(event, TextInput) else None
        if labelled is not None:  # "I forgot to follow up": a pattern's label, shown or not
            return as_messages(self._pattern_answer(state, m, ButtonInput(f"p.{labelled}"), ctx))
        typed_cued = (
            pattern_cues.typed_at_the_card(event.text, c) if isinstance(event, TextInput) else []
        )
        if typed_cued and typed_cued != state.data.get(TYPED_CUED):
            # "forgot": the patterns it names first, still to be tapped (once: the same words
            # again are their own words, as "Something else").
            following = state.with_data(page=0, **{TYPED_CUED: typed_cued})
            return Outcome(following, (self.prompt(following, ctx),))
        if isinstance(event, TextInput):  # in their own words: "something else"
            # Added to what they may have told first (the message that started it), not over it.
            moment = m.update(pattern=OTHER_PATTERN, description=_told(m, event.text))
            return self._advance(state, CAM, moment, ctx)
        if not isinstance(event, ButtonInput):
            return self._unexpected(state, ctx)
        option = event.option
        if option.startswith("pg."):
            page = _int(option[3:], 0)
            following = state.with_data(page=page)
            return Outcome(following, (replace(self.prompt(following, ctx), edit=True),))
        if option == "else":
            moment = m.update(pattern=OTHER_PATTERN)
            if m.description:  # they already told us, when they first wrote
                return self._advance(state, CAM, moment, ctx)
            return self._advance(state, DESC, moment, ctx)
        key = option.removeprefix("p.")
        if option.startswith("p.") and key in c.children("patterns"):
            moment = m.update(pattern=key)
            picked = c.text(
                "moment.pattern_picked",
                label=c.text(f"patterns.{key}.label{_suffix(m)}"),
                repair=c.text(f"patterns.{key}.repair_{m.direction or TO_ME}"),
            )
            return self._advance(state, CAM, moment, ctx, picked)
        return self._unexpected(state, ctx)

    def _on_desc(self, state: FlowState, m: Moment, event: Event, ctx: Context) -> Outcome:
        if isinstance(event, TextInput):
            return self._advance(state, CAM, m.update(description=_clean(event.text)), ctx)
        return self._unexpected(state, ctx)

    def _on_cam(self, state: FlowState, m: Moment, event: Event, ctx: Context) -> Outcome:
        if isinstance(event, ButtonInput) and event.option == "skip":
            return self._advance(state, INT, m.update(observation=None), ctx)
        if isinstance(event, TextInput):
            return self._advance(state, INT, m.update(observation=_clean(event.text)), ctx)
        return self._unexpected(state, ctx)

    def _on_int(self, state: FlowState, m: Moment, event: Event, ctx: Context) -> Outcome:
        c = ctx.content
        value: int | None = None
        if isinstance(event, ButtonInput) and event.option in INTENSITIES:
            value = int(event.option)
        elif isinstance(event, TextInput):  # "4", "four", "4/5", "3-4"; "a lot", "medium"
            value = typed_intensity(event.text, c) or said_intensity(event.text, c)
        if value is not None and state.data.get(TO_ADD) and not state.data.get(RATED):
            # The answer, kept; the words waiting are asked about once more, never dropped.
            rated = _with(state, m.update(intensity=value), **{RATED: True})
            again = Reply(
                c.text("moment.ask_add_rated", value=value), self.prompt(rated, ctx).buttons
            )
            return Outcome(rated, (again,))
        if value is not None:  # the answer; words still waiting after that are left out, said so
            moment = m.update(intensity=value)
            notes = (c.text("moment.add_left_out"),) if state.data.get(TO_ADD) else ()
            done = {TO_ADD: None, RATED: None}
            return self._advance(state, FEEL, moment, ctx, *notes, page=0, **done)
        if isinstance(event, TextInput):
            stopped = self._stopped(state, event.text, ctx)
            if stopped is not None:
                return stopped
        if state.data.get(TO_ADD):  # "Add this to what happened?" waits
            return self._on_add_card(state, m, event, ctx)
        if isinstance(event, TextInput) and more_of_the_story(event.text, c):
            return self._ask_to_add(state, m, event.text, ctx)
        if isinstance(event, TextInput) and event.text.strip().rstrip("!.").isdigit():
            # "10", "0": a number, off this scale.
            again = Reply(c.text("moment.intensity_off_scale"), self.prompt(state, ctx).buttons)
            return Outcome(state, (again,))
        if isinstance(event, TextInput):
            # Words, not a number, nor more of what happened: how much or how it feels in
            # words that give no number ("it still hurts"), small talk, or a message held for
            # the safety check and read here after it. The question again, gently.
            again = Reply(c.text("moment.ask_intensity_again"), self.prompt(state, ctx).buttons)
            return Outcome(state, (again,))
        return self._unexpected(state, ctx)

    def _ask_to_add(self, state: FlowState, m: Moment, text: str, ctx: Context) -> Outcome:
        """More of what happened at the 1 to 5 question (people often send the camera's
        answer, then a second message with more): kept in the flow state and asked about
        ("Add this to what happened?"), never added silently; more while that is asked joins
        it. All of it must fit one answer's limit with what the camera saw: if not, it is
        left out, they are told, and the question (or the card) comes again."""
        c = ctx.content
        words = " ".join(t for t in (state.data.get(TO_ADD), _clean(text)) if t)
        if len(" ".join(t for t in (m.observation, words) if t)) > TEXT_LIMIT:
            prompt = self.prompt(state, ctx)
            said = c.text("moment.added_too_long", limit=TEXT_LIMIT)
            return Outcome(state, (Reply(f"{said}\n\n{prompt.text}", prompt.buttons),))
        following = state.with_data(**{TO_ADD: words})
        return Outcome(following, (self.prompt(following, ctx),))

    def _on_add_card(self, state: FlowState, m: Moment, event: Event, ctx: Context) -> Outcome:
        """ "Add this to what happened?": "Add it" adds the waiting words to what the camera
        saw (with the camera skipped, they are it), "No, leave it" drops them; the 1 to 5
        question again either way, or the feelings if it was answered while the card waited
        (RATED). Typed, a yes or no or a button's words is that button;
        more of what happened joins the words waiting; anything else, the card again."""
        c = ctx.content
        if isinstance(event, TextInput):
            option = small_talk.yes_or_no(event.text, c)
            option = {"yes": "add", "no": "leave"}.get(option or "")
            option = option or self._named_button(state, event.text, ctx)
            if option is not None:  # as the button pressed; new messages, as no card was
                return as_messages(self._on_add_card(state, m, ButtonInput(option), ctx))
            if more_of_the_story(event.text, c):
                return self._ask_to_add(state, m, event.text, ctx)
        if not isinstance(event, ButtonInput) or event.option not in ("add", "leave"):
            return self._unexpected(state, ctx)
        question = state.with_data(**{TO_ADD: None, RATED: None})
        said: tuple[str, ...] = ()
        if event.option == "add":
            words = str(state.data[TO_ADD])
            seen = " ".join(t for t in (m.observation, words) if t)
            if len(seen) > TEXT_LIMIT:  # cannot happen as asked; kept safe all the same
                said = (c.text("moment.added_too_long", limit=TEXT_LIMIT),)
            else:
                said = (c.text("moment.added"),)
                question = _with(question, m.update(observation=seen))
        if state.data.get(RATED):  # 1 to 5 answered while the card waited: on to feelings
            return self._advance(question, FEEL, moment_of(question), ctx, *said, page=0)
        prompt = self.prompt(question, ctx)
        text = "\n\n".join((*said, prompt.text))
        return Outcome(question, (Reply(text, prompt.buttons, edit=True),))

    def _on_feel(self, state: FlowState, m: Moment, event: Event, ctx: Context) -> Outcome:
        c = ctx.content
        if isinstance(event, TextInput):
            return self._typed_feelings(state, m, event.text, ctx)
        if not isinstance(event, ButtonInput):
            return self._unexpected(state, ctx)
        option = event.option
        if option.startswith("t.") and option[2:] in feeling_keys(c):
            moment = m.update(feelings=_toggle(m.feelings, option[2:]))
            following = _with(state, moment)
            if option[2:] in moment.feelings:  # tapped on, not off: whose is it?
                label = c.text(f"feelings.{option[2:]}")
                following = _asking_whose(following, label, c, typed=False)
            return Outcome(following, (replace(self.prompt(following, ctx), edit=True),))
        if option.startswith("pg."):
            following = state.with_data(page=_int(option[3:], 0) % len(FEELING_PAGES))
            return Outcome(following, (replace(self.prompt(following, ctx), edit=True),))
        if option == "words":
            following = state.at(WORDS)
            return Outcome(following, (replace(self.prompt(following, ctx), edit=True),))
        if option == "done":
            return self._feelings_done(state, m, ctx)
        return self._unexpected(state, ctx)

    def _feelings_done(self, state: FlowState, m: Moment, ctx: Context) -> Outcome:
        c = ctx.content
        if not (m.feelings or m.feelings_text):
            prompt = self.prompt(state, ctx)
            said = c.text("moment.feelings_needed")
            word = str(state.data.get("word", ""))
            if state.step == REFRAME and word in c.children("interpretations"):
                # "ignored", typed or tapped, is looked under, never kept as a feeling: said so,
                # not "write one", to someone who just did.
                label = c.text(f"interpretations.{word}.label")
                said = c.text(
                    f"moment.reframe_needed{_suffix(m)}", word=label[:1].upper() + label[1:]
                )
            return Outcome(state, (Reply(said, prompt.buttons),))
        base = state
        while base.step != FEEL:  # finishing from the words view: /back returns to feelings
            base = base.back() or replace(base, step=FEEL)
        return self._advance(base, NEED, m, ctx)

    def _typed_feelings(self, state: FlowState, m: Moment, text: str, ctx: Context) -> Outcome:
        c = ctx.content
        text = without_end_fillers(text, c)  # "hurt ig": "hurt"
        found = find_words(text, c)
        feelings = m.feelings + tuple(k for k in found.feelings if k not in m.feelings)
        kept = m.feelings_text
        own = _clean(text)
        if found.interpretations:
            # "Ignored" is a reading of what they did: it is looked at underneath (the
            # reframe), never kept as a feeling for the draft. The rest of their words are.
            own = without_interpretations(own, c)
            more = bool(own) and find_words(own, c).has_more
        else:
            more = found.has_more or not found.feelings
        if more:
            kept = own if not kept else f"{kept}; {own}"
        moment = m.update(feelings=feelings, feelings_text=kept)
        notes: list[Reply] = []
        if kept != m.feelings_text:
            notes.append(Reply(c.text("moment.feelings_noted", text=own[:200])))
        elif found.feelings:
            added = ", ".join(c.text(f"feelings.{k}") for k in found.feelings)
            notes.append(Reply(c.text("moment.feelings_matched", feelings=added)))
        if found.interpretations:
            # Several words ("ignored, disrespected") are looked at in turn: the first now,
            # the rest queued (after any still queued from before), each with its own card.
            word, *queue = found.interpretations
            if state.step == REFRAME:
                queue += [w for w in _queued(state) if w not in found.interpretations]
            if state.step == FEEL:
                following = _at(state, REFRAME, moment, word=word, words=queue)
            else:  # already in the words view: swap the view, keep the way back to feelings
                following = replace(_with(state, moment, word=word, words=queue), step=REFRAME)
        else:
            following = _asking_whose(_with(state, moment), text, c)
            if following.step == WHOSE:  # the question says what was heard
                notes = []
        return Outcome(following, (*notes, self.prompt(following, ctx)))

    def _on_whose(self, state: FlowState, m: Moment, event: Event, ctx: Context) -> Outcome:
        """ "How I feel": the words are left out of how they felt (a moment holds no feelings
        of the speaker's own, and the draft must not say "you felt guilty"), and the feelings
        card asks again. "How they felt": kept. Either way not asked about again. Other words
        typed here are read as at the feelings card, and the question still stands, with any
        new words of its kind in it ("guilty", then "and kind of embarrassed": both)."""
        c = ctx.content
        words = tuple(str(w) for w in state.data.get(WHOSE) or ())
        asked = [*(str(w) for w in state.data.get(ASKED) or ()), *words]
        base = state.back() or replace(state, step=FEEL)
        if isinstance(event, TextInput):
            read = self.handle(_with(base, m, **{WHOSE: []}), event, ctx)
            after = read.state
            if after is not None and after.step not in (FEEL, WHOSE, REFRAME, WORDS):
                # "done" with the question open: moving on would say the word as how they
                # felt, in the apology. The question first.
                question = self.prompt(state, ctx)
                first = f"{c.text('moment.whose_first')}\n\n{question.text}"
                return Outcome(state, (replace(question, text=first, edit=False),))
            if after is None or after.step not in (FEEL, WHOSE) or not read.replies:
                return read  # finished ("done"), or on to a reframe: the words stay theirs
            new = [str(w) for w in after.data.get(WHOSE) or () if w not in words]
            asking = (after if after.step == WHOSE else after.at(WHOSE)).with_data(
                **{WHOSE: [*words, *new]}
            )
            replies = (*read.replies[:-1], self.prompt(asking, ctx))  # the question, not the card
            return replace(read, state=asking, replies=replies)
        if not isinstance(event, ButtonInput) or event.option not in ("mine", "theirs"):
            return self._unexpected(state, ctx)
        notes: list[str] = []
        if event.option == "mine":
            m = _without_own(m, words, c)
            notes.append(c.text("moment.whose_mine_noted"))
        following = _with(base, m, **{WHOSE: [], ASKED: asked})
        prompt = self.prompt(following, ctx)
        text = "\n\n".join((*notes, prompt.text))
        return Outcome(following, (replace(prompt, text=text, edit=True),))

    def _on_words(self, state: FlowState, m: Moment, event: Event, ctx: Context) -> Outcome:
        c = ctx.content
        if isinstance(event, TextInput):
            return self._typed_feelings(state, m, event.text, ctx)
        if not isinstance(event, ButtonInput):
            return self._unexpected(state, ctx)
        if event.option == "back":
            following = state.back() or replace(state, step=FEEL)
            return Outcome(following, (replace(self.prompt(following, ctx), edit=True),))
        word = event.option.removeprefix("w.")
        if event.option.startswith("w.") and word in c.children("interpretations"):
            following = state.at(REFRAME, word=word, words=[])
            return Outcome(following, (replace(self.prompt(following, ctx), edit=True),))
        return self._unexpected(state, ctx)

    def _on_reframe(self, state: FlowState, m: Moment, event: Event, ctx: Context) -> Outcome:
        c = ctx.content
        if isinstance(event, TextInput):
            return self._typed_feelings(state, m, event.text, ctx)
        if not isinstance(event, ButtonInput):
            return self._unexpected(state, ctx)
        option = event.option
        if option.startswith("t.") and option[2:] in feeling_keys(c):
            moment = m.update(feelings=_toggle(m.feelings, option[2:]))
            following = _with(state, moment)
            return Outcome(following, (replace(self.prompt(following, ctx), edit=True),))
        if option == "back":
            following = state.with_data(words=[])  # back to feelings: nothing still queued
            while following.step != FEEL:
                following = following.back() or replace(following, step=FEEL)
            return Outcome(following, (replace(self.prompt(following, ctx), edit=True),))
        if option == "done" and _queued(state):  # the next word they typed, on the same card
            word, *queue = _queued(state)
            following = state.with_data(word=word, words=queue)
            return Outcome(following, (replace(self.prompt(following, ctx), edit=True),))
        if option == "done":
            return self._feelings_done(state, m, ctx)
        return self._unexpected(state, ctx)

    def _on_need(self, state: FlowState, m: Moment, event: Event, ctx: Context) -> Outcome:
        c = ctx.content
        path = _path_label(event.text, c) if isinstance(event, TextInput) else None
        if path == UNSAFE:  # "it doesn't feel safe to raise": that, whatever the needs
            return as_messages(self._on_path(_at(state, PATH, m), m, ButtonInput(UNSAFE), ctx))
        if path is not None:
            # "say something now": the next card's words, not a need. As Done: on to that card
            # once a need is chosen, else the needs asked for again.
            return as_messages(self._on_need(state, m, ButtonInput("done"), ctx))
        if isinstance(event, TextInput):
            typed = without_end_fillers(event.text, c)  # "to be heard tbh": "to be heard"
            found, has_more = find_needs(typed, c)
            needs = m.needs + tuple(k for k in found if k not in m.needs)
            kept = m.needs_text
            if has_more or not found:
                kept = _clean(typed) if not kept else f"{kept}; {_clean(typed)}"
            moment = m.update(needs=needs, needs_text=kept)
            following = _with(state, moment)
            notes = (
                [Reply(c.text("moment.needs_noted", text=_clean(typed)[:200]))]
                if kept != m.needs_text
                else []
            )
            return Outcome(following, (*notes, self.prompt(following, ctx)))
        if not isinstance(event, ButtonInput):
            return self._unexpected(state, ctx)
        if event.option.startswith("t.") and event.option[2:] in c.children("needs"):
            moment = m.update(needs=_toggle(m.needs, event.option[2:]))
            following = _with(state, moment)
            return Outcome(following, (replace(self.prompt(following, ctx), edit=True),))
        if event.option == "done":
            if not (m.needs or m.needs_text):
                prompt = self.prompt(state, ctx)
                return Outcome(state, (Reply(c.text("moment.needs_needed"), prompt.buttons),))
            return self._advance(state, PATH, m, ctx, openers.needs_thanks(m.id, ctx.content))
        return self._unexpected(state, ctx)

    def _on_path(self, state: FlowState, m: Moment, event: Event, ctx: Context) -> Outcome:
        if isinstance(event, TextInput):
            return self._typed_path(state, m, event.text, ctx)
        if not isinstance(event, ButtonInput):
            return self._unexpected(state, ctx)
        c = ctx.content
        if event.option == NOW:
            draft = build_draft(m, c, "standard")
            moment = m.update(path=NOW, draft=draft, draft_style="standard")
            return self._advance(state, DRAFT, moment, ctx)
        if event.option == LATER:
            return self._advance(state, WHEN, m.update(path=LATER), ctx)
        if event.option == LET_GO:
            return self._advance(state, LETGO, m.update(path=LET_GO), ctx)
        if event.option == UNSAFE:
            return self._close(m.update(path=UNSAFE, status=SET_ASIDE), ctx)
        return self._unexpected(state, ctx)

    def _typed_path(self, state: FlowState, m: Moment, text: str, ctx: Context) -> Outcome:
        """Words at the path that name no button as they stand (those are pressed already): a
        time ("sunday after lunch") is Later with that time typed; a button's words in hedges
        ("maybe later") that button; not knowing which, a warm word and the choices again."""
        c = ctx.content
        when = _time_typed(text, m, ctx)
        if when is not None:  # as "Talk about it later", then "I'll type a time"
            later = m.update(path=LATER)
            return as_messages(self._typed_when(_at(state, WHEN_AT, later), later, when, ctx))
        option = self._hedged_button(state, text, ctx) or self._button_in_a_part(state, text, ctx)
        if option is not None:
            return as_messages(self._on_path(state, m, ButtonInput(option), ctx))
        if _unsure(text, c):
            unsure = Reply(c.text("moment.path_unsure"), self.prompt(state, ctx).buttons)
            return Outcome(state, (unsure,))
        return self._unexpected(state, ctx)

    def _hedged_button(self, state: FlowState, text: str, ctx: Context) -> str | None:
        """The one button named by typed words once hedges are taken off them ("honestly
        probably yeah it would": "it would"); None if none is, or there were no hedges."""
        hedges = ctx.content.raw("moment.typed_end.hedges")
        for unhedged in _peeled(small_talk.words(text), hedges):
            option = self._named_button(state, " ".join(unhedged), ctx)
            if option is not None:
                return option
        return None

    def _button_in_a_part(self, state: FlowState, text: str, ctx: Context) -> str | None:
        """The one button named by a part of typed words (parted at punctuation and
        `clause_joins`), hedged or not, other parts naming none: "later, not sure when" is
        Later, as not knowing when is not not knowing which. Parts that are mainly unsure
        ("not sure i want to say something now") name nothing."""
        c = ctx.content
        joins = "|".join(re.escape(j) for j in c.raw("moment.typed_end.clause_joins"))
        parts = [p for p in re.split(rf"[,;.!?]+|\s(?:{joins})\s", text.lower()) if p.strip()]
        if len(parts) < 2:
            return None  # the whole message was read already
        named = {
            self._named_button(state, part, ctx) or self._hedged_button(state, part, ctx)
            for part in parts
            if not _unsure(part, c)
        } - {None}
        return named.pop() if len(named) == 1 else None

    def _on_draft(self, state: FlowState, m: Moment, event: Event, ctx: Context) -> Outcome:
        c = ctx.content
        style = _asked_style(event.text, c) if isinstance(event, TextInput) else None
        comment = None
        if isinstance(event, TextInput) and style is None and not _approves_draft(event.text, c):
            # "way too harsh", "that sounds like a robot": about the draft, not their version.
            comment = _draft_comment(event.text, c)
            style = comment if comment in STYLES else None
        if style is not None and style == m.draft_style:  # typed: no toast shows, so a message
            return Outcome(state, (Reply(c.text(f"moment.already_{style}")),))
        if style is not None:  # "shorter pls": the button, pressed
            return as_messages(self._on_draft(state, m, ButtonInput(style), ctx))
        if isinstance(event, TextInput) and _approves_draft(event.text, c):
            # "ok", "is good, thank you", "👍": the draft as it is, as "That works".
            return as_messages(self._on_draft(state, m, ButtonInput("use"), ctx))
        if isinstance(event, TextInput) and not small_talk.words(event.text):
            # Only emoji ("😔"): never their own words for the moment. The draft again.
            sad = small_talk.kind(event.text, c) == small_talk.SAD
            return self._asked_again(
                state, f"moment.small_talk_again.{'sad' if sad else 'ack'}", ctx
            )
        if comment == _NOT_ME and m.draft_style != "own":
            # "too formal", "not how I talk": only a start, and the draft card's buttons again.
            card = self.prompt(state, ctx)
            said = Reply(c.text("moment.draft_comment.reply"), card.buttons, copyable=card.copyable)
            return Outcome(state, (said,))
        if isinstance(event, TextInput):
            # Their own version, or a remark ("I'd rather tell him myself")? Asked, not assumed.
            typed = _clean(event.text)[:TEXT_LIMIT]
            ask = Reply(
                c.text("moment.own_typed"),
                rows(
                    Button(c.text("moment.own_typed_keep"), "keeptyped"),
                    Button(c.text("moment.own_typed_back"), "draftagain"),
                ),
                copyable=typed,
            )
            return Outcome(state.with_data(typed=typed), (ask,))
        if not isinstance(event, ButtonInput):
            return self._unexpected(state, ctx)
        option = event.option
        if option == "keeptyped" and state.data.get("typed"):
            return self._own_words(state, m, str(state.data["typed"]), ctx)
        if option == "draftagain":
            return Outcome(state, (replace(self.prompt(state, ctx), edit=True),))
        if option in STYLES and option == m.draft_style:  # the card would not change at all
            return Outcome(state, toast=Toast(c.text(f"moment.already_{option}")))
        if option in STYLES:
            moment = m.update(draft=build_draft(m, c, option), draft_style=option)
            following = _with(state, moment)
            return Outcome(following, (replace(self.prompt(following, ctx), edit=True),))
        if option == "own":
            return self._advance(state, OWN, m, ctx)
        if option == "heated":
            return Outcome(state, (self._heated(m, c),))
        if option == "send" and self._can_send(m, ctx):
            return self._to_send_card(state, m, ctx)
        if option == "use":
            return self._close(m.update(status=DRAFTED), ctx)
        return self._unexpected(state, ctx)

    @staticmethod
    def _can_send(m: Moment, ctx: Context) -> bool:
        """Only a moment with the partner goes to the partner: a draft to "Sam", a friend,
        is never offered to them. Nor is one about "my partner" named as someone else than
        the linked partner (it may be another person, and its draft greets them): only with
        no name, or the linked partner's own (in any case)."""
        p = ctx.partner
        if m.who != PARTNER or p is None or not (p.reachable or p.space_chat is not None):
            return False
        return not m.who_name or _same_name(m.who_name, p.name)

    def _to_send_card(self, state: FlowState, m: Moment, ctx: Context) -> Outcome:
        assert ctx.partner is not None  # _can_send checked it
        return self._advance(state, SENDTO, m, ctx, **{SEND_TO: ctx.partner.user_id})

    def _on_sendto(self, state: FlowState, m: Moment, event: Event, ctx: Context) -> Outcome:
        c = ctx.content
        partner, refused = ctx.partner, _send_check(state, m, ctx)
        sending = isinstance(event, ButtonInput) and event.option in SENDING
        if partner is not None and sending and refused == CHECK_AGAIN:
            # A card saved before it recorded its partner: shown again for this one, so
            # nothing is sent without a tap on a card that knows who it is for.
            again = replace(state, data={**state.data, SEND_TO: partner.user_id})
            card = self.prompt(again, ctx)
            text = f"{c.text(CHECK_AGAIN)}\n\n{card.text}"
            return Outcome(again, (replace(card, text=text, edit=True),))
        if refused in LINK_GONE:  # the link ended or changed meanwhile: the draft step again
            draft = _draft_step(state)
            if isinstance(event, ButtonInput) and event.option in SHARE_OPTIONS:
                prompt = self.prompt(draft, ctx)  # pressed on the confirm card shown before
                text = f"{c.text(refused)}\n\n{prompt.text}"
                return Outcome(draft, (replace(prompt, text=text, edit=True),))
            on_card = self._on_own if draft.step == OWN else self._on_draft
            return on_card(draft, m, event, ctx)
        assert partner is not None  # with none, card_check says LINK_ENDED
        if isinstance(event, ButtonInput) and m.draft:
            allowed = [b.option for b in share_buttons(partner, c)]
            if event.option in SENDING and event.option in allowed:
                closed = self._close(m.update(status=DRAFTED), ctx)
                said = "send.sent" if event.option == "private" else "send.posted"
                sent = Reply(c.text(said, partner=partner.name), edit=True, only_if_delivered=True)
                share = ShareText("repair", m.draft, event.option, m.id, to=partner.user_id)
                return replace(
                    closed,
                    replies=(sent, *closed.replies),
                    effects=(*closed.effects, share),
                    retire_card=False,
                )
            if event.option == "cancel":
                back = _draft_step(state)
                return Outcome(back, (replace(self.prompt(back, ctx), edit=True),))
            if event.option in SENDING:  # offered once, gone since: say why
                why = why_gone(event.option, partner, c)
                if any(option in SENDING for option in allowed):
                    card = self.prompt(state, ctx)  # the ways that still work
                    return Outcome(state, (replace(card, text=f"{why}\n\n{card.text}", edit=True),))
                back = _draft_step(state)
                prompt = self.prompt(back, ctx)
                return Outcome(back, (replace(prompt, text=f"{why}\n\n{prompt.text}", edit=True),))
        return self._unexpected(state, ctx)

    def _heated(self, m: Moment, c: Catalogue) -> Reply:
        families = ("calm", "stop", "sorry" if m.direction == BY_ME else "feel", "appreciate")
        lines = []
        for key in families:
            phrase = c.raw(f"repair_families.{key}.phrases")[0]
            lines.append(f'{c.text(f"repair_families.{key}.label")} "{phrase}"')
        return Reply(c.text("moment.heated", phrases="\n".join(lines)))

    def _on_own(self, state: FlowState, m: Moment, event: Event, ctx: Context) -> Outcome:
        written = m.draft_style == "own" and bool(m.draft)
        if isinstance(event, TextInput):
            option = _own_ready_answer(event.text, ctx.content) if written else None
            if option == "back":  # "no": as /back, to the draft card; their words kept
                return self.handle(state, Back(), ctx)
            if option is not None:  # "yes", "ok", "send": that button, not a new version
                return as_messages(self._on_own(state, m, ButtonInput(option), ctx))
            return self._own_words(state, m, _clean(event.text), ctx)
        if isinstance(event, ButtonInput) and written:
            if event.option == "send" and self._can_send(m, ctx):
                return self._to_send_card(state, m, ctx)
            if event.option == "use":
                return self._close(m.update(status=DRAFTED), ctx)
        return self._unexpected(state, ctx)

    def _own_words(self, state: FlowState, m: Moment, text: str, ctx: Context) -> Outcome:
        """Their own words for the message. With no one to send them to, kept and done; for a
        moment with the linked partner, shown with the same offer to send as a draft."""
        own = m.update(draft=text, draft_style="own")
        if not self._can_send(own, ctx):
            return self._close(own.update(status=DRAFTED), ctx)
        if state.step == OWN:  # typed: a new message; a new version replaces the last
            following = _with(state, own)
            return Outcome(following, (self.prompt(following, ctx),))
        return self._advance(state, OWN, own, ctx)  # "keep my words", pressed at the draft

    def _on_when(self, state: FlowState, m: Moment, event: Event, ctx: Context) -> Outcome:
        zone = clock.zone_of(ctx.person.timezone)
        now = ctx.now
        if isinstance(event, TextInput):
            return self._typed_when(state, m, event.text, ctx)
        if not isinstance(event, ButtonInput):
            return self._unexpected(state, ctx)
        if event.option == "tomorrow" and ctx.person.timezone is None:
            # Their evening, not UTC's: where they are is asked first.
            return self._advance(state, WHEN_ZONE, m, ctx, pending={"preset": event.option})
        # "This evening" pressed once it is too late for it (or, with no zone, at all: it is
        # not offered then) gets None: not taken.
        known = ctx.person.timezone is not None
        due = schedule.preset_due(event.option, now, zone) if known else None
        if event.option == "hours" and self._few_hours_quiet(ctx):
            # An older card's button, now that a few hours on is their night: no talk planned
            # for then; the question again, without it.
            question = self.prompt(state, ctx)
            said = f"{ctx.content.text('moment.when_hours_quiet')}\n\n{question.text}"
            return Outcome(state, (replace(question, text=said, edit=True),))
        if event.option == "hours":
            due = clock.later_by(now, ctx.prefs.follow_up_hours)
        elif event.option == "type":
            return self._advance(state, WHEN_AT, m, ctx)
        if due is None:
            return self._unexpected(state, ctx)
        # "In a few hours" is a span from now, a real instant; the others are their clock.
        plan = m.update(plan_due_at=due, plan_from_now=event.option == "hours", status=PLANNED)
        return self._close(plan, ctx, when=event.option)

    def _on_whenat(self, state: FlowState, m: Moment, event: Event, ctx: Context) -> Outcome:
        if isinstance(event, TextInput):
            return self._typed_when(state, m, event.text, ctx)
        return self._unexpected(state, ctx)

    def _typed_when(self, state: FlowState, m: Moment, text: str, ctx: Context) -> Outcome:
        c = ctx.content
        if _says_later(text, c):
            # "later", "in a bit": no time in mind yet. Not a guess (a few hours from 21:00 is
            # a talk planned at midnight): the question again, with a word of how to answer.
            question = self.prompt(state, ctx)
            said = f"{c.text('moment.when_later_asked')}\n\n{question.text}"
            return Outcome(state, (replace(question, text=said, edit=False),))
        zone = clock.zone_of(ctx.person.timezone)
        due = schedule.typed_time(text, ctx.now, zone, ctx.prefs)  # their "a few hours"
        days = clock.MAX_PLAN_AHEAD.days
        ahead = counted(c, days, "moment.time.day", "moment.time.days")
        if due is None:
            # Not a time to ask at ("sometime this week", "after her trip"): said kindly, with
            # the time question's buttons again beside the examples; typed at "When?" after
            # "I'll type a time", the question it came from.
            before = state.back() if state.step == WHEN_AT else state
            asked = before if before is not None and before.step == WHEN else state
            buttons = self.prompt(asked, ctx).buttons
            return Outcome(asked, (Reply(c.text("moment.when_unknown", ahead=ahead), buttons),))
        if ctx.person.timezone is None and clock.in_real_time(text, ctx.now) is None:
            # "20:00" or "tomorrow" means their clock, which is not known yet: asked first,
            # then read there (not in UTC, which would be hours off for most people).
            pending = {"typed": _clean(text)}
            return self._advance(state, WHEN_ZONE, m, ctx, pending=pending)
        if due < ctx.now + clock.MIN_PLAN_AHEAD and schedule.late_for_tonight(
            text, ctx.now, zone, ctx.prefs
        ):  # "tonight", with no time left tonight: not "passed", asked gently
            question = self.prompt(state, ctx)
            said = f"{c.text('when_typed.late_tonight')}\n\n{question.text}"
            return Outcome(state, (replace(question, text=said, edit=False),))
        if due < ctx.now + clock.MIN_PLAN_AHEAD:
            return Outcome(state, (Reply(c.text("moment.when_past")),))
        if clock.too_far(due, ctx.now, zone):
            return Outcome(state, (Reply(c.text("moment.when_too_far", ahead=ahead)),))
        from_now = schedule.typed_from_now(text, ctx.now, zone, ctx.prefs)  # "in 3 hours"
        plan = m.update(plan_due_at=due, plan_from_now=from_now, status=PLANNED)
        return self._close(plan, ctx, when="at")

    def _on_whenzone(self, state: FlowState, m: Moment, event: Event, ctx: Context) -> Outcome:
        """Where they are, for a time that needs it: set as their time zone (as /start would),
        then the time they chose is read there."""
        c = ctx.content
        if not isinstance(event, TextInput):
            return self._unexpected(state, ctx)
        guess = guess_zone(event.text, ctx.now)
        if guess is None or guess.how == "clock":
            # A clock time here is most likely the plan's time again, not their local time
            # (which is how /start would read it): a place is asked for.
            if guess is not None or parse_clock(event.text) is not None:
                return Outcome(state, (Reply(c.text("moment.when_zone_clock")),))
            shown = _clean(event.text)
            shown = shown if len(shown) <= 40 else shown[:39] + "…"
            return Outcome(state, (Reply(c.text("moment.when_zone_unknown", answer=shown)),))
        zone = guess.zone
        zoned = replace(
            ctx,
            person=replace(ctx.person, timezone=zone),
            prefs=replace(ctx.prefs, zone=zone),
        )
        pending = dict(state.data.get("pending") or {})
        preset = str(pending.get("preset", ""))
        due = schedule.preset_due(preset, ctx.now, clock.zone_of(zone)) if preset else None
        if due is not None:
            plan = m.update(plan_due_at=due, plan_from_now=False, status=PLANNED)  # their clock
            outcome = self._close(plan, zoned, when=preset)
        else:  # their typed time; if it has passed there, it is asked again
            # Back to the time question as it was (so /back from it goes one step back).
            retry = (state.back() or replace(state, step=WHEN_AT)).with_data(pending=None)
            outcome = self._typed_when(retry, m, str(pending.get("typed", "")), zoned)
        local = local_now(zone, ctx.now).strftime("%H:%M")
        told = Reply(c.text("moment.zone_set", zone=zone, local_time=local))
        # After the plan's confirmation; before the question again if the time had passed.
        first = 1 if outcome.state is None else 0
        replies = (*outcome.replies[:first], told, *outcome.replies[first:])
        return replace(outcome, replies=replies, effects=(*outcome.effects, SetTimezone(zone)))

    def _few_hours_quiet(self, ctx: Context) -> bool:
        """Whether "In a few hours" (their `follow_up_hours`) from now is in their quiet hours:
        a talk planned for the night is not what anyone means by it (at 21:00, midnight), so
        it is not offered then. With no zone, their night is not known: it is."""
        if ctx.person.timezone is None:
            return False
        p = ctx.prefs
        zone = clock.zone_of(ctx.person.timezone)
        then = clock.later_by(ctx.now, p.follow_up_hours).astimezone(zone)
        return schedule.in_quiet_hours(then.time(), p.quiet_start, p.quiet_end)

    def _tonight_available(self, ctx: Context) -> bool:
        """ "This evening" is their evening: with no zone it cannot be reckoned, nor offered."""
        zone = ctx.person.timezone
        return zone is not None and schedule.tonight_available(ctx.now, clock.zone_of(zone))

    def _on_letgo(self, state: FlowState, m: Moment, event: Event, ctx: Context) -> Outcome:
        if isinstance(event, ButtonInput) and event.option == "yes":
            return self._close(m.update(status=LET_GO), ctx)
        if isinstance(event, ButtonInput) and event.option == "no":
            back = state.back() or replace(state, step=PATH)
            moment = m.update(path=None)
            following = _with(back, moment)
            text = ctx.content.text("moment.let_go_not_yet")
            return Outcome(
                following, (Reply(text, self.prompt(following, ctx).buttons, edit=True),)
            )
        if isinstance(event, TextInput):  # what names a button as it stands is pressed already
            option = self._hedged_button(state, event.text, ctx)
            if option is not None:
                return as_messages(self._on_letgo(state, m, ButtonInput(option), ctx))
            if _unsure(event.text, ctx.content):
                again = ctx.content.text(f"moment.let_go_unsure{_suffix(m)}")
                return Outcome(state, (Reply(again, self.prompt(state, ctx).buttons),))
        return self._unexpected(state, ctx)

    # ------------------------------------------------------------------ the end

    def _close(self, m: Moment, ctx: Context, when: str | None = None) -> Outcome:
        c = ctx.content
        name = ctx.person.name
        replies: list[Reply] = []
        if m.path == UNSAFE:
            unsafe = danger_reply(c, ctx.prefs.zone, crisis.UNSAFE_TO_RAISE)
            replies.append(replace(unsafe, edit=True))
            replies.append(Reply(c.text("moment.close_unsafe")))
            return Outcome(None, tuple(replies), (SaveMoment(m),))
        if m.path == NOW:
            # The draft card stays in the chat to copy from; only its buttons go.
            if m.draft_style == "own" and m.draft:  # their words, to copy, with the close
                replies.append(Reply(c.text("moment.close_own", name=name), copyable=m.draft))
            else:
                replies.append(Reply(c.text("moment.close_now", name=name)))
            menu = rows(Button(c.text("menu.history"), "history", menu=True))
            replies.append(
                Reply(c.text("moment.close_recorded", summary=self.summary_line(m, c)), menu)
            )
            effects = (SaveMoment(m), *self._nudge(m, ctx))
            return Outcome(None, tuple(replies), effects, retire_card=True)
        if m.path == LATER and m.plan_due_at is not None:
            # The question comes a while after the talk (later still after quiet hours): when
            # it really comes is said, so it is no surprise.
            asked = schedule.follow_up_due(m.plan_due_at, ctx.prefs)
            words = {
                "name": name,
                "when": self.when_words(m.plan_due_at, when, ctx),
                "ask": self.when_words(asked, None, ctx),
            }
            p = ctx.prefs
            talk_at = m.plan_due_at.astimezone(p.tz).time()
            quiet = schedule.in_quiet_hours(talk_at, p.quiet_start, p.quiet_end)
            key = "moment.close_later_quiet" if quiet else "moment.close_later"
            replies.append(Reply(c.text(key, **words), edit=True))
            if ctx.person.timezone is None:
                replies.append(Reply(c.text("moment.close_no_zone")))
        else:
            replies.append(Reply(c.text("moment.close_let_go", name=name), edit=True))
        menu = rows(Button(c.text("menu.history"), "history", menu=True))
        replies.append(
            Reply(c.text("moment.close_recorded", summary=self.summary_line(m, c)), menu)
        )
        closing: tuple[object, ...] = (SaveMoment(m),)
        if m.status == PLANNED and m.plan_due_at is not None:
            due = schedule.follow_up_due(m.plan_due_at, ctx.prefs)
            closing += (schedule.ScheduleFollowUp(m.id, due),)
        return Outcome(None, tuple(replies), closing)

    def when_words(self, due: datetime, preset: str | None, ctx: Context) -> str:
        """`due` in words: a preset's own ("this evening") only when `due` is exactly the time
        it names, so what the bot says always matches what it stored."""
        c = ctx.content
        zone = clock.zone_of(ctx.person.timezone)
        if preset is not None and due == schedule.preset_due(preset, ctx.now, zone):
            return c.text(f"moment.time.{preset}")
        if ctx.person.timezone is None:  # no clock of theirs to name it by: how far off it is
            return duration_words(due - ctx.now, c, "moment.time.from_now")
        local = due.astimezone(zone)
        now = ctx.now.astimezone(zone)
        ahead = (local.date() - now.date()).days
        words = {"day": local.strftime("%A"), "time": local.strftime("%H:%M")}
        # In the small hours "today" is ambiguous (for someone still up it is yesterday): the
        # day is named instead.
        if ahead == 0 and now.time() >= clock.NIGHT_ENDS:
            return c.text("moment.time.today", **words)
        if ahead < 7:
            return c.text("moment.time.at", **words)
        return c.text("moment.time.on_date", date=local.strftime("%-d %B"), **words)

    @staticmethod
    def summary_line(m: Moment, c: Catalogue) -> str:
        parts = [history.moment_name(m, c)]  # named as /history lists it
        feelings = [c.text(f"feelings.{k}") for k in m.feelings] or (
            [clip(m.feelings_text, 40)] if m.feelings_text else []
        )
        needs = [c.text(f"needs.{k}.label").lower() for k in m.needs] or (
            [clip(m.needs_text, 40)] if m.needs_text else []
        )
        if feelings:
            parts.append(", ".join(feelings))
        if needs:
            parts.append(", ".join(needs))
        parts.append(c.text(f"status.{m.status}"))
        return " · ".join(parts)

    # ------------------------------------------------------------------ questions

    def prompt(self, state: FlowState, ctx: Context) -> Reply:
        c = ctx.content
        m = moment_of(state)
        s = _suffix(m)
        step = state.step
        if step == REFRAME and str(state.data.get("word")) not in c.children("interpretations"):
            step = FEEL  # a reframe with no word to look at is just the feelings card
        if step == WHOSE and not state.data.get(WHOSE):
            step = FEEL  # likewise the question whose a feeling is, with none to ask about
        if step == OFFER:
            return Reply(
                openers.offer_text(m.id, m.description or "", c),
                rows(
                    Button(c.text("moment.offer_yes"), "yes"),
                    Button(c.text("moment.offer_no"), "no"),
                ),
            )
        if step == DIR:
            return Reply(
                c.text("moment.ask_direction_told" if m.description else "moment.ask_direction"),
                rows(Button(c.text("moment.to_me"), TO_ME), Button(c.text("moment.by_me"), BY_ME)),
            )
        if step == WHO_STEP:
            return self._who_card(m, c, ctx.partner, state.data.get(DIR_WORDS))
        if step == NAME:
            skip = Button(c.text("moment.skip"), "skip")
            names: list[Button] = []
            if m.who == PARTNER and ctx.partner is not None:  # the linked partner: one tap
                names.append(Button(ctx.partner.name, PARTNER))
            last = _last_name(m, ctx)
            if last is not None:  # the name they gave last time for this relation: one tap
                names.append(Button(last, LAST_NAME))
                return Reply(c.text("moment.ask_who_name_last", name=last), rows(*names, skip))
            return Reply(c.text("moment.ask_who_name"), rows(*names, skip))
        if step == PAT:
            return self._pattern_card(state, m, c)
        if step == DESC:
            return Reply(c.text(f"moment.ask_description{s}"))
        if step == CAM:
            return Reply(
                c.text(f"moment.ask_camera{s}"), rows(Button(c.text("moment.skip"), "skip"))
            )
        if step == INT and state.data.get(TO_ADD):  # more of what happened, asked about
            add = Button(c.text("moment.add_it"), "add")
            leave = Button(c.text("moment.leave_it"), "leave")
            return Reply(c.text("moment.ask_add"), rows(add, leave, width=2))
        if step == INT:
            labels = c.raw("moment.intensity.labels")
            return Reply(
                c.text("moment.ask_intensity"),
                (tuple(Button(labels[i], str(i + 1)) for i in range(5)),),
            )
        if step == FEEL:
            return self._feelings_card(state, m, c)
        if step == WORDS:
            words = [
                Button(c.text(f"interpretations.{k}.label"), f"w.{k}")
                for k in c.children("interpretations")
                if not c.has(f"interpretations.{k}.listed") or c.raw(f"interpretations.{k}.listed")
            ]
            keyboard = (*rows(*words, width=3), (Button(c.text("moment.words_back"), "back"),))
            return Reply(c.text(f"moment.ask_words{s}"), keyboard)
        if step == REFRAME:
            word = str(state.data.get("word", ""))
            beneath = c.raw(f"interpretations.{word}.beneath")
            toggles = [
                self._toggle_button(c.text(f"feelings.{k}"), f"t.{k}", k in m.feelings)
                for k in beneath
            ]
            # With more words still to look at, "done" leads to the next one.
            done = "moment.reframe_next" if _queued(state) else "moment.done"
            keyboard = (
                *rows(*toggles, width=2),
                (
                    Button(c.text("moment.words_back"), "back"),
                    Button(c.text(done), "done"),
                ),
            )
            return Reply(
                self._with_chosen(c.text(f"interpretations.{word}.reframe{s}"), m, c), keyboard
            )
        if step == WHOSE:
            said = join([str(w) for w in state.data.get(WHOSE) or ()], c)
            return Reply(
                c.text("moment.ask_whose", words=said[:1].upper() + said[1:]),
                rows(
                    Button(c.text("moment.whose_mine"), "mine"),
                    Button(c.text("moment.whose_theirs"), "theirs"),
                    width=2,
                ),
            )
        if step == NEED:
            toggles = [
                self._toggle_button(c.text(f"needs.{k}.label"), f"t.{k}", k in m.needs)
                for k in c.children("needs")
            ]
            keyboard = (*rows(*toggles, width=2), (Button(c.text("moment.done"), "done"),))
            chosen = [c.text(f"needs.{k}.label") for k in m.needs]
            text = _with_own(c.text(f"moment.ask_needs{s}"), chosen, m.needs_text, c)
            return Reply(text, keyboard)
        if step == PATH:
            return Reply(
                c.text("moment.ask_path"),
                rows(
                    Button(c.text("moment.path_now"), NOW),
                    Button(c.text("moment.path_later"), LATER),
                    Button(c.text("moment.path_let_go"), LET_GO),
                    Button(c.text("moment.path_unsafe"), UNSAFE),
                ),
            )
        if step == SENDTO:
            target = _send_target(state, m, ctx)
            if target is not None:
                return confirm_card(m.draft or "", target, c)
            step = DRAFT  # the link ended or changed meanwhile: back to the draft
        if step == DRAFT:
            send_row = self._send_row(m, ctx)
            draft_keys: Keyboard = (
                *send_row,
                (
                    Button(c.text("moment.draft_softer"), "softer"),
                    Button(c.text("moment.draft_shorter"), "shorter"),
                ),
                (
                    Button(c.text("moment.draft_own"), "own"),
                    Button(c.text("moment.draft_heated"), "heated"),
                ),
                (Button(c.text("moment.draft_use"), "use"),),
            )
            # In their own words, the draft leaves out what happened (their telling of it is
            # not a message to the other person): they are asked to add it.
            intro = "moment.draft_intro_own" if m.pattern == OTHER_PATTERN else "moment.draft_intro"
            if m.draft_style == "own":  # back from their own words: those, not a draft
                intro = "moment.own_ready"
            text = c.text(intro)
            # Typed feelings or needs the draft could not say as typed: shown to work in.
            note = own_words_note(m, c) if m.draft_style != "own" else ""
            return Reply(f"{text}\n\n{note}" if note else text, draft_keys, copyable=m.draft or "")
        if step == OWN:
            if m.draft_style == "own" and m.draft:
                own_keys = (*self._send_row(m, ctx), (Button(c.text("moment.draft_use"), "use"),))
                return Reply(c.text("moment.own_ready"), own_keys, copyable=m.draft)
            return Reply(c.text("moment.ask_own"))
        if step == WHEN:
            options = ["tonight"] if self._tonight_available(ctx) else []
            options += ["tomorrow", *([] if self._few_hours_quiet(ctx) else ["hours"]), "type"]
            return Reply(
                c.text("moment.ask_when"),
                rows(*(Button(c.text(f"moment.when_{o}"), o) for o in options)),
            )
        if step == WHEN_AT:
            return Reply(c.text("moment.ask_when_typed"))
        if step == WHEN_ZONE:
            return Reply(c.text("moment.ask_when_zone"))
        if step == LETGO:
            return Reply(
                c.text(f"moment.ask_let_go{s}"),
                rows(
                    Button(c.text(f"moment.let_go_yes{s}"), "yes"),
                    Button(c.text(f"moment.let_go_no{s}"), "no"),
                ),
            )
        raise ValueError(f"unknown step {step!r}")

    def _send_row(self, m: Moment, ctx: Context) -> Keyboard:
        if not self._can_send(m, ctx) or ctx.partner is None:
            return ()
        return ((Button(ctx.content.text("send.button", partner=ctx.partner.name), "send"),),)

    @staticmethod
    def _toggle_button(label: str, option: str, chosen: bool) -> Button:
        return Button(f"✓ {label}" if chosen else label, option)

    @staticmethod
    def _with_chosen(text: str, m: Moment, c: Catalogue) -> str:
        chosen = [c.text(f"feelings.{k}") for k in m.feelings]
        return _with_own(text, chosen, m.feelings_text, c)

    def _pattern_card(self, state: FlowState, m: Moment, c: Catalogue) -> Reply:
        # The one or two patterns their story clearly names first (still to be tapped), then
        # the usual order: each pattern still on exactly one page.
        typed = [str(k) for k in state.data.get(TYPED_CUED) or () if k in c.children("patterns")]
        cued = typed or pattern_cues.suggested(m.description, c)
        keys = cued + [k for k in self.ordered_patterns(m, c) if k not in cued]
        pages = max(1, -(-len(keys) // PATTERNS_PER_PAGE))
        page = _int(str(state.data.get("page", 0)), 0) % pages
        shown = keys[page * PATTERNS_PER_PAGE : (page + 1) * PATTERNS_PER_PAGE]
        buttons = [Button(c.text(f"patterns.{k}.label{_suffix(m)}"), f"p.{k}") for k in shown]
        nav = Button(
            c.text("moment.more") if page + 1 < pages else c.text("moment.first_page"),
            f"pg.{(page + 1) % pages}",
        )
        keyboard = (*rows(*buttons), (nav, Button(c.text("moment.something_else"), "else")))
        if typed and page == 0:  # what they typed at the card, heard
            return Reply(c.text("moment.pattern_typed_cued"), keyboard)
        if m.description:  # what they told first, heard: a few words of it
            told = clip(m.description.rstrip(".!? "), STORY_QUOTE)
            text = c.text(f"moment.ask_pattern_told{_suffix(m)}", told=told)
            if cued and page == 0:  # "the first ones here": only where they are
                text += "\n\n" + c.text("moment.pattern_cued")
            return Reply(text, keyboard)
        return Reply(c.text(f"moment.ask_pattern{_suffix(m)}"), keyboard)

    @staticmethod
    def _who_card(
        m: Moment, c: Catalogue, partner: Partner | None = None, typed: str | None = None
    ) -> Reply:
        """ "Who was it with?"; when what they told (or `typed` with the direction) names one
        relation as theirs ("my sister"), or the linked partner by name, its button first and
        said: a suggestion, still to be tapped."""
        told = [t for t in (m.description, typed) if t]
        named = next((n for n in (named_relation(t, c) for t in told) if n), None)
        keys = list(WHO)
        if named is None and partner is not None and any(_names(t, partner.name, c) for t in told):
            keys.remove(PARTNER)
            keys.insert(0, PARTNER)
            button = c.text(f"moment.who_{PARTNER}")
            text = c.text(
                f"moment.ask_who_partner_named{_suffix(m)}", name=partner.name, button=button
            )
        elif named is None or named[0] not in keys:
            text = c.text(f"moment.ask_who{_suffix(m)}")
        else:
            keys.remove(named[0])
            keys.insert(0, named[0])
            button = c.text(f"moment.who_{named[0]}")
            text = c.text(f"moment.ask_who_named{_suffix(m)}", word=named[1], button=button)
        buttons = [Button(c.text(f"moment.who_{key}"), key) for key in keys]
        return Reply(text, rows(*buttons, width=2))

    @staticmethod
    def ordered_patterns(m: Moment, c: Catalogue) -> list[str]:
        """Patterns that usually involve this kind of person first, then the rest."""
        keys = c.children("patterns")
        if not m.who or m.who == "other":
            return keys
        usual = [k for k in keys if m.who in c.raw(f"patterns.{k}.for")]
        return usual + [k for k in keys if k not in usual]

    def _feelings_card(self, state: FlowState, m: Moment, c: Catalogue) -> Reply:
        page = _int(str(state.data.get("page", 0)), 0) % len(FEELING_PAGES)
        keyboard: list[tuple[Button, ...]] = []
        for group in FEELING_PAGES[page]:
            keys = c.raw(f"feeling_groups.{group}")
            toggles = [
                self._toggle_button(c.text(f"feelings.{k}"), f"t.{k}", k in m.feelings)
                for k in keys
            ]
            keyboard.extend(rows(*toggles, width=3))
        following = (page + 1) % len(FEELING_PAGES)
        # "More: angry, exposed ▸": a way to the next page, not a feeling of its own.
        groups = ", ".join(
            c.text(f"feeling_group_labels.{g}").lower() for g in FEELING_PAGES[following]
        )
        keyboard.append(
            (
                Button(c.text("moment.feelings_more", groups=groups), f"pg.{following}"),
                Button(c.text("moment.feelings_words"), "words"),
            )
        )
        keyboard.append((Button(c.text("moment.done"), "done"),))
        text = self._with_chosen(c.text(f"moment.ask_feelings{_suffix(m)}"), m, c)
        return Reply(text, tuple(keyboard))


def _stamped(outcome: Outcome) -> Outcome:
    """Record on each saved moment the step the flow is now at (resume goes back there)."""
    step = outcome.state.step if outcome.state is not None else None
    effects = tuple(
        SaveMoment(e.moment.update(step=step)) if isinstance(e, SaveMoment) else e
        for e in outcome.effects
    )
    return replace(outcome, effects=effects)


def _send_target(state: FlowState, m: Moment, ctx: Context) -> Partner | None:
    """Whom the send card may be shown for: the partner it was shown for, still linked. A card
    saved with no partner recorded: the partner now, only if the draft is for them (it is
    shown again for them before it sends: CHECK_AGAIN)."""
    return None if _send_check(state, m, ctx) in LINK_GONE else ctx.partner


def _send_check(state: FlowState, m: Moment, ctx: Context) -> str | None:
    """couples.card_check of the send card: a card saved with no partner recorded whose
    draft is not for the partner now (RepairFlow._can_send) was for someone else."""
    refused = card_check(state.data.get(SEND_TO), ctx.partner)
    if refused == CHECK_AGAIN and not RepairFlow._can_send(m, ctx):
        return LINK_CHANGED
    return refused


def _same_name(typed: str, partner: str) -> bool:
    """Whether the name typed is the partner's: the same, in any case, or the same first name
    ("Ben Smith" for Ben)."""
    said, theirs = typed.casefold().split(), partner.casefold().split()
    return bool(said and theirs) and (said == theirs or said[0] == theirs[0])


def _last_name(m: Moment, ctx: Context) -> str | None:
    """The name the person gave last time for this moment's relation (their own words, from
    their own moments), unless it is the linked partner's, which has its own button."""
    last = ctx.last_names.get(m.who or "")
    if not last:
        return None
    if m.who == PARTNER and ctx.partner is not None and _same_name(last, ctx.partner.name):
        return None
    return last


def _partners_name(name: str | None, ctx: Context) -> bool:
    """Whether a name typed for who it was is the linked partner's, in any case ("maya" for
    Maya); only the whole of it, as another Maya Smith may be someone else."""
    p = ctx.partner
    return bool(name and p is not None and name.casefold().split() == p.name.casefold().split())


def _names(text: str, name: str, c: Catalogue) -> bool:
    """Whether `text` names `name` by its first name, as a whole word: capitalised as typed
    ("Will forgot"), or in any case when it is no everyday word ("maya didn't ask" names Maya;
    "i will make it up" does not name Will: `names.ordinary_words`, or a word the catalogue
    uses). All in capitals, nothing is capitalised."""
    first = name.casefold().split()[:1]
    if not first:
        return False
    found = [
        m.group() for m in re.finditer(rf"(?<!\w){re.escape(first[0])}(?!\w)", text, re.IGNORECASE)
    ]
    shouting = text.upper() == text
    if any(w[:1].isupper() and not shouting for w in found):
        return True
    ordinary = first[0] in c.raw("names.ordinary_words") or first[0] in vocabulary(c)
    return bool(found) and not ordinary


def _queued(state: FlowState) -> list[str]:
    """Interpretation words typed together, still to be looked at after the current one."""
    return [str(w) for w in state.data.get("words", ()) or ()]


def _with_own(text: str, chosen: list[str], typed: str | None, c: Catalogue) -> str:
    """A feelings or needs card's `text`, with what is chosen so far and, on a line of its
    own, what they typed (less anything already chosen above): kept words stay in sight."""
    if chosen:
        text += "\n\n" + c.text("moment.selected", items=", ".join(chosen))
    own = beyond_chosen(typed or "", chosen, c).strip()
    if own:
        text += ("\n" if chosen else "\n\n") + c.text("moment.selected_own", text=clip(own, 80))
    return text


def _asking_whose(state: FlowState, said: str, c: Catalogue, *, typed: bool = True) -> FlowState:
    """`state` (at the feelings card, the feelings just named in `said` in it), or, in "I
    think I hurt someone", the question whose they are for those of them often the speaker's
    own (`naming.own_side`: "guilty"; `typed`: or tapped) not asked about yet in this moment."""
    if state.step != FEEL or moment_of(state).direction != BY_ME:
        return state
    asked = {str(w) for w in state.data.get(ASKED) or ()}
    words = [w for w in own_side_words(said, c, typed=typed) if w not in asked]
    return state.at(WHOSE, **{WHOSE: words}) if words else state


def _without_own(m: Moment, words: tuple[str, ...], c: Catalogue) -> Moment:
    """`m` less the feelings `words` name: the chosen ones, and the parts of their own words
    that say them ("sad and guilty" -> "sad"), each time they typed kept apart."""
    feelings = tuple(k for k in m.feelings if c.text(f"feelings.{k}") not in words)
    typed = (without_feelings(t.strip(), words, c) for t in (m.feelings_text or "").split(";"))
    return m.update(feelings=feelings, feelings_text="; ".join(t for t in typed if t) or None)


def _draft_step(state: FlowState) -> FlowState:
    """From the send confirmation back to the draft it came from."""
    return state.back() or replace(state, step=DRAFT)


def _resumable(state: FlowState) -> str:
    """The step to come back to: sub-views resume at their question, after-path steps at the
    path choice."""
    if state.step in (WORDS, REFRAME, WHOSE):
        return FEEL
    return state.step if state.step in RESUMABLE_STEPS else PATH


def _int(text: str, default: int) -> int:
    try:
        return int(text)
    except ValueError:
        return default


INTENSITIES = ("1", "2", "3", "4", "5")
_OUT_OF_SLASH = re.compile(r"/\s*5\b")  # "4/5", "4 / 5"
_AND_A_HALF = re.compile(r"\b([1-4])[.,]5\b")  # "3.5": between 3 and 4
_ISH = re.compile(r"\b([1-5])-?ish\b")  # "4ish", "4-ish": about 4


def typed_intensity(text: str, c: Catalogue) -> int | None:
    """A 1 to 5 typed as people type it: "4", "four", "5!!", "a 4", "4/5", "4 out of 5",
    "5 😭". Two numbers ("3-4", "2 or 3", "3.5") count as the higher: someone torn between two
    is saying it is at least that much, and playing it down is the worse mistake. One number
    among words that only say how much is that number too ("idk like a 3? it comes and
    goes", "4ish": `_one_number_among`). None for anything more than a number (feelings, a
    sentence): the question is asked again."""
    numbers = c.raw("moment.intensity.words")  # "one" ... "five"
    said = _OUT_OF_SLASH.sub(" ", text.casefold())
    said = _ISH.sub(r"\1 ish", said)
    said = _AND_A_HALF.sub(lambda m: f"{m.group(1)} {int(m.group(1)) + 1}", said)
    said = " ".join(small_talk.words(said))
    for out_of in c.raw("moment.intensity.out_of"):  # "4 out of 5": the 5 is the scale
        said = re.sub(rf"\b{re.escape(out_of)} (?:5|{numbers[-1]})\b", " ", said)
    fillers = set(c.raw("moment.intensity.fillers"))
    values: list[int] = []
    others: list[str] = []  # the words besides the numbers, in order (phrases are read)
    for word in said.split():
        if word in INTENSITIES or word in numbers:
            values.append(int(word) if word in INTENSITIES else numbers.index(word) + 1)
        else:
            others.append(word)
    if not set(others) <= fillers:
        return _one_number_among(values, others, c)
    return max(values) if 1 <= len(values) <= 2 else None


def _one_number_among(values: list[int], others: list[str], c: Catalogue) -> int | None:
    """A single number typed with words that only say how much or fill ("idk", "tbh", "it
    comes and goes": `_how_much_words`, `moment.intensity.phrases`): that number. Not with two
    different numbers (which they meant is not guessed among more words), a word that
    denies or compares ("not a 3", "3, less than yesterday"), or a phrase further than one
    from it ("1, so much"): the question is asked again."""
    if len(set(values)) != 1:
        return None
    levels, rest = _phrased(others, c)
    unclear = {*c.raw("drafts.typed.negations"), *c.raw("moment.intensity.compared")}
    if any(word.replace("'", "") in unclear for word in rest):
        return None
    if not set(rest) <= _how_much_words(c) or any(abs(lv - values[0]) > 1 for lv in levels):
        return None
    return values[0]


# More of what happened, at the 1 to 5 question: at least this many words (a lone "ugh" or
# "he left" is not worth adding to what a camera saw).
STORY_WORDS = 3


def _long_story(text: str) -> bool:
    """Whether words longer than an answer holds, at the 1 to 5 question, read as more of what
    happened: a few words at least, nothing the safety screen would ask about (as
    `more_of_the_story`, which a long story, with a time or a question in it, often fails)."""
    return len(small_talk.words(text)) >= STORY_WORDS and (
        safety.screen(text).level == safety.Level.NONE
    )


def more_of_the_story(text: str, c: Catalogue) -> bool:
    """Whether words typed at the 1 to 5 question read as more of what happened ("And then
    he laughed when I asked him to put it down"): a few words, not a question, no number
    (with one, which they meant is not guessed), not only how much in words ("quite a lot
    honestly": `moment.intensity.amounts`), not small talk, and nothing the safety screen
    would ask about (a message held for its check comes here after it: never kept as what a
    camera saw)."""
    said = small_talk.words(text)
    if len(said) < STORY_WORDS or "?" in text or any(ch.isdigit() for ch in text):
        return False
    if _about_how_much(said, c) or small_talk.kind(text, c) is not None:
        return False
    return safety.screen(text).level == safety.Level.NONE


def said_intensity(text: str, c: Catalogue) -> int | None:
    """How much, said in words at the 1 to 5 question ("it still really hurts a lot": 4,
    "medium, it comes and goes": 3, "not much": 2): the level of its phrases
    (`moment.intensity.phrases`), when the other words only say how much, none of them
    denies or compares it ("it doesn't hurt a lot", "a lot less than yesterday") and the
    phrases agree within one (then the higher, as with two numbers). None when less clear:
    the question is asked again."""
    if "?" in text or any(ch.isdigit() for ch in text):
        return None
    levels, rest = _phrased(small_talk.words(text), c)
    unclear = {*c.raw("drafts.typed.negations"), *c.raw("moment.intensity.compared")}
    if not levels or any(word.replace("'", "") in unclear for word in rest):
        return None
    if not set(rest) <= _how_much_words(c) or max(levels) - min(levels) > 1:
        return None
    return max(levels)


def _phrased(said: list[str], c: Catalogue) -> tuple[list[int], list[str]]:
    """The levels of the how-much phrases in `said` (the longest first, each word in one at
    most: "not very much" is not "very much" too), and the words in none."""
    left: list[str | None] = [*said]
    levels: list[int] = []
    for words, level in _intensity_phrases(c):
        for i in range(len(left) - len(words) + 1):
            if left[i : i + len(words)] == words:
                left[i : i + len(words)] = [None] * len(words)
                levels.append(level)
    return levels, [word for word in left if word is not None]


@lru_cache(maxsize=8)
def _intensity_phrases(c: Catalogue) -> tuple[tuple[list[str], int], ...]:
    """The how-much phrases (`moment.intensity.phrases`) as words, with their level, the
    longest first: built once per catalogue."""
    phrases = (
        (small_talk.words(phrase), int(level))
        for level in c.children("moment.intensity.phrases")
        for phrase in c.raw(f"moment.intensity.phrases.{level}")
    )
    return tuple(sorted(phrases, key=lambda listed: -len(listed[0])))


@lru_cache(maxsize=8)
def _how_much_words(c: Catalogue) -> frozenset[str]:
    """Words that, with a how-much phrase, leave it how much ("to be honest", "still")."""
    listed = ("fillers", "amounts", "words", "around")
    return frozenset(str(w) for key in listed for w in c.raw(f"moment.intensity.{key}"))


def _about_how_much(said: list[str], c: Catalogue) -> bool:
    """Words about how much it is with them or how it feels, not what a camera saw: only
    words that say how much ("quite a lot honestly", "not that much tbh"), or any words of
    feeling (`moment.intensity.feelings_talk`: "it still hurts", "I felt so alone")."""
    rest = _phrased(said, c)[1]
    if set(rest) <= _how_much_words(c) | set(c.raw("drafts.typed.negations")):
        return True
    padded = f" {' '.join(said)} "
    talk = c.raw("moment.intensity.feelings_talk")
    return any(f" {' '.join(small_talk.words(t))} " in padded for t in talk)


def typed_direction(text: str, c: Catalogue) -> str | None:
    """The direction typed at "Which is it?": a phrase for one button, its place ("1"), or
    words anywhere that say one way round and not the other ("my partner hurt me"). None
    when it says neither or both, or says it with a negation (asked again: a guess that gets
    it the wrong way round asks every question after it the wrong way round)."""
    if " ".join(small_talk.words(text)) in c.raw("moment.typed_direction.unclear"):
        return None  # "me", "i hurt": either way round
    listed = [small_talk.Named(o, listed=(f"moment.typed_buttons.dir.{o}",)) for o in DIRECTIONS]
    hedged = _unhedged(small_talk.words(text), c.raw("moment.typed_direction.hedges"))
    for typed in (text, " ".join(hedged)):  # "I think it was him actually": "it was him"
        button = next(iter(small_talk.named(typed, listed, c)), None)
        if button is not None:
            return button
    phrase = " ".join(small_talk.words(text))
    for option, place in zip(DIRECTIONS, ("first", "second"), strict=True):  # as on the card
        if phrase in c.raw(f"moment.typed_direction.{place}"):
            return option
    negations = c.raw("drafts.typed.negations")
    if any(word.replace("'", "") in negations for word in phrase.split()):
        return None  # "it wasn't my fault", "I didn't mean to": which way round, asked
    padded = f" {phrase} "
    said = {
        option
        for option in DIRECTIONS
        if any(f" {cue} " in padded for cue in c.raw(f"moment.typed_direction.{option}"))
    }
    done = _who_did_it(hedged, c)  # "he snapped at me", "i was too harsh with her"
    said |= {done} if done is not None else set()
    return said.pop() if len(said) == 1 else None


# How far into a clause "at", "with" or "to" and whom it is may come ("i was way too harsh with
# her": five words), or "me" ("he was really kind of short with me").
DONE_WITHIN = 6


def _who_did_it(said: list[str], c: Catalogue) -> str | None:
    """The direction that who did what to whom says, in the first clause with someone in it
    (`moment.typed_direction.done`): someone else doing something at, with or to "me", or
    being unkind ("he snapped at me", "my gf was mean"), TO_ME; "I" doing something at
    someone, being something with or to them, or being unkind ("I yelled at her", "i was too
    harsh with her", "i was too harsh"), BY_ME. None when it says neither, or a feeling is in
    it ("i was upset with him": how someone felt, not what was done)."""
    key = "moment.typed_direction.done"

    def listed(name: str) -> set[str]:
        return {str(w) for w in c.raw(f"{key}.{name}")}

    selves, others, joins = listed("selves"), listed("others"), listed("joins")
    copulas, toward, not_people = listed("copulas"), listed("toward"), listed("not_people")
    at = next((i for i, w in enumerate(said) if w in selves | others), None)
    clause = said[at + 1 :] if at is not None else said  # no subject: a name ("Jake ...")
    if at is not None and said[at] in listed("with_copula"):
        clause = ["is", *clause]  # "he's so rude"
    ends = (
        i
        for i, w in enumerate(clause)
        if w in joins or (w in selves | others and (not i or clause[i - 1] not in toward))
    )  # up to "and", "because", or someone else doing something: "... so i yelled"
    clause = clause[: next(ends, len(clause))]
    if any(w in listed("felt") for w in clause):
        return None
    if at is not None and said[at] in selves:
        for k, w in enumerate(clause[:DONE_WITHIN]):
            whom = clause[k + 1] if k + 1 < len(clause) else None
            if w not in toward or whom is None or whom in not_people or k == 0:
                continue
            if w == "at" and clause[k - 1] not in copulas:  # "snapped at him", not "was at"
                return BY_ME
            if clause[0] in copulas and not any(
                x.endswith("ing") and x not in copulas for x in clause[1:k]
            ):  # "was too harsh with her", not "was talking to her"
                return BY_ME
        unkind = _unkind(clause, c)
        return BY_ME if unkind is not None and not unkind else None
    for j, w in enumerate(clause[:DONE_WITHIN]):
        before = clause[j - 1] if j else ""
        if w != "me" or not before or before in copulas:
            continue
        if before in toward or before.endswith("ed"):  # "yelled at me", "dismissed me"
            return TO_ME
    unkind = _unkind(clause, c)
    return TO_ME if unkind is not None and not unkind else None


def _unkind(clause: list[str], c: Catalogue) -> list[str] | None:
    """The words after someone being unkind near the start of `clause` ("gf was so mean":
    none; "was rude to her sister": "to her sister"): a copula within the first three words,
    any words of degree, then an unkind word (`moment.typed_direction.done`). None if not."""
    key = "moment.typed_direction.done"
    copulas = set(c.raw(f"{key}.copulas"))
    degree = small_talk.phrases_of(c, f"{key}.degree")
    unkind = sorted(small_talk.phrases_of(c, f"{key}.unkind"), key=len, reverse=True)
    start = next((i for i, w in enumerate(clause[:3]) if w in copulas), None)
    if start is None:
        return None
    rest = clause[start + 1 :]
    while rest:
        found = next((u for u in unkind if tuple(rest[: len(u)]) == u), None)
        if found is not None:
            return rest[len(found) :]
        step = max((len(d) for d in degree if d and tuple(rest[: len(d)]) == d), default=0)
        if not step:
            return None
        rest = rest[step:]
    return None


def _unhedged(said: list[str], hedges: list[str]) -> list[str]:
    """The words `said` without hedges before or after them ("i think", "actually"), the
    longest first; at least one word is always left."""
    cut = sorted((h.split() for h in hedges), key=len, reverse=True)
    trimmed = True
    while trimmed:
        trimmed = False
        for hedge in cut:
            if len(hedge) >= len(said):
                continue
            if said[: len(hedge)] == hedge:
                said, trimmed = said[len(hedge) :], True
            elif said[-len(hedge) :] == hedge:
                said, trimmed = said[: -len(hedge)], True
    return said


def _asked_style(text: str, c: Catalogue) -> str | None:
    """ "softer" or "shorter" when typed words at the draft card only ask for that version
    ("can it be even shorter?", "softer pls"): with `moment.draft_asked.around` taken off both
    ends, what is left is one of its phrases. Their own message that mentions "shorter" among
    other words is not an ask (it is offered as their words). None: not an ask."""
    said = small_talk.words(text)
    if not said:
        return None
    styles = [
        small_talk.Named(s, listed=(f"moment.draft_asked.{s}",)) for s in ("softer", "shorter")
    ]
    for typed in (said, *_peeled(said, c.raw("moment.draft_asked.around"))):
        found = small_talk.named(" ".join(typed), styles, c)
        if len(found) == 1:
            return found[0]
    return None


def _peeled(said: list[str], hedges: list[str]) -> list[list[str]]:
    """`said` with hedges taken off one at a time, each step kept: those after it first, then
    those before ("nah probably not tbh": "nah probably not", then "probably not", then "not"),
    as taking them all can leave too little ("not"). At least one word is always left."""
    cut = sorted((h.split() for h in hedges), key=len, reverse=True)
    steps: list[list[str]] = []
    for at_end in (True, False):
        while True:
            hedge = next(
                (
                    h
                    for h in cut
                    if len(h) < len(said) and (said[-len(h) :] if at_end else said[: len(h)]) == h
                ),
                None,
            )
            if hedge is None:
                break
            said = said[: -len(hedge)] if at_end else said[len(hedge) :]
            steps.append(said)
    return steps


def _unsure(text: str, c: Catalogue) -> bool:
    """Whether typed words are mainly saying they don't know which to choose ("idk",
    "honestly not sure i want to bring it up", "i'm really not sure", "what would you do?"):
    one of `moment.typed_end.unsure` opens them, after any hedges and `unsure_openers`. Not
    one further on ("he's not sure he wants to talk"): that is about something else."""
    said = small_talk.words(text)
    typed_end = "moment.typed_end"
    openers = [
        *small_talk.phrases_of(c, f"{typed_end}.hedges"),
        *small_talk.phrases_of(c, f"{typed_end}.unsure_openers"),
    ]
    cues = small_talk.phrases_of(c, f"{typed_end}.unsure")
    while said:
        if any(tuple(said[: len(cue)]) == cue for cue in cues if cue):
            return True
        opener = max((o for o in openers if o and tuple(said[: len(o)]) == o), key=len, default=())
        if not opener:
            return False
        said = said[len(opener) :]
    return False


# A comment about the draft is short: a handful of words ("hmm that sounds a bit stiff tbh").
_COMMENT_WORDS = 8
_NOT_ME = "not_me"  # a comment that the draft doesn't sound like them
_COMMENT_KINDS = ("shorter", "softer", _NOT_ME)


def _draft_comment(text: str, c: Catalogue) -> str | None:
    """What a short comment typed at the draft card says about it ("way too harsh",
    "that sounds like a robot", `moment.draft_comment`): "shorter", "softer", or _NOT_ME
    (also for more than one kind at once: "too formal and too long"). Only a handful of
    words, each in one of the kinds' phrases or `around`: their own version of a repair
    ("I was too harsh with you"), a negation ("not too long") or a story ("it was weird when
    you left") is none. None: not a comment."""
    said = [small_talk.bare(w) for w in small_talk.words(text)]
    if not said or len(said) > _COMMENT_WORDS:
        return None
    key = "moment.draft_comment"
    cues = {kind: small_talk.bare_phrases_of(c, f"{key}.{kind}") for kind in _COMMENT_KINDS}
    around = small_talk.bare_phrases_of(c, f"{key}.around")
    found = [
        kind
        for kind in _COMMENT_KINDS
        if small_talk.made_of(
            said, cues[kind], (*around, *(p for k in _COMMENT_KINDS if k != kind for p in cues[k]))
        )
    ]
    if not found:
        return None
    return found[0] if len(found) == 1 else _NOT_ME


def _approves_draft(text: str, c: Catalogue) -> bool:
    """Typed at the draft, a plain approval: "That works" by one of its phrases once the words
    around it are off ("is good, thank you": "is good"), or only approving signs ("👍"). Not a
    question ("ok?")."""
    if "?" in text:
        return False
    said = small_talk.words(text)
    if not said:
        return small_talk.only_signs(text, c, "moment.draft_typed.use_signs")
    use = set(small_talk.phrases_of(c, "moment.typed_buttons.draft.use"))
    around = [str(w) for w in c.raw("moment.draft_typed.around")]
    return any(tuple(s) in use for s in [said, *_peeled(said, around)])


def _only_unsure(text: str, c: Catalogue) -> bool:
    """Whether typed words only say they don't know ("idk", "i dunno tbh", "not sure lol"): one
    of `moment.typed_end.unsure` as the whole message, once hedges are off either end. Not
    words that go on ("idk he just left": more of what happened)."""
    said = small_talk.words(text)
    cues = set(small_talk.phrases_of(c, "moment.typed_end.unsure"))
    hedges = [*c.raw("moment.typed_end.hedges"), *c.raw("moment.typed_end.unsure_openers")]
    return bool(said) and any(tuple(s) in cues for s in [said, *_peeled(said, hedges)])


def _time_typed(text: str, m: Moment, ctx: Context) -> str | None:
    """The time in words typed at the path ("i'll talk to him sunday after lunch": "sunday
    after lunch"): what is left once words that may come with one (`around_a_time`, the name
    of the one it was with) are taken off both ends, if that reads as a time. Not a bare number:
    "3" at a card of buttons may mean the third. None: no time, or a negation anywhere ("i'll
    talk to him, not tonight": the time said is not the time, `drafts.typed.negations`)."""
    negations = ctx.content.raw("drafts.typed.negations")
    if any(w.replace("'", "") in negations for w in small_talk.words(text)):
        return None
    around = {
        *ctx.content.raw("moment.typed_end.around_a_time"),
        *small_talk.words(m.who_name or ""),
    }
    tokens = text.split()  # not words(): "20:30" and "7.30pm" keep their punctuation

    def around_it(token: str) -> bool:
        return " ".join(small_talk.words(token)) in around | {""}  # "": an emoji, a dash

    while tokens and around_it(tokens[0]):
        tokens = tokens[1:]
    while tokens and around_it(tokens[-1]):
        tokens = tokens[:-1]
    when = " ".join(tokens)
    if not when or when.isdigit():
        return None
    zone = clock.zone_of(ctx.person.timezone)
    return when if clock.parse_when(when, ctx.now, zone) is not None else None


def _changed_mind(text: str, c: Catalogue) -> bool:
    """Whether `text`, typed just after declining the offer, takes it up after all: a yes, or
    a change of mind ("actually yeah lets do it"), after any opening word ("actually", "ok")."""
    if "?" in text:  # a question ("actually, can we?") is not taken as a yes
        return False
    said = small_talk.words(text)
    openers = set(c.raw("moment.changed_mind.openers"))
    takes = {*c.raw("shell.typed_yes"), *c.raw("moment.changed_mind.phrases")}
    while said:
        if " ".join(said) in takes:
            return True
        if said[0] not in openers:
            return False
        said = said[1:]
    return False


def _gone_stale(m: Moment, event: Event, ctx: Context) -> bool:
    """Words (or a sticker) long after an offer to look: not more of that moment. Its yes or
    no, tapped or typed, still answers it."""
    if ctx.now - m.created_at < OFFER_KEPT_FOR:
        return False
    if isinstance(event, TextInput):
        return small_talk.yes_or_no(event.text, ctx.content) is None
    return isinstance(event, Unsupported)


def _own_ready_answer(text: str, c: Catalogue) -> str | None:
    """The button named by what they typed at their own words, ready ("Here it is, in your
    words"): a yes, "ok" or "keep it" keeps them ("use"), "send" the send button ("send"), a no
    goes back ("back"). None: the words are a new version of their message."""
    phrase = " ".join(small_talk.words(text))
    if phrase in c.raw("moment.own_ready_send"):
        return "send"
    if phrase in c.raw("moment.own_ready_keep"):
        return "use"
    return {"yes": "use", "no": "back"}.get(small_talk.yes_or_no(text, c) or "")


def _just_saying_it(text: str, c: Catalogue) -> bool:
    """A no that opens the message (`shell.typed_no`), then words about only needing to say it
    (`moment.offer_just_saying`: "nah just venting"): the offer's no. A no that goes on with
    the story ("no and then he laughed") is more of it."""
    said = tuple(small_talk.bare(w) for w in small_talk.words(text))
    nos = [no for no in small_talk.bare_phrases_of(c, "shell.typed_no") if no]
    # The no, then only the person and why ("nah i just needed to vent"): "no, he was venting
    # at me all night" goes on with the story.
    return any(
        said[: len(no)] == no
        and small_talk.made_of(
            said[len(no) :],
            small_talk.bare_phrases_of(c, "moment.offer_just_saying"),
            small_talk.bare_phrases_of(c, "moment.offer_just_saying_around"),
        )
        for no in nos
    )


def _pattern_labelled(text: str, m: Moment, c: Catalogue) -> str | None:
    """The pattern whose label for this direction (on the card or further on) is typed whole,
    without case or punctuation ("i forgot to follow up"), else None."""
    said = small_talk.compared(text)
    return next(
        (
            k
            for k in c.children("patterns")
            if said and small_talk.compared(c.text(f"patterns.{k}.label{_suffix(m)}")) == said
        ),
        None,
    )


_PATHS = {"path_now": NOW, "path_later": LATER, "path_let_go": LET_GO, "path_unsafe": UNSAFE}


def _path_label(text: str, c: Catalogue) -> str | None:
    """The path whose button label (on the card after the needs) `text` is, typed whole."""
    said = small_talk.compared(text)
    labels = {small_talk.compared(c.text(f"moment.{key}")): path for key, path in _PATHS.items()}
    return labels.get(said) if said else None


REPAIR = RepairFlow()
