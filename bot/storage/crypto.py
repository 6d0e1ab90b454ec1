"""Encryption at rest of what people write (ENCRYPTION_KEYS).

With keys configured, every free-text column is stored as `enc1:<Fernet token>` and the flow
state's JSON as `{"enc1": <token>}`; reading decrypts transparently. cryptography's MultiFernet
encrypts with the first key and decrypts with any, so keys rotate by putting a new one first
and running `python -m bot rotate-keys`, which re-encrypts every value with it.

The cipher is process-wide (column types cannot see per-engine settings); `configure` is
called once at start by the command line, and by tests.
"""

from __future__ import annotations

import json
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from sqlalchemy import JSON, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

PREFIX = "enc1:"
JSON_KEY = "enc1"
# A person can type "enc1:" too. Plain text that starts like a stored value is kept with this
# in front (taken off on reading), so the prefix alone always means "encrypted".
ESCAPE = "enc0:"

_cipher: MultiFernet | None = None


class MissingKey(RuntimeError):
    """Encrypted data and no key to read it."""


def parse_keys(raw: str) -> list[Fernet]:
    """Comma-separated Fernet keys; raises ValueError naming what is wrong."""
    keys = [k.strip() for k in raw.split(",") if k.strip()]
    if not keys:
        raise ValueError("no keys given")
    try:
        return [Fernet(k) for k in keys]
    except (ValueError, TypeError) as error:
        raise ValueError("each key must be a Fernet key (Fernet.generate_key())") from error


def configure(keys: list[Fernet] | None) -> None:
    global _cipher
    _cipher = MultiFernet(keys) if keys else None


def enabled() -> bool:
    return _cipher is not None


def encrypt(text: str) -> str:
    assert _cipher is not None
    return PREFIX + _cipher.encrypt(text.encode()).decode()


def store_plain(text: str) -> str:
    return ESCAPE + text if text.startswith((PREFIX, ESCAPE)) else text


def decrypt(stored: str) -> str:
    if stored.startswith(ESCAPE):
        return stored[len(ESCAPE) :]
    if not stored.startswith(PREFIX):
        return stored  # written before encryption was turned on
    if _cipher is None:
        raise MissingKey("encrypted data, but ENCRYPTION_KEYS is not set")
    try:
        return _cipher.decrypt(stored[len(PREFIX) :].encode()).decode()
    except InvalidToken as error:
        raise MissingKey("ENCRYPTION_KEYS cannot decrypt the stored data") from error


def rotate(stored: str) -> str:
    """The same value, encrypted with the first key."""
    assert _cipher is not None
    if not stored.startswith(PREFIX):
        return encrypt(decrypt(stored))
    return PREFIX + _cipher.rotate(stored[len(PREFIX) :].encode()).decode()


def is_encrypted_json(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and set(value) == {JSON_KEY}
        and str(value[JSON_KEY]).startswith(PREFIX)
    )


class EncryptedText(TypeDecorator[str]):
    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return store_plain(value) if _cipher is None else encrypt(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else decrypt(str(value))


class EncryptedJSON(TypeDecorator[dict[str, Any]]):
    impl = JSON
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None or _cipher is None or is_encrypted_json(value):
            return value
        return {JSON_KEY: encrypt(json.dumps(value, ensure_ascii=False))}

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if is_encrypted_json(value):
            return json.loads(decrypt(str(value[JSON_KEY])))
        return value
