"""Telling a message written in another language from English: Mend reads English only, for
now, and says so rather than offer Spanish as a moment or keep it as an answer ("I felt
triste").

Conservative by design: a message is another language only when it clearly is. A whole
message that is a greeting or a word typed alone at a question ("hola", "danke", "triste");
a message mostly in another script (Cyrillic, Arabic, Chinese...); or one with at least two
different words of Spanish, Portuguese, French, German or Italian and at least twice as many
of those as of English ("mi novio me ignoró toda la noche"). A name, a place, a loanword or a
quoted phrase in an English message ("he called me 'mi amor' lol", "we had dinner at Casa de
la Playa and he was on his phone") leaves it English. Words are compared without case or
accents ("inglés" is "ingles"); a word common to English and another language ("me", "no",
"a", "die", "was") counts for neither.

The word lists are content (`other_languages.*`), kept per catalogue. The safety screen reads
every message before this does (bot/domain/safety.py), danger phrases in these languages
included.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from bot.content import Catalogue

OTHER_SCRIPT = "other"  # written mostly in letters that are not Latin
LANGUAGES = ("es", "pt", "fr", "de", "it")

# A word: letters, with an apostrophe inside ("j'ai", "c'est"); digits, emoji and punctuation
# only separate words.
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
# Letters that English words hardly ever hold, each a sign of one language: "ñ" (cariño),
# "ã", "õ" (não), "ß", "ä", "ö", "ü" (schlägt), a final "ó" (ignoró). One alone is a name
# ("Muñoz", "Müller"); it counts as one word of that language.
_SIGNS = (("ñ", "es"), ("ã", "pt"), ("õ", "pt"), ("ß", "de"), ("ä", "de"), ("ö", "de"), ("ü", "de"))


@dataclass(frozen=True)
class _Lists:
    english: frozenset[str]
    words: dict[str, frozenset[str]]  # each language's words, none of them English
    standalone: dict[str, str]  # a word alone -> its language
    phrases: dict[str, str]  # a whole message -> its language
    loans: re.Pattern[str]  # phrases English borrowed, as compared, each a whole run of words


def fold(text: str) -> str:
    """Lowercase, without accents, with straight apostrophes: "Inglés" is "ingles"."""
    text = unicodedata.normalize("NFKC", text).lower().replace("’", "'").replace("‘", "'")
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


@lru_cache(maxsize=8)
def _lists(c: Catalogue) -> _Lists:
    """The lists of `c`, folded. Kept per catalogue."""

    def folded(key: str) -> list[str]:
        return [fold(str(w)) for w in c.raw(key)]

    english = frozenset(folded("other_languages.english"))
    words = {
        code: frozenset(folded(f"other_languages.words_{code}")) - english for code in LANGUAGES
    }
    standalone = {
        word: code
        for code in reversed(LANGUAGES)  # a word in two lists is the first language's
        for word in folded(f"other_languages.standalone_{code}")
        if word not in english
    }
    phrases: dict[str, str] = {}
    for phrase in folded("other_languages.phrases"):
        said = _words(phrase)
        counts = {
            code: sum(w in words[code] or standalone.get(w) == code for w in said)
            for code in LANGUAGES
        }
        phrases[" ".join(said)] = max(LANGUAGES, key=lambda code: counts[code])
    borrowed = (re.escape(" ".join(_words(p))) for p in folded("other_languages.loans"))
    loans = re.compile(rf"(?:^| )(?:{'|'.join(borrowed)})(?= |$)")
    return _Lists(english, words, standalone, phrases, loans)


def _other_script(text: str) -> bool:
    """Mostly letters that are not Latin: "він мене не слухає", "彼は私を無視した"."""
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 2:
        return False
    latin = sum("LATIN" in unicodedata.name(ch, "") for ch in letters)
    return latin * 5 < len(letters)


def other_language(text: str, c: Catalogue) -> str | None:
    """The language `text` is written in, if it is clearly not English: one of LANGUAGES, or
    OTHER_SCRIPT; None for English, and for anything not clearly another language (a name,
    a place, a number, emoji, a message mostly in English)."""
    if _other_script(text):
        return OTHER_SCRIPT
    lists = _lists(c)
    raw = _words(unicodedata.normalize("NFKC", text).lower())
    said = [fold(w) for w in raw]
    if not said:
        return None
    whole = " ".join(w for w in said if w != "mend") or " ".join(said)  # "hola mend"
    if whole in lists.phrases:
        return lists.phrases[whole]
    if len(whole.split()) == 1:
        return lists.standalone.get(whole)
    # "she said c'est la vie": the borrowed words are English here
    kept = _words(lists.loans.sub(" ", whole))
    counts = dict.fromkeys(LANGUAGES, 0)
    foreign: set[str] = set()
    english = 0
    for word, typed in zip(said, raw, strict=True):
        if word not in kept:
            continue
        if word in lists.english:
            english += 1
            continue
        holders = [code for code in LANGUAGES if word in lists.words[code]]
        holders += [code for sign, code in _SIGNS if sign in typed and code not in holders]
        if not holders and typed.endswith("ó"):
            holders = ["es"]
        if holders:
            foreign.add(word)
            for code in holders:
                counts[code] += 1
    found = sum(1 for word in said if word in foreign)
    if len(foreign) < 2 or found < 2 * english:
        return None
    return max(LANGUAGES, key=lambda code: counts[code])
