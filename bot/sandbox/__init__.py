"""A local stand-in for Telegram's Bot API, in-process and over HTTP."""
