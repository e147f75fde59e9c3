"""ProductService requests -> validated domain commands. Every violation is reported at once."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from crm.v2 import product_service_pb2 as pb
from domain.catalog import (
    MAX_BULK_PRODUCTS,
    MAX_TAGS,
    BulkChanges,
    BulkSelection,
    Categories,
    FulfilmentMode,
    PriceChange,
    PriceChangeKind,
    ProductChanges,
    ProductDraft,
    ProductFilter,
    ProductStatus,
)
from domain.catalog_errors import TooManyProducts
from domain.money import Money
from server.catalog import fields
from server.catalog.proto import FULFILMENT_MODE, STATUS
from server.edge.page_tokens import ListQuery, page_query
from server.edge.validation import Violations

# Update paths (as the contract names them) -> the domain field each one changes.
UPDATE_PATHS: dict[str, str] = {
    "asin": "asin",
    "sku": "sku",
    "title": "title",
    "description": "description",
    "category": "category",
    "status": "status",
    "pricing.source_price": "source_price",
    "pricing.current_selling_price": "selling_price",
    "supplier_id": "supplier_id",
    "competitor_count": "competitor_count",
    "review_rating": "review_rating",
    "review_count": "review_count",
    "weight_grams": "weight_grams",
    "dimensions": "dimensions",
    "image_urls": "image_urls",
    "tags": "tags",
    "fulfilment_mode": "fulfilment_mode",
}

OPTIONAL_SCALARS = ("competitor_count", "review_rating", "review_count")


def create_command(
    request: pb.CreateProductRequest, categories: Categories
) -> tuple[ProductDraft, str | None]:
    v = Violations.of(request)
    p = request.product
    source, selling = _new_prices(v, p.pricing)
    draft = ProductDraft(
        sku=fields.sku(v, "product.sku", p.sku),
        title=v.text("product.title", p.title, max_length=fields.TITLE_MAX, required=True),
        category=fields.category(v, "product.category", p.category, categories, required=True),
        source_price=source,
        selling_price=selling,
        asin=fields.asin(v, "product.asin", p.asin),
        description=v.text(
            "product.description", p.description, max_length=fields.DESCRIPTION_MAX, strip=False
        ),
        status=_new_status(v, p.status),
        supplier_id=v.optional_id("product.supplier_id", p.supplier_id),
        competitor_count=fields.optional_count(v, "product.competitor_count", p, "competitor_count"),
        review_rating=fields.optional_rating(v, "product.review_rating", p, "review_rating"),
        review_count=fields.optional_count(v, "product.review_count", p, "review_count"),
        initial_stock=fields.count(v, "product.initial_stock", p.initial_stock),
        weight_grams=fields.count(v, "product.weight_grams", p.weight_grams),
        dimensions=fields.optional_dimensions(v, "product.dimensions", p),
        image_urls=fields.image_urls(v, "product.image_urls", p.image_urls),
        tags=v.tags("product.tags", p.tags, max_count=MAX_TAGS),
        fulfilment_mode=v.enum("product.fulfilment_mode", FULFILMENT_MODE, p.fulfilment_mode, required=False)
        or FulfilmentMode.STOCKED,
    )
    request_id = v.request_id("request_id", request.request_id)
    v.raise_if_any()
    return draft, request_id


def _new_status(v: Violations, number: int) -> ProductStatus:
    """A new product's status: UNSPECIFIED means ACTIVE (as the prototype created products: orderable and
    recommended at once); DISCONTINUED is what DeleteProduct does, never a start."""
    status = v.enum("product.status", STATUS, number, required=False) or ProductStatus.ACTIVE
    if status is ProductStatus.DISCONTINUED:
        v.add("product.status", "a new product cannot be DISCONTINUED (DeleteProduct discontinues one)")
    return status


def _new_prices(v: Violations, pricing: pb.ProductPricing) -> tuple[Money, Money | None]:
    """A new product's source price (required) and selling price (optional, in the same currency)."""
    if not pricing.HasField("source_price"):
        v.add("product.pricing.source_price", "is required")
    source = fields.price(v, "product.pricing.source_price", pricing.source_price)
    if not pricing.HasField("current_selling_price"):
        return source, None
    selling = fields.price(v, "product.pricing.current_selling_price", pricing.current_selling_price)
    if selling.currency != source.currency:
        v.add("product.pricing.current_selling_price", f"must be in {source.currency} like the source price")
    return source, selling


def update_command(request: pb.UpdateProductRequest, categories: Categories) -> ProductChanges:
    v = Violations.of(request)
    p = request.product
    paths = _update_paths(v, request)
    readers: dict[str, Callable[[], object]] = {
        "asin": lambda: fields.asin(v, "product.asin", p.asin),
        "sku": lambda: fields.sku(v, "product.sku", p.sku),
        "title": lambda: v.text("product.title", p.title, max_length=fields.TITLE_MAX, required=True),
        "description": lambda: v.text(
            "product.description", p.description, max_length=fields.DESCRIPTION_MAX, strip=False
        ),
        "category": lambda: fields.category(v, "product.category", p.category, categories, required=True),
        "status": lambda: v.enum("product.status", STATUS, p.status, required=True),
        "pricing.source_price": lambda: fields.price(
            v, "product.pricing.source_price", p.pricing.source_price
        ),
        "pricing.current_selling_price": lambda: fields.price(
            v, "product.pricing.current_selling_price", p.pricing.current_selling_price
        ),
        "supplier_id": lambda: v.optional_id("product.supplier_id", p.supplier_id),
        "competitor_count": lambda: fields.optional_count(
            v, "product.competitor_count", p, "competitor_count"
        ),
        "review_rating": lambda: fields.optional_rating(v, "product.review_rating", p, "review_rating"),
        "review_count": lambda: fields.optional_count(v, "product.review_count", p, "review_count"),
        "weight_grams": lambda: fields.count(v, "product.weight_grams", p.weight_grams),
        "dimensions": lambda: fields.optional_dimensions(v, "product.dimensions", p),
        "image_urls": lambda: fields.image_urls(v, "product.image_urls", p.image_urls),
        "tags": lambda: v.tags("product.tags", p.tags, max_count=MAX_TAGS),
        "fulfilment_mode": lambda: v.enum(
            "product.fulfilment_mode", FULFILMENT_MODE, p.fulfilment_mode, required=True
        ),
    }
    values = {UPDATE_PATHS[path]: readers[path]() for path in paths}
    v.raise_if_any()
    return ProductChanges(values)


def _update_paths(v: Violations, request: pb.UpdateProductRequest) -> list[str]:
    """The mask's paths (or `*`); an empty mask means every field set in the product."""
    raw = [path.strip().removeprefix("product.") for path in request.update_mask.paths]
    if not raw:
        chosen = [path for path in UPDATE_PATHS if _is_set(request.product, path)]
    elif "*" in raw:
        if len(raw) > 1:
            v.add("update_mask", "`*` must be the only path")
        chosen = list(UPDATE_PATHS)
    else:
        chosen = []
        for path in raw:
            if path not in UPDATE_PATHS:
                v.add(
                    "update_mask",
                    f"unknown or immutable field path {path!r}; allowed: {', '.join(UPDATE_PATHS)}",
                )
            elif path not in chosen:
                chosen.append(path)
    if not chosen and not v.items:
        v.add("update_mask", "names no field to change")
    return chosen


def _is_set(product: pb.Product, path: str) -> bool:
    if path.startswith("pricing."):
        return product.HasField("pricing") and product.pricing.HasField(path.removeprefix("pricing."))
    if path in OPTIONAL_SCALARS or path == "dimensions":
        return product.HasField(path)
    value = getattr(product, path)
    return len(value) > 0 if path in ("image_urls", "tags") else bool(value)


def list_query(request: pb.ListProductsRequest, categories: Categories) -> ListQuery[ProductFilter]:
    v = Violations.of(request)
    criteria = fields.product_filter(v, request, categories)
    return page_query(v, request, criteria)


CHANGE_PATHS = ("status", "category", "supplier_id", "price_change", "add_tags", "remove_tags")


def bulk_command(
    request: pb.BulkUpdateProductsRequest, categories: Categories
) -> tuple[BulkSelection, BulkChanges]:
    if len(request.product_ids) > MAX_BULK_PRODUCTS:
        raise TooManyProducts("product_ids", len(request.product_ids), MAX_BULK_PRODUCTS)
    v = Violations.of(request)
    selection = _selection(v, request, categories)
    changes = _changes(v, request, categories)
    v.raise_if_any()
    return selection, changes


def _selection(v: Violations, request: pb.BulkUpdateProductsRequest, categories: Categories) -> BulkSelection:
    by_filter = request.HasField("filter")
    if by_filter == bool(request.product_ids):
        v.add("product_ids", "give either product_ids or filter, not both and not neither")
        return BulkSelection(ids=())
    if by_filter:
        criteria = fields.product_filter(v, request.filter, categories, prefix="filter.")
        if criteria == type(criteria)():
            v.add("filter", "set at least one filter field")
        return BulkSelection(criteria=criteria)
    ids = [v.id(f"product_ids[{i}]", raw) for i, raw in enumerate(request.product_ids)]
    return BulkSelection(ids=tuple(dict.fromkeys(ids)))


def _changes(v: Violations, request: pb.BulkUpdateProductsRequest, categories: Categories) -> BulkChanges:
    c = request.changes
    paths = _paths(v, request)
    return BulkChanges(
        paths=tuple(paths),
        status=v.enum("changes.status", STATUS, c.status, required=True) if "status" in paths else None,
        category=fields.category(v, "changes.category", c.category, categories, required=True)
        if "category" in paths
        else None,
        supplier_id=v.optional_id("changes.supplier_id", c.supplier_id) if "supplier_id" in paths else None,
        price_change=_price_change(v, c) if "price_change" in paths else None,
        add_tags=v.tags("changes.add_tags", c.add_tags, max_count=MAX_TAGS) if "add_tags" in paths else (),
        remove_tags=v.tags("changes.remove_tags", c.remove_tags, max_count=MAX_TAGS)
        if "remove_tags" in paths
        else (),
    )


def _paths(v: Violations, request: pb.BulkUpdateProductsRequest) -> list[str]:
    raw = [path.strip().removeprefix("changes.") for path in request.update_mask.paths]
    if not raw:
        c = request.changes
        is_set = {
            "status": c.status != 0,
            "category": bool(c.category),
            "supplier_id": bool(c.supplier_id),
            "price_change": c.HasField("price_change"),
            "add_tags": bool(c.add_tags),
            "remove_tags": bool(c.remove_tags),
        }
        chosen = [path for path in CHANGE_PATHS if is_set[path]]
    else:
        chosen = []
        for path in raw:
            if path not in CHANGE_PATHS:
                v.add("update_mask", f"unknown path {path!r}; allowed: {', '.join(CHANGE_PATHS)}")
            elif path not in chosen:
                chosen.append(path)
    if not chosen and not v.items:
        v.add("changes", "names no change to apply")
    return chosen


def _price_change(v: Violations, changes: pb.ProductChanges) -> PriceChange | None:
    change = changes.price_change
    kind = change.WhichOneof("change")
    field = f"changes.price_change.{kind}"
    if kind is None:
        v.add("changes.price_change", "set one of percent, amount and set_price")
        return None
    if kind == "percent":
        if not -100 < change.percent <= 1000:  # also refuses NaN
            v.add(field, "must be > -100 and <= 1000")
            return None
        return PriceChange(PriceChangeKind.PERCENT, Decimal(repr(change.percent)))
    if kind == "amount":
        money = v.money(field, change.amount, minimum=None)
        return PriceChange(PriceChangeKind.AMOUNT, money.amount, money.currency)
    money = v.money(field, change.set_price, exclusive_minimum=True)
    return PriceChange(PriceChangeKind.SET_PRICE, money.amount, money.currency)
