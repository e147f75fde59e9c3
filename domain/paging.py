"""Keyset pages: a repository returns items plus the key to continue after, never an offset."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")
U = TypeVar("U")


@dataclass(frozen=True, slots=True)
class PageRequest:
    """`size` items after the keyset position `after` (None: from the start)."""

    size: int
    after: str | None = None


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: Sequence[T]
    next_after: str | None
    total_size: int
    # The keyset position after each item, so a response may stop early and continue after item i.
    positions: Sequence[str] = ()

    def with_items(self, items: Sequence[U]) -> Page[U]:
        """The same page (its positions, its continuation, its total) holding `items`, one for each of its
        own: its rows assembled into what they stand for."""
        return Page(items, self.next_after, self.total_size, positions=self.positions)
