"""What the health report needs of storage: a ping, the schema revision, the tenant's counts and the
outbox backlog."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Protocol, Self


class SystemRepository(Protocol):
    async def ping(self) -> None: ...

    async def schema_revision(self) -> str:
        """The applied migration, or "" when unknown."""
        ...

    async def tenant_counts(self, tenant_id: int, tables: tuple[str, ...]) -> dict[str, int]:
        """Rows of the tenant in each named table; a table the schema does not have counts 0."""
        ...


class OutboxBacklog(Protocol):
    async def backlog(self, tenant_id: int | None = None) -> int:
        """Events waiting to be published: of every tenant, or of one."""
        ...


class SystemUnitOfWork(Protocol):
    @property
    def system(self) -> SystemRepository: ...

    @property
    def outbox(self) -> OutboxBacklog: ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...


UnitOfWorkFactory = Callable[..., SystemUnitOfWork]
