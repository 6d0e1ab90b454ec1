"""Onboarding: what to call the person, and their time zone, confirmed back to them."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from bot.content import Catalogue
from bot.domain import small_talk
from bot.domain.flow import (
    Back,
    ButtonInput,
    Context,
    Event,
    FlowState,
    Outcome,
    TextInput,
    Unsupported,
    as_messages,
    held,
)
from bot.domain.moments import ENTRY_LIMIT
from bot.domain.profile import FinishSetup, SetPreferredName, SetPrefs, SetTimezone
from bot.domain.replies import Button, Reply, rows
from bot.domain.schedule import hhmm
from bot.domain.settings_flow import evening_clock, evening_time_answer, says_not_right
from bot.domain.timezones import guess_zone, local_now, parse_clock, several_zones
from bot.domain.who import PARTICLES, as_name, gives_no_name

FLOW = "onboard"
NAME, ZONE, CONFIRM, EVENING, EVENING_AT = "name", "zone", "confirm", "evening", "eveningat"
EVENING_CHOICES = ("19:00", "20:00", "21:00", "22:00")
NAME_LIMIT = 64
NAME_WORDS, NAME_CHARS = 4, 32  # beyond either, several words are more likely a sentence
SENTENCE_MARKS = frozenset("?!;,…")  # end or join sentences; no name has them
# What they told of a moment where a name or a place was asked ("that sounds like it matters,
# and I'd like to hear it once we're set up"): kept in setup's state, and offered to look at
# when setup is done (the shell does, as with words outside any flow: `story_told`).
STORY = "story"


def clean_name(text: str) -> str:
    """The name as it is greeted: spaces tidied, and a smile beside it left out ("lea 🙂",
    "Mia :)" are Lea and Mia); other signs are part of how they like to be called ("Zoë 🌻"),
    and a name of signs alone is kept as it is."""
    words = text.split()
    named = [w for w in words if not _a_smile(w)]
    return " ".join(named or words)


_EMOTICON = re.compile(r"[:;=8]['\-^]?[()\[\]dpo/\\|3*]+", re.IGNORECASE)  # ":)", ";-p"


def _a_smile(word: str) -> bool:
    """A face ("🙂", "😂") or an emoticon (":)", ";-p"), not a word."""
    if _EMOTICON.fullmatch(word):
        return True
    signs = [ord(ch) for ch in word if ch not in "\ufe0f\u200d" and not ch.isspace()]
    return bool(signs) and all(any(lo <= sign <= hi for lo, hi in _FACES) for sign in signs)


# The face emoji (smileys, not animals: "Kat 🐱" keeps her cat): Unicode's emoticons block,
# the supplemental faces, and the two old smileys.
_FACES = (
    (0x1F600, 0x1F64F),
    (0x1F910, 0x1F92F),
    (0x1F970, 0x1F97A),
    (0x1FAE0, 0x1FAE8),
    (0x2639, 0x263A),
)


def reads_as_a_sentence(name: str, c: Catalogue) -> bool:
    """An answer to "what should I call you?" that reads as a sentence, most likely the moment
    itself, rather than a name. One word is a name however unusual, unless it asks ("why?")."""
    said = name.split()
    if len(said) < 2:
        return "?" in name
    counted = [w for w in said if w not in PARTICLES]  # "Maria de los Angeles" is 3 words
    if len(counted) > NAME_WORDS or len(name) > NAME_CHARS or SENTENCE_MARKS & set(name):
        return True
    if any(_ends_a_sentence(said, i) for i in range(len(said))):
        return True
    sentence_words = set(c.raw("onboarding.sentence_words"))
    return any(w.lower().replace("\u2019", "'") in sentence_words for w in said)


def _normal(text: str) -> str:
    """Lower case, straight apostrophes, no punctuation or emoji: "Hi! I'm Mia :)" -> "hi
    i'm mia"."""
    text = text.lower().replace("\u2019", "'")
    text = re.sub(rf"(?<!\w)(?:{_EMOTICON.pattern})(?!\w)", " ", text)
    return " ".join(re.sub(r"[^\w\s'-]", " ", text).split())


def _without_greeting(said: str, c: Catalogue) -> str:
    greetings = sorted((str(g) for g in c.raw("onboarding.greetings")), key=len, reverse=True)
    for greeting in greetings:
        if said == greeting or said.startswith(greeting + " "):
            return said[len(greeting) :].strip()
    return said


def name_in_sentence(text: str, c: Catalogue) -> str | None:
    """The name in "my name is Mia", "hi! i'm mia :)", "call me Mia", "it's Mia", as typed
    (or with capitals if all lower case); None when there is no such lead, or what follows
    it is how they are ("i'm tired", "it's complicated") or more than a name."""
    said = _without_greeting(_normal(text), c)
    leads = sorted((str(w) for w in c.raw("onboarding.name_leads")), key=len, reverse=True)
    lead = next((w for w in leads if said.startswith(w + " ")), None)
    if lead is None:
        return None
    rest = said[len(lead) + 1 :]
    feelings = {c.text(f"feelings.{k}") for k in c.children("feelings")}
    feelings |= {c.text(f"interpretations.{k}.label") for k in c.children("interpretations")}
    if not rest or any(w in feelings for w in rest.split()):
        return None
    # The same words as typed, so "de la Cruz" and "Dr. Ana" keep their capitals and dots.
    typed = [(t, _normal(t).split()) for t in text.split()]
    typed = [(t, n) for t, n in typed if n]  # not ":)", "!", an emoji
    words: list[str] = []
    left = len(rest.split())
    while typed and left > 0:
        token, normal = typed.pop()
        words.insert(0, token.strip('!?,;:"()'))
        left -= len(normal)
    if left != 0:  # the name starts inside a word ("hi,i'm"): not read
        return None
    return as_name(" ".join(words).removesuffix("."), c)


def called_name(text: str, c: Catalogue) -> str | None:
    """The name after the last of `onboarding.call_leads` in a short answer ("I'm Ana but call
    me Annie" is Annie, "Just call me A." is A.); "" when it is any name at all ("call me
    whatever": the one they have); None when there is no such lead, or the words before it
    tell of someone else ("he said don't call me again")."""
    tokens = text.split()
    if len(tokens) > 2 * NAME_WORDS:
        return None
    leads = sorted((str(w) for w in c.raw("onboarding.call_leads")), key=len, reverse=True)
    story = _story_words(c).words
    for i in range(len(tokens) - 1, -1, -1):
        said = _normal(" ".join(tokens[i:]))
        lead = next((w for w in leads if said.startswith(w + " ")), None)
        before = _normal(" ".join(tokens[:i])).split()
        if lead is None or any(w in story or w.endswith("n't") for w in before):
            continue
        named = said[len(lead) + 1 :]
        if gives_no_name(named, c) or small_talk.is_listed(named, c, "onboarding.any_name"):
            return ""
        after = tokens[i + len(lead.split()) :]
        if len(after) == 1 and re.fullmatch(r"[^\W\d_]\.?", after[0]):  # an initial: "A."
            return after[0][0].upper() + after[0][1:]
        return name_in_sentence(" ".join(tokens[i:]), c)
    return None


def names_someone_else(text: str, c: Catalogue) -> bool:
    """ "the wife", "my husband": someone named alone (`onboarding.name_someone_openers`, then
    who they are, as `_story_words` reads someone), not a name nor yet a story."""
    said = _normal(text).split()
    if not 2 <= len(said) <= 3 or said[0] not in c.raw("onboarding.name_someone_openers"):
        return False
    story = _story_words(c)
    rest = " ".join(said[1:])
    return rest in story.words or rest in story.phrases


def without_closing(text: str, c: Catalogue) -> str:
    """`text` without what is said after a name ("Jo here" -> "Jo", "I'm Ana, nice to meet
    you" -> "I'm Ana"), as typed; unchanged when nothing would be left of it."""
    typed = [(t, _normal(t).split()) for t in text.split()]
    said = [w for _, normal in typed for w in normal]
    closings = sorted((str(w).split() for w in c.raw("onboarding.name_closings")), key=len)
    for closing in reversed(closings):
        if len(said) <= len(closing) or said[-len(closing) :] != closing:
            continue
        left = len(closing)
        while typed and left > 0:
            left -= len(typed.pop()[1])
        kept = " ".join(t for t, _ in typed).rstrip(",;:-\u2013\u2014 ")
        return kept if left == 0 and kept else text
    return text


def without_end_marks(name: str, c: Catalogue) -> str:
    """A name without the "!" or full stop after it ("Sam!", "Ana."), keeping an initial's
    or a title's dot ("J. R.", "Sammy Jr.")."""
    name = name.rstrip("!").rstrip()
    last = name.split()[-1] if name.split() else ""
    core = last.rstrip(".")
    abbreviations = {str(w) for w in c.raw("onboarding.name_abbreviations")}
    ends_it = last.endswith(".") and len(core) > 1 and "." not in core
    return name.rstrip(".") if ends_it and core.lower() not in abbreviations else name


@dataclass(frozen=True)
class _StoryWords:
    """What `tells_something` reads, built once per catalogue."""

    words: frozenset[str]  # one word each ("wife", "fought")
    phrases: tuple[str, ...]  # several ("other half", "silent treatment"), matched whole
    time_words: frozenset[str]
    length: int


@lru_cache(maxsize=8)
def _story_words(c: Catalogue) -> _StoryWords:
    """Someone in a story, a row or a feeling, as the lists that read them elsewhere say:
    `who_words`, "he" and "she" as the drafts list them (`drafts.typed.he`, `.she`),
    `typed.others`, `typed.trouble` and the feelings' labels, so a word added to one of them
    counts here too; `onboarding.story_words` holds only what none of them says ("we")."""
    listed = [
        *c.raw("onboarding.story_words"),
        *c.raw("drafts.typed.he"),
        *c.raw("drafts.typed.she"),
        *c.raw("typed.others"),
        *c.raw("typed.trouble"),
        *(w for who in c.children("who_words") for w in c.raw(f"who_words.{who}")),
        *(c.text(f"feelings.{k}") for k in c.children("feelings")),
    ]
    said = {_normal(str(w)) for w in listed} - {""}  # as `tells_something` reads the text
    return _StoryWords(
        words=frozenset(w for w in said if " " not in w),
        phrases=tuple(sorted(w for w in said if " " in w)),
        time_words=frozenset(str(w) for w in c.raw("onboarding.time_words")),
        length=int(str(c.raw("onboarding.story_length"))),
    )


def tells_something(text: str, c: Catalogue) -> bool:
    """Words at the evening question that are clearly no time but what is on their mind
    ("honestly I just need to talk, my wife and I had a fight about my mother"): someone in
    it, a row or a feeling (`_story_words`), or many words; and nothing of an answer about the
    time (a digit, "nine", "evening", "no", "skip": asked about again)."""
    said = _normal(text).split()
    if parse_clock(text) is not None or any(ch.isdigit() for ch in text) or len(said) < 2:
        return False
    if small_talk.yes_or_no(text, c) is not None:
        return False
    story = _story_words(c)
    long = len(said) >= story.length
    joined = f" {' '.join(said)} "
    someone = any(w in story.words for w in said) or any(f" {p} " in joined for p in story.phrases)
    if long and someone:  # "he was on his phone the whole time at dinner": a story all the same
        return True
    if any(w in story.time_words for w in said) or "check in" in joined:
        return False
    return long or someone


def declines_evening(text: str, c: Catalogue) -> bool:
    """ "no", "nope", "actually no thanks" typed at the evening check-in question or at its
    time: no check-in (shell.typed_no, and `onboarding_evening.declines`)."""
    if small_talk.yes_or_no(text, c) == "no":
        return True
    return "?" not in text and small_talk.is_listed(text, c, "onboarding_evening.declines")


def confirms(text: str, c: Catalogue) -> bool:
    """ "ok", "correct", "👍" typed at "Is that right?": its yes (besides shell.typed_yes,
    which `small_talk.yes_or_no` reads). Not a question ("ok?")."""
    if "?" in text:
        return False
    said = small_talk.words(text)
    if said:
        return " ".join(said) in c.raw("onboarding.confirm_words")
    return small_talk.only_signs(text, c, "onboarding.confirm_signs")


def is_small_talk(text: str, c: Catalogue) -> bool:
    """ "thank you", "yes please", "hi mend", "ok": said to Mend, not a name."""
    said = small_talk.words(text)
    if not said or " ".join(said) in c.raw("onboarding.small_talk_names"):
        return False  # an emoji alone is a name; so is "Ty"
    # Not a question ("help me!"): that may be what is on their mind, and is answered so.
    talk = small_talk.kind(text, c) not in (None, small_talk.HOW, small_talk.SAD)
    return talk or small_talk.yes_or_no(text, c) is not None


def stops_setup(text: str, c: Catalogue) -> bool:
    """ "stop", "cancel", "quit", "leave me alone" typed at a setup question: no answer (never
    a name), but setup stopped, as /cancel stops it (small_talk.stops_a_flow, and
    `onboarding.stops`)."""
    said = " ".join(small_talk.words(text))
    return small_talk.stops_a_flow(text, c) or said in c.raw("onboarding.stops")


def asks_why(text: str, c: Catalogue) -> bool:
    """ "Why do you need my name?", "why?", "what's it for?"."""
    said = _normal(text)
    if said in {str(w) for w in c.raw("onboarding.why_asks")}:
        return True
    starts = [str(w) for w in c.raw("onboarding.why_starts")]
    return "name" in said.split() and any(said.startswith(w + " ") for w in starts)


def asks_about_the_zone(text: str, c: Catalogue) -> bool:
    """ "Why do you need that?", "what for?", "help", "what?" at the time zone question."""
    if _normal(text) in {str(w) for w in c.raw("onboarding.why_asks")}:
        return True
    return small_talk.is_listed(text, c, "onboarding.zone_help")


def is_only_a_greeting(text: str, c: Catalogue) -> bool:
    said = _normal(text)
    return bool(said) and not _without_greeting(said, c)


def _ends_a_sentence(said: list[str], i: int) -> bool:
    """A full stop after a word, closing the answer or before a word in lower case ("he
    left.", "Ana. he left"); not an initial ("J. R.") nor a title before a name ("Dr. Ana")."""
    word = said[i]
    if not word.endswith(".") or len(word.rstrip(".")) < 2:
        return False
    return i == len(said) - 1 or said[i + 1][:1].islower()


def told_together(kept: str | None, text: str) -> str:
    """What was told during setup with `text`, told there too, after it: all of it, as more
    words at the offer to look are kept with what was told (a second message often goes on
    with the first: "he does this every time"). A retelling already kept (the same words) is
    not doubled, and nothing is added past what one moment keeps (ENTRY_LIMIT)."""
    said = text.strip()  # as typed, as the offer keeps words typed outside a flow
    if not kept:
        return said
    if not said or said in kept:
        return kept
    joined = f"{kept}\n{said}"
    return joined if len(joined) <= ENTRY_LIMIT else kept


def story_told(state: FlowState | None) -> str | None:
    """What the person told of a moment during setup (at the name or the time zone question),
    kept to offer once setup is done; in `state`, or in the setup it holds (/settings opened
    in the middle of setup). None if nothing was told, or `state` is no setup."""
    while state is not None and state.flow != FLOW:
        state = held(state)
    told = state.data.get(STORY) if state is not None else None
    return str(told) if told else None


def _keeping(state: FlowState, text: str, c: Catalogue) -> FlowState:
    """`state` with `text`, told at its question, kept as what they told (`told_together`);
    unchanged for words that outside any flow would not be offered as a moment either (small
    talk such as "how does this work?", a request about Mend, "brb", a bare number or time)."""
    if _not_a_moment(text, c):
        return state
    return state.with_data(**{STORY: told_together(story_told(state), text)})


def _not_a_moment(text: str, c: Catalogue) -> bool:
    """Words that outside any flow are answered, never offered as a moment (as the shell reads
    them there: small_talk)."""
    return (
        small_talk.kind(text, c) is not None
        or small_talk.request(text, c) is not None
        or small_talk.steps_away(text, c)
        or small_talk.bare_number(text)
        or small_talk.bare_time(text, c)
    )


def left_for_a_moment(state: FlowState | None, ctx: Context) -> Reply | None:
    """Setup at its last question (the evening check-in) left for a moment (/moment): the
    moment comes first, and setup is over as it stands (name and time zone are kept already;
    the check-in stays off). The sentence that says so, and how to turn the check-in on; None
    when `state` is not setup at that question."""
    if state is None or state.flow != FLOW or state.step not in (EVENING, EVENING_AT):
        return None
    return Reply(ctx.content.text("onboarding.left_for_a_moment"))


class Onboarding:
    name = FLOW

    def start(self, ctx: Context, told: str = "") -> Outcome:
        """Setup from the beginning; `told`: what the person wrote before it began (held by
        the danger check while setup waited), kept to offer once it is done (`story_told`)."""
        greeting = Reply(ctx.content.text("start.greeting", first_name=ctx.person.first_name))
        state = (
            _keeping(FlowState(FLOW, NAME), told, ctx.content) if told else FlowState(FLOW, NAME)
        )
        return Outcome(state, (greeting, self.prompt(state, ctx)))

    def change(self, ctx: Context) -> Outcome:
        """Name and time zone again, for someone set up already: no introduction, each kept
        with one tap, and the evening check-in left as it is (it lives in /settings)."""
        state = FlowState(FLOW, NAME, {"again": True})
        return Outcome(state, (self.prompt(state, ctx),))

    def prompt(self, state: FlowState, ctx: Context) -> Reply:
        c = ctx.content
        again = bool(state.data.get("again"))
        if state.step == NAME:
            name = self._current_name(state, ctx)
            shown = name if len(name) <= 24 else name[:23] + "…"  # a button, not a page
            if again:
                keep = Button(c.text("onboarding.keep_name", name=shown), "first")
                return Reply(c.text("onboarding.ask_name_again", name=name), rows(keep))
            use = Button(c.text("onboarding.use_first_name", first_name=shown), "first")
            return Reply(c.text("onboarding.ask_name"), rows(use))
        if state.step == ZONE:
            if again and ctx.person.timezone:
                zone = ctx.person.timezone
                keep = Button(c.text("onboarding.keep_timezone", zone=zone), "keep")
                return Reply(c.text("onboarding.ask_timezone_again", zone=zone), rows(keep))
            return Reply(c.text("onboarding.ask_timezone"))
        if state.step == EVENING:
            return Reply(
                c.text("onboarding_evening.ask"),
                rows(
                    Button(c.text("onboarding_evening.yes"), "yes"),
                    Button(c.text("onboarding_evening.other_time"), "time"),
                    Button(c.text("onboarding_evening.no"), "no"),
                ),
            )
        if state.step == EVENING_AT:
            choices = [Button(t, "t." + t.replace(":", "")) for t in EVENING_CHOICES]
            return Reply(c.text("onboarding_evening.ask_time"), rows(*choices, width=4))
        return self._confirm(str(state.data["zone"]), ctx)

    def cancel(self, state: FlowState, ctx: Context) -> Outcome:
        # Someone set up already who came to change their name or zone has nothing to finish.
        key = "onboarding.cancelled_change" if state.data.get("again") else "onboarding.cancelled"
        if key == "onboarding.cancelled" and state.step in (EVENING, EVENING_AT):
            # Name and zone are kept by then, so setup is over (/start welcomes them back):
            # only the check-in is left off, and where to turn it on is said.
            key = "onboarding.cancelled_at_evening"
        return Outcome(None, (Reply(ctx.content.text(key)),))

    def handle(self, state: FlowState, event: Event, ctx: Context) -> Outcome:
        c = ctx.content
        if isinstance(event, Unsupported):
            prompt = self.prompt(state, ctx)
            text = c.text("onboarding.text_only", prompt=prompt.text)
            return Outcome(state, (Reply(text, prompt.buttons),))
        if isinstance(event, Back):
            previous = state.back()
            if previous is None:
                return Outcome(state, (Reply(c.text("onboarding.nothing_to_go_back_to")),))
            return Outcome(previous, (self.prompt(previous, ctx),))
        if isinstance(event, TextInput) and stops_setup(event.text, c):
            return self.cancel(state, ctx)  # "stop" at the name question is no name
        if isinstance(event, TextInput) and small_talk.comes_back(event.text, c):
            # "where was I", "I'm back": the question again, neither a name nor a story.
            prompt = self.prompt(state, ctx)
            said = f"{c.text('shell.where_we_were')}\n\n{prompt.text}"
            return Outcome(state, (Reply(said, prompt.buttons),))
        if state.step == NAME:
            return self._on_name(state, event, ctx)
        keep = state.step == ZONE and isinstance(event, ButtonInput) and event.option == "keep"
        if keep and state.data.get("again") and ctx.person.timezone:
            return self._updated(ctx.person.timezone, ctx, ())
        if state.step in (CONFIRM, EVENING) and isinstance(event, TextInput):
            typed = small_talk.yes_or_no(event.text, c)
            if typed is None and state.step == CONFIRM and confirms(event.text, c):
                typed = "yes"  # "ok", "correct", "👍" at "Is that right?"
            if typed is None and state.step == CONFIRM and says_not_right(event.text, c):
                typed = "no"  # "wrong", "that's not right"
            if typed is not None:  # "yes" typed is the button pressed; as new messages
                return as_messages(self.handle(state, ButtonInput(typed), ctx))
            if state.step == EVENING and evening_clock(event.text, c) is not None:
                # A time typed ("21:30"): read as on the other-time question, and kept if it
                # can be; if not (quiet hours), asked there.
                return as_messages(self._on_evening_time(state.at(EVENING_AT), event, ctx))
        at_evening = state.step in (EVENING, EVENING_AT)
        if at_evening and isinstance(event, TextInput) and declines_evening(event.text, c):
            # "no", "actually no thanks" at the time: no check-in, as the "No thanks" button.
            return as_messages(self._done(state, ctx, {"evening_on": False}))
        if at_evening and isinstance(event, TextInput) and tells_something(event.text, c):
            return self._done_then_words(state, ctx)  # what is on their mind, not a time
        if state.step == CONFIRM and isinstance(event, ButtonInput):
            if event.option == "yes":
                zone = str(state.data["zone"])
                if state.data.get("again"):  # the evening check-in stays as it was
                    return self._updated(zone, ctx, (SetTimezone(zone),))
                following = state.at(EVENING)
                ask = replace(self.prompt(following, ctx), edit=True)
                return Outcome(following, (ask,), (SetTimezone(zone),))
            if event.option == "no":
                retry = state.back() or state
                return Outcome(retry, (Reply(c.text("onboarding.timezone_try_again"), edit=True),))
        if isinstance(event, TextInput) and state.step in (ZONE, CONFIRM):
            return self._on_zone(state, event.text, ctx)
        if state.step == EVENING and isinstance(event, ButtonInput):
            if event.option == "yes":  # 21:00, checked against quiet hours like any time
                return self._on_evening_time(state, ButtonInput("t.2100"), ctx)
            if event.option == "no":
                return self._done(state, ctx, {"evening_on": False})
            if event.option == "time":
                following = state.at(EVENING_AT)
                return Outcome(following, (replace(self.prompt(following, ctx), edit=True),))
        if state.step == EVENING_AT:
            return self._on_evening_time(state, event, ctx)
        return Outcome(state, (self.prompt(state, ctx),))

    def resumed(self, kept: FlowState, ctx: Context) -> Outcome | None:
        """Setup taken up again after a flow that held it (/settings) closed: what was
        answered there is not asked again. A time zone set there moves setup past its zone
        question (a guess still awaiting confirmation too) to the evening question; the evening
        check-in turned on there as well finishes it. None: setup goes on where it was."""
        zone = ctx.prefs.zone
        if kept.flow != FLOW or kept.data.get("again") or not zone:
            return None
        c = ctx.content
        if ctx.prefs.evening_on and kept.step in (ZONE, CONFIRM, EVENING, EVENING_AT):
            name = ctx.person.preferred_name or ctx.person.first_name
            evening = c.text("onboarding.evening_at", time=hhmm(ctx.prefs.evening_at))
            done = c.text(_done_key(kept), name=name, zone=zone, evening=evening)
            return Outcome(None, (Reply(done),))
        if kept.step not in (ZONE, CONFIRM):
            return None
        base = kept.back() if kept.step == CONFIRM else kept
        following = (base or kept).at(EVENING, zone=zone)
        back = Reply(c.text("shell.back_to_held"))
        return Outcome(following, (back, self.prompt(following, ctx)))

    def _done(self, state: FlowState, ctx: Context, prefs: dict[str, object]) -> Outcome:
        c = ctx.content
        zone = str(state.data.get("zone", ctx.person.timezone or "UTC"))
        name = ctx.person.preferred_name or ctx.person.first_name
        evening = (
            c.text("onboarding.evening_at", time=prefs["evening_at"])
            if prefs.get("evening_on")
            else c.text("onboarding.evening_off")
        )
        done = Reply(c.text(_done_key(state), name=name, zone=zone, evening=evening), edit=True)
        return Outcome(None, (done,), (SetPrefs(dict(prefs)),))

    def _done_then_words(self, state: FlowState, ctx: Context) -> Outcome:
        """Words at the evening question that are what is on their mind, not a time: setup is
        finished with the check-in off (it is in /settings), and the words are handed on, to be
        offered as a moment as words outside any flow are (with what was told earlier in
        setup before them, if anything was: the shell joins them, `told_together`)."""
        c = ctx.content
        zone = str(state.data.get("zone", ctx.person.timezone or "UTC"))
        name = ctx.person.preferred_name or ctx.person.first_name
        evening = c.text("onboarding.evening_off")
        done = Reply(c.text("onboarding.done_then_words", name=name, zone=zone, evening=evening))
        return Outcome(None, (done,), (SetPrefs({"evening_on": False}),), handback=True)

    def _updated(self, zone: str, ctx: Context, effects: tuple[object, ...]) -> Outcome:
        name = ctx.person.preferred_name or ctx.person.first_name
        done = Reply(ctx.content.text("onboarding.updated", name=name, zone=zone), edit=True)
        return Outcome(None, (done,), effects)

    @staticmethod
    def _current_name(state: FlowState, ctx: Context) -> str:
        """What the name button offers: their Telegram name at first, the name they chose
        when they come back to change it."""
        if state.data.get("again") and ctx.person.preferred_name:
            return clean_name(ctx.person.preferred_name)
        return clean_name(ctx.person.first_name)

    def _on_evening_time(self, state: FlowState, event: Event, ctx: Context) -> Outcome:
        at = evening_time_answer(event, ctx, in_setup=True)
        if at is None:
            return Outcome(state, (self.prompt(state, ctx),))
        if isinstance(at, Reply):
            return Outcome(state, (at,))
        return self._done(state, ctx, {"evening_on": True, "evening_at": hhmm(at)})

    def _on_name(self, state: FlowState, event: Event, ctx: Context) -> Outcome:
        c = ctx.content
        if isinstance(event, ButtonInput) and event.option == "first":
            name = self._current_name(state, ctx)[:NAME_LIMIT]
        elif isinstance(event, TextInput):
            name = clean_name(event.text)
            buttons = self.prompt(state, ctx).buttons
            if not name or is_only_a_greeting(name, c):
                return Outcome(state, (Reply(c.text("onboarding.name_empty"), buttons),))
            if asks_why(name, c):  # what it is for, and the question again
                return Outcome(
                    state, (Reply(c.text("onboarding.why_name"), self.prompt(state, ctx).buttons),)
                )
            first = clean_name(ctx.person.first_name)
            # "help", "Help!", "what?"; not a plea ("help me!": tests/domain/test_onboarding.py
            # keeps that one answered as what is on their mind, once set up).
            plea = name.rstrip().endswith("!") and len(small_talk.words(name)) > 1
            if small_talk.is_listed(name, c, "onboarding.name_help") and not plea:
                text = c.text("onboarding.name_help_reply", first_name=first)
                return Outcome(state, (Reply(text, buttons),))
            if small_talk.is_listed(name, c, "onboarding.name_how_i_am"):  # "im fine"
                return Outcome(state, (Reply(c.text("onboarding.name_how_you_are"), buttons),))
            if names_someone_else(name, c):  # "the wife": no name of theirs, and no story yet
                return Outcome(state, (Reply(c.text("onboarding.name_someone_else"), buttons),))
            called = called_name(event.text, c)
            if called is not None:  # "I'm Ana but call me Annie"; "" for "call me whatever"
                current = self._current_name(state, ctx)[:NAME_LIMIT]
                return self._named(state, called or current, ctx, not called)
            if gives_no_name(name, c) or small_talk.is_listed(name, c, "onboarding.any_name"):
                return self._named(state, self._current_name(state, ctx)[:NAME_LIMIT], ctx, True)
            if is_small_talk(name, c):  # "yes please", "thank you": the question again, kindly
                return Outcome(state, (Reply(c.text("onboarding.name_small_talk"), buttons),))
            name = without_closing(name, c)
            name = name_in_sentence(name, c) or without_end_marks(name, c)
            if len(name) > NAME_LIMIT and len(name.split()) == 1:
                text = c.text("onboarding.name_too_long", limit=NAME_LIMIT)
                return Outcome(state, (Reply(text),))
            if reads_as_a_sentence(name, c):  # most likely the moment itself: ask kindly again
                again = bool(state.data.get("again"))
                key = "onboarding.name_not_a_name_again" if again else "onboarding.name_not_a_name"
                # Heard and kept, as promised ("once we're set up"); someone set up already is
                # told to /cancel and tell it, so nothing is kept for them.
                kept = state if again else _keeping(state, event.text, c)
                return Outcome(kept, (Reply(c.text(key), self.prompt(state, ctx).buttons),))
        else:
            return Outcome(state, (self.prompt(state, ctx),))
        return self._named(state, name, ctx)

    def _named(self, state: FlowState, name: str, ctx: Context, refused: bool = False) -> Outcome:
        """The name kept, said back, and on to the time zone. With no name given (`refused`)
        it is the one they have, and they hear it can be changed."""
        c = ctx.content
        following = state.at(ZONE)
        if state.data.get("again"):
            saved_key = "onboarding.name_kept"
        else:
            saved_key = "onboarding.name_refused" if refused else "onboarding.name_saved"
        saved = c.text(saved_key, name=name)
        ask = self.prompt(following, ctx)
        said = Reply(f"{saved}\n\n{ask.text}", ask.buttons)
        return Outcome(following, (said,), (SetPreferredName(name),))

    def _on_zone(self, state: FlowState, text: str, ctx: Context) -> Outcome:
        c = ctx.content
        guess = guess_zone(text, ctx.now)
        if guess is None and (country := several_zones(text)) is not None:
            return Outcome(state, (Reply(c.text("onboarding.timezone_several", country=country)),))
        if guess is None and asks_about_the_zone(text, c):  # "why do you need that?", "help"
            return Outcome(state, (Reply(c.text("onboarding.why_zone")),))
        if guess is None and small_talk.is_listed(text, c, "onboarding.zone_skips"):
            return self._zone_skipped(state, ctx)
        if guess is None and parse_clock(text) is not None:
            reply = ctx.content.text("onboarding.clock_nowhere", utc=ctx.now.strftime("%H:%M"))
            return Outcome(state, (Reply(reply),))
        if guess is None and tells_something(text, ctx.content):
            # What is on their mind, not a place: kindly, once set up (as at the name).
            again = bool(state.data.get("again"))
            reply = ctx.content.text(
                "onboarding.timezone_story_again" if again else "onboarding.timezone_story"
            )
            return Outcome(state if again else _keeping(state, text, ctx.content), (Reply(reply),))
        if guess is None:
            shown = " ".join(text.split())
            shown = shown if len(shown) <= 40 else shown[:39] + "…"
            return Outcome(
                state, (Reply(ctx.content.text("onboarding.timezone_unknown", answer=shown)),)
            )
        base = state.back() if state.step == CONFIRM else state
        following = (base or state).at(CONFIRM, zone=guess.zone)
        return Outcome(following, (self._confirm(guess.zone, ctx),))

    def _zone_skipped(self, state: FlowState, ctx: Context) -> Outcome:
        """No time zone given ("skip", "I'd rather not say"): setup finishes on UTC with the
        evening check-in off, so nothing comes at an odd hour; /start sets it later. Someone
        set up already, come to change it, keeps the one they have."""
        if state.data.get("again"):
            return self.cancel(state, ctx)
        c = ctx.content
        key = (
            "onboarding.zone_skipped_then_story" if story_told(state) else "onboarding.zone_skipped"
        )
        name = ctx.person.preferred_name or ctx.person.first_name
        said = c.text(key, name=name, utc=ctx.now.strftime("%H:%M"))
        return Outcome(None, (Reply(said),), (SetPrefs({"evening_on": False}), FinishSetup()))

    def _confirm(self, zone: str, ctx: Context) -> Reply:
        c = ctx.content
        local = local_now(zone, ctx.now)
        text = c.text(
            "onboarding.timezone_confirm",
            weekday=local.strftime("%A"),
            local_time=local.strftime("%H:%M"),
            zone=zone,
        )
        buttons = rows(
            Button(c.text("onboarding.timezone_yes"), "yes"),
            Button(c.text("onboarding.timezone_no"), "no"),
        )
        return Reply(text, buttons)


def _done_key(state: FlowState) -> str:
    """Setup's closing: with a story told during it, it leads to that story (the shell offers
    it next); without, it says how to tell one."""
    return "onboarding.done_then_story" if story_told(state) else "onboarding.done"


ONBOARDING = Onboarding()
