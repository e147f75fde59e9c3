"""Fraud that follows the order (issue 13), through a real channel on SQLite and PostgreSQL: changes of the
addresses, the email or the lines re-assess an order (and may hold it), chargebacks and refunds feed the
customer's history, MEDIUM risk flags an order, and payment and fulfilment are tied."""

from __future__ import annotations

import grpc
import pytest
from google.protobuf import field_mask_pb2

from crm.v2 import order_service_pb2 as pb
from tests.integration.conftest_orders import an_address, details, event_types, level, place, stocked_product
from tests.support.status import field_violations

FOREIGN = an_address(
    region_code="NG", address_lines=["1 Marina Road"], postal_code="101001", locality="Lagos"
)


async def update(orders, tenant_id: int, order: pb.Order, *paths: str, reason: str = "") -> pb.Order:
    return await orders.UpdateOrder(
        pb.UpdateOrderRequest(
            tenant_id=tenant_id,
            order=order,
            update_mask=field_mask_pb2.FieldMask(paths=list(paths)),
            reason=reason,
        )
    )


def factor_names(order: pb.Order) -> list[str]:
    return [f.name for f in order.fraud_analysis.factors]


async def get(orders, tenant_id: int, order_id: str) -> pb.Order:
    return await orders.GetOrder(pb.GetOrderRequest(tenant_id=tenant_id, order_id=order_id))


async def test_a_new_shipping_country_reassesses_the_order(orders, products, events, tenant_id):
    product = await stocked_product(products, tenant_id, 20)
    order = await place(orders, tenant_id, (product.id, 1))
    assert "address_mismatch" not in factor_names(order)

    moved = await update(
        orders, tenant_id, pb.Order(id=order.id, shipping_address=FOREIGN), "shipping_address"
    )

    assert "address_mismatch" in factor_names(moved)
    assert moved.fraud_analysis.risk_score > order.fraud_analysis.risk_score
    assert moved.fraud_analysis.trigger == "shipping_address"
    total = sum(f.contribution for f in moved.fraud_analysis.factors)
    assert total == pytest.approx(moved.fraud_analysis.risk_score * 100, abs=0.02)
    assert "order.risk_reassessed" in await event_types(events, tenant_id)


async def test_a_change_that_makes_the_risk_high_holds_the_order(orders, products, events, tenant_id):
    product = await stocked_product(products, tenant_id, 20, price="300.00")
    order = await place(orders, tenant_id, (product.id, 2))
    assert order.status == pb.ORDER_STATUS_PENDING

    held = await update(
        orders,
        tenant_id,
        pb.Order(id=order.id, customer_email="someone@mailinator.com", shipping_address=FOREIGN),
        "customer_email",
        "shipping_address",
    )

    assert held.fraud_analysis.risk_level in (pb.RISK_LEVEL_HIGH, pb.RISK_LEVEL_CRITICAL)
    assert held.status == pb.ORDER_STATUS_ON_HOLD and held.fraud_analysis.verification_required
    assert held.customer_email == "someone@mailinator.com"
    assert held.fraud_analysis.trigger == "customer_email,shipping_address"
    hold = held.status_history[-1]
    assert (hold.from_status, hold.to_status, hold.reason, hold.changed_by) == (
        pb.ORDER_STATUS_PENDING,
        pb.ORDER_STATUS_ON_HOLD,
        "fraud_hold",
        "system",
    )
    assert await get(orders, tenant_id, order.id) == held
    assert "order.status_changed" in await event_types(events, tenant_id)


async def test_new_lines_are_repriced_rereserved_and_reassessed(orders, products, inventory, tenant_id):
    first = await stocked_product(products, tenant_id, 20)
    second = await stocked_product(products, tenant_id, 100, price="5.00")
    order = await place(orders, tenant_id, (first.id, 2))

    changed = await update(
        orders,
        tenant_id,
        pb.Order(id=order.id, items=[pb.OrderItem(product_id=second.id, quantity=60)]),
        "items",
    )

    assert [(i.product_id, i.quantity) for i in changed.items] == [(second.id, 60)]
    assert (changed.subtotal.units, changed.total.units) == (300, 300)
    assert "quantity_pattern" in factor_names(changed) and changed.fraud_analysis.trigger == "items"
    assert (await level(inventory, tenant_id, first.id)).inventory_level.reserved == 0
    assert (await level(inventory, tenant_id, second.id)).inventory_level.reserved == 60


async def test_lines_the_stock_cannot_cover_change_nothing(orders, products, inventory, tenant_id):
    product = await stocked_product(products, tenant_id, 5)
    order = await place(orders, tenant_id, (product.id, 2))
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await update(
            orders,
            tenant_id,
            pb.Order(id=order.id, items=[pb.OrderItem(product_id=product.id, quantity=9)]),
            "items",
        )
    assert caught.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert details(caught.value)[1].reason == "INSUFFICIENT_INVENTORY"
    assert await get(orders, tenant_id, order.id) == order
    assert (await level(inventory, tenant_id, product.id)).inventory_level.reserved == 2


async def test_lines_of_a_confirmed_order_are_locked(orders, products, tenant_id):
    product = await stocked_product(products, tenant_id, 20)
    order = await place(orders, tenant_id, (product.id, 1))
    await update(orders, tenant_id, pb.Order(id=order.id, status=pb.ORDER_STATUS_CONFIRMED), "status")
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await update(
            orders,
            tenant_id,
            pb.Order(id=order.id, items=[pb.OrderItem(product_id=product.id, quantity=2)]),
            "items",
        )
    assert caught.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert details(caught.value)[1].reason == "LINES_LOCKED"


async def test_a_chargeback_is_recorded_and_raises_the_customers_next_risk(orders, products, tenant_id):
    product = await stocked_product(products, tenant_id, 20)
    email = "repeat@example.com"
    first = await place(orders, tenant_id, (product.id, 1), order={"customer_email": email})
    await update(
        orders,
        tenant_id,
        pb.Order(id=first.id, financial_status=pb.FINANCIAL_STATUS_PAID),
        "financial_status",
    )
    before = await place(orders, tenant_id, (product.id, 1), order={"customer_email": email})

    charged = await update(
        orders,
        tenant_id,
        pb.Order(id=first.id, financial_status=pb.FINANCIAL_STATUS_CHARGED_BACK),
        "financial_status",
    )
    assert charged.financial_status == pb.FINANCIAL_STATUS_CHARGED_BACK
    after = await place(orders, tenant_id, (product.id, 1), order={"customer_email": email})

    history = {f.name: f for f in after.fraud_analysis.factors}["customer_history"]
    assert "1 charged back" in history.explanation
    assert after.fraud_analysis.risk_score > before.fraud_analysis.risk_score


async def test_a_medium_risk_order_is_flagged_listed_and_announced(orders, products, events, tenant_id):
    product = await stocked_product(products, tenant_id, 20)
    calm = await place(orders, tenant_id, (product.id, 1))
    # A first order shipped abroad: first order (0.10) and country mismatch (0.30) make 0.37, MEDIUM.
    risky = await place(orders, tenant_id, (product.id, 1), order={"shipping_address": FOREIGN})
    assert risky.fraud_analysis.risk_level == pb.RISK_LEVEL_MEDIUM
    assert risky.flagged and not calm.flagged
    assert risky.status == pb.ORDER_STATUS_PENDING

    flagged = await orders.ListOrders(pb.ListOrdersRequest(tenant_id=tenant_id, flagged=True))
    assert [o.id for o in flagged.orders] == [risky.id]
    unflagged = await orders.ListOrders(pb.ListOrdersRequest(tenant_id=tenant_id, flagged=False))
    assert [o.id for o in unflagged.orders] == [calm.id]
    assert (await event_types(events, tenant_id)).count("order.flagged") == 1


async def test_refunding_needs_a_captured_payment(orders, products, tenant_id):
    product = await stocked_product(products, tenant_id, 20)
    order = await place(orders, tenant_id, (product.id, 1))
    for status in (
        pb.ORDER_STATUS_CONFIRMED,
        pb.ORDER_STATUS_PROCESSING,
        pb.ORDER_STATUS_SHIPPED,
        pb.ORDER_STATUS_DELIVERED,
    ):
        order = await update(orders, tenant_id, pb.Order(id=order.id, status=status), "status")

    with pytest.raises(grpc.aio.AioRpcError) as never_paid:
        await update(orders, tenant_id, pb.Order(id=order.id, status=pb.ORDER_STATUS_REFUNDED), "status")
    assert never_paid.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert details(never_paid.value)[1].reason == "PAYMENT_NOT_CAPTURED"
    assert await get(orders, tenant_id, order.id) == order

    await update(
        orders,
        tenant_id,
        pb.Order(id=order.id, financial_status=pb.FINANCIAL_STATUS_PAID),
        "financial_status",
    )
    refunded = await update(
        orders, tenant_id, pb.Order(id=order.id, status=pb.ORDER_STATUS_REFUNDED), "status"
    )
    assert refunded.status == pb.ORDER_STATUS_REFUNDED
    assert refunded.financial_status == pb.FINANCIAL_STATUS_REFUNDED


async def test_another_tenants_order_cannot_be_changed(orders, products, tenant_id):
    product = await stocked_product(products, tenant_id, 20)
    order = await place(orders, tenant_id, (product.id, 1))
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await update(
            orders, tenant_id + 1, pb.Order(id=order.id, shipping_address=FOREIGN), "shipping_address"
        )
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    assert await get(orders, tenant_id, order.id) == order


async def test_a_malformed_email_change_is_refused(orders, products, tenant_id):
    product = await stocked_product(products, tenant_id, 20)
    order = await place(orders, tenant_id, (product.id, 1))
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await update(
            orders, tenant_id, pb.Order(id=order.id, customer_email="not-an-email"), "customer_email"
        )
    assert "order.customer_email" in field_violations(caught.value)


class TestRiskLists:
    async def test_a_blocked_email_holds_its_orders(self, orders, products, tenant_id):
        product = await stocked_product(products, tenant_id, 20)
        entry = await orders.CreateRiskListEntry(
            pb.CreateRiskListEntryRequest(
                tenant_id=tenant_id,
                entry=pb.RiskListEntry(
                    list=pb.RISK_LIST_BLOCK,
                    kind=pb.RISK_LIST_KIND_EMAIL,
                    value=" Thief@Example.com ",
                    reason="fraud ring",
                ),
            )
        )
        assert entry.value == "thief@example.com"
        order = await place(orders, tenant_id, (product.id, 1), order={"customer_email": "thief@example.com"})
        assert order.fraud_analysis.risk_level == pb.RISK_LEVEL_CRITICAL
        assert order.status == pb.ORDER_STATUS_ON_HOLD
        assert factor_names(order)[0] == "block_list"

    async def test_an_allowed_domain_is_trusted_whatever_its_signals(self, orders, products, tenant_id):
        product = await stocked_product(products, tenant_id, 100)
        await orders.CreateRiskListEntry(
            pb.CreateRiskListEntryRequest(
                tenant_id=tenant_id,
                entry=pb.RiskListEntry(
                    list=pb.RISK_LIST_ALLOW, kind=pb.RISK_LIST_KIND_DOMAIN, value="partner.example"
                ),
            )
        )
        order = await place(
            orders,
            tenant_id,
            (product.id, 60),
            order={"customer_email": "buyer@partner.example", "shipping_address": FOREIGN},
        )
        assert (
            order.fraud_analysis.risk_level == pb.RISK_LEVEL_LOW and order.status == pb.ORDER_STATUS_PENDING
        )
        [trusted] = order.fraud_analysis.factors
        assert trusted.name == "allow_list" and "quantity_pattern" in trusted.explanation

    async def test_entries_are_listed_deleted_and_unique(self, orders, tenant_id):
        request = pb.CreateRiskListEntryRequest(
            tenant_id=tenant_id,
            entry=pb.RiskListEntry(list=pb.RISK_LIST_BLOCK, kind=pb.RISK_LIST_KIND_COUNTRY, value="kp"),
        )
        entry = await orders.CreateRiskListEntry(request)
        assert entry.value == "KP"
        with pytest.raises(grpc.aio.AioRpcError) as duplicate:
            await orders.CreateRiskListEntry(request)
        assert duplicate.value.code() == grpc.StatusCode.ALREADY_EXISTS
        listed = await orders.ListRiskListEntries(pb.ListRiskListEntriesRequest(tenant_id=tenant_id))
        assert [e.id for e in listed.entries] == [entry.id] and listed.total_size == 1

        with pytest.raises(grpc.aio.AioRpcError) as foreign:
            await orders.DeleteRiskListEntry(
                pb.DeleteRiskListEntryRequest(tenant_id=tenant_id + 1, entry_id=entry.id)
            )
        assert foreign.value.code() == grpc.StatusCode.NOT_FOUND
        await orders.DeleteRiskListEntry(
            pb.DeleteRiskListEntryRequest(tenant_id=tenant_id, entry_id=entry.id)
        )
        assert (
            await orders.ListRiskListEntries(pb.ListRiskListEntriesRequest(tenant_id=tenant_id))
        ).entries == []

    @pytest.mark.parametrize(
        ("entry", "field"),
        [
            (
                pb.RiskListEntry(list=pb.RISK_LIST_BLOCK, kind=pb.RISK_LIST_KIND_EMAIL, value="nope"),
                "entry.value",
            ),
            (
                pb.RiskListEntry(list=pb.RISK_LIST_BLOCK, kind=pb.RISK_LIST_KIND_COUNTRY, value="USA"),
                "entry.value",
            ),
            (
                pb.RiskListEntry(
                    list=pb.RISK_LIST_BLOCK, kind=pb.RISK_LIST_KIND_DOMAIN, value="no spaces.com"
                ),
                "entry.value",
            ),
            (pb.RiskListEntry(kind=pb.RISK_LIST_KIND_EMAIL, value="a@b.com"), "entry.list"),
            (pb.RiskListEntry(list=pb.RISK_LIST_ALLOW, value="a@b.com"), "entry.kind"),
        ],
    )
    async def test_malformed_entries_are_refused(self, orders, tenant_id, entry, field):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await orders.CreateRiskListEntry(pb.CreateRiskListEntryRequest(tenant_id=tenant_id, entry=entry))
        assert field in field_violations(caught.value)
        assert (
            await orders.ListRiskListEntries(pb.ListRiskListEntriesRequest(tenant_id=tenant_id))
        ).entries == []
