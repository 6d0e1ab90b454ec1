"""The words Mend says, loaded from data files per language.

`bot/content/<language>/*.toml` hold the messages; each file's tables become dotted keys
(`[onboarding] ask_name = "..."` is `onboarding.ask_name`). English is complete and is the
fallback for any key another language lacks. Language-neutral data (city names for time zones)
lives beside the language folders.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

CONTENT_DIR = Path(__file__).parent
DEFAULT_LANGUAGE = "en"


def _flatten(table: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in table.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, Mapping):
            yield from _flatten(value, f"{dotted}.")
        else:
            yield dotted, value


def _load_folder(folder: Path) -> dict[str, Any]:
    entries: dict[str, Any] = {}
    for path in sorted(folder.glob("*.toml")):
        with path.open("rb") as handle:
            for key, value in _flatten(tomllib.load(handle)):
                if key in entries:
                    raise ValueError(f"{path.name}: key {key!r} is defined twice")
                entries[key] = value
    return entries


class Catalogue:
    """Messages and structured content for one language, English underneath."""

    def __init__(self, language: str, entries: Mapping[str, Any], fallback: Catalogue | None):
        self.language = language
        self._entries = dict(entries)
        self._fallback = fallback
        self._children: dict[str, list[str]] = {}

    def raw(self, key: str) -> Any:
        if key in self._entries:
            return self._entries[key]
        if self._fallback is not None:
            return self._fallback.raw(key)
        raise KeyError(f"no content for {key!r}")

    def has(self, key: str) -> bool:
        try:
            self.raw(key)
        except KeyError:
            return False
        return True

    def text(self, key: str, **params: object) -> str:
        """The message at `key`, with `{placeholders}` filled in from `params`."""
        value = self.raw(key)
        if not isinstance(value, str):
            raise TypeError(f"content {key!r} is not a message")
        return value.format(**params) if params else value

    def children(self, prefix: str) -> list[str]:
        """The names directly under `prefix`, in file order (`children("patterns")` lists the
        pattern keys)."""
        if prefix not in self._children:
            self._children[prefix] = self._find_children(prefix)
        return list(self._children[prefix])

    def _find_children(self, prefix: str) -> list[str]:
        names: list[str] = []
        head = f"{prefix}."
        sources = [self._entries]
        if self._fallback is not None:
            sources.append(self._fallback._entries)
        for entries in sources:
            for key in entries:
                if key.startswith(head):
                    name = key[len(head) :].split(".", 1)[0]
                    if name not in names:
                        names.append(name)
        return names

    def all_keys(self) -> list[str]:
        own = set(self._entries)
        if self._fallback is not None:
            own |= set(self._fallback.all_keys())
        return sorted(own)


def available_languages() -> list[str]:
    return sorted(
        p.name for p in CONTENT_DIR.iterdir() if p.is_dir() and not p.name.startswith("_")
    )


@cache
def catalogue(language: str | None = None) -> Catalogue:
    """The catalogue for an IETF language code such as `en` or `de-AT`; English if we have
    nothing closer."""
    code = (language or DEFAULT_LANGUAGE).split("-")[0].lower()
    if code == DEFAULT_LANGUAGE:
        return _english()
    if code not in available_languages():
        return _english()
    return Catalogue(code, _load_folder(CONTENT_DIR / code), _english())


@cache
def _english() -> Catalogue:
    return Catalogue(DEFAULT_LANGUAGE, _load_folder(CONTENT_DIR / DEFAULT_LANGUAGE), None)


@cache
def shared_data(name: str) -> Mapping[str, Any]:
    """A language-neutral data file, such as `cities`."""
    with (CONTENT_DIR / f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)
