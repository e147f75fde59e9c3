"""The sourcing use cases and the crews' workflow steps for orders and sourcing, on in-memory fakes."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from domain.catalog import ProductStatus
from domain.catalog_errors import DuplicateSku
from domain.catalog_events import ProductCreated
from domain.errors import NotFound, Unavailable
from domain.money import Money
from domain.paging import PageRequest
from domain.sourcing import (
    AgentNotConfigured,
    Approval,
    CandidateDraft,
    CandidateFilter,
    CandidateOrder,
    CandidateRejected,
    CandidateStatus,
    DiscoveryRequest,
    DuplicateCandidate,
)
from domain.sourcing_events import CandidateAdded, CandidateImported
from domain.suppliers import Marketplace
from domain.workflows import WorkflowType
from engines.classification import ClassificationPolicy
from server.catalog.usecases import ProductUseCases
from server.sourcing.discovery import SourcingDiscoveryStep
from server.sourcing.usecases import SourcingUseCases
from tests.unit.usecases.fakes_catalog import a_supplier
from tests.unit.usecases.fakes_intelligence import FakeCrew
from tests.unit.usecases.fakes_sourcing import FakeSourcingUnitOfWork

TENANT = 7

POLICY = ClassificationPolicy()


def usd(amount: str) -> Money:
    return Money(Decimal(amount), "USD")


def a_draft(**overrides: object) -> CandidateDraft:
    values: dict[str, object] = {
        "title": "Portable Blender",
        "category": "kitchen",
        "source_price": usd("12.50"),
        "marketplace": Marketplace.ALIEXPRESS,
        "marketplace_id": "1005001",
        "competitor_prices": (usd("29.99"), usd("34.99"), usd("39.99")),
    }
    values.update(overrides)
    return CandidateDraft(**values)  # type: ignore[arg-type]


def sourcing_of(uow: FakeSourcingUnitOfWork, *, discovery: bool = False) -> SourcingUseCases:
    return SourcingUseCases(
        uow.factory, POLICY, ProductUseCases(uow.factory, POLICY), discovery_enabled=discovery
    )


async def test_a_candidate_is_scored_at_the_market_price_and_announced():
    uow = FakeSourcingUnitOfWork()
    candidate = await sourcing_of(uow).add(tenant_id=TENANT, draft=a_draft(), request_id=None)
    assert candidate.status is CandidateStatus.PENDING
    assert candidate.score.expected_price == usd("34.99")
    assert sum(f.contribution for f in candidate.score.analysis.factors) == pytest.approx(
        candidate.score.analysis.score, abs=0.011
    )
    [added] = uow.events
    assert isinstance(added, CandidateAdded) and added.candidate == candidate


async def test_the_candidates_supplier_rates_it_unless_it_states_its_own_figures():
    uow = FakeSourcingUnitOfWork()
    supplier = a_supplier(TENANT, rating=1.0, lead_time_days=30)
    await uow.suppliers.add(supplier)
    sourcing = sourcing_of(uow)
    rated_by_supplier = await sourcing.add(
        tenant_id=supplier.tenant_id, draft=a_draft(supplier_id=supplier.id), request_id=None
    )
    own = await sourcing.add(
        tenant_id=supplier.tenant_id,
        draft=a_draft(
            marketplace_id="OTHER1", supplier_id=supplier.id, supplier_rating=5.0, supplier_lead_time_days=3
        ),
        request_id=None,
    )
    reliability = {
        c.id: {f.name: f for f in c.score.analysis.factors}["supplier_reliability"].value
        for c in (rated_by_supplier, own)
    }
    assert reliability[own.id] == 100 and reliability[rated_by_supplier.id] < 20


async def test_a_second_candidate_for_the_same_product_is_a_duplicate():
    uow = FakeSourcingUnitOfWork()
    sourcing = sourcing_of(uow)
    first = await sourcing.add(tenant_id=TENANT, draft=a_draft(), request_id=None)
    with pytest.raises(DuplicateCandidate) as caught:
        await sourcing.add(tenant_id=TENANT, draft=a_draft(title="Same listing"), request_id=None)
    assert caught.value.metadata["candidate_id"] == str(first.id)
    assert await sourcing.add(tenant_id=TENANT + 1, draft=a_draft(), request_id=None)  # another tenant's own


async def test_approving_imports_once_through_the_catalog():
    uow = FakeSourcingUnitOfWork()
    sourcing = sourcing_of(uow)
    candidate = await sourcing.add(tenant_id=TENANT, draft=a_draft(), request_id=None)
    uow.events.clear()

    imported = await sourcing.approve(
        tenant_id=TENANT, candidate_id=candidate.id, approval=Approval(), actor="ada"
    )
    again = await sourcing.approve(
        tenant_id=TENANT, candidate_id=candidate.id, approval=Approval(sku="X"), actor="ada"
    )

    product = imported.product
    assert (product.sku, product.asin, product.status) == ("1005001", "1005001", ProductStatus.ACTIVE)
    assert (
        imported.candidate.status is CandidateStatus.IMPORTED and imported.candidate.product_id == product.id
    )
    assert again == imported
    assert [type(e) for e in uow.events].count(ProductCreated) == 1
    assert [type(e) for e in uow.events].count(CandidateImported) == 1


async def test_a_taken_sku_or_a_rejected_candidate_imports_nothing():
    uow = FakeSourcingUnitOfWork()
    sourcing = sourcing_of(uow)
    first = await sourcing.add(tenant_id=TENANT, draft=a_draft(), request_id=None)
    second = await sourcing.add(tenant_id=TENANT, draft=a_draft(marketplace_id="1005002"), request_id=None)
    await sourcing.approve(
        tenant_id=TENANT, candidate_id=first.id, approval=Approval(sku="BLENDER"), actor="a"
    )
    with pytest.raises(DuplicateSku):
        await sourcing.approve(
            tenant_id=TENANT, candidate_id=second.id, approval=Approval(sku="BLENDER"), actor="a"
        )
    assert (await uow.candidates.get(TENANT, second.id)).status is CandidateStatus.PENDING  # type: ignore[union-attr]

    await sourcing.reject(tenant_id=TENANT, candidate_id=second.id, reason="no", actor="a")
    with pytest.raises(CandidateRejected):
        await sourcing.approve(
            tenant_id=TENANT, candidate_id=second.id, approval=Approval(sku="OTHER"), actor="a"
        )
    with pytest.raises(NotFound):
        await sourcing.approve(tenant_id=TENANT + 1, candidate_id=first.id, approval=Approval(), actor="a")


async def test_a_batch_skips_what_the_tenant_has_and_what_it_repeats():
    uow = FakeSourcingUnitOfWork()
    sourcing = sourcing_of(uow)
    known = await sourcing.add(tenant_id=TENANT, draft=a_draft(), request_id=None)
    fresh = a_draft(marketplace_id="NEW1")
    added = await sourcing.add_many(tenant_id=TENANT, drafts=[fresh, a_draft(), fresh])
    assert [c.draft.marketplace_id for c in added.candidates] == ["NEW1"]
    assert [(s.index, s.existing_id) for s in added.skipped] == [(1, known.id), (2, None)]


async def test_the_ranking_puts_the_best_margin_first():
    uow = FakeSourcingUnitOfWork()
    sourcing = sourcing_of(uow)
    cheap = await sourcing.add(tenant_id=TENANT, draft=a_draft(source_price=usd("5.00")), request_id=None)
    dear = await sourcing.add(
        tenant_id=TENANT, draft=a_draft(marketplace_id="DEAR", source_price=usd("30.00")), request_id=None
    )
    page = await sourcing.list(
        tenant_id=TENANT, criteria=CandidateFilter(order=CandidateOrder.MARGIN), page=PageRequest(size=10)
    )
    assert [c.id for c in page.items] == [cheap.id, dear.id]


async def test_discovery_needs_the_crew():
    uow = FakeSourcingUnitOfWork()
    with pytest.raises(AgentNotConfigured):
        await sourcing_of(uow).start_discovery(tenant_id=TENANT, request=DiscoveryRequest())
    workflow = await sourcing_of(uow, discovery=True).start_discovery(
        tenant_id=TENANT, request=DiscoveryRequest(category="kitchen", max_results=5)
    )
    assert workflow.type is WorkflowType.SOURCING_DISCOVERY and workflow.params["max_results"] == 5


async def discovered(uow: FakeSourcingUnitOfWork, crew: FakeCrew):
    workflow = await sourcing_of(uow, discovery=True).start_discovery(
        tenant_id=TENANT, request=DiscoveryRequest(category="kitchen")
    )
    categories = ProductUseCases(uow.factory, POLICY).categories
    step = SourcingDiscoveryStep(uow.factory, crew, POLICY, categories, deadline=1.0)

    async def report(progress: float, text: str) -> None:
        return None

    return workflow, await step(replace(workflow, attempts=1), report)


async def test_a_discovery_keeps_the_crews_new_products_when_it_completes():
    uow = FakeSourcingUnitOfWork()
    await sourcing_of(uow).add(tenant_id=TENANT, draft=a_draft(marketplace_id="KNOWN"), request_id=None)
    crew = FakeCrew(
        {
            "suggestions": [
                {"title": "Kettle", "marketplace": "aliexpress", "marketplace_id": "K1", "source_price": 7.5},
                {"title": "Known", "marketplace": "aliexpress", "marketplace_id": "KNOWN", "source_price": 3},
                {
                    "title": "Kettle again",
                    "marketplace": "aliexpress",
                    "marketplace_id": "K1",
                    "source_price": 7,
                },
                {"title": "", "marketplace_id": "NOTITLE", "source_price": 3},
            ]
        }
    )
    workflow, outcome = await discovered(uow, crew)
    result = outcome.result
    assert (result.suggested, result.duplicates, result.discarded) == (4, 2, 1)
    assert len(uow.candidates.rows) == 1  # nothing kept before the workflow completes
    async with uow.factory() as tx:
        await outcome.apply(tx, workflow)
        await tx.commit()
    [kept] = [c for c in uow.candidates.rows.values() if c.draft.marketplace_id == "K1"]
    assert kept.workflow_id == workflow.id and kept.draft.category == "kitchen"  # the request's category
    assert crew.runs[0]["task"] == "product_sourcing"


async def test_a_discovery_attempt_fails_while_the_crew_is_down():
    uow = FakeSourcingUnitOfWork()
    with pytest.raises(Unavailable):
        await discovered(uow, FakeCrew(None))
