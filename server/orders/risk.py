"""Fraud that follows the order: an order's assessment reads the customer's history and the tenant's allow and
block lists; a change of the customer email, an address or the lines re-assesses it. MEDIUM risk flags the
order (`order.flagged`); HIGH or CRITICAL holds one that has not shipped and, with the fraud crew configured,
queues its review (a FRAUD_REVIEW workflow whose outcome lands on the order)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal

from domain.addresses import PostalAddress
from domain.clock import utcnow
from domain.order_events import OrderFlagged, OrderRiskReassessed, OrderStatusChanged
from domain.orders import (
    HOLDABLE_STATUSES,
    RISK_INPUTS,
    SYSTEM_ACTOR,
    Concerns,
    FraudAnalysis,
    FraudReview,
    Order,
    OrderContext,
    OrderStatus,
    StatusChange,
)
from domain.workflows import WorkflowType
from engines.fraud import FraudPolicy, OrderSnapshot, RiskLevel, assess_fraud
from server.orders.ports import OrderUnitOfWork
from server.workflows.enqueue import DEFAULT_MAX_ATTEMPTS, enqueue

HELD_LEVELS = frozenset({RiskLevel.HIGH, RiskLevel.CRITICAL})

# The contract's names of the changed fields a re-assessment's trigger lists.
TRIGGER_NAMES = {"lines": "items"}

FRAUD_HOLD = "fraud_hold"


@dataclass(frozen=True, slots=True)
class FraudReviewOnHold:
    """Whether a held order gets the fraud crew's review (where the crew is configured), and its attempts."""

    enabled: bool
    max_attempts: int = DEFAULT_MAX_ATTEMPTS


NO_FRAUD_REVIEW = FraudReviewOnHold(enabled=False)


@dataclass(frozen=True, slots=True)
class Subject:
    """What an assessment looks at: who orders, where to, and the order's total and line quantities."""

    email: str
    billing: PostalAddress
    shipping: PostalAddress
    total: Decimal
    quantities: tuple[int, ...]

    def concerns(self) -> Concerns:
        return Concerns.of(self.email, self.billing, self.shipping)

    def snapshot(self) -> OrderSnapshot:
        return OrderSnapshot(
            total=self.total,
            line_quantities=self.quantities,
            email_domain=self.email.rpartition("@")[2],
            billing_country=self.billing.region_code,
            shipping_country=self.shipping.region_code,
            billing_postcode=self.billing.postal_code,
            shipping_postcode=self.shipping.postal_code,
            email=self.email,
        )


class OrderRisk:
    def __init__(self, policy: FraudPolicy, review: FraudReviewOnHold = NO_FRAUD_REVIEW) -> None:
        self.policy = policy
        self._review = review

    async def assess(
        self,
        uow: OrderUnitOfWork,
        tenant_id: int,
        subject: Subject,
        *,
        history_before: datetime,
        excluding: uuid.UUID | None = None,
        trigger: str = "created",
    ) -> FraudAnalysis:
        """The assessment of an order: the customer's orders before `history_before` (but `excluding`), the
        tenant's lists, and the order itself."""
        context = await uow.orders.context(
            tenant_id, subject.email, subject.concerns(), before=history_before, excluding=excluding
        )
        return self.judge(subject, context, trigger=trigger)

    def judge(self, subject: Subject, context: OrderContext, *, trigger: str = "created") -> FraudAnalysis:
        """The assessment of an order whose context is read."""
        a = assess_fraud(subject.snapshot(), context.history, self.policy, context.lists)
        return FraudAnalysis(
            a.level, a.risk_score, a.verification_required, a.action, a.factors, utcnow(), trigger
        )

    async def follow(
        self, uow: OrderUnitOfWork, before: Order, after: Order, changed: Iterable[str]
    ) -> Order:
        """Re-assess `after` (stored by the caller) when an input of the risk changed; store and announce
        the new assessment, and flag or hold the order as it calls for."""
        trigger = ",".join(
            sorted(TRIGGER_NAMES.get(name, name) for name in RISK_INPUTS.intersection(changed))
        )
        if not trigger:
            return after
        fraud = await self.assess(
            uow,
            after.tenant_id,
            subject_of(after),
            history_before=after.created_at,
            excluding=after.id,
            trigger=trigger,
        )
        held = fraud.risk_level in HELD_LEVELS and after.status in HOLDABLE_STATUSES
        reassessed = replace(after, fraud=fraud, flagged=after.flagged or fraud.calls_for_monitoring)
        if held:
            hold = StatusChange(
                after.status, OrderStatus.ON_HOLD, FRAUD_HOLD, SYSTEM_ACTOR, fraud.analyzed_at
            )
            reassessed = replace(reassessed, status=OrderStatus.ON_HOLD, history=(*after.history, hold))
            reassessed = await self.queue_review(uow, reassessed)
            await uow.orders.add_changes(after.tenant_id, after.id, (hold,))
        await uow.orders.save(reassessed)
        uow.emit(
            OrderRiskReassessed(tenant_id=after.tenant_id, order=reassessed, previous=before.fraud, held=held)
        )
        if held:
            uow.emit(_held(after, reassessed))
        if reassessed.flagged and not after.flagged:
            uow.emit(OrderFlagged(tenant_id=after.tenant_id, order=reassessed))
        return reassessed

    async def queue_review(self, uow: OrderUnitOfWork, order: Order) -> Order:
        """The held order with its fraud review queued, where the fraud crew is configured."""
        if not self._review.enabled:
            return order
        workflow = await enqueue(
            uow,
            tenant_id=order.tenant_id,
            kind=WorkflowType.FRAUD_REVIEW,
            product_id=None,
            max_attempts=self._review.max_attempts,
            params={"order_id": str(order.id)},
        )
        return replace(order, fraud_review=FraudReview(workflow.id, workflow.created_at))


def subject_of(order: Order) -> Subject:
    return Subject(
        email=order.customer_email,
        billing=order.billing_address,
        shipping=order.shipping_address,
        total=order.total.amount,
        quantities=tuple(line.quantity for line in order.lines),
    )


def _held(before: Order, after: Order) -> OrderStatusChanged:
    return OrderStatusChanged(
        tenant_id=after.tenant_id,
        order_id=after.id,
        order_number=after.order_number,
        from_status=before.status,
        to_status=after.status,
        from_financial_status=after.financial_status,
        to_financial_status=after.financial_status,
        reason=FRAUD_HOLD,
        changed_by=SYSTEM_ACTOR,
    )
