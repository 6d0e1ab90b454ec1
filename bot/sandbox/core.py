"""An in-memory Telegram: people, chats, messages, updates and the Bot API methods Mend uses.

One core, two transports (`request.py` in-process, `server.py` over HTTP). It answers like
Telegram, errors included (`chat not found`, `message is too long`, `BUTTON_DATA_INVALID`,
403 when blocked, 400 with `migrate_to_chat_id`), and can be told to act out failures
(`Fault`): 429 with `retry_after`, 403, 5xx, a slow answer, a timeout. It can also enforce
Telegram's flood limits and records when every message went out, so tests can check rates.

All of it runs on one asyncio loop; the control methods (`send_text`, `press`...) are what a
person does in a Telegram client.
"""

from __future__ import annotations

import asyncio
import html.parser
import itertools
import json
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from bot.sandbox import objects
from bot.sandbox.objects import JSON

MAX_TEXT = 4096
MAX_CALLBACK_DATA = 64
MAX_TOAST = 200  # answerCallbackQuery's text; a longer one is refused, and nothing is shown
DEFAULT_TOKEN = "123456789:SANDBOX-token-for-local-use-only"
# The account Telegram names as the sender of a message an anonymous group admin posts.
ANONYMOUS_ADMIN: JSON = {
    "id": 1087968824,
    "is_bot": True,
    "first_name": "Group",
    "username": "GroupAnonymousBot",
}


class ApiError(Exception):
    """An error answer from the Bot API."""

    def __init__(self, code: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters

    def body(self) -> JSON:
        body: JSON = {"ok": False, "error_code": self.code, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


class SandboxTimeout(Exception):
    """The request takes longer than any client waits: the transport turns this into a
    timeout. Nothing was done."""

    def __init__(self, delay: float) -> None:
        super().__init__(f"timed out after {delay}s")
        self.delay = delay


def bad_request(description: str, parameters: JSON | None = None) -> ApiError:
    return ApiError(400, f"Bad Request: {description}", parameters)


@dataclass
class Fault:
    """A failure to act out on the next matching call(s).

    kind: `retry_after` (429), `blocked` (403), `migrated` (400 with `migrate_to_chat_id`:
    `new_chat_id`), `server_error` (500), `bad_gateway` (502), `slow` (answers correctly after
    `delay` seconds), `hold` (answers correctly once a test sets `gate`) or `timeout` (never
    answers in time).
    """

    kind: str
    method: str | None = None  # None: any method
    chat_id: int | None = None  # None: any chat
    times: int = 1
    retry_after: int = 1
    delay: float = 0.0
    new_chat_id: int = 0
    gate: asyncio.Event | None = None

    def matches(self, method: str, chat_id: Any) -> bool:
        if self.times <= 0:
            return False
        if self.method is not None and self.method != method:
            return False
        return self.chat_id is None or str(self.chat_id) == str(chat_id)


@dataclass
class FloodLimits:
    """Telegram's published limits. Telegram tolerates short bursts in a private chat (a reply
    of two messages), so up to `private_burst` messages pass within one second there."""

    overall_per_second: int = 30
    private_burst: int = 3
    per_group_per_minute: int = 20
    retry_after: int = 1


@dataclass
class BotAction:
    """Something the bot did, for tests and the console to read."""

    seq: int
    at: float
    method: str
    chat_id: int | None
    message_id: int | None = None
    text: str | None = None
    reply_markup: JSON | None = None
    params: JSON = field(default_factory=dict)

    def buttons(self) -> list[JSON]:
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [button for row in rows for button in row]

    def as_json(self) -> JSON:
        return {
            "seq": self.seq,
            "at": self.at,
            "method": self.method,
            "chat_id": self.chat_id,
            "message_id": self.message_id,
            "text": self.text,
            "reply_markup": self.reply_markup,
        }


_Waiter = tuple[tuple[str, ...], "asyncio.Future[BotAction]"]


@dataclass
class Chat:
    obj: JSON
    members: set[int] = field(default_factory=set)
    bot_member: bool = True
    migrated_to: int | None = None

    @property
    def id(self) -> int:
        return int(self.obj["id"])

    @property
    def type(self) -> str:
        return str(self.obj["type"])


class _HtmlStripper(html.parser.HTMLParser):
    ALLOWED = frozenset(
        [
            "b",
            "strong",
            "i",
            "em",
            "u",
            "ins",
            "s",
            "strike",
            "del",
            "code",
            "pre",
            "a",
            "tg-spoiler",
            "span",
            "blockquote",
            "tg-emoji",
        ]
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.ALLOWED:
            raise bad_request(f'can\'t parse entities: Unsupported start tag "{tag}"')
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            raise bad_request(f'can\'t parse entities: Unmatched end tag "{tag}"')

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _plain_text(text: str, parse_mode: str | None) -> str:
    if (parse_mode or "").upper() != "HTML":
        return text
    stripper = _HtmlStripper()
    stripper.feed(text)
    stripper.close()
    if stripper.stack:
        raise bad_request(f"can't parse entities: Can't find end tag for \"{stripper.stack[-1]}\"")
    return "".join(stripper.parts)


class Params:
    """Request parameters as they arrive: Python values in-process, strings (nested objects as
    JSON) from a form, or a JSON body."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw

    def get(self, name: str, default: Any = None) -> Any:
        return self.raw.get(name, default)

    def text(self, name: str, default: str | None = None) -> str | None:
        value = self.raw.get(name)
        return default if value is None else str(value)

    def int(self, name: str, default: int | None = None) -> int | None:
        value = self.raw.get(name)
        if value is None or value == "":
            return default
        try:
            return int(value)
        except (TypeError, ValueError) as exc:
            raise bad_request(f"invalid {name} specified") from exc

    def bool(self, name: str) -> bool:
        value = self.raw.get(name)
        return value in (True, "true", "True", "1", 1)

    def json(self, name: str) -> Any:
        value = self.raw.get(name)
        if isinstance(value, str):
            try:
                return json.loads(value)
            except json.JSONDecodeError as exc:
                raise bad_request(f"can't parse {name} JSON object") from exc
        return value


class Sandbox:
    """The in-memory Telegram."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        bot_username: str = "MendSandboxBot",
        bot_name: str = "Mend",
        clock: Callable[[], float] = time.time,
        limits: FloodLimits | None = None,
        first_update_id: int | None = None,
        privacy_mode: bool = False,
    ) -> None:
        self.token = token
        # Telegram's group privacy mode: in groups the bot sees only commands, replies to its
        # own messages, and service messages (members joining or leaving); not other text.
        self.privacy_mode = privacy_mode
        self.bot = objects.bot_user(int(token.split(":")[0]), bot_name, bot_username)
        self.clock = clock
        self.limits = limits
        self.users: dict[int, JSON] = {}
        self.chats: dict[int, Chat] = {}
        self.blocked_by: set[int] = set()  # people who blocked the bot
        self.messages: dict[tuple[int, int], JSON] = {}
        self.callback_queries: dict[str, JSON] = {}
        self.answered_callbacks: dict[str, JSON] = {}
        self.commands: list[JSON] = []
        self.webhook_url = ""
        self.actions: list[BotAction] = []
        self.faults: list[Fault] = []
        self.calls: defaultdict[str, int] = defaultdict(int)
        self.flood_refusals = 0  # 429s from the flood limits (not injected faults)
        self._updates: deque[JSON] = deque()
        # Real update ids only grow. Starting from the clock keeps ids unique across stand-in
        # restarts, so a bot that remembers handled ids (it does) never mistakes a new one.
        self._update_ids = itertools.count(first_update_id or time.time_ns() // 1000)
        self._message_ids: defaultdict[int, itertools.count[int]] = defaultdict(
            lambda: itertools.count(1)
        )
        self._newest_message: dict[int, int] = {}  # chat id -> its newest message id
        self._callback_ids = itertools.count(4_200_000_001)
        self._group_ids = itertools.count(4_000_000_001)
        self._seq = itertools.count(1)
        self._new_update = asyncio.Event()
        self._new_action = asyncio.Event()
        self._chat_waiters: defaultdict[int | None, list[_Waiter]] = defaultdict(list)
        self._sent_at: deque[float] = deque()
        self._sent_at_chat: defaultdict[int, deque[float]] = defaultdict(deque)

    # ------------------------------------------------------------------ people and chats

    def add_user(
        self,
        user_id: int,
        first_name: str,
        *,
        username: str | None = None,
        last_name: str | None = None,
        language_code: str | None = "en",
    ) -> JSON:
        person = objects.user(
            user_id,
            first_name,
            username=username,
            last_name=last_name,
            language_code=language_code,
        )
        self.users[user_id] = person
        self.chats.setdefault(user_id, Chat(objects.private_chat(person), {user_id}))
        return person

    def _user(self, user_id: int) -> JSON:
        if user_id not in self.users:
            raise KeyError(f"no user {user_id}: add_user first")
        return self.users[user_id]

    def create_group(self, title: str, member_ids: Iterable[int], *, by: int) -> int:
        """A new group with these people; the bot is added by `by`. Returns the chat id."""
        chat_id = -next(self._group_ids)
        chat = Chat(objects.group_chat(chat_id, title), set(member_ids) | {by}, bot_member=False)
        self.chats[chat_id] = chat
        self.add_bot_to_group(chat_id, by=by)
        return chat_id

    def add_bot_to_group(self, chat_id: int, *, by: int) -> None:
        chat = self.chats[chat_id]
        chat.bot_member = True
        self._push(
            "my_chat_member",
            self._member_update(chat, by, old="left", new="member"),
        )
        msg = self._new_message(chat, self._user(by), new_chat_members=[self._bot_plain()])
        self._push("message", msg)

    def remove_bot_from_group(self, chat_id: int, *, by: int) -> None:
        chat = self.chats[chat_id]
        chat.bot_member = False
        self._push("my_chat_member", self._member_update(chat, by, old="member", new="left"))

    def join_group(self, chat_id: int, user_id: int) -> None:
        chat = self.chats[chat_id]
        chat.members.add(user_id)
        person = self._user(user_id)
        self._push("message", self._new_message(chat, person, new_chat_members=[person]))

    def leave_group(self, chat_id: int, user_id: int) -> None:
        chat = self.chats[chat_id]
        chat.members.discard(user_id)
        person = self._user(user_id)
        self._push("message", self._new_message(chat, person, left_chat_member=person))

    def migrate_group(self, chat_id: int) -> int:
        """The group becomes a supergroup with a new id, as Telegram does. Returns it."""
        old = self.chats[chat_id]
        new_id = -(10**12) - abs(chat_id)
        new = Chat(
            objects.group_chat(new_id, old.obj["title"], supergroup=True),
            set(old.members),
            bot_member=old.bot_member,
        )
        self.chats[new_id] = new
        old.migrated_to = new_id
        someone = self._user(next(iter(old.members)))
        self._push("message", self._new_message(old, someone, migrate_to_chat_id=new_id))
        self._push("message", self._new_message(new, someone, migrate_from_chat_id=chat_id))
        return new_id

    def block(self, user_id: int) -> None:
        self.blocked_by.add(user_id)
        chat = self.chats[user_id]
        self._push("my_chat_member", self._member_update(chat, user_id, "member", "kicked"))

    def unblock(self, user_id: int) -> None:
        self.blocked_by.discard(user_id)
        chat = self.chats[user_id]
        self._push("my_chat_member", self._member_update(chat, user_id, "kicked", "member"))

    def create_channel(self, title: str, *, by: int | None = None) -> int:
        """A new channel; with `by`, that person makes the bot one of its administrators."""
        chat_id = -next(self._group_ids) - 10**12
        chat = Chat({"id": chat_id, "type": "channel", "title": title})
        self.chats[chat_id] = chat
        if by is not None:
            chat.bot_member = True
            self._push(
                "my_chat_member", self._member_update(chat, by, old="left", new="administrator")
            )
        return chat_id

    # ------------------------------------------------------------------ what people do

    def send_text(
        self,
        user_id: int,
        text: str,
        *,
        chat_id: int | None = None,
        reply_to: int | None = None,
        forwarded_from: str | None = None,
        anonymous: bool = False,
    ) -> JSON:
        """A person sends `text` (in their private chat unless `chat_id`), or forwards it from
        someone who hides their account (`forwarded_from`, their name), or, an admin who stays
        anonymous, sends it as the group (`anonymous`: Telegram then names GroupAnonymousBot
        as the sender, and the group as `sender_chat`). Returns the update."""
        chat = self._chat_for(user_id, chat_id)
        extra: JSON = {"text": text}
        if anonymous:
            extra["sender_chat"] = chat.obj
        if forwarded_from is not None:
            extra["forward_origin"] = self._hidden_origin(forwarded_from)
        entities = objects.command_entities(text)
        if entities:
            extra["entities"] = entities
        if reply_to is not None:
            extra["reply_to_message"] = self.messages[(chat.id, reply_to)]
        sender = ANONYMOUS_ADMIN if anonymous else self._user(user_id)
        message = self._new_message(chat, sender, **extra)
        replying_to_bot = reply_to is not None and (
            extra["reply_to_message"].get("from", {}).get("id") == self.bot["id"]
        )
        if self.privacy_mode and chat.type != "private" and not entities and not replying_to_bot:
            return {"update_id": None, "message": message}  # the bot never sees it
        return self._push("message", message)

    def send_media(
        self,
        user_id: int,
        kind: str,
        *,
        chat_id: int | None = None,
        caption: str | None = None,
        album: str | None = None,
        forwarded_from: str | None = None,
    ) -> JSON:
        """A photo, voice note... with an optional caption (a command in it is marked as in a
        text), one of an album's items if `album` (its media_group_id) is given, forwarded
        from someone who hides their account if `forwarded_from` (their name)."""
        chat = self._chat_for(user_id, chat_id)
        fields = objects.media(kind) | ({"caption": caption} if caption else {})
        if forwarded_from is not None:
            fields["forward_origin"] = self._hidden_origin(forwarded_from)
        if caption and (entities := objects.command_entities(caption)):
            fields["caption_entities"] = entities
        if album is not None:
            fields["media_group_id"] = album
        msg = self._new_message(chat, self._user(user_id), **fields)
        return self._push("message", msg)

    def edit_text(
        self, user_id: int, message_id: int, text: str, *, chat_id: int | None = None
    ) -> JSON:
        chat = self._chat_for(user_id, chat_id)
        original = self.messages[(chat.id, message_id)]
        if original.get("from", {}).get("id") != user_id:
            raise ValueError("people can edit only their own messages")
        edited = {**original, "text": text, "edit_date": int(self.clock())}
        entities = objects.command_entities(text)
        edited.pop("entities", None)
        if entities:
            edited["entities"] = entities
        self.messages[(chat.id, message_id)] = edited
        return self._push("edited_message", edited)

    def press(
        self,
        user_id: int,
        message_id: int,
        *,
        chat_id: int | None = None,
        data: str | None = None,
        label: str | None = None,
        forge: bool = False,
    ) -> JSON:
        """A person presses a button (by its callback data or label) on a bot message.

        `forge=True` sends `data` whether or not such a button exists, as a modified client
        could."""
        chat = self._chat_for(user_id, chat_id)
        message = self.messages.get((chat.id, message_id))
        if message is None:
            raise KeyError(f"no message {message_id} in chat {chat.id}")
        if not forge:
            buttons = [
                b for row in message.get("reply_markup", {}).get("inline_keyboard", []) for b in row
            ]
            match = [
                b
                for b in buttons
                if (label is None or b["text"] == label)
                and (data is None or b.get("callback_data") == data)
            ]
            if not match or "callback_data" not in match[0]:
                raise ValueError(f"no such button on message {message_id}: {label or data!r}")
            data = match[0]["callback_data"]
        query_id = str(next(self._callback_ids))
        query: JSON = {
            "id": query_id,
            "from": self._user(user_id),
            "message": message,
            "chat_instance": str(abs(chat.id) * 7919 % 10**12),
            "data": data,
        }
        self.callback_queries[query_id] = query
        return self._push("callback_query", query)

    def channel_post(self, chat_id: int, text: str) -> JSON:
        chat = self.chats[chat_id]
        msg: JSON = {
            "message_id": self._next_message_id(chat.id),
            "sender_chat": chat.obj,
            "chat": chat.obj,
            "date": int(self.clock()),
            "text": text,
        }
        self.messages[(chat.id, msg["message_id"])] = msg
        return self._push("channel_post", msg)

    def _next_message_id(self, chat_id: int) -> int:
        message_id = next(self._message_ids[chat_id])
        self._newest_message[chat_id] = message_id
        return message_id

    def _chat_for(self, user_id: int, chat_id: int | None) -> Chat:
        self._user(user_id)
        chat = self.chats[user_id if chat_id is None else chat_id]
        if chat.type != "private" and user_id not in chat.members:
            raise ValueError(f"user {user_id} is not in chat {chat.id}")
        return chat

    def _bot_plain(self) -> JSON:
        return objects.user(
            self.bot["id"], self.bot["first_name"], is_bot=True, username=self.bot["username"]
        )

    def _hidden_origin(self, name: str) -> JSON:
        """Where a forwarded message came from, as Telegram says it for someone who hides
        their account: their name alone."""
        return {"type": "hidden_user", "sender_user_name": name, "date": int(self.clock()) - 60}

    def _new_message(self, chat: Chat, sender: JSON, **fields: Any) -> JSON:
        msg: JSON = {
            "message_id": self._next_message_id(chat.id),
            "from": sender,
            "chat": chat.obj,
            "date": int(self.clock()),
            **fields,
        }
        self.messages[(chat.id, msg["message_id"])] = msg
        return msg

    def _member_update(self, chat: Chat, by: int, old: str, new: str) -> JSON:
        bot = self._bot_plain()
        return {
            "chat": chat.obj,
            "from": self._user(by),
            "date": int(self.clock()),
            "old_chat_member": objects.member(bot, old),
            "new_chat_member": objects.member(bot, new),
        }

    # ------------------------------------------------------------------ the update queue

    def _push(self, kind: str, payload: JSON) -> JSON:
        update = {"update_id": next(self._update_ids), kind: payload}
        self._updates.append(update)
        self._new_update.set()
        return update

    def take_update(self, update_id: int) -> JSON:
        """Remove one update from the queue (an in-process test feeds it to the bot itself)."""
        for update in self._updates:
            if update["update_id"] == update_id:
                self._updates.remove(update)
                return update
        raise KeyError(update_id)

    def pending_updates(self) -> list[JSON]:
        return list(self._updates)

    async def _get_updates(self, offset: int | None, limit: int, timeout: float) -> list[JSON]:
        if offset:
            while self._updates and self._updates[0]["update_id"] < offset:
                self._updates.popleft()  # confirmed: never returned again
        deadline = time.monotonic() + max(0.0, timeout)
        while not self._updates:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return []
            self._new_update.clear()
            try:
                await asyncio.wait_for(self._new_update.wait(), remaining)
            except TimeoutError:
                return []
        return list(itertools.islice(self._updates, max(1, min(limit, 100))))

    # ------------------------------------------------------------------ what the bot sent

    def _record(self, method: str, chat_id: int | None, **fields: Any) -> BotAction:
        action = BotAction(next(self._seq), self.clock(), method, chat_id, **fields)
        self.actions.append(action)
        self._new_action.set()
        waiters = self._chat_waiters.get(chat_id)
        if waiters:
            still = []
            for methods, waiter in waiters:
                if waiter.done():
                    continue
                if method in methods:
                    waiter.set_result(action)
                else:
                    still.append((methods, waiter))
            self._chat_waiters[chat_id] = still
        return action

    async def next_in_chat(
        self, chat_id: int, methods: tuple[str, ...], timeout: float
    ) -> BotAction | None:
        """The next action in `chat_id` whose method is one of `methods` (cheap to wait on for
        many chats at once: only that chat's actions wake the waiter)."""
        waiter: asyncio.Future[BotAction] = asyncio.get_running_loop().create_future()
        self._chat_waiters[chat_id].append((methods, waiter))
        try:
            return await asyncio.wait_for(waiter, timeout)
        except TimeoutError:
            return None

    def sent(self, chat_id: int | None = None, since: int = 0) -> list[BotAction]:
        """Messages the bot sent (sendMessage/sendDocument), optionally in one chat, after
        action number `since`."""
        return [
            a
            for a in self.actions
            if a.seq > since
            and a.method in ("sendMessage", "sendDocument")
            and (chat_id is None or a.chat_id == chat_id)
        ]

    def last_seq(self) -> int:
        return self.actions[-1].seq if self.actions else 0

    def last_card(self, chat_id: int) -> JSON | None:
        """The newest message the bot sent in `chat_id` that still has buttons."""
        # Newest first, within this chat only: a simulated person looking for their card must
        # not cost more as other chats grow (the flow benchmark does this for every press).
        for message_id in range(self._newest_message.get(chat_id, 0), 0, -1):
            message = self.messages.get((chat_id, message_id))
            if (
                message is not None
                and message.get("reply_markup")
                and message.get("from", {}).get("id") == self.bot["id"]
            ):
                return message
        return None

    def message(self, chat_id: int, message_id: int) -> JSON:
        return self.messages[(chat_id, message_id)]

    async def wait_for_action(
        self, predicate: Callable[[BotAction], bool], timeout: float
    ) -> BotAction | None:
        deadline = time.monotonic() + timeout
        checked = 0
        while True:
            for action in self.actions[checked:]:
                if predicate(action):
                    return action
            checked = len(self.actions)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            self._new_action.clear()
            try:
                await asyncio.wait_for(self._new_action.wait(), remaining)
            except TimeoutError:
                return None

    # ------------------------------------------------------------------ the Bot API

    async def call(self, token: str, method: str, raw: dict[str, Any]) -> tuple[int, JSON]:
        """Handle one Bot API request; returns (HTTP status, JSON body) as Telegram would."""
        if token != self.token:
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        params = Params(raw)
        self.calls[method] += 1
        handler = getattr(self, f"_api_{method.lower()}", None)
        if handler is None:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        try:
            await self._act_out_faults(method, params.get("chat_id"))
            result = await handler(params)
        except ApiError as error:
            return error.code, error.body()
        return 200, {"ok": True, "result": result}

    async def _act_out_faults(self, method: str, chat_id: Any) -> None:
        for fault in self.faults:
            if not fault.matches(method, chat_id):
                continue
            fault.times -= 1
            if fault.kind == "slow":
                await asyncio.sleep(fault.delay)
                return
            if fault.kind == "hold":
                assert fault.gate is not None, "a hold fault needs a gate"
                await fault.gate.wait()
                return
            if fault.kind == "timeout":
                raise SandboxTimeout(fault.delay or 60.0)
            if fault.kind == "retry_after":
                raise ApiError(
                    429,
                    f"Too Many Requests: retry after {fault.retry_after}",
                    {"retry_after": fault.retry_after},
                )
            if fault.kind == "blocked":
                raise ApiError(403, "Forbidden: bot was blocked by the user")
            if fault.kind == "migrated":
                raise bad_request(
                    "group chat was upgraded to a supergroup chat",
                    {"migrate_to_chat_id": fault.new_chat_id},
                )
            if fault.kind == "server_error":
                raise ApiError(500, "Internal Server Error")
            if fault.kind == "bad_gateway":
                raise ApiError(502, "Bad Gateway")
            raise ValueError(f"unknown fault kind {fault.kind!r}")

    def _target(self, params: Params, *, for_send: bool) -> Chat:
        raw = params.get("chat_id")
        if raw is None or raw == "":
            raise bad_request("chat_id is empty")
        try:
            chat_id = int(raw)
        except (TypeError, ValueError) as exc:
            raise bad_request("chat not found") from exc
        chat = self.chats.get(chat_id)
        if chat is None:
            raise bad_request("chat not found")
        if chat.migrated_to is not None:
            raise bad_request(
                "group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": chat.migrated_to},
            )
        if chat.type == "private":
            if chat.id in self.blocked_by:
                raise ApiError(403, "Forbidden: bot was blocked by the user")
        elif not chat.bot_member:
            raise ApiError(403, f"Forbidden: bot is not a member of the {chat.type} chat")
        if for_send and self.limits is not None:
            self._check_flood(chat)
        return chat

    def _check_flood(self, chat: Chat) -> None:
        limits = self.limits
        assert limits is not None
        now = self.clock()
        overall = self._sent_at
        while overall and overall[0] <= now - 1:
            overall.popleft()
        window = 60.0 if chat.type != "private" else 1.0
        per_chat = self._sent_at_chat[chat.id]
        while per_chat and per_chat[0] <= now - window:
            per_chat.popleft()
        chat_limit = limits.per_group_per_minute if chat.type != "private" else limits.private_burst
        if len(overall) >= limits.overall_per_second or len(per_chat) >= chat_limit:
            self.flood_refusals += 1
            raise ApiError(
                429,
                f"Too Many Requests: retry after {limits.retry_after}",
                {"retry_after": limits.retry_after},
            )
        overall.append(now)
        per_chat.append(now)

    def _markup(self, params: Params) -> JSON | None:
        markup = params.json("reply_markup")
        if not markup or "inline_keyboard" not in markup:
            return None  # Telegram echoes only inline keyboards back
        for row in markup["inline_keyboard"]:
            for button in row:
                if not button.get("text"):
                    raise bad_request("text buttons are unallowed in the inline keyboard")
                data = button.get("callback_data")
                if data is not None and not 1 <= len(str(data).encode()) <= MAX_CALLBACK_DATA:
                    raise bad_request("BUTTON_DATA_INVALID")
                if data is None and not button.get("url"):
                    raise bad_request('can\'t find field "callback_data"')
        return markup  # type: ignore[no-any-return]

    def _text(self, params: Params, name: str = "text") -> str:
        raw = params.text(name) or ""
        text = _plain_text(raw, params.text("parse_mode"))
        if not text.strip():
            raise bad_request("message text is empty")
        if objects.utf16_len(text) > MAX_TEXT:
            raise bad_request("message is too long")
        return text

    async def _api_getme(self, params: Params) -> JSON:
        return self.bot

    async def _api_getupdates(self, params: Params) -> list[JSON]:
        if self.webhook_url:
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active")
        return await self._get_updates(
            params.int("offset"),
            params.int("limit", 100) or 100,
            float(params.int("timeout", 0) or 0),
        )

    async def _api_deletewebhook(self, params: Params) -> bool:
        self.webhook_url = ""
        if params.bool("drop_pending_updates"):
            self._updates.clear()
        return True

    async def _api_setwebhook(self, params: Params) -> bool:
        self.webhook_url = params.text("url") or ""
        self._record(
            "setWebhook",
            None,
            params={"url": self.webhook_url, "secret_token": params.text("secret_token")},
        )
        return True

    async def _api_getwebhookinfo(self, params: Params) -> JSON:
        return {
            "url": self.webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }

    async def _api_setmycommands(self, params: Params) -> bool:
        commands = params.json("commands") or []
        for command in commands:
            if not str(command.get("command", "")).islower() or not command.get("description"):
                raise bad_request("BOT_COMMAND_INVALID")
        self.commands = commands
        self._record("setMyCommands", None, params={"commands": commands})
        return True

    async def _api_getmycommands(self, params: Params) -> list[JSON]:
        return self.commands

    async def _api_deletemycommands(self, params: Params) -> bool:
        self.commands = []
        return True

    async def _api_sendmessage(self, params: Params) -> JSON:
        chat = self._target(params, for_send=False)
        text = self._text(params)
        markup = self._markup(params)
        if self.limits is not None:
            self._check_flood(chat)
        fields: JSON = {"text": text}
        if markup:
            fields["reply_markup"] = markup
        msg = self._new_message(chat, self._bot_plain(), **fields)
        self._record(
            "sendMessage",
            chat.id,
            message_id=msg["message_id"],
            text=text,
            reply_markup=markup,
            params=dict(params.raw),
        )
        return msg

    async def _api_senddocument(self, params: Params) -> JSON:
        chat = self._target(params, for_send=True)
        document = params.get("document")
        name = getattr(document, "filename", None) or "file"
        content = getattr(document, "content", b"")
        fid, uid = objects._file_ids("document")
        fields: JSON = {
            "document": {
                "file_id": fid,
                "file_unique_id": uid,
                "file_name": name,
                "file_size": len(content),
            }
        }
        caption = params.text("caption")
        if caption:
            fields["caption"] = caption
        msg = self._new_message(chat, self._bot_plain(), **fields)
        self._record(
            "sendDocument",
            chat.id,
            message_id=msg["message_id"],
            text=caption,
            params={"file_name": name, "content": content},
        )
        return msg

    def _own_message(self, params: Params) -> tuple[Chat, JSON]:
        chat = self._target(params, for_send=False)
        message_id = params.int("message_id")
        msg = self.messages.get((chat.id, message_id or 0))
        if msg is None:
            raise bad_request("message to edit not found")
        if msg.get("from", {}).get("id") != self.bot["id"]:
            raise bad_request("message can't be edited")
        return chat, msg

    async def _api_editmessagetext(self, params: Params) -> JSON:
        chat, msg = self._own_message(params)
        text = self._text(params)
        markup = self._markup(params)
        if text == msg.get("text") and markup == msg.get("reply_markup"):
            raise bad_request(
                "message is not modified: specified new message content and reply markup are "
                "exactly the same as a current content and reply markup of the message"
            )
        edited = {**msg, "text": text, "edit_date": int(self.clock())}
        edited.pop("reply_markup", None)
        if markup:
            edited["reply_markup"] = markup
        self.messages[(chat.id, msg["message_id"])] = edited
        self._record(
            "editMessageText",
            chat.id,
            message_id=msg["message_id"],
            text=text,
            reply_markup=markup,
            params=dict(params.raw),
        )
        return edited

    async def _api_editmessagereplymarkup(self, params: Params) -> JSON:
        chat, msg = self._own_message(params)
        markup = self._markup(params)
        if markup == msg.get("reply_markup"):
            raise bad_request(
                "message is not modified: specified new message content and reply markup are "
                "exactly the same as a current content and reply markup of the message"
            )
        edited = {**msg, "edit_date": int(self.clock())}
        edited.pop("reply_markup", None)
        if markup:
            edited["reply_markup"] = markup
        self.messages[(chat.id, msg["message_id"])] = edited
        self._record(
            "editMessageReplyMarkup", chat.id, message_id=msg["message_id"], reply_markup=markup
        )
        return edited

    async def _api_deletemessage(self, params: Params) -> bool:
        chat = self._target(params, for_send=False)
        message_id = params.int("message_id") or 0
        if self.messages.pop((chat.id, message_id), None) is None:
            raise bad_request("message to delete not found")
        self._record("deleteMessage", chat.id, message_id=message_id)
        return True

    async def _api_answercallbackquery(self, params: Params) -> bool:
        query_id = params.text("callback_query_id") or ""
        if query_id not in self.callback_queries or query_id in self.answered_callbacks:
            raise bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        toast = params.text("text")
        if toast and objects.utf16_len(toast) > MAX_TOAST:
            raise bad_request("MESSAGE_TOO_LONG")
        self.answered_callbacks[query_id] = {
            "text": params.text("text"),
            "show_alert": params.bool("show_alert"),
        }
        chat_id = self.callback_queries[query_id]["message"]["chat"]["id"]
        self._record(
            "answerCallbackQuery",
            chat_id,
            text=params.text("text"),
            params={"callback_query_id": query_id},
        )
        return True

    async def _api_sendchataction(self, params: Params) -> bool:
        self._target(params, for_send=False)
        return True

    async def _api_getchat(self, params: Params) -> JSON:
        chat = self._target(params, for_send=False)
        return {
            **chat.obj,
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
            },
        }

    async def _api_getchatmember(self, params: Params) -> JSON:
        chat = self._target(params, for_send=False)
        user_id = params.int("user_id") or 0
        if user_id == self.bot["id"]:
            return objects.member(self._bot_plain(), "member" if chat.bot_member else "left")
        if user_id not in self.users:
            raise bad_request("user not found")
        status = "member" if user_id in chat.members else "left"
        return objects.member(self.users[user_id], status)

    async def _api_getchatmembercount(self, params: Params) -> int:
        chat = self._target(params, for_send=False)
        return len(chat.members) + (1 if chat.bot_member else 0)

    async def _api_leavechat(self, params: Params) -> bool:
        chat = self._target(params, for_send=False)
        chat.bot_member = False
        return True

    async def _api_close(self, params: Params) -> bool:
        return True

    async def _api_logout(self, params: Params) -> bool:
        return True
