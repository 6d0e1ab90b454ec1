"""Telling small talk from a moment: a hello, a thanks, a goodbye, an "ok", or "how does this
work?", is answered, not kept as part of what happened.

Conservative by design: only a whole message that is small talk counts ("ok", "thanks, that
helped"); one that merely has such words among others ("ok so he ignored me again", "thanks
for nothing, he never listens") is a moment. The word lists are content (`shell.*`), one set
per language."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.content import Catalogue

GREETING, HOW, THANKS, GOODBYE, ACK = "greeting", "how", "thanks", "goodbye", "ack"
SAD = "sad"  # only sad or crying emoji ("😭😭😭"): invited to say what happened
# Requests about Mend itself (`request`): to stop its messages, to delete what it keeps (or one
# moment of it: "delete this moment"), or whether what is written here is private; "where was
# I" (WHERE) asks where things are.
STOP, DELETE, PRIVACY = "stop", "delete", "privacy"
DELETE_MOMENT = "delete_moment"
WHERE = "where"
# A yes to erasing typed rather than tapped ("yes, delete everything"): pointed to the button,
# as erasing is never done on words. Questions about using Mend: the evening check-in ("why
# do you ask every night?"), settings ("how do I change my time zone?"), what a moment is,
# where saved things are ("where are my thanks?"), whether what is kept is encrypted; and words
# picking from the /history list ("the first one", "delete all of them"), pointed to its
# buttons.
CONFIRM_DELETE = "confirm_delete"
EVENING, SETTINGS, WHAT_MOMENT, SAVED = "evening", "settings", "what_moment", "saved"
ENCRYPTED, LIST = "encrypted", "list"

# What each kind is answered with outside any flow, and at the moment offer.
IDLE_REPLIES = {
    GREETING: "shell.idle_text",
    HOW: "shell.how_it_works",
    THANKS: "shell.thanks_reply",
    GOODBYE: "shell.goodbye_reply",
    ACK: "shell.ack_reply",
    SAD: "shell.sad_reply",
}
OFFER_REPLIES = {
    GREETING: "moment.offer_hello",
    HOW: "moment.offer_how",
    THANKS: "moment.offer_thanks",
    GOODBYE: "moment.offer_bye",
    ACK: "moment.offer_ack",
    SAD: "moment.offer_sad",
}

# What each request is answered with, outside any flow and at the moment offer. The stop one
# depends on how things are (a pause, the evening check-in off): the caller, which knows them,
# chooses among these and STOP_REPLY_PAUSED, STOP_REPLY_EVENING_OFF.
REQUEST_REPLIES = {
    STOP: "shell.stop_reply",
    DELETE: "shell.delete_reply",
    DELETE_MOMENT: "shell.delete_moment_reply",
    PRIVACY: "shell.privacy_reply",
    WHERE: "shell.where_reply",  # in a flow its question reads it (comes_back), not this
    CONFIRM_DELETE: "shell.confirm_delete_reply",
    EVENING: "shell.evening_reply",
    SETTINGS: "shell.settings_reply",
    WHAT_MOMENT: "shell.what_moment_reply",
    SAVED: "shell.saved_reply",
    ENCRYPTED: "shell.encrypted_reply",
    LIST: "shell.list_reply",
}
STOP_REPLY_PAUSED = "shell.stop_reply_paused"  # a pause holds everything already
STOP_REPLY_EVENING_OFF = "shell.stop_reply_evening_off"  # the pause alone is left to turn on

# A word: letters and digits, with an apostrophe inside ("what's"); everything else (emoji,
# punctuation) only separates words.
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_VARIANT = "\ufe0f"  # the emoji form of a sign ("☹️"): the same sign


def words(text: str) -> list[str]:
    """The words of `text`, lower case, without emoji or punctuation."""
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def bare(phrase: str) -> str:
    """`phrase` (words, as `words` gives them) as typed words and listed phrases are compared:
    without apostrophes, on both sides. People typing fast on a phone skip them: "we didnt"
    reads as "we didn't", "hes been away" as "he's been away", and a list that has only one
    of the two spellings takes both."""
    return phrase.replace("'", "")


def compared(text: str) -> str:
    """`text` as compared with listed phrases: its words, lower case, without emoji,
    punctuation or apostrophes (`bare`)."""
    return bare(" ".join(words(text)))


@lru_cache(maxsize=256)
def listed(c: Catalogue, key: str) -> frozenset[str]:
    """A content list of phrases, each as compared (`compared`): built once per catalogue."""
    return frozenset(compared(str(p)) for p in c.raw(key))


def is_listed(text: str, c: Catalogue, key: str) -> bool:
    """Whether `text`, as compared (`compared`: "we didnt" is "we didn't"), is one of the
    phrases listed at `key`."""
    return compared(text) in listed(c, key)


def kind(text: str, c: Catalogue) -> str | None:
    """Which kind of small talk `text` is (GREETING, HOW, THANKS, GOODBYE, ACK, SAD), or None
    for anything that may be a moment."""
    said = words(text)
    if not said:  # only emoji or punctuation ("👍", "..."); nothing at all is not small talk
        if not text.strip():
            return None
        if _only_sad(text, c):
            return SAD
        # A lone "?" asks what this is and what to do: the how-it-works answer says both.
        return HOW if "?" in text else ACK
    phrase = bare(" ".join(said))
    if phrase in listed(c, "shell.how_questions"):
        return HOW
    if phrase in listed(c, "shell.greetings"):
        return GREETING
    if phrase in listed(c, "shell.acknowledgements"):
        return ACK
    return _thanks_or_goodbye(said, c) or _thanks_or_goodbye(_after_ack(said, c), c)


# Laughter and thinking sounds, however long: "hahaha", "lmaooo", "lolol", "hmmmm", "ummm".
_SOUND = re.compile(r"(?:a?h+a+){2,}h*|(?:h+e+){2,}|(?:lo+)+l+|lmf?a+o+|ro+fl+|h+m+|u+h*m+|u+h+")


def aside(text: str, c: Catalogue) -> str | None:
    """Typed at a question of a flow, words to Mend rather than its answer (or None): a
    question about Mend itself, with words that open or close it around it ("wait what does
    this do", "ok so how does this work?": `shell.how_questions`, `shell.mend_questions`, after
    or before `shell.aside_openers`, `shell.request_openers`, `shell.request_closers`), HOW; a
    question about privacy ("is this private", "who sees this": a `request` PRIVACY), PRIVACY;
    only fillers ("lol", "ok so", "umm", "hahaha", with any acknowledgement among them: "lol
    ok", `shell.fillers`), ACK. As with `kind`, only the whole message counts: "lol he laughed
    at me" is an answer."""
    said = [("lol" if _SOUND.fullmatch(w) else w) for w in words(text)]
    if not said:
        return None  # only emoji or punctuation: `kind` reads those
    if request(text, c, bare_stop=False) in (PRIVACY, ENCRYPTED):
        return PRIVACY
    questions = (*phrases_of(c, "shell.how_questions"), *phrases_of(c, "shell.mend_questions"))
    around = (
        *phrases_of(c, "shell.aside_openers"),
        *phrases_of(c, "shell.request_openers"),
        *phrases_of(c, "shell.request_closers"),
    )
    if made_of(said, questions, around):
        return HOW
    fillers = (*phrases_of(c, "shell.fillers"), ("lol",))
    if made_of(said, fillers, phrases_of(c, "shell.acknowledgements")):
        return ACK
    return None


@lru_cache(maxsize=512)  # asked of one message by several readers in a turn
def request(text: str, c: Catalogue, *, bare_stop: bool = True) -> str | None:
    """Which request about Mend itself `text` is (STOP, DELETE, DELETE_MOMENT: "delete this
    moment", PRIVACY; a question about using Mend: EVENING, SETTINGS, WHAT_MOMENT, SAVED,
    ENCRYPTED; LIST: picking from the /history list), or None.

    Only a whole message said to Mend counts, compared without case, emoji or punctuation: one
    of the requests listed in the content (`shell.*_requests`, or a verb of one with an object
    of it: "stop" + "messaging me", "delete" + "my data"), after any words that open a request
    ("please", "can you": `shell.request_openers`; "how do I", "I want to":
    `shell.request_asks`) and before any that close one ("every night", "thanks":
    `shell.request_closers`). A bare "stop" (`shell.stop_alone`) takes no "I want to": "I need
    to stop" may be about anything; with `bare_stop` False it is no request at all (inside a
    flow, whose own it is). Words about someone ("he told me to stop", "she deleted my
    messages") are none: a moment. Coming back ("where was I", "sorry, I'm back": `comes_back`,
    as a flow's question reads it) is WHERE, never a moment to look at.

    A DELETE after a yes (`shell.confirm_openers`: "yes, delete everything") is
    CONFIRM_DELETE: a yes to the /delete card typed, not tapped. Picking "the one about Sam"
    (`shell.list_about`, then at most `shell.list_about_words` words) from the list is LIST."""
    said = tuple(words(text))
    if not said:
        return None
    confirmed = _after(list(said), c, "shell.confirm_openers")
    if confirmed and request(" ".join(confirmed), c, bare_stop=bare_stop) == DELETE:
        return CONFIRM_DELETE
    asked, alone, openers, asks, closers = _requests(c)
    stripped = _reached(said[::-1], {0: False}, tuple(o[::-1] for o in closers), ())
    ends = sorted(len(said) - n for n in stripped)
    for start, after_ask in _reached(said, {0: False}, openers, asks).items():
        for end in (end for end in ends if end > start):
            phrase = " ".join(said[start:end])
            if phrase in asked:
                return asked[phrase]
            if phrase in alone and bare_stop and not after_ask:
                return STOP
            if _picks_by_what(said[start:end], c):
                return LIST
    return WHERE if comes_back(text, c) else None


def _picks_by_what(said: tuple[str, ...], c: Catalogue) -> bool:
    """Whether `said` picks a moment from a list by what it was about ("the one about Sam",
    "open the one with my sister"): any of `shell.list_verbs`, then one of `shell.list_about`,
    then one to `shell.list_about_words` words, none of them a negation."""
    rest = _after(list(said), c, "shell.list_verbs") or list(said)
    about = _after(rest, c, "shell.list_about")
    if not about or len(about) > int(c.raw("shell.list_about_words")):
        return False
    return not any(w in c.raw("drafts.typed.negations") for w in about)


def names_the_moment(text: str, c: Catalogue) -> bool:
    """Whether a delete request names the moment itself ("delete this moment"), not just
    "this" or "it" (`shell.delete_moment_named`)."""
    return any(word in c.raw("shell.delete_moment_named") for word in words(text))


def before_a_flow(text: str, c: Catalogue) -> str | None:
    """The request about Mend that `text` is, if it comes before a flow's question, else None.
    Only one that names Mend, what it sends or what it keeps does ("how do I delete my data",
    "who can see what I write", "unsubscribe", "no more reminders": `shell.about_mend`). In a
    flow its question reads the words first: a bare stop is its own ("stop": as /cancel), and
    a request about plain "me", "this", "them" or "it" may be the person's words ("Please stop
    texting me" to say to him, "turn them off" at quiet hours, "forget me", "delete it"); a
    privacy question asked as one ("is this private?") is Mend's."""
    asked = request(text, c, bare_stop=False)
    if asked not in (STOP, DELETE, CONFIRM_DELETE, PRIVACY, ENCRYPTED):
        return None
    if asked in (PRIVACY, ENCRYPTED) and text.rstrip().endswith("?"):
        return asked  # "is this private?" asks Mend; no feeling or answer is a question
    said = tuple(words(text))
    for named in _about_mend(c):
        if any(said[at : at + len(named)] == named for at in range(len(said) - len(named) + 1)):
            return asked
    return None


@lru_cache(maxsize=8)
def _about_mend(c: Catalogue) -> Phrases:
    return tuple(tuple(words(p)) for p in c.raw("shell.about_mend"))


def request_reply(key: str, c: Catalogue, name: str) -> str:
    """The answer to a request about Mend: `key`, one of REQUEST_REPLIES or the stop answers
    chosen by how things are (STOP_REPLY_PAUSED, STOP_REPLY_EVENING_OFF), with the words of
    the buttons it names as they show (nothing is changed for them)."""
    buttons = {
        "evening_off": c.text("settings.evening_off"),
        "pause_forever": c.text("settings.pause_forever"),
        "delete": c.text("history.delete"),
        "delete_everything": c.text("privacy.delete_yes"),
        "evening_time": c.text("settings.evening_time"),
        "zone": c.text("settings.zone"),
        "quiet": c.text("settings.quiet"),
    }
    return c.text(key, name=name, **buttons)


def yes_alone_reply(c: Catalogue, name: str) -> str:
    """The answer to a lone "yes" outside any flow that answers no card waiting for words
    (typed after /delete, say): which card it is for is not known, so it points to the
    buttons (`shell.yes_alone_reply`); nothing is done for it, erasing least of all."""
    return request_reply("shell.yes_alone_reply", c, name)


Phrases = tuple[tuple[str, ...], ...]


def _reached(
    said: tuple[str, ...], starts: dict[int, bool], openers: Phrases, asks: Phrases
) -> dict[int, bool]:
    """Where in `said` a request may begin after any run of `openers` and `asks` from
    `starts`, each with whether an ask came before it (False where it can without one)."""
    reached = dict(starts)
    todo = list(starts)
    while todo:
        at = todo.pop()
        for found, is_ask in [(o, False) for o in openers] + [(a, True) for a in asks]:
            if said[at : at + len(found)] != found or at + len(found) >= len(said):
                continue
            onward = at + len(found)
            after_ask = reached[at] or is_ask
            if onward not in reached or (reached[onward] and not after_ask):
                reached[onward] = after_ask
                todo.append(onward)
    return reached


@lru_cache(maxsize=8)
def _requests(
    c: Catalogue,
) -> tuple[dict[str, str], frozenset[str], Phrases, Phrases, Phrases]:
    """The requests each phrase is (as compared), the bare stops, and the words that may open
    and close a request. Kept per catalogue (one for each language, for as long as the bot
    runs)."""

    def said(key: str) -> list[str]:
        return [" ".join(words(p)) for p in c.raw(key)]

    def phrases(key: str) -> Phrases:
        return tuple(tuple(words(p)) for p in c.raw(key))

    asked: dict[str, str] = {}
    kinds = (
        (STOP, "stop"),
        (DELETE, "delete"),
        (DELETE_MOMENT, "delete_moment"),
        (ENCRYPTED, "encrypted"),  # before privacy: "is this encrypted" asks just that
        (PRIVACY, "privacy"),
        (EVENING, "evening"),
        (SETTINGS, "settings"),
        (WHAT_MOMENT, "what_moment"),
        (SAVED, "saved"),
        (LIST, "list"),
    )
    for wanted, name in kinds:  # all of it first: "delete all of this" is DELETE
        verbs, objects = said(f"shell.{name}_verbs"), said(f"shell.{name}_objects")
        for phrase in said(f"shell.{name}_requests") + [f"{v} {o}" for v in verbs for o in objects]:
            asked.setdefault(phrase, wanted)
    alone = frozenset(said("shell.stop_alone"))
    return (
        asked,
        alone,
        phrases("shell.request_openers"),
        phrases("shell.request_asks"),
        phrases("shell.request_closers"),
    )


def stops_a_flow(text: str, c: Catalogue) -> bool:
    """Typed at a question of a flow instead of /cancel: "stop", "cancel", "never mind"
    (`shell.flow_stops`), or a bare stop however asked ("please stop", "stop asking": a
    `request` STOP only while bare). The flow stops, as /cancel."""
    if " ".join(words(text)) in c.raw("shell.flow_stops"):
        return True
    return request(text, c) == STOP and request(text, c, bare_stop=False) is None


def steps_away(text: str, c: Catalogue) -> bool:
    """Typed at a question to say they are away for a moment, not to answer it: "brb", "hang
    on", "sorry one sec, my mum is calling", "sorry cant type rn". An away phrase
    (`shell.away`, apostrophes aside: "can't" is "cant") opens the message, after any "sorry"
    or "ok" (`shell.away_openers`) and perhaps another away phrase ("hold on, can't talk rn"),
    and only a short reason for going may follow: at most `shell.away_reason_words` words, one
    of them `shell.away_reasons` ("calling", "kid"), none a negation nor telling what happened
    ("hold on, she called me at work": `_tells_what_happened`). Other words are an answer that
    starts this way ("hold on, he said he'd leave me"). `shell.away_alone` ("one moment") only
    as the whole message: "one moment he was fine" is an answer."""
    said = [w.replace("'", "") for w in words(text)]
    opened = _after(said, c, "shell.away_openers") or said
    if " ".join(opened) in c.raw("shell.away_alone"):
        return True
    rest = _after(opened, c, "shell.away")
    again = _after(rest, c, "shell.away") if rest else None
    rest = again if again is not None else rest  # "hold on, cant talk rn": said two ways
    if rest is None or len(rest) > int(c.raw("shell.away_reason_words")):
        return False
    if any(w in c.raw("drafts.typed.negations") for w in rest):
        return False  # "hold on he never gets off his phone": what happened
    if _tells_what_happened(rest, c):
        return False  # "hold on, she called me at work"
    return not rest or any(w in c.raw("shell.away_reasons") for w in rest)


def _tells_what_happened(said: list[str], c: Catalogue) -> bool:
    """Whether the words after an away phrase tell what happened: a verb in the past tense
    (`shell.away_telling`, or five letters or more ending in "ed") said of "he", "she" or
    "they" or done to "me" ("she called me at work"), unless it is why they go now: right
    after "just" ("my boss just called"), done by a reason for going ("my boss called me",
    "work called me": `shell.away_reasons`), or calling them to one ("they called me into a
    meeting": `shell.away_called_to`, then a reason). A reason that is only where it happened
    ("at work") or whom it was done to ("she rang my boss") leaves it telling. "the baby
    started crying" is a reason to go."""
    subjects, objects = c.raw("shell.away_telling_subjects"), c.raw("shell.away_telling_objects")
    reasons = c.raw("shell.away_reasons")
    for at, word in enumerate(said):
        past = word in c.raw("shell.away_telling") or (len(word) >= 5 and word.endswith("ed"))
        before = said[at - 1] if at else ""
        after = said[at + 1] if at + 1 < len(said) else ""
        if (
            past
            and before not in c.raw("shell.away_now")
            and before not in reasons
            and (before in subjects or after in objects)
            and not _called_to_a_reason(said[at + 1 :], c)
        ):
            return True
    return False


def _called_to_a_reason(said: list[str], c: Catalogue) -> bool:
    """Whether `said`, the words after a verb, take them to a reason for going ("me into a
    meeting", "me in for a call"): "me" (`shell.away_telling_objects`), one of
    `shell.away_called_to`, then a reason (`shell.away_reasons`) within two words. "yelled at
    me for the phone" and "shouted for the kids" are none."""
    if not said or said[0] not in c.raw("shell.away_telling_objects"):
        return False
    onward = _after(said[1:], c, "shell.away_called_to")
    return onward is not None and any(w in c.raw("shell.away_reasons") for w in onward[:2])


def comes_back(text: str, c: Catalogue) -> bool:
    """Typed at a question on coming back to it, not to answer it: "where was I?", "oops
    sorry, I'm back now". The whole message is phrases of coming back (`shell.coming_back`),
    with any "sorry" or "ok" (`shell.away_openers`) among them, compared without apostrophes
    ("im back"): "ok back. she was scrolling instagram..." is an answer that opens this way,
    and "i got distracted" may be the answer itself (what they did), so it is none. Those may
    follow a lead, a clause of their own saying why they were gone ("sorry was asleep. what was
    i doing": `_a_lead`); "what was i doing with my life lol" is none."""
    back = bare_phrases_of(c, "shell.coming_back")
    openers = bare_phrases_of(c, "shell.away_openers")
    if made_of([bare(w) for w in words(text)], back, openers):
        return True
    clauses = [clause for clause in _LEAD_ENDS.split(text) if words(clause)]
    for cut in range(1, len(clauses)):
        rest = [bare(w) for w in words(" ".join(clauses[cut:]))]
        if made_of(rest, back, openers) and _a_lead(words(" ".join(clauses[:cut])), c):
            return True
    return False


# What ends a lead before coming back: punctuation that ends a clause, or a new line.
_LEAD_ENDS = re.compile(r"[.,;:!\n\u2026]+")


def _a_lead(said: list[str], c: Catalogue) -> bool:
    """Whether `said`, the clauses before words of coming back, only say why they were gone
    ("sorry was asleep", "oops got distracted"): one of `shell.coming_back_leads`, with any
    `shell.away_openers`. Nothing else: "my dad died. where was i" told something."""
    leads, openers = (
        bare_phrases_of(c, "shell.coming_back_leads"),
        bare_phrases_of(c, "shell.away_openers"),
    )
    return made_of([bare(w) for w in said], leads, openers)


@lru_cache(maxsize=64)
@lru_cache(maxsize=128)  # read at every message at some questions: split once
def bare_phrases_of(c: Catalogue, key: str) -> tuple[tuple[str, ...], ...]:
    """A content list of phrases, each as its words without apostrophes (`bare`): as typed
    words are compared with them."""
    return tuple(tuple(bare(w) for w in words(str(p))) for p in c.raw(key))


@lru_cache(maxsize=32)
def phrases_of(c: Catalogue, key: str) -> tuple[tuple[str, ...], ...]:
    """A content list of phrases, each as its words."""
    return tuple(tuple(words(str(p))) for p in c.raw(key))


def overwhelmed(text: str, c: Catalogue) -> bool:
    """Whether `text` only says that this is too much right now ("this is too much", "ugh i
    can't do this rn", "I need a break"): one of `moment.overwhelmed.phrases` with only its
    `around` words beside it, apostrophes aside. Words that go on ("too much to explain, he
    just left") are an answer."""
    said = [bare(w) for w in words(text)]
    phrases = bare_phrases_of(c, "moment.overwhelmed.phrases")
    return made_of(said, phrases, bare_phrases_of(c, "moment.overwhelmed.around"))


def made_of(said: Sequence[str], phrases: Phrases, others: Phrases) -> bool:
    """Whether the words `said` are wholly `phrases` and `others`, one after another, with at
    least one of `phrases` ("oops sorry" + "im back now")."""
    reached = {0: False}  # where a run of whole phrases can end, and whether one of `phrases`
    for at in range(len(said)):  # is in it
        if at not in reached:
            continue
        for found, counts in [(p, True) for p in phrases] + [(o, False) for o in others]:
            if found and tuple(said[at : at + len(found)]) == found:
                end = at + len(found)
                reached[end] = reached.get(end, False) or reached[at] or counts
    return reached.get(len(said), False)


# A bare number: a small one, as an answer on a scale ("4", "4!", "3-4", "4/5"); not a time,
# a year or a percentage ("10:30", "2024", "100%"), which may be part of what happened.
_SMALL = r"(?:10|[0-9])"
_NUMBER = re.compile(rf"{_SMALL}(?:\s*[-\u2013]\s*{_SMALL})?(?:\s*/\s*(?:5|10))?\s*[!.]*")


def bare_number(text: str) -> bool:
    """Whether `text` is only a small number, 0 to 10, or two as a range ("4", "4!", "3-4",
    "4/5"): an answer to some question (often one that has been left), never a moment of its
    own."""
    return _NUMBER.fullmatch(text.strip()) is not None


def bare_time(text: str, c: Catalogue) -> bool:
    """Whether `text` is only a time of day said in words ("half 9", "half past 9", "quarter
    to 10", "20 past nine", "at half 9 tonight"), as "21:30" or "9pm" alone are: an answer to
    some question, never a moment of its own. A number of minutes (`shell.clock_minutes`, or
    1 to 30) then "past" or "to" (`shell.clock_relations`), or "half" alone (9:30, as said in
    Britain), before an hour (1 to 12, or `shell.clock_hours`); any of `shell.clock_leads`
    before ("at", "around"), any of `shell.clock_tails` after ("tonight", "ish"). Words around
    it that are none of those ("he left at half 9") make it part of what happened."""
    said = tuple(words(text))
    leads, tails = phrases_of(c, "shell.clock_leads"), phrases_of(c, "shell.clock_tails")
    starts = {0}
    for at in range(len(said)):  # where the time may start, after a run of leads
        if at in starts:
            starts |= {at + len(p) for p in leads if p and said[at : at + len(p)] == p}
    ends = {len(said)}
    for at in range(len(said), 0, -1):  # where it may end, before a run of tails
        if at in ends:
            ends |= {at - len(p) for p in tails if p and said[max(at - len(p), 0) : at] == p}
    return any(_a_clock(said[a:b], c) for a in starts for b in ends if a < b)


_HOUR = re.compile(r"(?:1[0-2]|[1-9])(?:am|pm)?")
_MINUTES = re.compile(r"(?:30|[12][05]|5)")  # in fives: "9 to 5" is no time of day


def _a_clock(said: tuple[str, ...], c: Catalogue) -> bool:
    """ "half 9", "quarter past nine", "20 to 10": a time of day in words, and nothing else."""
    if len(said) < 2 or not _an_hour(said[-1], c):
        return False
    said = said[:-1]
    if said == ("half",):
        return True
    relations = {" ".join(p) for p in phrases_of(c, "shell.clock_relations")}
    for cut in range(1, len(said)):
        minutes, relation = " ".join(said[:cut]), " ".join(said[cut:])
        if relation not in relations:
            continue
        named = {" ".join(p) for p in phrases_of(c, "shell.clock_minutes")}
        if minutes in named or _MINUTES.fullmatch(minutes):
            return True
    return False


def _an_hour(word: str, c: Catalogue) -> bool:
    return _HOUR.fullmatch(word) is not None or word in c.raw("shell.clock_hours")


# Skin tones and the emoji form of a sign: the same sign ("👍🏽" is "👍").
_SIGN_MARKS = re.compile("[\ufe0f\U0001f3fb-\U0001f3ff]")


def only_signs(text: str, c: Catalogue, key: str) -> bool:
    """Whether `text` is only signs listed at `key` ("👍", "👍🏽👌"), spaces aside."""
    signs = _SIGN_MARKS.sub("", "".join(text.split()))
    listed = {_SIGN_MARKS.sub("", str(s)) for s in c.raw(key)}
    return bool(signs) and all(ch in listed for ch in signs)


def _only_sad(text: str, c: Catalogue) -> bool:
    """Only sad or crying emoji (`shell.sad_emoji`), punctuation aside: "😭😭😭", "😢...".
    One other emoji among them ("😭👍") leaves it an acknowledgement."""
    sad = {e.replace(_VARIANT, "") for e in c.raw("shell.sad_emoji")}
    shown = [ch for ch in text if ch != _VARIANT and not ch.isspace()]
    signs = [ch for ch in shown if not unicodedata.category(ch).startswith("P")]
    return bool(signs) and all(ch in sad for ch in signs)


def _thanks_or_goodbye(said: list[str], c: Catalogue) -> str | None:
    if not said:
        return None
    if " ".join(said) in c.raw("shell.goodbyes"):
        return GOODBYE
    if len(said) > int(c.raw("shell.thanks_max_words")):
        return None
    tail = _after(said, c, "shell.thanks_openers")
    if tail is not None and set(tail) <= set(c.raw("shell.thanks_words")):
        return THANKS
    return None


def _after(said: list[str], c: Catalogue, key: str) -> list[str] | None:
    """The words after the longest of the openers listed at `key` that `said` starts with;
    None if none."""
    for opener in _openers(c, key):  # the longest first
        if tuple(said[: len(opener)]) == opener:
            return said[len(opener) :]
    return None


@lru_cache(maxsize=64)
def _openers(c: Catalogue, key: str) -> tuple[tuple[str, ...], ...]:
    """A content list of openers as word tuples, the longest first (read for every message)."""
    return tuple(sorted((tuple(str(o).split()) for o in c.raw(key)), key=len, reverse=True))


def _after_ack(said: list[str], c: Catalogue) -> list[str]:
    """The words after an acknowledgement that opens them ("ok" of "ok bye"), if any."""
    return _after(said, c, "shell.acknowledgements") or []


def yes_or_no(text: str, c: Catalogue) -> str | None:
    """ "yes" or "no" typed in answer to a yes/no card ("yes please", "nope"), else None. Not
    a question ("yes?"), nor a lone letter ("y?" is often "why?")."""
    if "?" in text:
        return None
    if is_listed(text, c, "shell.typed_yes"):
        return "yes"
    if is_listed(text, c, "shell.typed_no"):
        return "no"
    return None


@dataclass(frozen=True)
class Named:
    """A button that typed words may name instead of a tap: its `option`, the words on it
    (`labels`, as shown), and the content keys listing other phrases for it (`listed`; a key
    that is not there lists none)."""

    option: str
    labels: tuple[str, ...] = ()
    listed: tuple[str, ...] = ()


def named(
    text: str, buttons: Iterable[Named], c: Catalogue, *, in_label: Collection[str] | None = None
) -> list[str]:
    """The options of `buttons` that typed `text` names, in their order: the whole message,
    compared without case, emoji or punctuation, is one of a button's labels or one of the
    phrases listed for it. With `in_label` (words that alone name nothing: "it", "to"), a
    label names it when the words are all in that label ("later": "Talk about it later") and
    not all in `in_label`, instead of only when they are the whole label."""
    said = words(text)
    if not said:
        return []
    phrase = bare(" ".join(said))
    loose = in_label is not None and any(w not in in_label for w in said)
    found: list[str] = []
    for b in buttons:
        whole = _said(c, () if in_label is not None else b.labels, b.listed)
        if phrase in whole or (loose and any(set(said) <= set(words(x)) for x in b.labels)):
            found.append(b.option)
    return found


@lru_cache(maxsize=256)
def _said(c: Catalogue, labels: tuple[str, ...], listed: tuple[str, ...]) -> frozenset[str]:
    """The phrases that name a button: its labels and those listed for it, as compared
    (`compared`: without apostrophes). Kept per catalogue (one for each language, for as long
    as the bot runs)."""
    said = {compared(label) for label in labels}
    for key in listed:
        if c.has(key):
            said.update(compared(str(p)) for p in c.raw(key))
    return frozenset(said)
