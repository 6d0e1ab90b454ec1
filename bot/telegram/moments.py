"""Shell for moments: /moment, free text outside a flow, /history and its buttons."""

from __future__ import annotations

import secrets
from dataclasses import replace

from bot.domain import callbacks, crisis, history
from bot.domain.flow import FlowState, Outcome
from bot.domain.moments import LET_GO, REPAIRED, RESUMABLE, DeleteMoment, Moment, SaveMoment
from bot.domain.onboarding import left_for_a_moment, story_told, told_together
from bot.domain.repair_flow import FLOW as MOMENT_FLOW
from bot.domain.repair_flow import REPAIR, moment_of, picked_up_again, under_way
from bot.domain.replies import Reply
from bot.domain.safety_flow import beneath, over
from bot.domain.schedule import CancelPrompts
from bot.storage import moments as store
from bot.storage import repositories as repo
from bot.telegram import flow_runner
from bot.telegram.couples import partner_of
from bot.telegram.turn import Turn


def new_moment_id() -> str:
    """12 characters of URL-safe randomness: short enough for button data, unguessable."""
    return secrets.token_urlsafe(9)


async def start_moment(turn: Turn, description: str | None = None) -> None:
    """/moment and its buttons. A moment already in progress is continued, never forked."""
    active = await flow_runner.active_state(turn)
    if active is not None and active[0].flow == MOMENT_FLOW and active[0].step != "offer":
        await flow_runner.reprompt(turn, "moment.already")
        return
    setup = repo.as_flow_state(active[0]) if active is not None else None
    told = left_for_a_moment(setup, turn.context())
    if told is not None:  # setup at the evening question: said in a sentence, not dropped
        turn.say(told)
        story = story_told(setup)  # what they told during setup is the moment's beginning
        if story is not None:
            description = told_together(story, description or "")
    await flow_runner.start(turn, REPAIR.start(turn.context(), new_moment_id(), description))


async def offer(turn: Turn, text: str) -> None:
    """Free text outside any flow: offer to look at it together; in the quiet day after
    danger, care and help instead (what follows danger is not a moment to repair)."""
    if crisis.is_quiet(turn.now, turn.user.quiet_until):
        user = turn.user
        turn.say(crisis.after_danger_reply(turn.content, user.timezone, user.display_name, text))
        return
    await flow_runner.start(turn, REPAIR.offer(turn.context(), new_moment_id(), text))


async def _live(turn: Turn) -> FlowState | None:
    """The flow state of the moment the person is in the middle of, if any: the flow open, or
    one held beneath it (by /settings, a reflection or the danger check, at any depth)."""
    active = await flow_runner.active_state(turn)
    state = repo.as_flow_state(active[0]) if active is not None else None
    while state is not None and not under_way(state):
        state = beneath(state)
    return state


def _without(state: FlowState, moment_id: str) -> FlowState:
    """`state` with the flow of moment `moment_id` held beneath it (at any depth) taken out,
    what that one held in its place; `state` itself if none is."""
    below = beneath(state)
    if below is None:
        return state
    if below.flow == MOMENT_FLOW and dict(below.data.get("m", {})).get("id") == moment_id:
        return over(state, beneath(below))
    rest = _without(below, moment_id)
    return state if rest == below else over(state, rest)


async def _in_flow(turn: Turn) -> Moment | None:
    """The moment the person is in the middle of: its latest answers live in the flow state."""
    live = await _live(turn)
    return moment_of(live) if live is not None else None


async def show_history(turn: Turn) -> None:
    """/history and the list's buttons: the newest page, or the one a page button names (one
    we did not make gets "expired", and the newest page)."""
    query = turn.update.callback_query
    press = callbacks.decode(query.data) if query is not None else None
    action = press.action if isinstance(press, callbacks.MenuPress) else ""
    kind, _, argument = action.partition(".")  # handlers send "history.<page>" here
    asked = history.read_page(argument) if kind == "history" and argument else None
    if kind == "history" and argument and asked is None:
        turn.toast(turn.content.text("shell.expired"))
    await _show_page(turn, asked)


async def _show_page(turn: Turn, asked: history.PageAsk | None) -> None:
    """Ten moments by keyset (see history.OLDER): a page beyond the end, or back past the
    newest, is the newest page. A page is read with one moment more than it shows, which
    tells whether there is one past it without a read of its own; only the side a keyset
    page came from (newer after OLDER, older after NEWER) is asked, its edge may be gone.
    The moments of connection listed with it are those after the newest moment of the page
    below (that one more) up to its own newest (all of the newest ones on the first page)."""
    session, user_id, size = turn.session, turn.user.id, history.LIST_SIZE
    moments: list[Moment] = []
    below: list[Moment] = []  # the moment just older than the page, if there is one
    newer: bool | None = None  # None: not told by the page's own read, asked below
    older: bool | None = None
    if asked is not None and asked.way == history.OLDER:
        fetched = await store.page(session, user_id, size + 1, older_than=asked.key)
        moments, below = fetched[:size], fetched[size:]
        older = bool(below)
    elif asked is not None and asked.way == history.NEWER:
        nearest = await store.page(session, user_id, size + 1, newer_than=asked.key)
        if len(nearest) > size:  # else those are the newest page, shown whole below
            moments, newer = nearest[:size][::-1], True
    elif asked is not None:  # AT: the page that place falls on, counted as it is now
        ahead = await store.count_newer(session, user_id, asked.key)
        start = ahead - ahead % size
        fetched = await store.page(session, user_id, size + 1, skip=start)
        if not fetched and start:  # it was the last on the last page: the page before
            start -= size
            fetched = await store.page(session, user_id, size + 1, skip=start)
        # The `start` moments skipped are exactly those newer than the page's first.
        moments, newer, below = fetched[:size], start > 0, fetched[size:]
        older = bool(below)
    if not moments:
        fetched = await store.page(session, user_id, size + 1)
        moments, newer, below = fetched[:size], False, fetched[size:]
        older = bool(below)
    if moments and newer is None:
        first = history.key_of(moments[0])
        newer = bool(await store.page(session, user_id, 1, newer_than=first))
    if moments and older is None:
        below = await store.page(session, user_id, 1, older_than=history.key_of(moments[-1]))
        older = bool(below)
    kept = await store.connections(
        session,
        user_id,
        after=below[0].created_at if below else None,
        upto=moments[0].created_at if moments and newer else None,
    )
    open_one = await _in_flow(turn)
    if open_one is not None:
        moments = [open_one if m.id == open_one.id else m for m in moments]
    reply = history.listing(
        moments,
        turn.content,
        turn.user.timezone,
        newer=bool(newer),
        older=bool(older),
        connections=kept,
    )
    turn.say(reply)


async def on_history_action(turn: Turn, action: str, moment_id: str) -> None:
    """A button under /history. Every lookup is by owner and id: a forged or someone else's
    id finds nothing and does nothing."""
    c = turn.content
    moment = await store.owned(turn.session, turn.user.id, moment_id)
    open_one = await _in_flow(turn)
    if moment is not None and open_one is not None and open_one.id == moment.id:
        moment = open_one
    if moment is None:
        turn.toast(c.text("history.gone"))
        await _show_page(turn, None)
        return
    zone = turn.user.timezone
    if action == "ho":
        turn.say(history.summary(moment, c, zone))
    elif action == "hd":
        turn.say(history.confirm_delete(moment, c))
    elif action == "hx":
        await flow_runner.apply_effects(turn, (DeleteMoment(moment.id),))  # prompts cascade
        await _forget_flow_of(turn, moment.id)
        turn.toast(c.text("history.deleted"))
        await _show_page(turn, history.PageAsk(history.AT, history.key_of(moment)))  # its page
    elif action in ("hr", "hl") and moment.status not in RESUMABLE:
        status = REPAIRED if action == "hr" else LET_GO
        updated = moment.update(status=status, resolved_at=turn.now)
        await flow_runner.apply_effects(turn, (SaveMoment(updated), CancelPrompts(moment.id)))
        turn.toast(
            c.text("history.marked_repaired" if status == REPAIRED else "history.marked_let_go")
        )
        turn.say(history.summary(updated, c, zone))
    elif action == "hu" and moment.status in RESUMABLE:
        await pick_up_unfinished(turn, moment)
    elif action == history.PICK_UP and history.can_pick_up(moment):
        await _pick_up(turn, moment)
    else:
        turn.toast(c.text("shell.expired"))


async def _pick_up(turn: Turn, moment: Moment) -> None:
    """A moment repaired or let go taken up again (`history.picked_up`): resumed as an
    unfinished one is (a flow under way is replaced the same way), at its first unanswered
    question ("What would you like to do with it?" once all are answered), its first words
    (`moment.resumed`'s) saying so (`history.picked_up_intro`). What it was is kept in the flow
    (`picked_up_again`), put back if it stops before a new ending. (Nothing is still asked
    about a settled moment: settling it cancelled its prompts.)"""
    outcome = await resume(turn, history.picked_up(moment), live=await _live(turn))
    assert outcome.state is not None
    state = picked_up_again(outcome.state, moment)
    said = history.picked_up_intro(moment, turn.content, state.step)
    replies = (replace(outcome.replies[0], text=said), *outcome.replies[1:])
    await flow_runner.start(turn, replace(outcome, state=state, replies=replies))


async def pick_up_unfinished(turn: Turn, moment: Moment) -> None:
    """An unfinished moment picked up again (/history's Resume, a follow-up's Pick it up
    again). Under way already, held or open: it goes on at the question it is at, as the
    flow has it (what is stored lags behind), no answer asked again."""
    await flow_runner.start(turn, await resume(turn, moment, live=await _live(turn)))


async def resume(turn: Turn, moment: Moment, live: FlowState | None = None) -> Outcome:
    """REPAIR.resume, with what the card it lands on may need, as arriving there does: the
    partner (it may name them or offer sending), and at "What's their name?" the names given
    last time (the flow's own rule, `needs_last_names`, for the state it resumes in)."""
    context = turn.context(await partner_of(turn))
    context = await flow_runner.with_last_names(
        turn, REPAIR, REPAIR.resumes_at(moment, live), context
    )
    return REPAIR.resume(moment, context, live=live)


async def _forget_flow_of(turn: Turn, moment_id: str) -> None:
    """A deleted moment that is also the flow in progress: end that flow too. Held beneath
    the flow open (/settings, a reflection, the danger check, at any depth), it is dropped
    from there, so it can neither come back nor put back what it was; the flow open goes on
    (a press on the card it showed is an old card's: expired, and it is asked again)."""
    active = await flow_runner.active_state(turn)
    if active is None:
        return
    current = repo.as_flow_state(active[0])
    if current.flow == MOMENT_FLOW and dict(current.data.get("m", {})).get("id") == moment_id:
        await flow_runner.apply_outcome(turn, active[0], Outcome(None), current)
        return
    kept = _without(current, moment_id)
    if kept != current:  # stored as it is: nothing of the moment dropped is kept
        row = await repo.save_state(
            turn.session, active[0], turn.chat_id, turn.user.id, kept, turn.now
        )
        turn.prefetched = (row,)


def group_reply(turn: Turn) -> Reply:
    return Reply(turn.content.text("history.group_private"))
