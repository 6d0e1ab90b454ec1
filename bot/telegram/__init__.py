"""The Telegram shell: python-telegram-bot handlers that turn updates into domain events and
render the domain's replies. No business rules live here."""
