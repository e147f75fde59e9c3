"""PurchaseOrderService requests -> validated domain commands. Every violation is reported at once."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from crm.v2 import purchase_order_service_pb2 as pb
from domain.money import Money
from domain.purchasing import (
    MAX_PO_LINES,
    MAX_PO_QUANTITY,
    MAX_TRACKING_NUMBERS,
    PO_MUTABLE_FIELDS,
    LineRequest,
    PurchaseOrderChanges,
    PurchaseOrderFilter,
    PurchaseOrderStatus,
    ReplenishmentDraft,
)
from server.edge.page_tokens import ListQuery, page_query
from server.edge.validation import Violations, mask_paths, masked_values
from server.purchasing.proto import KIND, STATUS

TEXT_MAX = 100

NOTES_MAX = 5000

REASON_MAX = 500


def create_command(request: pb.CreatePurchaseOrderRequest) -> tuple[ReplenishmentDraft, str | None]:
    v = Violations.of(request)
    po = request.purchase_order
    supplier_id = v.id("purchase_order.supplier_id", po.supplier_id)
    if not po.lines:
        v.add("purchase_order.lines", "at least one line is required")
    if len(po.lines) > MAX_PO_LINES:
        v.add("purchase_order.lines", f"at most {MAX_PO_LINES} lines, got {len(po.lines)}")
    lines = tuple(
        _line(v, f"purchase_order.lines[{i}]", line) for i, line in enumerate(po.lines[:MAX_PO_LINES])
    )
    if len({line.product_id for line in lines}) != len(lines):
        v.add("purchase_order.lines", "one line per product")
    draft = ReplenishmentDraft(
        supplier_id=supplier_id,
        lines=lines,
        notes=v.text("purchase_order.notes", po.notes, max_length=NOTES_MAX, strip=False),
    )
    request_id = v.request_id("request_id", request.request_id)
    v.raise_if_any()
    return draft, request_id


def _line(v: Violations, field: str, line: pb.PurchaseOrderLine) -> LineRequest:
    if not 0 <= line.quantity <= MAX_PO_QUANTITY:
        v.add(f"{field}.quantity", f"must be 1-{MAX_PO_QUANTITY:,} (0: the reorder recommendation's)")
    unit_cost: Money | None = None
    if line.HasField("unit_cost"):
        if not line.unit_cost.currency_code.strip():
            v.add(f"{field}.unit_cost.currency_code", "is required (e.g. USD)")
        unit_cost = v.money(f"{field}.unit_cost", line.unit_cost, exclusive_minimum=True)
    return LineRequest(
        product_id=v.id(f"{field}.product_id", line.product_id),
        quantity=line.quantity or None,
        unit_cost=unit_cost,
    )


def _tracking(v: Violations, values: list[str]) -> tuple[str, ...]:
    cleaned = tuple(value.strip() for value in values)
    if len(cleaned) > MAX_TRACKING_NUMBERS:
        v.add("purchase_order.tracking_numbers", f"at most {MAX_TRACKING_NUMBERS}, got {len(cleaned)}")
    for index, number in enumerate(cleaned[:MAX_TRACKING_NUMBERS]):
        v.text(f"purchase_order.tracking_numbers[{index}]", number, max_length=TEXT_MAX, required=True)
    return tuple(dict.fromkeys(cleaned))


def update_command(request: pb.UpdatePurchaseOrderRequest, actor: str) -> PurchaseOrderChanges:
    v = Violations.of(request)
    po = request.purchase_order
    paths = mask_paths(
        v, request.update_mask, allowed=PO_MUTABLE_FIELDS, resource=po, resource_field="purchase_order"
    )
    readers: dict[str, Callable[[], object]] = {
        "status": lambda: v.enum("purchase_order.status", STATUS, po.status, required=True),
        "supplier_order_id": lambda: v.text(
            "purchase_order.supplier_order_id", po.supplier_order_id, max_length=TEXT_MAX
        ),
        "carrier": lambda: v.text("purchase_order.carrier", po.carrier, max_length=TEXT_MAX),
        "tracking_numbers": lambda: _tracking(v, list(po.tracking_numbers)),
        "notes": lambda: v.text("purchase_order.notes", po.notes, max_length=NOTES_MAX, strip=False),
    }
    values = masked_values(v, paths, readers)
    received: dict[uuid.UUID, int] = {}
    if values.get("status") is PurchaseOrderStatus.RECEIVED:
        for index, line in enumerate(po.lines[:MAX_PO_LINES]):
            product_id = v.id(f"purchase_order.lines[{index}].product_id", line.product_id)
            if not 0 <= line.received_quantity <= MAX_PO_QUANTITY:
                v.add(f"purchase_order.lines[{index}].received_quantity", f"must be 0-{MAX_PO_QUANTITY:,}")
            if line.received_quantity:
                received[product_id] = line.received_quantity
    for index, line in enumerate(po.lines[:MAX_PO_LINES]):
        if line.HasField("unit_cost"):  # not changed by an update, but never accepted malformed
            v.money(f"purchase_order.lines[{index}].unit_cost", line.unit_cost)
    reason = v.text("reason", request.reason, max_length=REASON_MAX)
    v.raise_if_any()
    return PurchaseOrderChanges(values, received=received, reason=reason, actor=actor)


def cancel_command(request: pb.CancelPurchaseOrderRequest) -> tuple[uuid.UUID, str]:
    v = Violations.of(request)
    purchase_order_id = v.id("purchase_order_id", request.purchase_order_id)
    reason = v.text("reason", request.reason, max_length=REASON_MAX)
    v.raise_if_any()
    return purchase_order_id, reason


def list_query(request: pb.ListPurchaseOrdersRequest) -> ListQuery[PurchaseOrderFilter]:
    v = Violations.of(request)
    start = v.timestamp("created_from", request.created_from) if request.HasField("created_from") else None
    end = (
        v.timestamp("created_before", request.created_before) if request.HasField("created_before") else None
    )
    if start is not None and end is not None and end <= start:
        v.add("created_before", "must be after created_from")
    criteria = PurchaseOrderFilter(
        supplier_id=v.optional_id("supplier_id", request.supplier_id),
        status=v.enum("status", STATUS, request.status, required=False),
        kind=v.enum("kind", KIND, request.kind, required=False),
        order_id=v.optional_id("order_id", request.order_id),
        created_from=start,
        created_before=end,
    )
    return page_query(v, request, criteria)
