"""Prompts the bot sends on its own: planning rows, the rate limiter, and the tick that sends
what is due."""
