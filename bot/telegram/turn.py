"""One update, one unit of work: the `Turn`.

Every handler runs inside `@turn_handler`, which opens a transaction, records the update id
(a redelivered update stops there and has no second effect), keeps the person's row in step,
runs the handler (unless the words after a command were a worry for the safety screen to
answer instead), commits, and only then sends what the handler queued. Commit-then-send means a
crash can lose a reply but never an answer, and never applies an answer twice.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.exc import StaleDataError
from telegram import Bot, InlineKeyboardMarkup, InputFile, Update
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError, TimedOut
from telegram.ext import ContextTypes

from bot.content import Catalogue, catalogue
from bot.domain.flow import Context, Partner, Person
from bot.domain.replies import Button, Reply, rows
from bot.scheduling.store import prefs_of, reschedule_evening
from bot.storage import repositories as repo
from bot.storage.models import User
from bot.telegram.render import MAX_TOAST, Card, fit, render_markup, render_text
from bot.telegram.services import Services, services

log = logging.getLogger(__name__)


@dataclass
class Outgoing:
    method: str  # send, edit, answer, clear_keyboard
    chat_id: int | None = None
    text: str | None = None
    markup: InlineKeyboardMarkup | None = None
    parse_mode: str | None = None
    message_id: int | None = None
    query_id: str | None = None
    alert: bool = False
    document: bytes | None = None
    filename: str | None = None
    # Sent to the author instead, should Telegram refuse this (someone else's chat) outright.
    if_refused: Outgoing | None = None
    # Sent instead of `if_refused` when the send timed out: it may have arrived after all.
    if_unsure: Outgoing | None = None
    # Left out if something with `if_refused` was refused before it (a "Sent to Ben." card).
    only_if_delivered: bool = False
    # Sent (to other private chats) as well as `if_refused`, should this fail for any reason:
    # a round's post in the group tells each partner, with their own words only.
    also_if_failed: tuple[Outgoing, ...] = ()
    # Sent instead of `also_if_failed` when the send timed out (with `if_unsure`).
    also_if_unsure: tuple[Outgoing, ...] = ()
    # Arrives without a sound: it goes to someone else in their quiet hours.
    silent: bool = False


@dataclass
class Turn:
    session: AsyncSession
    services: Services
    update: Update
    user: User
    chat_id: int
    # The person's flow state row in this chat as this turn knows it (loaded with the person,
    # then kept up to date by every write); an empty tuple means "not known, ask the database".
    prefetched: tuple[repo.StateRow | None, ...] = ()
    outbox: list[Outgoing] = field(default_factory=list)
    first_contact: bool = False  # the person's row was made by this very update
    # Whether a couple's group holds just the two of them, by group chat, as Telegram said
    # this turn (couples.just_the_two): asked once a turn, however many steps ask; a turn run
    # again (after a race) is a new Turn, and asks again.
    group_checked: dict[int, bool | None] = field(default_factory=dict)
    now: datetime = field(init=False)

    def __post_init__(self) -> None:
        self.now = self.services.clock()

    @property
    def content(self) -> Catalogue:
        return catalogue(self.user.language_code)

    def person(self) -> Person:
        u = self.user
        return Person(u.id, u.first_name, u.preferred_name, u.timezone, u.language_code)

    def context(self, partner: Partner | None = None) -> Context:
        return Context(self.person(), self.now, self.content, prefs_of(self.user), partner)

    @property
    def in_private(self) -> bool:
        """This is the person's one-to-one chat with Mend (its id is theirs), not a group."""
        return self.chat_id == self.user.id

    @property
    def in_group(self) -> bool:
        return not self.in_private

    @property
    def as_the_group(self) -> bool:
        """Sent as the group itself (an admin who stays anonymous), not by a person."""
        message = self.update.effective_message
        return message is not None and message.sender_chat is not None

    def private_link(self, payload: str = "hi") -> str:
        """A link that opens the private chat with Mend and sends it `/start payload`."""
        return f"https://t.me/{self.services.bot_username}?start={payload}"

    @property
    def pressed_message_id(self) -> int | None:
        query = self.update.callback_query
        if query is not None and query.message is not None:
            return query.message.message_id
        return None

    def edits(self, message_id: int) -> bool:
        """Whether this turn edits the text of message `message_id` in this chat."""
        return any(
            o.method == "edit" and o.message_id == message_id and o.chat_id == self.chat_id
            for o in self.outbox
        )

    def say(
        self,
        reply: Reply,
        card: Card | None = None,
        chat_id: int | None = None,
        if_refused: Reply | None = None,
        also_if_failed: Sequence[tuple[int, Reply]] = (),
        silent: bool = False,
        if_unsure: Reply | None = None,
        also_if_unsure: Sequence[tuple[int, Reply]] = (),
    ) -> None:
        """Queue `reply` for this chat or `chat_id`; `if_refused` goes to this chat instead if
        Telegram refuses the message to the other chat (a partner who blocked the bot), and
        each of `also_if_failed` to its own (private) chat too; `if_unsure` and
        `also_if_unsure` instead if the send timed out (it may have arrived). A `silent`
        message arrives without a notification sound."""
        text, parse_mode = render_text(reply)
        markup = render_markup(reply, card)
        target = self.chat_id if chat_id is None else chat_id
        # The pressed card is edited once: a second edit would wipe what the first said (a
        # "thank you" before the next question), so later replies arrive as new messages.
        already_edited = any(o.method == "edit" for o in self.outbox)
        if (
            reply.edit
            and self.pressed_message_id is not None
            and target == self.chat_id
            and not already_edited
        ):
            self.outbox.append(
                Outgoing(
                    "edit",
                    target,
                    text,
                    markup,
                    parse_mode,
                    message_id=self.pressed_message_id,
                    only_if_delivered=reply.only_if_delivered,
                )
            )
            return
        fallback = unsure = None
        if if_refused is not None:
            said, said_as = render_text(if_refused)
            fallback = Outgoing("send", self.chat_id, said, parse_mode=said_as)
        if if_unsure is not None:
            said, said_as = render_text(if_unsure)
            unsure = Outgoing("send", self.chat_id, said, parse_mode=said_as)
        told = [_send_to(other_chat, other_reply) for other_chat, other_reply in also_if_failed]
        unsure_told = [_send_to(chat, other_reply) for chat, other_reply in also_if_unsure]
        self.outbox.append(
            Outgoing(
                "send",
                target,
                text,
                markup,
                parse_mode,
                if_refused=fallback,
                if_unsure=unsure,
                only_if_delivered=reply.only_if_delivered,
                also_if_failed=tuple(told),
                also_if_unsure=tuple(unsure_told),
                silent=silent,
            )
        )

    def text(self, key: str, **params: object) -> None:
        self.say(Reply(self.content.text(key, **params)))

    def toast(self, text: str, alert: bool = False) -> None:
        query = self.update.callback_query
        if query is not None:
            self.outbox.insert(0, Outgoing("answer", text=text, query_id=query.id, alert=alert))

    def notice(self, text: str) -> None:
        """A short word about a card: a toast for a press of it, a message for words typed
        at it (they have no toast to show it)."""
        if self.update.callback_query is not None:
            self.toast(text)
        else:
            self.say(Reply(text))

    def clear_keyboard(self, message_id: int) -> None:
        self.outbox.append(Outgoing("clear_keyboard", self.chat_id, message_id=message_id))


def _send_to(chat_id: int, reply: Reply) -> Outgoing:
    text, parse_mode = render_text(reply)
    return Outgoing("send", chat_id, text, parse_mode=parse_mode)


def to_private(
    turn: Turn, text: str, payload: str = "hi", label: str = "start.open_private"
) -> Reply:
    """`text`, with a button under it that opens the private chat with Mend."""
    link = turn.private_link(payload)
    return Reply(text, rows(Button(turn.content.text(label), url=link)))


TurnCallback = Callable[[Turn], Awaitable[None]]
HandlerCallback = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


def turn_handler(fn: TurnCallback) -> HandlerCallback:
    """Wrap a handler body in the unit of work (see the module docstring)."""

    @functools.wraps(fn)
    async def callback(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        svc = services(context)
        sender = update.effective_user
        chat = update.effective_chat
        if sender is None or chat is None:
            return
        _without_nul(update)
        turn: Turn | None = None
        for attempt in range(3):
            try:
                async with svc.db.unit_of_work() as session:
                    now = svc.clock()
                    if not await repo.mark_processed(session, update.update_id, now):
                        log.info("update %s was handled before; skipped", update.update_id)
                        return
                    known, state = await repo.user_and_state(session, sender.id, chat.id)
                    was_blocked = known is not None and known.blocked_at is not None
                    private = chat.id == sender.id  # what `Turn.in_private` will say
                    user = await repo.upsert_user(
                        session,
                        sender.id,
                        sender.first_name,
                        sender.language_code,
                        now,
                        known,
                        private=private,
                    )
                    if private and user.started_at is None:
                        user.started_at = now  # the bot may message them from now on
                    if was_blocked and user.blocked_at is None:
                        # They came back: their evening reflection comes back too.
                        await reschedule_evening(session, user, now)
                    turn = Turn(
                        session,
                        svc,
                        update,
                        user,
                        chat.id,
                        prefetched=(state,),
                        first_contact=known is None,
                    )
                    await _set_aside_if_left(turn)
                    if not await _command_words_screened(turn):
                        await fn(turn)
                    query = update.callback_query
                    if query is not None and not any(o.method == "answer" for o in turn.outbox):
                        # Always answer a press, or the client shows a spinner on the button.
                        turn.outbox.insert(0, Outgoing("answer", query_id=query.id))
                break
            except StaleDataError:
                # Another writer changed this person's flow between our read and write: run
                # the whole turn again on the fresh state.
                if attempt == 2:
                    raise
                log.info("update %s raced another writer; retrying", update.update_id)
        if turn is not None:
            await deliver(context.bot, turn.outbox, svc)

    return callback


# Where people's own words (and names) arrive in an update.
_WORDS = (
    ("effective_message", ("text", "caption")),
    ("effective_user", ("first_name", "last_name")),
    ("effective_chat", ("title",)),
)


def _without_nul(update: Update) -> None:
    """Take U+0000 out of what people wrote, before any handler reads it: PostgreSQL's text
    columns refuse it ("invalid byte sequence for encoding UTF8: 0x00"), so a story with one
    would be lost to an error. A client rarely sends it; nobody means it."""
    for part, names in _WORDS:
        found = getattr(update, part, None)
        if found is None:
            continue
        for name in names:
            value = getattr(found, name, None)
            if isinstance(value, str) and "\x00" in value:
                with found._unfrozen():  # python-telegram-bot's objects are frozen once made
                    setattr(found, name, value.replace("\x00", ""))


async def _set_aside_if_left(turn: Turn) -> None:
    """A moment left in the middle long ago is set aside before anything reads this update
    (flow_runner.set_aside_if_left)."""
    from bot.telegram.flow_runner import set_aside_if_left  # that module builds on this one

    await set_aside_if_left(turn)


async def _command_words_screened(turn: Turn) -> bool:
    """Words typed after a command ("/moment he hit me") reach the safety screen before the
    command acts, and danger or a worry is answered in its place. Done here, in the one
    handler run an update gets: a second handler would find the update already processed."""
    message = turn.update.message
    if message is None or not (message.text or "").startswith("/"):
        return False
    from bot.telegram.safety import screened_command  # that module builds on this one

    return await screened_command(turn)


async def deliver(bot: Bot, outbox: list[Outgoing], svc: Services) -> None:
    """Send what a turn queued, after its commit. Telegram's refusals are handled here:
    a blocked person is marked so, an edit that cannot be made is sent as a new message.

    A message with `if_refused` that fails for any reason (refused, a bad request, a server
    error twice, a timeout) is not delivered as far as its author knows, when `if_refused`
    goes to a private chat (the partner's words handed back to their author): they get it,
    once, and whatever was to say it arrived (`only_if_delivered`) is left out. A stand-in
    meant for a group (help that could not reach the person privately) goes there only when
    they refused us outright, as before: a passing failure never moves a private message into
    a group. Its `also_if_failed` (private chats only) go then too. A send that timed out may
    have arrived: its `if_unsure`, if it has one, says so instead. A failure of anything else
    (a message to the person themself) is only logged."""
    blocked_chats: set[int] = set()
    undelivered = False  # something meant for someone else did not go
    for item in outbox:
        if item.chat_id in blocked_chats:
            continue
        if item.only_if_delivered and undelivered:
            if item.method == "edit" and item.message_id is not None:  # its buttons still go
                item = Outgoing("clear_keyboard", item.chat_id, message_id=item.message_id)
            else:
                continue
        failed = await _failure(bot, item, svc, blocked_chats)
        unsure = failed == UNSURE and item.if_unsure is not None
        for also in (item.also_if_unsure if unsure else item.also_if_failed) if failed else ():
            if also.chat_id not in blocked_chats and also.chat_id is not None and also.chat_id > 0:
                await _hand_back(bot, also)  # private chats only, as a private stand-in is
        stand_in = item.if_unsure if unsure else item.if_refused
        if failed is None or stand_in is None or stand_in.chat_id is None:
            continue
        if failed == REFUSED or stand_in.chat_id > 0:
            undelivered = True
            if stand_in.chat_id not in blocked_chats:
                await _hand_back(bot, stand_in)


# How a message did not go: refused outright (403: blocked, or removed from the group), or
# failed otherwise (a bad request, a server error twice), or, for a new message that timed
# out, not known to have gone (it may have arrived: it is not sent again).
REFUSED, FAILED, UNSURE = "refused", "failed", "unsure"


async def _failure(bot: Bot, item: Outgoing, svc: Services, blocked_chats: set[int]) -> str | None:
    """Send `item` (once more after a passing network error); None if it went, else how it
    did not (REFUSED or FAILED)."""
    try:
        await _send_once_more_on_network_error(bot, item)
    except Forbidden:
        if item.chat_id is not None:
            blocked_chats.add(item.chat_id)
            if item.chat_id > 0:  # a private chat's id is its person's: they blocked us
                await mark_blocked(svc, item.chat_id)
        log.info("chat %s refused our message (blocked or removed)", item.chat_id)
        return REFUSED
    except BadRequest as error:
        message = str(error).lower()
        if "not modified" in message or "query is too old" in message:
            return None  # it says what it said already (or the press was long ago)
        if item.method == "edit":
            # The card was deleted or is too old to edit: say it as a new message.
            again = Outgoing("send", item.chat_id, item.text, item.markup, item.parse_mode)
            return None if await _hand_back(bot, again) else FAILED
        log.warning("Telegram refused %s to chat %s: %s", item.method, item.chat_id, error)
        return FAILED
    except TimedOut as error:
        log.warning("%s to chat %s timed out", item.method, item.chat_id)
        return UNSURE if item.method == "send" and _may_have_gone(error) else FAILED
    except TelegramError as error:
        log.warning("could not %s to chat %s: %s", item.method, item.chat_id, error)
        return FAILED
    return None


async def _hand_back(bot: Bot, item: Outgoing) -> bool:
    """Send what stands in for something that could not be sent as it was (a message, not an
    edit, so never tried twice on a timeout); a failure of it too is only logged."""
    try:
        await _send_once_more_on_network_error(bot, item)
    except TelegramError as error:
        log.warning("could not %s to chat %s either: %s", item.method, item.chat_id, error)
        return False
    return True


async def _send_once_more_on_network_error(bot: Bot, item: Outgoing) -> None:
    """A reply lost to a passing network error is tried once more: otherwise the person is
    left looking at an old card. A new message that timed out may have arrived, so it is not
    repeated; an edit or an answer can safely be. Telegram's refusals are not network errors,
    though python-telegram-bot's BadRequest subclasses NetworkError: asked again, Telegram
    would only refuse again ("message is not modified"), half a second later."""
    try:
        await _send_one(bot, item)
    except NetworkError as error:
        if isinstance(error, BadRequest) or (item.method == "send" and _may_have_gone(error)):
            raise
        await asyncio.sleep(0.5)
        await _send_one(bot, item)


def _may_have_gone(error: NetworkError) -> bool:
    """Whether a request that failed so may have reached Telegram all the same: a timeout
    after it was sent. One that never left (no connection free in the pool, or none made in
    time: python-telegram-bot raises TimedOut from httpx's PoolTimeout or ConnectTimeout)
    did not."""
    if not isinstance(error, TimedOut):
        return False
    return not isinstance(error.__cause__, httpx.PoolTimeout | httpx.ConnectTimeout)


async def _send_one(bot: Bot, item: Outgoing) -> None:
    if item.method == "send":
        assert item.chat_id is not None and item.text is not None
        await bot.send_message(
            item.chat_id,
            item.text,
            parse_mode=item.parse_mode,
            reply_markup=item.markup,
            disable_notification=True if item.silent else None,
        )
    elif item.method == "edit":
        assert item.text is not None
        await bot.edit_message_text(
            item.text,
            chat_id=item.chat_id,
            message_id=item.message_id,
            parse_mode=item.parse_mode,
            reply_markup=item.markup,
        )
    elif item.method == "answer":
        assert item.query_id is not None
        await bot.answer_callback_query(
            item.query_id,
            text=fit(item.text, MAX_TOAST) if item.text else None,
            show_alert=item.alert,
        )
    elif item.method == "document":
        assert item.chat_id is not None and item.document is not None
        await bot.send_document(
            item.chat_id, InputFile(item.document, filename=item.filename), caption=item.text
        )
    elif item.method == "clear_keyboard":
        await bot.edit_message_reply_markup(
            chat_id=item.chat_id, message_id=item.message_id, reply_markup=None
        )


async def mark_blocked(svc: Services, user_id: int) -> None:
    async with svc.db.unit_of_work() as session:
        user = await session.get(User, user_id)
        if user is not None and user.blocked_at is None:
            user.blocked_at = svc.clock()
