"""The safety screen in the shell: every free text is screened before any flow sees it, the
words typed after a command too (`screened_command`, run by `turn_handler` before the
command acts)."""

from __future__ import annotations

import re
from dataclasses import replace

from telegram import MessageEntity

from bot.domain import crisis, safety
from bot.domain.couples import INVITE_PREFIX
from bot.domain.crisis import danger_reply
from bot.domain.flow import HELD, FlowState, Outcome, TextInput
from bot.domain.moments import SET_ASIDE, UNSAFE, SaveMoment
from bot.domain.onboarding import ONBOARDING
from bot.domain.repair_flow import FLOW as MOMENT_FLOW
from bot.domain.repair_flow import moment_of
from bot.domain.replies import Reply
from bot.domain.safety_flow import FLOW as SAFETY_FLOW
from bot.domain.safety_flow import (
    NOT_SURE,
    SAFETY,
    Answered,
    asked_about,
    beneath,
    open_check,
    previous,
)
from bot.domain.schedule import CancelPrompts
from bot.storage import couples as couple_store
from bot.storage import repositories as repo
from bot.telegram import flow_runner
from bot.telegram.turn import Turn, to_private


async def screened(turn: Turn, text: str, answer: bool = True) -> bool:
    """True if the screen took over (danger, or a check first); False to carry on.

    `answer` says whether the text is an answer to the flow (a message), to be passed on once
    the check is through; an edit or a photo's caption is screened too, but never passed on.
    A forwarded message is someone else's words: danger in it gets the same stop, with care
    for a person worried about them (`danger_reply`'s `forwarded`); a worry is asked about,
    the words never passed on as the person's own."""
    result = safety.screen(text)
    if result.level == safety.Level.NONE:
        return False
    current = await _flow_before_any_check(turn)
    forwarded = _forwarded(turn)
    if result.level == safety.Level.DANGER:
        await stop(turn, current, crisis.screen_why(result), forwarded=forwarded)
        return True
    about = safety.asks_about(result)
    held = text if answer and not forwarded else ""
    await flow_runner.start(turn, SAFETY.start(turn.context(), held, current, about))
    return True


def _forwarded(turn: Turn) -> bool:
    """Whether the message is forwarded: someone else's words, not the person's own."""
    message = turn.update.message
    return message is not None and message.forward_origin is not None


# Commands whose words are screened where they are read (/thanks, before anything is posted),
# or that give help whatever the words say (/sos).
_SCREEN_THEIR_OWN = frozenset({"thanks", "sos"})
_DEEP_LINK = re.compile(r"[A-Za-z0-9_-]{1,64}")


def command_words(turn: Turn) -> str:
    """The words typed after a command in a new message ("/moment he hit me" gives "he hit
    me"), or "" when there are none to screen here: a plain command, another bot's command, an
    invite link's payload (`/start l_...`), or a command that screens its own words (/thanks)
    or gives help whatever they say (/sos)."""
    message = turn.update.message
    if message is None or not message.text or not message.entities:
        return ""
    first = message.entities[0]
    if first.type != MessageEntity.BOT_COMMAND or first.offset != 0:
        return ""
    parts = message.text.split(maxsplit=1)
    words = parts[1].strip() if len(parts) > 1 else ""
    command, _, addressee = parts[0].lstrip("/").partition("@")
    command = command.lower()
    if not words or command in _SCREEN_THEIR_OWN:
        return ""
    if addressee and addressee.lower() != turn.services.bot_username.lower():
        return ""
    if command == "start" and words.startswith(INVITE_PREFIX) and _DEEP_LINK.fullmatch(words):
        return ""
    return words


async def screened_command(turn: Turn) -> bool:
    """Words typed after a command reach the screen before the command acts, and are answered
    as the same words alone would be, in the command's place (True): privately as `screened`
    answers a message; in a group, danger as `help_in_group` answers it, and a worry with a
    neutral line that neither acts on the words nor repeats them where others read."""
    words = command_words(turn)
    if not words:
        return False
    if turn.in_private:
        # With a flow under way the words are no answer to it ("/cancel ugh..." at the camera
        # question); with none, once through the check, they are offered as a moment.
        in_flow = await flow_runner.active_state(turn) is not None
        return await screened(turn, words, answer=not in_flow)
    return await not_for_the_group(turn, words, "safety.group_words")


async def help_now(turn: Turn) -> None:
    """/sos: the help, whatever the person was doing. Nothing was told, so only what could
    coach a repair stops as danger stops it (a moment under way, or held, is set aside; a
    check asked about words that worried us ends): setup, settings or the evening card wait
    for their answer, and "Berlin" typed next still answers where they are."""
    if turn.in_group:
        await help_in_group(turn, crisis.SOS)
        return
    active = await flow_runner.active_state(turn)
    current = repo.as_flow_state(active[0]) if active else None
    if current is not None and open_check(current) is None and not _holds_a_moment(current):
        quiet, evening_on = start_quiet_day(turn), turn.user.evening_on
        turn.say(danger_reply(turn.content, turn.user.timezone, crisis.SOS, quiet, evening_on))
        return
    await stop(turn, await _flow_before_any_check(turn), crisis.SOS)


def _holds_a_moment(state: FlowState | None) -> bool:
    """Whether `state` is a moment's flow, or holds one (/settings opened over a moment, or
    over the check that holds one)."""
    while state is not None:
        if state.flow == MOMENT_FLOW:
            return True
        state = beneath(state)
    return False


async def _flow_before_any_check(turn: Turn) -> FlowState | None:
    active = await flow_runner.active_state(turn)
    current = repo.as_flow_state(active[0]) if active else None
    if current is not None and current.flow == SAFETY_FLOW:
        current = previous(current)  # a check is holding: the flow from before it
    return current


def start_quiet_day(turn: Turn) -> bool:
    """After danger, the person's evening card and nudges wait a day (crisis.quiet_until);
    whether the reply should say so (not when a pause they chose already holds as long)."""
    user = turn.user
    user.quiet_until = crisis.quiet_until(turn.now, user.quiet_until)
    return user.paused_until is None or user.paused_until < user.quiet_until


@flow_runner.effect(crisis.EndQuiet)
async def _end_quiet(turn: Turn, e: object) -> None:
    """/resume: reminders back now, the quiet day after danger over."""
    turn.user.quiet_until = None


async def help_in_group(turn: Turn, why: str) -> None:
    """Danger, or /sos, in a group: the help goes to the person's private chat, and the group
    (where the person they fear may be reading) sees only a neutral line. Someone the bot
    cannot write to privately gets the help where they are: they asked there."""
    c = turn.content
    reply = danger_reply(
        c, turn.user.timezone, why, quiet=start_quiet_day(turn), evening_on=turn.user.evening_on
    )
    reachable = turn.user.started_at is not None and turn.user.blocked_at is None
    if not reachable:
        turn.say(reply)
        return
    turn.say(reply, chat_id=turn.user.id, if_refused=reply)
    # Said only if the help went privately: refused there, it comes here instead.
    told = c.text("safety.group_private", name=turn.user.display_name)
    turn.say(Reply(told, only_if_delivered=True))


async def not_for_the_group(turn: Turn, text: str, worry: str = "safety.group_held") -> bool:
    """Words in a group (about to be posted by /thanks, or after any command) go through the
    screen first. True if the screen took over: danger is answered as `help_in_group` answers
    it; a worry is neither acted on nor repeated, and the person is asked, neutrally (`worry`),
    to tell Mend privately."""
    result = safety.screen(text)
    if result.level == safety.Level.NONE:
        return False
    if result.level == safety.Level.DANGER:
        await help_in_group(turn, crisis.screen_why(result))
    else:
        turn.say(to_private(turn, turn.content.text(worry, name=turn.user.display_name)))
    return True


async def help_if_danger(turn: Turn, text: str) -> None:
    """Words meant for a group that will not be posted anyway (a /thanks in a group that is
    not the couple's space: it has been told so) still reach the screen, and danger is
    answered as `help_in_group` answers it. A lesser worry needs nothing more: "I haven't
    posted that one" would only hide why nothing was posted."""
    result = safety.screen(text)
    if result.level == safety.Level.DANGER:
        await help_in_group(turn, crisis.screen_why(result))


async def stop(
    turn: Turn, current: FlowState | None, why: str = crisis.SCREEN, forwarded: bool = False
) -> None:
    """Danger: no repair coaching follows. A moment in progress is set aside, its prompts
    cancelled; the caring reply with help now is given, with nothing to dismiss it (in words
    for someone else's danger when the words were `forwarded`)."""
    effects: tuple[object, ...] = ()
    while current is not None and current.flow != MOMENT_FLOW:
        # /settings opened over a moment holds it; a check keeps the flow from before it.
        current = beneath(current)
    if current is not None and current.step != "offer":
        moment = moment_of(current).update(status=SET_ASIDE, path=UNSAFE)
        effects = (SaveMoment(moment), CancelPrompts(moment.id))
    quiet, evening_on = start_quiet_day(turn), turn.user.evening_on
    reply = danger_reply(turn.content, turn.user.timezone, why, quiet, evening_on, forwarded)
    outcome = Outcome(None, (reply,), effects)
    active = await flow_runner.active_state(turn)
    row = active[0] if active else None
    ending = repo.as_flow_state(row) if row else None
    if ending is not None:  # what it held is set aside above, not kept as a replaced flow is
        ending = replace(ending, data={k: v for k, v in ending.data.items() if k != HELD})
    await flow_runner.apply_outcome(turn, row, outcome, ending)


@flow_runner.effect(Answered)
async def _answered(turn: Turn, e: object) -> None:
    """Words typed at the check that mean what one of its buttons means: that press. The
    check's own outcome leaves its state as it was, so this is all that is recorded."""
    assert isinstance(e, Answered)
    await answer_check(turn, e.option)


async def answer_check(turn: Turn, option: str) -> None:
    """The two buttons of the gentle check (or words typed that mean one: `Answered`)."""
    active = await flow_runner.active_state(turn)
    if active is None or active[0].flow != SAFETY_FLOW:
        return
    row = active[0]
    state = repo.as_flow_state(row)
    before = previous(state)
    about = asked_about(state)
    if option == NOT_SURE:  # the danger reply for what the check asked about
        why = crisis.SCREEN_SELF if about == safety.ABOUT_SELF else crisis.SCREEN
        await stop(turn, before, why)
        return
    text = str(state.data.get("text", ""))
    # Put the previous flow back as it was, then let it read the held message.
    await flow_runner.apply_outcome(turn, row, Outcome(before), state)
    go_on = "safety.go_on" if about == safety.ABOUT_ANGER else "safety.go_on_self"
    turn.say(Reply(turn.content.text(go_on), edit=True))
    if await _set_up_after_the_check(turn, before):
        # Linked by a partner's invite while the check was open (setup waited for it): setup
        # now, what they wrote kept to offer once it is done (as a story told in setup is).
        await flow_runner.start(turn, ONBOARDING.start(turn.context(), text))
    elif not text:  # nothing held: where they were is asked again, if anywhere
        await flow_runner.reprompt(turn)
    elif before is None or not await flow_runner.feed(turn, TextInput(text)):
        # No flow, or one that hands the words back (settings left open): as outside a flow.
        from bot.telegram import moments

        await moments.offer(turn, text)


async def _set_up_after_the_check(turn: Turn, before: FlowState | None) -> bool:
    """Whether setup begins now the check is answered: the person, never set up, accepted a
    partner's invite while it was open (`flow_runner.set_up_if_new` left it to this), and
    was in no flow before it (setup under way goes on as it was, put back)."""
    if flow_runner.is_set_up(turn.user) or before is not None:
        return False
    return await couple_store.active_link(turn.session, turn.user.id) is not None
