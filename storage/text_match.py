"""Case-insensitive substring matching that treats the caller's text literally (no LIKE wildcards)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement

ESCAPE = "\\"


def contains(column: Any, text: str) -> ColumnElement[bool]:
    """`column` contains `text`, ignoring case; `%` and `_` in `text` match themselves."""
    escaped = text.replace(ESCAPE, ESCAPE * 2).replace("%", ESCAPE + "%").replace("_", ESCAPE + "_")
    return column.ilike(f"%{escaped}%", escape=ESCAPE)  # type: ignore[no-any-return]
