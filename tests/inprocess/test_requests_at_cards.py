"""Words to Mend typed at its own cards: at the evening check-in, a stop said any way is
answered as "please stop" is (never offered as a moment to repair: that would be nagging),
"meh" is not met with "Glad to hear it", "can we do this tomorrow?" is a "Not tonight", and
"why do you ask every night?" is told about the check-in. After /delete, a typed "yes, delete
everything" erases nothing and keeps nothing: the button does that. After /history or
/help, questions about using Mend are answered, and words picking from the list point to
its buttons."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from bot.storage.models import ConversationState, MomentRow, User
from tests.harness import Harness
from tests.inprocess.flows import LATER
from tests.inprocess.test_scheduling import reflections
from tests.inprocess.test_typed_answers import ANA, OFFER, cleared, evening_card

STOP_SAYS = '"Evening check-in off"'


async def nothing_new_kept(h: Harness, moments: int = 0) -> None:
    async with h.db.unit_of_work() as session:
        assert await session.scalar(select(ConversationState)) is None  # no offer waiting
        assert await session.scalar(select(func.count()).select_from(MomentRow)) == moments


@pytest.mark.parametrize(
    "said",
    [
        "stop asking me this",
        "turn this off",
        "don't ask me every night",
        "I don't want these",
        "leave me alone",
    ],
)
async def test_a_stop_at_the_evening_card_is_a_stop(h: Harness, said: str):
    await evening_card(h)
    (reply,) = h.texts(await h.text(ANA, said))
    assert STOP_SAYS in reply and "/settings" in reply
    assert OFFER not in reply
    await nothing_new_kept(h)


async def test_meh_at_the_evening_card_is_not_glad(h: Harness):
    card = await evening_card(h)
    actions = await h.text(ANA, "meh")
    (reply,) = h.texts(actions)
    assert "Glad" not in reply and OFFER not in reply
    assert "Ana" in reply
    assert cleared(actions, card)
    (reflection,) = await reflections(h)
    assert (reflection.answer, reflection.local_date) == ("all_good", date(2026, 3, 1))


@pytest.mark.parametrize("said", ["ask me tomorrow", "can we do this tomorrow?"])
async def test_a_put_off_at_the_evening_card_is_not_tonight(h: Harness, said: str):
    card = await evening_card(h)
    actions = await h.text(ANA, said)
    assert h.texts(actions) == ["No problem. Rest well."]
    assert cleared(actions, card)
    (reflection,) = await reflections(h)
    assert reflection.answer == "not_tonight"
    await nothing_new_kept(h)


async def test_why_every_night_is_told_about_the_check_in(h: Harness):
    await evening_card(h)
    (reply,) = h.texts(await h.text(ANA, "why do you ask every night?"))
    assert "/settings" in reply and '"Change its time"' in reply and STOP_SAYS in reply
    assert "what happened, how it felt" not in reply  # not the repair flow's explanation
    await nothing_new_kept(h)


@pytest.mark.parametrize("said", ["yes delete everything", "Yes, delete it all please"])
async def test_a_typed_yes_to_delete_erases_nothing_and_keeps_nothing(h: Harness, said: str):
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, LATER)
    await h.text(ANA, "/delete")
    actions = await h.text(ANA, said)
    (reply,) = h.texts(actions)
    assert '"Delete everything"' in reply and OFFER not in reply
    async with h.db.unit_of_work() as session:
        assert await session.get(User, ANA) is not None  # nothing erased on words
    await nothing_new_kept(h, moments=1)  # the moment from before, and nothing more
    # The button still does it.
    await h.press(ANA, "Delete everything")
    async with h.db.unit_of_work() as session:
        assert await session.get(User, ANA) is None


async def test_a_lone_yes_after_delete_points_to_the_card_and_erases_nothing(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, LATER)
    await h.text(ANA, "/delete")
    (reply,) = h.texts(await h.text(ANA, "yes"))
    assert "tap its button" in reply and OFFER not in reply
    async with h.db.unit_of_work() as session:
        assert await session.get(User, ANA) is not None
    await nothing_new_kept(h, moments=1)


@pytest.mark.parametrize(
    ("command", "said", "must"),
    [
        ("/history", "the first one", '"Delete"'),
        ("/history", "delete all of them", "/delete"),
        ("/help", "how do I change my time zone?", '"Time zone"'),
        ("/help", "what's a moment?", "moment"),
        ("/help", "where can I see the nice moments I saved?", "/export"),
        ("/privacy", "is this encrypted?", "encrypt"),
    ],
)
async def test_questions_after_a_list_or_help_are_answered(
    h: Harness, command: str, said: str, must: str
):
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, LATER)
    await h.text(ANA, command)
    (reply,) = h.texts(await h.text(ANA, said))
    assert must in reply and OFFER not in reply
    await nothing_new_kept(h, moments=1)
