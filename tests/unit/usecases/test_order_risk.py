"""Fraud that follows the order, on in-memory fakes: re-assessment on a change of the email, an address or
the lines, the hold and the fraud review it may queue, the tenant's lists, and the refund's tie to the
payment."""

from __future__ import annotations

from dataclasses import replace

import pytest

from domain.addresses import PostalAddress
from domain.errors import NotFound
from domain.order_errors import DuplicateRiskListEntry, InsufficientInventory, LinesLocked, PaymentNotCaptured
from domain.order_events import OrderFlagged, OrderRiskReassessed, OrderStatusChanged
from domain.orders import (
    FinancialStatus,
    LineRequest,
    OrderChanges,
    OrderStatus,
    RiskListKind,
    RiskListType,
)
from domain.workflows import WorkflowType
from engines.fraud import FraudPolicy, RiskLevel
from engines.inventory import OptimizerPolicy
from server.orders.amendments import OrderAmendments
from server.orders.lifecycle import OrderLifecycle
from server.orders.risk import FraudReviewOnHold, OrderRisk
from server.orders.risk_lists import RiskListUseCases
from server.orders.usecases import OrderCreation
from tests.unit.usecases.fakes_orders import FakeOrderUnitOfWork
from tests.unit.usecases.test_orders import TENANT, order_of, stocked_product, units

ABROAD = PostalAddress(region_code="NG", address_lines=("1 Marina Road",), postal_code="101001")


def lifecycle(uow: FakeOrderUnitOfWork, risk: OrderRisk | None = None) -> OrderLifecycle:
    return OrderLifecycle(uow.factory, OrderAmendments(risk or OrderRisk(FraudPolicy()), OptimizerPolicy()))


async def placed(uow: FakeOrderUnitOfWork, *lines, risk: OrderRisk | None = None):
    order = await OrderCreation(uow.factory, risk or OrderRisk(FraudPolicy()), OptimizerPolicy()).create(
        order_of(*lines)
    )
    uow.events.clear()
    return order


async def change(uow: FakeOrderUnitOfWork, order, risk: OrderRisk | None = None, **values: object):
    return await lifecycle(uow, risk).update(
        tenant_id=TENANT, order_id=order.id, changes=OrderChanges(values, actor="clerk")
    )


async def test_a_new_shipping_address_reassesses_and_announces_the_new_risk():
    uow = FakeOrderUnitOfWork()
    order = await placed(uow, (stocked_product(uow, "mug", available=10), 1))

    moved = await change(uow, order, shipping_address=ABROAD)

    assert "address_mismatch" in [f.name for f in moved.fraud.factors]
    assert moved.fraud.trigger == "shipping_address" and moved.fraud.risk_score > order.fraud.risk_score
    reassessed = next(e for e in uow.events if isinstance(e, OrderRiskReassessed))
    assert reassessed.previous == order.fraud and not reassessed.held
    assert moved.flagged and any(isinstance(e, OrderFlagged) for e in uow.events)


async def test_a_change_to_high_risk_holds_the_order_and_queues_the_crews_review():
    uow = FakeOrderUnitOfWork()
    risk = OrderRisk(FraudPolicy(), FraudReviewOnHold(enabled=True, max_attempts=2))
    order = await placed(uow, (stocked_product(uow, "tv", available=10, price="300.00"), 2), risk=risk)

    held = await change(uow, order, risk, customer_email="x@mailinator.com", shipping_address=ABROAD)

    assert held.fraud.risk_level in (RiskLevel.HIGH, RiskLevel.CRITICAL)
    assert held.status is OrderStatus.ON_HOLD and held.history[-1].reason == "fraud_hold"
    [review] = uow.workflows.workflows.values()
    assert (
        review.type is WorkflowType.FRAUD_REVIEW and review.order_id == order.id and review.max_attempts == 2
    )
    assert held.fraud_review is not None and held.fraud_review.workflow_id == review.id
    assert any(isinstance(e, OrderStatusChanged) and e.to_status is OrderStatus.ON_HOLD for e in uow.events)


async def test_without_the_crew_a_held_order_queues_no_review():
    uow = FakeOrderUnitOfWork()
    order = await placed(uow, (stocked_product(uow, "tv", available=10, price="300.00"), 2))
    held = await change(uow, order, customer_email="x@mailinator.com", shipping_address=ABROAD)
    assert held.status is OrderStatus.ON_HOLD and held.fraud_review is None
    assert uow.workflows.workflows == {}


async def test_new_lines_release_the_old_reservations_and_reserve_the_new_ones():
    uow = FakeOrderUnitOfWork()
    mug, cup = stocked_product(uow, "mug", available=10), stocked_product(uow, "cup", available=100)
    order = await placed(uow, (mug, 3))

    changed = await change(uow, order, lines=(LineRequest(cup, 60),))

    assert units(uow, mug) == (10, 0, 0) and units(uow, cup) == (40, 60, 0)
    assert [(line.product_id, line.quantity) for line in changed.lines] == [(cup, 60)]
    assert changed.fraud.trigger == "items" and "quantity_pattern" in [f.name for f in changed.fraud.factors]


async def test_lines_the_stock_cannot_cover_change_nothing():
    uow = FakeOrderUnitOfWork()
    mug = stocked_product(uow, "mug", available=5)
    order = await placed(uow, (mug, 2))
    with pytest.raises(InsufficientInventory):
        await change(uow, order, lines=(LineRequest(mug, 9),))
    assert units(uow, mug) == (3, 2, 0) and uow.orders.orders[(TENANT, order.id)] == order


async def test_lines_of_a_confirmed_order_are_locked():
    uow = FakeOrderUnitOfWork()
    mug = stocked_product(uow, "mug", available=5)
    order = await change(uow, await placed(uow, (mug, 1)), status=OrderStatus.CONFIRMED)
    with pytest.raises(LinesLocked):
        await change(uow, order, lines=(LineRequest(mug, 2),))


async def test_a_refund_needs_a_captured_payment_and_refunds_it():
    uow = FakeOrderUnitOfWork()
    order = await placed(uow, (stocked_product(uow, "mug", available=5), 1))
    delivered = replace(order, status=OrderStatus.DELIVERED)
    await uow.orders.save(delivered)
    with pytest.raises(PaymentNotCaptured):
        await change(uow, delivered, status=OrderStatus.REFUNDED)
    await uow.orders.save(replace(delivered, financial_status=FinancialStatus.PAID))
    refunded = await change(uow, delivered, status=OrderStatus.REFUNDED)
    assert refunded.financial_status is FinancialStatus.REFUNDED


async def test_a_value_is_on_one_list_and_another_tenants_entry_is_not_found():
    uow = FakeOrderUnitOfWork()
    lists = RiskListUseCases(uow.factory)
    entry = await lists.add(
        tenant_id=TENANT,
        list_type=RiskListType.BLOCK,
        kind=RiskListKind.COUNTRY,
        value="KP",
        reason="",
        actor="a",
    )
    with pytest.raises(DuplicateRiskListEntry):
        await lists.add(
            tenant_id=TENANT,
            list_type=RiskListType.ALLOW,
            kind=RiskListKind.COUNTRY,
            value="KP",
            reason="",
            actor="a",
        )
    with pytest.raises(NotFound):
        await lists.remove(tenant_id=TENANT + 1, entry_id=entry.id, actor="a")
    assert (await lists.remove(tenant_id=TENANT, entry_id=entry.id, actor="a")) == entry
    assert uow.risk_lists.entries == {}


async def test_a_blocked_country_holds_a_new_order():
    uow = FakeOrderUnitOfWork()
    await RiskListUseCases(uow.factory).add(
        tenant_id=TENANT,
        list_type=RiskListType.BLOCK,
        kind=RiskListKind.COUNTRY,
        value="US",
        reason="",
        actor="a",
    )
    order = await placed(uow, (stocked_product(uow, "mug", available=5), 1))
    assert order.status is OrderStatus.ON_HOLD and order.fraud.factors[0].name == "block_list"


async def held_with_review(uow: FakeOrderUnitOfWork):
    risk = OrderRisk(FraudPolicy(), FraudReviewOnHold(enabled=True, max_attempts=2))
    order = await placed(uow, (stocked_product(uow, "tv", available=10, price="300.00"), 2), risk=risk)
    held = await change(uow, order, risk, customer_email="x@mailinator.com", shipping_address=ABROAD)
    [workflow] = uow.workflows.workflows.values()
    return held, workflow


async def review(uow: FakeOrderUnitOfWork, workflow, crew, attempt: int):
    from server.orders.review import FraudReviewStep

    async def report(progress: float, text: str) -> None:
        return None

    step = FraudReviewStep(uow.factory, crew, deadline=1.0)
    return await step(replace(workflow, attempts=attempt), report)


async def test_the_fraud_crews_review_lands_on_the_order_when_the_workflow_completes():
    from domain.order_events import OrderFraudReviewed
    from domain.orders import FraudRecommendation, ReviewSource
    from tests.unit.usecases.fakes_intelligence import FakeCrew

    uow = FakeOrderUnitOfWork()
    held, workflow = await held_with_review(uow)
    crew = FakeCrew(
        {"recommendation": "verify", "risk_score": 0.7, "summary": "call them", "signals": ["new"]}
    )

    outcome = await review(uow, workflow, crew, attempt=1)
    assert uow.orders.orders[(TENANT, held.id)].fraud_review.recommendation is None  # type: ignore[union-attr]
    async with uow.factory() as tx:
        await outcome.apply(tx, workflow)
        await tx.commit()

    reviewed = uow.orders.orders[(TENANT, held.id)]
    assert reviewed.fraud_review is not None
    assert (reviewed.fraud_review.recommendation, reviewed.fraud_review.source) == (
        FraudRecommendation.VERIFY,
        ReviewSource.AGENT,
    )
    assert reviewed.fraud_review.workflow_id == workflow.id and reviewed.status is OrderStatus.ON_HOLD
    assert isinstance(uow.events[-1], OrderFraudReviewed)
    assert "x@mailinator.com" not in str(crew.runs[0])


async def test_while_the_fraud_crew_is_down_the_attempt_fails_and_the_last_one_takes_the_engines_view():
    from domain.errors import Unavailable
    from domain.orders import FraudRecommendation, ReviewSource
    from tests.unit.usecases.fakes_intelligence import FakeCrew

    uow = FakeOrderUnitOfWork()
    held, workflow = await held_with_review(uow)
    with pytest.raises(Unavailable):
        await review(uow, workflow, FakeCrew(None), attempt=1)
    last = await review(uow, workflow, FakeCrew(None), attempt=2)
    advice = (
        FraudRecommendation.CANCEL
        if held.fraud.risk_level is RiskLevel.CRITICAL
        else FraudRecommendation.VERIFY
    )
    assert last.result.review.recommendation is advice
    assert last.result.review.source is ReviewSource.ENGINE
