"""The repair flow and /history through the real Application on the in-process stand-in."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from telegram import Update

from bot.content import catalogue
from bot.domain.repair_flow import KEPT_IN_PART
from bot.sandbox.core import BotAction
from bot.storage.models import ConversationState, MomentRow, User
from tests.harness import Harness
from tests.inprocess.flows import (
    EXPECTED_AFTER_PATH,
    LATER,
    LET_GO,
    SAY_IT_NOW,
    TO_THE_PATH,
    UNSAFE,
    Script,
)

ANA, BEN = 601, 602
C = catalogue("en")


async def state_of(h: Harness, user_id: int) -> ConversationState | None:
    async with h.db.unit_of_work() as session:
        return await session.scalar(
            select(ConversationState).where(ConversationState.user_id == user_id)
        )


async def moments_of(h: Harness, user_id: int) -> list[MomentRow]:
    async with h.db.unit_of_work() as session:
        rows = await session.scalars(select(MomentRow).where(MomentRow.user_id == user_id))
        return list(rows)


async def act(h: Harness, user_id: int, kind: str, value: str) -> list[BotAction]:
    if kind == "text":
        return await h.text(user_id, value)
    return await h.press(user_id, value)


async def walk(h: Harness, user_id: int, script: Script) -> list[BotAction]:
    actions: list[BotAction] = []
    for kind, value, step, _ in script:
        actions = await act(h, user_id, kind, value)
        state = await state_of(h, user_id)
        assert (state.step if state else "") == step, (value, step, h.texts(actions))
    return actions


@pytest.fixture
async def ana(harness: Harness) -> Harness:
    await harness.onboard(ANA, "Ana")
    return harness


def check_answers(row: MomentRow) -> None:
    for field, value in EXPECTED_AFTER_PATH.items():
        assert getattr(row, field) == value, field


async def test_say_something_now(ana: Harness):
    h = ana
    draft_card = None
    for kind, value, step, _ in SAY_IT_NOW:
        actions = await act(h, ANA, kind, value)
        if step == "draft":
            draft_card = next(a for a in actions if a.method == "editMessageText")
    assert draft_card is not None and draft_card.text is not None
    assert draft_card.params.get("parse_mode") == "HTML" and "<pre>" in draft_card.params["text"]
    assert "lonely" in draft_card.text and "Hey Sam" in draft_card.text
    (row,) = await moments_of(h, ANA)
    check_answers(row)
    assert (row.status, row.path) == ("drafted", "now") and row.draft and "lonely" in row.draft
    assert await state_of(h, ANA) is None


async def test_softer_and_shorter_edit_the_draft_card(ana: Harness):
    h = ana
    await walk(h, ANA, [*TO_THE_PATH, ("press", "Say something now", "draft", "")])
    state = await state_of(h, ANA)
    assert state is not None
    standard = state.data["m"]["draft"]
    actions = await h.press(ANA, "Shorter")
    assert [a.method for a in actions if a.method != "answerCallbackQuery"] == ["editMessageText"]
    state = await state_of(h, ANA)
    assert state is not None and state.data["m"]["draft_style"] == "shorter"
    assert len(state.data["m"]["draft"]) < len(standard)
    await h.press(ANA, "I'll write my own")
    await h.text(ANA, "Can we have a phone-free dinner tonight? I missed you.")
    (row,) = await moments_of(h, ANA)
    assert row.draft == "Can we have a phone-free dinner tonight? I missed you."
    assert (row.status, row.draft_style) == ("drafted", "own")


async def test_later_stores_the_plan(ana: Harness):
    h = ana
    actions = await walk(h, ANA, LATER)
    (row,) = await moments_of(h, ANA)
    check_answers(row)
    assert row.status == "planned"
    # 19:00 tomorrow in Berlin (the clock is 1 March 2026, 19:30 UTC; CET is +1).
    assert row.plan_due_at == datetime(2026, 3, 2, 18, 0, tzinfo=UTC)
    assert any("tomorrow evening" in t for t in h.texts(actions))


async def test_let_go(ana: Harness):
    h = ana
    await walk(h, ANA, LET_GO)
    (row,) = await moments_of(h, ANA)
    check_answers(row)
    assert (row.status, row.path) == ("let_go", "let_go")


async def test_not_safe_to_raise(ana: Harness):
    h = ana
    actions = await walk(h, ANA, UNSAFE)
    text = " ".join(h.texts(actions))
    assert "emergency" in text and "draft" not in text.lower()
    (row,) = await moments_of(h, ANA)
    assert (row.status, row.path, row.draft) == ("set_aside", "unsafe", None)


async def test_button_answers_move_one_card_through_the_questions(ana: Harness):
    h = ana
    await h.text(ANA, "/moment")
    card = h.last_card(ANA)
    actions = await h.press(ANA, "Something happened to me")
    assert [a.method for a in actions] == ["answerCallbackQuery", "editMessageText"]
    assert h.sandbox.message(ANA, card.message_id or 0)["text"] == "Who was it with?"
    # The draft card stays to copy from; only its buttons go when it is accepted.
    await walk(h, ANA, [*TO_THE_PATH[2:], ("press", "Say something now", "draft", "")])
    draft = h.last_card(ANA)
    await h.press(ANA, "That works")
    kept = h.sandbox.message(ANA, draft.message_id or 0)
    assert "reply_markup" not in kept and "Here's a way you could say it" in kept["text"]


async def test_free_text_offers_to_look_and_keeps_the_text(ana: Harness):
    h = ana
    replies = h.texts(await h.text(ANA, "He laughed when I tripped, in front of his friends"))
    assert "Want to look at this moment together?" in replies[0]
    assert await moments_of(h, ANA) == []  # nothing kept unless they say yes
    await h.press(ANA, "Yes, let's look")
    (row,) = await moments_of(h, ANA)
    assert row.description == "He laughed when I tripped, in front of his friends"
    state = await state_of(h, ANA)
    assert state is not None and state.step == "dir"


async def test_saying_no_to_the_offer_keeps_nothing(ana: Harness):
    h = ana
    await h.text(ANA, "ugh, today")
    replies = h.texts(await h.press(ANA, "No, I just needed to say it"))
    assert "Saying it counts too" in replies[0]
    assert await moments_of(h, ANA) == []
    state = await state_of(h, ANA)  # the words wait a while in the declined offer, no more
    assert state is not None and state.step == "offer" and state.data.get("declined")


async def test_moment_from_the_help_and_start_buttons(ana: Harness):
    h = ana
    help_card = next(a for a in await h.text(ANA, "/help") if a.reply_markup)
    await h.press(ANA, "Look at a moment", message_id=help_card.message_id)
    state = await state_of(h, ANA)
    assert state is not None and (state.flow, state.step) == ("moment", "dir")
    await h.text(ANA, "/cancel")
    await h.text(ANA, "/start")
    replies = h.texts(await h.press(ANA, "Look at a moment"))
    assert "Which is it?" in replies[-1]


async def test_moment_twice_does_not_fork_the_flow(ana: Harness):
    h = ana
    await walk(h, ANA, TO_THE_PATH[:4])
    replies = h.texts(await h.text(ANA, "/moment"))
    assert "in the middle of a moment already" in replies[0]
    assert "What happened?" in replies[1]
    help_card = next(a for a in await h.text(ANA, "/help") if a.reply_markup)
    await h.press(ANA, "Look at a moment", message_id=help_card.message_id)
    assert len(await moments_of(h, ANA)) == 1
    state = await state_of(h, ANA)
    assert state is not None and state.step == "pat"


async def test_two_people_interleaved_never_see_each_others_state(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.onboard(BEN, "Ben")
    ana_script = SAY_IT_NOW
    swap = {
        "Phone out mid-talk": "My sarcasm stung",  # the "I hurt someone" label
        "Attention": "Respect",
        "Something happened to me": "I think I hurt someone",
    }
    ben_script = [(k, swap.get(v, v), s, e) for k, v, s, e in LET_GO]
    for (ka, va, _, _), (kb, vb, _, _) in zip(ana_script, ben_script, strict=False):
        # Both updates are in flight at once, in the same Application.
        ua = (
            h.sandbox.send_text(ANA, va)
            if ka == "text"
            else h.sandbox.press(ANA, h.last_card(ANA).message_id or 0, label=va)
        )
        ub = (
            h.sandbox.send_text(BEN, vb)
            if kb == "text"
            else h.sandbox.press(BEN, h.last_card(BEN).message_id or 0, label=vb)
        )
        for u in (ua, ub):
            h.sandbox.take_update(u["update_id"])
        await asyncio.gather(
            h.app.process_update(Update.de_json(ua, h.app.bot)),
            h.app.process_update(Update.de_json(ub, h.app.bot)),
        )
    for kind, value, _, _ in ben_script[len(ana_script) :]:
        await act(h, BEN, kind, value)
    (a,) = await moments_of(h, ANA)
    (b,) = await moments_of(h, BEN)
    assert (a.direction, a.pattern, a.needs, a.status) == (
        "to_me",
        "phone",
        ["attention"],
        "drafted",
    )
    assert (b.direction, b.pattern, b.needs, b.status) == (
        "by_me",
        "sarcasm",
        ["respect"],
        "let_go",
    )
    everything_ben_saw = " ".join(x.text or "" for x in h.sandbox.actions if x.chat_id == BEN)
    assert "Sam" not in everything_ben_saw and "mum" not in everything_ben_saw


BAD_INPUTS = ["sticker", "photo", "voice", "location", "long", "other_flow", "forged"]


@pytest.mark.parametrize("steps_done", range(1, len(TO_THE_PATH) + 2))
async def test_bad_input_at_every_step_gets_an_answer_and_changes_nothing(
    ana: Harness, steps_done: int
):
    h = ana
    script = [*TO_THE_PATH, ("press", "Say something now", "draft", "")]
    onboarding_card = h.last_card(ANA).message_id if h.sandbox.messages else None
    await walk(h, ANA, script[:steps_done])
    before = await state_of(h, ANA)
    (moment_before,) = await moments_of(h, ANA)
    assert before is not None
    for bad in BAD_INPUTS:
        if bad == "long" and before.step in KEPT_IN_PART:
            continue  # an answer about the moment is kept in part: see the tests at the end
        if bad == "long":
            actions = await h.text(ANA, "x" * 4096)
        elif bad == "other_flow":
            # A stale card from another flow (the onboarding confirmation).
            assert onboarding_card is not None
            actions = await h.press(
                ANA, data="onboard:confirm:3:yes", message_id=onboarding_card, forge=True
            )
        elif bad == "forged":
            actions = await h.press(
                ANA, data=f"moment:{before.step}:{before.version:x}:p.nope", forge=True
            )
        else:
            actions = await h.media(ANA, bad)
        answer = " ".join(h.texts(actions) + [t or "" for t in h.toasts(actions)])
        assert answer.strip(), (bad, before.step)
        assert "Traceback" not in answer
        after = await state_of(h, ANA)
        assert after is not None
        assert (after.flow, after.step, after.data) == (before.flow, before.step, before.data), bad
    (moment_after,) = await moments_of(h, ANA)
    assert moment_after.updated_at == moment_before.updated_at


async def test_cancel_keeps_an_unfinished_moment_to_resume_or_delete(ana: Harness):
    h = ana
    await walk(h, ANA, TO_THE_PATH[:7])
    replies = h.texts(await h.text(ANA, "/cancel"))
    assert "/history" in replies[0]
    (row,) = await moments_of(h, ANA)
    assert row.status == "unfinished" and row.intensity == 4
    assert await state_of(h, ANA) is None

    replies = h.texts(await h.text(ANA, "/history"))
    assert replies[0].startswith("Your last moments")
    item = h.last_card(ANA).buttons()[0]
    assert "Phone out mid-talk" in item["text"] and "unfinished" in item["text"]
    replies = h.texts(await h.press(ANA, item["text"]))
    assert "Felt: not named" in replies[0] and "Status: unfinished" in replies[0]
    replies = h.texts(await h.press(ANA, "Pick it up again"))
    assert "pick up where we left off" in replies[0]
    state = await state_of(h, ANA)
    assert state is not None and state.step == "feel"
    for kind, value, _, _ in TO_THE_PATH[7:]:
        await act(h, ANA, kind, value)
    await h.press(ANA, "Let it go")
    await h.press(ANA, "No, it's truly let go")
    (row,) = await moments_of(h, ANA)
    check_answers(row)
    assert row.status == "let_go"


async def test_history_marks_and_deletes(ana: Harness):
    h = ana
    await walk(h, ANA, LATER)
    await h.text(ANA, "/history")
    await h.press(ANA, h.last_card(ANA).buttons()[0]["text"])
    replies = h.texts(await h.press(ANA, "We repaired it"))
    assert "Status: repaired" in replies[-1]
    (row,) = await moments_of(h, ANA)
    assert row.status == "repaired"
    await h.press(ANA, "Delete")
    replies = h.texts(await h.press(ANA, "Yes, delete it"))
    assert await moments_of(h, ANA) == []
    assert "No moments yet" in replies[-1]


async def test_someone_elses_or_a_forged_moment_id_does_nothing(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.onboard(BEN, "Ben")
    await walk(h, ANA, LET_GO)
    (row,) = await moments_of(h, ANA)
    for action in ("ho", "hd", "hx", "hr", "hl", "hu"):
        actions = await h.press(BEN, data=f"menu:{action}.{row.id}", forge=True)
        assert h.toasts(actions) == ["That moment is no longer here."]
        assert not any(row.id in (a.text or "") or "Sam" in (a.text or "") for a in actions)
    (still,) = await moments_of(h, ANA)
    assert (still.status, still.updated_at) == (row.status, row.updated_at)
    assert await moments_of(h, BEN) == []


async def test_in_a_group_moment_points_to_the_private_chat(ana: Harness):
    h = ana
    h.person(BEN, "Ben")
    group = h.sandbox.create_group("Us", [ANA, BEN], by=ANA)
    for update in h.sandbox.pending_updates():
        await h.feed(update)
    actions = await h.text(ANA, "/moment", chat_id=group)
    (reply,) = [a for a in actions if a.method == "sendMessage"]
    assert reply.chat_id == group and "private" in (reply.text or "")
    assert reply.buttons()[0]["url"].endswith("?start=moment")
    assert await state_of(h, ANA) is None or (await state_of(h, ANA)).chat_id != group  # type: ignore[union-attr]
    # The deep link arrives privately as /start moment and starts the flow there.
    replies = h.texts(await h.text(ANA, "/start moment"))
    assert "Which is it?" in replies[-1]
    state = await state_of(h, ANA)
    assert state is not None and state.chat_id == ANA


async def test_one_moment_row_per_flow(ana: Harness):
    h = ana
    await walk(h, ANA, SAY_IT_NOW)
    await walk(h, ANA, LET_GO)
    async with h.db.unit_of_work() as session:
        count = await session.scalar(select(func.count()).select_from(MomentRow))
    assert count == 2


async def test_a_direction_alone_is_not_kept_nudged_or_listed(ana: Harness):
    h = ana
    await h.text(ANA, "/moment")
    await h.press(ANA, "Something happened to me")
    replies = h.texts(await h.text(ANA, "/cancel"))
    assert "Nothing was kept" in replies[0] and "unfinished" not in replies[0]
    assert await moments_of(h, ANA) == [] and await state_of(h, ANA) is None
    h.clock.advance(timedelta(days=1, hours=2))  # the next evening: no nudge about nothing
    assert h.texts(await h.tick()) == []
    replies = h.texts(await h.text(ANA, "/history"))
    assert replies[0].startswith("No moments yet")


async def test_history_header_of_a_moment_with_no_one_named(ana: Harness):
    h = ana
    await h.text(ANA, "He laughed when I tripped")
    await h.press(ANA, "Yes, let's look")
    await h.press(ANA, "Something happened to me")
    await h.text(ANA, "/cancel")  # their words are kept; who it was is not known
    await h.text(ANA, "/history")
    replies = h.texts(await h.press(ANA, h.last_card(ANA).buttons()[0]["text"]))
    header = replies[0].splitlines()[0]
    assert header.endswith("· happened to me") and "not named" not in header


async def test_after_the_safety_check_the_question_comes_back_without_a_correction(ana: Harness):
    h = ana
    await walk(h, ANA, TO_THE_PATH[:6])  # at "How much is it still with you"
    check = h.texts(await h.text(ANA, "sometimes I don't want to be here anymore"))
    assert any("are you safe right now?" in t for t in check)
    replies = h.texts(await h.press(ANA, "I'm safe, let's go on"))
    assert replies[0].startswith("Thank you. We'll go gently.")
    assert "How much is it still with you" in replies[-1]
    assert not any("Please tap" in t or "Please pick" in t for t in replies)
    state = await state_of(h, ANA)
    assert state is not None and state.step == "int"


async def test_my_partner_named_as_someone_else_is_not_sent_to_the_linked_partner(ana: Harness):
    h = ana
    await h.onboard(BEN, "Ben")
    await h.link(ANA, BEN, "Ana")
    await walk(h, ANA, [*TO_THE_PATH, ("press", "Say something now", "draft", "")])  # "Sam"
    card = h.last_card(ANA)
    assert card.text is not None and "Hey Sam" in card.text
    assert not [b for b in card.buttons() if "Ben" in b["text"]]


async def test_a_time_typed_before_any_time_zone_is_read_where_they_are(harness: Harness):
    h = harness
    h.person(ANA, "Ana")  # never sent /start: no time zone
    await h.text(ANA, "He looked at his phone while I talked about my mum")
    await h.press(ANA, "Yes, let's look")
    await walk(h, ANA, TO_THE_PATH[1:4])  # direction, who, name: what happened was told
    await h.press(ANA, "Phone out mid-talk")
    await h.press(ANA, "Skip")
    for kind, value, _, _ in TO_THE_PATH[6:]:
        await act(h, ANA, kind, value)
    await h.press(ANA, "Talk about it later")
    await h.press(ANA, "I'll type a time")
    replies = h.texts(await h.text(ANA, "20:00"))
    assert "Which city are you in?" in replies[-1] and "UTC" not in replies[-1]
    replies = h.texts(await h.text(ANA, "New York"))
    assert "a plan to talk today at 20:00" in replies[0]  # 14:30 in New York now
    assert "America/New_York" in replies[1] and not any("UTC" in t for t in replies)
    (row,) = await moments_of(h, ANA)
    assert row.plan_due_at == datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 20:00 in New York
    async with h.db.unit_of_work() as session:
        user = await session.get(User, ANA)
        assert user is not None and user.timezone == "America/New_York"


# ------------------------------------------------------------------ an offer left unanswered


RANT = "u listening to me rant about work"
BIKE = "You fixed the bike without being asked"


async def test_an_offer_left_for_a_week_does_not_swallow_the_weekly_round_answer(
    harness: Harness,
):
    """The walkthrough: Sunday Ben rants, ignores the offer; a week later he types his
    weekly-round answer and got "Got it, I've kept that too". The stale offer gives way and
    the round asks whether it is his thanks."""
    from tests.inprocess import test_couples as couples_test

    h = harness
    ben = couples_test.BEN
    group = await couples_test.paired_group(h)
    offered = couples_test.said(await h.text(ben, RANT), ben)
    assert "Want to look at this moment together?" in offered[-1]
    await h.text(couples_test.ANA, "/settings", chat_id=group)
    await h.press(couples_test.ANA, "Turn the weekly thanks round on", chat_id=group)
    h.clock.now = datetime(2026, 3, 8, 18, 0, tzinfo=UTC)
    await h.tick()
    await h.press(couples_test.ANA, "Write mine")
    await h.text(couples_test.ANA, "How you listened on Tuesday")
    await h.press(couples_test.ANA, "Yes, that's my thanks")
    replies = couples_test.said(await h.text(ben, BIKE), ben)
    assert not any("part of it too" in r for r in replies)
    assert "Is this your thanks to Ana for this week's round?" in replies[-1]
    assert await moments_of(h, ben) == []


async def test_words_days_after_an_offer_are_a_new_offer_of_their_own(ana: Harness):
    h = ana
    await h.text(ANA, RANT)
    h.clock.advance(timedelta(days=4))
    replies = h.texts(await h.text(ANA, "My sister forgot my birthday"))
    # The offer of its own: one of the catalogue's openers, and its question.
    offered = await state_of(h, ANA)
    assert offered is not None and offered.step == "offer"
    (offer,) = replies
    assert any(offer.startswith(o) for o in C.raw("moment.offer_openers"))
    assert offer.endswith("Want to look at this moment together? It takes about two minutes.")
    h.clock.advance(timedelta(minutes=5))
    await h.press(ANA, "Yes, let's look")
    (row,) = await moments_of(h, ANA)
    assert row.description == "My sister forgot my birthday"  # nothing of the old rant
    assert row.created_at == h.clock.now.replace(tzinfo=row.created_at.tzinfo)
    # A hello after a stale offer is a hello, not the offer's "Hi, I'm here".
    await h.text(ANA, "/cancel")
    await h.text(ANA, RANT)
    h.clock.advance(timedelta(hours=5))
    (hello,) = h.texts(await h.text(ANA, "hi"))
    assert hello.startswith("Hi Ana")


# ------------------------------------------------------------------ typed where buttons wait


async def test_typed_answers_at_button_steps_are_read(ana: Harness):
    """The walkthrough: "later" at the path got "Please tap one of the buttons below. Thank
    you. That took some honesty..."; "5!!" at the intensity got the question again."""
    h = ana
    await h.walk(ANA, TO_THE_PATH[:6])  # at the intensity question
    replies = h.texts(await h.text(ANA, "5!!"))
    assert "How did it feel?" in replies[-1]
    await h.walk(ANA, TO_THE_PATH[7:])
    replies = h.texts(await h.text(ANA, "hmm"))
    assert replies == ["Please tap one of the buttons below. What would you like to do with it?"]
    replies = h.texts(await h.text(ANA, "later"))
    assert replies == ["When would be a better time?"]
    state = await state_of(h, ANA)
    assert state is not None and state.step == "when"
    assert state.data["m"]["intensity"] == 5


async def test_a_very_long_camera_answer_is_kept_in_part(ana: Harness):
    h = ana
    await h.walk(ANA, TO_THE_PATH[:5])  # at the camera question
    told = "He looked at his phone while I talked about my mum and " * 75  # ~4,000
    replies = h.texts(await h.text(ANA, told))
    assert "kept the first part" in replies[0] and "How much is it" in replies[-1]
    await h.press(ANA, "4")
    await h.text(ANA, "/cancel")
    (row,) = await moments_of(h, ANA)
    assert row.observation is not None and 900 < len(row.observation) <= 1000
    assert " ".join(told.split()).startswith(row.observation.removesuffix("…"))


async def test_typed_who_name_feelings_and_needs_make_a_draft_a_person_could_say(
    ana: Harness,
):
    """The walkthrough: "my sister's husband" was read as the partner (and offered to Ben),
    "idk" greeted "Hey idk,", and typed feelings and needs were pasted in raw."""
    h = ana
    await h.onboard(BEN, "Ben")
    await h.link(ANA, BEN, "Ana")
    script: Script = [
        ("text", "/moment", "dir", ""),
        ("press", "Something happened to me", "who", ""),
        ("text", "my sister's husband", "whoname", ""),
        ("text", "idk", "pat", ""),
        ("press", "Phone out mid-talk", "cam", ""),
        ("press", "Skip", "int", ""),
        ("press", "4", "feel", ""),
        ("text", "i felt like he doesnt care about me", "feel", ""),
        ("press", "Done", "need", ""),
        ("text", "I just wanted him to put the phone down tbh", "need", ""),
        ("press", "Done", "path", ""),
        ("press", "Say something now", "draft", ""),
    ]
    await walk(h, ANA, script)
    card = h.last_card(ANA)
    assert card.text is not None
    draft = card.text.split("\n\n")[-1]  # the words to copy, after any note about them
    # A thought about him is not said as a feeling; their words are shown beside, to use.
    assert "care about me" not in draft
    assert 'Your words for how it felt: "i felt like he doesnt care about me"' in card.text
    assert "I needed for you to put the phone down" in draft
    for raw in ("Hey idk", "i felt", "doesnt", " him ", "tbh"):
        assert raw not in draft, raw
    assert not [b for b in card.buttons() if "Ben" in b["text"]]  # not the partner's draft
    state = await state_of(h, ANA)
    assert state is not None
    assert (state.data["m"]["who"], state.data["m"]["who_name"]) == ("family", None)
