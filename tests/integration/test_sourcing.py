"""SourcingService through a real channel on SQLite and PostgreSQL: candidates scored by the catalog's
classification engine, kept, ranked, imported once or rejected, and the bad input that changes nothing."""

from __future__ import annotations

from decimal import Decimal

import grpc
import pytest

from crm.v2 import product_service_pb2 as ppb
from crm.v2 import sourcing_service_pb2 as pb
from crm.v2 import supplier_service_pb2 as spb
from tests.integration.conftest_catalog import a_supplier, as_decimal, event_types, money
from tests.integration.conftest_sourcing import a_candidate, add, approve, listed, reject
from tests.support.status import error_info, field_violations

FACTORS = {
    "margin_potential",
    "retail_price_band",
    "category_demand",
    "competition",
    "supplier_reliability",
    "social_proof",
}


async def test_a_candidate_is_scored_at_the_market_price_and_kept(sourcing, events, tenant_id):
    candidate = await add(sourcing, tenant_id)

    assert candidate.status == pb.CANDIDATE_STATUS_PENDING and candidate.origin == pb.CANDIDATE_ORIGIN_MANUAL
    analysis = candidate.analysis
    assert {f.name for f in analysis.factors} == FACTORS
    assert sum(f.contribution for f in analysis.factors) == pytest.approx(analysis.dropship_score, abs=0.011)
    # The median competitor price is what it can sell at; three prices count as three competitors.
    assert as_decimal(candidate.expected_selling_price) == Decimal("34.99")
    assert analysis.profit_margin_estimate == pytest.approx(
        float((Decimal("34.99") - Decimal("12.50")) / Decimal("34.99")), abs=1e-4
    )
    competition = {f.name: f for f in analysis.factors}["competition"]
    assert competition.explanation == "3 competing sellers"
    assert as_decimal(candidate.recommended_price) > Decimal("12.50")
    stored = await sourcing.GetCandidate(
        pb.GetCandidateRequest(tenant_id=tenant_id, candidate_id=candidate.id)
    )
    assert stored == candidate
    assert await event_types(events, tenant_id) == ["sourcing.candidate_added"]


async def test_without_competitor_prices_it_is_scored_at_the_engines_recommended_price(sourcing, tenant_id):
    candidate = await add(
        sourcing, tenant_id, competitor_prices=[], url="https://www.amazon.com/dp/X1", marketplace=0
    )
    assert candidate.expected_selling_price == candidate.recommended_price
    assert candidate.marketplace == spb.MARKETPLACE_AMAZON  # from the URL's host


async def test_a_repeated_request_id_answers_the_first_and_a_known_product_is_a_duplicate(
    sourcing, tenant_id
):
    request = pb.CreateCandidateRequest(tenant_id=tenant_id, candidate=a_candidate(), request_id="import-7")
    first = await sourcing.CreateCandidate(request)
    assert await sourcing.CreateCandidate(request) == first

    with pytest.raises(grpc.aio.AioRpcError) as duplicate:
        await add(sourcing, tenant_id, marketplace_id=first.marketplace_id.lower())
    assert duplicate.value.code() == grpc.StatusCode.ALREADY_EXISTS
    info = error_info(duplicate.value)
    assert info.reason == "DUPLICATE_CANDIDATE" and info.metadata["candidate_id"] == first.id
    assert (await listed(sourcing, tenant_id)).total_size == 1


async def test_a_batch_keeps_the_new_candidates_and_reports_the_duplicates(sourcing, tenant_id):
    known = await add(sourcing, tenant_id)
    fresh = a_candidate(title="Magnetic Phone Mount", category="electronics")
    response = await sourcing.BatchCreateCandidates(
        pb.BatchCreateCandidatesRequest(
            tenant_id=tenant_id,
            candidates=[fresh, a_candidate(marketplace_id=known.marketplace_id), fresh],
        )
    )
    assert [c.title for c in response.candidates] == ["Magnetic Phone Mount"]
    assert [(s.index, s.existing_candidate_id) for s in response.skipped] == [(1, known.id), (2, "")]
    assert (await listed(sourcing, tenant_id)).total_size == 2


async def test_candidates_are_ranked_by_score_and_margin_in_keyset_pages(sourcing, tenant_id):
    added = [
        await add(sourcing, tenant_id, source_price=money(price), title=f"Gadget {price}")
        for price in ("8.00", "30.00", "12.50", "20.00", "15.00")
    ]

    async def ranking(order_by: int) -> list[str]:
        ids, token = [], ""
        while True:
            page = await listed(sourcing, tenant_id, order_by=order_by, page_size=2, page_token=token)
            ids += [c.id for c in page.candidates]
            token = page.next_page_token
            if not token:
                return ids

    by_score = sorted(added, key=lambda c: (c.analysis.dropship_score, c.id), reverse=True)
    assert await ranking(pb.CANDIDATE_ORDER_BY_SCORE) == [c.id for c in by_score]
    by_margin = sorted(added, key=lambda c: (c.analysis.profit_margin_estimate, c.id), reverse=True)
    assert await ranking(pb.CANDIDATE_ORDER_BY_MARGIN) == [c.id for c in by_margin]
    assert await ranking(pb.CANDIDATE_ORDER_BY_NEWEST) == [c.id for c in reversed(added)]

    best = by_score[0].analysis.dropship_score
    top = await listed(sourcing, tenant_id, min_score=best, order_by=pb.CANDIDATE_ORDER_BY_SCORE)
    assert [c.id for c in top.candidates] == [c.id for c in by_score if c.analysis.dropship_score >= best]
    assert (await listed(sourcing, tenant_id, category="fitness")).total_size == 0


async def test_approving_imports_the_candidate_once_through_the_catalog(
    sourcing, products, suppliers, events, tenant_id
):
    supplier = await suppliers.CreateSupplier(
        spb.CreateSupplierRequest(tenant_id=tenant_id, supplier=a_supplier())
    )
    candidate = await add(
        sourcing, tenant_id, supplier_id=supplier.id, image_urls=["https://img.example.com/b.png"]
    )

    first = await approve(sourcing, tenant_id, candidate.id)

    product = first.product
    assert first.candidate.status == pb.CANDIDATE_STATUS_IMPORTED and first.candidate.product_id == product.id
    assert product.status == ppb.PRODUCT_STATUS_ACTIVE and product.sku == candidate.marketplace_id
    assert product.asin == candidate.marketplace_id and product.supplier_id == supplier.id
    assert product.pricing.source_price == candidate.source_price and product.category == "kitchen"
    assert product.competitor_count == 3 and list(product.image_urls) == ["https://img.example.com/b.png"]
    assert (
        await products.GetProduct(ppb.GetProductRequest(tenant_id=tenant_id, product_id=product.id))
        == product
    )

    again = await approve(sourcing, tenant_id, candidate.id, sku="ANOTHER-SKU")
    assert again.product == product and again.candidate == first.candidate
    listed_products = await products.ListProducts(ppb.ListProductsRequest(tenant_id=tenant_id))
    assert listed_products.total_size == 1
    types = await event_types(events, tenant_id)
    assert types.count("sourcing.candidate_imported") == 1 and types.count("product.created") == 1


async def test_an_approval_with_a_taken_sku_changes_nothing_and_another_sku_imports(
    sourcing, products, tenant_id
):
    await products.CreateProduct(
        ppb.CreateProductRequest(
            tenant_id=tenant_id,
            product=ppb.Product(
                sku="TAKEN",
                title="X",
                category="kitchen",
                pricing=ppb.ProductPricing(source_price=money("5")),
            ),
        )
    )
    candidate = await add(sourcing, tenant_id)
    with pytest.raises(grpc.aio.AioRpcError) as taken:
        await approve(sourcing, tenant_id, candidate.id, sku="TAKEN")
    assert (
        taken.value.code() == grpc.StatusCode.ALREADY_EXISTS
        and error_info(taken.value).reason == "DUPLICATE_SKU"
    )
    assert (
        await sourcing.GetCandidate(pb.GetCandidateRequest(tenant_id=tenant_id, candidate_id=candidate.id))
    ).status == (pb.CANDIDATE_STATUS_PENDING)
    imported = await approve(
        sourcing,
        tenant_id,
        candidate.id,
        sku="BLEND-1",
        selling_price=money("31.99"),
        product_status=ppb.PRODUCT_STATUS_DRAFT,
    )
    assert imported.product.sku == "BLEND-1" and imported.product.status == ppb.PRODUCT_STATUS_DRAFT
    assert as_decimal(imported.product.pricing.current_selling_price) == Decimal("31.99")


async def test_a_rejected_candidate_cannot_be_approved_and_an_imported_one_cannot_be_rejected(
    sourcing, events, tenant_id
):
    doomed = await add(sourcing, tenant_id)
    rejected = await reject(sourcing, tenant_id, doomed.id, "fragile glass jar")
    assert rejected.status == pb.CANDIDATE_STATUS_REJECTED and rejected.reject_reason == "fragile glass jar"
    assert await reject(sourcing, tenant_id, doomed.id, "again") == rejected
    before = await event_types(events, tenant_id)
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await approve(sourcing, tenant_id, doomed.id)
    assert refused.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert error_info(refused.value).reason == "CANDIDATE_REJECTED"
    assert await event_types(events, tenant_id) == before

    imported = (await approve(sourcing, tenant_id, (await add(sourcing, tenant_id)).id)).candidate
    with pytest.raises(grpc.aio.AioRpcError) as too_late:
        await reject(sourcing, tenant_id, imported.id)
    assert error_info(too_late.value).reason == "CANDIDATE_IMPORTED"


async def test_another_tenants_candidate_is_not_found_and_nothing_is_written(sourcing, events, tenant_id):
    candidate = await add(sourcing, tenant_id)
    other = tenant_id + 1
    for call in (
        sourcing.GetCandidate(pb.GetCandidateRequest(tenant_id=other, candidate_id=candidate.id)),
        approve(sourcing, other, candidate.id),
        reject(sourcing, other, candidate.id),
    ):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await call
        assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    assert (
        await sourcing.GetCandidate(pb.GetCandidateRequest(tenant_id=tenant_id, candidate_id=candidate.id))
    ) == candidate
    assert await event_types(events, other) == []


async def test_a_supplier_of_another_tenant_is_not_found(sourcing, suppliers, tenant_id):
    foreign = await suppliers.CreateSupplier(
        spb.CreateSupplierRequest(tenant_id=tenant_id + 1, supplier=a_supplier())
    )
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await add(sourcing, tenant_id, supplier_id=foreign.id)
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    assert (await listed(sourcing, tenant_id)).total_size == 0


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"source_price": money("-3.00")}, "candidate.source_price"),
        ({"source_price": money("0")}, "candidate.source_price"),
        ({"supplier_rating": 6.0}, "candidate.supplier_rating"),
        ({"review_rating": -1.0}, "candidate.review_rating"),
        ({"review_count": -5}, "candidate.review_count"),
        ({"competitor_count": -1}, "candidate.competitor_count"),
        ({"supplier_lead_time_days": -2}, "candidate.supplier_lead_time_days"),
        ({"marketplace_id": "", "url": ""}, "candidate.marketplace_id"),
        ({"marketplace_id": "no spaces allowed"}, "candidate.marketplace_id"),
        ({"url": "ftp://example.com/x"}, "candidate.url"),
        ({"title": ""}, "candidate.title"),
        ({"category": "Not A Key"}, "candidate.category"),
        ({"competitor_prices": [money("20.00", "EUR")]}, "candidate.competitor_prices[0]"),
        ({"competitor_prices": [money("0")]}, "candidate.competitor_prices[0]"),
        ({"supplier_id": "nope"}, "candidate.supplier_id"),
    ],
)
async def test_bad_candidates_are_refused_with_field_violations_and_nothing_is_written(
    sourcing, events, tenant_id, overrides, field
):
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await add(sourcing, tenant_id, **overrides)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field in field_violations(caught.value)
    assert (await listed(sourcing, tenant_id)).total_size == 0
    assert await event_types(events, tenant_id) == []


async def test_a_batch_reports_every_bad_candidate_at_once(sourcing, tenant_id):
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await sourcing.BatchCreateCandidates(
            pb.BatchCreateCandidatesRequest(
                tenant_id=tenant_id,
                candidates=[a_candidate(), a_candidate(title=""), a_candidate(review_rating=9.0)],
            )
        )
    assert {"candidates[1].title", "candidates[2].review_rating"} <= set(field_violations(caught.value))
    assert (await listed(sourcing, tenant_id)).total_size == 0


async def test_discovery_without_crews_is_a_failed_precondition(sourcing, tenant_id):
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await sourcing.StartSourcingDiscovery(
            pb.StartSourcingDiscoveryRequest(tenant_id=tenant_id, category="kitchen")
        )
    assert caught.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert error_info(caught.value).reason == "AGENT_NOT_CONFIGURED"


async def test_concurrent_approvals_import_one_product_and_answer_it_to_all(
    sourcing, products, events, tenant_id
):
    import asyncio

    candidate = await add(sourcing, tenant_id)
    answers = await asyncio.gather(*(approve(sourcing, tenant_id, candidate.id) for _ in range(5)))

    assert len({a.product.id for a in answers}) == 1
    assert (await products.ListProducts(ppb.ListProductsRequest(tenant_id=tenant_id))).total_size == 1
    assert (await event_types(events, tenant_id)).count("sourcing.candidate_imported") == 1


async def test_concurrent_submissions_of_one_product_keep_one_candidate(sourcing, tenant_id):
    import asyncio

    draft = a_candidate()
    results = await asyncio.gather(
        *(
            sourcing.CreateCandidate(pb.CreateCandidateRequest(tenant_id=tenant_id, candidate=draft))
            for _ in range(5)
        ),
        return_exceptions=True,
    )
    kept = [r for r in results if isinstance(r, pb.Candidate)]
    refused = [r for r in results if isinstance(r, grpc.aio.AioRpcError)]
    assert len(kept) == 1 and len(refused) == 4
    assert {e.code() for e in refused} == {grpc.StatusCode.ALREADY_EXISTS}
    assert (await listed(sourcing, tenant_id)).total_size == 1
