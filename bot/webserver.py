"""The bot's own web server: Telegram's webhook and /healthz.

python-telegram-bot's built-in webhook server cannot serve other routes, so this is the
"custom webhook" set-up from its examples (`Application.builder().updater(None)`), on tornado,
which python-telegram-bot[webhooks] brings. Unlike the examples, an update is handled before
the answer: Telegram takes 200 as "delivered", and one merely queued would be lost to a crash
(a redelivery after a failed answer has no second effect: `processed_updates`).
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from datetime import timedelta
from typing import Any

import tornado.httpserver
import tornado.web
from sqlalchemy import text

from bot.telegram.concurrency import handle_now
from bot.telegram.poller import parse_update
from bot.telegram.services import services_of

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class _Webhook(tornado.web.RequestHandler):
    def initialize(self, bot_app: Any, secret: str) -> None:
        self.application_ = bot_app
        self.secret = secret

    async def post(self) -> None:
        given = self.request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.secret.encode()):
            log.warning(
                "webhook call without the right secret token from %s", self.request.remote_ip
            )
            self.set_status(403)
            self.finish()
            return
        try:
            data = json.loads(self.request.body)
        except ValueError:  # not Telegram's
            self.set_status(400)
            self.finish()
            return
        # An update the library cannot read is answered 200 all the same: anything else, and
        # Telegram sends it again and again. It is skipped, logged by its id alone.
        update = parse_update(data, self.application_.bot)
        if update is not None:
            await handle_now(self.application_, update)
        self.set_status(200)
        self.finish()


class _Health(tornado.web.RequestHandler):
    def initialize(self, bot_app: Any) -> None:
        self.application_ = bot_app

    async def get(self) -> None:
        report = await health(self.application_)
        self.set_status(200 if report["ok"] else 503)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(report))


async def health(application: Any) -> dict[str, Any]:
    """The database answers, and the tick ran recently (three intervals, at most)."""
    svc = services_of(application)
    report: dict[str, Any] = {"ok": True}
    try:
        async with asyncio.timeout(3):
            async with svc.db.unit_of_work() as session:
                await session.execute(text("SELECT 1"))
        report["database"] = "ok"
    except Exception as error:  # any failure means not healthy; say which kind
        report.update(ok=False, database=type(error).__name__)
    dispatcher = svc.dispatcher
    last = dispatcher.last_tick_at if dispatcher else None
    allowed = timedelta(seconds=3 * svc.settings.tick_seconds + 10)
    if last is None:
        started = svc.extras.get("started_at")
        report["tick"] = "not yet"
        if started is None or svc.clock() - started > allowed:
            report["ok"] = False
    else:
        age = (svc.clock() - last).total_seconds()
        report["tick_age_seconds"] = round(age, 1)
        if age > allowed.total_seconds():
            report["ok"] = False
    return report


def make_app(
    application: Any, webhook_path: str | None, secret: str | None
) -> tornado.web.Application:
    routes: list[Any] = [(r"/healthz", _Health, {"bot_app": application})]
    if webhook_path is not None and secret is not None:
        routes.append((webhook_path, _Webhook, {"bot_app": application, "secret": secret}))
    return tornado.web.Application(routes, log_function=lambda handler: None)


def serve(
    application: Any, address: str, port: int, webhook_path: str | None, secret: str | None
) -> tornado.httpserver.HTTPServer:
    server = tornado.httpserver.HTTPServer(make_app(application, webhook_path, secret))
    server.listen(port, address)
    return server
