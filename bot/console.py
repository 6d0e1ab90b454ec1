"""`python -m bot console`: talk to the real bot in a terminal.

The real `Application`, handlers and database, polling the in-process Telegram stand-in: the
only thing missing is Telegram. The bot's messages print as text and its buttons as numbered
choices; type a number to press one, anything else is sent as a message; /quit leaves.
"""

from __future__ import annotations

import asyncio
import getpass
import sys
import textwrap
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TextIO

from bot.config import Settings
from bot.sandbox.core import DEFAULT_TOKEN, BotAction, Sandbox
from bot.sandbox.request import SandboxRequest
from bot.telegram.poller import Poller

CONSOLE_USER_ID = 10_000_001
WIDTH = 72

ReadLine = Callable[[], Awaitable[str]]


async def _stdin_line() -> str:
    return await asyncio.to_thread(sys.stdin.readline)


class Console:
    def __init__(self, sandbox: Sandbox, out: TextIO, files: Path = Path("data")) -> None:
        self.sandbox = sandbox
        self.files = files  # where a file Mend sends (/export) is saved, to read
        self.out = out
        # The newest card's buttons: (chat, message, callback data, label).
        self.buttons: list[tuple[int, int, str, str]] = []
        self.below = False  # a message without buttons came after that card
        self.shown = 0

    def show_new(self) -> None:
        for action in self.sandbox.actions[self.shown :]:
            self._show(action)
        self.shown = len(self.sandbox.actions)

    def _show(self, action: BotAction) -> None:
        if action.method in ("sendMessage", "editMessageText") and action.text:
            label = "Mend" if action.method == "sendMessage" else "Mend (updated)"
            self._print_message(label, action.text)
            self._remember_buttons(action)
        elif action.method == "answerCallbackQuery" and action.text:
            self.out.write(f"  ({action.text})\n")
        elif action.method == "sendDocument":
            self._save_file(action)
        self.out.flush()

    def _save_file(self, action: BotAction) -> None:
        """A file Mend sent, saved where the console keeps its data, and its caption shown:
        on Telegram it would be in the chat to open."""
        name = Path(str(action.params.get("file_name") or "file")).name  # never a path
        content = action.params.get("content")
        if action.text:
            self._print_message("Mend", action.text)
        if isinstance(content, bytes):
            self.files.mkdir(parents=True, exist_ok=True)
            (self.files / name).write_bytes(content)
            self.out.write(f"  [file saved: {self.files / name}]\n")
        else:
            self.out.write(f"  [file: {name}]\n")

    def _print_message(self, label: str, text: str) -> None:
        self.out.write(f"\n{label}:\n")
        for paragraph in text.split("\n"):
            lines = textwrap.wrap(paragraph, WIDTH - 2) or [""]
            for line in lines:
                self.out.write(f"  {line}\n")

    def _remember_buttons(self, action: BotAction) -> None:
        # Numbers mean the buttons of the newest card, also under a message without any (on
        # Telegram the card above is still there to tap; a stale one is answered as expired).
        buttons = action.buttons()
        if not buttons:
            self.below = self.below or action.method == "sendMessage"
            return
        self.buttons, self.below = [], False
        for button in buttons:
            if "callback_data" in button:
                self.buttons.append(
                    (
                        action.chat_id or 0,
                        action.message_id or 0,
                        button["callback_data"],
                        button["text"],
                    )
                )
                self.out.write(f"  [{len(self.buttons)}] {button['text']}\n")
            elif "url" in button:
                self.out.write(f"  [link] {button['text']}: {button['url']}\n")

    def handle_line(self, line: str) -> bool:
        """Act on one typed line; False to quit."""
        text = line.rstrip("\n")
        if text.strip() in ("/quit", "/exit"):
            return False
        if not text.strip():
            return True
        if text.strip().isdigit() and not self.buttons:
            # A card from an earlier session is not on this screen (its number means nothing
            # here): said, so "4" is not taken for a press when it goes as words.
            self.out.write(f'  (no card on screen yet; sending "{text.strip()}" as a message)\n')
        if text.strip().isdigit() and self.buttons:
            index = int(text.strip()) - 1
            if 0 <= index < len(self.buttons):
                chat_id, message_id, data, label = self.buttons[index]
                if (chat_id, message_id) in self.sandbox.messages:
                    if self.below:
                        self.out.write(f'  (pressing "{label}" on the card above)\n')
                    self.sandbox.press(
                        CONSOLE_USER_ID, message_id, chat_id=chat_id, data=data, forge=True
                    )
                    return True
            self.out.write(f"  (there is no button {index + 1}; sending it as a message)\n")
        self.sandbox.send_text(CONSOLE_USER_ID, text)
        return True


async def run_console(
    settings: Settings,
    read_line: ReadLine = _stdin_line,
    out: TextIO = sys.stdout,
    first_name: str | None = None,
    echo: bool | None = None,
) -> None:
    """The console. `echo`: print each line read after the prompt, so a conversation piped
    in reads back as one (by default when standard input is not a terminal)."""
    if echo is None:
        echo = not sys.stdin.isatty()
    from bot.app import build_application

    sandbox = Sandbox(DEFAULT_TOKEN)
    name = first_name or (getpass.getuser() or "friend").split(".")[0].title()
    if name in ("Root", "User", ""):
        name = "Friend"
    sandbox.add_user(CONSOLE_USER_ID, name, language_code="en")
    application = build_application(
        settings,
        request=SandboxRequest(sandbox),
        updates_request=SandboxRequest(sandbox, read_timeout=30),
        token=sandbox.token,
    )
    console = Console(sandbox, out)
    out.write(
        "Mend console: a local stand-in for Telegram, no token needed.\n"
        "Type to talk, a number to press a button, /quit to leave. Try /start.\n"
    )
    out.flush()
    stop = asyncio.Event()
    async with application:
        # As `python -m bot run` does: the bot's username (for links), the command menu and
        # the recovery of prompts a previous run left mid-send.
        assert application.post_init is not None
        await application.post_init(application)
        await application.start()
        polling = asyncio.create_task(Poller(application, timeout=1).run(stop))
        try:
            while True:
                out.write("\nyou> ")
                out.flush()
                line = await read_line()
                if echo and line:
                    out.write(line if line.endswith("\n") else f"{line}\n")
                if line == "" or not console.handle_line(line):  # "" is end of input
                    break
                await _settle(sandbox)
                console.show_new()
        finally:
            await _settle(sandbox)
            console.show_new()
            stop.set()
            await polling
            await application.stop()
    assert application.post_shutdown is not None
    await application.post_shutdown(application)
    out.write("\nBye for now.\n")


async def _settle(sandbox: Sandbox, quiet: float = 0.3, limit: float = 10.0) -> None:
    """Wait until the bot has taken every update and then been quiet for `quiet` seconds, so
    its whole answer prints before the next prompt."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limit
    while loop.time() < deadline:
        answered = await sandbox.wait_for_action(_after(sandbox.last_seq()), quiet)
        if answered is None and not sandbox.pending_updates():
            return


def _after(seq: int) -> Callable[[BotAction], bool]:
    return lambda action: action.seq > seq
