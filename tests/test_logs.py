from __future__ import annotations

import io
import json
import logging

from bot.logs import configure_logging, redact

TOKEN = "987654321:AAHk3-ZzTestTokenValue_abcdefghijklmn"


def test_token_shapes_are_redacted_anywhere():
    line = f"POST https://api.telegram.org/bot{TOKEN}/getUpdates and {TOKEN} again"
    assert TOKEN not in redact(line)
    assert "getUpdates" in redact(line)


def test_records_and_tracebacks_are_redacted_in_json_lines():
    stream = io.StringIO()
    handler = configure_logging("DEBUG", "json", secrets=(TOKEN,), stream=stream)
    try:
        log = logging.getLogger("mend.test")
        log.debug("calling %s", f"/bot{TOKEN}/getMe")
        try:
            raise RuntimeError(f"failed at https://x/bot{TOKEN}/sendMessage")
        except RuntimeError:
            log.exception("send failed")
    finally:
        logging.getLogger().removeHandler(handler)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [entry["level"] for entry in lines] == ["DEBUG", "ERROR"]
    assert "RuntimeError" in lines[1]["exc"]
    assert TOKEN not in stream.getvalue() and "AAHk3" not in stream.getvalue()
