"""The functional core stays pure: bot/domain imports neither telegram nor sqlalchemy."""

from __future__ import annotations

import ast
from pathlib import Path

import bot

FORBIDDEN = ("telegram", "sqlalchemy", "bot.telegram", "bot.storage", "bot.sandbox")
DOMAIN = Path(bot.__file__).parent / "domain"


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_domain_imports_no_telegram_and_no_storage():
    files = sorted(DOMAIN.rglob("*.py"))
    assert files
    offenders = {
        f"{path.name}: {name}"
        for path in files
        for name in imported_modules(path)
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)
    }
    assert offenders == set()
