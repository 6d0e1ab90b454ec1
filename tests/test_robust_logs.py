"""python-telegram-bot logs a whole batch of updates (what people wrote) at CRITICAL when it
cannot parse one of them: that record never reaches Mend's log; its other records do."""

from __future__ import annotations

import io
import logging

import pytest

from bot.logs import configure_logging

PRIVATE = "he never listens to me"


@pytest.mark.parametrize("logger", ["telegram.Bot", "telegram.ext.ExtBot"])
def test_the_dump_of_an_unparseable_batch_is_withheld(logger: str) -> None:
    stream = io.StringIO()
    handler = configure_logging("INFO", "text", stream=stream)
    try:
        batch = [{"update_id": 7, "message": {"text": PRIVATE}}]
        try:
            raise TypeError("`persistent_id` is a required argument")
        except TypeError as error:
            logging.getLogger(logger).critical(
                "Error while parsing updates! Received data was %r", batch, exc_info=error
            )
        logging.getLogger(logger).critical("Network is unreachable")
    finally:
        logging.getLogger().removeHandler(handler)
    assert PRIVATE not in stream.getvalue()
    assert "Network is unreachable" in stream.getvalue()
