"""Cross-sell engine: every recommendation obeys the type's rules, confidence is its explained factors,
and the same input gives the same output."""

from __future__ import annotations

import uuid
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from engines.classification import Classification
from engines.cross_sell import (
    Candidate,
    CrossSellPolicy,
    CrossSellSource,
    CrossSellType,
    is_eligible,
    price_band,
    recommend,
    target_categories,
)

POLICY = CrossSellPolicy()
CATEGORIES = ["fitness", "health", "electronics", "books", "kitchen"]
TENANT = 7
prices = st.decimals(min_value=Decimal("0.50"), max_value=Decimal("500"), places=2)


@st.composite
def candidates(draw: st.DrawFn) -> Candidate:
    return Candidate(
        id=uuid.UUID(int=draw(st.integers(0, 2**20))),
        tenant_id=draw(st.sampled_from([TENANT, TENANT, TENANT, 8])),
        sku="S",
        title="T",
        category=draw(st.sampled_from(CATEGORIES)),
        active=draw(st.booleans()),
        price=draw(prices),
        currency=draw(st.sampled_from(["USD", "USD", "EUR"])),
        classification=draw(st.sampled_from(list(Classification))),
        stock_available=draw(st.integers(0, 50)),
        co_purchase_count=draw(st.integers(0, 20)),
    )


@st.composite
def sources(draw: st.DrawFn) -> CrossSellSource:
    return CrossSellSource(
        id=uuid.UUID(int=draw(st.integers(0, 2**20))),
        tenant_id=TENANT,
        category=draw(st.sampled_from(CATEGORIES)),
        price=draw(prices),
        currency="USD",
        order_count=draw(st.integers(0, 40)),
    )


@given(
    sources(), st.lists(candidates(), max_size=40), st.sampled_from(list(CrossSellType)), st.integers(0, 20)
)
def test_results_obey_every_rule_of_the_type(source, pool, kind, limit):
    result = recommend(source, pool, kind=kind, limit=limit, policy=POLICY)
    low, high = price_band(kind, source.price, POLICY)
    assert len(result.recommendations) <= limit
    for r in result.recommendations:
        c = r.candidate
        assert c.id != source.id and c.tenant_id == source.tenant_id and c.currency == source.currency
        assert c.active and c.stock_available > 0
        assert low <= c.price <= high
        assert c.category in target_categories(kind, source.category, POLICY)
        assert 0 <= r.confidence <= 1
        assert abs(sum(f.contribution for f in r.factors) / 100 - r.confidence) < 1e-3
    confidences = [r.confidence for r in result.recommendations]
    assert confidences == sorted(confidences, reverse=True)
    assert result.candidate_count == sum(1 for c in pool if is_eligible(source, c, kind, POLICY))


@given(sources(), st.lists(candidates(), max_size=30), st.sampled_from(list(CrossSellType)))
def test_same_input_same_output_in_any_order(source, pool, kind):
    forward = recommend(source, pool, kind=kind, limit=20, policy=POLICY)
    backward = recommend(source, list(reversed(pool)), kind=kind, limit=20, policy=POLICY)
    assert forward == backward


def test_co_purchases_lift_a_candidate_and_lead_its_reasons():
    source = CrossSellSource(uuid.uuid4(), TENANT, "fitness", Decimal("50"), "USD", order_count=10)
    base = dict(
        tenant_id=TENANT,
        sku="S",
        title="T",
        category="fitness",
        active=True,
        currency="USD",
        classification=Classification.GOOD,
        stock_available=20,
    )
    bought = Candidate(id=uuid.uuid4(), price=Decimal("90"), co_purchase_count=5, **base)
    never = Candidate(id=uuid.uuid4(), price=Decimal("90"), co_purchase_count=0, **base)
    result = recommend(source, [never, bought], kind=CrossSellType.UPSELL, limit=5, policy=POLICY)
    assert [r.candidate.id for r in result.recommendations] == [bought.id, never.id]
    top = result.recommendations[0]
    assert top.co_purchase_strength == 0.5 and top.reasons[0] == "bought together in 5 of 10 orders (50%)"
