"""BulkUpdateProductsRequest -> a validated selection and set of changes."""

from __future__ import annotations

from collections.abc import Collection
from decimal import Decimal

from crm.v2 import product_service_pb2 as pb
from domain.catalog import MAX_BULK_PRODUCTS, BulkChanges, BulkSelection, PriceChange, PriceChangeKind
from domain.catalog_errors import TooManyProducts
from server.rpc import product_fields as fields
from server.rpc.convert import money_from_proto
from server.rpc.product_mapping import STATUS
from server.rpc.validation import Violations

CHANGE_PATHS = ("status", "category", "supplier_id", "price_change", "add_tags", "remove_tags")
PERCENT_RANGE = (Decimal(-100), Decimal(1000))


def bulk_command(
    request: pb.BulkUpdateProductsRequest, categories: Collection[str]
) -> tuple[BulkSelection, BulkChanges]:
    if len(request.product_ids) > MAX_BULK_PRODUCTS:
        raise TooManyProducts("product_ids", len(request.product_ids), MAX_BULK_PRODUCTS)
    v = Violations()
    v.tenant(request.tenant_id)
    selection = _selection(v, request, categories)
    changes = _changes(v, request, categories)
    v.raise_if_any()
    return selection, changes


def _selection(
    v: Violations, request: pb.BulkUpdateProductsRequest, categories: Collection[str]
) -> BulkSelection:
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


def _changes(
    v: Violations, request: pb.BulkUpdateProductsRequest, categories: Collection[str]
) -> BulkChanges:
    c = request.changes
    paths = _paths(v, request)
    return BulkChanges(
        paths=tuple(paths),
        status=v.enum("changes.status", STATUS, c.status, required=True) if "status" in paths else None,
        category=fields.category(v, "changes.category", c.category, categories, required=True)
        if "category" in paths
        else None,
        supplier_id=fields.optional_id(v, "changes.supplier_id", c.supplier_id)
        if "supplier_id" in paths
        else None,
        price_change=_price_change(v, c) if "price_change" in paths else None,
        add_tags=fields.tags(v, "changes.add_tags", c.add_tags) if "add_tags" in paths else (),
        remove_tags=fields.tags(v, "changes.remove_tags", c.remove_tags) if "remove_tags" in paths else (),
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
        money = money_from_proto(v, field, change.amount, minimum=None)
        return PriceChange(PriceChangeKind.AMOUNT, money.amount, money.currency)
    money = money_from_proto(v, field, change.set_price, exclusive_minimum=True)
    return PriceChange(PriceChangeKind.SET_PRICE, money.amount, money.currency)
