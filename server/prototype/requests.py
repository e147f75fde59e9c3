"""Prototype requests -> the contract's requests. Only the shapes change here: money from JSON numbers to
exact Money, the prototype's lower-case words to the contract's enums, flat bodies to nested messages. The
contract's servicer validates everything else, and the `*_FIELDS` tables rename its violations to the
prototype's fields."""

from __future__ import annotations

from google.protobuf import field_mask_pb2

from crm.v2 import analytics_service_pb2 as analytics
from crm.v2 import event_service_pb2 as events
from crm.v2 import intelligence_service_pb2 as intelligence
from crm.v2 import inventory_service_pb2 as inventory
from crm.v2 import lead_service_pb2 as leads
from crm.v2 import order_service_pb2 as orders
from crm.v2 import product_service_pb2 as products
from crm.v2 import prototype_rest_service_pb2 as pb
from crm.v2 import supplier_service_pb2 as suppliers
from crm.v2 import system_service_pb2 as system
from crm.v2 import workflow_service_pb2 as workflows
from server.edge.validation import Violations
from server.prototype.fields import (
    ALERT_FILTER_WORDS,
    CLASSIFICATION_WORDS,
    CROSS_SELL_WORDS,
    DEMAND_WORDS,
    FINANCIAL_STATUS_WORDS,
    LEAD_PRIORITY_WORDS,
    LEAD_SOURCE_WORDS,
    LEAD_STATUS_WORDS,
    MARKETPLACE_WORDS,
    MOVEMENT_WORDS,
    ORDER_STATUS_WORDS,
    RISK_LEVEL_WORDS,
    STATUS_WORDS,
    amount,
    amounts,
    word,
)

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
LEAD_FIELDS = {"lead": ""}
LIST_FIELDS = {"page_size": "limit"}
BULK_UPDATE_FIELDS = {
    "changes.price_change.percent": "price_change_percent",
    "changes.price_change.set_price": "set_price",
    "changes.price_change": "price_change_percent",
    "changes": "",
    "update_mask": "body",
}
ORDER_FIELDS = {"order.items": "items", "order.id": "order_id", "order": ""}
INVENTORY_FIELDS = {"set_available": "quantity"}
SUPPLIER_FIELDS = {"supplier": ""}
PRICING_FIELDS = {
    "market_conditions.demand_level": "demand_level",
    "market_conditions.competitor_prices": "competitor_prices",
    "market_conditions.seasonality_factor": "seasonality_factor",
}
EVENT_FIELDS = {"page_size": "limit", "types": "event_type"}


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


def create_lead(request: pb.CreatePrototypeLeadRequest, tenant_id: int) -> leads.CreateLeadRequest:
    v = Violations()
    source = word(v, "source", request.source, LEAD_SOURCE_WORDS, required=True)
    status = word(v, "status", request.status, LEAD_STATUS_WORDS)
    priority = word(v, "priority", request.priority, LEAD_PRIORITY_WORDS)
    v.raise_if_any()
    return leads.CreateLeadRequest(
        tenant_id=tenant_id,
        lead=leads.Lead(
            first_name=request.first_name,
            last_name=request.last_name,
            email=request.email,
            phone=request.phone,
            company=request.company,
            job_title=request.job_title,
            source=source,  # type: ignore[arg-type]
            status=status,  # type: ignore[arg-type]
            priority=priority,  # type: ignore[arg-type]
            notes=request.notes,
            tags=request.tags,
            assigned_to=request.assigned_to,
        ),
    )


def list_leads(request: pb.ListPrototypeLeadsRequest, tenant_id: int) -> leads.ListLeadsRequest:
    v = Violations()
    status = word(v, "status", request.status, LEAD_STATUS_WORDS)
    source = word(v, "source", request.source, LEAD_SOURCE_WORDS)
    v.raise_if_any()
    return leads.ListLeadsRequest(
        tenant_id=tenant_id,
        page_size=request.limit,
        page_token=request.page_token,
        status=status,  # type: ignore[arg-type]
        source=source,  # type: ignore[arg-type]
        assigned_to=request.assigned_to,
    )


def get_lead(request: pb.GetPrototypeLeadRequest, tenant_id: int) -> leads.GetLeadRequest:
    return leads.GetLeadRequest(tenant_id=tenant_id, lead_id=request.lead_id)


def lead_analytics(tenant_id: int) -> leads.GetLeadAnalyticsRequest:
    return leads.GetLeadAnalyticsRequest(tenant_id=tenant_id)


def bulk_update(
    request: pb.BulkUpdatePrototypeProductsRequest, tenant_id: int
) -> products.BulkUpdateProductsRequest:
    """The flat changes as the contract's, with the mask naming those the body sets."""
    v = Violations()
    changes, paths = products.ProductChanges(), []
    if request.status:
        changes.status = word(v, "status", request.status, STATUS_WORDS)  # type: ignore[assignment]
        paths.append("status")
    if request.category:
        changes.category = request.category
        paths.append("category")
    if request.HasField("price_change_percent") and request.HasField("set_price"):
        v.add("set_price", "give price_change_percent or set_price, not both")
    elif request.HasField("price_change_percent"):
        changes.price_change.percent = request.price_change_percent
        paths.append("price_change")
    elif request.HasField("set_price"):
        changes.price_change.set_price.CopyFrom(amount(v, "set_price", request.set_price))
        paths.append("price_change")
    for name in ("add_tags", "remove_tags"):
        if getattr(request, name):
            getattr(changes, name).extend(getattr(request, name))
            paths.append(name)
    v.raise_if_any()
    return products.BulkUpdateProductsRequest(
        tenant_id=tenant_id,
        product_ids=request.product_ids,
        changes=changes,
        update_mask=field_mask_pb2.FieldMask(paths=paths),
        validate_only=request.validate_only,
    )


def create_order(request: pb.CreatePrototypeOrderRequest, tenant_id: int) -> orders.CreateOrderRequest:
    order = orders.Order(
        customer_email=request.customer_email,
        customer_name=request.customer_name,
        items=[orders.OrderItem(product_id=i.product_id, quantity=i.quantity) for i in request.items],
        notes=request.notes,
    )
    for name in ("billing_address", "shipping_address"):
        if request.HasField(name):
            getattr(order, name).CopyFrom(getattr(request, name))
    return orders.CreateOrderRequest(
        tenant_id=tenant_id,
        order=order,
        request_id=request.request_id,
        allow_backorder=request.allow_backorder,
    )


def list_orders(request: pb.ListPrototypeOrdersRequest, tenant_id: int) -> orders.ListOrdersRequest:
    v = Violations()
    status = word(v, "status", request.status, ORDER_STATUS_WORDS)
    financial = word(v, "financial_status", request.financial_status, FINANCIAL_STATUS_WORDS)
    risk = word(v, "risk_level", request.risk_level, RISK_LEVEL_WORDS)
    v.raise_if_any()
    return orders.ListOrdersRequest(
        tenant_id=tenant_id,
        page_size=request.limit,
        page_token=request.page_token,
        status=status,  # type: ignore[arg-type]
        financial_status=financial,  # type: ignore[arg-type]
        customer_email=request.customer_email,
        risk_level=risk,  # type: ignore[arg-type]
    )


def get_order(request: pb.GetPrototypeOrderRequest, tenant_id: int) -> orders.GetOrderRequest:
    return orders.GetOrderRequest(tenant_id=tenant_id, order_id=request.order_id)


def update_order(request: pb.UpdatePrototypeOrderRequest, tenant_id: int) -> orders.UpdateOrderRequest:
    v = Violations()
    order, paths = orders.Order(id=request.order_id), []
    if request.HasField("status"):
        order.status = word(v, "status", request.status, ORDER_STATUS_WORDS, required=True)  # type: ignore[assignment]
        paths.append("status")
    if request.HasField("financial_status"):
        financial = word(
            v, "financial_status", request.financial_status, FINANCIAL_STATUS_WORDS, required=True
        )
        order.financial_status = financial  # type: ignore[assignment]
        paths.append("financial_status")
    for name in ("tracking_number", "carrier", "notes"):
        if request.HasField(name):
            setattr(order, name, getattr(request, name))
            paths.append(name)
    if not paths:
        v.add("body", "must set at least one field to change")
    v.raise_if_any()
    return orders.UpdateOrderRequest(
        tenant_id=tenant_id,
        order=order,
        update_mask=field_mask_pb2.FieldMask(paths=paths),
        reason=request.reason,
    )


def list_inventory(
    request: pb.ListPrototypeInventoryRequest, tenant_id: int
) -> inventory.ListInventoryRequest:
    return inventory.ListInventoryRequest(
        tenant_id=tenant_id,
        page_size=request.limit,
        page_token=request.page_token,
        low_stock_only=request.low_stock_only,
        out_of_stock_only=request.out_of_stock_only,
        query=request.query,
    )


def update_inventory(
    request: pb.UpdatePrototypeInventoryRequest, tenant_id: int
) -> inventory.UpdateInventoryRequest:
    v = Violations()
    movement = word(v, "movement_type", request.movement_type, MOVEMENT_WORDS)
    if request.HasField("quantity") and request.HasField("adjust_by"):
        v.add("adjust_by", "give quantity or adjust_by, not both")
    v.raise_if_any()
    contract = inventory.UpdateInventoryRequest(
        tenant_id=tenant_id,
        product_id=request.product_id,
        reason=request.reason,
        movement_type=movement,  # type: ignore[arg-type]
    )
    if request.HasField("quantity"):
        contract.set_available = request.quantity
    if request.HasField("adjust_by"):
        contract.adjust_by = request.adjust_by
    for name in ("reorder_point", "reorder_quantity", "max_stock"):
        if request.HasField(name):
            setattr(contract, name, getattr(request, name))
    return contract


def optimize_inventory(
    request: pb.OptimizePrototypeInventoryRequest, tenant_id: int
) -> inventory.OptimizeInventoryRequest:
    contract = inventory.OptimizeInventoryRequest(
        tenant_id=tenant_id, product_id=request.product_id, apply=request.apply
    )
    for name in ("history_days", "lead_time_days", "service_level"):
        if request.HasField(name):
            setattr(contract, name, getattr(request, name))
    return contract


def create_supplier(
    request: pb.CreatePrototypeSupplierRequest, tenant_id: int
) -> suppliers.CreateSupplierRequest:
    v = Violations()
    marketplace = word(v, "marketplace", request.marketplace, MARKETPLACE_WORDS, required=True)
    v.raise_if_any()
    supplier = suppliers.Supplier(
        name=request.name,
        marketplace=marketplace,  # type: ignore[arg-type]
        contact_email=request.contact_email,
        contact_phone=request.contact_phone,
        website=request.website,
        notes=request.notes,
    )
    for name in ("rating", "lead_time_days"):
        if request.HasField(name):
            setattr(supplier, name, getattr(request, name))
    return suppliers.CreateSupplierRequest(tenant_id=tenant_id, supplier=supplier)


def list_suppliers(
    request: pb.ListPrototypeSuppliersRequest, tenant_id: int
) -> suppliers.ListSuppliersRequest:
    v = Violations()
    marketplace = word(v, "marketplace", request.marketplace, MARKETPLACE_WORDS)
    v.raise_if_any()
    return suppliers.ListSuppliersRequest(
        tenant_id=tenant_id,
        page_size=request.limit,
        page_token=request.page_token,
        marketplace=marketplace,  # type: ignore[arg-type]
        active_only=request.active_only,
        query=request.query,
    )


def recommend_products(
    request: pb.RecommendPrototypeProductsRequest, tenant_id: int
) -> intelligence.RecommendProductsRequest:
    return intelligence.RecommendProductsRequest(
        tenant_id=tenant_id, product_id=request.product_id, limit=request.limit
    )


def marketing_strategy(
    request: pb.GeneratePrototypeMarketingStrategyRequest, tenant_id: int
) -> intelligence.GenerateMarketingStrategyRequest:
    v = Violations()
    contract = intelligence.GenerateMarketingStrategyRequest(
        tenant_id=tenant_id, product_id=request.product_id
    )
    if request.HasField("monthly_budget"):
        contract.monthly_budget.CopyFrom(amount(v, "monthly_budget", request.monthly_budget))
    v.raise_if_any()
    return contract


def optimize_pricing(
    request: pb.OptimizePrototypePricingRequest, tenant_id: int
) -> intelligence.OptimizePricingRequest:
    v = Violations()
    conditions = intelligence.MarketConditions(
        demand_level=word(v, "demand_level", request.demand_level, DEMAND_WORDS),  # type: ignore[arg-type]
        competitor_prices=amounts(v, "competitor_prices", request.competitor_prices),
    )
    if request.HasField("seasonality_factor"):
        conditions.seasonality_factor = request.seasonality_factor
    v.raise_if_any()
    return intelligence.OptimizePricingRequest(
        tenant_id=tenant_id,
        product_id=request.product_id,
        market_conditions=conditions,
        charm_pricing=request.charm_pricing,
    )


def dashboard(request: pb.GetPrototypeDashboardRequest, tenant_id: int) -> analytics.GetDashboardRequest:
    return analytics.GetDashboardRequest(tenant_id=tenant_id, days=request.days)


def bulk_pricing(
    request: pb.BulkOptimizePrototypePricingRequest, tenant_id: int
) -> intelligence.BulkOptimizePricingRequest:
    v = Violations()
    classification = word(v, "classification", request.classification, CLASSIFICATION_WORDS)
    demand = word(v, "demand_level", request.demand_level, DEMAND_WORDS)
    v.raise_if_any()
    return intelligence.BulkOptimizePricingRequest(
        tenant_id=tenant_id,
        product_ids=request.product_ids,
        category=request.category,
        classification=classification,  # type: ignore[arg-type]
        all_products=request.all_products,
        market_conditions=intelligence.MarketConditions(demand_level=demand),  # type: ignore[arg-type]
        charm_pricing=request.charm_pricing,
        apply=request.apply,
    )


def list_events(request: pb.ListPrototypeEventsRequest, tenant_id: int) -> events.ListEventsRequest:
    return events.ListEventsRequest(
        tenant_id=tenant_id,
        page_size=request.limit,
        page_token=request.page_token,
        types=[request.event_type] if request.event_type else [],
    )
