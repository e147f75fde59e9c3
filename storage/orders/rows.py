"""Order rows <-> domain Order: column values, addresses and fraud factors as JSON documents."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from domain.codec import from_json, to_json
from domain.money import Money
from domain.orders import (
    FinancialStatus,
    FraudAnalysis,
    FraudReview,
    Order,
    OrderLine,
    OrderStatus,
    StatusChange,
)
from engines.fraud import FraudAction, RiskLevel
from storage.documents import address_json, address_of, factors_json, factors_of


def order_values(order: Order) -> dict[str, Any]:
    return {
        "id": order.id,
        "tenant_id": order.tenant_id,
        "order_number": order.order_number,
        "customer_email": order.customer_email,
        "customer_name": order.customer_name,
        "billing_address": address_json(order.billing_address),
        "shipping_address": address_json(order.shipping_address),
        "currency": order.currency,
        "subtotal": order.subtotal.amount,
        "tax": order.tax.amount,
        "shipping": order.shipping.amount,
        "discount": order.discount.amount,
        "total": order.total.amount,
        "status": order.status.value,
        "financial_status": order.financial_status.value,
        **fraud_values(order),
        "notes": order.notes,
        "tracking_number": order.tracking_number,
        "carrier": order.carrier,
        "request_id": order.request_id,
        "cancel_reason": order.cancel_reason,
        "version": order.version,
        "created_at": order.created_at,
        "updated_at": order.updated_at,
    }


def review_json(review: FraudReview | None) -> dict[str, Any] | None:
    return to_json(review) if review is not None else None


def fraud_values(order: Order) -> dict[str, Any]:
    """The columns of the order's fraud analysis, flag and review (what a re-assessment rewrites)."""
    fraud = order.fraud
    return {
        "risk_level": fraud.risk_level.value,
        "risk_score": fraud.risk_score,
        "verification_required": fraud.verification_required,
        "fraud_action": fraud.action.value,
        "fraud_factors": factors_json(fraud.factors),
        "analyzed_at": fraud.analyzed_at,
        "fraud_trigger": fraud.trigger,
        "flagged": order.flagged,
        "fraud_review": review_json(order.fraud_review),
    }


def to_order(row: Any, items: Sequence[Any], changes: Sequence[Any]) -> Order:
    currency = row["currency"]
    return Order(
        id=row["id"],
        tenant_id=row["tenant_id"],
        order_number=row["order_number"],
        customer_email=row["customer_email"],
        customer_name=row["customer_name"],
        billing_address=address_of(row["billing_address"]),
        shipping_address=address_of(row["shipping_address"]),
        lines=tuple(
            OrderLine(
                product_id=i["product_id"],
                sku=i["sku"],
                title=i["title"],
                quantity=i["quantity"],
                unit_price=Money(i["unit_price"], currency),
                total_price=Money(i["total_price"], currency),
                backordered=i["backordered"],
                dropship=i["dropship"],
            )
            for i in items
        ),
        currency=currency,
        subtotal=Money(row["subtotal"], currency),
        tax=Money(row["tax"], currency),
        shipping=Money(row["shipping"], currency),
        discount=Money(row["discount"], currency),
        total=Money(row["total"], currency),
        status=OrderStatus(row["status"]),
        financial_status=FinancialStatus(row["financial_status"]),
        fraud=FraudAnalysis(
            risk_level=RiskLevel(row["risk_level"]),
            risk_score=row["risk_score"],
            verification_required=row["verification_required"],
            action=FraudAction(row["fraud_action"]),
            factors=factors_of(row["fraud_factors"]),
            analyzed_at=row["analyzed_at"],
            trigger=row["fraud_trigger"],
        ),
        flagged=row["flagged"],
        fraud_review=from_json(FraudReview, row["fraud_review"]),
        history=tuple(
            StatusChange(
                from_status=OrderStatus(c["from_status"]) if c["from_status"] else None,
                to_status=OrderStatus(c["to_status"]),
                reason=c["reason"],
                changed_by=c["changed_by"],
                changed_at=c["changed_at"],
            )
            for c in changes
        ),
        notes=row["notes"],
        tracking_number=row["tracking_number"],
        carrier=row["carrier"],
        request_id=row["request_id"],
        cancel_reason=row["cancel_reason"],
        version=row["version"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )
