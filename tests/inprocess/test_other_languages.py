"""Messages in another language, through the real Application: Mend says it reads only
English (with /sos for help now), never offers them as a moment nor keeps them as an answer;
the safety screen still reads them first, so danger in Spanish, German, French, Italian or
Portuguese gets the help. And "i'm dead 💀" is a laugh, not a worry."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.storage.models import ConversationState, MomentRow
from tests.harness import Harness
from tests.inprocess.flows import TO_THE_PATH

ANA = 901
OFFER = "Want to look at this moment together?"
ONLY_ENGLISH = "I can only read English for now"
SAFE_CHECK = "are you safe right now?"


async def state(h: Harness) -> ConversationState | None:
    async with h.db.unit_of_work() as session:
        return await session.scalar(select(ConversationState))


async def moments(h: Harness) -> list[MomentRow]:
    async with h.db.unit_of_work() as session:
        return list(await session.scalars(select(MomentRow)))


@pytest.mark.parametrize(
    "text",
    ["hola", "hallo", "bonjour", "buenas noches", "gracias", "danke", "ciao",
     "mi novio me ignoró toda la noche", "meine Freundin hat mich den ganzen Abend ignoriert"],
)  # fmt: skip
async def test_another_language_outside_a_flow_is_told_mend_reads_english(
    harness: Harness, text: str
):
    h = harness
    await h.onboard(ANA, "Ana")
    replies = h.texts(await h.text(ANA, text))
    assert len(replies) == 1
    assert ONLY_ENGLISH in replies[0] and "/sos" in replies[0]
    assert OFFER not in replies[0]
    assert await state(h) is None and await moments(h) == []


async def test_another_language_as_the_very_first_message_is_told_too(harness: Harness):
    h = harness
    h.person(ANA, "Lucía")
    replies = h.texts(await h.text(ANA, "hola"))
    assert any(ONLY_ENGLISH in r for r in replies)
    assert not any(OFFER in r for r in replies)


@pytest.mark.parametrize(
    ("text", "help_words"),
    [
        ("me quiero morir", "emergency number"),
        ("mi novio me pega", "emergency number"),
        ("tengo miedo de mi novio", "emergency number"),
        ("Ich bringe mich um", "emergency number"),
        ("mein Mann schlägt mich", "emergency number"),
        ("je veux mourir", "emergency number"),
        ("ich will nicht mehr leben", "emergency number"),
        ("voglio morire", "emergency number"),
        ("meu marido me bate", "emergency number"),
    ],
)
async def test_danger_in_another_language_is_answered_as_danger(
    harness: Harness, text: str, help_words: str
):
    h = harness
    await h.onboard(ANA, "Ana")
    replies = h.texts(await h.text(ANA, text))
    assert help_words in replies[0]
    assert not any(ONLY_ENGLISH in r for r in replies)
    assert await moments(h) == [] and await state(h) is None


async def test_another_language_at_a_question_keeps_the_place_and_keeps_nothing(
    harness: Harness,
):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH[:7])  # at "How did it feel?"
    before = await state(h)
    assert before is not None and before.step == "feel"
    replies = h.texts(await h.text(ANA, "triste"))
    assert ONLY_ENGLISH in replies[0] and "/sos" in replies[0]
    assert "How did it feel?" in replies[-1]
    after = await state(h)
    assert after is not None and after.step == "feel"
    (moment,) = await moments(h)
    assert moment.feelings == [] and not moment.feelings_text
    await h.press(ANA, "lonely")
    replies = h.texts(await h.press(ANA, "Done"))  # the question goes on as before
    assert "What did you need" in replies[-1]


async def test_a_story_in_another_language_at_the_camera_question_is_not_kept(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH[:5])  # at "If a camera had been there"
    replies = h.texts(await h.text(ANA, "él miró su teléfono mientras yo hablaba de mi madre"))
    assert ONLY_ENGLISH in replies[0]
    after = await state(h)
    assert after is not None and after.step == "cam"
    (moment,) = await moments(h)
    assert moment.observation is None


async def test_mostly_english_with_a_foreign_phrase_is_read_as_usual(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    replies = h.texts(
        await h.text(ANA, "my boyfriend said 'te quiero' and then ignored me all night")
    )
    assert OFFER in replies[-1]
    assert not any(ONLY_ENGLISH in r for r in replies)


@pytest.mark.parametrize("text", ["i'm dead 💀", "im dead 💀💀", "I'm literally dead 💀"])
async def test_im_dead_with_a_skull_is_a_laugh_not_a_worry(harness: Harness, text: str):
    h = harness
    await h.onboard(ANA, "Ana")
    replies = h.texts(await h.text(ANA, text))
    assert not any(SAFE_CHECK in r or "emergency number" in r for r in replies)


async def test_wanting_to_die_with_a_skull_is_still_danger(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    replies = h.texts(await h.text(ANA, "i want to die 💀"))
    assert "emergency number" in replies[0]
