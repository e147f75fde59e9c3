"""Keyset pages: a repository fetches one row more than the page holds, to know whether another follows."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select

from domain.paging import Page, PageRequest

T = TypeVar("T")


def newest_first(stmt: Select[Any], id_column: ColumnElement[uuid.UUID], page: PageRequest) -> Select[Any]:
    """`stmt` newest first from the page's position on, one row over the page size. UUIDv7 ids are in
    creation order, so the id is both the order and the position."""
    if page.after:
        stmt = stmt.where(id_column < uuid.UUID(page.after))
    return stmt.order_by(id_column.desc()).limit(page.size + 1)


def keyset_page(
    rows: Sequence[Any],
    *,
    size: int,
    total: int | None,
    convert: Callable[[Any], T],
    position: Callable[[T], object] = attrgetter("id"),
) -> Page[T]:
    """The first `size` of `rows` (fetched with LIMIT size + 1) and the position to continue after
    (by default the id: UUIDv7 ids are in creation order)."""
    items = [convert(row) for row in rows[:size]]
    next_after = str(position(items[-1])) if len(rows) > size else None
    return Page(items=items, next_after=next_after, total_size=int(total or 0))
