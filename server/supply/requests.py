"""SupplyService requests -> validated domain commands. Every violation is reported at once."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from google.protobuf.message import Message

from crm.v2 import supply_service_pb2 as pb
from domain.money import Money
from domain.supply import (
    MAX_MIN_ORDER_QUANTITY,
    MAX_OFFER_LEAD_TIME_DAYS,
    OFFER_MUTABLE_FIELDS,
    SUPPLIER_SKU_MAX,
    OfferChanges,
    OfferDraft,
    OfferFilter,
)
from server.edge.page_tokens import ListQuery, page_query
from server.edge.validation import Violations, mask_paths, masked_values
from server.suppliers.proto import MARKETPLACE

URL_MAX = 2048

MAX_SUPPLIER_STOCK = 2**31 - 1

OPTIONAL_FIELDS = ("min_order_quantity", "lead_time_days", "supplier_stock")


def _url(v: Violations, field: str, value: str) -> str:
    cleaned = v.text(field, value, max_length=URL_MAX)
    if cleaned and not cleaned.startswith(("http://", "https://")):
        v.add(field, "must be an http or https URL")
    return cleaned


def _cost(v: Violations, field: str, message: pb.SupplierOffer, name: str, *, required: bool) -> Money:
    if not message.HasField(name):
        if required:
            v.add(field, "is required")
        currency = message.unit_cost.currency_code.strip().upper() or "USD"
        return Money(Decimal("0.00"), currency)
    if not getattr(message, name).currency_code.strip():
        v.add(f"{field}.currency_code", "is required (e.g. USD)")
    # a unit cost of 0 would make a source price of 0, which no product may have
    return v.money(field, getattr(message, name), exclusive_minimum=name == "unit_cost")


def _bounded(v: Violations, field: str, message: Message, name: str, low: int, high: int) -> int | None:
    if not message.HasField(name):
        return None
    value: int = getattr(message, name)
    if not low <= value <= high:
        v.add(field, f"must be between {low:,} and {high:,}")
    return value


def _readers(v: Violations, o: pb.SupplierOffer) -> dict[str, Callable[[], object]]:
    return {
        "supplier_sku": lambda: v.text("offer.supplier_sku", o.supplier_sku, max_length=SUPPLIER_SKU_MAX),
        "marketplace": lambda: v.enum("offer.marketplace", MARKETPLACE, o.marketplace, required=True),
        "listing_url": lambda: _url(v, "offer.listing_url", o.listing_url),
        "unit_cost": lambda: _cost(v, "offer.unit_cost", o, "unit_cost", required=True),
        "shipping_cost": lambda: _cost(v, "offer.shipping_cost", o, "shipping_cost", required=False),
        "min_order_quantity": lambda: (
            _bounded(v, "offer.min_order_quantity", o, "min_order_quantity", 1, MAX_MIN_ORDER_QUANTITY) or 1
        ),
        "lead_time_days": lambda: _bounded(
            v, "offer.lead_time_days", o, "lead_time_days", 0, MAX_OFFER_LEAD_TIME_DAYS
        ),
        "supplier_stock": lambda: _bounded(
            v, "offer.supplier_stock", o, "supplier_stock", 0, MAX_SUPPLIER_STOCK
        ),
        "is_active": lambda: o.is_active,
    }


def create_command(request: pb.CreateOfferRequest) -> tuple[OfferDraft, str | None]:
    v = Violations.of(request)
    o = request.offer
    read = _readers(v, o)
    unit_cost = read["unit_cost"]()
    shipping_cost = read["shipping_cost"]()
    assert isinstance(unit_cost, Money) and isinstance(shipping_cost, Money)
    if shipping_cost.currency != unit_cost.currency and o.HasField("shipping_cost"):
        v.add("offer.shipping_cost.currency_code", f"must be {unit_cost.currency} like the unit cost")
    draft = OfferDraft(
        product_id=v.id("offer.product_id", o.product_id),
        supplier_id=v.id("offer.supplier_id", o.supplier_id),
        unit_cost=unit_cost,
        shipping_cost=Money(shipping_cost.amount, unit_cost.currency),
        supplier_sku=str(read["supplier_sku"]()),
        marketplace=v.enum("offer.marketplace", MARKETPLACE, o.marketplace, required=False),
        listing_url=str(read["listing_url"]()),
        min_order_quantity=int(read["min_order_quantity"]()),  # type: ignore[call-overload]
        lead_time_days=read["lead_time_days"](),  # type: ignore[arg-type]
        supplier_stock=read["supplier_stock"](),  # type: ignore[arg-type]
    )
    request_id = v.request_id("request_id", request.request_id)
    v.raise_if_any()
    return draft, request_id


def update_command(request: pb.UpdateOfferRequest) -> OfferChanges:
    v = Violations.of(request)
    o = request.offer
    if request.update_mask.paths:
        paths = mask_paths(
            v, request.update_mask, allowed=OFFER_MUTABLE_FIELDS, resource=o, resource_field="offer"
        )
    else:
        # A false is_active is indistinguishable from unset, so it only counts when the mask names it.
        paths = [name for name in OFFER_MUTABLE_FIELDS if name != "is_active" and _is_set(o, name)]
    readers = _readers(v, o)
    if "min_order_quantity" in paths and not o.HasField("min_order_quantity"):
        v.add("offer.min_order_quantity", "is required: every offer has a minimum order quantity")
    values = masked_values(v, paths, readers)
    v.raise_if_any()
    return OfferChanges(values)


def _is_set(message: pb.SupplierOffer, name: str) -> bool:
    if name in (*OPTIONAL_FIELDS, "unit_cost", "shipping_cost"):
        return message.HasField(name)
    return bool(getattr(message, name))


def list_query(request: pb.ListOffersRequest) -> ListQuery[OfferFilter]:
    v = Violations.of(request)
    criteria = OfferFilter(
        product_id=v.optional_id("product_id", request.product_id),
        supplier_id=v.optional_id("supplier_id", request.supplier_id),
        active_only=request.active_only,
    )
    return page_query(v, request, criteria)
