"""SupplyService through a real gRPC channel, on SQLite and PostgreSQL: offers, the offer choice the
product's source price follows, and the margin guardrail that flags a product a cost rise leaves
unprofitable."""

from __future__ import annotations

import asyncio

import grpc
import pytest
from google.protobuf import field_mask_pb2

from crm.v2 import product_service_pb2 as ppb
from crm.v2 import supplier_service_pb2 as spb
from crm.v2 import supply_service_pb2 as opb
from tests.integration.conftest_catalog import as_decimal, event_types, get_product, listed, money
from tests.integration.conftest_sourcing import add as add_candidate
from tests.integration.conftest_sourcing import approve as approve_candidate
from tests.integration.conftest_supply import an_offer, new_offer, new_product, new_supplier
from tests.support.status import error_reason, field_violations


async def update_offer(supply, tenant_id: int, offer: opb.SupplierOffer, *paths: str) -> opb.SupplierOffer:
    return await supply.UpdateOffer(
        opb.UpdateOfferRequest(
            tenant_id=tenant_id, offer=offer, update_mask=field_mask_pb2.FieldMask(paths=list(paths))
        )
    )


async def test_the_chosen_offer_sets_the_products_supplier_and_source_price_to_its_landed_cost(
    supply, products, suppliers, events, tenant_id
):
    supplier = await new_supplier(suppliers, tenant_id)
    product = await new_product(products, tenant_id, source="29.99", selling="49.99")
    offer = await new_offer(supply, tenant_id, product.id, supplier.id)
    assert offer.chosen and as_decimal(offer.landed_cost) == as_decimal(money("22.50"))
    after = await get_product(products, tenant_id, product.id)
    assert after.chosen_offer_id == offer.id and after.supplier_id == supplier.id
    assert as_decimal(after.pricing.source_price) == as_decimal(money("22.50"))
    assert after.analysis.dropship_score != product.analysis.dropship_score  # re-scored at the new cost
    assert not after.margin_at_risk
    assert (await event_types(events, tenant_id))[-2:] == ["product.updated", "supplier.offer_changed"]


async def test_a_cheaper_offer_takes_over_and_lists_filter_by_product_and_supplier(
    supply, products, suppliers, tenant_id
):
    first_supplier = await new_supplier(suppliers, tenant_id)
    second_supplier = await new_supplier(suppliers, tenant_id)
    product = await new_product(products, tenant_id, selling="49.99")
    other = await new_product(products, tenant_id, selling="49.99")
    dearer = await new_offer(supply, tenant_id, product.id, first_supplier.id)
    cheaper = await new_offer(supply, tenant_id, product.id, second_supplier.id, unit_cost=money("18.00"))
    await new_offer(supply, tenant_id, other.id, second_supplier.id)
    assert cheaper.chosen
    assert (await get_product(products, tenant_id, product.id)).chosen_offer_id == cheaper.id
    by_product = await supply.ListOffers(opb.ListOffersRequest(tenant_id=tenant_id, product_id=product.id))
    assert [o.id for o in by_product.offers] == [cheaper.id, dearer.id] and by_product.total_size == 2
    assert [o.chosen for o in by_product.offers] == [True, False]
    first = await supply.ListOffers(
        opb.ListOffersRequest(tenant_id=tenant_id, supplier_id=second_supplier.id, page_size=1)
    )
    second = await supply.ListOffers(
        opb.ListOffersRequest(
            tenant_id=tenant_id, supplier_id=second_supplier.id, page_size=1, page_token=first.next_page_token
        )
    )
    assert first.total_size == 2 and len(first.offers) == len(second.offers) == 1
    assert first.offers[0].id != second.offers[0].id and not second.next_page_token
    ranking = await supply.RankOffers(opb.RankOffersRequest(tenant_id=tenant_id, product_id=product.id))
    assert ranking.chosen_offer_id == cheaper.id and [r.offer.id for r in ranking.offers] == [
        cheaper.id,
        dearer.id,
    ]
    for ranked in ranking.offers:
        assert {f.name for f in ranked.factors} == {"landed_cost", "lead_time", "supplier_rating", "moq_fit"}
        assert sum(f.contribution for f in ranked.factors) == pytest.approx(ranked.score, abs=0.011)


async def test_deactivating_or_deleting_the_chosen_offer_chooses_among_the_rest(
    supply, products, suppliers, tenant_id
):
    supplier = await new_supplier(suppliers, tenant_id)
    product = await new_product(products, tenant_id, selling="49.99")
    backup = await new_offer(supply, tenant_id, product.id, supplier.id, unit_cost=money("25.00"))
    best = await new_offer(supply, tenant_id, product.id, supplier.id, unit_cost=money("15.00"))
    off = await update_offer(supply, tenant_id, opb.SupplierOffer(id=best.id, is_active=False), "is_active")
    assert not off.chosen
    assert (await get_product(products, tenant_id, product.id)).chosen_offer_id == backup.id
    deleted = await supply.DeleteOffer(opb.DeleteOfferRequest(tenant_id=tenant_id, offer_id=backup.id))
    assert deleted.chosen_offer_id == ""
    after = await get_product(products, tenant_id, product.id)
    assert after.chosen_offer_id == "" and as_decimal(after.pricing.source_price) == as_decimal(
        money("27.50")
    )
    ranking = await supply.RankOffers(opb.RankOffersRequest(tenant_id=tenant_id, product_id=product.id))
    assert [(r.offer.id, r.eligible, r.reason) for r in ranking.offers] == [
        (best.id, False, "the offer is inactive")
    ]


async def test_a_cost_rise_that_leaves_the_selling_price_below_the_floor_flags_the_product(
    supply, products, suppliers, events, tenant_id
):
    supplier = await new_supplier(suppliers, tenant_id)
    product = await new_product(products, tenant_id, selling="37.49")
    offer = await new_offer(
        supply, tenant_id, product.id, supplier.id, unit_cost=money("29.99"), shipping_cost=money("0")
    )
    assert not (await get_product(products, tenant_id, product.id)).margin_at_risk
    await update_offer(
        supply, tenant_id, opb.SupplierOffer(id=offer.id, unit_cost=money("59.99")), "unit_cost"
    )
    flagged = await get_product(products, tenant_id, product.id)
    assert flagged.margin_at_risk and as_decimal(flagged.pricing.current_selling_price) == as_decimal(
        money("37.49")
    )
    assert [p.id for p in (await listed(products, tenant_id, margin_at_risk_only=True)).products] == [
        product.id
    ]
    assert "product.margin_at_risk" in await event_types(events, tenant_id)


async def test_raising_the_source_price_by_update_product_flags_the_margin_and_a_new_price_clears_it(
    products, events, tenant_id
):
    product = await new_product(products, tenant_id, source="29.99", selling="37.49")
    assert not product.margin_at_risk
    raised = await products.UpdateProduct(
        ppb.UpdateProductRequest(
            tenant_id=tenant_id,
            product=ppb.Product(id=product.id, pricing=ppb.ProductPricing(source_price=money("59.99"))),
            update_mask=field_mask_pb2.FieldMask(paths=["pricing.source_price"]),
        )
    )
    assert raised.margin_at_risk
    assert (await event_types(events, tenant_id)).count("product.margin_at_risk") == 1
    repriced = await products.UpdateProduct(
        ppb.UpdateProductRequest(
            tenant_id=tenant_id,
            product=ppb.Product(
                id=product.id, pricing=ppb.ProductPricing(current_selling_price=money("79.99"))
            ),
            update_mask=field_mask_pb2.FieldMask(paths=["pricing.current_selling_price"]),
        )
    )
    assert not repriced.margin_at_risk
    assert (await listed(products, tenant_id, margin_at_risk_only=True)).total_size == 0


async def test_an_offer_for_another_tenants_product_or_supplier_is_not_found_and_writes_nothing(
    supply, products, suppliers, events, tenant_id
):
    mine_supplier = await new_supplier(suppliers, tenant_id)
    mine_product = await new_product(products, tenant_id)
    theirs_supplier = await new_supplier(suppliers, tenant_id + 1)
    theirs_product = await new_product(products, tenant_id + 1)
    before = await event_types(events, tenant_id)
    for product_id, supplier_id, reason in (
        (theirs_product.id, mine_supplier.id, "PRODUCT_NOT_FOUND"),
        (mine_product.id, theirs_supplier.id, "SUPPLIER_NOT_FOUND"),
    ):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await new_offer(supply, tenant_id, product_id, supplier_id)
        assert caught.value.code() is grpc.StatusCode.NOT_FOUND and error_reason(caught.value) == reason
    assert await event_types(events, tenant_id) == before
    assert (await supply.ListOffers(opb.ListOffersRequest(tenant_id=tenant_id))).total_size == 0
    assert (await supply.ListOffers(opb.ListOffersRequest(tenant_id=tenant_id + 1))).total_size == 0


async def test_negative_cost_zero_moq_negative_lead_time_and_unknown_currency_are_invalid(
    supply, products, suppliers, tenant_id
):
    supplier = await new_supplier(suppliers, tenant_id)
    product = await new_product(products, tenant_id)
    bad = an_offer(
        product.id,
        supplier.id,
        unit_cost=money("-1.00"),
        min_order_quantity=0,
        lead_time_days=-2,
        shipping_cost=money("1.00", "U$D"),
    )
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await supply.CreateOffer(opb.CreateOfferRequest(tenant_id=tenant_id, offer=bad))
    assert caught.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert set(field_violations(caught.value)) >= {
        "offer.unit_cost",
        "offer.min_order_quantity",
        "offer.lead_time_days",
        "offer.shipping_cost.currency_code",
    }
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await new_offer(
            supply,
            tenant_id,
            product.id,
            supplier.id,
            unit_cost=money("5.00", "EUR"),
            shipping_cost=money("0", "EUR"),
        )
    assert caught.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert "offer.unit_cost.currency_code" in field_violations(caught.value)
    assert (await supply.ListOffers(opb.ListOffersRequest(tenant_id=tenant_id))).total_size == 0


async def test_a_repeated_request_id_answers_the_first_offer(supply, products, suppliers, tenant_id):
    supplier = await new_supplier(suppliers, tenant_id)
    product = await new_product(products, tenant_id)
    request = opb.CreateOfferRequest(
        tenant_id=tenant_id, offer=an_offer(product.id, supplier.id), request_id="offer-1"
    )
    first = await supply.CreateOffer(request)
    assert await supply.CreateOffer(request) == first
    request.offer.supplier_sku = "OTHER"
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await supply.CreateOffer(request)
    assert error_reason(caught.value) == "REQUEST_ID_REUSED"


async def test_deactivating_the_chosen_suppliers_account_hands_the_product_to_another_offer(
    supply, products, suppliers, tenant_id
):
    first = await new_supplier(suppliers, tenant_id)
    second = await new_supplier(suppliers, tenant_id)
    product = await new_product(products, tenant_id, selling="49.99")
    await new_offer(supply, tenant_id, product.id, first.id, unit_cost=money("10.00"))
    backup = await new_offer(supply, tenant_id, product.id, second.id, unit_cost=money("12.00"))
    await suppliers.UpdateSupplier(
        spb.UpdateSupplierRequest(
            tenant_id=tenant_id,
            supplier=spb.Supplier(id=first.id, is_active=False),
            update_mask=field_mask_pb2.FieldMask(paths=["is_active"]),
        )
    )
    after = await get_product(products, tenant_id, product.id)
    assert (after.chosen_offer_id, after.supplier_id) == (backup.id, second.id)


async def test_concurrent_creates_with_one_request_id_make_one_offer(supply, products, suppliers, tenant_id):
    supplier = await new_supplier(suppliers, tenant_id)
    product = await new_product(products, tenant_id)
    request = opb.CreateOfferRequest(
        tenant_id=tenant_id, offer=an_offer(product.id, supplier.id), request_id="o-1"
    )
    made = await asyncio.gather(*(supply.CreateOffer(request) for _ in range(5)))
    assert len({offer.id for offer in made}) == 1
    assert (await supply.ListOffers(opb.ListOffersRequest(tenant_id=tenant_id))).total_size == 1


async def test_approving_a_sourced_candidate_imports_its_product_with_its_chosen_offer(
    sourcing, supply, products, suppliers, tenant_id
):
    supplier = await new_supplier(suppliers, tenant_id)
    candidate = await add_candidate(
        sourcing, tenant_id, supplier_id=supplier.id, url="https://aliexpress.example.com/item/42"
    )
    imported = await approve_candidate(sourcing, tenant_id, candidate.id)
    product = await get_product(products, tenant_id, imported.product.id)
    (offer,) = (
        await supply.ListOffers(opb.ListOffersRequest(tenant_id=tenant_id, product_id=product.id))
    ).offers
    assert offer.chosen and product.chosen_offer_id == offer.id and offer.supplier_id == supplier.id
    assert offer.supplier_sku == candidate.marketplace_id and offer.lead_time_days == 9
    assert offer.listing_url == "https://aliexpress.example.com/item/42"
    assert (
        as_decimal(offer.landed_cost)
        == as_decimal(product.pricing.source_price)
        == as_decimal(money("12.50"))
    )
    again = await approve_candidate(sourcing, tenant_id, candidate.id)  # idempotent: no second offer
    assert again.product.id == product.id
    assert (await supply.ListOffers(opb.ListOffersRequest(tenant_id=tenant_id))).total_size == 1
