"""Sourcing use cases: keep scored candidates (one, a batch, or the crew's discoveries), rank them, import one
into the catalog through the catalog's own product creation, or reject one."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from functools import partial

from domain.catalog import Categories, Product, ProductDraft
from domain.catalog_errors import DuplicateSku
from domain.clock import utcnow
from domain.errors import FieldViolation, InvalidArgument, NotFound, UniqueViolation
from domain.ids import new_id
from domain.money import Money
from domain.paging import Page, PageRequest
from domain.sourcing import (
    AgentNotConfigured,
    Approval,
    BatchAdded,
    Candidate,
    CandidateDraft,
    CandidateFilter,
    CandidateOrigin,
    CandidateRejected,
    CandidateStatus,
    DiscoveryRequest,
    DuplicateCandidate,
    Imported,
    Skipped,
)
from domain.sourcing import CandidateImported as AlreadyImported
from domain.sourcing_events import CandidateAdded, CandidateImported
from domain.sourcing_events import CandidateRejected as RejectedEvent
from domain.suppliers import Supplier
from domain.supply import SUPPLIER_SKU_MAX, Offer
from domain.workflows import Workflow, WorkflowType
from engines.classification import ClassificationPolicy
from server import resources
from server.catalog.usecases import ProductUseCases
from server.resources import existing
from server.sourcing.ports import SourcingUnitOfWork, UnitOfWorkFactory
from server.sourcing.scoring import scored
from server.supply.choice import SupplyPolicies
from server.supply.usecases import add_offer
from server.workflows.enqueue import DEFAULT_MAX_ATTEMPTS, enqueue

# The request log's name for CreateCandidate's request_ids.
SCOPE = "sourcing.create"


class SourcingUseCases:
    def __init__(
        self,
        uow: UnitOfWorkFactory,
        policy: ClassificationPolicy,
        catalog: ProductUseCases,
        *,
        discovery_enabled: bool = False,
        max_attempts: int = DEFAULT_MAX_ATTEMPTS,
        supply: SupplyPolicies | None = None,
    ) -> None:
        self._uow = uow
        self._supply = supply  # None: imports make no supplier offer
        self._policy = policy
        self._catalog = catalog
        self._discovery_enabled = discovery_enabled
        self._max_attempts = max_attempts

    @property
    def categories(self) -> Categories:
        """The categories a candidate may have: the catalog's."""
        return self._catalog.categories

    async def add(
        self, *, tenant_id: int, draft: CandidateDraft, request_id: str | None, fingerprint: str | None = None
    ) -> Candidate:
        """Score and keep one candidate; a repeated request_id returns the first one."""
        first_use = resources.first_use_of(SCOPE, tenant_id, request_id, fingerprint)
        try:
            async with self._uow() as uow:
                earlier = partial(uow.candidates.get_by_request_id, tenant_id)
                if found := await resources.replayed(uow, request_id, first_use, earlier):
                    return found
                taken = await uow.candidates.holders(tenant_id, [draft.dedupe_key])
                if taken:
                    raise DuplicateCandidate(taken[draft.dedupe_key], draft.dedupe_key)
                await first_use(uow.requests, at=utcnow(), replay=False)
                [candidate] = await new_candidates(
                    uow,
                    tenant_id,
                    [draft],
                    self._policy,
                    origin=CandidateOrigin.MANUAL,
                    request_id=request_id,
                )
                await keep(uow, [candidate])
                await uow.commit()
                return candidate
        except UniqueViolation:
            # A concurrent call kept it first: the same request (answer with it), or the same product.
            async with self._uow(read_only=True) as uow:
                earlier = partial(uow.candidates.get_by_request_id, tenant_id)
                if found := await resources.replayed(uow, request_id, first_use, earlier):
                    return found
                taken = await uow.candidates.holders(tenant_id, [draft.dedupe_key])
            if taken:
                raise DuplicateCandidate(taken[draft.dedupe_key], draft.dedupe_key) from None
            raise

    async def add_many(self, *, tenant_id: int, drafts: Sequence[CandidateDraft]) -> BatchAdded:
        """Score and keep a batch in one transaction; the tenant's existing candidates (and repeats within
        the batch) are skipped and reported."""
        async with self._uow() as uow:
            fresh, skipped = await _split_duplicates(uow, tenant_id, drafts)
            candidates = await new_candidates(
                uow, tenant_id, [drafts[i] for i in fresh], self._policy, origin=CandidateOrigin.MANUAL
            )
            await keep(uow, candidates)
            await uow.commit()
        return BatchAdded(tuple(candidates), tuple(skipped))

    async def get(self, *, tenant_id: int, candidate_id: uuid.UUID) -> Candidate:
        async with self._uow(read_only=True) as uow:
            return await existing(uow.candidates, "candidate", tenant_id, candidate_id)

    async def list(self, *, tenant_id: int, criteria: CandidateFilter, page: PageRequest) -> Page[Candidate]:
        async with self._uow(read_only=True) as uow:
            return await uow.candidates.list(tenant_id, criteria, page)

    async def approve(
        self, *, tenant_id: int, candidate_id: uuid.UUID, approval: Approval, actor: str
    ) -> Imported:
        """Import the candidate as a catalog product, once: an imported candidate answers with its product."""
        sku = approval.sku or ""
        try:
            async with self._uow() as uow:
                candidate = await existing(
                    uow.candidates, "candidate", tenant_id, candidate_id, for_update=True
                )
                if candidate.status is CandidateStatus.IMPORTED:
                    return Imported(candidate, await _product_of(uow, candidate))
                if candidate.status is CandidateStatus.REJECTED:
                    raise CandidateRejected(candidate.id)
                draft = product_draft(candidate, approval)
                sku = draft.sku
                if await uow.products.sku_owner(tenant_id, draft.sku):
                    raise DuplicateSku(draft.sku)
                product = await self._catalog.add_new(uow, tenant_id=tenant_id, draft=draft)
                product = await create_supplier_offer(uow, candidate, product, self._supply)
                imported = _decided(candidate, CandidateStatus.IMPORTED, actor, product_id=product.id)
                await uow.candidates.save(imported)
                uow.emit(
                    CandidateImported(
                        tenant_id=tenant_id, candidate=imported, product_id=product.id, sku=product.sku
                    )
                )
                await uow.commit()
                return Imported(imported, product)
        except UniqueViolation:  # a concurrent create took the sku
            raise DuplicateSku(sku) from None

    async def reject(self, *, tenant_id: int, candidate_id: uuid.UUID, reason: str, actor: str) -> Candidate:
        """Reject a pending candidate; a rejected one is returned unchanged."""
        async with self._uow() as uow:
            candidate = await existing(uow.candidates, "candidate", tenant_id, candidate_id, for_update=True)
            if candidate.status is CandidateStatus.REJECTED:
                return candidate
            if candidate.status is CandidateStatus.IMPORTED:
                raise AlreadyImported(candidate.id, candidate.product_id)
            rejected = replace(_decided(candidate, CandidateStatus.REJECTED, actor), reject_reason=reason)
            await uow.candidates.save(rejected)
            uow.emit(RejectedEvent(tenant_id=tenant_id, candidate=rejected))
            await uow.commit()
            return rejected

    async def start_discovery(self, *, tenant_id: int, request: DiscoveryRequest) -> Workflow:
        """A PENDING SOURCING_DISCOVERY workflow; the crew's discoveries become candidates when it runs."""
        if not self._discovery_enabled:
            raise AgentNotConfigured("sourcing")
        async with self._uow() as uow:
            workflow = await enqueue(
                uow,
                tenant_id=tenant_id,
                kind=WorkflowType.SOURCING_DISCOVERY,
                product_id=None,
                max_attempts=self._max_attempts,
                params={
                    "category": request.category,
                    "query": request.query,
                    "max_results": request.max_results,
                    "currency": request.currency,
                },
            )
            await uow.commit()
            return workflow


async def new_candidates(
    uow: SourcingUnitOfWork,
    tenant_id: int,
    drafts: Sequence[CandidateDraft],
    policy: ClassificationPolicy,
    *,
    origin: CandidateOrigin,
    workflow_id: uuid.UUID | None = None,
    request_id: str | None = None,
) -> list[Candidate]:
    """The drafts scored as new PENDING candidates; NOT_FOUND for a supplier the tenant does not have."""
    wanted = {d.supplier_id for d in drafts if d.supplier_id is not None}
    suppliers = await uow.suppliers.get_many(tenant_id, wanted) if wanted else {}
    missing = sorted(wanted - set(suppliers))
    if missing:
        raise NotFound("supplier", str(missing[0]))
    now = utcnow()
    return [
        Candidate(
            id=new_id(),
            tenant_id=tenant_id,
            draft=draft,
            score=scored(draft, _supplier(suppliers, draft), policy, now),
            status=CandidateStatus.PENDING,
            origin=origin,
            workflow_id=workflow_id,
            request_id=request_id,
            created_at=now,
            updated_at=now,
        )
        for draft in drafts
    ]


async def keep(uow: SourcingUnitOfWork, candidates: Sequence[Candidate]) -> None:
    """Store new candidates and announce each."""
    await uow.candidates.add_many(candidates)
    for candidate in candidates:
        uow.emit(CandidateAdded(tenant_id=candidate.tenant_id, candidate=candidate))


def product_draft(candidate: Candidate, approval: Approval) -> ProductDraft:
    """The catalog product a candidate becomes: everything the catalog holds of it today."""
    d = candidate.draft
    if approval.selling_price is not None and approval.selling_price.currency != d.source_price.currency:
        raise InvalidArgument(
            [FieldViolation("selling_price", f"must be in {d.source_price.currency} like the source price")]
        )
    return ProductDraft(
        sku=approval.sku or default_sku(candidate.id, d.marketplace_id),
        title=d.title,
        category=d.category,
        source_price=d.source_price,
        selling_price=approval.selling_price,
        asin=d.marketplace_id,
        description=d.description,
        status=approval.status,
        supplier_id=d.supplier_id,
        competitor_count=d.competitor_count
        if d.competitor_count is not None
        else len(d.competitor_prices) or None,
        review_rating=d.review_rating,
        review_count=d.review_count,
        initial_stock=approval.initial_stock,
        image_urls=d.image_urls,
    )


def default_sku(candidate_id: uuid.UUID, marketplace_id: str) -> str:
    """The candidate's marketplace id (already a valid sku), else `SRC-` and 12 hex digits of its id."""
    return marketplace_id or f"SRC-{candidate_id.hex[:12].upper()}"


async def create_supplier_offer(
    uow: SourcingUnitOfWork, candidate: Candidate, product: Product, supply: SupplyPolicies | None
) -> Product:
    """The imported product's supplier offer, from the candidate: its supplier, marketplace and listing URL,
    the marketplace id as the supplier's SKU, the source price as the unit cost, its lead time; the offer
    choice then picks it (SupplyService). A candidate without a supplier has no one to buy from: no offer.
    Answers the product after the choice."""
    d = candidate.draft
    if supply is None or d.supplier_id is None:
        return product
    offer = Offer(
        id=new_id(),
        tenant_id=product.tenant_id,
        product_id=product.id,
        supplier_id=d.supplier_id,
        supplier_sku=d.marketplace_id[:SUPPLIER_SKU_MAX],
        marketplace=d.marketplace,
        listing_url=d.url,
        unit_cost=d.source_price,
        shipping_cost=Money(Decimal("0.00"), d.source_price.currency),
        min_order_quantity=1,
        lead_time_days=d.supplier_lead_time_days,
        supplier_stock=None,
        is_active=True,
        created_at=product.created_at,
        updated_at=product.created_at,
    )
    _, chosen = await add_offer(uow, product, offer, supply)
    return chosen


def _decided(
    candidate: Candidate, status: CandidateStatus, actor: str, *, product_id: uuid.UUID | None = None
) -> Candidate:
    now: datetime = utcnow()
    return replace(
        candidate,
        status=status,
        product_id=product_id or candidate.product_id,
        decided_by=actor,
        decided_at=now,
        updated_at=now,
        version=candidate.version + 1,
    )


async def _product_of(uow: SourcingUnitOfWork, candidate: Candidate) -> Product:
    assert candidate.product_id is not None
    return await existing(uow.products, "product", candidate.tenant_id, candidate.product_id)


async def _split_duplicates(
    uow: SourcingUnitOfWork, tenant_id: int, drafts: Sequence[CandidateDraft]
) -> tuple[list[int], list[Skipped]]:
    """The indexes of the drafts to add, and those skipped: the tenant has them, or the batch repeats them."""
    taken = await uow.candidates.holders(tenant_id, {d.dedupe_key for d in drafts})
    fresh: list[int] = []
    skipped: list[Skipped] = []
    seen: dict[str, int] = {}
    for index, draft in enumerate(drafts):
        key = draft.dedupe_key
        if key in taken:
            skipped.append(Skipped(index, taken[key], f"the tenant already has candidate {taken[key]}"))
        elif key in seen:
            skipped.append(Skipped(index, None, f"repeats candidates[{seen[key]}] of this batch"))
        else:
            seen[key] = index
            fresh.append(index)
    return fresh, skipped


def _supplier(suppliers: dict[uuid.UUID, Supplier], draft: CandidateDraft) -> Supplier | None:
    return suppliers.get(draft.supplier_id) if draft.supplier_id is not None else None
