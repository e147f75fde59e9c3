"""In-memory stand-ins for the ports every area shares: the unit of work's transaction and its events.

Each area's fake unit of work subclasses `FakeUnitOfWork` and adds its fake repositories; the repositories
keep their rows in plain dicts owned by the test, so that a rolled-back unit of work can be told apart from a
committed one only through `committed` and `events` (as with the real outbox, events exist only when the
change that caused them is committed).
"""

from __future__ import annotations

import copy
from types import TracebackType
from typing import Any, Self

from domain.events import DomainEvent


class FakeRequestLog:
    """The fingerprints of create requests by (tenant, scope, request_id)."""

    def __init__(self) -> None:
        self.seen: dict[tuple[int, str, str], str] = {}

    async def fingerprint(self, tenant_id: int, scope: str, request_id: str) -> str | None:
        return self.seen.get((tenant_id, scope, request_id))

    async def remember(
        self, tenant_id: int, scope: str, request_id: str, fingerprint: str, at: object
    ) -> None:
        self.seen[(tenant_id, scope, request_id)] = fingerprint


class FakeUnitOfWork:
    def __init__(self) -> None:
        self.events: list[DomainEvent] = []  # committed events, in order
        self.commits = 0
        self._pending: list[DomainEvent] = []
        self.requests = FakeRequestLog()

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


class RollingBackUnitOfWork(FakeUnitOfWork):
    """A fake unit of work that, as a transaction does, undoes on exit what was not committed: it keeps a
    copy of its repositories' state as of entry or the last commit, and puts it back in place on exit (so a
    test holding a repository sees the rollback). Subclasses name their repositories with `track`, or
    override `_state` and `_restore` where copying whole repositories would sever links between them."""

    def __init__(self) -> None:
        super().__init__()
        self._tracked: tuple[object, ...] = ()
        self._committed_state: Any = None

    def track(self, *repositories: object) -> None:
        self._tracked = repositories
        self._committed_state = self._state()

    def _state(self) -> Any:
        return [copy.deepcopy(repository.__dict__) for repository in self._tracked]

    def _restore(self, state: Any) -> None:
        for repository, repository_state in zip(self._tracked, state, strict=True):
            repository.__dict__.update(repository_state)

    async def __aenter__(self) -> Self:
        self._committed_state = self._state()
        return await super().__aenter__()

    async def commit(self) -> None:
        await super().commit()
        self._committed_state = self._state()

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._restore(copy.deepcopy(self._committed_state))
        await super().__aexit__(exc_type, exc, tb)
