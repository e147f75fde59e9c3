"""InventoryService requests -> validated domain commands. Every violation is reported at once."""

from __future__ import annotations

import json
import uuid
from datetime import date

from crm.v2 import inventory_service_pb2 as pb
from domain.catalog import MovementType
from domain.inventory import AlertFilter, InventoryChange, LevelFilter, OptimizeRequest
from server.edge.page_tokens import ListQuery, page_query
from server.edge.validation import Violations
from server.inventory.proto import ALERT_FILTER, MOVEMENT_TYPE

REASON_MAX = 500

QUERY_MAX = 200

DEFAULT_MOVEMENTS, MAX_MOVEMENTS = 50, 500

DEFAULT_ALERTS, MAX_ALERTS = 100, 500


def list_query(request: pb.ListInventoryRequest) -> ListQuery[LevelFilter]:
    v = Violations.of(request)
    criteria = LevelFilter(
        low_stock_only=request.low_stock_only,
        out_of_stock_only=request.out_of_stock_only,
        query=v.text("query", request.query, max_length=QUERY_MAX),
    )
    return page_query(v, request, criteria, valid=lambda text: 0 < len(text) <= 64)


def get_query(request: pb.GetInventoryRequest) -> tuple[uuid.UUID, int]:
    v = Violations.of(request)
    product_id = v.id("product_id", request.product_id)
    v.raise_if_any()
    return product_id, min(request.movement_limit or DEFAULT_MOVEMENTS, MAX_MOVEMENTS)


def update_command(request: pb.UpdateInventoryRequest, actor: str) -> tuple[uuid.UUID, InventoryChange]:
    v = Violations.of(request)
    product_id = v.id("product_id", request.product_id)
    which = request.WhichOneof("quantity")
    reason = v.text("reason", request.reason, max_length=REASON_MAX, required=which is not None)
    kind = (
        v.enum("movement_type", MOVEMENT_TYPE, request.movement_type, required=False)
        or MovementType.ADJUSTMENT
    )
    if kind not in (MovementType.ADJUSTMENT, MovementType.RECEIPT):
        v.add("movement_type", "must be ADJUSTMENT or RECEIPT")
    if kind is MovementType.RECEIPT and which == "adjust_by" and request.adjust_by < 0:
        v.add("movement_type", "RECEIPT only with an increase")
    settings = {}
    for name in ("reorder_point", "reorder_quantity", "max_stock"):
        if request.HasField(name):
            settings[name] = getattr(request, name)
    if which is None and not settings:
        v.add("quantity", "set set_available or adjust_by, or a reorder setting")
    v.raise_if_any()
    return product_id, InventoryChange(
        set_available=request.set_available if which == "set_available" else None,
        adjust_by=request.adjust_by if which == "adjust_by" else None,
        reason=reason,
        movement_type=kind,
        actor=actor,
        **settings,
    )


def optimize_command(request: pb.OptimizeInventoryRequest) -> tuple[uuid.UUID, OptimizeRequest]:
    v = Violations.of(request)
    product_id = v.id("product_id", request.product_id)
    sales = _daily_sales(v, request)
    ranges = (
        ("history_days", 7, 730),
        ("lead_time_days", 1, 365),
        ("service_level", 0.5, 0.999),
        ("holding_cost_rate", 0.01, 1.0),
    )
    for name, low, high in ranges:
        if request.HasField(name) and not low <= getattr(request, name) <= high:
            v.add(name, f"must be {low}-{high}")
    order_cost = v.optional_money("order_cost", request, "order_cost", exclusive_minimum=True)
    v.raise_if_any()

    def given(name: str):  # type: ignore[no-untyped-def]
        return getattr(request, name) if request.HasField(name) else None

    return product_id, OptimizeRequest(
        daily_sales=sales,
        history_days=given("history_days"),
        lead_time_days=given("lead_time_days"),
        service_level=given("service_level"),
        order_cost=None if order_cost is None else order_cost.amount,
        holding_cost_rate=given("holding_cost_rate"),
        apply=request.apply,
    )


def _daily_sales(v: Violations, request: pb.OptimizeInventoryRequest) -> dict[date, float] | None:
    if not request.daily_sales:
        return None
    sales: dict[date, float] = {}
    for i, day in enumerate(request.daily_sales):
        try:
            when = date(day.date.year, day.date.month, day.date.day)
        except ValueError:
            v.add(f"daily_sales[{i}].date", "must be a valid calendar date")
            continue
        if not 0 <= day.units < 1e9:
            v.add(f"daily_sales[{i}].units", "must be 0 or more")
        if when in sales:
            v.add(f"daily_sales[{i}].date", "repeats an earlier day")
        sales[when] = day.units
    if not 7 <= len(sales) <= 730:
        v.add("daily_sales", f"needs 7-730 distinct days, got {len(sales)}")
    elif (max(sales) - min(sales)).days >= 730:
        v.add("daily_sales", "must span at most 730 days")
    return sales


def alerts_query(request: pb.GetInventoryAlertsRequest) -> ListQuery[AlertFilter | None]:
    v = Violations.of(request)
    alert_filter = v.enum("alert_type", ALERT_FILTER, request.alert_type, required=False)
    return page_query(
        v, request, alert_filter, valid=_alert_position, default_size=DEFAULT_ALERTS, max_size=MAX_ALERTS
    )


def _alert_position(text: str) -> bool:
    try:
        value = json.loads(text)
    except ValueError:
        return False
    return (
        isinstance(value, list)
        and len(value) == 3
        and isinstance(value[0], int)
        and all(isinstance(x, str) for x in value[1:])
    )
