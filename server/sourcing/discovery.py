"""The sourcing crew's discoveries, kept as candidates (a SOURCING_DISCOVERY workflow, started by
StartSourcingDiscovery): the crew is asked, its products are checked and scored like a CreateCandidate, and
the ones the tenant does not have yet are kept (origin CREW) when the workflow completes. While the crew is
unavailable the attempt fails and the runner retries with backoff."""

from __future__ import annotations

from typing import Any

from domain.catalog import Categories
from domain.errors import Unavailable
from domain.sourcing import DEFAULT_DISCOVERY_RESULTS, AgentNotConfigured, CandidateOrigin, DiscoveryRequest
from domain.workflows import ResultSource, SourcingDiscoveryOutcome, Workflow
from engines.classification import ClassificationPolicy
from server.agents.ports import AgentUnavailable, Crew
from server.agents.tasks import sourcing_candidates
from server.sourcing.ports import SourcingUnitOfWork, UnitOfWorkFactory
from server.sourcing.usecases import keep, new_candidates
from server.workflows.steps import Report, StepOutcome

# The category of a discovery whose crew named none usable (and the request named none either).
FALLBACK_CATEGORY = "other"


class SourcingDiscoveryStep:
    def __init__(
        self,
        uow: UnitOfWorkFactory,
        crew: Crew | None,
        policy: ClassificationPolicy,
        categories: Categories,
        *,
        deadline: float,
    ) -> None:
        self._uow = uow
        self._crew = crew
        self._policy = policy
        self._categories = categories
        self._deadline = deadline

    async def __call__(self, workflow: Workflow, report: Report) -> StepOutcome:
        if self._crew is None:
            raise AgentNotConfigured("sourcing")
        request = discovery_request_of(workflow.params)
        await report(0.1, "asking the sourcing crew")

        async def progress(step: str) -> None:
            await report(0.4, step)

        try:
            found = await sourcing_candidates(
                self._crew,
                {
                    "category": request.category,
                    "query": request.query,
                    "max_results": request.max_results,
                    "currency": request.currency,
                },
                currency=request.currency,
                categories=self._categories,
                fallback_category=request.category or FALLBACK_CATEGORY,
                limit=request.max_results,
                deadline=self._deadline,
                progress=progress,
            )
        except AgentUnavailable as exc:
            raise Unavailable(f"the sourcing crew is unavailable: {exc}") from exc
        await report(0.7, f"scoring {len(found.drafts)} products")
        async with self._uow(read_only=True) as uow:
            seen = set(await uow.candidates.holders(workflow.tenant_id, {d.dedupe_key for d in found.drafts}))
            unique = []
            for draft in found.drafts:  # the tenant's candidates, and repeats of the crew's own, are left out
                if draft.dedupe_key not in seen:
                    seen.add(draft.dedupe_key)
                    unique.append(draft)
            candidates = await new_candidates(
                uow,
                workflow.tenant_id,
                unique,
                self._policy,
                origin=CandidateOrigin.CREW,
                workflow_id=workflow.id,
            )

        async def apply(uow: SourcingUnitOfWork, done: Workflow) -> None:
            # Another call may have kept one of them since: keep only what the tenant still does not have.
            now_taken = await uow.candidates.holders(done.tenant_id, {c.draft.dedupe_key for c in candidates})
            await keep(uow, [c for c in candidates if c.draft.dedupe_key not in now_taken])

        result = SourcingDiscoveryOutcome(
            candidate_ids=tuple(c.id for c in candidates),
            suggested=len(found.drafts) + found.discarded,
            duplicates=len(found.drafts) - len(candidates),
            discarded=found.discarded,
        )
        return StepOutcome(result, ResultSource.AGENT, apply)


def discovery_request_of(params: dict[str, Any]) -> DiscoveryRequest:
    return DiscoveryRequest(
        category=str(params.get("category") or ""),
        query=str(params.get("query") or ""),
        max_results=int(params.get("max_results") or DEFAULT_DISCOVERY_RESULTS),
        currency=str(params.get("currency") or "USD"),
    )
