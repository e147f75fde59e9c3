"""GetDashboard's fraud figures and top products (issue 13): SQL aggregates of the tenant's orders, through
a real channel on SQLite and PostgreSQL, and nothing of any other tenant."""

from __future__ import annotations

from decimal import Decimal

from crm.v2 import analytics_service_pb2 as pb
from crm.v2 import order_service_pb2 as opb
from tests.integration.conftest_catalog import as_decimal
from tests.integration.conftest_orders import an_address, place, stocked_product

ABROAD = an_address(region_code="NG", address_lines=["1 Marina Road"], postal_code="101001")


async def seed(orders, products, tenant_id: int) -> tuple[str, str]:
    mug = await stocked_product(products, tenant_id, 100, price="20.00", title="Mug")
    lamp = await stocked_product(products, tenant_id, 100, price="300.00", title="Lamp")
    await place(orders, tenant_id, (mug.id, 3))  # LOW, 60.00
    await place(orders, tenant_id, (mug.id, 1), order={"shipping_address": ABROAD})  # MEDIUM: flagged
    await place(  # HIGH: held
        orders,
        tenant_id,
        (lamp.id, 2),
        order={"customer_email": "x@mailinator.com", "shipping_address": ABROAD},
    )
    cancelled = await place(orders, tenant_id, (lamp.id, 5))
    await orders.CancelOrder(
        opb.CancelOrderRequest(tenant_id=tenant_id, order_id=cancelled.id, reason="test")
    )
    return mug.id, lamp.id


async def test_the_dashboard_counts_held_and_flagged_orders_the_risk_and_the_best_sellers(
    analytics, orders, products, tenant_id
):
    mug, lamp = await seed(orders, products, tenant_id)
    await seed(orders, products, tenant_id + 1)  # another tenant: never counted

    board = await analytics.GetDashboard(pb.GetDashboardRequest(tenant_id=tenant_id, days=7))

    risk = board.risk
    assert (risk.held_orders, risk.flagged_orders) == (1, 1)
    levels = {c.risk_level: c.count for c in risk.by_risk_level}
    assert sum(levels.values()) == 4 and len(levels) == 4  # every level listed
    assert (
        levels[opb.RISK_LEVEL_MEDIUM] == 1
        and levels[opb.RISK_LEVEL_HIGH] + levels[opb.RISK_LEVEL_CRITICAL] == 1
    )
    assert 0 < risk.average_risk_score < 1

    # The cancelled order's lamps do not count: the lamp sold 2 (600.00), the mug 4 in two orders (80.00).
    top = [(t.product_id, t.units_sold, as_decimal(t.revenue), t.order_count) for t in board.top_products]
    assert top == [(lamp, 2, Decimal("600.00"), 1), (mug, 4, Decimal("80.00"), 2)]
    assert board.top_products[1].title == "Mug"


async def test_clearing_a_flag_takes_the_order_off_the_flagged_count(analytics, orders, products, tenant_id):
    mug = await stocked_product(products, tenant_id, 10)
    flagged = await place(orders, tenant_id, (mug.id, 1), order={"shipping_address": ABROAD})
    assert flagged.flagged
    await orders.UpdateOrder(
        opb.UpdateOrderRequest(
            tenant_id=tenant_id,
            order=opb.Order(id=flagged.id, flagged=False),
            update_mask={"paths": ["flagged"]},
        )
    )
    board = await analytics.GetDashboard(pb.GetDashboardRequest(tenant_id=tenant_id))
    assert board.risk.flagged_orders == 0
