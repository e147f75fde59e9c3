"""OrderService requests -> validated domain commands. Every violation is reported at once."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable

from crm.v2 import order_service_pb2 as pb
from domain.order_errors import TooManyLines
from domain.orders import (
    MAX_LINE_QUANTITY,
    MAX_ORDER_LINES,
    FinancialStatus,
    LineRequest,
    NewOrder,
    OrderChanges,
    OrderDraft,
    OrderFilter,
    RiskListFilter,
    RiskListKind,
    RiskListType,
)
from server.edge.page_tokens import ListQuery, page_query
from server.edge.validation import Violations, fingerprint_of, mask_paths, masked_values
from server.orders.proto import FINANCIAL_STATUS, RISK_LEVEL, RISK_LIST, RISK_LIST_KIND, STATUS

NAME_MAX = 200

NOTES_MAX = 5000

REASON_MAX = 500

CARRIER_MAX = 100

UPDATE_PATHS = (
    "status",
    "financial_status",
    "customer_name",
    "customer_email",
    "billing_address",
    "shipping_address",
    "items",
    "notes",
    "tracking_number",
    "carrier",
    "flagged",
)

# Update paths (as the contract names them) whose domain field has another name.
DOMAIN_NAMES = {"items": "lines"}

REASON_MAX_ENTRY = 500

DOMAIN_PATTERN = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def _lines(v: Violations, items: list[pb.OrderItem]) -> tuple[LineRequest, ...]:
    if len(items) > MAX_ORDER_LINES:
        raise TooManyLines(len(items), MAX_ORDER_LINES)
    if not items:
        v.add("order.items", "at least one line is required")
    lines: list[LineRequest] = []
    seen: dict[uuid.UUID, int] = {}
    for i, item in enumerate(items):
        product_id = v.id(f"order.items[{i}].product_id", item.product_id)
        if not 1 <= item.quantity <= MAX_LINE_QUANTITY:
            v.add(f"order.items[{i}].quantity", f"must be 1-{MAX_LINE_QUANTITY:,}, got {item.quantity}")
        if product_id.int and product_id in seen:
            v.add(
                f"order.items[{i}].product_id",
                f"repeats the product of items[{seen[product_id]}]; one line per product",
            )
        seen.setdefault(product_id, i)
        lines.append(LineRequest(product_id, item.quantity))
    return tuple(lines)


def create_command(request: pb.CreateOrderRequest, *, actor: str) -> NewOrder:
    """The complete CreateOrder command the use case takes; every field violation is reported at once."""
    v = Violations.of(request)
    o = request.order
    lines = _lines(v, list(o.items))
    billing = v.postal_address("order.billing_address", o.billing_address, lines_required=True)
    shipping = (
        v.postal_address("order.shipping_address", o.shipping_address, lines_required=True)
        if o.HasField("shipping_address")
        else billing
    )
    currency = v.currency_code("order.currency_code", o.currency_code)
    draft = OrderDraft(
        customer_email=v.email("order.customer_email", o.customer_email, required=True).lower(),
        customer_name=v.text("order.customer_name", o.customer_name, max_length=NAME_MAX, required=True),
        billing_address=billing,
        shipping_address=shipping,
        lines=lines,
        currency=currency or None,
        tax=v.optional_money("order.tax", o, "tax"),
        shipping=v.optional_money("order.shipping", o, "shipping"),
        discount=v.optional_money("order.discount", o, "discount"),
        financial_status=v.enum(
            "order.financial_status", FINANCIAL_STATUS, o.financial_status, required=False
        )
        or FinancialStatus.PENDING,
        notes=v.text("order.notes", o.notes, max_length=NOTES_MAX, strip=False),
    )
    request_id = v.request_id("request_id", request.request_id)
    v.raise_if_any()
    return NewOrder(
        tenant_id=request.tenant_id,
        draft=draft,
        request_id=request_id,
        allow_backorder=request.allow_backorder,
        actor=actor,
        request_fingerprint=fingerprint_of(request) if request_id else None,
    )


def update_command(request: pb.UpdateOrderRequest, actor: str) -> tuple[uuid.UUID, OrderChanges]:
    v = Violations.of(request)
    order_id = v.id("order.id", request.order.id)
    o = request.order
    paths = mask_paths(v, request.update_mask, allowed=UPDATE_PATHS, resource=o, resource_field="order")
    readers: dict[str, Callable[[], object]] = {
        "status": lambda: v.enum("order.status", STATUS, o.status, required=True),
        "financial_status": lambda: v.enum(
            "order.financial_status", FINANCIAL_STATUS, o.financial_status, required=True
        ),
        "customer_name": lambda: v.text(
            "order.customer_name", o.customer_name, max_length=NAME_MAX, required=True
        ),
        "customer_email": lambda: v.email("order.customer_email", o.customer_email, required=True).lower(),
        "items": lambda: _lines(v, list(o.items)),
        "flagged": lambda: o.flagged,
        "billing_address": lambda: v.postal_address(
            "order.billing_address", o.billing_address, lines_required=True
        ),
        "shipping_address": lambda: v.postal_address(
            "order.shipping_address", o.shipping_address, lines_required=True
        ),
        "notes": lambda: v.text("order.notes", o.notes, max_length=NOTES_MAX, strip=False),
        "tracking_number": lambda: v.text("order.tracking_number", o.tracking_number, max_length=CARRIER_MAX),
        "carrier": lambda: v.text("order.carrier", o.carrier, max_length=CARRIER_MAX),
    }
    values = {DOMAIN_NAMES.get(path, path): value for path, value in masked_values(v, paths, readers).items()}
    reason = v.text("reason", request.reason, max_length=REASON_MAX)
    v.raise_if_any()
    return order_id, OrderChanges(values, reason=reason, actor=actor)


def cancel_command(request: pb.CancelOrderRequest) -> tuple[uuid.UUID, str]:
    v = Violations.of(request)
    order_id = v.id("order_id", request.order_id)
    reason = v.text("reason", request.reason, max_length=REASON_MAX, required=True)
    v.raise_if_any()
    return order_id, reason


def list_query(request: pb.ListOrdersRequest) -> ListQuery[OrderFilter]:
    v = Violations.of(request)
    start = v.timestamp("start_time", request.start_time) if request.HasField("start_time") else None
    end = v.timestamp("end_time", request.end_time) if request.HasField("end_time") else None
    if start is not None and end is not None and end <= start:
        v.add("end_time", "must be after start_time")
    email = v.email("customer_email", request.customer_email).lower() or None
    criteria = OrderFilter(
        status=v.enum("status", STATUS, request.status, required=False),
        financial_status=v.enum(
            "financial_status", FINANCIAL_STATUS, request.financial_status, required=False
        ),
        customer_email=email,
        created_from=start,
        created_before=end,
        risk_level=v.enum("risk_level", RISK_LEVEL, request.risk_level, required=False),
        flagged=request.flagged if request.HasField("flagged") else None,
    )
    return page_query(v, request, criteria)


def risk_list_entry_command(
    request: pb.CreateRiskListEntryRequest,
) -> tuple[RiskListType, RiskListKind, str, str]:
    """The list, kind, normalised value and reason of a new entry."""
    v = Violations.of(request)
    e = request.entry
    kind = v.enum("entry.kind", RISK_LIST_KIND, e.kind, required=True)
    value = risk_list_value(v, "entry.value", kind, e.value)
    command = (
        v.enum("entry.list", RISK_LIST, e.list, required=True),
        kind,
        value,
        v.text("entry.reason", e.reason, max_length=REASON_MAX_ENTRY),
    )
    v.raise_if_any()
    assert command[0] is not None and command[1] is not None
    return command[0], command[1], command[2], command[3]


def risk_list_value(v: Violations, field: str, kind: RiskListKind | None, value: str) -> str:
    """An email (lower-cased), an email domain (lower-cased) or an ISO alpha-2 country (upper-cased)."""
    cleaned = value.strip()
    if not cleaned:
        v.add(field, "is required")
    elif kind is RiskListKind.EMAIL:
        return v.email(field, cleaned).lower()
    elif kind is RiskListKind.DOMAIN:
        cleaned = cleaned.lower().removeprefix("@")
        if not DOMAIN_PATTERN.fullmatch(cleaned):
            v.add(field, "must be an email domain such as example.com")
    elif kind is RiskListKind.COUNTRY:
        cleaned = cleaned.upper()
        if not (len(cleaned) == 2 and cleaned.isascii() and cleaned.isalpha()):
            v.add(field, "must be an ISO 3166-1 alpha-2 country code such as US")
    return cleaned


def risk_lists_query(request: pb.ListRiskListEntriesRequest) -> ListQuery[RiskListFilter]:
    v = Violations.of(request)
    criteria = RiskListFilter(
        list=v.enum("list", RISK_LIST, request.list, required=False),
        kind=v.enum("kind", RISK_LIST_KIND, request.kind, required=False),
    )
    return page_query(v, request, criteria, scope=("risk_lists",))
