"""The contract's answers -> the prototype's JSON shapes: Money to numbers, enums to lower-case words,
`analysis` to `ai_metrics`. Nothing is computed here that the contract's answer does not carry."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from google.protobuf import timestamp_pb2
from google.type import money_pb2

from crm.v2 import intelligence_service_pb2 as intelligence
from crm.v2 import inventory_service_pb2 as inventory
from crm.v2 import lead_service_pb2 as leads
from crm.v2 import order_service_pb2 as orders
from crm.v2 import product_service_pb2 as products
from crm.v2 import prototype_rest_service_pb2 as pb
from crm.v2 import supplier_service_pb2 as suppliers
from crm.v2 import system_service_pb2 as system
from crm.v2 import workflow_service_pb2 as workflows

INT32_MAX = 2**31 - 1
SERVICE_NAME = "crm-service-v2"

HEALTH_WORDS = {
    system.HEALTH_STATE_SERVING: "healthy",
    system.HEALTH_STATE_DEGRADED: "degraded",
    system.HEALTH_STATE_NOT_SERVING: "unhealthy",
    system.HEALTH_STATE_DISABLED: "disabled",
}
# The prototype said `completed` where the contract says SUCCEEDED.
WORKFLOW_STATE_WORDS = {workflows.WORKFLOW_STATE_SUCCEEDED: "completed"}


def word(enum: Any, prefix: str, number: int) -> str:
    """The prototype's lower-case word of a contract enum value; empty for UNSPECIFIED or an unknown one."""
    name = enum.Name(number) if number in enum.values() else ""
    return "" if not name or name.endswith("_UNSPECIFIED") else name.removeprefix(prefix).lower()


def number(value: money_pb2.Money) -> float:
    """Money as the JSON number the prototype used (cents are exact in a double's shortest form)."""
    return float(Decimal(value.units) + Decimal(value.nanos) / 1_000_000_000)


def bounded(count: int) -> int:
    return min(count, INT32_MAX)


def timestamp(value: timestamp_pb2.Timestamp, present: bool) -> timestamp_pb2.Timestamp | None:
    return value if present else None


def health(answer: system.GetHealthResponse) -> pb.PrototypeHealth:
    kafka = answer.kafka
    return pb.PrototypeHealth(
        status=HEALTH_WORDS.get(answer.state, "unhealthy"),
        service=SERVICE_NAME,
        version=answer.version,
        timestamp=_now(),
        uptime_seconds=answer.uptime.ToTimedelta().total_seconds(),
        database=pb.PrototypeDependencyHealth(
            status=HEALTH_WORDS.get(answer.database.state, "unhealthy"),
            detail=answer.database.error or answer.database.backend,
        ),
        event_bus=pb.PrototypeDependencyHealth(
            status=HEALTH_WORDS.get(kafka.state, "unhealthy"),
            detail=kafka.last_error or kafka.bootstrap_servers,
        ),
        ai_agents={
            agent.name: pb.PrototypeDependencyHealth(
                status=HEALTH_WORDS.get(agent.state, "unhealthy"), detail=agent.error or agent.endpoint
            )
            for agent in answer.agents
        },
    )


def _now() -> timestamp_pb2.Timestamp:
    now = timestamp_pb2.Timestamp()
    now.GetCurrentTime()
    return now


def ai_metrics(analysis: products.DropshipAnalysis) -> pb.PrototypeAiMetrics:
    return pb.PrototypeAiMetrics(
        dropship_score=analysis.dropship_score,
        classification=word(
            products.ProductClassification, "PRODUCT_CLASSIFICATION_", analysis.classification
        ),
        profit_margin_estimate=analysis.profit_margin_estimate,
        factors=analysis.factors,
    )


def product(answer: products.Product) -> pb.PrototypeProduct:
    pricing = answer.pricing
    return pb.PrototypeProduct(
        id=answer.id,
        tenant_id=answer.tenant_id,
        asin=answer.asin,
        sku=answer.sku,
        title=answer.title,
        description=answer.description,
        category=answer.category,
        status=word(products.ProductStatus, "PRODUCT_STATUS_", answer.status),
        pricing=pb.PrototypePricing(
            source_price=number(pricing.source_price),
            recommended_price=number(pricing.recommended_price),
            current_selling_price=number(pricing.current_selling_price),
            currency_code=pricing.source_price.currency_code,
        ),
        ai_metrics=ai_metrics(answer.analysis),
        supplier_id=answer.supplier_id,
        stock_quantity=answer.stock_available,
        reserved_quantity=answer.stock_reserved,
        created_at=timestamp(answer.create_time, answer.HasField("create_time")),
        updated_at=timestamp(answer.update_time, answer.HasField("update_time")),
    )


def product_page(answer: products.ListProductsResponse) -> pb.ListPrototypeProductsResponse:
    return pb.ListPrototypeProductsResponse(
        products=[product(p) for p in answer.products],
        total=bounded(answer.total_size),
        next_page_token=answer.next_page_token,
    )


def cross_sell(answer: intelligence.RecommendCrossSellResponse) -> pb.RecommendPrototypeCrossSellResponse:
    return pb.RecommendPrototypeCrossSellResponse(
        product_id=answer.product_id,
        recommendation_type=word(intelligence.CrossSellType, "CROSS_SELL_TYPE_", answer.type),
        recommendations=[
            pb.PrototypeRecommendation(
                product_id=r.product_id,
                sku=r.sku,
                title=r.title,
                category=r.category,
                price=number(r.price),
                classification=word(
                    products.ProductClassification, "PRODUCT_CLASSIFICATION_", r.classification
                ),
                confidence=r.confidence,
                reasons=r.reasons,
                price_ratio=r.price_ratio,
            )
            for r in answer.recommendations
        ],
        total_candidates=bounded(answer.candidate_count),
    )


def inventory_alerts(
    answer: inventory.GetInventoryAlertsResponse, alert_type: str
) -> pb.GetPrototypeInventoryAlertsResponse:
    summary = answer.summary
    return pb.GetPrototypeInventoryAlertsResponse(
        alerts=[
            pb.PrototypeInventoryAlert(
                product_id=a.product_id,
                sku=a.sku,
                title=a.title,
                alert_type=word(inventory.InventoryAlertType, "INVENTORY_ALERT_TYPE_", a.type),
                severity=word(inventory.AlertSeverity, "ALERT_SEVERITY_", a.severity),
                message=a.message,
                current_stock=a.available,
                reserved_stock=a.reserved,
                reorder_point=a.reorder_point,
                recommended_order_quantity=a.recommended_order_quantity,
                estimated_reorder_cost=number(a.estimated_reorder_cost),
                days_of_cover=a.days_of_cover,
            )
            for a in answer.alerts
        ],
        summary=pb.PrototypeInventoryAlertSummary(
            total_alerts=bounded(summary.total_alerts),
            critical_alerts=bounded(summary.critical_alerts),
            warning_alerts=bounded(summary.warning_alerts),
            info_alerts=bounded(summary.info_alerts),
            reorder_recommendations=bounded(summary.reorder_count),
            total_estimated_reorder_cost=number(summary.total_estimated_reorder_cost),
            currency_code=summary.total_estimated_reorder_cost.currency_code,
        ),
        alert_type=alert_type.strip().lower() or "all",
        next_page_token=answer.next_page_token,
    )


def workflow(answer: workflows.Workflow) -> pb.PrototypeWorkflow:
    classification = answer.classification if answer.HasField("classification") else None
    return pb.PrototypeWorkflow(
        workflow_id=answer.id,
        workflow_type=word(workflows.WorkflowType, "WORKFLOW_TYPE_", answer.type),
        status=WORKFLOW_STATE_WORDS.get(answer.state)
        or word(workflows.WorkflowState, "WORKFLOW_STATE_", answer.state),
        progress=answer.progress,
        product_id=answer.product_id,
        result=ai_metrics(classification.analysis) if classification is not None else None,
        error=answer.error.message if answer.HasField("error") else "",
        created_at=timestamp(answer.create_time, answer.HasField("create_time")),
        completed_at=timestamp(answer.end_time, answer.HasField("end_time")),
    )


def lead(answer: leads.Lead) -> pb.PrototypeLead:
    return pb.PrototypeLead(
        id=answer.id,
        tenant_id=answer.tenant_id,
        first_name=answer.first_name,
        last_name=answer.last_name,
        email=answer.email,
        phone=answer.phone,
        company=answer.company,
        job_title=answer.job_title,
        status=word(leads.LeadStatus, "LEAD_STATUS_", answer.status),
        source=word(leads.LeadSource, "LEAD_SOURCE_", answer.source),
        priority=word(leads.LeadPriority, "LEAD_PRIORITY_", answer.priority),
        score=answer.score,
        score_factors=answer.score_factors,
        notes=answer.notes,
        tags=answer.tags,
        assigned_to=answer.assigned_to,
        created_at=timestamp(answer.create_time, answer.HasField("create_time")),
        updated_at=timestamp(answer.update_time, answer.HasField("update_time")),
    )


def lead_page(answer: leads.ListLeadsResponse) -> pb.ListPrototypeLeadsResponse:
    return pb.ListPrototypeLeadsResponse(
        leads=[lead(x) for x in answer.leads],
        total=bounded(answer.total_size),
        next_page_token=answer.next_page_token,
    )


def order(answer: orders.Order) -> pb.PrototypeOrder:
    fraud = answer.fraud_analysis
    return pb.PrototypeOrder(
        id=answer.id,
        tenant_id=answer.tenant_id,
        order_number=answer.order_number,
        customer_email=answer.customer_email,
        customer_name=answer.customer_name,
        items=[
            pb.PrototypeOrderItem(
                product_id=i.product_id,
                sku=i.sku,
                title=i.title,
                quantity=i.quantity,
                unit_price=number(i.unit_price),
                total_price=number(i.total_price),
                backordered=i.backordered,
            )
            for i in answer.items
        ],
        subtotal=number(answer.subtotal),
        total_amount=number(answer.total),
        currency_code=answer.currency_code,
        status=word(orders.OrderStatus, "ORDER_STATUS_", answer.status),
        financial_status=word(orders.FinancialStatus, "FINANCIAL_STATUS_", answer.financial_status),
        fraud_analysis=pb.PrototypeFraudAnalysis(
            risk_level=word(orders.RiskLevel, "RISK_LEVEL_", fraud.risk_level),
            risk_score=fraud.risk_score,
            verification_required=fraud.verification_required,
            recommended_action=word(orders.FraudAction, "FRAUD_ACTION_", fraud.recommended_action),
            factors=fraud.factors,
        ),
        billing_address=answer.billing_address if answer.HasField("billing_address") else None,
        shipping_address=answer.shipping_address if answer.HasField("shipping_address") else None,
        tracking_number=answer.tracking_number,
        carrier=answer.carrier,
        notes=answer.notes,
        created_at=timestamp(answer.create_time, answer.HasField("create_time")),
        updated_at=timestamp(answer.update_time, answer.HasField("update_time")),
    )


def order_page(answer: orders.ListOrdersResponse) -> pb.ListPrototypeOrdersResponse:
    return pb.ListPrototypeOrdersResponse(
        orders=[order(x) for x in answer.orders],
        total=bounded(answer.total_size),
        next_page_token=answer.next_page_token,
    )


def supplier(answer: suppliers.Supplier) -> pb.PrototypeSupplier:
    return pb.PrototypeSupplier(
        id=answer.id,
        tenant_id=answer.tenant_id,
        name=answer.name,
        marketplace=word(suppliers.Marketplace, "MARKETPLACE_", answer.marketplace),
        contact_email=answer.contact_email,
        contact_phone=answer.contact_phone,
        website=answer.website,
        rating=answer.rating,
        lead_time_days=answer.lead_time_days,
        is_active=answer.is_active,
        notes=answer.notes,
        created_at=timestamp(answer.create_time, answer.HasField("create_time")),
        updated_at=timestamp(answer.update_time, answer.HasField("update_time")),
    )


def supplier_page(answer: suppliers.ListSuppliersResponse) -> pb.ListPrototypeSuppliersResponse:
    return pb.ListPrototypeSuppliersResponse(
        suppliers=[supplier(x) for x in answer.suppliers],
        total=bounded(answer.total_size),
        next_page_token=answer.next_page_token,
    )
