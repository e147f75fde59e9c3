"""Keyset pages: a repository returns items plus the key to continue after, never an offset."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


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
