"""The safety screen in the shell: every free text is screened before any flow sees it."""

from __future__ import annotations

from dataclasses import replace

from bot.domain import crisis, safety
from bot.domain.crisis import danger_reply
from bot.domain.flow import HELD, FlowState, Outcome, TextInput, held
from bot.domain.moments import SET_ASIDE, UNSAFE, SaveMoment
from bot.domain.profile import SetPrefs
from bot.domain.repair_flow import FLOW as MOMENT_FLOW
from bot.domain.repair_flow import moment_of
from bot.domain.replies import Reply
from bot.domain.safety_flow import FLOW as SAFETY_FLOW
from bot.domain.safety_flow import NOT_SURE, SAFETY, is_about_self, previous
from bot.domain.schedule import CancelPrompts
from bot.storage import repositories as repo
from bot.telegram import flow_runner
from bot.telegram.turn import Turn


async def screened(turn: Turn, text: str, answer: bool = True) -> bool:
    """True if the screen took over (danger, or a check first); False to carry on.

    `answer` says whether the text is an answer to the flow (a message), to be passed on once
    the check is through; an edit or a photo's caption is screened too, but never passed on."""
    result = safety.screen(text)
    if result.level == safety.Level.NONE:
        return False
    current = await _flow_before_any_check(turn)
    if result.level == safety.Level.DANGER:
        await stop(turn, current)
        return True
    about_self = result.reason != safety.ANGER
    held = text if answer else ""
    await flow_runner.start(turn, SAFETY.start(turn.context(), held, current, about_self))
    return True


async def help_now(turn: Turn) -> None:
    """/sos: the help and the same stop, whatever the person was doing."""
    if turn.in_group:
        await help_in_group(turn, crisis.SOS)
        return
    await stop(turn, await _flow_before_any_check(turn), crisis.SOS)


async def _flow_before_any_check(turn: Turn) -> FlowState | None:
    active = await flow_runner.active_state(turn)
    current = repo.as_flow_state(active[0]) if active else None
    if current is not None and current.flow == SAFETY_FLOW:
        current = previous(current)  # a check is holding: the flow from before it
    return current


async def help_in_group(turn: Turn, why: str) -> None:
    """Danger, or /sos, in a group: the help goes to the person's private chat, and the group
    (where the person they fear may be reading) sees only a neutral line. Someone the bot
    cannot write to privately gets the help where they are: they asked there."""
    c = turn.content
    reply = danger_reply(c, turn.user.timezone, why)
    reachable = turn.user.started_at is not None and turn.user.blocked_at is None
    if not reachable:
        turn.say(reply)
        return
    turn.say(reply, chat_id=turn.user.id, if_refused=reply)
    turn.say(Reply(c.text("safety.group_private", name=turn.user.display_name)))


async def not_for_the_group(turn: Turn, text: str) -> bool:
    """Words about to be posted in a group (/thanks there) go through the screen first. True
    if the screen took over: danger is answered as `help_in_group` answers it; a worry is not
    posted, and the person is asked, neutrally, to tell Mend privately."""
    result = safety.screen(text)
    if result.level == safety.Level.NONE:
        return False
    if result.level == safety.Level.DANGER:
        await help_in_group(turn, crisis.SCREEN)
    else:
        turn.say(Reply(turn.content.text("safety.group_held", name=turn.user.display_name)))
    return True


async def help_if_danger(turn: Turn, text: str) -> None:
    """Words meant for a group that will not be posted anyway (a /thanks in a group that is
    not the couple's space: it has been told so) still reach the screen, and danger is
    answered as `help_in_group` answers it. A lesser worry needs nothing more: "I haven't
    posted that one" would only hide why nothing was posted."""
    if safety.screen(text).level == safety.Level.DANGER:
        await help_in_group(turn, crisis.SCREEN)


async def stop(turn: Turn, current: FlowState | None, why: str = crisis.SCREEN) -> None:
    """Danger: no repair coaching follows. A moment in progress is set aside, its prompts
    cancelled; the caring reply with help now is given, with nothing to dismiss it."""
    effects: tuple[object, ...] = ()
    while current is not None and current.flow != MOMENT_FLOW:
        current = held(current)  # /settings opened over a moment holds it
    if current is not None and current.step != "offer":
        moment = moment_of(current).update(status=SET_ASIDE, path=UNSAFE)
        effects = (SaveMoment(moment), CancelPrompts(moment.id))
    until = crisis.quiet_until(turn.now, turn.user.paused_until)
    if until is not None:
        effects = (*effects, SetPrefs({"paused_until": until}))
    reply = danger_reply(turn.content, turn.user.timezone, why, quiet=until is not None)
    outcome = Outcome(None, (reply,), effects)
    active = await flow_runner.active_state(turn)
    row = active[0] if active else None
    ending = repo.as_flow_state(row) if row else None
    if ending is not None:  # what it held is set aside above, not kept as a replaced flow is
        ending = replace(ending, data={k: v for k, v in ending.data.items() if k != HELD})
    await flow_runner.apply_outcome(turn, row, outcome, ending)


async def answer_check(turn: Turn, option: str) -> None:
    """The two buttons of the gentle check."""
    active = await flow_runner.active_state(turn)
    if active is None or active[0].flow != SAFETY_FLOW:
        return
    row = active[0]
    state = repo.as_flow_state(row)
    before = previous(state)
    if option == NOT_SURE:
        await stop(turn, before)
        return
    text = str(state.data.get("text", ""))
    # Put the previous flow back as it was, then let it read the held message.
    await flow_runner.apply_outcome(turn, row, Outcome(before), state)
    go_on = "safety.go_on_self" if is_about_self(state) else "safety.go_on"
    turn.say(Reply(turn.content.text(go_on), edit=True))
    if not text:  # nothing held: where they were is asked again, if anywhere
        await flow_runner.reprompt(turn)
    elif before is None or not await flow_runner.feed(turn, TextInput(text)):
        # No flow, or one that hands the words back (settings left open): as outside a flow.
        from bot.telegram import moments

        await moments.offer(turn, text)
