"""Case-insensitive substring matching that treats the caller's text literally (no LIKE wildcards)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import BindParameter, ColumnElement

ESCAPE = "\\"


def contains(column: Any, text: str | BindParameter[str]) -> ColumnElement[bool]:
    """`column` contains `text`, ignoring case; `%` and `_` in `text` match themselves. A bind parameter
    stands for the pattern `like_pattern` makes of the text."""
    pattern = like_pattern(text) if isinstance(text, str) else text
    return column.ilike(pattern, escape=ESCAPE)  # type: ignore[no-any-return]


def like_pattern(text: str) -> str:
    """The LIKE pattern of `text` anywhere in a value, its wildcards escaped."""
    escaped = text.replace(ESCAPE, ESCAPE * 2).replace("%", ESCAPE + "%").replace("_", ESCAPE + "_")
    return f"%{escaped}%"
