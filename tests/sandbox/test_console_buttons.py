"""The console's numbered buttons: a number presses the newest card's, even when a message
without buttons came after it (on Telegram the card above is still there to tap)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from types import SimpleNamespace

from bot.console import CONSOLE_USER_ID, Console
from bot.sandbox.core import Sandbox


async def bot_says(sandbox: Sandbox, text: str, buttons: list[str] | None = None) -> None:
    params: dict[str, object] = {"chat_id": CONSOLE_USER_ID, "text": text}
    if buttons:
        keyboard = [[{"text": b, "callback_data": b.lower()} for b in buttons]]
        params["reply_markup"] = json.dumps({"inline_keyboard": keyboard})
    status, _ = await sandbox.call(sandbox.token, "sendMessage", params)
    assert status == 200


async def test_a_number_presses_the_card_above_a_message_without_buttons():
    sandbox = Sandbox()
    sandbox.add_user(CONSOLE_USER_ID, "You")
    out = io.StringIO()
    console = Console(sandbox, out)
    await bot_says(sandbox, "Here's a draft", ["Softer", "That works"])
    await bot_says(sandbox, "If it gets heated, take a break.")
    console.show_new()
    console.handle_line("2")
    (update,) = sandbox.pending_updates()
    assert update["callback_query"]["data"] == "that works"
    assert "That works" in out.getvalue().rsplit("If it gets heated", 1)[1]  # said which


async def test_a_number_with_no_card_at_all_is_a_message_and_says_so():
    """A card from an earlier session is not on this screen: its number goes as words, and
    the console says so (it had been silently taken for a time, "4" as 16:00)."""
    sandbox = Sandbox()
    sandbox.add_user(CONSOLE_USER_ID, "You")
    out = io.StringIO()
    console = Console(sandbox, out)
    await bot_says(sandbox, "What's their name?")
    console.show_new()
    console.handle_line("2")
    (update,) = sandbox.pending_updates()
    assert update["message"]["text"] == "2"
    assert 'sending "2" as a message' in out.getvalue()


async def test_a_file_mend_sends_is_saved_to_read_and_its_caption_shown(tmp_path: Path):
    sandbox = Sandbox()
    sandbox.add_user(CONSOLE_USER_ID, "You")
    out = io.StringIO()
    console = Console(sandbox, out, files=tmp_path / "data")
    await sandbox.call(
        sandbox.token,
        "sendDocument",
        {
            "chat_id": CONSOLE_USER_ID,
            # As the stand-in receives an upload: a name and its bytes.
            "document": SimpleNamespace(filename="../mend-export.md", content=b"# Your moments\n"),
            "caption": "Everything Mend keeps about you.",
        },
    )
    console.show_new()
    saved = tmp_path / "data" / "mend-export.md"  # its name only: never outside the folder
    assert saved.read_bytes() == b"# Your moments\n"
    assert "Everything Mend keeps about you." in out.getvalue()
    assert str(saved) in out.getvalue()
