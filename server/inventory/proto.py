"""Inventory levels, movements, alerts and optimiser answers -> protobuf."""

from __future__ import annotations

from typing import cast

from crm.v2 import events_pb2
from crm.v2 import inventory_service_pb2 as pb
from domain import order_events
from domain.catalog import MovementType
from domain.inventory import (
    Alert,
    AlertFilter,
    AlertPage,
    AlertSeverity,
    AlertType,
    LevelView,
    Movement,
    OptimizeResult,
    ReorderRecommendation,
)
from domain.money import Money
from server.edge.convert import EnumMapping, date_to_proto, money_to_proto, to_timestamp
from server.events.registration import EventRegistration

MOVEMENT_TYPE = EnumMapping(pb.MovementType, MovementType, "MOVEMENT_TYPE")

ALERT_TYPE = EnumMapping(pb.InventoryAlertType, AlertType, "INVENTORY_ALERT_TYPE")

ALERT_FILTER = EnumMapping(pb.InventoryAlertFilter, AlertFilter, "INVENTORY_ALERT_FILTER")

# The stubs type an enum field as its enum class; Value() and the mappings give plain ints.
SEVERITY = {
    s: cast("pb.AlertSeverity", pb.AlertSeverity.Value(f"ALERT_SEVERITY_{s.name}")) for s in AlertSeverity
}

HISTORY_SOURCE = {
    "orders": pb.SALES_HISTORY_SOURCE_ORDERS,
    "caller": pb.SALES_HISTORY_SOURCE_CALLER,
    "none": pb.SALES_HISTORY_SOURCE_NONE,
}


def alert_to_proto(a: Alert) -> pb.InventoryAlert:
    return pb.InventoryAlert(
        product_id=str(a.product_id),
        sku=a.sku,
        title=a.title,
        type=ALERT_TYPE.to_proto(a.type),
        severity=SEVERITY[a.severity],
        message=a.message,
        available=a.available,
        reserved=a.reserved,
        reorder_point=a.reorder_point,
        recommended_order_quantity=a.recommended_order_quantity,
        estimated_reorder_cost=money_to_proto(a.estimated_reorder_cost),
        days_of_cover=a.days_of_cover,
    )


def level_to_proto(view: LevelView) -> pb.InventoryLevel:
    level = view.level
    return pb.InventoryLevel(
        product_id=str(level.product_id),
        tenant_id=level.tenant_id,
        sku=level.sku,
        title=level.title,
        available=level.available,
        reserved=level.reserved,
        on_hand=level.on_hand,
        backordered=level.backordered,
        reorder_point=level.reorder_point,
        reorder_quantity=level.reorder_quantity,
        max_stock=level.max_stock,
        unit_cost=money_to_proto(level.unit_cost),
        alerts=[alert_to_proto(a) for a in view.alerts],
        update_time=to_timestamp(level.updated_at),
        on_order=level.on_order,
    )


def movement_to_proto(m: Movement) -> pb.InventoryMovement:
    return pb.InventoryMovement(
        id=str(m.id),
        product_id=str(m.product_id),
        type=MOVEMENT_TYPE.to_proto(m.type),
        available_delta=m.available_delta,
        reserved_delta=m.reserved_delta,
        available_after=m.available_after,
        reserved_after=m.reserved_after,
        reason=m.reason,
        order_id=str(m.order_id or ""),
        actor=m.actor,
        create_time=to_timestamp(m.created_at),
    )


def recommendation_to_proto(r: ReorderRecommendation | None) -> pb.ReorderRecommendation | None:
    if r is None:
        return None
    return pb.ReorderRecommendation(
        recommended_quantity=r.quantity,
        estimated_cost=money_to_proto(r.estimated_cost),
        lead_time_days=r.lead_time_days,
        predicted_stockout_date=date_to_proto(r.stockout_date),
        reason=r.reason,
    )


def optimize_response(result: OptimizeResult) -> pb.OptimizeInventoryResponse:
    o = result.optimisation
    inp = o.inputs
    return pb.OptimizeInventoryResponse(
        product_id=str(result.view.level.product_id),
        sales_velocity=o.velocity,
        velocity_std_dev=o.velocity_std_dev,
        seasonal_factor=o.seasonal_factor,
        safety_stock=o.safety_stock,
        reorder_point=o.reorder_point,
        economic_order_quantity=o.economic_order_quantity,
        max_stock=o.max_stock,
        days_of_cover=o.days_of_cover,
        predicted_stockout_date=date_to_proto(o.stockout_date),
        recommended_order_quantity=o.recommended_order_quantity,
        inputs=pb.OptimizerInputs(
            history_source=HISTORY_SOURCE[result.history_source],
            history_days=result.history_days,
            units_sold=o.units_sold,
            lead_time_days=inp.lead_time_days,
            lead_time_source=result.lead_time_source,
            service_level=inp.service_level,
            z_score=o.z_score,
            annual_demand=o.annual_demand,
            order_cost=money_to_proto(result.order_cost),
            holding_cost_rate=inp.holding_cost_rate,
            unit_cost=money_to_proto(result.unit_cost),
            holding_cost=money_to_proto(result.holding_cost),
            category=result.category,
            month=result.month,
            available=inp.available,
        ),
        applied=result.applied,
        inventory_level=level_to_proto(result.view),
    )


def alerts_response(page: AlertPage, next_page_token: str) -> pb.GetInventoryAlertsResponse:
    s = page.summary
    costs = sorted(s.reorder_costs.items(), key=lambda kv: (-kv[1], kv[0]))
    main = money_to_proto(Money(costs[0][1], costs[0][0])) if costs else None
    return pb.GetInventoryAlertsResponse(
        alerts=[alert_to_proto(a) for a in page.alerts],
        next_page_token=next_page_token,
        total_size=page.total_size,
        summary=pb.InventoryAlertSummary(
            total_alerts=s.total,
            critical_alerts=s.by_severity.get(AlertSeverity.CRITICAL, 0),
            warning_alerts=s.by_severity.get(AlertSeverity.WARNING, 0),
            info_alerts=s.by_severity.get(AlertSeverity.INFO, 0),
            out_of_stock_count=s.by_type.get(AlertType.OUT_OF_STOCK, 0),
            low_stock_count=s.by_type.get(AlertType.LOW_STOCK, 0),
            backordered_count=s.by_type.get(AlertType.BACKORDERED, 0),
            overstock_count=s.by_type.get(AlertType.OVERSTOCK, 0),
            reorder_count=s.reorder_count,
            total_estimated_reorder_cost=main,
            other_currency_reorder_costs=[money_to_proto(Money(a, c)) for c, a in costs[1:]],
        ),
    )


def _insufficient(e: order_events.InventoryInsufficient) -> events_pb2.InventoryInsufficient:
    return events_pb2.InventoryInsufficient(
        tenant_id=e.tenant_id,
        lines=[
            events_pb2.InventoryInsufficient.ShortLine(
                item_index=line.item_index,
                product_id=line.product_id,
                sku=line.sku,
                requested=line.requested,
                available=line.available,
            )
            for line in e.lines
        ],
        order_id=str(e.order_id or ""),
        backordered=e.backordered,
        request_id=e.request_id,
        customer_email=e.customer_email,
    )


REGISTRATIONS: tuple[EventRegistration, ...] = (
    (
        order_events.InventoryLow,
        events_pb2.InventoryLow,
        lambda e: events_pb2.InventoryLow(
            tenant_id=e.tenant_id,
            product_id=str(e.product_id),
            sku=e.sku,
            available=e.available,
            reserved=e.reserved,
            reorder_point=e.reorder_point,
            order_id=str(e.order_id or ""),
        ),
    ),
    (order_events.InventoryInsufficient, events_pb2.InventoryInsufficient, _insufficient),
    (
        order_events.InventoryReorderRecommended,
        events_pb2.InventoryReorderRecommended,
        lambda e: events_pb2.InventoryReorderRecommended(
            tenant_id=e.tenant_id,
            product_id=str(e.product_id),
            sku=e.sku,
            available=e.available,
            reorder_point=e.reorder_point,
            recommendation=recommendation_to_proto(e.recommendation),
            supplier_id=str(e.supplier_id or ""),
        ),
    ),
    (
        order_events.InventoryAdjusted,
        events_pb2.InventoryAdjusted,
        lambda e: events_pb2.InventoryAdjusted(
            tenant_id=e.tenant_id,
            product_id=str(e.movement.product_id),
            sku=e.sku,
            movement=movement_to_proto(e.movement),
        ),
    ),
)
