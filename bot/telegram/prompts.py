"""Shell for what the bot sends on its own: answers to evening reflections and follow-ups
(buttons that may be pressed days later), a weekly round's answer typed without its button,
and /settings."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from sqlalchemy import select

from bot.domain import callbacks, clock, couples, prompts, schedule, settings_flow, small_talk
from bot.domain.couples import ROUND
from bot.domain.flow import FlowState, held
from bot.domain.moments import (
    LET_GO,
    PLANNED,
    REPAIRED,
    RESUMABLE,
    SET_ASIDE,
    TEXT_LIMIT,
    Moment,
    SaveMoment,
)
from bot.domain.reflection_flow import REFLECTION, RecordReflection
from bot.domain.repair_flow import FLOW as MOMENT_FLOW
from bot.domain.repair_flow import REPAIR, under_way
from bot.domain.replies import Reply
from bot.domain.settings_flow import SETTINGS
from bot.scheduling import store as prompt_store
from bot.scheduling.couple_plans import WEEKLY_ASK, weekly_ask_of
from bot.storage import couples as couple_store
from bot.storage import moments as moment_store
from bot.storage import repositories as repo
from bot.storage.models import CoupleSpace, MomentRow, ScheduledPrompt
from bot.storage.moments import BEGIN_A_MOMENT
from bot.telegram import flow_runner, moments
from bot.telegram.couples import partner_of
from bot.telegram.moments import new_moment_id
from bot.telegram.turn import Turn

KINDS = (prompts.EVENING_CARD, prompts.FOLLOW_UP_CARD, prompts.RESCHEDULE_CARD)
# The card each kind of prompt row shows.
CARD_OF = {
    schedule.EVENING: prompts.EVENING_CARD,
    schedule.SNOOZE: prompts.EVENING_CARD,
    schedule.FOLLOW_UP: prompts.FOLLOW_UP_CARD,
    schedule.NUDGE: prompts.FOLLOW_UP_CARD,
}
# A follow-up's `answer` while its "when should I ask again?" waits (`answered_at` still None).
ASKING_WHEN = "not_yet"
# How much before a newer card "when should I ask again?" may have been asked and still be
# the question a typed "tomorrow" answers (a follow-up at 21:00, the check-in at 21:45).
WHEN_STILL_ASKED = timedelta(hours=1)
# How long after it was sent a card still takes a typed answer: an evening's card answered
# the next morning, not words about something else days later.
TYPED_ANSWERS_FOR = timedelta(hours=12)
# A planned talk's follow-up asks about that one talk, and waits for its answer: words about it
# the next morning or the day after ("we made up", "not yet") are still its answer, not a new
# moment to look at.
FOLLOW_UP_ANSWERS_FOR = timedelta(days=3)
# A moment in one of these is settled: an old "when should I ask again?" never plans it again.
SETTLED = (REPAIRED, LET_GO, SET_ASIDE)

# A card answered "Not yet" and then a time stores "later:<choice>" (its reminder is the
# follow-up planned in that same turn): /export reads it back.
ASKED_AGAIN = "later:"


async def _current(turn: Turn) -> FlowState | None:
    active = await flow_runner.active_state(turn)
    return repo.as_flow_state(active[0]) if active is not None else None


async def open_settings(turn: Turn) -> None:
    """/settings never drops what the person was in the middle of: it holds it, says so on
    the card, and puts it back when they are done (flow_runner.apply_outcome asks its
    question again). Settings opened again keeps holding what it held.

    An offer to look at a moment is not something under way (nothing is kept of it unless
    they say yes, and /moment replaces it too): settings replaces it, so Done never brings
    back an offer from days ago."""
    current = await _current(turn)
    kept = held(current) if current is not None and current.flow == SETTINGS.name else current
    if kept is not None and kept.flow == MOMENT_FLOW and not under_way(kept):
        kept = None
    await flow_runner.start(turn, SETTINGS.start(turn.context(), kept))


async def resume(turn: Turn) -> None:
    """/resume: ends a pause as the settings card's Resume does; whatever the person is in
    the middle of stays as it is. The quiet day after danger ends too."""
    outcome = settings_flow.resume(turn.context(), turn.user.quiet_until)
    await flow_runner.apply_effects(turn, outcome.effects)
    for reply in outcome.replies:
        turn.say(reply)


async def on_prompt_button(turn: Turn, kind: str, argument: str) -> None:
    """`ev.<choice>.<id>`, `fu.<choice>.<id>`, `fr.<when>.<id>`: the prompt must be this
    person's, and each card is answered once."""
    c = turn.content
    choice, _, raw_id = argument.partition(".")
    row_id = callbacks.row_id(raw_id)
    row = None if row_id is None else await turn.session.get(ScheduledPrompt, row_id)
    if row is None or row.user_id != turn.user.id:
        turn.notice(c.text("shell.expired"))
        return
    if row.answered_at is not None and kind != "fr":
        turn.notice(c.text("evening.answered"))
        return
    if kind == "ev" and await prompt_store.newer_evening_card_sent(turn.session, row):
        # An earlier evening's card (its buttons go when the next is sent; this tap was
        # quicker, or that edit failed): nothing recorded for a day gone by.
        turn.notice(c.text("evening.earlier_card"))
        if turn.pressed_message_id is not None:
            turn.clear_keyboard(turn.pressed_message_id)
    elif kind == "ev" and choice in prompts.EVENING_CHOICES:
        await _evening(turn, row, choice)
    elif kind in ("fu", "fr") and row.moment_id is not None:
        await _follow_up(turn, row, kind, choice)
    else:
        turn.notice(c.text("shell.expired"))


async def _evening(
    turn: Turn, row: ScheduledPrompt, choice: str, *, measured: bool = False
) -> None:
    """An evening card's button (or its answer typed). `measured`: "All good" said lukewarmly
    ("meh": `prompts.so_so`), answered without "Glad to hear it"."""
    c = turn.content
    prefs = prompt_store.prefs_of(turn.user)
    local_date = row.due_at.astimezone(prefs.tz).date()
    row.answer, row.answered_at = choice, turn.now
    if choice == "snooze" and schedule.earlier_evening(row.due_at, turn.now, prefs):
        # An hour from now would be a check-in in the morning, or a second one tonight.
        key = "evening.snooze_old" if prefs.evening_on else "evening.snooze_old_off"
        turn.say(Reply(c.text(key), edit=True))
        return
    if choice == "snooze":
        due = schedule.snooze_due(turn.now, prefs)
        if due is None:
            turn.say(Reply(c.text(prompts.snooze_quiet_key(turn.now, prefs)), edit=True))
            return
        await prompt_store.plan(
            turn.session,
            key=f"{schedule.SNOOZE}:{row.id}",
            kind=schedule.SNOOZE,
            user_id=turn.user.id,
            chat_id=turn.chat_id,
            due=due,
            now=turn.now,
        )
        local = due.astimezone(prefs.tz).strftime("%H:%M")
        turn.say(Reply(c.text("evening.snoozed", time=local), edit=True))
        return
    record = RecordReflection(row.id, local_date, choice)
    current = await _current(turn)
    if choice in BEGIN_A_MOMENT and under_way(current):
        # As /moment says then: the moment under way goes on, never replaced without a word.
        await flow_runner.apply_effects(turn, (record,))
        if turn.pressed_message_id is not None:
            turn.clear_keyboard(turn.pressed_message_id)
        await flow_runner.reprompt(turn, "moment.already")
    elif choice in BEGIN_A_MOMENT:
        await flow_runner.apply_effects(turn, (record,))
        direction = "to_me" if choice == "hurt" else "by_me"
        outcome = REPAIR.start(turn.context(), new_moment_id(), direction=direction)
        first = replace(outcome.replies[0], edit=True)
        await flow_runner.start(turn, replace(outcome, replies=(first, *outcome.replies[1:])))
    elif choice == "connection":
        # A moment under way waits while the line is asked for, and is taken up after it.
        kept = current if under_way(current) else None
        await flow_runner.start(turn, REFLECTION.start(turn.context(), row.id, local_date, kept))
    else:
        await flow_runner.apply_effects(turn, (record,))
        name = turn.user.display_name
        words = prompts.evening_reply(choice, name, turn.now, prefs.tz, c, measured=measured)
        turn.say(Reply(words, edit=True))


async def _follow_up(
    turn: Turn,
    row: ScheduledPrompt,
    kind: str,
    choice: str,
    *,
    measured: bool = False,
    not_ready: bool = False,
) -> None:
    """A follow-up's button (or its answer typed). `measured`: "It went well" said lukewarmly,
    answered in measured words (`prompts.answer_follow_up`). `not_ready`: "Not yet" typed as
    the other person not wanting to talk yet (`prompts.not_ready`), asked when more gently."""
    c = turn.content
    assert row.moment_id is not None
    moment = await moment_store.owned(turn.session, turn.user.id, row.moment_id)
    if moment is None:
        turn.notice(c.text("follow_up.gone"))
        return
    prefs = prompt_store.prefs_of(turn.user)
    if kind == "fr":
        if choice not in prompts.RESCHEDULE_CHOICES:
            turn.notice(c.text("shell.expired"))
            return
        if moment.status in SETTLED:  # repaired or let go since (/history): nothing to ask
            turn.notice(c.text("follow_up.already_settled"))
            return
        due = schedule.reschedule_due(choice, turn.now, prefs)
        if due is None:  # "This evening" on a card from before it got too late for it
            turn.say(prompts.reschedule_card(row.id, c, tonight=False, too_late=True))
            return
        await _ask_again(turn, row, moment, due, choice)
        return
    if choice == "not_yet":
        row.answer, row.updated_at = ASKING_WHEN, turn.now  # answered_at stays None: asks when
        tonight = schedule.tonight_available(turn.now, prefs.tz)
        turn.say(prompts.reschedule_card(row.id, c, tonight=tonight, not_ready=not_ready))
        return
    if choice == "resume" and moment.status in RESUMABLE:
        row.answer, row.answered_at = choice, turn.now
        await moments.pick_up_unfinished(turn, moment)  # as from /history
        return
    answered = prompts.answer_follow_up(moment, choice, turn.now, c, measured=measured)
    if answered is None:
        turn.notice(c.text("shell.expired"))
        return
    row.answer, row.answered_at = choice, turn.now
    await flow_runner.apply_effects(
        turn, (SaveMoment(answered.moment), schedule.CancelPrompts(moment.id))
    )
    turn.say(answered.reply)


async def _ask_again(
    turn: Turn, row: ScheduledPrompt, moment: Moment, due: datetime, choice: str
) -> None:
    """ "When should I ask again?" answered (`choice`: a button's, or TYPED_TIME): the moment
    asked about again at `due`, and the reply says when."""
    row.answer, row.answered_at = f"{ASKED_AGAIN}{choice}", turn.now
    ask_again = schedule.ScheduleFollowUp(moment.id, due)
    if moment.status in RESUMABLE:  # a reminder to pick it up, not a plan to talk
        await flow_runner.apply_effects(turn, (ask_again,))
    else:
        # A reminder to ask again, not a new talk: the planned talk's time stays the plan.
        updated = moment.update(status=PLANNED)
        await flow_runner.apply_effects(turn, (SaveMoment(updated), ask_again))
    preset = None if choice == TYPED_TIME else choice
    when = REPAIR.when_words(due, preset, turn.context())  # the stored time, in words
    turn.say(Reply(turn.content.text("follow_up.rescheduled", when=when), edit=True))


# The choice of "When should I ask again?" that a time typed for it is ("sunday evening").
TYPED_TIME = "at"


def _typed_when(turn: Turn, words: str) -> datetime | None:
    """When to ask again, from words typed at "When should I ask again?" ("sunday evening",
    "tmrw pm"): a time read as the moment's own time question reads one (on their clock,
    their "few hours"), out of their quiet hours; None if the words are no time, only a
    number ("4" is more likely some question's 1 to 5), no longer ahead, more than
    `clock.MAX_PLAN_AHEAD` ahead, or read on a clock of theirs not yet known."""
    if small_talk.bare_number(words):
        return None
    prefs = prompt_store.prefs_of(turn.user)
    zone = clock.zone_of(turn.user.timezone)
    if turn.user.timezone is None and clock.in_real_time(words, turn.now) is None:
        return None  # "sunday evening" is on their clock, which is not known
    # Only words that are a time and nothing more: this card waits for days, and "friday my
    # boss cancelled again" typed meanwhile is a story, not when to ask.
    due = schedule.typed_time(words, turn.now, zone, prefs, leading=False)
    if due is None or due < turn.now + clock.MIN_PLAN_AHEAD or clock.too_far(due, turn.now, zone):
        return None
    return schedule.out_of_quiet_hours(due, prefs)


async def typed_answer(
    turn: Turn,
    words: str,
    sent_after: datetime | None = None,
    *,
    asked_after: datetime | None = None,
) -> bool:
    """Words typed outside any flow that answer a card the bot sent on its own ("no", "we made
    up", "tomorrow" at "when should I ask again?"): taken as its button would be, its buttons
    cleared. The cards still waiting are tried newest first, except that "when should I ask
    again?" comes first if it was asked about as late as the newest card came. Only recent
    cards (a planned talk's follow-up for a few days, FOLLOW_UP_ANSWERS_FOR, while the moment
    is still planned: not an unfinished moment's "pick it up again?"), and only while
    the person has not begun a moment since (then "good" is about what they just did, not
    about the day). A follow-up answered that it was hard and then what happened
    (`prompts.hard_and_told`) is noted so, and what they told offered as a moment.
    `sent_after`: only cards sent after it (an offer to look, the newest thing asked: a card
    sent at that same instant came before the words the offer answered; no story is offered
    then, over the offer's). `asked_after`: only a "When should I ask again?" asked (its
    "Not yet" tapped) after it, in the middle of a flow whose last question came before it.
    A time typed at "When should I ask again?" ("sunday evening") is when (`_typed_when`).
    False otherwise: the words are read as usual."""
    c = turn.content
    if not turn.in_private:
        return False
    told = (
        sent_after is None
        and asked_after is None
        and prompts.hard_and_told(words, prompts.PLANNED_CHOICES, c)
    )
    shared = asked_after is None and prompts.connection_told(words, c)
    at = _typed_when(turn, words)
    if asked_after is not None:  # only "When should I ask again?" can take them
        reschedule = prompts.RESCHEDULE_CARD, prompts.RESCHEDULE_CHOICES
        if at is None and prompts.typed_choice(words, *reschedule, c) is None:
            return False  # words in the middle of a flow: most are its own, no query
    elif not told and not shared and at is None and not prompts.answers_a_card(words, c):
        return False  # most words answer no card: no need to look which are waiting
    # A follow-up about a planned talk waits longer; the "pick it up again?" reminder of an
    # unfinished moment (a follow-up row too) only as long as any card.
    planned = select(MomentRow.id).where(
        MomentRow.user_id == turn.user.id, MomentRow.status == PLANNED
    )
    after = (ScheduledPrompt.sent_at >= turn.now - TYPED_ANSWERS_FOR) | (
        (ScheduledPrompt.kind == schedule.FOLLOW_UP)
        & ScheduledPrompt.moment_id.in_(planned)
        & (ScheduledPrompt.sent_at >= turn.now - FOLLOW_UP_ANSWERS_FOR)
    )
    if sent_after is not None:
        after &= ScheduledPrompt.sent_at > sent_after
    if asked_after is not None:
        after &= (ScheduledPrompt.answer == ASKING_WHEN) & (
            ScheduledPrompt.updated_at > asked_after
        )
    waiting = await turn.session.scalars(
        select(ScheduledPrompt)
        .where(
            ScheduledPrompt.user_id == turn.user.id,
            ScheduledPrompt.chat_id == turn.chat_id,
            ScheduledPrompt.kind.in_(CARD_OF),
            ScheduledPrompt.status == prompt_store.SENT,
            ScheduledPrompt.answered_at.is_(None),
            after,
        )
        .order_by(ScheduledPrompt.sent_at.desc())
        .limit(3)
    )
    rows = list(waiting)
    newest = max((r.sent_at for r in rows if r.sent_at is not None), default=turn.now)

    def asked_when_lately(row: ScheduledPrompt) -> bool:
        """ "When should I ask again?" asked about as late as the newest card came (or after)
        is still the question in front of them: "tomorrow" is its answer."""
        return row.answer == ASKING_WHEN and row.updated_at >= newest - WHEN_STILL_ASKED

    rows.sort(key=lambda r: not asked_when_lately(r))  # stable: else newest first
    readings: list[tuple[ScheduledPrompt, str, str, str | None]] = []  # row, card, choice, told
    for row in rows:
        read = await _card_of(turn, row)
        if read is None:
            continue
        card, choices = read
        choice = prompts.typed_choice(words, card, choices, c)
        hard = told and card == prompts.FOLLOW_UP_CARD and prompts.TOLD_AFTER in choices
        if choice is None and not hard and card == prompts.FOLLOW_UP_CARD:
            choice = prompts.told(words, choices, c)  # "she forgave me", "he wasn't home"
        if shared and card == prompts.EVENING_CARD:
            readings.append((row, card, "connection", words))
        elif hard and choice in (None, prompts.TOLD_AFTER):  # "it was hard, he got defensive"
            readings.append((row, card, prompts.TOLD_AFTER, words))
        elif choice is not None:
            readings.append((row, card, choice, None))
        elif at is not None and card == prompts.RESCHEDULE_CARD:
            readings.append((row, card, TYPED_TIME, None))
    if not readings:
        return False
    row, card, choice, said = readings[0]
    if card == prompts.EVENING_CARD and prompts.gives_way(words, c):
        # "Not yet" with a follow-up waiting too is its answer, not the newer evening's.
        older = [r for r in readings[1:] if r[1] != prompts.EVENING_CARD]
        row, card, choice, said = older[0] if older else readings[0]
    return await _answer_typed(turn, row, card, choice, told=said, at=at, words=words)


async def _card_of(turn: Turn, row: ScheduledPrompt) -> tuple[str, tuple[str, ...]] | None:
    """The card `row` shows now, and its buttons' choices; None if its moment is gone."""
    card = CARD_OF[row.kind]
    if card == prompts.EVENING_CARD:
        return card, prompts.EVENING_CHOICES
    assert row.moment_id is not None
    moment = await moment_store.owned(turn.session, turn.user.id, row.moment_id)
    if moment is None:
        return None
    if row.answer == ASKING_WHEN:
        return prompts.RESCHEDULE_CARD, prompts.RESCHEDULE_CHOICES
    return card, prompts.follow_up_choices(moment)


async def _answer_typed(
    turn: Turn,
    row: ScheduledPrompt,
    card: str,
    choice: str,
    told: str | None = None,
    at: datetime | None = None,
    words: str = "",
) -> bool:
    """`told`: what they went on to tell after the answer, offered as a moment. `at`: when to
    ask again, typed (TYPED_TIME). `words`: as typed: a "not yet" that goes on to say when
    ("not yet, tomorrow maybe") asks again then (`_not_yet_until`), and "It went well" said
    lukewarmly ("it was ok i guess": `prompts.lukewarm`) is answered in measured words. Not
    while a moment begun since the card asked its question (sent, or "When should I ask
    again?" tapped) is what words are more likely about."""
    assert row.sent_at is not None
    asked = row.updated_at if card == prompts.RESCHEDULE_CARD else row.sent_at
    busy_since = await turn.session.scalar(
        select(MomentRow.id)
        .where(MomentRow.user_id == turn.user.id, MomentRow.created_at >= asked)
        .limit(1)
    )
    if busy_since is not None:
        return False
    if choice == TYPED_TIME and at is not None:
        await _typed_time_answered(turn, row, at)
    elif choice == prompts.YES:
        turn.say(prompts.yes_card(card, row.id, turn.content))
    elif choice in (prompts.UNSURE, prompts.WHICH):
        read = await _card_of(turn, row)  # "not sure", "ok": which is it, with its buttons
        if read is None:
            return False
        turn.say(prompts.which_card(choice, read[1], row.id, turn.content))
    elif told is not None and card == prompts.EVENING_CARD:
        await _connection_kept(turn, row, told)
    elif told is not None:
        await _noted_and_offered(turn, row, choice, told)
    elif (
        card == prompts.EVENING_CARD and choice == "all_good" and prompts.so_so(words, turn.content)
    ):
        await _evening(turn, row, choice, measured=True)  # "meh": not "Glad to hear it"
    elif card != prompts.FOLLOW_UP_CARD:
        await on_prompt_button(turn, card, f"{choice}.{row.id}")  # its notices said, not toasted
    elif choice == "not_yet" and await _not_yet_until(turn, row, words):
        pass  # asked again when they said
    elif choice == "not_yet" and prompts.not_ready(words, turn.content):
        await _follow_up(turn, row, "fu", choice, not_ready=True)  # gently: giving it time
    else:
        measured = choice == "went_well" and prompts.lukewarm(words, turn.content)
        await _follow_up(turn, row, "fu", choice, measured=measured)
    if row.message_id is not None:
        turn.clear_keyboard(row.message_id)  # answered: its buttons would only say so
    return True


async def _not_yet_until(turn: Turn, row: ScheduledPrompt, words: str) -> bool:
    """ "Not yet" typed with when to ask again after it ("not yet, tomorrow maybe", "no, sunday
    evening": `prompts.when_after_not_yet`): asked again then, as "When should I ask again?"
    answered so would be. False (its "When should I ask again?" is asked) when what follows
    is no time of theirs (a reason: "he was busy"), or "this evening" when it is too late."""
    c = turn.content
    when = prompts.when_after_not_yet(words, c)
    if when is None or row.moment_id is None:
        return False
    moment = await moment_store.owned(turn.session, turn.user.id, row.moment_id)
    if moment is None or moment.status in SETTLED:
        return False
    preset = prompts.typed_choice(when, prompts.RESCHEDULE_CARD, prompts.RESCHEDULE_CHOICES, c)
    if preset is not None:
        due = schedule.reschedule_due(preset, turn.now, prompt_store.prefs_of(turn.user))
    else:
        due = _typed_when(turn, when)
    if due is None:
        return False
    row.answer, row.updated_at = ASKING_WHEN, turn.now
    await _ask_again(turn, row, moment, due, preset or TYPED_TIME)
    return True


async def _typed_time_answered(turn: Turn, row: ScheduledPrompt, due: datetime) -> None:
    """A time typed at "When should I ask again?": as its buttons are (`_follow_up`), the
    moment gone or settled since said so."""
    c = turn.content
    assert row.moment_id is not None
    moment = await moment_store.owned(turn.session, turn.user.id, row.moment_id)
    if moment is None:
        turn.notice(c.text("follow_up.gone"))
    elif moment.status in SETTLED:
        turn.notice(c.text("follow_up.already_settled"))
    else:
        await _ask_again(turn, row, moment, due, TYPED_TIME)


async def _connection_kept(turn: Turn, row: ScheduledPrompt, told: str) -> None:
    """A good day told with something shared (`prompts.connection_told`): the card's "A moment
    of connection", its line their words, kept at once (asking "What happened?" would ask
    for what they just said)."""
    prefs = prompt_store.prefs_of(turn.user)
    local_date = row.due_at.astimezone(prefs.tz).date()
    row.answer, row.answered_at = "connection", turn.now
    note = " ".join(told.split())
    await flow_runner.apply_effects(
        turn, (RecordReflection(row.id, local_date, "connection", note),)
    )
    turn.say(Reply(turn.content.text("evening.connection_told")))


async def _noted_and_offered(turn: Turn, row: ScheduledPrompt, choice: str, told: str) -> None:
    """A follow-up's answer recorded as its button would be, with one message for both it and
    the offer to look at what they told (the button's own reply would point to /moment, just
    above that offer)."""
    c = turn.content
    assert row.moment_id is not None
    moment = await moment_store.owned(turn.session, turn.user.id, row.moment_id)
    answered = prompts.answer_follow_up(moment, choice, turn.now, c) if moment else None
    if moment is None or answered is None:
        await moments.offer(turn, told)  # the moment asked about is gone: the words remain
        return
    row.answer, row.answered_at = choice, turn.now
    await flow_runner.apply_effects(
        turn, (SaveMoment(answered.moment), schedule.CancelPrompts(moment.id))
    )
    offer = REPAIR.offer(turn.context(), new_moment_id(), told)
    first = replace(offer.replies[0], text=c.text("moment.offer_after_hard"))
    await flow_runner.start(turn, replace(offer, replies=(first, *offer.replies[1:])))


async def offer_round_answer(turn: Turn, text: str) -> bool:
    """Text typed outside any flow while this person's weekly round ask still waits for their
    answer (the round open, nothing of theirs in it): asked, once a round, whether it is their
    thanks. "Yes" records it as [Write mine] would; the card also lets them rewrite it, or say
    something else happened (then only what they tell next is offered as a moment, never these
    words, and they are told [Write mine] still takes their thanks). False if there is no such
    ask: the text is read as usual."""
    line = " ".join(text.split())
    if not turn.in_private or not line or len(line) > TEXT_LIMIT:
        return False
    c = turn.content
    if small_talk.kind(line, c) is not None or small_talk.yes_or_no(line, c) is not None:
        return False  # "yes", "ok", "hi": said to Mend, never a thanks (nor the once-a-round ask)
    if couples.reads_as_hurt(line, c):
        return False  # a hurt is never offered to be posted as a thanks: read as any text is
    ask = await turn.session.scalar(
        select(ScheduledPrompt)
        .where(
            ScheduledPrompt.user_id == turn.user.id,
            ScheduledPrompt.kind == WEEKLY_ASK,
            ScheduledPrompt.status == prompt_store.SENT,
            ScheduledPrompt.answered_at.is_(None),
        )
        .order_by(ScheduledPrompt.due_at.desc())
        .limit(1)
    )
    if ask is None:
        return False
    named = weekly_ask_of(ask.key)
    if named is None:
        return False
    space_id, day = named
    space = await turn.session.get(CoupleSpace, space_id)
    couple = await couple_store.couple_of(turn.session, space)
    if space is None or couple is None or turn.user.id not in (p.id for p in couple):
        return False
    if not couples.round_open(day, space.checkin_zone, turn.now):
        return False
    key = couples.round_key(space.id, day)
    answers = await couple_store.answers_to_round(turn.session, key)
    if turn.user.id in answers:
        return False
    ask.answer, ask.answered_at = "typed", turn.now  # asked once a round, whatever they say
    partner_answered = any(author != turn.user.id for author in answers)
    context = turn.context(await partner_of(turn))  # the question names the partner
    offer = ROUND.offer(
        context, line, key, space.id, new_moment_id(), partner_answered=partner_answered
    )
    await flow_runner.start(turn, offer)
    return True
