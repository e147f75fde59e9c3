"""Keyset pages: a repository fetches one row more than the page holds, to know whether another follows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import Any, TypeVar

from domain.paging import Page

T = TypeVar("T")


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
