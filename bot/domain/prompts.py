"""The cards the bot sends on its own, and what their answers do.

Buttons carry `menu:<kind>.<choice>.<prompt id>`: a prompt row, not a flow state, so an answer
days later still works. The shell checks that the prompt belongs to the person pressing.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from bot.content import Catalogue
from bot.domain import small_talk
from bot.domain.clock import NIGHT_ENDS, their_day
from bot.domain.couples import reads_as_hurt
from bot.domain.drafts import clip
from bot.domain.history import own_words, pattern_label, pick_up_button
from bot.domain.moments import (
    LET_GO,
    OPEN,
    OTHER_PATTERN,
    REPAIRED,
    TEXT_LIMIT,
    UNFINISHED,
    Moment,
)
from bot.domain.replies import Button, Reply, rows
from bot.domain.schedule import Prefs, in_quiet_hours

EVENING_CHOICES = ("hurt", "by_me", "connection", "all_good", "not_tonight", "snooze")
FOLLOW_UP_CHOICES = ("went_well", "hard", "not_yet", "let_go", "resume")
RESCHEDULE_CHOICES = ("tonight", "tomorrow", "hours")

# The three cards a prompt row can show: the evening check-in, the follow-up on a moment, and
# the follow-up's "when should I ask again?" (also the first part of their buttons' data).
EVENING_CARD, FOLLOW_UP_CARD, RESCHEDULE_CARD = "ev", "fu", "fr"
YES = "yes"  # a plain yes at a card with more than one way to say yes: `yes_card` asks which
# Not sure how it went ("not sure", "kind of?"), or only "ok", typed at a follow-up: `which_card`
# asks again gently, with the card's buttons.
UNSURE, WHICH = "unsure", "which"
# What a plain "no" means at each card; at "when should I ask again?" it means nothing.
_NO_MEANS = {EVENING_CARD: "not_tonight", FOLLOW_UP_CARD: "not_yet"}


def _button(c: Catalogue, key: str, kind: str, choice: str, prompt_id: int) -> Button:
    return Button(c.text(key), f"{kind}.{choice}.{prompt_id}", menu=True)


def evening_card(name: str, prompt_id: int, c: Catalogue, *, looked_today: bool = False) -> Reply:
    """The evening check-in. `looked_today`: they already looked at a moment today (one told,
    or one picked up again and finished): the card says so rather than ask as if not."""
    buttons = [
        _button(c, f"evening.{choice}", EVENING_CARD, choice, prompt_id)
        for choice in EVENING_CHOICES
    ]
    key = "evening.ask_after_moment" if looked_today else "evening.ask"
    return Reply(c.text(key, name=name), rows(*buttons, width=2))


# From when a reply may say "sleep well" / "rest well" (until NIGHT_ENDS, in the small hours).
EVENING_FROM = time(17, 0)


def evening_reply(
    choice: str, name: str, now: datetime, zone: ZoneInfo, c: Catalogue, *, measured: bool = False
) -> str:
    """The answer to "all good" or "not tonight": its evening words in the evening and the
    small hours, its daytime ones for a card answered the next morning. `measured`: "all good"
    said lukewarmly (`so_so`: "meh", "idk"), not met with "Glad to hear it"."""
    local = now.astimezone(zone).time()
    evening = local >= EVENING_FROM or local < NIGHT_ENDS
    if choice == "all_good" and measured:
        key = "evening.so_so_reply" if evening else "evening.so_so_day_reply"
    elif choice == "all_good":
        key = "evening.all_good_reply" if evening else "evening.all_good_day_reply"
    else:
        key = "evening.not_tonight_reply" if evening else "evening.not_tonight_day_reply"
    return c.text(key, name=name)


LABEL_CHARS = 40  # a moment quoted on a card by its own words


def moment_label(m: Moment, c: Catalogue) -> str:
    if m.pattern and m.pattern != OTHER_PATTERN:
        return pattern_label(m, c)
    return clip(own_words(m) or pattern_label(m, c), LABEL_CHARS)


def _labelled(m: Moment) -> bool:
    """Whether the moment has a label worth quoting: a pattern they picked, or their own words.
    "Something else" is only the button they tapped, not a name they gave it."""
    return bool(m.pattern and m.pattern != OTHER_PATTERN) or bool(own_words(m))


def counted(c: Catalogue, n: int, one: str, many: str) -> str:
    """The message for a count: `one` for exactly 1 ("1 hour"), `many` otherwise."""
    return c.text(one if n == 1 else many, n=n)


# A moment told from this local time until NIGHT_ENDS is from the night: the next day, it is
# "last night", on either side of midnight.
NIGHT_FROM = time(22, 0)


def moment_day(m: Moment, now: datetime, zone: ZoneInfo) -> tuple[str, dict[str, str]]:
    """Which day the moment is from: "today", "last_night" (the night before, late evening or
    small hours), "yesterday", "weekday" (within the week) or "date", and the words to fill
    in. Both days are the person's (`clock.their_day`: until NIGHT_ENDS, still the day
    before), both in `zone`, where they are now: one night is one night whichever side of
    midnight, and after travel the days are counted where they are.

    Read in the small hours (before NIGHT_ENDS), "today" and "last night" would be taken as
    the day begun and the night just ending: a moment from the night they are still up in,
    since its evening (EVENING_FROM), is "tonight" ("earlier tonight"); anything before it is
    named by its weekday, or its date from a week on by the calendar they see."""
    told = m.created_at.astimezone(zone)
    local = now.astimezone(zone)
    day = their_day(told)
    ago = (their_day(local) - day).days
    if local.time() < NIGHT_ENDS:
        if ago <= 0 and (told.time() >= EVENING_FROM or told.time() < NIGHT_ENDS):
            return "tonight", {}
        ago = max((local.date() - day).days, 2)  # named by its day, never "yesterday"
    if ago <= 0:
        return "today", {}
    if ago == 1:
        late = told.time() >= NIGHT_FROM or told.time() < NIGHT_ENDS
        return ("last_night" if late else "yesterday"), {}
    if ago < 7:
        return "weekday", {"weekday": day.strftime("%A")}
    return "date", {"date": day.strftime("%-d %B")}


def follow_up_card(
    m: Moment,
    prompt_id: int,
    c: Catalogue,
    *,
    nudge: bool,
    now: datetime | None = None,
    zone: ZoneInfo | None = None,
) -> Reply:
    """The card asking about a moment. It names the moment's day, so two cards about moments
    with the same label (the same pattern) can be told apart."""
    # An unfinished moment was never planned as a talk: whenever it comes up (its nudge, or
    # the reminder "not yet" asked for), the question is whether to pick it up again.
    unfinished = m.status == UNFINISHED
    choices = follow_up_choices(m)
    buttons = [
        _button(c, f"follow_up.{choice}", FOLLOW_UP_CARD, choice, prompt_id) for choice in choices
    ]
    which, words = moment_day(m, now or m.created_at, zone or ZoneInfo("UTC"))
    # With no label to quote, the moment is named by its day alone; one with someone other
    # than the partner names them too (16 characters of the name at most, as /history).
    unnamed = "" if _labelled(m) else "_unnamed"
    who = clip(m.who_name, 16) if m.who_name and m.who != "partner" else ""
    unnamed += "_with" if who else ""
    if nudge or unfinished:
        since = c.text(f"follow_up.since.{which}", **words)
        text = c.text(
            f"follow_up.nudge_ask{unnamed}", label=moment_label(m, c), since=since, who=who
        )
    else:
        day = c.text(f"follow_up.from.{which}", **words)
        text = c.text(f"follow_up.ask{unnamed}", label=moment_label(m, c), day=day, who=who)
    return Reply(text, rows(*buttons, width=2))


PLANNED_CHOICES = ("went_well", "hard", "not_yet", "let_go")
UNFINISHED_CHOICES = ("resume", "not_yet", "let_go")
# Every card a prompt row can show, with its buttons: what typed words may answer.
CARDS = (
    (EVENING_CARD, EVENING_CHOICES),
    (FOLLOW_UP_CARD, PLANNED_CHOICES),
    (FOLLOW_UP_CARD, UNFINISHED_CHOICES),
    (RESCHEDULE_CARD, RESCHEDULE_CHOICES),
)


def follow_up_choices(m: Moment) -> tuple[str, ...]:
    """The buttons of a follow-up card on `m`, in order."""
    return UNFINISHED_CHOICES if m.status == UNFINISHED else PLANNED_CHOICES


# The choice a follow-up's answer may be followed by the story of ("it was hard, he got
# defensive"): the talk went, and what happened in it is a moment worth looking at. After the
# others a story is more likely a new moment than their answer (`_opening`).
TOLD_AFTER = "hard"


def hard_and_told(text: str, choices: Sequence[str], c: Catalogue) -> bool:
    """Whether typed words at a follow-up that asks how it went open by saying it was hard, in
    more than one word ("it went really badly tbh", "not great"), and go on to tell what
    happened at more length, or with more hurt, than `typed_choice` takes as a reason ("he got
    defensive and said I was being dramatic"): the card's "It was hard" (what it asked has been
    said), and the words offered as a moment (what followed is kept, not lost). Otherwise read
    as `_opening` reads an answer that goes on: nothing after it names another answer, says no
    or turns it ("but"), and there is no question. Words `typed_choice` takes as "It was hard"
    with a short reason ("it went really badly tbh. he got defensive") are told too: what
    happened is there to look at, not only a reason. So is a talk said to have happened that
    turns on what someone did (`_talked_but`: "we talked but he got defensive")."""
    if TOLD_AFTER not in choices:
        return False
    if typed_choice(text, FOLLOW_UP_CARD, choices, c) not in (None, TOLD_AFTER):
        return False
    phrases = _phrases(text, "follow_up", choices, c)
    if _opening(text, phrases, FOLLOW_UP_CARD, choices, c, told=True) == TOLD_AFTER:
        return True
    return _talked_but(text, phrases, c)


def _talked_but(text: str, phrases: list[str], c: Catalogue) -> bool:
    """Whether typed words at a follow-up say only that the talk happened (a listed yes: "we
    talked", "we did"), then turn (`typed.contrasts`: "but") on what someone did or a hurt
    ("we talked but he got defensive", "we did, but she shut down again"): it was hard, and
    what followed is what happened. Not when what follows names an answer ("we talked but it
    went well"), says no, or is about no one and tells no hurt ("we talked but only briefly");
    nor a question."""
    if "?" in text:
        return False
    said = " ".join(phrases).split()
    yeses = small_talk.listed(c, "follow_up.typed.yes")
    talked = [n for n in range(1, len(said)) if small_talk.bare(" ".join(said[:n])) in yeses]
    if not talked or small_talk.bare(said[max(talked)]) not in _word_set(c, "typed.contrasts"):
        return False
    story = said[max(talked) + 1 :]
    told = " ".join(story)
    if not story or _named_within(told, "follow_up", FOLLOW_UP_CHOICES, c):
        return False
    if small_talk.yes_or_no(story[0], c) is not None:
        return False
    return _about_someone(story, c) or reads_as_hurt(told, c) or _quarrel(told, c)


def when_after_not_yet(text: str, c: Catalogue) -> str | None:
    """The words after a typed "not yet" (or the card's "no") at a follow-up, without hedges
    (`follow_up.typed.when_hedges`: "maybe", "probably") or fillers: "not yet, tomorrow maybe"
    is "tomorrow", which the shell reads as when to ask again, as typed at "When should I ask
    again?". None when the words are no "not yet", or nothing follows it."""
    if typed_choice(text, FOLLOW_UP_CARD, PLANNED_CHOICES, c) != "not_yet":
        return None
    phrases = _phrases(text, "follow_up", PLANNED_CHOICES, c)
    while phrases and (
        small_talk.yes_or_no(phrases[0], c) == "no"
        or small_talk.kind(phrases[0], c) in _SAYS_NOTHING
    ):
        phrases.pop(0)
    if phrases and _named(_unstressed(phrases[0], c), "follow_up", ("not_yet",), c):
        phrases.pop(0)
    hedges = _runs(c, "follow_up.typed.when_hedges")
    said = _without(_unstressed(" ".join(phrases), c), hedges)
    return said or None


def lukewarm(text: str, c: Catalogue) -> bool:
    """Whether typed words that say a talk went well say it only lukewarmly ("it was ok i
    guess", "fine", "it was alright": `follow_up.typed.lukewarm`): answered with a warm but
    measured line, not "That's wonderful". Not when they also say it went more than fine
    (`follow_up.typed.glowing`: "it went really well, she was fine with it")."""
    said = small_talk.compared(text).split()

    def has(key: str) -> bool:
        runs = _runs(c, key)
        return any(said[at : at + len(run)] == list(run) for run in runs for at in range(len(said)))

    return has("follow_up.typed.lukewarm") and not has("follow_up.typed.glowing")


@lru_cache(maxsize=32)
def _runs(c: Catalogue, key: str) -> tuple[tuple[str, ...], ...]:
    """A content list of phrases as runs of words as compared (no apostrophes), the longest
    first."""
    runs = set(small_talk.bare_phrases_of(c, key)) - {()}
    return tuple(sorted(runs, key=len, reverse=True))


def _without(phrase: str, runs: tuple[tuple[str, ...], ...]) -> str:
    """`phrase` without any of `runs` (each compared without apostrophes)."""
    said, at = phrase.split(), 0
    kept: list[str] = []
    while at < len(said):
        bare = [small_talk.bare(w) for w in said[at:]]
        skip = next((len(r) for r in runs if tuple(bare[: len(r)]) == r), 0)
        kept.extend(() if skip else (said[at],))
        at += skip or 1
    return " ".join(kept)


GOOD_DAY = "evening.typed.good_day"  # "it was a good day", "we had a nice evening"


def connection_told(text: str, c: Catalogue) -> bool:
    """Whether typed words at the evening card open by saying the day was good (`GOOD_DAY`,
    after any plain yes, no or "ok", and without fillers: "it was a really good day") and go
    on to tell of something shared (`typed.together`: "we went for a walk and held hands"):
    a moment of connection, kept with their words as its line would be. Conservative, as
    `_goes_on` is: not when what follows names anyone else ("he forgot my birthday" may be a
    hurt), tells a hurt or a quarrel, turns the day (`typed.contrasts`), may undo it
    (`typed.undo_a_yes`: "we barely spoke"), or names another answer; nor a question, nor
    more than a line holds."""
    if "?" in text or len(text) > TEXT_LIMIT:
        return False
    phrases = _phrases(text, "evening", EVENING_CHOICES, c)
    while phrases and (
        small_talk.yes_or_no(phrases[0], c) or small_talk.kind(phrases[0], c) in _SAYS_NOTHING
    ):
        phrases.pop(0)
    if len(phrases) < 2 or small_talk.bare(_unstressed(phrases[0], c)) not in small_talk.listed(
        c, GOOD_DAY
    ):
        return False
    after = phrases[1:]
    said = small_talk.bare(" ".join(after)).split()
    if not set(said) & _word_set(c, "typed.together") or _about_someone(said, c):
        return False
    turned = _word_set(c, "typed.contrasts") | _word_set(c, "typed.undo_a_yes")
    if set(said) & turned or reads_as_hurt(" ".join(said), c) or _quarrel(" ".join(said), c):
        return False
    agrees = {"all_good", "connection"}
    return not any(_named_within(p, "evening", EVENING_CHOICES, c) - agrees for p in after)


def so_so(text: str, c: Catalogue) -> bool:
    """Whether typed words at the evening card say the day was only so-so ("meh", "idk",
    "so-so": `evening.typed.so_so`), or "All good" hedged (an "All good" phrase or an
    acknowledgement, then `evening.typed.so_so_hedges`: "fine I guess", "ok ish"): taken as
    "All good" (nothing to look at), but answered without "Glad to hear it"."""
    said = small_talk.compared(text)
    if not said:
        return False
    if said in small_talk.listed(c, "evening.typed.so_so"):
        return True
    rest = _without_tail(said.split(), _runs(c, "evening.typed.so_so_hedges"))
    if rest is None or not rest:
        return False
    phrase = " ".join(rest)
    return (
        phrase in small_talk.listed(c, "evening.typed.all_good")
        or phrase in small_talk.listed(c, "evening.typed.so_so")
        or phrase in small_talk.listed(c, "shell.acknowledgements")
    )


def put_off(text: str, c: Catalogue) -> str | None:
    """ "Not tonight" or "Ask me in an hour" asked for in words at the evening card: one of
    `evening.typed.put_off_asks` (after any `put_off_openers`), then words the card takes as
    one of those two, then any `put_off_closers` ("ask me tomorrow", "can we do this later?",
    "could you ask me another time please"), a question mark or not. None otherwise."""
    said = small_talk.compared(text).split()
    openers = _runs(c, "evening.typed.put_off_openers")
    while (opened := _without_head(said, openers)) is not None and opened:
        said = opened  # any number of openers: "ok maybe ask me tomorrow"
    rest = _without_head(said, _runs(c, "evening.typed.put_off_asks"))
    if not rest:
        return None
    closers = _runs(c, "evening.typed.put_off_closers")
    while rest:
        shorter = _without_tail(rest, closers)
        if shorter is None or not shorter:
            break
        rest = shorter
    return _listed(" ".join(rest), "evening", ("not_tonight", "snooze"), c)


def _without_head(said: list[str], runs: tuple[tuple[str, ...], ...]) -> list[str] | None:
    """`said` without one of `runs` at its start (the longest that fits); None if none opens
    it."""
    for run in runs:  # longest first
        if tuple(said[: len(run)]) == run:
            return said[len(run) :]
    return None


def _without_tail(said: list[str], runs: tuple[tuple[str, ...], ...]) -> list[str] | None:
    """`said` without one of `runs` at its end (the longest that fits); None if none ends it."""
    for run in runs:  # longest first
        if len(said) >= len(run) and tuple(said[len(said) - len(run) :]) == run:
            return said[: len(said) - len(run)]
    return None


def gives_way(text: str, c: Catalogue) -> bool:
    """Whether typed words the evening card takes open with a put-off it takes only loosely
    (`evening.typed.gives_way`: "not yet"): an older card still waiting that takes them too
    answers them instead ("Did you get to talk about ...?" asks for just that)."""
    phrases = _phrases(text, "evening", EVENING_CHOICES, c)
    while phrases and small_talk.yes_or_no(phrases[0], c) == "no":
        phrases.pop(0)  # "no, not yet"
    return bool(phrases) and small_talk.is_listed(phrases[0], c, "evening.typed.gives_way")


def snooze_quiet_key(now: datetime, prefs: Prefs) -> str:
    """What "Ask me in an hour" says when an hour on is in quiet hours: that they begin
    within the hour, or that they have begun already."""
    local = now.astimezone(prefs.tz).time()
    quiet = in_quiet_hours(local, prefs.quiet_start, prefs.quiet_end)
    return "evening.snooze_quiet_now" if quiet else "evening.snooze_quiet"


def answers_a_card(text: str, c: Catalogue) -> bool:
    """Whether `text` could answer some card (typed_choice for one of CARDS, or `told` for
    a follow-up): words that answer none need no look at which cards are waiting."""
    if any(typed_choice(text, card, choices, c) is not None for card, choices in CARDS):
        return True
    return told(text, PLANNED_CHOICES, c) is not None


def typed_choice(text: str, card: str, choices: Sequence[str], c: Catalogue) -> str | None:
    """Which of a card's `choices` typed words stand for: a button's own label ("it went
    well"), or one of the phrases listed for it (`<card's section>.typed.<choice>`: "we made
    up", "too tired"), compared without case, emoji or punctuation; as the whole message, or
    clause by clause ("Not tonight, too tired.") with every clause saying the same. A plain
    "no" is the card's way of putting it off, and a plain "yes" is YES, or "resume" where
    that is the one yes; either gives way to a clause that says which ("yes, it went well").
    An "ok" or a "thanks" among them says nothing, and a yes or no may open a clause without a
    comma ("nah all good"). Words that open with an answer and go on ("not yet, he was
    busy") are read by `_opening`. None for anything else: a question (one that ends the
    message), or words that may well be a new moment."""
    later = put_off(text, c) if card == EVENING_CARD else None
    if later in choices:
        return later  # "can we do this tomorrow?": a put-off, asked as a question
    doubt = _unsure(text, card, choices, c)
    if doubt is not None:
        return doubt  # "not sure", "kind of?", "ok": which is it?
    if text.rstrip().endswith("?"):
        return None
    return _typed_choice(text, card, choices, c)


def _unsure(text: str, card: str, choices: Sequence[str], c: Catalogue) -> str | None:
    """At a follow-up: UNSURE for words that say they are not sure how it went (a whole
    message listed in `follow_up.typed.unsure`: "not sure"; with a question mark, also one
    listed as an answer: "kind of?"), WHICH for only an "ok". None otherwise."""
    if card != FOLLOW_UP_CARD:
        return None
    said = " ".join(small_talk.words(text))
    if not said:
        return None
    if small_talk.kind(said, c) == small_talk.ACK and small_talk.yes_or_no(said, c) is None:
        return WHICH
    how = set(PLANNED_CHOICES) <= set(choices)  # "Pick it up again?" asks nothing of a talk
    if not how or not small_talk.is_listed(said, c, "follow_up.typed.unsure"):
        return None
    asked = text.rstrip().endswith("?")
    return UNSURE if asked or _listed(said, "follow_up", choices, c) is None else None


# At most this many words in a follow-up's answer read by what its clauses say (`_told`):
# more is likely a story of its own.
TOLD_WORDS = 14
# What each list of `follow_up.told` says, and the answer it stands for (`_told`).
_TOLD = {
    "went_well": "went_well",
    "hard": "hard",
    "not_yet": "not_yet",
    "not_ready": "not_yet",
    "let_go": "let_go",
    "reached_out": YES,
}


def told(text: str, choices: Sequence[str], c: Catalogue) -> str | None:
    """Typed words at a follow-up that asks how a talk went (`PLANNED_CHOICES`) that
    `typed_choice` takes as no answer, and `hard_and_told` not as hard and a story: the answer
    read from what their clauses say (`_told`), or None."""
    if not set(PLANNED_CHOICES) <= set(choices):
        return None
    return _told(text, choices, c)


def _told(text: str, choices: Sequence[str], c: Catalogue) -> str | None:
    """A follow-up's answer read from what its clauses say (`follow_up.told`): what the other
    person did ("she forgave me", "he said no worries": went well; "he got defensive", "he's
    still upset with me": hard), why not yet ("he wasn't home", "i chickened out", "he didn't
    want to talk"), letting it go ("i think i'll just let it go"), or only that they reached
    out ("i said sorry": YES, how did it go?). Every clause (split at `typed.contrasts` too)
    must say one of those, or only a yes, a no, an "ok" or thanks, or name an answer; none may
    name someone by who they are other than a partner ("my boss"), and the whole is at most
    TOLD_WORDS words with no question. Hard wins over went well ("he accepted it but it was
    awkward"); "not yet" (or a no) with either is no answer; went well or hard over a let go
    or a reached out. Only hard may tell a hurt or a quarrel (`couples.reads_as_hurt`: "not
    yet he yelled at me again" is a story). None otherwise: a story, offered as a moment."""
    if "?" in text or len(small_talk.words(text)) > TOLD_WORDS:
        return None
    found: set[str] = set()
    contrasts = _word_set(c, "typed.contrasts")
    for phrase in _phrases(text, "follow_up", choices, c):
        said = [small_talk.bare(w) for w in phrase.split()]
        if _someone_else(said, c):
            return None
        clauses: list[list[str]] = [[]]
        for word in said:
            if word in contrasts:
                clauses.append([])
            else:
                clauses[-1].append(word)
        for clause in filter(None, clauses):
            says = _told_clause(clause, choices, c)
            if says is None:
                return None
            found |= says
    found -= {""}
    if found & {"not_yet", "no"} and found & {"went_well", "hard"}:
        return None
    read = next((a for a in ("hard", "went_well", "not_yet", "let_go", YES) if a in found), None)
    read = read or ("not_yet" if "no" in found else None)
    if read != "hard" and (reads_as_hurt(text, c) or _quarrel(text, c)):
        return None
    return read


def _told_clause(said: list[str], choices: Sequence[str], c: Catalogue) -> set[str] | None:
    """What one clause of a follow-up's answer says (`_told`): the answers its listed words
    stand for, {""} for only a yes, an "ok" or thanks ("no" for a no), None for none of those."""
    phrase = _unstressed(" ".join(said), c)
    if not phrase:
        return {""}
    named = _named(phrase, "follow_up", choices, c)
    if named:
        return set(named)
    answer = small_talk.yes_or_no(phrase, c) or _plain_yes(phrase, "follow_up", c)
    if answer is not None:
        return {"" if answer == "yes" else "no"}
    if small_talk.kind(phrase, c) in _SAYS_NOTHING or phrase in _word_set(
        c, "follow_up.typed.lukewarm"
    ):
        return {""}
    words = phrase.split()
    negations = _runs(c, "follow_up.told.negations")
    read: set[str] = set()
    covered: set[int] = set()
    for key, answer in _TOLD.items():
        for run in _runs(c, f"follow_up.told.{key}"):
            at = _at(words, run)
            if at is None:
                continue
            if any(_at(words[:at], n) is not None for n in negations):
                return None  # "he hasn't forgiven me", "i can't let it go"
            read.add(answer)
            covered |= set(range(at, at + len(run)))
    # Around what it says, only who and small words ("he said no worries"): anything more
    # ("he cried when his dog died", "he said no problem when i asked him to pick up the
    # kids") is a story, offered as one, not this talk's answer.
    around = _word_set(c, "follow_up.told.around")
    if any(i not in covered and w not in around for i, w in enumerate(words)):
        return None
    return read or None


def _at(said: list[str], run: tuple[str, ...]) -> int | None:
    """Where `run` first begins among the words `said`; None if it is not among them."""
    return next(
        (at for at in range(len(said) - len(run) + 1) if tuple(said[at : at + len(run)]) == run),
        None,
    )


@lru_cache(maxsize=8)
def _not_partners(c: Catalogue) -> tuple[tuple[str, ...], ...]:
    """The words that name someone by who they are, other than a partner (`who_words`: "boss",
    "sister"), each as a run of words without apostrophes."""
    listed = [
        w for who in c.children("who_words") if who != "partner" for w in c.raw(f"who_words.{who}")
    ]
    return tuple({tuple(small_talk.compared(str(w)).split()) for w in listed} - {()})


def _someone_else(said: list[str], c: Catalogue) -> bool:
    return any(_at(said, run) is not None for run in _not_partners(c))


def not_ready(text: str, c: Catalogue) -> bool:
    """Whether a typed "not yet" at a follow-up says the other person didn't want to talk yet
    (`follow_up.told.not_ready`: "he didn't want to talk"): asked when again more gently."""
    said = small_talk.compared(text).split()
    return any(_at(said, run) is not None for run in _runs(c, "follow_up.told.not_ready"))


def which_card(choice: str, choices: Sequence[str], prompt_id: int, c: Catalogue) -> Reply:
    """UNSURE or WHICH typed at a follow-up: asked which, gently, with the card's buttons."""
    buttons = [
        _button(c, f"follow_up.{option}", FOLLOW_UP_CARD, option, prompt_id) for option in choices
    ]
    return Reply(c.text(f"follow_up.{choice}"), rows(*buttons, width=2))


def _typed_choice(text: str, card: str, choices: Sequence[str], c: Catalogue) -> str | None:
    """`typed_choice` as the card's own labels and lists read the words."""
    if card == EVENING_CARD and "all_good" in choices and so_so(text, c):
        return "all_good"  # "meh", "fine I guess": nothing to look at, said lukewarmly
    section = "evening" if card == EVENING_CARD else "follow_up"
    whole = _listed(" ".join(small_talk.words(text)), section, choices, c)
    if whole is not None:
        return whole
    said: set[str] = set()  # what the clauses name
    plain: set[str] = set()  # "yes" or "no"
    phrases = _phrases(text, section, choices, c)
    for phrase in phrases:
        choice = _listed(phrase, section, choices, c)
        answer = small_talk.yes_or_no(phrase, c) or _plain_yes(phrase, section, c)
        if choice is not None:
            said.add(choice)
        elif answer is not None:
            plain.add(answer)
        elif small_talk.kind(phrase, c) not in _SAYS_NOTHING:
            return _opening(text, phrases, card, choices, c)
    if len(said) > 1:  # "it was hard, he said sorry": how did it go?
        return _opening(text, phrases, card, choices, c)
    if said & _SAYS_YES and "no" in plain:
        return None  # "no, it went well": which is it?
    if said:
        return said.pop()
    if plain == {"no"}:
        return _NO_MEANS.get(card) if _NO_MEANS.get(card) in choices else None
    if plain == {"yes"} and card != RESCHEDULE_CARD:
        return "resume" if "resume" in choices else YES
    return None


# The choices that say something happened (and so do not go with a plain "no").
_SAYS_YES = {"hurt", "by_me", "connection", "went_well", "hard", "resume"}
# The answers that say all is well, which a "not" or a "then" said after them may undo ("it
# went well, he didn't listen"; "all good, he didn't text me back all day"). After the others
# such words only say what happened ("it was hard, he didn't listen").
_UNDONE_BY_NOT = {"went_well", "connection", "all_good"}
_SAYS_NOTHING = (small_talk.ACK, small_talk.THANKS)
# The answers after which typed words go nowhere (the card is done, or only asks when to ask
# again): words that open with one and go on are that answer only if what follows is a short
# reason and tells no hurt ("not yet, he yelled at me again this morning" is a moment). The
# others begin a look at a moment, where the story is told anyway.
_ENDS_IT = {"all_good", "not_tonight", "snooze", "went_well", "hard", "not_yet", "let_go"}
# Of those, the ones that say there is nothing more to say: what follows one must also be about
# no one else (`_about_someone`: "it was fine, he forgot my birthday"). "Not yet" may say why
# ("he was busy"), and "it was hard" what made it so ("he got defensive again").
_NOTHING_MORE = {"all_good", "not_tonight", "snooze", "went_well", "let_go"}
# At most this many words may follow one of `_ENDS_IT` that say more than an answer ("all
# good, just a long day at work"): a reason is short, and more is likely a story. Conservative
# on purpose: taking the answer clears the card and loses the story, while offering the words
# as a moment (or asking) costs one tap.
SAYS_MORE_WORDS = 6
# Each card's choices, with those of the other kind of card that shares its phrases (a
# follow-up on an unfinished moment): what words after an answer may name instead.
_ALL_CHOICES = {
    EVENING_CARD: EVENING_CHOICES,
    FOLLOW_UP_CARD: FOLLOW_UP_CHOICES,
    RESCHEDULE_CARD: RESCHEDULE_CHOICES,
}
LONGEST_PHRASE = 8  # words in the longest label or listed phrase looked for inside a clause


def _opening(
    text: str,
    phrases: list[str],
    card: str,
    choices: Sequence[str],
    c: Catalogue,
    *,
    told: bool = False,
) -> str | None:
    """Words that open with an answer and go on to say more ("not yet, he was busy"; "it
    went really well actually!! 😊"): the choice their opening clause names, after any plain
    yes, no, "ok" or thanks, and compared without words that only stress or thank
    (`typed.fillers`: "really", "thanks"). Only when that clause names just the one choice,
    in more than one word if more follows ("well, he never listens" is a story), and what
    follows does not take it back: it names no other choice (nor a "we talked" after a no,
    nor a plain no after a yes), turns on nothing (`typed.contrasts`: "but", "though"), and
    has no "not" or "then" after a choice that they may undo (`typed.undo_a_yes`). After an
    answer that leaves the words nowhere to go (`_ENDS_IT`: "not yet", "all good"), what
    follows must also be a short reason (at most SAYS_MORE_WORDS words that are no answer)
    that tells no hurt (`couples.reads_as_hurt`), and after one that says there is nothing
    more to say (`_NOTHING_MORE`) be about no one else (`_about_someone`): "not yet, he was
    busy" is "not yet", but "it was fine, he forgot my birthday" is a moment (`told`: those
    limits on what follows are lifted, for `hard_and_told`). Words
    that open with a yes, or with how it went, and name both how it went well and how it was
    hard ("yeah we talked, it was rough but he apologised") are YES at a follow-up that asks
    how it went. None for anything else, anything with a "?" in it, and a story that merely
    opens with "yeah" or "no"."""
    if "?" in text:
        return None
    section = "evening" if card == EVENING_CARD else "follow_up"
    plain: set[str] = set()  # the yes or no said before the opening clause
    rest = list(phrases)
    while rest and not _named(rest[0], section, choices, c):  # "fine" is an "ok" too
        answer = small_talk.yes_or_no(rest[0], c) or _plain_yes(rest[0], section, c)
        if answer is None and small_talk.kind(rest[0], c) not in _SAYS_NOTHING:
            break
        plain.update((answer,) if answer else ())
        rest.pop(0)
    if not rest:
        return None
    opening, after = rest[0], rest[1:]
    words = opening
    named = _named(opening, section, choices, c)
    if not named:
        words = _unstressed(opening, c)
        named = _named(words, section, choices, c)
    if not named and (split := _answer_then_clause(words, section, choices, c)) is not None:
        words, more = split  # "not yet he was busy": a comma left out
        named, after = _named(words, section, choices, c), [more, *after]
    if len(named) == 1 and _goes_on(named[0], " " in words, plain, after, card, c, told=told):
        return named[0]
    no_means = _NO_MEANS.get(card, "")
    if not named and card == FOLLOW_UP_CARD and plain == {"no"} and no_means in choices:
        # "no, he was busy": the card's no ("Not yet"), and why, read as "not yet, he was busy"
        return no_means if _goes_on(no_means, True, set(), rest, card, c, told=told) else None
    how = ("went_well", "hard")  # the buttons of "How did it go?"
    if told or card != FOLLOW_UP_CARD or not set(how) <= set(choices):
        return None
    if "no" in plain or _says_no(after, c):
        return None
    first = opening.split()[:LONGEST_PHRASE]  # "it was rough but ...": opens with how it went
    opens = any(_named(" ".join(first[:n]), section, how, c) for n in range(1, len(first) + 1))
    if plain != {"yes"} and not opens:
        return None
    said = [_named_within(p, section, _ALL_CHOICES[card], c) for p in rest]
    return YES if set().union(*said) - {YES} == set(how) else None


def _answer_then_clause(
    phrase: str, section: str, choices: Sequence[str], c: Catalogue
) -> tuple[str, str] | None:
    """An answer in more than one word, then a clause with no comma between: "not yet he was
    busy" is "not yet" and "he was busy". Only where the words after the answer start a new
    clause (`typed.clause_starts`: "he", "we", "it's"), so "not really sure what to say" is
    not "not really"; the longest such answer that names just one choice, one that only a
    short reason may follow (`_ENDS_IT`: "this evening my sister ignored me" is a story)."""
    said = phrase.split()
    starts = _word_set(c, "typed.clause_starts")
    for n in range(min(len(said) - 1, LONGEST_PHRASE), 1, -1):
        if small_talk.bare(said[n]) not in starts:
            continue
        named = _named(" ".join(said[:n]), section, choices, c)
        if len(named) == 1 and named[0] in _ENDS_IT:  # a reason may follow it, not a story
            return " ".join(said[:n]), " ".join(said[n:])
    return None


def _goes_on(
    choice: str,
    words: bool,
    plain: set[str],
    after: list[str],
    card: str,
    c: Catalogue,
    *,
    told: bool = False,
) -> bool:
    """Whether the clauses `after` an opening that names `choice` (in more than one word:
    `words`) leave it the answer: see `_opening`. `told`: they may be a story of any length or
    hurt, if the opening is in more than one word."""
    says_yes = choice in _SAYS_YES
    if says_yes and ("no" in plain or _says_no(after, c)):
        return False  # "no, it went well": which is it?
    ends_it = choice in _ENDS_IT and not told
    rest = " ".join(after)
    # A quarrel after the evening's "all good" is a new moment; after a follow-up's answer it
    # is the moment asked about ("I'm over it, it's not worth the fight").
    quarrel = card == EVENING_CARD and _quarrel(rest, c)
    if ends_it and (reads_as_hurt(rest, c) or quarrel):
        return False  # "not really, he ignored me all evening": a moment, not a "no"
    section = "evening" if card == EVENING_CARD else "follow_up"
    agrees = {choice, YES} if says_yes else {choice}
    contrasts, undo = _word_set(c, "typed.contrasts"), _word_set(c, "typed.undo_a_yes")
    said_more: list[str] = []  # the words that follow and are no answer
    for phrase in after:
        if _named_within(phrase, section, _ALL_CHOICES[card], c) - agrees:
            return False  # "not yet, we talked a bit"
        if small_talk.yes_or_no(phrase, c) or small_talk.kind(phrase, c) in _SAYS_NOTHING:
            continue
        if _listed(phrase, section, (choice,), c) is not None:
            continue  # "sorted, we're good again"
        said = set(small_talk.bare(phrase).split())
        if said & contrasts or (choice in _UNDONE_BY_NOT and said & undo):
            return False  # "it went well, but he's still cold"; "..., he didn't listen"
        said_more.extend(phrase.split())
    if ends_it and len(said_more) > SAYS_MORE_WORDS:
        return False  # "too tired, we had a huge fight about money and he walked out"
    if choice in _NOTHING_MORE and _about_someone(said_more, c):
        return False  # "going to bed, he slammed the door on me"
    if told:
        return words and bool(said_more)
    return words or not said_more


@lru_cache(maxsize=8)
def _others(c: Catalogue) -> tuple[tuple[str, ...], ...]:
    """The words, each as a run of words, that say a clause is about someone else: "he" and
    "she" as the drafts list them (`drafts.typed.he`, `.she`), who they are (`who_words`: "my
    husband", "my boss"), and `typed.others` ("they", "someone")."""
    listed = [*c.raw("typed.others"), *c.raw("drafts.typed.he"), *c.raw("drafts.typed.she")]
    listed += [w for who in c.children("who_words") for w in c.raw(f"who_words.{who}")]
    return tuple(sorted({tuple(small_talk.compared(str(w)).split()) for w in listed} - {()}))


def _quarrel(text: str, c: Catalogue) -> bool:
    """Whether `text` tells of a quarrel (`typed.trouble`: "we had a fight")."""
    said = f" {small_talk.compared(text)} "
    return any(f" {word} " in said for word in small_talk.listed(c, "typed.trouble"))


def _about_someone(said: list[str], c: Catalogue) -> bool:
    """Whether the words `said` name someone else (`_others`), apostrophes aside ("hes")."""
    said = [small_talk.bare(w) for w in said]
    return any(
        said[at : at + len(other)] == list(other) for other in _others(c) for at in range(len(said))
    )


def _says_no(phrases: list[str], c: Catalogue) -> bool:
    return any(small_talk.yes_or_no(p, c) == "no" for p in phrases)


@lru_cache(maxsize=32)
def _word_set(c: Catalogue, key: str) -> frozenset[str]:
    """A content list of single words, as a set, without apostrophes (`small_talk.bare`:
    compared with words bare too): built once per catalogue."""
    return frozenset(small_talk.bare(str(w)) for w in c.raw(key))


@lru_cache(maxsize=8)
def _fillers(c: Catalogue) -> tuple[list[str], ...]:
    """`typed.fillers` as runs of words (without apostrophes), the longest first."""
    runs = (small_talk.compared(str(f)).split() for f in c.raw("typed.fillers"))
    return tuple(sorted(runs, key=len, reverse=True))


def _unstressed(phrase: str, c: Catalogue) -> str:
    """`phrase` without the words that only stress it or thank (`typed.fillers`): "it went
    really well actually thanks" is "it went well"."""
    fillers = _fillers(c)
    said, at = phrase.split(), 0
    bare = [small_talk.bare(w) for w in said]
    kept: list[str] = []
    while at < len(said):
        skip = next((len(f) for f in fillers if bare[at : at + len(f)] == f), 0)
        kept.extend(() if skip else (said[at],))
        at += skip or 1
    return " ".join(kept)


def _named_within(phrase: str, section: str, choices: Sequence[str], c: Catalogue) -> set[str]:
    """The choices (and YES: "we talked") whose label or listed phrases are among the words
    of `phrase`, leaving out any found only inside a longer one ("good" in "not good"), and a
    lone negation inside longer words (`typed.undo_a_yes`: the "didnt" of "he said he didnt
    realise" is no "didn't" for "Not yet")."""
    said = phrase.split()
    undo = _word_set(c, "typed.undo_a_yes")
    found = [
        (start, end, choice)
        for start in range(len(said))
        for end in range(start + 1, min(len(said), start + LONGEST_PHRASE) + 1)
        if not (end - start == 1 < len(said) and small_talk.bare(said[start]) in undo)
        for choice in _named(" ".join(said[start:end]), section, (*choices, YES), c)
    ]
    return {
        choice
        for start, end, choice in found
        if not any(s <= start and end <= e and e - s > end - start for s, e, _ in found)
    }


# Emoji and other pictographs, and an ellipsis: they end a clause as a comma would ("not yet 😕
# he fell asleep on the sofa" is "not yet, he fell asleep on the sofa").
_EMOJI = "\u2026\u2190-\u2bff\U0001f000-\U0001faff"


@lru_cache(maxsize=8)
def _clauses(c: Catalogue) -> re.Pattern[str]:
    """What a typed answer is split into clauses at: punctuation, an emoji, a dash, or a
    joining word (`typed.clause_joins`: "we talked and it went well")."""
    joins = "|".join(re.escape(str(w)) for w in c.raw("typed.clause_joins"))
    return re.compile(rf"[,.;:!?\n{_EMOJI}]+|\s-\s|\b(?:{joins})\b")


def _phrases(text: str, section: str, choices: Sequence[str], c: Catalogue) -> list[str]:
    """The clauses of `text` as compared (words only, lower case), with a yes, a no or an "ok"
    that opens one split off when what follows it says something ("nah all good")."""
    phrases: list[str] = []
    for clause in _clauses(c).split(text):
        phrase = " ".join(small_talk.words(clause))
        if not phrase:
            continue
        first, _, rest = phrase.partition(" ")
        opening = small_talk.yes_or_no(first, c) or small_talk.kind(first, c) == small_talk.ACK
        no_what = small_talk.yes_or_no(first, c) == "no" and " " not in rest  # "no good"
        if rest and opening and not no_what and _listed(phrase, section, choices, c) is None:
            phrases.extend((first, rest))
        else:
            phrases.append(phrase)
    return phrases


def _plain_yes(phrase: str, section: str, c: Catalogue) -> str | None:
    """ "yes" for words that only say yes at this card ("we talked", at a follow-up), also
    with where or when it was (`_yes_and_where`: "we talked on the drive back")."""
    listed = f"{section}.typed.yes"
    if not c.has(listed):
        return None
    yeses = small_talk.listed(c, listed)
    said = small_talk.bare(phrase)
    return "yes" if said in yeses or _yes_and_where(said, yeses, section, c) else None


# At most this many words of where or when may follow a yes (`_yes_and_where`).
WHERE_WORDS = 8


def _yes_and_where(phrase: str, yeses: Collection[str], section: str, c: Catalogue) -> bool:
    """Whether `phrase` is a listed yes ("we talked") going on with only where or when
    (`typed.where_or_when` opens it: "on the drive back from the coast", "last night"), in
    at most WHERE_WORDS words: about no one else (`_about_someone`: "with him" may be a
    story), turning on nothing (`typed.contrasts`), with no "not" or "then" after its first
    word (`typed.undo_a_yes`), no hurt, no quarrel and no other answer in them."""
    said = phrase.split()
    lengths = [len(y.split()) for y in map(str, yeses) if said[: len(y.split())] == y.split()]
    rest = said[max(lengths) :] if lengths else []
    if not rest or len(rest) > WHERE_WORDS or rest[0] not in _word_set(c, "typed.where_or_when"):
        return False
    if _about_someone(rest, c) or set(rest) & _word_set(c, "typed.contrasts"):
        return False
    if set(rest[1:]) & _word_set(c, "typed.undo_a_yes"):
        return False
    told = " ".join(rest)
    card = EVENING_CARD if section == "evening" else FOLLOW_UP_CARD
    named = _named_within(told, section, _ALL_CHOICES[card], c)
    return not named and not reads_as_hurt(told, c) and not _quarrel(told, c)


def _listed(phrase: str, section: str, choices: Sequence[str], c: Catalogue) -> str | None:
    """The first choice whose label or listed phrases (`<section>.typed.<choice>`) include
    `phrase` exactly."""
    return next(iter(_named(phrase, section, choices, c)), None)


# Lists a choice's typed words are also read from: a good day is all good (`connection_told`
# reads a story after one).
_ALSO_LISTED = {("evening", "all_good"): (GOOD_DAY,)}


def _named(phrase: str, section: str, choices: Sequence[str], c: Catalogue) -> list[str]:
    """Every choice whose label or listed phrases include `phrase` exactly (YES: those
    listed as only a yes, `<section>.typed.yes`)."""
    buttons = (
        small_talk.Named(
            choice,
            () if choice == YES else (c.text(f"{section}.{choice}"),),
            (f"{section}.typed.{choice}", *_ALSO_LISTED.get((section, choice), ())),
        )
        for choice in choices
    )
    return small_talk.named(phrase, buttons, c)


def yes_card(card: str, prompt_id: int, c: Catalogue) -> Reply:
    """A plain yes to the evening card (which kind of moment?) or to a follow-up (how did
    it go?): the card's yes buttons, asked about."""
    choices: tuple[str, ...]
    if card == EVENING_CARD:
        choices, section, key = ("hurt", "by_me", "connection"), "evening", "evening.which"
    else:
        choices, section, key = ("went_well", "hard"), "follow_up", "follow_up.how"
    buttons = [_button(c, f"{section}.{choice}", card, choice, prompt_id) for choice in choices]
    return Reply(c.text(key), rows(*buttons, width=2))


def reschedule_card(
    prompt_id: int,
    c: Catalogue,
    *,
    tonight: bool = True,
    too_late: bool = False,
    not_ready: bool = False,
) -> Reply:
    """When to ask again; "This evening" only while `tonight` is still on offer
    (`schedule.tonight_available`). `too_late`: a press of it came after that. `not_ready`:
    the other person didn't want to talk yet (`not_ready`): said gently first."""
    choices = [choice for choice in RESCHEDULE_CHOICES if tonight or choice != "tonight"]
    buttons = [
        _button(c, f"follow_up.{choice}", RESCHEDULE_CARD, choice, prompt_id) for choice in choices
    ]
    key = "follow_up.too_late_tonight" if too_late else "follow_up.ask_when"
    key = "follow_up.not_ready_ask_when" if not_ready and not too_late else key
    return Reply(c.text(key), rows(*buttons), edit=True)


def duration_words(
    span: timedelta, c: Catalogue, words: str = "follow_up.duration", *, days_from: int = 48
) -> str:
    """A span in rough words (minutes, hours, days), from the content table `words`: how long
    a repair took ("after 3 hours"), or how far off a plan is ("in about 3 hours"); in days
    from `days_from` hours."""
    hours = span.total_seconds() / 3600
    if hours < 1:
        return c.text(f"{words}.minutes")
    if hours < days_from:
        return counted(c, round(hours), f"{words}.hour", f"{words}.hours")
    return counted(c, round(hours / 24), f"{words}.day", f"{words}.days")


@dataclass(frozen=True)
class Answered:
    moment: Moment
    reply: Reply


# From this many hours, the reply to "It went well" counts the time to repair in days: "a day
# after it happened", not "after 24 hours".
REPAIRED_DAYS_FROM = 20


def answer_follow_up(
    m: Moment, choice: str, now: datetime, c: Catalogue, *, measured: bool = False
) -> Answered | None:
    """Record how it went. None for choices that are not an outcome (not yet, resume).
    `measured`: "It went well" said lukewarmly (`lukewarm`: "it was ok i guess"), answered
    warmly but without "That's wonderful". None too while the moment is open in a flow
    (picked up again, say): they are working on it again, and the card has expired."""
    if m.status == OPEN:
        return None
    if choice == "went_well":
        moment = m.update(status=REPAIRED, outcome="went_well", resolved_at=now)
        span = now - m.created_at
        words = duration_words(span, c, "follow_up.repaired_after", days_from=REPAIRED_DAYS_FROM)
        key = "follow_up.went_well_measured_reply" if measured else "follow_up.went_well_reply"
        return Answered(moment, Reply(c.text(key, time_to_repair=words), edit=True))
    if choice == "hard":
        moment = m.update(status=REPAIRED, outcome="hard", resolved_at=now)
        # It can be picked up again, as from /history: at what would help now.
        again = rows(pick_up_button(moment, c))
        return Answered(moment, Reply(c.text("follow_up.hard_reply"), again, edit=True))
    if choice == "let_go":
        moment = m.update(status=LET_GO, resolved_at=now)
        return Answered(moment, Reply(c.text("follow_up.let_go_reply"), edit=True))
    return None
