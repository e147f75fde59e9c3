"""InventoryService through a real gRPC channel, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import grpc
import pytest
from google.type import date_pb2

from crm.v2 import inventory_service_pb2 as pb
from server.edge import page_tokens
from tests.integration.conftest_catalog import as_decimal, money
from tests.integration.conftest_orders import (
    details,
    event_types,
    level,
    place,
    stocked_product,
)


async def update(inventory, tenant_id: int, product_id: str, **fields) -> pb.UpdateInventoryResponse:
    return await inventory.UpdateInventory(
        pb.UpdateInventoryRequest(tenant_id=tenant_id, product_id=product_id, **fields)
    )


async def test_list_filters_low_and_out_of_stock_by_sku_with_alerts(inventory, products, tenant_id):
    plenty = await stocked_product(products, tenant_id, 50, sku="A-PLENTY")
    low = await stocked_product(products, tenant_id, 4, sku="B-LOW")
    empty = await stocked_product(products, tenant_id, 0, sku="C-EMPTY")
    everything = await inventory.ListInventory(pb.ListInventoryRequest(tenant_id=tenant_id, page_size=2))
    rest = await inventory.ListInventory(
        pb.ListInventoryRequest(tenant_id=tenant_id, page_size=2, page_token=everything.next_page_token)
    )
    assert [x.sku for x in (*everything.inventory_levels, *rest.inventory_levels)] == [
        "A-PLENTY",
        "B-LOW",
        "C-EMPTY",
    ]
    assert everything.total_size == 3 and not everything.inventory_levels[0].alerts
    lows = await inventory.ListInventory(pb.ListInventoryRequest(tenant_id=tenant_id, low_stock_only=True))
    assert [x.product_id for x in lows.inventory_levels] == [low.id, empty.id]
    assert lows.inventory_levels[0].alerts[0].type == pb.INVENTORY_ALERT_TYPE_LOW_STOCK
    outs = await inventory.ListInventory(pb.ListInventoryRequest(tenant_id=tenant_id, out_of_stock_only=True))
    assert [x.product_id for x in outs.inventory_levels] == [empty.id]
    assert outs.inventory_levels[0].alerts[0].severity == pb.ALERT_SEVERITY_CRITICAL
    assert plenty.id not in [x.product_id for x in lows.inventory_levels]


async def test_a_page_over_the_byte_budget_stops_early_and_continues(
    inventory, products, tenant_id, monkeypatch
):
    """Like every list, a page of levels larger than a response may carry is cut short at the budget, and
    its token continues after the last level sent."""
    skus = [f"SKU-{n}" for n in range(5)]
    for sku in skus:
        await stocked_product(products, tenant_id, 5, sku=sku, title="T" * 200)
    one = await inventory.ListInventory(pb.ListInventoryRequest(tenant_id=tenant_id, page_size=1))
    monkeypatch.setattr(page_tokens, "_budget", 2 * one.inventory_levels[0].ByteSize() + 20)
    seen: list[str] = []
    token, pages = "", 0
    while True:
        page = await inventory.ListInventory(
            pb.ListInventoryRequest(tenant_id=tenant_id, page_size=5, page_token=token)
        )
        seen += [x.sku for x in page.inventory_levels]
        pages += 1
        token = page.next_page_token
        if not token:
            break
    assert seen == skus and pages == 3


async def test_set_and_adjust_write_one_ledger_row_each(inventory, products, events, tenant_id):
    product = await stocked_product(products, tenant_id, 30)
    received = await update(
        inventory,
        tenant_id,
        product.id,
        adjust_by=20,
        reason="delivery",
        movement_type=pb.MOVEMENT_TYPE_RECEIPT,
    )
    assert (received.inventory_level.available, received.movement.type) == (50, pb.MOVEMENT_TYPE_RECEIPT)
    assert not received.HasField("reorder_recommendation")
    counted = await update(inventory, tenant_id, product.id, set_available=8, reason="stock count")
    assert (counted.movement.available_delta, counted.movement.available_after) == (-42, 8)
    assert counted.reorder_recommendation.recommended_quantity >= 3  # back above the reorder point 10
    assert (
        as_decimal(counted.reorder_recommendation.estimated_cost)
        == 10 * counted.reorder_recommendation.recommended_quantity
    )
    unchanged = await update(inventory, tenant_id, product.id, set_available=8, reason="recount")
    assert not unchanged.HasField("movement")
    stock = await level(inventory, tenant_id, product.id)
    assert stock.total_movements == 3
    assert sum(m.available_delta for m in stock.movements) == stock.inventory_level.available
    types = await event_types(events, tenant_id)
    assert types.count("inventory.adjusted") == 2
    assert types.count("inventory.low") == 1 and types.count("inventory.reorder_recommended") == 1


async def test_removing_more_than_available_fails_and_changes_nothing(inventory, products, tenant_id):
    product = await stocked_product(products, tenant_id, 3)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await update(inventory, tenant_id, product.id, adjust_by=-4, reason="damaged")
    assert caught.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert details(caught.value)[1].reason == "INSUFFICIENT_INVENTORY"
    stock = await level(inventory, tenant_id, product.id)
    assert (stock.inventory_level.available, stock.total_movements) == (3, 1)


@pytest.mark.parametrize(
    ("fields", "bad"),
    [
        ({"set_available": -1, "reason": "x"}, {"set_available"}),
        ({"adjust_by": 0, "reason": "x"}, {"adjust_by"}),
        ({"adjust_by": 5}, {"reason"}),
        ({}, {"quantity"}),
        ({"reorder_point": -2}, {"reorder_point"}),
        ({"adjust_by": -1, "reason": "x", "movement_type": pb.MOVEMENT_TYPE_RECEIPT}, {"movement_type"}),
        ({"adjust_by": 1, "reason": "x", "movement_type": pb.MOVEMENT_TYPE_SHIPMENT}, {"movement_type"}),
    ],
)
async def test_bad_updates_are_invalid_and_change_nothing(inventory, products, tenant_id, fields, bad):
    product = await stocked_product(products, tenant_id, 3)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await update(inventory, tenant_id, product.id, **fields)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert set(details(caught.value)[0]) == bad
    assert (await level(inventory, tenant_id, product.id)).total_movements == 1


async def test_unknown_or_foreign_products_are_not_found(inventory, products, tenant_id):
    product = await stocked_product(products, tenant_id, 3)
    for call in (
        inventory.GetInventory(pb.GetInventoryRequest(tenant_id=tenant_id + 1, product_id=product.id)),
        inventory.UpdateInventory(
            pb.UpdateInventoryRequest(tenant_id=tenant_id + 1, product_id=product.id, adjust_by=1, reason="x")
        ),
        inventory.OptimizeInventory(
            pb.OptimizeInventoryRequest(tenant_id=tenant_id + 1, product_id=product.id)
        ),
    ):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await call
        assert caught.value.code() == grpc.StatusCode.NOT_FOUND


def history(days: int, pattern: tuple[float, ...]) -> list[pb.DailySales]:
    start = date(2026, 1, 1)
    return [
        pb.DailySales(
            date=date_pb2.Date(year=d.year, month=d.month, day=d.day), units=pattern[i % len(pattern)]
        )
        for i, d in enumerate(start + timedelta(days=n) for n in range(days))
    ]


async def test_optimize_with_caller_history_matches_the_textbook_and_can_apply(
    inventory, products, tenant_id
):
    product = await stocked_product(products, tenant_id, 100, category="office")  # office: no seasonality
    request = pb.OptimizeInventoryRequest(
        tenant_id=tenant_id, product_id=product.id, daily_sales=history(90, (5, 15)), lead_time_days=9
    )
    result = await inventory.OptimizeInventory(request)
    assert (result.sales_velocity, result.velocity_std_dev, result.seasonal_factor) == (10, 5, 1)
    assert (result.safety_stock, result.reorder_point, result.economic_order_quantity) == (25, 115, 271)
    assert result.recommended_order_quantity == 271 and not result.applied
    inputs = result.inputs
    assert (inputs.history_source, inputs.history_days, inputs.lead_time_source) == (
        pb.SALES_HISTORY_SOURCE_CALLER,
        90,
        "request",
    )
    assert (inputs.z_score, as_decimal(inputs.holding_cost), inputs.category) == (1.645, 2.5, "office")
    applied = await inventory.OptimizeInventory(
        pb.OptimizeInventoryRequest(
            tenant_id=tenant_id,
            product_id=product.id,
            daily_sales=history(90, (5, 15)),
            lead_time_days=9,
            apply=True,
        )
    )
    got = applied.inventory_level
    assert applied.applied and (got.reorder_point, got.reorder_quantity, got.max_stock) == (115, 271, 386)


async def test_optimize_reads_the_tenants_order_history(inventory, orders, products, tenant_id):
    product = await stocked_product(products, tenant_id, 100, category="office")
    await place(orders, tenant_id, (product.id, 9))
    result = await inventory.OptimizeInventory(
        pb.OptimizeInventoryRequest(tenant_id=tenant_id, product_id=product.id, history_days=30)
    )
    assert result.inputs.history_source == pb.SALES_HISTORY_SOURCE_ORDERS
    assert (result.inputs.units_sold, result.inputs.history_days) == (9, 30)
    assert result.sales_velocity == pytest.approx(0.3)
    assert result.inputs.lead_time_source == "default" and result.inputs.lead_time_days == 14


async def test_optimize_rejects_out_of_range_inputs(inventory, products, tenant_id):
    product = await stocked_product(products, tenant_id, 1)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await inventory.OptimizeInventory(
            pb.OptimizeInventoryRequest(
                tenant_id=tenant_id,
                product_id=product.id,
                daily_sales=history(3, (1,)),
                service_level=1.5,
                order_cost=money("0"),
            )
        )
    assert set(details(caught.value)[0]) == {"daily_sales", "service_level", "order_cost"}


async def test_alerts_are_ordered_by_severity_and_summarised(inventory, orders, products, tenant_id):
    await stocked_product(products, tenant_id, 0, sku="OUT-1")
    await stocked_product(products, tenant_id, 5, sku="LOW-1")
    scarce = await stocked_product(products, tenant_id, 1, sku="BACK-1")
    await place(orders, tenant_id, (scarce.id, 3), allow_backorder=True)
    full = await stocked_product(products, tenant_id, 40, sku="OVER-1")
    await update(inventory, tenant_id, full.id, max_stock=30)
    response = await inventory.GetInventoryAlerts(pb.GetInventoryAlertsRequest(tenant_id=tenant_id))
    assert [(a.sku, a.type) for a in response.alerts] == [
        ("BACK-1", pb.INVENTORY_ALERT_TYPE_BACKORDERED),
        ("OUT-1", pb.INVENTORY_ALERT_TYPE_OUT_OF_STOCK),
        ("BACK-1", pb.INVENTORY_ALERT_TYPE_LOW_STOCK),
        ("LOW-1", pb.INVENTORY_ALERT_TYPE_LOW_STOCK),
        ("OVER-1", pb.INVENTORY_ALERT_TYPE_OVERSTOCK),
    ]
    s = response.summary
    assert (s.total_alerts, s.critical_alerts, s.warning_alerts, s.info_alerts) == (5, 2, 2, 1)
    assert (s.out_of_stock_count, s.low_stock_count, s.backordered_count, s.overstock_count) == (1, 2, 1, 1)
    reorders = [a for a in response.alerts if a.recommended_order_quantity > 0]
    assert s.reorder_count == len(reorders) == 4
    per_product = {a.product_id: as_decimal(a.estimated_reorder_cost) for a in reorders}
    assert as_decimal(s.total_estimated_reorder_cost) == sum(per_product.values())
    only_low = await inventory.GetInventoryAlerts(
        pb.GetInventoryAlertsRequest(
            tenant_id=tenant_id, alert_type=pb.INVENTORY_ALERT_FILTER_LOW_STOCK, page_size=1
        )
    )
    more = await inventory.GetInventoryAlerts(
        pb.GetInventoryAlertsRequest(
            tenant_id=tenant_id,
            alert_type=pb.INVENTORY_ALERT_FILTER_LOW_STOCK,
            page_size=1,
            page_token=only_low.next_page_token,
        )
    )
    assert [a.sku for a in (*only_low.alerts, *more.alerts)] == ["BACK-1", "LOW-1"]
    assert only_low.total_size == 2 and more.next_page_token == "" and more.summary == s
