"""Telling a message written in another language from English (bot/domain/language.py).

Mend reads English only: a message in Spanish, Portuguese, French, German or Italian (or in
another script) is told so, not offered as a moment or kept as an answer. Conservative: a
loanword, a name, a place or a quoted phrase in an English message leaves it English."""

from __future__ import annotations

import pytest

from bot.content import Catalogue, catalogue
from bot.domain.language import other_language

C = catalogue("en")

OTHER = [
    # greetings and thanks, alone
    ("hola", "es"),
    ("Hola!", "es"),
    ("buenas noches", "es"),
    ("gracias", "es"),
    ("muchas gracias", "es"),
    ("hallo", "de"),
    ("guten Abend", "de"),
    ("danke", "de"),
    ("Danke schön", "de"),
    ("bonjour", "fr"),
    ("merci beaucoup", "fr"),
    ("ciao", "it"),
    ("grazie", "it"),
    ("obrigada", "pt"),
    ("bom dia", "pt"),
    # sentences
    ("mi novio me ignoró toda la noche", "es"),
    ("no hablo bien inglés", "es"),
    ("sorry, no hablo inglés", "es"),
    ("ignoró mis mensajes", "es"),
    ("meine Freundin hat mich den ganzen Abend ignoriert", "de"),
    ("ich will nicht mehr leben", "de"),
    ("Ich bringe mich um", "de"),
    ("je veux mourir", "fr"),
    ("mon copain ne m'écoute jamais", "fr"),
    ("il ne m'a pas dit bonjour ce matin", "fr"),
    ("il mio ragazzo non mi ascolta mai", "it"),
    ("meu namorado não me respondeu ontem", "pt"),
    ("ele ficou no celular a noite toda", "pt"),
    # a feeling or need typed alone at a question
    ("triste", "es"),
    ("cariño", "es"),
    ("traurig", "de"),
    ("arrabbiata", "it"),
    # another script
    ("він мене не слухає", "other"),
    ("彼は私を無視した", "other"),
]

ENGLISH = [
    "hi",
    "thanks",
    "he looked at his phone while I talked",
    "Pablo",
    "Lucía",
    "José and I argued about the bins",
    "Madrid",
    "Ciudad de México",
    "São Paulo",
    "Buenos Aires",
    "we had dinner at Casa de la Playa and he was on his phone",
    "my boyfriend said 'te quiero' and I just froze",
    "he called me 'mi amor' lol",
    "she said 'c'est la vie' and walked off",
    "c'est la vie",
    "I felt triste, as my nan would say, and a bit lonely",
    "we watched La La Land and he fell asleep",
    "he said 'je ne sais pas' and then ignored me all evening",
    "she was doing her Spanish homework, hablo, hablas, habla, and didn't look up",
    "my fiancé forgot our anniversary",
    "felt like a total déjà vu",
    "ok",
    "👍",
    "4",
    "sat 10:00",
    "my mum Müller-Schmidt was there",
    "I'm in Los Angeles for work so we barely talk",
    "she's from Santa Cruz and misses her family",
    # names and abbreviations that are also words of another language (a review found these)
    "Played Uno with Mia",
    "Ma ignored Mia",
    "Mia snapped at Les",
    "Della yelled at Mia",
    "Uma ignored Mia",
    "coffee w Mia and Les",
    "We saw Les Mis",
    "Mon 8pm EST",
    "CA to NE",
    "Di and Del fought again",
    "Sera and Che left early",
]


@pytest.mark.parametrize(("text", "language"), OTHER)
def test_another_language_is_recognised(text: str, language: str):
    assert other_language(text, C) == language


@pytest.mark.parametrize("text", ENGLISH)
def test_english_stays_english(text: str):
    assert other_language(text, C) is None


def test_the_word_lists_are_read_from_content():
    listed = [str(w) for w in C.raw("other_languages.standalone_es")]
    assert "triste" in listed
    without = Catalogue(
        "en", {"other_languages.standalone_es": [w for w in listed if w != "triste"]}, C
    )
    assert other_language("triste", without) is None
    assert other_language("triste", C) == "es"  # English keeps its own words


def test_no_word_is_listed_as_both_english_and_another_language():
    english = {str(w) for w in C.raw("other_languages.english")}
    for code in ("es", "pt", "fr", "de", "it"):
        both = english & {str(w) for w in C.raw(f"other_languages.words_{code}")}
        assert not both, (code, both)
