"""AnalyticsService.GetDashboard: every figure of the tenant's period, from SQL aggregates, and nothing
of any other tenant."""

from __future__ import annotations

from decimal import Decimal

import grpc
import pytest
from google.protobuf import field_mask_pb2

from crm.v2 import analytics_service_pb2 as pb
from crm.v2 import (
    deal_service_pb2,
    lead_service_pb2,
    order_service_pb2,
)
from tests.integration.conftest_catalog import as_decimal
from tests.integration.conftest_crm import a_deal
from tests.integration.conftest_orders import place, stocked_product
from tests.integration.test_leads import a_lead
from tests.support.status import field_violations


async def seed(orders, products, leads, deals, tenant_id: int) -> None:
    cheap = await stocked_product(products, tenant_id, 100, price="20.00")
    dear = await stocked_product(products, tenant_id, 3, price="50.00")
    paid = await place(orders, tenant_id, (cheap.id, 2), (dear.id, 1))  # 90.00
    await place(orders, tenant_id, (cheap.id, 1))  # 20.00, stays pending
    await orders.UpdateOrder(
        order_service_pb2.UpdateOrderRequest(
            tenant_id=tenant_id,
            order=order_service_pb2.Order(
                id=paid.id, financial_status=order_service_pb2.FINANCIAL_STATUS_PAID
            ),
            update_mask=field_mask_pb2.FieldMask(paths=["financial_status"]),
        )
    )
    for source in (lead_service_pb2.LEAD_SOURCE_REFERRAL, lead_service_pb2.LEAD_SOURCE_COLD_CALL):
        await leads.CreateLead(
            lead_service_pb2.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead(source=source))
        )
    await deals.CreateDeal(deal_service_pb2.CreateDealRequest(tenant_id=tenant_id, deal=a_deal()))


async def test_the_dashboard_adds_up_the_tenants_period(analytics, orders, products, leads, deals, tenant_id):
    await seed(orders, products, leads, deals, tenant_id)
    await seed(orders, products, leads, deals, tenant_id + 1)  # another tenant: never counted

    board = await analytics.GetDashboard(pb.GetDashboardRequest(tenant_id=tenant_id, days=7))

    assert board.days == 7 and board.currency_code == "USD"
    assert board.products.total == 2 and board.products.active == 2
    assert sum(c.count for c in board.products.by_classification) == 2
    assert board.orders.total == 2 and board.orders.paid_count == 1
    assert as_decimal(board.orders.paid_revenue) == Decimal("90.00")
    assert as_decimal(board.orders.average_order_value) == Decimal("90.00")
    assert len(board.orders.revenue_per_day) in (7, 8)  # the period spans 7 or 8 calendar days
    assert sum(d.order_count for d in board.orders.revenue_per_day) == 2
    assert sum(as_decimal(d.revenue) for d in board.orders.revenue_per_day) == Decimal("90.00")
    statuses = {s.status: s.count for s in board.orders.by_status}
    assert len(statuses) == 8 and sum(statuses.values()) == 2  # every status listed, zeros included
    assert board.inventory.items == 2
    assert board.inventory.units_reserved == 4  # 2 + 1 + 1 units held by the two open orders
    assert board.inventory.units_available == 100 + 3 - 4
    assert board.leads.total == 2 and board.leads.created_in_period == 2
    assert 0 < board.leads.average_score <= 100
    assert board.pipeline.open_deal_count == 1
    assert as_decimal(board.pipeline.open_value) == Decimal("1000.00")
    assert as_decimal(board.pipeline.weighted_value) < Decimal("1000.00")


async def test_an_empty_tenant_has_a_zero_dashboard(analytics, tenant_id):
    board = await analytics.GetDashboard(pb.GetDashboardRequest(tenant_id=tenant_id))
    assert board.days == 30
    assert board.products.total == board.orders.total == board.leads.total == 0
    assert as_decimal(board.orders.average_order_value) == 0
    assert board.pipeline.win_rate == 0 and board.leads.conversion_rate == 0
    assert all(d.order_count == 0 for d in board.orders.revenue_per_day)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"days": 366}, "days"),
        ({"days": -1}, "days"),
        ({"currency_code": "dollars"}, "currency_code"),
        ({"tenant_id": 0}, "tenant_id"),
    ],
)
async def test_bad_dashboard_requests_are_invalid(analytics, tenant_id, fields, field):
    request = pb.GetDashboardRequest(tenant_id=tenant_id)
    for name, value in fields.items():
        setattr(request, name, value)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await analytics.GetDashboard(request)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field in field_violations(caught.value)


async def test_a_currency_without_orders_reports_zero_revenue(
    analytics, orders, products, leads, deals, tenant_id
):
    await seed(orders, products, leads, deals, tenant_id)
    board = await analytics.GetDashboard(pb.GetDashboardRequest(tenant_id=tenant_id, currency_code="eur"))
    assert board.currency_code == "EUR"
    assert as_decimal(board.orders.paid_revenue) == 0 and board.orders.total == 2
    assert board.pipeline.open_deal_count == 0  # the deal is in USD
