"""Mend: notice, name and repair the small moments that wear relationships down."""

import os

# Opt in to python-telegram-bot's coming behaviour: durations (RetryAfter.retry_after) as
# timedelta rather than int. Read at access time, so setting it here covers the whole bot.
os.environ.setdefault("PTB_TIMEDELTA", "1")
