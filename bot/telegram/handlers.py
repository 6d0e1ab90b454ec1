"""python-telegram-bot handlers: routing by update type, then a domain call.

Order matters (the first matching handler in a group wins): commands, then button presses,
then free text, then everything that is not text.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from telegram import Message, Update, User
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import NetworkError
from telegram.ext import (
    Application,
    BaseHandler,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.content import catalogue
from bot.domain import callbacks, language, safety, small_talk
from bot.domain.clock import parse_when, zone_of
from bot.domain.couples import INVITE_PREFIX, ROUND_FLOW, THANKS_FLOW, invite_token
from bot.domain.flow import Back, ButtonInput, Outcome, TextInput, Unsupported
from bot.domain.onboarding import FLOW as ONBOARDING_FLOW
from bot.domain.onboarding import NAME as ONBOARDING_NAME
from bot.domain.onboarding import ONBOARDING, stops_setup, story_told, told_together
from bot.domain.onboarding import ZONE as ONBOARDING_ZONE
from bot.domain.reflection_flow import FLOW as REFLECTION_FLOW
from bot.domain.reflection_flow import LINE
from bot.domain.repair_flow import FLOW as MOMENT_FLOW
from bot.domain.repair_flow import NAME as MOMENT_NAME
from bot.domain.repair_flow import OFFER, SAID_TO_SOMEONE, WHEN_ZONE
from bot.domain.repair_flow import OWN_WORDS as MOMENT_OWN_WORDS
from bot.domain.replies import Button, Reply, rows
from bot.domain.safety_flow import FLOW as SAFETY_FLOW
from bot.domain.safety_flow import open_check
from bot.domain.schedule import is_paused
from bot.domain.settings_flow import FLOW as SETTINGS_FLOW
from bot.domain.settings_flow import ZONE as SETTINGS_ZONE
from bot.sandbox.objects import MEDIA_KINDS
from bot.scheduling.store import cancel_for_user
from bot.storage import couples as couple_store
from bot.storage import moments as moment_store
from bot.storage import repositories as repo
from bot.telegram import couples, flow_runner, moments, privacy, prompts
from bot.telegram import safety as safety_shell
from bot.telegram.flood import flood_handler
from bot.telegram.services import services
from bot.telegram.turn import Outgoing, Turn, deliver, to_private, turn_handler

log = logging.getLogger(__name__)

PRIVATE = filters.ChatType.PRIVATE
GROUPS = filters.ChatType.GROUPS
NEW_MESSAGE = filters.UpdateType.MESSAGE

# The commands shown in Telegram's menu, in this order (descriptions in content).
MENU_COMMANDS = (
    "moment",
    "history",
    "thanks",
    "invite",
    "settings",
    "privacy",
    "start",
    "help",
    "sos",
    "back",
    "cancel",
)


def message_kind(message: Message) -> str:
    """What a non-text message carries, for the 'I can only read text' answer."""
    for kind in MEDIA_KINDS:
        if getattr(message, kind, None):
            return kind
    return "other"


# --------------------------------------------------------------------------- private chat


@turn_handler
async def on_start(turn: Turn) -> None:
    payload = _command_args(turn)
    if payload.startswith(INVITE_PREFIX):  # a partner's invite link, whole or not
        await couples.open_invite(turn, invite_token(payload))
        return
    if turn.user.timezone is None or turn.user.onboarded_at is None:
        # Whatever the link asked for, someone new hears first what Mend is and is not, and
        # is asked their name and time zone; its last words say how to begin a moment.
        await flow_runner.start(turn, ONBOARDING.start(turn.context()))
        return
    opens = DEEP_LINKS.get(payload)
    if opens is not None:  # a group's redirect: what was asked for there
        await opens(turn)
        return
    if await flow_runner.active_state(turn) is not None:
        # Often sent to "start again" when unsure where things are: show them, drop nothing.
        turn.text("start.welcome_back_partway", name=turn.user.display_name)
        await flow_runner.reprompt(turn)
        return
    await flow_runner.start(turn, _welcome_back(turn))


# What a group's "Open a private chat" link opens (`/start <payload>`); any other payload,
# such as the plain "hi", is the hello.
DEEP_LINKS: dict[str, Callable[[Turn], Awaitable[None]]] = {
    "moment": moments.start_moment,
    "history": moments.show_history,
}


def _command_args(turn: Turn) -> str:
    message = turn.update.effective_message
    text = message.text if message is not None and message.text else ""
    parts = text.split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


def main_menu(turn: Turn) -> tuple[tuple[Button, ...], ...]:
    c = turn.content
    return rows(
        Button(c.text("menu.moment"), "moment", menu=True),
        Button(c.text("menu.history"), "history", menu=True),
        Button(c.text("menu.setup"), "setup", menu=True),
        width=2,
    )


def _welcome_back(turn: Turn) -> Outcome:
    c = turn.content
    text = c.text("start.welcome_back", name=turn.user.display_name)
    return Outcome(None, (Reply(text, main_menu(turn)),))


@turn_handler
async def on_help(turn: Turn) -> None:
    turn.say(Reply(turn.content.text("help.text"), main_menu(turn)))
    await flow_runner.reprompt(turn, "shell.where_we_were")


@turn_handler
async def on_sos(turn: Turn) -> None:
    """Help now, asked for directly. The screen recognises phrasings from a list and misses
    many it has not seen; this command never does."""
    await safety_shell.help_now(turn)


@turn_handler
async def on_moment(turn: Turn) -> None:
    await moments.start_moment(turn)


@turn_handler
async def on_history(turn: Turn) -> None:
    await moments.show_history(turn)


@turn_handler
async def on_settings(turn: Turn) -> None:
    await prompts.open_settings(turn)


@turn_handler
async def on_stop(turn: Turn) -> None:
    """/stop, /unsubscribe: how to turn down what Mend sends. Nothing is changed: which of it
    to stop is theirs to choose in /settings."""
    _answer_request(turn, small_talk.STOP)
    await flow_runner.reprompt(turn, "shell.where_we_were")


@turn_handler
async def on_group_stop(turn: Turn) -> None:
    """/stop, /unsubscribe in a group: its own check-ins are in its /settings."""
    turn.say(to_private(turn, turn.content.text("shell.stop_group")))


@turn_handler
async def on_resume(turn: Turn) -> None:
    await prompts.resume(turn)


@turn_handler
async def on_privacy(turn: Turn) -> None:
    turn.text("privacy.text")


@turn_handler
async def on_export(turn: Turn) -> None:
    await privacy.export(turn)


@turn_handler
async def on_delete(turn: Turn) -> None:
    privacy.ask_delete(turn)


@turn_handler
async def on_invite(turn: Turn) -> None:
    await couples.invite(turn)


@turn_handler
async def on_unlink(turn: Turn) -> None:
    await couples.unlink(turn)


@turn_handler
async def on_thanks(turn: Turn) -> None:
    await couples.thanks(turn, _command_args(turn))  # screened there before any is posted


@turn_handler
async def on_pair(turn: Turn) -> None:
    if turn.in_private:  # the linked message says "send /pair there": say where
        linked = await couples.partner_of(turn) is not None
        turn.text("shell.pair_in_group" if linked else "link.not_linked")
        return
    await couples.pair(turn)


@turn_handler
async def on_group_settings(turn: Turn) -> None:
    await couples.group_settings(turn)


@turn_handler
async def on_repair(turn: Turn) -> None:
    if turn.in_private:
        partner = await couples.partner_of(turn)
        name = partner.name if partner else ""
        turn.text("bid.need_space", partner=name) if partner else turn.text("link.not_linked")
        return
    await couples.group_repair(turn)


@turn_handler
async def on_members(turn: Turn) -> None:
    await couples.members_changed(turn)


@turn_handler
async def on_migrated(turn: Turn) -> None:
    message = turn.update.effective_message
    if message is not None and message.migrate_to_chat_id:
        await couples.chat_migrated(turn, message.chat.id, message.migrate_to_chat_id)


@turn_handler
async def on_cancel(turn: Turn) -> None:
    active = await flow_runner.active_state(turn)
    if active is None:
        turn.text("shell.nothing_to_cancel")
        return
    row, flow = active
    state = repo.as_flow_state(row)
    outcome = flow.cancel(state, turn.context())
    await flow_runner.apply_outcome(turn, row, outcome, state)


@turn_handler
async def on_back(turn: Turn) -> None:
    if not await flow_runner.feed(turn, Back()):
        turn.text("shell.nothing_to_go_back")


def _command_name(turn: Turn) -> tuple[str, str]:
    """The command sent ("foo" of "/foo@SomeBot args") and the bot it names, if any."""
    message = turn.update.effective_message
    text = message.text if message and message.text else "/"
    command, _, addressee = text.split(maxsplit=1)[0].lstrip("/").partition("@")
    return command[:32], addressee


@turn_handler
async def on_unknown_command(turn: Turn) -> None:
    command, addressee = _command_name(turn)
    if addressee and addressee.lower() != turn.services.bot_username.lower():
        return  # another bot's command, in a group with more than one bot
    turn.text("shell.unknown_command", command=command)
    await flow_runner.reprompt(turn, "shell.where_we_were")


@turn_handler
async def on_text(turn: Turn) -> None:
    message = turn.update.effective_message
    assert message is not None and message.text is not None
    if await safety_shell.screened(turn, message.text):  # before any flow reads it
        return
    if message.forward_origin is not None:  # someone else's words, not theirs: never kept
        await _forwarded(turn)
        return
    await read_words(turn, message.text)


async def _forwarded(turn: Turn) -> None:
    """A forwarded message: at a question, the question again; else a word asking for their
    own. A burst of them (a piece of an argument) is answered once."""
    if not turn.services.forward_is_new(turn.chat_id, turn.now):
        return
    if not await flow_runner.reprompt(turn, "shell.forwarded_in_flow"):
        turn.say(Reply(turn.content.text("shell.forwarded"), main_menu(turn)))


async def read_words(turn: Turn, words: str, note: Reply | None = None) -> None:
    """Words someone wrote (a message, or a photo's caption, with `note` saying so), screened
    already: for the flow they are in; else for a card that waits for an answer; else small
    talk is answered, a weekly round's answer asked about, and anything else offered as a
    moment."""
    c = turn.content
    # To stop Mend's messages, delete what it keeps, or whether this is private: never a moment.
    request = small_talk.request(words, c)
    talk = small_talk.kind(words, c) if request is None else None
    lone_yes = talk is None and request is None and small_talk.yes_or_no(words, c) == "yes"
    if talk is None and request is None and small_talk.yes_or_no(words, c):
        talk = small_talk.ACK  # a lone "yes" answers nothing here
    if turn.first_contact:  # their very first message, before any /start (so in no flow)
        name = turn.user.first_name
        if talk is not None:  # one greeting answers their hello, and says what Mend is
            turn.say(Reply(c.text("start.first_hello", first_name=name), main_menu(turn)))
            return
        turn.text("start.first_words", first_name=name)
    if note is not None:
        turn.say(note)
    if talk is None and request is None and await _not_english(turn, words):
        return
    if request is not None and await _request_comes_first(turn, words, request):
        return
    if await _answers_a_card_after_the_offer(turn, words):
        return
    if await _answers_a_card_tapped_mid_flow(turn, words):
        return
    told_in_setup = await _story_in_setup(turn)
    if await flow_runner.feed(turn, TextInput(words)):
        if not stops_setup(words, c):  # "stop" ends setup unfinished: nothing is offered
            await _offer_story_from_setup(turn, told_in_setup)
        return
    if await _offer_story_from_setup(turn, told_in_setup, words):
        return  # setup finished by more of it ("I just need to talk..."): all of it offered
    # An answer typed at a card the bot sent ("no" at the evening check-in), not a new thing.
    if await prompts.typed_answer(turn, words) or await couples.typed_invite_answer(turn, words):
        return
    if request is not None:  # a flow gave them back ("stop messaging me" at the settings menu)
        _answer_request(turn, request)
        return
    if talk is None and small_talk.bare_number(words):  # "4": says nothing of a moment
        if await _number_for_a_left_moment(turn):
            return
        talk = small_talk.ACK
    when = parse_when(words, turn.now, zone_of(turn.user.timezone))
    if talk is None and (when is not None or small_talk.bare_time(words, c)):
        # "tomorrow", "sunday at 10", "half 9" alone: most often meant for a card no longer
        # taking words, never a moment to look at.
        turn.say(Reply(c.text("shell.time_alone"), main_menu(turn)))
        return
    if talk is None and small_talk.steps_away(words, c):  # "sorry cant type rn": not a moment
        turn.say(Reply(c.text("shell.away_reply"), main_menu(turn)))
        return
    if talk is None and request is None:  # "wait what does this do", "lol": to Mend, no story
        aside = small_talk.aside(words, c)
        talk = aside if aside in small_talk.IDLE_REPLIES else None
    if talk is not None:  # a hello, thanks, goodbye, "ok": answered, never kept as a moment
        name = turn.user.display_name
        idle = c.text(small_talk.IDLE_REPLIES[talk], name=name)
        text = small_talk.yes_alone_reply(c, name) if lone_yes else idle
        menu = () if talk == small_talk.GOODBYE else main_menu(turn)  # leaving: no buttons
        turn.say(Reply(text, menu))
        return
    if await prompts.offer_round_answer(turn, words):  # a weekly round's, typed in
        return
    await moments.offer(turn, words)


# Questions whose answer is not read as English: a name, a place (a city, "Santa Cruz de la
# Sierra"), or words for someone else (their draft, a thanks or a round's answer), which may
# well be in the language the two of them speak.
ANY_LANGUAGE = frozenset(
    {(MOMENT_FLOW, step) for step in (*SAID_TO_SOMEONE, MOMENT_NAME, WHEN_ZONE)}
    | {(ONBOARDING_FLOW, ONBOARDING_NAME), (ONBOARDING_FLOW, ONBOARDING_ZONE)}
    | {(SETTINGS_FLOW, SETTINGS_ZONE), (THANKS_FLOW, "text"), (ROUND_FLOW, "text")}
)


async def _not_english(turn: Turn, words: str) -> bool:
    """Words in another language (bot/domain/language.py), already screened for danger: Mend
    reads English only, and says so (with /sos for help now) instead of offering them as a
    moment; at a question, briefly, with the question again, and nothing is kept. False for
    English, and at a question that takes a name, a place or words for someone else."""
    if language.other_language(words, turn.content) is None:
        return False
    if parse_when(words, turn.now, zone_of(turn.user.timezone)) is not None:
        return False  # a time ("Mon 8pm"), whatever its words look like
    active = await flow_runner.active_state(turn)
    if active is None or (active[0].flow, active[0].step) == (MOMENT_FLOW, OFFER):
        name = turn.user.display_name
        turn.say(Reply(turn.content.text("other_languages.reply", name=name), main_menu(turn)))
        return True
    if (active[0].flow, active[0].step) in ANY_LANGUAGE:
        return False
    await flow_runner.reprompt(turn, "other_languages.in_flow")
    return True


# Questions whose answer is the person's own words, telling what happened or to say to
# someone: a request about Mend is never read there before the question reads it ("Can you
# delete my messages?" at "Write it the way you'd say it" is for him).
OWN_WORDS = frozenset(
    {(MOMENT_FLOW, step) for step in MOMENT_OWN_WORDS}
    | {(REFLECTION_FLOW, LINE), (THANKS_FLOW, "text"), (ROUND_FLOW, "text")}
)


async def _request_comes_first(turn: Turn, words: str, request: str) -> bool:
    """A request about Mend (small_talk.request) answered before any flow reads the words, as
    no answer to its question nor more of what happened: outside a flow, or at an offer to
    look (left as it was). In a flow its question reads them first (and the request is
    answered if it hands them back): a bare stop is its own ("stop": as /cancel), others may
    be the person's words ("turn them off" at quiet hours; "Please stop texting me" to say to
    him), and "delete this moment" is the moment's. Only a request naming Mend, what it sends
    or what it keeps comes first (small_talk.before_a_flow: "how do I delete my data",
    "unsubscribe"), with the question again after; not in the safety check, nor at a question
    that takes their own words (OWN_WORDS)."""
    active = await flow_runner.active_state(turn)
    if request == small_talk.DELETE_MOMENT and active is not None and active[0].flow == MOMENT_FLOW:
        return False
    if active is None or (active[0].flow, active[0].step) == (MOMENT_FLOW, OFFER):
        _answer_request(turn, request)
        return True
    asked = small_talk.before_a_flow(words, turn.content)
    at = (active[0].flow, active[0].step)
    if asked is None or at[0] == SAFETY_FLOW or at in OWN_WORDS:
        return False
    _answer_request(turn, asked)
    await flow_runner.reprompt(turn, "shell.where_we_were")
    return True


def _answer_request(turn: Turn, request: str) -> None:
    """A request about Mend itself (small_talk.request) answered; nothing is changed or kept.
    A stop is told how to turn down what Mend sends as things are now: the evening check-in
    and the pause, or the pause alone when the check-in is off, or that a pause holds
    everything already."""
    ctx = turn.context()
    key = small_talk.REQUEST_REPLIES[request]
    if request == small_talk.STOP and is_paused(ctx.now, ctx.prefs):
        key = small_talk.STOP_REPLY_PAUSED
    elif request == small_talk.STOP and not ctx.prefs.evening_on:
        key = small_talk.STOP_REPLY_EVENING_OFF
    turn.say(Reply(small_talk.request_reply(key, turn.content, turn.user.display_name)))


# How long after a moment was left in the middle (set aside after hours away, or /cancel) a
# bare number typed outside it is taken as meant for its question ("4" for the 1 to 5 one).
LEFT_MOMENT_FOR_A_NUMBER = timedelta(hours=1)


async def _number_for_a_left_moment(turn: Turn) -> bool:
    """A bare number typed outside any flow just after a moment was left in the middle (most
    often by this very message, come hours late: "4" at the 1 to 5 question): that moment
    offered to pick up where it stopped (as from /history). False if none was left lately."""
    left = await moment_store.left_since(
        turn.session, turn.user.id, turn.now - LEFT_MOMENT_FOR_A_NUMBER
    )
    if left is None:
        return False
    c = turn.content
    pick_up = Button(c.text("history.resume"), f"hu.{left}", menu=True)
    turn.say(Reply(c.text("moment.left.number"), rows(pick_up)))
    return True


async def _story_in_setup(turn: Turn) -> str | None:
    """What the person told during setup, kept to offer once it is done (onboarding.story_told:
    in setup, or in the setup /settings holds); None if they are not in setup or told none."""
    active = await flow_runner.active_state(turn)
    return story_told(repo.as_flow_state(active[0])) if active is not None else None


async def _offer_story_from_setup(turn: Turn, story: str | None, more: str = "") -> bool:
    """Setup, holding what they told during it (`story`, read before this update), finished
    just now: that is offered to look at, as words outside any flow are (moments.offer), with
    `more` after it (words that finished setup by telling more: onboarding.told_together).
    False, offering nothing, if there was no story or a flow is still open (setup goes on)."""
    if story is None or turn.user.onboarded_at is None:
        return False
    if await flow_runner.active_state(turn) is not None:
        return False
    await moments.offer(turn, told_together(story, more))
    return True


async def _answers_a_card_after_the_offer(turn: Turn, words: str) -> bool:
    """An offer to look at a moment (or one declined a moment ago) waits for nothing in
    particular: a card the bot sent after it ("Any small moment today?") is what words such
    as "not tonight" answer, not more of what happened."""
    active = await flow_runner.active_state(turn)
    if active is None or (active[0].flow, active[0].step) != (MOMENT_FLOW, OFFER):
        return False
    return await prompts.typed_answer(turn, words, sent_after=active[0].updated_at)


async def _answers_a_card_tapped_mid_flow(turn: Turn, words: str) -> bool:
    """In the middle of a flow (or at an offer to look), a card tapped since its last
    question that now asks one of its own ("Not yet, remind me", then "When should I ask
    again?") is the newest question: words that answer it ("sunday evening", "tomorrow") are
    its, and the flow's question is asked again after (not an offer's, which waits for
    nothing in particular). Words that do not ("4", "he ignored me") are the flow's."""
    active = await flow_runner.active_state(turn)
    if active is None:
        return False
    if not await prompts.typed_answer(turn, words, asked_after=active[0].updated_at):
        return False
    if (active[0].flow, active[0].step) != (MOMENT_FLOW, OFFER):
        await flow_runner.reprompt(turn, "shell.back_to_held")
    return True


@turn_handler
async def on_not_text(turn: Turn) -> None:
    message = turn.update.effective_message
    assert message is not None
    kind = message_kind(message)
    name = turn.content.text(f"kinds.{kind}")
    caption = message.caption or ""
    album = message.media_group_id
    later_in_album = album is not None and not turn.services.album_is_new(turn.chat_id, album)
    if later_in_album and not caption.strip():
        return  # the album's first item was answered: the rest of it says nothing new
    if _a_command(caption):
        head, _, words = caption.partition(" ")
        command = head.split("@")[0]
        if command.lower() == "/sos":  # help now, however it is sent; the flow stays as it was
            await safety_shell.help_now(turn)
        elif not await safety_shell.screened(turn, words, answer=False):  # words after it
            turn.text("shell.caption_command", command=command[:33])
        return
    if caption.strip() and message.forward_origin is not None:  # someone else's words
        if not await safety_shell.screened(turn, caption, answer=False):
            await _forwarded(turn)
        return
    if caption.strip():
        # A photo (or video, file...) with words: the words are read as a message is. They
        # are screened here, once; a check passes them on when it is through.
        if await safety_shell.screened(turn, caption):
            return
        await read_words(turn, caption, Reply(turn.content.text("shell.caption_read", kind=name)))
        return
    if await flow_runner.feed(turn, Unsupported(kind)):
        return
    turn.text("shell.not_text", kind=name)


def _a_command(caption: str) -> bool:
    """Whether a caption is a command ("/sos" under a photo): read as a command, not words."""
    return caption.startswith("/") and len(caption.split(maxsplit=1)[0]) > 1


@turn_handler
async def on_edited(turn: Turn) -> None:
    message = turn.update.edited_message
    words = (message.text or message.caption) if message is not None else None
    if words and await safety_shell.screened(turn, words, answer=False):
        return  # what they changed it to still reaches the screen
    if not await flow_runner.reprompt(turn, "shell.edit_ignored_in_flow"):
        turn.text("shell.edit_ignored")


@turn_handler
async def on_button(turn: Turn) -> None:
    query = turn.update.callback_query
    assert query is not None
    press = callbacks.decode(query.data)
    c = turn.content
    if isinstance(press, callbacks.MenuPress):
        await _on_menu(turn, press.action)
        return
    active = await flow_runner.active_state(turn)
    current = (
        active is not None
        and isinstance(press, callbacks.FlowPress)
        and (press.flow, press.step, press.card)
        == (active[0].flow, active[0].step, active[0].version)
    )
    if not current and active is not None and _tapped_just_before(turn, press, active[0]):
        if not isinstance(press, callbacks.FlowPress) or press.step != active[0].step:
            return  # a double tap: the first moved the card on, and it shows where they are
        if _the_same_tap(turn):
            return  # "hurt" tapped twice before the tick showed: one tick, not undone
        current = True  # another tick on the question still asked: as on the card as it is
    if not current or active is None or not isinstance(press, callbacks.FlowPress):
        turn.toast(c.text("shell.expired"))
        if turn.pressed_message_id is not None:
            turn.clear_keyboard(turn.pressed_message_id)
        await flow_runner.reprompt(turn, "shell.expired_with_prompt")
        return
    row, flow = active
    if row.flow == SAFETY_FLOW:
        await safety_shell.answer_check(turn, press.option)
        return
    state = repo.as_flow_state(row)
    event = ButtonInput(press.option)
    ctx = await flow_runner.context_for(turn, flow, state, event)
    outcome = flow.handle(state, event, ctx)
    await flow_runner.apply_outcome(turn, row, outcome, state)
    # Setup finished by this press (or by /settings' Done, which puts it back finished): what
    # they told during it is offered now, as promised.
    await _offer_story_from_setup(turn, story_told(state))


# Taps quicker than the phone shows each edit carry the card's number from before the edit:
# a double tap, or several ticks on a multi-select card. Within this long of the flow's last
# change, such a tap on the message now showing the card is not an old card's.
QUICK_TAPS = timedelta(seconds=15)


def _tapped_just_before(turn: Turn, press: object, row: repo.StateRow) -> bool:
    """Whether `press` was made on this flow's card as it was just before its last change,
    on the message that change edited (a card answered by typing is another message: an old
    card's press there is expired, as ever)."""
    edited = turn.services.edited_cards.get((turn.chat_id, turn.user.id))
    return (
        isinstance(press, callbacks.FlowPress)
        and press.flow == row.flow
        and press.card < row.version
        and turn.now - row.updated_at <= QUICK_TAPS
        and edited is not None
        and (edited.message_id, edited.version) == (turn.pressed_message_id, row.version)
    )


def _the_same_tap(turn: Turn) -> bool:
    """Whether this tap is the one that made the card's last edit, made again (a double tap)."""
    edited = turn.services.edited_cards.get((turn.chat_id, turn.user.id))
    query = turn.update.callback_query
    return edited is not None and query is not None and edited.tapped == query.data


# Cards whose buttons start or resume a flow, in place of the one open, and record their answer
# first: an evening card's "A moment hurt" (or "I hurt someone", or a connection's line) and a
# follow-up's Pick it up again ("kind.choice"). (Any other way to begin a flow over the danger
# check, a new moment, setup, /history's Resume and Pick it up again, /thanks, the round's
# Write mine, is refused where flows begin: flow_runner.start.)
_CARDS_STARTING_A_FLOW = frozenset(
    {*(f"ev.{choice}" for choice in (*moment_store.BEGIN_A_MOMENT, "connection")), "fu.resume"}
)


async def _keeps_the_safety_check(turn: Turn, kind: str, argument: str) -> bool:
    """A card's tap that would start or resume a flow while "is anyone in danger right now?"
    is open: one tap never dismisses a crisis screen (DESIGN.md), so the check is asked again
    and nothing changes, the card's answer not recorded either. True if so."""
    if f"{kind}.{argument.partition('.')[0]}" not in _CARDS_STARTING_A_FLOW:
        return False
    active = await flow_runner.active_state(turn)
    if active is None or open_check(repo.as_flow_state(active[0])) is None:
        return False  # none open, here or beneath /settings
    await flow_runner.reprompt(turn, "shell.where_we_were")
    return True


async def _on_menu(turn: Turn, action: str) -> None:
    kind, _, argument = action.partition(".")
    if kind in couples.MENU_KINDS:
        await couples.on_menu(turn, kind, argument)
        return
    if turn.in_group:
        turn.toast(turn.content.text("shell.private_only"))
        return
    if await _keeps_the_safety_check(turn, kind, argument):
        return
    if kind == "help":
        turn.say(Reply(turn.content.text("help.text"), main_menu(turn)))
    elif kind == "setup":
        ready = turn.user.onboarded_at is not None  # set up before: change, don't start over
        setup = ONBOARDING.change if ready else ONBOARDING.start
        await flow_runner.start(turn, setup(turn.context()))
    elif kind == "moment":
        await moments.start_moment(turn)
    elif kind == "history":
        await moments.show_history(turn)
    elif kind in ("ho", "hd", "hx", "hr", "hl", "hu", "hp") and argument:
        await moments.on_history_action(turn, kind, argument)
    elif kind in prompts.KINDS and argument:
        await prompts.on_prompt_button(turn, kind, argument)
    elif kind == "settings":
        await prompts.open_settings(turn)
    elif kind == "del" and argument.partition(".")[0] in ("yes", "no"):
        await privacy.answer_delete(turn, argument)
    else:
        turn.toast(turn.content.text("shell.expired"))


@turn_handler
async def on_my_chat_member(turn: Turn) -> None:
    change = turn.update.my_chat_member
    assert change is not None
    if change.chat.type == ChatType.CHANNEL:
        return  # Mend has nothing to say in a channel: no couple space can be one
    if turn.in_group:
        joined = change.new_chat_member.status in (
            ChatMemberStatus.MEMBER,
            ChatMemberStatus.ADMINISTRATOR,
        )
        was_in = change.old_chat_member.status in (
            ChatMemberStatus.MEMBER,
            ChatMemberStatus.ADMINISTRATOR,
        )
        if joined and not was_in:
            await couples.bot_added(turn)
        elif was_in and not joined:
            await couples.bot_removed(turn)
        return
    status = change.new_chat_member.status
    if status in (ChatMemberStatus.BANNED, ChatMemberStatus.LEFT):
        turn.user.blocked_at = turn.now
        await cancel_for_user(turn.session, turn.user.id, "blocked", turn.now)
        log.info("a person blocked the bot")
    # A person who unblocks us is marked active by the turn itself (any contact does that).


# --------------------------------------------------------------------------- groups


@turn_handler
async def on_group_moment(turn: Turn) -> None:
    """Private answers are never collected in a group: offer the private chat instead, its
    link opening what was asked for (/moment: a new moment; /history: the history)."""
    opens = "history" if _command_name(turn)[0].lower() == "history" else "moment"
    turn.say(to_private(turn, turn.content.text("history.group_private"), opens))


@turn_handler
async def on_group_start(turn: Turn) -> None:
    turn.say(to_private(turn, turn.content.text("start.group_hello")))


@turn_handler
async def on_group_help(turn: Turn) -> None:
    turn.say(to_private(turn, turn.content.text("help.group")))


@turn_handler
async def on_group_private_only(turn: Turn) -> None:
    """A private-chat command (linking, erasing, exporting) sent in a group: say where it
    works rather than stay silent."""
    text = turn.content.text("shell.group_private_command", command=_command_name(turn)[0])
    turn.say(to_private(turn, text))


async def on_group_words(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Words in a group that reach Mend (a reply to one of its messages, a mention, a photo's
    caption, an edit; every message, where privacy mode is off) go through the safety screen.
    Danger or a worry is answered as words after a command there are (`not_for_the_group`);
    a partner's reply to an open check-in card is told how the card is answered; anything else
    is the people there talking, and is left unanswered. Screened before any turn: ordinary
    words record nobody, and only a reply to Mend's own message is looked up."""
    words = _words_of(update)
    level = safety.screen(words).level if words else safety.Level.NONE
    # Danger is answered wherever it is seen. A worry only when said to Mend: where privacy
    # mode is off, people talking among themselves are not asked, before everyone, about it.
    if level == safety.Level.DANGER or (level != safety.Level.NONE and _to_mend(update, context)):
        await _answer_group_words(update, context)
    elif await _replies_to_a_check_in(update, context):
        await _answer_check_in_reply(update, context)
    elif await _replies_to_a_bid(update, context):
        await _answer_bid_reply(update, context)
    elif _replies_to_the_thanks_hint(update, context.bot.id):
        await _thanks_from_reply(update, context)


def _reply_to_mend(update: Update, bot_id: int) -> tuple[Message, Message, User] | None:
    """A new message (an edit is not answered again) replying to one of Mend's own: it, the
    message it replies to, and who sent it. None for anything else."""
    message, sender = update.message, update.effective_user
    replied = message.reply_to_message if message else None
    if message is None or sender is None or replied is None or replied.from_user is None:
        return None
    return (message, replied, sender) if replied.from_user.id == bot_id else None


async def _replies_to_a_check_in(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Whether a new message (an edit is not answered again) replies to an open check-in card,
    from a partner of its couple. Looked up before any turn, which would record the sender."""
    found = _reply_to_mend(update, context.bot.id)
    if found is None:
        return False
    message, replied, sender = found
    async with services(context).db.unit_of_work() as session:
        checkin = await couple_store.checkin_to_answer(
            session, message.chat.id, replied.message_id, sender.id
        )
        return checkin is not None


async def _replies_to_a_bid(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Whether a new message (an edit is not answered again) replies to an open repair bid card
    in the group, from the partner it is for. Looked up before any turn, as a check-in is."""
    card = _bid_card_replied_to(update, context.bot.id)
    if card is None:
        return False
    svc = services(context)
    async with svc.db.unit_of_work() as session:
        return await couples.bid_to_answer(session, *card, svc.clock()) is not None


def _replies_to_the_thanks_hint(update: Update, bot_id: int) -> bool:
    """Whether a new message replies to Mend's "Write it after the command" (`/thanks` sent
    alone in the group): the words are the thanks, as if written after the command."""
    found = _reply_to_mend(update, bot_id)
    if found is None or not found[0].text:
        return False
    _, replied, sender = found
    return replied.text == catalogue(sender.language_code).text("thanks.group_empty")


@turn_handler
async def _thanks_from_reply(turn: Turn) -> None:
    await couples.thanks(turn, _words_of(turn.update))  # screened there, as /thanks words are


def _bid_card_replied_to(update: Update, bot_id: int) -> tuple[int, list[str | None], int] | None:
    """The group, the buttons' callback data and the sender, of a new message replying to one
    of Mend's cards that still has buttons (an answered bid's have gone)."""
    found = _reply_to_mend(update, bot_id)
    if found is None or found[1].reply_markup is None:
        return None
    message, replied, sender = found
    assert replied.reply_markup is not None
    datas = [
        b.callback_data if isinstance(b.callback_data, str) else None
        for row in replied.reply_markup.inline_keyboard
        for b in row
    ]
    return message.chat.id, datas, sender.id


def _to_mend(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Whether group words are said to Mend: a reply to one of its messages, or naming it."""
    message = update.effective_message
    if message is None:
        return False
    replied = message.reply_to_message
    if (
        replied is not None
        and replied.from_user is not None
        and replied.from_user.id == context.bot.id
    ):
        return True
    return f"@{context.bot.username}".lower() in _words_of(update).lower()


def _words_of(update: Update) -> str:
    message = update.effective_message
    if message is None:
        return ""
    return (message.text or message.caption or "").strip()


@turn_handler
async def _answer_group_words(turn: Turn) -> None:
    await safety_shell.not_for_the_group(turn, _words_of(turn.update), "safety.group_words")


@turn_handler
async def _answer_check_in_reply(turn: Turn) -> None:
    """How the card is answered, said in the group (found just before: `_replies_to_a_check_in`).
    The words are never taken as the answer: everyone there can read them, and the answers
    stay blind until both have tapped."""
    turn.text("checkin.reply_tap")


@turn_handler
async def _answer_bid_reply(turn: Turn) -> None:
    """How a bid's card is answered, said in the group to the partner it is for (found just
    before: `_replies_to_a_bid`). The words are never taken as the answer: a tap is."""
    card = _bid_card_replied_to(turn.update, turn.update.get_bot().id)
    asker = await couples.bid_to_answer(turn.session, *card, turn.now) if card else None
    if asker is not None:
        turn.text("bid.reply_tap", partner=asker.display_name)


# --------------------------------------------------------------------------- errors


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log with context (never what the person wrote) and apologise instead of silence."""
    error = context.error
    if update is None and isinstance(error, NetworkError):
        # A job hit a network error; it runs again at its next turn.
        log.warning("network error while polling: %s", error)
        return
    update_id = update.update_id if isinstance(update, Update) else None
    log.error(
        "error while handling update %s: %s",
        update_id,
        type(error).__name__,
        exc_info=error,
        extra={"update_id": update_id},
    )
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    if update.effective_chat.type != ChatType.PRIVATE:
        return
    svc = services(context)
    language = update.effective_user.language_code if update.effective_user else None
    apology = Outgoing("send", update.effective_chat.id, catalogue(language).text("shell.error"))
    outbox = [apology]
    if update.callback_query is not None:
        outbox.insert(0, Outgoing("answer", query_id=update.callback_query.id))
    await deliver(context.bot, outbox, svc)


def handlers() -> list[BaseHandler[Any, Any, Any]]:
    command = NEW_MESSAGE & PRIVATE
    return [
        CommandHandler("start", on_start, filters=command),
        CommandHandler("help", on_help, filters=command),
        CommandHandler("sos", on_sos, filters=NEW_MESSAGE),  # in a group too
        # In a group too: they act on a flow there, or say there is none.
        CommandHandler("cancel", on_cancel, filters=NEW_MESSAGE),
        CommandHandler("back", on_back, filters=NEW_MESSAGE),
        CommandHandler("moment", on_moment, filters=command),
        CommandHandler("history", on_history, filters=command),
        CommandHandler("settings", on_settings, filters=command),
        CommandHandler("resume", on_resume, filters=command),
        CommandHandler(["stop", "unsubscribe"], on_stop, filters=command),
        CommandHandler(["stop", "unsubscribe"], on_group_stop, filters=NEW_MESSAGE & GROUPS),
        CommandHandler("privacy", on_privacy, filters=command),
        CommandHandler("export", on_export, filters=command),
        CommandHandler("delete", on_delete, filters=command),
        CommandHandler("invite", on_invite, filters=command),
        CommandHandler("unlink", on_unlink, filters=command),
        CommandHandler("thanks", on_thanks, filters=NEW_MESSAGE),
        CommandHandler("repair", on_repair, filters=NEW_MESSAGE),
        CommandHandler("pair", on_pair, filters=NEW_MESSAGE),
        CommandHandler("settings", on_group_settings, filters=NEW_MESSAGE & GROUPS),
        CommandHandler("start", on_group_start, filters=NEW_MESSAGE & GROUPS),
        CommandHandler("help", on_group_help, filters=NEW_MESSAGE & GROUPS),
        CommandHandler(["moment", "history"], on_group_moment, filters=NEW_MESSAGE & GROUPS),
        CommandHandler(
            ["invite", "unlink", "delete", "export", "privacy", "resume"],
            on_group_private_only,
            filters=NEW_MESSAGE & GROUPS,
        ),
        MessageHandler(
            GROUPS
            & (filters.StatusUpdate.NEW_CHAT_MEMBERS | filters.StatusUpdate.LEFT_CHAT_MEMBER),
            on_members,
        ),
        MessageHandler(filters.StatusUpdate.MIGRATE, on_migrated),
        MessageHandler(NEW_MESSAGE & filters.COMMAND, on_unknown_command),  # in a group too
        CallbackQueryHandler(on_button),
        MessageHandler(command & filters.TEXT, on_text),
        MessageHandler(command & ~filters.TEXT & ~filters.StatusUpdate.ALL, on_not_text),
        MessageHandler(filters.UpdateType.EDITED_MESSAGE & PRIVATE, on_edited),
        # In a group: screened, and answered only if the screen takes over.
        MessageHandler(NEW_MESSAGE & GROUPS & (filters.TEXT | filters.CAPTION), on_group_words),
        MessageHandler(filters.UpdateType.EDITED_MESSAGE & GROUPS, on_group_words),
        ChatMemberHandler(on_my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER),
    ]


def register(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    application.add_handler(flood_handler(), group=-1)  # before anything else
    application.add_handlers(handlers())
    application.add_error_handler(on_error)
