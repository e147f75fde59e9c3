"""Product field rules, shared by create, update, list and bulk requests: each reader checks one field
(or the filter fields list and bulk share) and reports into the caller's Violations."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

from google.protobuf.message import Message
from google.type import money_pb2

from crm.v2 import product_service_pb2 as pb
from domain.catalog import Categories, Dimensions, ProductFilter, marketplace_id_problem
from domain.money import Money
from server.catalog.proto import CLASSIFICATION, FULFILMENT_MODE, STATUS
from server.edge.validation import Violations

SKU_PATTERN = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


TITLE_MAX = 200

DESCRIPTION_MAX = 5000

QUERY_MAX = 200

MAX_IMAGES = 20

URL_MAX = 2048


def sku(v: Violations, field: str, value: str) -> str:
    cleaned = value.strip()
    if not cleaned:
        v.add(field, "is required")
    elif not SKU_PATTERN.fullmatch(cleaned):
        v.add(field, "must be 1-64 characters of letters, digits, '-', '_' and '.'")
    return cleaned


def asin(v: Violations, field: str, value: str) -> str:
    """A marketplace identifier (optional): trimmed and upper-cased, as the prototype stored them."""
    cleaned = value.strip().upper()
    if cleaned and (problem := marketplace_id_problem(cleaned)) is not None:
        v.add(field, problem)
    return cleaned


def category(v: Violations, field: str, value: str, categories: Categories, *, required: bool) -> str:
    cleaned = value.strip().lower()
    if not cleaned:
        if required:
            v.add(field, "is required")
    elif (problem := categories.problem(cleaned)) is not None:
        v.add(field, problem)
    return cleaned


def price(v: Violations, field: str, value: money_pb2.Money) -> Money:
    """A price: > 0, exact to the cent."""
    return v.money(field, value, exclusive_minimum=True)


def count(v: Violations, field: str, value: int) -> int:
    if value < 0:
        v.add(field, "must not be negative")
    return value


def optional_count(v: Violations, field: str, message: Message, name: str) -> int | None:
    """The count in `message.<name>`; None when it is unset (unknown)."""
    return count(v, field, getattr(message, name)) if message.HasField(name) else None


def optional_rating(v: Violations, field: str, message: Message, name: str) -> float | None:
    """A 0-5 rating in `message.<name>`; None when it is unset (unknown)."""
    if not message.HasField(name):
        return None
    value: float = getattr(message, name)
    if not 0 <= value <= 5:  # also refuses NaN
        v.add(field, "must be between 0 and 5")
    return value if math.isfinite(value) else 0.0


def optional_dimensions(v: Violations, field: str, product: pb.Product) -> Dimensions | None:
    """The package dimensions, each a count of millimetres; None when unset."""
    if not product.HasField("dimensions"):
        return None
    value = product.dimensions
    for name in ("length_mm", "width_mm", "height_mm"):
        count(v, f"{field}.{name}", getattr(value, name))
    return Dimensions(value.length_mm, value.width_mm, value.height_mm)


def image_urls(v: Violations, field: str, values: Sequence[str]) -> tuple[str, ...]:
    cleaned = tuple(url.strip() for url in values)
    if len(cleaned) > MAX_IMAGES:
        v.add(field, f"at most {MAX_IMAGES} images, got {len(cleaned)}")
    for index, url in enumerate(cleaned):
        if not url.startswith("https://") or len(url) > URL_MAX or len(url) <= len("https://"):
            v.add(f"{field}[{index}]", f"must be an https URL of at most {URL_MAX} characters")
    return cleaned


def price_range(
    v: Violations, min_price: money_pb2.Money | None, max_price: money_pb2.Money | None, prefix: str = ""
) -> tuple[Money | None, Money | None]:
    low = v.money(f"{prefix}min_price", min_price) if min_price is not None else None
    high = v.money(f"{prefix}max_price", max_price) if max_price is not None else None
    if low is not None and high is not None:
        if low.currency != high.currency:
            v.add(f"{prefix}max_price", f"must use the currency of min_price ({low.currency})")
        elif high.amount < low.amount:
            v.add(f"{prefix}max_price", "must not be below min_price")
    return low, high


def product_filter(
    v: Violations,
    request: pb.ListProductsRequest | pb.ProductFilter,
    categories: Categories,
    prefix: str = "",
) -> ProductFilter:
    """The filter fields ListProductsRequest and ProductFilter share."""
    low, high = price_range(
        v,
        request.min_price if request.HasField("min_price") else None,
        request.max_price if request.HasField("max_price") else None,
        prefix,
    )
    return ProductFilter(
        category=category(v, f"{prefix}category", request.category, categories, required=False) or None,
        classification=v.enum(
            f"{prefix}classification", CLASSIFICATION, request.classification, required=False
        ),
        status=v.enum(f"{prefix}status", STATUS, request.status, required=False),
        supplier_id=v.optional_id(f"{prefix}supplier_id", request.supplier_id),
        query=v.text(f"{prefix}query", request.query, max_length=QUERY_MAX),
        min_price=low,
        max_price=high,
        show_discontinued=request.show_discontinued,
        **_supply_filters(v, request, prefix),
    )


def _supply_filters(
    v: Violations, request: pb.ListProductsRequest | pb.ProductFilter, prefix: str
) -> dict[str, Any]:
    """The margin and fulfilment filters, which only ListProductsRequest has."""
    if not isinstance(request, pb.ListProductsRequest):
        return {}
    return {
        "margin_at_risk_only": request.margin_at_risk_only,
        "fulfilment_mode": v.enum(
            f"{prefix}fulfilment_mode", FULFILMENT_MODE, request.fulfilment_mode, required=False
        ),
    }
