"""In-memory stand-in for the sourcing port (server/sourcing/ports.py). The fake candidates keep the unique
keys the table enforces: a tenant's dedupe key and request_id. The unit of work holds the catalog's fakes too,
since an approval imports the product in the candidate's transaction."""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Collection, Sequence

from domain.errors import UniqueViolation
from domain.paging import Page, PageRequest
from domain.sourcing import Candidate, CandidateFilter, CandidateOrder
from tests.unit.usecases.fakes_catalog import FakeCatalogUnitOfWork

Key = tuple[int, uuid.UUID]


class FakeCandidateRepository:
    def __init__(self) -> None:
        self.rows: dict[Key, Candidate] = {}

    def of_tenant(self, tenant_id: int) -> builtins.list[Candidate]:
        return [c for (t, _), c in self.rows.items() if t == tenant_id]

    async def add_many(self, candidates: Sequence[Candidate]) -> None:
        for c in candidates:
            taken = {(x.draft.dedupe_key, x.request_id) for x in self.of_tenant(c.tenant_id)}
            if any(c.draft.dedupe_key == key or (c.request_id and c.request_id == rid) for key, rid in taken):
                raise UniqueViolation(f"candidate {c.draft.dedupe_key} taken")
            self.rows[(c.tenant_id, c.id)] = c

    async def get(
        self, tenant_id: int, candidate_id: uuid.UUID, *, for_update: bool = False
    ) -> Candidate | None:
        return self.rows.get((tenant_id, candidate_id))

    async def get_by_request_id(self, tenant_id: int, request_id: str) -> Candidate | None:
        return next((c for c in self.of_tenant(tenant_id) if c.request_id == request_id), None)

    async def holders(self, tenant_id: int, keys: Collection[str]) -> dict[str, uuid.UUID]:
        return {c.draft.dedupe_key: c.id for c in self.of_tenant(tenant_id) if c.draft.dedupe_key in keys}

    async def save(self, candidate: Candidate) -> None:
        self.rows[(candidate.tenant_id, candidate.id)] = candidate

    async def list(self, tenant_id: int, criteria: CandidateFilter, page: PageRequest) -> Page[Candidate]:
        def rank(c: Candidate) -> tuple[float, uuid.UUID]:
            a = c.score.analysis
            value = {CandidateOrder.SCORE: a.score, CandidateOrder.MARGIN: a.profit_margin}.get(
                criteria.order, 0.0
            )
            return value, c.id

        matching = sorted(
            (
                c
                for c in self.of_tenant(tenant_id)
                if (criteria.status is None or c.status is criteria.status)
                and (criteria.category is None or c.draft.category == criteria.category)
                and c.score.analysis.score >= criteria.min_score
            ),
            key=rank,
            reverse=True,
        )
        return Page(items=matching[: page.size], next_after=None, total_size=len(matching))


class FakeSourcingUnitOfWork(FakeCatalogUnitOfWork):
    def __init__(self) -> None:
        super().__init__()
        self.candidates = FakeCandidateRepository()
        self.track(self.products, self.suppliers, self.inventory, self.workflows, self.candidates)
