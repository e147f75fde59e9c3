"""The fraud crew's review of a held order (a FRAUD_REVIEW workflow, queued by risk.py): the crew is asked for
its advice; while it is unavailable the attempt fails and the runner retries with backoff; after the last
attempt the engine's assessment stands as the review. The review lands on the order when the workflow
completes (`order.fraud_reviewed`); releasing or cancelling the order stays a person's decision."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from domain.clock import utcnow
from domain.errors import NotFound, Unavailable
from domain.order_events import OrderFraudReviewed
from domain.orders import FraudRecommendation, FraudReview, Order, ReviewSource
from domain.workflows import FraudReviewOutcome, ResultSource, Workflow
from engines.fraud import RiskLevel
from server.agents.ports import AgentUnavailable, Crew
from server.agents.tasks import fraud_review
from server.orders.ports import OrderUnitOfWork
from server.resources import existing
from server.workflows.steps import Report, StepOutcome

# What the engine's assessment advises when the crew never answered.
ENGINE_ADVICE = {
    RiskLevel.LOW: FraudRecommendation.APPROVE,
    RiskLevel.MEDIUM: FraudRecommendation.APPROVE,
    RiskLevel.HIGH: FraudRecommendation.VERIFY,
    RiskLevel.CRITICAL: FraudRecommendation.CANCEL,
}


class FraudReviewStep:
    def __init__(self, uow: Callable[..., OrderUnitOfWork], crew: Crew | None, *, deadline: float) -> None:
        self._uow = uow
        self._crew = crew
        self._deadline = deadline

    async def __call__(self, workflow: Workflow, report: Report) -> StepOutcome:
        order_id = workflow.order_id
        if order_id is None:
            raise NotFound("order", "")
        async with self._uow(read_only=True) as uow:
            order = await existing(uow.orders, "order", workflow.tenant_id, order_id)
        await report(0.2, "asking the fraud crew")
        review = await self._review(workflow, order, report)

        async def apply(uow: OrderUnitOfWork, done: Workflow) -> None:
            # Re-read under lock: the review lands on the order as it is when the workflow completes.
            current = await uow.orders.get(done.tenant_id, order_id, for_update=True)
            if current is None:
                return
            reviewed = replace(current, fraud_review=review, updated_at=utcnow(), version=current.version + 1)
            await uow.orders.save(reviewed)
            uow.emit(OrderFraudReviewed(tenant_id=done.tenant_id, order=reviewed))

        source = ResultSource.AGENT if review.source is ReviewSource.AGENT else ResultSource.ENGINE
        return StepOutcome(FraudReviewOutcome(order_id, review), source, apply)

    async def _review(self, workflow: Workflow, order: Order, report: Report) -> FraudReview:
        requested = order.fraud_review.requested_at if order.fraud_review else workflow.created_at
        try:
            if self._crew is None:
                raise AgentUnavailable("no crew is configured")

            async def progress(step: str) -> None:
                await report(0.5, step)

            advice = await fraud_review(
                self._crew, review_inputs(order), deadline=self._deadline, progress=progress
            )
        except AgentUnavailable as exc:
            if workflow.attempts < workflow.max_attempts:
                raise Unavailable(f"the fraud crew is unavailable: {exc}") from exc
            return FraudReview(
                workflow_id=workflow.id,
                requested_at=requested,
                recommendation=ENGINE_ADVICE[order.fraud.risk_level],
                risk_score=order.fraud.risk_score,
                summary=f"the fraud crew stayed unavailable ({exc}); the engine's assessment stands",
                signals=tuple(f.name for f in order.fraud.factors),
                source=ReviewSource.ENGINE,
                reviewed_at=utcnow(),
            )
        return FraudReview(
            workflow_id=workflow.id,
            requested_at=requested,
            recommendation=advice.recommendation,
            risk_score=advice.risk_score,
            summary=advice.summary,
            signals=advice.signals,
            source=ReviewSource.AGENT,
            reviewed_at=utcnow(),
        )


def review_inputs(order: Order) -> dict[str, Any]:
    """What the fraud crew is told of an order: no names or street addresses, only what bears on the risk."""
    return {
        "order_id": str(order.id),
        "order_number": order.order_number,
        "total": str(order.total.amount),
        "currency": order.currency,
        "email_domain": order.customer_email.rpartition("@")[2],
        "billing_country": order.billing_address.region_code,
        "shipping_country": order.shipping_address.region_code,
        "line_quantities": [line.quantity for line in order.lines],
        "financial_status": order.financial_status.value,
        "risk_level": order.fraud.risk_level.value,
        "risk_score": order.fraud.risk_score,
        "signals": [{"name": f.name, "explanation": f.explanation} for f in order.fraud.factors],
    }
