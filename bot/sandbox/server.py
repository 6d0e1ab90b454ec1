"""The HTTP transport: the core served as `/bot<token>/<method>`, plus a control API.

The bot reaches it exactly as it reaches Telegram (set `TELEGRAM_API_BASE_URL` to
`http://127.0.0.1:<port>/bot`). The control API (`/sandbox/...`, JSON in and out) is what a
person does in a Telegram client, and a way to read what the bot sent:

    POST /sandbox/users     {"id", "first_name", "username"?, "language_code"?}
    POST /sandbox/send      {"user_id", "text", "chat_id"?, "reply_to"?}  -> update
    POST /sandbox/media     {"user_id", "kind", "chat_id"?}               -> update
    POST /sandbox/edit      {"user_id", "message_id", "text", "chat_id"?} -> update
    POST /sandbox/press     {"user_id", "message_id", "data"?|"label"?, "chat_id"?, "forge"?}
    POST /sandbox/groups    {"title", "members", "by"}                    -> {"chat_id"}
    POST /sandbox/block     {"user_id"}        POST /sandbox/unblock {"user_id"}
    POST /sandbox/migrate   {"chat_id"}                                   -> {"chat_id"}
    POST /sandbox/faults    {"kind", "method"?, "chat_id"?, "times"?, "retry_after"?, "delay"?}
    DELETE /sandbox/faults
    GET  /sandbox/actions?since=&chat_id=
    GET  /sandbox/wait?since=&chat_id=&method=&timeout=   the first matching action, long-poll
    GET  /sandbox/card?chat_id=                           the newest bot message with buttons
    GET  /sandbox/state                                   pending updates, counts
"""

from __future__ import annotations

import asyncio
import json
import threading
from typing import Any

import tornado.httpserver
import tornado.netutil
import tornado.web

from bot.sandbox.core import BotAction, Fault, Sandbox, SandboxTimeout
from bot.sandbox.request import _Upload


class _ApiHandler(tornado.web.RequestHandler):
    def initialize(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox

    def _params(self) -> dict[str, Any]:
        params: dict[str, Any] = {k: self.get_argument(k) for k in self.request.query_arguments}
        content_type = self.request.headers.get("Content-Type", "")
        if content_type.startswith("application/json") and self.request.body:
            params.update(json.loads(self.request.body))
        else:
            for key in self.request.body_arguments:
                params[key] = self.get_body_argument(key)
            for key, files in self.request.files.items():
                upload = _Upload(files[0]["filename"], files[0]["body"])
                for name, value in list(params.items()):
                    if value == f"attach://{key}":
                        params[name] = upload
                params.setdefault(key, upload)
        return params

    async def _handle(self, token: str, method: str) -> None:
        try:
            status, body = await self.sandbox.call(token, method, self._params())
        except SandboxTimeout as exc:
            await asyncio.sleep(exc.delay)
            status, body = 504, {"ok": False, "error_code": 504, "description": "Gateway Timeout"}
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(body))

    async def get(self, token: str, method: str) -> None:
        await self._handle(token, method)

    async def post(self, token: str, method: str) -> None:
        await self._handle(token, method)


class _ControlHandler(tornado.web.RequestHandler):
    def initialize(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox

    def _reply(self, payload: Any, status: int = 200) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(payload))

    def _actions(self, since: int, chat_id: int | None, method: str | None) -> list[BotAction]:
        return [
            a
            for a in self.sandbox.actions
            if a.seq > since
            and (chat_id is None or a.chat_id == chat_id)
            and (method is None or a.method == method)
        ]

    async def get(self, what: str) -> None:
        since = int(self.get_argument("since", "0"))
        chat = self.get_argument("chat_id", None)
        chat_id = int(chat) if chat else None
        method = self.get_argument("method", None)
        if what == "actions":
            self._reply([a.as_json() for a in self._actions(since, chat_id, method)])
        elif what == "wait":
            timeout = float(self.get_argument("timeout", "10"))
            action = await self.sandbox.wait_for_action(
                lambda a: (
                    a.seq > since
                    and (chat_id is None or a.chat_id == chat_id)
                    and (method is None or a.method == method)
                ),
                timeout,
            )
            self._reply(action.as_json() if action else None, 200 if action else 408)
        elif what == "card":
            card = self.sandbox.last_card(int(chat or 0))
            self._reply(card, 200 if card else 404)
        elif what == "state":
            self._reply(
                {
                    "pending_updates": len(self.sandbox.pending_updates()),
                    "last_seq": self.sandbox.last_seq(),
                    "calls": dict(self.sandbox.calls),
                }
            )
        else:
            self._reply({"error": f"unknown {what}"}, 404)

    def post(self, what: str) -> None:
        body = json.loads(self.request.body or b"{}")
        s = self.sandbox
        try:
            result: Any
            if what == "users":
                result = s.add_user(
                    int(body["id"]),
                    body["first_name"],
                    username=body.get("username"),
                    language_code=body.get("language_code", "en"),
                )
            elif what == "send":
                result = s.send_text(
                    int(body["user_id"]),
                    body["text"],
                    chat_id=body.get("chat_id"),
                    reply_to=body.get("reply_to"),
                )
            elif what == "media":
                result = s.send_media(
                    int(body["user_id"]), body["kind"], chat_id=body.get("chat_id")
                )
            elif what == "edit":
                result = s.edit_text(
                    int(body["user_id"]),
                    int(body["message_id"]),
                    body["text"],
                    chat_id=body.get("chat_id"),
                )
            elif what == "press":
                result = s.press(
                    int(body["user_id"]),
                    int(body["message_id"]),
                    chat_id=body.get("chat_id"),
                    data=body.get("data"),
                    label=body.get("label"),
                    forge=bool(body.get("forge")),
                )
            elif what == "groups":
                result = {
                    "chat_id": s.create_group(body["title"], body["members"], by=int(body["by"]))
                }
            elif what == "block":
                s.block(int(body["user_id"]))
                result = {"ok": True}
            elif what == "unblock":
                s.unblock(int(body["user_id"]))
                result = {"ok": True}
            elif what == "migrate":
                result = {"chat_id": s.migrate_group(int(body["chat_id"]))}
            elif what == "faults":
                s.faults.append(Fault(**body))
                result = {"ok": True}
            else:
                self._reply({"error": f"unknown {what}"}, 404)
                return
        except (KeyError, ValueError, TypeError) as exc:
            self._reply({"error": str(exc)}, 400)
            return
        self._reply(result)

    def delete(self, what: str) -> None:
        if what == "faults":
            self.sandbox.faults.clear()
            self._reply({"ok": True})
        else:
            self._reply({"error": f"unknown {what}"}, 404)


def _quiet(handler: tornado.web.RequestHandler) -> None:
    """No access log: request paths carry the bot token."""


def make_app(sandbox: Sandbox) -> tornado.web.Application:
    return tornado.web.Application(
        log_function=_quiet,
        handlers=[
            (r"/bot([^/]+)/(\w+)", _ApiHandler, {"sandbox": sandbox}),
            (r"/sandbox/(\w+)", _ControlHandler, {"sandbox": sandbox}),
        ],
    )


class SandboxServer:
    """The HTTP stand-in on its own thread and event loop, on 127.0.0.1."""

    def __init__(self, sandbox: Sandbox | None = None, port: int = 0) -> None:
        self.sandbox = sandbox
        self.port = port
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ready = threading.Event()
        self._stop: asyncio.Event | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_base_url(self) -> str:
        return f"{self.url}/bot"

    def start(self) -> SandboxServer:
        self._thread = threading.Thread(target=self._run, name="sandbox-http", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("the sandbox HTTP server did not start")
        return self

    def _run(self) -> None:
        asyncio.run(self._serve())

    async def _serve(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        if self.sandbox is None:
            self.sandbox = Sandbox()
        sockets = tornado.netutil.bind_sockets(self.port, "127.0.0.1")
        self.port = sockets[0].getsockname()[1]
        server = tornado.httpserver.HTTPServer(make_app(self.sandbox))
        server.add_sockets(sockets)
        self._ready.set()
        await self._stop.wait()
        server.stop()
        await server.close_all_connections()

    def stop(self) -> None:
        if self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        if self._thread is not None:
            self._thread.join(10)

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


async def serve_forever(port: int, sandbox: Sandbox) -> None:
    """`python -m bot sandbox`: serve in the foreground until interrupted."""
    sockets = tornado.netutil.bind_sockets(port, "127.0.0.1")
    server = tornado.httpserver.HTTPServer(make_app(sandbox))
    server.add_sockets(sockets)
    await asyncio.Event().wait()
