"""The dashboard's supply figures: gross profit and margin of the period's orders against the landed cost,
open purchase orders by status, and products whose margin is at risk — SQL aggregates, tenant-scoped."""

from __future__ import annotations

from decimal import Decimal

from crm.v2 import analytics_service_pb2 as pb
from crm.v2 import order_service_pb2 as opb
from crm.v2 import purchase_order_service_pb2 as popb
from tests.integration.conftest_catalog import as_decimal
from tests.integration.conftest_orders import place, stocked_product
from tests.integration.conftest_supply import new_product, new_supplier


async def test_gross_profit_margin_open_purchase_orders_and_margin_risk(
    orders, products, suppliers, purchasing, analytics, tenant_id
):
    # source 10.00, selling 25.00: 3 units earn 75.00 on 30.00 of landed cost
    product = await stocked_product(products, tenant_id, 50, price="25.00")
    await place(orders, tenant_id, (product.id, 3))
    cancelled = await place(orders, tenant_id, (product.id, 5))
    await orders.CancelOrder(opb.CancelOrderRequest(tenant_id=tenant_id, order_id=cancelled.id, reason="x"))
    await new_product(products, tenant_id, source="59.99", selling="37.49")  # below its floor
    supplier = await new_supplier(suppliers, tenant_id)
    for quantity in (4, 6):
        await purchasing.CreatePurchaseOrder(
            popb.CreatePurchaseOrderRequest(
                tenant_id=tenant_id,
                purchase_order=popb.PurchaseOrder(
                    supplier_id=supplier.id,
                    lines=[popb.PurchaseOrderLine(product_id=product.id, quantity=quantity)],
                ),
            )
        )
    await place(
        orders, tenant_id + 1, ((await stocked_product(products, tenant_id + 1, 5, price="99.00")).id, 1)
    )
    supply = (await analytics.GetDashboard(pb.GetDashboardRequest(tenant_id=tenant_id))).supply
    assert as_decimal(supply.revenue) == Decimal("75")
    assert as_decimal(supply.landed_cost) == Decimal("30")
    assert as_decimal(supply.gross_profit) == Decimal("45")
    assert supply.gross_margin == 0.6
    assert [(s.status, s.count, as_decimal(s.total)) for s in supply.open_purchase_orders] == [
        (popb.PURCHASE_ORDER_STATUS_DRAFT, 2, Decimal("100"))
    ]
    assert supply.margin_at_risk_products == 1
