"""Shell for what the bot sends on its own: answers to evening reflections and follow-ups
(buttons that may be pressed days later), and /settings."""

from __future__ import annotations

from dataclasses import replace

from bot.domain import prompts, schedule
from bot.domain.moments import PLANNED, RESUMABLE, SaveMoment
from bot.domain.reflection_flow import REFLECTION, RecordReflection
from bot.domain.repair_flow import REPAIR
from bot.domain.replies import Reply
from bot.domain.settings_flow import SETTINGS
from bot.scheduling import store as prompt_store
from bot.storage import moments as moment_store
from bot.storage.models import ScheduledPrompt
from bot.telegram import flow_runner
from bot.telegram.couples import partner_of
from bot.telegram.moments import new_moment_id
from bot.telegram.turn import Turn

KINDS = ("ev", "fu", "fr")


async def open_settings(turn: Turn) -> None:
    await flow_runner.start(turn, SETTINGS.start(turn.context()))


async def on_prompt_button(turn: Turn, kind: str, argument: str) -> None:
    """`ev.<choice>.<id>`, `fu.<choice>.<id>`, `fr.<when>.<id>`: the prompt must be this
    person's, and each card is answered once."""
    c = turn.content
    choice, _, raw_id = argument.partition(".")
    row = await turn.session.get(ScheduledPrompt, int(raw_id)) if raw_id.isdigit() else None
    if row is None or row.user_id != turn.user.id:
        turn.toast(c.text("shell.expired"))
        return
    if row.answered_at is not None and kind != "fr":
        turn.toast(c.text("evening.answered"))
        return
    if kind == "ev" and choice in prompts.EVENING_CHOICES:
        await _evening(turn, row, choice)
    elif kind in ("fu", "fr") and row.moment_id is not None:
        await _follow_up(turn, row, kind, choice)
    else:
        turn.toast(c.text("shell.expired"))


async def _evening(turn: Turn, row: ScheduledPrompt, choice: str) -> None:
    c = turn.content
    prefs = prompt_store.prefs_of(turn.user)
    local_date = row.due_at.astimezone(prefs.tz).date()
    row.answer, row.answered_at = choice, turn.now
    if choice == "snooze":
        due = schedule.snooze_due(turn.now, prefs)
        if due is None:
            turn.say(Reply(c.text("evening.snooze_quiet"), edit=True))
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
    if choice in ("hurt", "by_me"):
        await flow_runner.apply_effects(turn, (record,))
        direction = "to_me" if choice == "hurt" else "by_me"
        outcome = REPAIR.start(turn.context(), new_moment_id(), direction=direction)
        first = replace(outcome.replies[0], edit=True)
        await flow_runner.start(turn, replace(outcome, replies=(first, *outcome.replies[1:])))
    elif choice == "connection":
        await flow_runner.start(turn, REFLECTION.start(turn.context(), row.id, local_date))
    else:
        await flow_runner.apply_effects(turn, (record,))
        key = "evening.all_good_reply" if choice == "all_good" else "evening.not_tonight_reply"
        turn.say(Reply(c.text(key, name=turn.user.display_name), edit=True))


async def _follow_up(turn: Turn, row: ScheduledPrompt, kind: str, choice: str) -> None:
    c = turn.content
    assert row.moment_id is not None
    moment = await moment_store.owned(turn.session, turn.user.id, row.moment_id)
    if moment is None:
        turn.toast(c.text("follow_up.gone"))
        return
    prefs = prompt_store.prefs_of(turn.user)
    if kind == "fr":
        if choice not in prompts.RESCHEDULE_CHOICES:
            turn.toast(c.text("shell.expired"))
            return
        due = schedule.reschedule_due(choice, turn.now, prefs)
        if due is None:  # "This evening" on a card from before it got too late for it
            turn.say(prompts.reschedule_card(row.id, c, tonight=False, too_late=True))
            return
        row.answer, row.answered_at = f"later:{choice}", turn.now
        ask_again = schedule.ScheduleFollowUp(moment.id, due)
        if moment.status in RESUMABLE:  # a reminder to pick it up, not a plan to talk
            await flow_runner.apply_effects(turn, (ask_again,))
        else:
            updated = moment.update(status=PLANNED, plan_due_at=due)
            await flow_runner.apply_effects(turn, (SaveMoment(updated), ask_again))
        when = REPAIR.when_words(due, choice, turn.context())  # the stored time, in words
        turn.say(Reply(c.text("follow_up.rescheduled", when=when), edit=True))
        return
    if choice == "not_yet":
        tonight = schedule.tonight_available(turn.now, prefs.tz)
        turn.say(prompts.reschedule_card(row.id, c, tonight=tonight))
        return
    if choice == "resume" and moment.status in RESUMABLE:
        row.answer, row.answered_at = choice, turn.now
        # As from /history: the step it resumes at may name the partner or offer sending.
        outcome = REPAIR.resume(moment, turn.context(await partner_of(turn)))
        await flow_runner.start(turn, outcome)
        return
    answered = prompts.answer_follow_up(moment, choice, turn.now, c)
    if answered is None:
        turn.toast(c.text("shell.expired"))
        return
    row.answer, row.answered_at = choice, turn.now
    await flow_runner.apply_effects(
        turn, (SaveMoment(answered.moment), schedule.CancelPrompts(moment.id))
    )
    turn.say(answered.reply)
