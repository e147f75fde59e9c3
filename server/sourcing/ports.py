"""What the sourcing use cases need: the tenant's candidates, and a unit of work that also holds what the
catalog's product creation needs (an approved candidate is imported in the candidate's transaction)."""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Callable, Collection, Sequence
from typing import Protocol

from domain.paging import Page, PageRequest
from domain.sourcing import Candidate, CandidateFilter
from server.catalog.ports import CatalogUnitOfWork
from server.supply.ports import SupplyUnitOfWork


class CandidateRepository(Protocol):
    async def add_many(self, candidates: Sequence[Candidate]) -> None: ...

    async def get(
        self, tenant_id: int, candidate_id: uuid.UUID, *, for_update: bool = False
    ) -> Candidate | None: ...

    async def get_by_request_id(self, tenant_id: int, request_id: str) -> Candidate | None: ...

    async def holders(self, tenant_id: int, keys: Collection[str]) -> builtins.dict[str, uuid.UUID]:
        """The tenant's candidates that have these dedupe keys, by key."""
        ...

    async def save(self, candidate: Candidate) -> None: ...

    async def list(self, tenant_id: int, criteria: CandidateFilter, page: PageRequest) -> Page[Candidate]: ...


class SourcingUnitOfWork(CatalogUnitOfWork, SupplyUnitOfWork, Protocol):
    """Supply too: an imported candidate's supplier offer is added in the import's transaction."""

    @property
    def candidates(self) -> CandidateRepository: ...


UnitOfWorkFactory = Callable[..., SourcingUnitOfWork]
