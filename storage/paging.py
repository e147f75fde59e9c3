"""Keyset pages: a repository fetches one row more than the page holds, to know whether another follows."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, Table, func, select
from sqlalchemy.orm import InstrumentedAttribute

from domain.paging import Page, PageRequest
from storage.execution import Sql

T = TypeVar("T")


def newest_first(
    stmt: Select[Any],
    position_column: ColumnElement[Any] | InstrumentedAttribute[Any],
    page: PageRequest,
    *,
    parse_position: Callable[[str], object] = uuid.UUID,
) -> Select[Any]:
    """`stmt` newest first from the page's position on, one row over the page size. By default the
    position is the id: UUIDv7 ids are in creation order, so the id is both the order and the position."""
    if page.after:
        stmt = stmt.where(position_column < parse_position(page.after))
    return stmt.order_by(position_column.desc()).limit(page.size + 1)


async def newest_first_page(
    sql: Sql,
    source: Table,
    *,
    filtered: Callable[[Select[Any]], Select[Any]],
    page: PageRequest,
    convert: Callable[[Any], T],
    rows: Select[Any] | None = None,
    mappings: bool = True,
) -> Page[T]:
    """The page of `source`'s rows that pass `filtered`, newest first by id, with the total that pass it.
    `convert` receives the rows of `source` (or of `rows`, when the page reads more than `source`'s
    columns): mappings of their columns, or rows with the columns as attributes."""
    total = await sql.scalar(filtered(select(func.count()).select_from(source)))
    stmt = newest_first(filtered(select(source) if rows is None else rows), source.c.id, page)
    result = await sql.execute(stmt)
    fetched = result.mappings().all() if mappings else result.all()
    return keyset_page(fetched, size=page.size, total=total, convert=convert)


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
    return page_of(
        [convert(row) for row in rows[:size]], more=len(rows) > size, total=total, position=position
    )


def page_of(
    items: list[T], *, more: bool, total: int | None, position: Callable[[T], object] = attrgetter("id")
) -> Page[T]:
    """A page of `items`, to be continued after the position of the last when `more` rows follow."""
    positions = [str(position(item)) for item in items]
    next_after = positions[-1] if more and positions else None
    return Page(items=items, next_after=next_after, total_size=int(total or 0), positions=positions)
