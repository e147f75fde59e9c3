"""In-memory stand-ins for the ports every area shares: the unit of work's transaction and its events.

Each area's fake unit of work subclasses `FakeUnitOfWork` and adds its fake repositories; the repositories
keep their rows in plain dicts owned by the test, so that a rolled-back unit of work can be told apart from a
committed one only through `committed` and `events` (as with the real outbox, events exist only when the
change that caused them is committed).
"""

from __future__ import annotations

from types import TracebackType
from typing import Self

from domain.events import DomainEvent


class FakeUnitOfWork:
    def __init__(self) -> None:
        self.events: list[DomainEvent] = []  # committed events, in order
        self.commits = 0
        self._pending: list[DomainEvent] = []

    @property
    def committed(self) -> bool:
        return self.commits > 0

    async def __aenter__(self) -> Self:
        self._pending = []
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._pending = []

    def emit(self, event: DomainEvent) -> None:
        self._pending.append(event)

    async def commit(self) -> None:
        self.events.extend(self._pending)
        self._pending = []
        self.commits += 1

    def factory(self, *, read_only: bool = False) -> Self:
        """What the use cases take as their unit-of-work factory: this one fake, every time."""
        return self
