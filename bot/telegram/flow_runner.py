"""Running a domain flow inside a turn: load its state, apply the event, store the result,
record its effects and queue its replies."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import timedelta

from sqlalchemy import select

from bot.domain import callbacks, couples, drafts, history, prompts, safety, schedule
from bot.domain.clock import zone_of
from bot.domain.flow import Context, Event, Flow, FlowState, Outcome, held
from bot.domain.moments import RESUMABLE, DeleteMoment, RestoreMoment, SaveMoment
from bot.domain.onboarding import ONBOARDING
from bot.domain.profile import FinishSetup, SetPreferredName, SetPrefs, SetTimezone
from bot.domain.reflection_flow import FLOW as REFLECTION_FLOW
from bot.domain.reflection_flow import RecordReflection
from bot.domain.repair_flow import DECLINED, DECLINED_KEPT_FOR, OFFER
from bot.domain.repair_flow import FLOW as MOMENT_FLOW
from bot.domain.repair_flow import REPAIR as MOMENT_REPAIR
from bot.domain.replies import Reply
from bot.domain.safety_flow import FLOW as SAFETY_FLOW
from bot.domain.safety_flow import beneath, open_check
from bot.domain.settings_flow import FLOW as SETTINGS_FLOW
from bot.scheduling import store as prompt_store
from bot.storage import couples as couple_store
from bot.storage import moments as moment_store
from bot.storage import repositories as repo
from bot.storage.models import Reflection, User
from bot.telegram.render import Card
from bot.telegram.services import EditedCard
from bot.telegram.turn import Turn

log = logging.getLogger(__name__)

EffectHandler = Callable[[Turn, object], Awaitable[None]]
PREF_COLUMNS = frozenset(
    {
        "evening_on",
        "evening_at",
        "quiet_start",
        "quiet_end",
        "follow_up_hours",
        "nudges_on",
        "paused_until",
    }
)
_effect_handlers: dict[type, EffectHandler] = {}


def effect(kind: type) -> Callable[[EffectHandler], EffectHandler]:
    """Register how an effect of `kind` is recorded."""

    def register(fn: EffectHandler) -> EffectHandler:
        _effect_handlers[kind] = fn
        return fn

    return register


@effect(SetPreferredName)
async def _set_name(turn: Turn, e: object) -> None:
    assert isinstance(e, SetPreferredName)
    turn.user.preferred_name = e.name


@effect(SetTimezone)
async def _set_zone(turn: Turn, e: object) -> None:
    assert isinstance(e, SetTimezone)
    before, turn.user.timezone = turn.user.timezone, e.zone
    if turn.user.onboarded_at is None:
        turn.user.onboarded_at = turn.now
    await prompt_store.reschedule_evening(turn.session, turn.user, turn.now)
    if before != e.zone:
        await _plans_follow_zone(turn, before)
        if before is not None:
            await _group_clock_stays(turn, before)


@effect(FinishSetup)
async def _finish_setup(turn: Turn, e: object) -> None:
    if turn.user.onboarded_at is None:
        turn.user.onboarded_at = turn.now


async def _plans_follow_zone(turn: Turn, before: str | None) -> None:
    """The person's planned talks still to come keep the wall-clock time they chose, now in
    their new zone (`prompt_store.plans_follow_zone`), and they are told their new times."""
    moved = await prompt_store.plans_follow_zone(turn.session, turn.user, before, turn.now)
    if not moved:
        return
    ctx = turn.context()
    when = drafts.join([MOMENT_REPAIR.when_words(due, None, ctx) for due in moved], turn.content)
    key = "onboarding.plan_follows_zone" if len(moved) == 1 else "onboarding.plans_follow_zone"
    turn.text(key, when=when)


async def _group_clock_stays(turn: Turn, before: str) -> None:
    """The couple's group check-in is on one clock, set in the group for both: it does not
    move when one of them travels. Someone whose zone it was is told what its time is for them
    now, and where to move it (the group's /settings offers their new zone)."""
    link = await couple_store.active_link(turn.session, turn.user.id)
    space = await couple_store.active_space(turn.session, link.id) if link else None
    if space is None or not space.checkin_on or space.checkin_zone != before:
        return
    at, today = schedule.parse_hhmm(space.checkin_at), turn.now.astimezone(zone_of(before)).date()
    also = "".join(couples.also_in(turn.content, today, at, before, (turn.user.timezone,)))
    turn.text("group.clock_stays", time=space.checkin_at, zone=before, also=also)


@effect(SetPrefs)
async def _set_prefs(turn: Turn, e: object) -> None:
    assert isinstance(e, SetPrefs)
    for name, value in e.changes.items():
        if name not in PREF_COLUMNS:
            raise ValueError(f"not a setting: {name}")
        setattr(turn.user, name, value)
    await prompt_store.reschedule_evening(turn.session, turn.user, turn.now)


@effect(schedule.ScheduleFollowUp)
async def _follow_up(turn: Turn, e: object) -> None:
    assert isinstance(e, schedule.ScheduleFollowUp)
    await prompt_store.cancel_for_moment(turn.session, e.moment_id, turn.now)
    # Planned again for a time planned before (let go from /history, picked up, the same
    # "Tomorrow evening"): the question cancelled then, with the same key, is asked after all.
    await prompt_store.plan(
        turn.session,
        key=schedule.follow_up_key(e.moment_id, e.due),
        kind=schedule.FOLLOW_UP,
        user_id=turn.user.id,
        chat_id=turn.user.id,
        due=e.due,
        now=turn.now,
        moment_id=e.moment_id,
        revive=True,
    )


@effect(schedule.ScheduleNudge)
async def _nudge(turn: Turn, e: object) -> None:
    assert isinstance(e, schedule.ScheduleNudge)
    await prompt_store.plan(
        turn.session,
        key=schedule.nudge_key(e.moment_id),
        kind=schedule.NUDGE,
        user_id=turn.user.id,
        chat_id=turn.user.id,
        due=e.due,
        now=turn.now,
        moment_id=e.moment_id,
        move=True,  # left, then picked up and finished: counted from the finish
    )


@effect(schedule.CancelPrompts)
async def _cancel_prompts(turn: Turn, e: object) -> None:
    assert isinstance(e, schedule.CancelPrompts)
    await prompt_store.cancel_for_moment(turn.session, e.moment_id, turn.now)


@effect(RecordReflection)
async def _reflection(turn: Turn, e: object) -> None:
    assert isinstance(e, RecordReflection)
    existing = None
    if e.prompt_id is not None:
        existing = await turn.session.scalar(
            select(Reflection).where(
                Reflection.prompt_id == e.prompt_id, Reflection.user_id == turn.user.id
            )
        )
    if existing is None:
        turn.session.add(
            Reflection(
                user_id=turn.user.id,
                prompt_id=e.prompt_id,
                local_date=e.local_date,
                answer=e.answer,
                note=e.note,
                created_at=turn.now,
            )
        )
    elif e.note is not None:
        existing.note = e.note


@effect(SaveMoment)
async def _save_moment(turn: Turn, e: object) -> None:
    assert isinstance(e, SaveMoment)
    await moment_store.save(turn.session, turn.user.id, e.moment, turn.now)


async def _still_in_progress(turn: Turn, moment_id: str) -> bool:
    """Whether the person's moment is still there and in progress (open or unfinished)."""
    now = await moment_store.owned(turn.session, turn.user.id, moment_id)
    return now is not None and now.status in RESUMABLE


@effect(RestoreMoment)
async def _restore_moment(turn: Turn, e: object) -> None:
    """A moment picked up again, put back as it was: only over the record of it in progress.
    Settled since (a follow-up answered, /history) or deleted, that stands, and a deleted one
    is never made again."""
    assert isinstance(e, RestoreMoment)
    if await _still_in_progress(turn, e.moment.id):
        await moment_store.save(turn.session, turn.user.id, e.moment, turn.now)


@effect(DeleteMoment)
async def _delete_moment(turn: Turn, e: object) -> None:
    assert isinstance(e, DeleteMoment)
    if e.begun is not None:  # however it was stopped: /cancel, "never mind", set aside
        await moment_store.forget_answer_that_began(turn.session, turn.user.id, e.begun)
    await moment_store.remove(turn.session, turn.user.id, e.moment_id)


async def apply_effects(turn: Turn, effects: tuple[object, ...]) -> None:
    for item in effects:
        handler = _effect_handlers.get(type(item))
        if handler is None:
            raise TypeError(f"no handler for effect {type(item).__name__}")
        await handler(turn, item)


async def active_state(turn: Turn) -> tuple[repo.StateRow, Flow] | None:
    """The person's flow in this chat, if any."""
    if turn.prefetched:
        row = turn.prefetched[0]
    else:
        row = await repo.load_state(turn.session, turn.chat_id, turn.user.id)
        turn.prefetched = (row,)
    if row is None:
        return None
    flow = turn.services.flows.get(row.flow)
    if flow is None:  # a flow this version no longer has: drop it rather than fail forever
        log.warning("dropping state of unknown flow %r", row.flow)
        await repo.save_state(turn.session, row, turn.chat_id, turn.user.id, None, turn.now)
        turn.prefetched = (None,)
        return None
    return row, flow


# A flow left this long in the middle is not where new words go: three days later, "my sister
# forgot my birthday" is not the answer to Sunday's "What happened?", nor the evening's line, nor
# "are you safe right now?". (The offer to look at a moment has its own limits in the flow.)
LEFT_FOR = timedelta(hours=12)
# Flows ended when left that long, keeping what they hold (a moment becomes unfinished).
# Onboarding is not: its questions still need their answers whenever they come.
ENDED_WHEN_LEFT = frozenset({MOMENT_FLOW, SETTINGS_FLOW, SAFETY_FLOW, REFLECTION_FLOW})
# Commands that act on the flow itself, stale or not.
_ON_THE_FLOW = ("/cancel", "/back")


async def set_aside_if_left(turn: Turn) -> None:
    """Before anything reads this update: a flow someone left in the middle long ago ends, and
    a moment in it is kept as unfinished (as /cancel keeps it), with a word saying so; a
    declined offer's words are dropped once they can no longer be taken up. A press on the
    flow's own card still carries on with it, as do /cancel and /back; danger is left to the
    safety screen (it sets a moment aside as unsafe); an edit changes nothing."""
    active = await active_state(turn)
    if active is None or turn.update.edited_message is not None:
        return
    row, flow = active
    age = turn.now - row.updated_at
    state = repo.as_flow_state(row)
    if row.flow == MOMENT_FLOW and row.step == OFFER:
        if state.data.get(DECLINED) and age >= DECLINED_KEPT_FOR:  # kept no longer than of use
            await apply_outcome(turn, row, Outcome(None), state)
        return
    if row.flow not in ENDED_WHEN_LEFT or age < LEFT_FOR or _acts_on_the_flow(turn, row):
        return
    message = turn.update.message
    words = (message.text or message.caption or "") if message is not None else ""
    if words.startswith("/sos") or safety.screen(words).level == safety.Level.DANGER:
        return  # the screen answers, and sets a moment aside as unsafe (a worry's check only
        # holds a flow, to come back to: that is what is being set aside here)
    if row.flow == MOMENT_FLOW:
        outcome = flow.cancel(state, turn.context())
        effects = outcome.effects
    else:  # apply_outcome keeps what it holds, as when any flow replaces it
        outcome = Outcome(None)
        effects = _abandoned(turn, held(state))
    kept = [e.moment for e in effects if isinstance(e, SaveMoment)]
    restored = [e.moment for e in effects if isinstance(e, RestoreMoment)]
    said: tuple[Reply, ...] = ()
    if kept and kept[0].status in RESUMABLE:  # say where
        which, day = prompts.moment_day(kept[0], turn.now, zone_of(turn.user.timezone))
        since = turn.content.text(f"follow_up.since.{which}", **day)
        said = (Reply(turn.content.text("moment.left.set_aside", since=since)),)
    elif restored and await _still_in_progress(turn, restored[0].id):
        # One picked up again from /history: put back as it was (`settled_before`), unless
        # settled or deleted meanwhile (then it is as that left it, and nothing is said).
        status = history.status_label(restored[0], turn.content)
        said = (Reply(turn.content.text("moment.left.as_it_was", status=status)),)
    await apply_outcome(turn, row, replace(outcome, replies=said), state)


def _acts_on_the_flow(turn: Turn, row: repo.StateRow) -> bool:
    """A press on the flow's own card (old or current: answered as any press is), or /cancel
    or /back."""
    query = turn.update.callback_query
    if query is not None:
        press = callbacks.decode(query.data)
        return isinstance(press, callbacks.FlowPress) and press.flow == row.flow
    words = (turn.update.message.text or "") if turn.update.message is not None else ""
    first = words.split(maxsplit=1)[0] if words.strip() else ""
    return first.partition("@")[0] in _ON_THE_FLOW


def _abandoned(turn: Turn, kept: FlowState | None) -> tuple[object, ...]:
    """What to keep of a held flow that will not be put back (and of any flow it holds)."""
    if kept is None:
        return ()
    abandon = getattr(turn.services.flows.get(kept.flow), "abandon", None)
    own = abandon(kept) if abandon is not None else ()
    return (*own, *_abandoned(turn, held(kept)))


async def apply_outcome(
    turn: Turn, row: repo.StateRow | None, outcome: Outcome, previous: FlowState | None
) -> repo.StateRow | None:
    """Record the outcome of `previous`'s flow. A flow that held another (settings opened in
    the middle of a moment) either puts it back, and its question is asked again (unless the
    event is handed on to it), or leaves it, which keeps what it had as a replaced flow does."""
    kept = held(previous)
    put_back = kept is not None and outcome.state == kept
    effects = outcome.effects
    if kept is not None and not put_back and held(outcome.state) != kept:
        # What the held flow keeps first, so what goes on now is the last word: its moment
        # resumed from /history over /settings is open, not left unfinished behind it.
        effects = (*_abandoned(turn, kept), *effects)
    await apply_effects(turn, effects)
    if outcome.state != previous or (row is None and outcome.state is not None):
        row = await repo.save_state(
            turn.session, row, turn.chat_id, turn.user.id, outcome.state, turn.now
        )
        turn.prefetched = (row,)
    card = Card(row.flow, row.step, row.version) if row is not None else None
    pressed = turn.pressed_message_id
    if outcome.retire_card and pressed is not None:
        turn.clear_keyboard(pressed)
    for reply in outcome.replies:
        turn.say(reply, card)
    query = turn.update.callback_query
    if card is not None and pressed is not None and query is not None and turn.edits(pressed):
        edited = EditedCard(pressed, card.version, query.data or "")
        turn.services.card_edited(turn.chat_id, turn.user.id, edited)
    if outcome.toast is not None:
        turn.toast(outcome.toast.text, outcome.toast.alert)
    if put_back and not outcome.handback and not await _resume(turn, row, kept):
        await reprompt(turn, "shell.back_to_held")
    return row


async def _resume(turn: Turn, row: repo.StateRow | None, kept: FlowState | None) -> bool:
    """A flow put back may go on from what the flow that held it changed (`resumed`, as setup
    does after /settings set the time zone). False if it goes on where it was."""
    flow = turn.services.flows.get(kept.flow) if kept is not None else None
    resumed = getattr(flow, "resumed", None)
    if flow is None or resumed is None or kept is None:
        return False
    onward = resumed(kept, await context_for(turn, flow, kept))
    if onward is None:
        return False
    await apply_outcome(turn, row, onward, kept)
    return True


async def feed(turn: Turn, event: Event) -> bool:
    """Give `event` to the person's active flow. False if there is none, or if the flow handed
    it back with none left open (the handler goes on as with no flow: text is offered as a
    moment, small talk answered...)."""
    active = await active_state(turn)
    if active is None:
        return False
    row, flow = active
    state = repo.as_flow_state(row)
    ctx = await context_for(turn, flow, state, event)
    outcome = flow.handle(state, event, ctx)
    await apply_outcome(turn, row, outcome, state)
    if not outcome.handback or outcome.state == state:
        return True
    return await feed(turn, event)  # the flow it gave way to reads it, if there is one


async def context_for(
    turn: Turn, flow: Flow, state: FlowState, event: Event | None = None
) -> Context:
    """The flow's context, with the partner if this step's question names them, and the names
    the person gave last time for each relation if the card after `event` (None: this step's
    card, asked again) may ask "What's their name?"."""
    needs_partner = getattr(flow, "needs_partner", None)
    if needs_partner is not None and needs_partner(state):
        from bot.telegram.couples import partner_of

        ctx = turn.context(await partner_of(turn))
    else:
        ctx = turn.context()
    return await with_last_names(turn, flow, state, ctx, event)


async def with_last_names(
    turn: Turn, flow: Flow, state: FlowState, ctx: Context, event: Event | None = None
) -> Context:
    """`ctx` with the names the person gave last time for each relation, if the flow says the
    card after `event` (None: `state`'s own card) may ask "What's their name?"; else as it
    is. (Also for a moment picked up again: `state` is where it resumes.)"""
    needs_last_names = getattr(flow, "needs_last_names", None)
    if needs_last_names is not None and needs_last_names(state, event):
        names = await moment_store.last_names(turn.session, turn.user.id)
        ctx = replace(ctx, last_names=names)
    return ctx


async def start(turn: Turn, outcome: Outcome) -> bool:
    """Begin a flow, replacing whatever flow the person was in here. The replaced flow keeps
    what it had (a moment in progress becomes an unfinished one), unless the new flow holds it
    to put it back when it ends.

    Never in place of "is anyone in danger right now?": a command or a tap that would begin
    another flow (/moment, /thanks, the round's Write mine...) asks the check again instead,
    and nothing changes (CONTENT.md: a single tap never dismisses a crisis screen). Only a
    flow that holds the check to put it back (/settings), or a new check, may begin over it;
    what ends it (its answer, /cancel, /sos, danger) does not come through here. False if
    the flow was not begun."""
    active = await active_state(turn)
    row = active[0] if active is not None else None
    previous = repo.as_flow_state(row) if row is not None else None
    if open_check(previous) is not None and not _may_begin_over(previous, outcome):
        await reprompt(turn, "shell.where_we_were")
        return False
    if active is not None and previous is not None and held(outcome.state) != previous:
        abandon = getattr(active[1], "abandon", None)
        if abandon is not None and (outcome.state is None or outcome.state != previous):
            await apply_effects(turn, abandon(previous))
    await apply_outcome(turn, row, outcome, previous)
    return True


def _may_begin_over(current: FlowState | None, outcome: Outcome) -> bool:
    """Whether `outcome` may begin while a danger check is open (`current` is it, or holds it,
    as /settings opened over it does): a new check, or a flow that holds that same check to
    put it back when it ends (/settings over it, or again over /settings over it)."""
    state = outcome.state
    if state is None:
        return False
    return state.flow == SAFETY_FLOW or open_check(held(state)) == open_check(current)


def is_set_up(user: User) -> bool:
    """Whether the person has been through setup (name and time zone asked)."""
    return user.timezone is not None and user.onboarded_at is not None


async def set_up_if_new(turn: Turn) -> None:
    """Someone who came in by a link (a partner's invite) rather than /start has not heard
    what Mend is, nor been asked their name and time zone: do that now. Already answering
    those questions: ask the current one again rather than start over."""
    if is_set_up(turn.user):
        return
    active = await active_state(turn)
    current = repo.as_flow_state(active[0]) if active is not None else None
    if current is not None and _in_chain(current, ONBOARDING.name):
        # Under way already (held, too, by /settings or the check): its question again.
        on_top = current.flow == ONBOARDING.name
        await reprompt(turn, None if on_top else "shell.where_we_were")
        return
    if open_check(current) is not None:
        # Setup never begins over "is anyone in danger right now?": it follows its answer
        # (safety.answer_check), for someone linked by a partner's invite.
        await reprompt(turn, "shell.where_we_were")
        return
    await start(turn, ONBOARDING.start(turn.context()))


def _in_chain(state: FlowState | None, flow: str) -> bool:
    """Whether `state` is of `flow`, or holds one of it beneath it at any depth."""
    while state is not None and state.flow != flow:
        state = beneath(state)
    return state is not None


async def reprompt(turn: Turn, prefix_key: str | None = None) -> bool:
    """Ask the current step's question again. False if there is no flow."""
    active = await active_state(turn)
    if active is None:
        return False
    row, flow = active
    state = repo.as_flow_state(row)
    reply = flow.prompt(state, await context_for(turn, flow, state))
    if prefix_key is not None:
        turn.text(prefix_key)
    turn.say(reply, Card(row.flow, row.step, row.version))
    return True
