"""The functional core: flows, rules and words, with no Telegram and no database."""
