"""Prototype requests -> the contract's requests. Only the shapes change here: money from JSON numbers to
exact Money, the prototype's lower-case words to the contract's enums, flat bodies to nested messages. The
contract's servicer validates everything else, and `FIELDS` names its violations the prototype's way."""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation
from typing import Any

from google.protobuf import field_mask_pb2
from google.type import money_pb2

from crm.v2 import intelligence_service_pb2 as intelligence
from crm.v2 import inventory_service_pb2 as inventory
from crm.v2 import product_service_pb2 as products
from crm.v2 import prototype_rest_service_pb2 as pb
from crm.v2 import system_service_pb2 as system
from crm.v2 import workflow_service_pb2 as workflows
from server.edge.validation import Violations

NANOS_PER_UNIT = 1_000_000_000
MAX_AMOUNT = Decimal(10**12 - 1)

# The contract's field paths -> the prototype's names, per RPC; a path under a key is renamed with it.
PRODUCT_FIELDS = {
    "product.pricing.source_price": "source_price",
    "product.pricing.current_selling_price": "current_selling_price",
    "product.initial_stock": "stock_quantity",
    "product.id": "product_id",
    "product": "",
}
LIST_PRODUCT_FIELDS = {"page_size": "limit"}
CROSS_SELL_FIELDS = {"type": "recommendation_type"}
ALERT_FIELDS = {"page_size": "limit"}

ALERT_FILTER_WORDS: dict[str, int] = {"all": inventory.INVENTORY_ALERT_FILTER_UNSPECIFIED}


def words(enum: Any, prefix: str) -> dict[str, int]:
    """The prototype's lower-case word of each value of a contract enum: PRODUCT_STATUS_ACTIVE -> active."""
    return {
        name.removeprefix(prefix).lower(): number
        for name, number in enum.items()
        if name != f"{prefix}UNSPECIFIED"
    }


STATUS_WORDS = words(products.ProductStatus, "PRODUCT_STATUS_")
CLASSIFICATION_WORDS = words(products.ProductClassification, "PRODUCT_CLASSIFICATION_")
CROSS_SELL_WORDS = words(intelligence.CrossSellType, "CROSS_SELL_TYPE_")
ALERT_FILTER_WORDS |= words(inventory.InventoryAlertFilter, "INVENTORY_ALERT_FILTER_")


def word(v: Violations, field: str, text: str, allowed: dict[str, int], *, required: bool = False) -> int:
    """The enum number of one of the prototype's words; 0 (UNSPECIFIED) for an absent optional one."""
    key = text.strip().lower()
    if not key:
        if required:
            v.add(field, f"is required: one of {', '.join(allowed)}")
        return 0
    if key not in allowed:
        v.add(field, f"must be one of {', '.join(allowed)}")
        return 0
    return allowed[key]


def amount(v: Violations, field: str, value: float) -> money_pb2.Money:
    """A JSON number as exact Money: the shortest decimal that reads back as the same double (49.99 is
    49.99, not 49.990000000000002), > 0 and with at most 2 decimal places. The currency is left to the
    contract's default."""
    if not math.isfinite(value):
        v.add(field, "must be a finite number")
        return money_pb2.Money()
    try:
        exact = Decimal(repr(value))
    except InvalidOperation:  # repr of a finite double always parses; kept total all the same
        v.add(field, "must be a decimal number")
        return money_pb2.Money()
    if exact <= 0:
        v.add(field, "must be greater than 0")
    elif exact > MAX_AMOUNT:
        v.add(field, f"must be at most {MAX_AMOUNT:,}")
    elif exact != exact.quantize(Decimal("0.01")):
        v.add(field, f"must have at most 2 decimal places, got {exact}")
    else:
        units = int(exact)
        return money_pb2.Money(units=units, nanos=int((exact - units) * NANOS_PER_UNIT))
    return money_pb2.Money()


def health(tenant_id: int) -> system.GetHealthRequest:
    return system.GetHealthRequest(tenant_id=tenant_id)


def create_product(
    request: pb.CreatePrototypeProductRequest, tenant_id: int
) -> products.CreateProductRequest:
    v = Violations()
    pricing = products.ProductPricing()
    if request.HasField("source_price"):
        pricing.source_price.CopyFrom(amount(v, "source_price", request.source_price))
    if request.HasField("current_selling_price"):
        pricing.current_selling_price.CopyFrom(
            amount(v, "current_selling_price", request.current_selling_price)
        )
    status = word(v, "status", request.status, STATUS_WORDS)
    v.raise_if_any()
    return products.CreateProductRequest(
        tenant_id=tenant_id,
        product=products.Product(
            asin=request.asin,
            sku=request.sku,
            title=request.title,
            category=request.category,
            description=request.description,
            status=status,  # type: ignore[arg-type]
            supplier_id=request.supplier_id,
            initial_stock=request.stock_quantity,
            pricing=pricing,
        ),
    )


def list_products(request: pb.ListPrototypeProductsRequest, tenant_id: int) -> products.ListProductsRequest:
    v = Violations()
    classification = word(v, "classification", request.classification, CLASSIFICATION_WORDS)
    status = word(v, "status", request.status, STATUS_WORDS)
    v.raise_if_any()
    return products.ListProductsRequest(
        tenant_id=tenant_id,
        page_size=request.limit,
        page_token=request.page_token,
        category=request.category,
        classification=classification,  # type: ignore[arg-type]
        status=status,  # type: ignore[arg-type]
    )


def get_product(request: pb.GetPrototypeProductRequest, tenant_id: int) -> products.GetProductRequest:
    return products.GetProductRequest(tenant_id=tenant_id, product_id=request.product_id)


def update_product(
    request: pb.UpdatePrototypeProductRequest, tenant_id: int
) -> products.UpdateProductRequest:
    """The fields the body sets, and the mask naming exactly them (the prototype's PUT changed only what it
    was sent)."""
    v = Violations()
    product = products.Product(id=request.product_id)
    paths = []
    for name in ("asin", "sku", "title", "category", "description", "supplier_id"):
        if request.HasField(name):
            setattr(product, name, getattr(request, name))
            paths.append(name)
    if request.HasField("status"):
        product.status = word(v, "status", request.status, STATUS_WORDS, required=True)  # type: ignore[assignment]
        paths.append("status")
    for name in ("source_price", "current_selling_price"):
        if request.HasField(name):
            getattr(product.pricing, name).CopyFrom(amount(v, name, getattr(request, name)))
            paths.append(f"pricing.{name}")
    if not paths:
        v.add("body", "must set at least one field to change")
    v.raise_if_any()
    return products.UpdateProductRequest(
        tenant_id=tenant_id, product=product, update_mask=field_mask_pb2.FieldMask(paths=paths)
    )


def delete_product(
    request: pb.DeletePrototypeProductRequest, tenant_id: int
) -> products.DeleteProductRequest:
    return products.DeleteProductRequest(tenant_id=tenant_id, product_id=request.product_id)


def cross_sell(
    request: pb.RecommendPrototypeCrossSellRequest, tenant_id: int
) -> intelligence.RecommendCrossSellRequest:
    v = Violations()
    kind = word(v, "recommendation_type", request.recommendation_type, CROSS_SELL_WORDS, required=True)
    v.raise_if_any()
    return intelligence.RecommendCrossSellRequest(
        tenant_id=tenant_id,
        product_id=request.product_id,
        type=kind,  # type: ignore[arg-type]
        limit=request.limit,
    )


def inventory_alerts(
    request: pb.GetPrototypeInventoryAlertsRequest, tenant_id: int
) -> inventory.GetInventoryAlertsRequest:
    v = Violations()
    alert_filter = word(v, "alert_type", request.alert_type, ALERT_FILTER_WORDS)
    v.raise_if_any()
    return inventory.GetInventoryAlertsRequest(
        tenant_id=tenant_id,
        alert_type=alert_filter,  # type: ignore[arg-type]
        page_size=request.limit,
        page_token=request.page_token,
    )


def start_classification(
    request: pb.StartPrototypeProductClassificationRequest, tenant_id: int
) -> workflows.StartProductClassificationRequest:
    return workflows.StartProductClassificationRequest(tenant_id=tenant_id, product_id=request.product_id)


def get_workflow(request: pb.GetPrototypeWorkflowRequest, tenant_id: int) -> workflows.GetWorkflowRequest:
    return workflows.GetWorkflowRequest(tenant_id=tenant_id, workflow_id=request.workflow_id)
