"""What the health report needs of storage: a ping, the schema revision, the tenant's counts and the
outbox backlog."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from server.unit_of_work import ReadingUnitOfWork


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


class SystemUnitOfWork(ReadingUnitOfWork, Protocol):
    @property
    def system(self) -> SystemRepository: ...

    @property
    def outbox(self) -> OutboxBacklog: ...


UnitOfWorkFactory = Callable[..., SystemUnitOfWork]
