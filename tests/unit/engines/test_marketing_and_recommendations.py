"""Marketing strategies and related products: deterministic, explained, and internally consistent."""

from __future__ import annotations

import uuid
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from engines.classification import Classification
from engines.marketing import MarketingPolicy, StrategyInput, build_strategy
from engines.recommendations import CatalogItem, RecommendationPolicy, related_products


@given(
    st.sampled_from(list(Classification)),
    st.sampled_from(["fitness", "kitchen", "unknown_category"]),
    st.decimals(min_value=Decimal("1"), max_value=Decimal("1000"), places=2),
    st.none() | st.decimals(min_value=Decimal("0"), max_value=Decimal("100000"), places=2),
)
def test_a_strategy_is_deterministic_and_its_shares_add_up(classification, category, price, budget):
    inp = StrategyInput(
        "p",
        "Thing",
        category,
        classification,
        price * Decimal("0.5"),
        price,
        price * Decimal("0.55"),
        "USD",
        budget,
    )
    strategy = build_strategy(inp, MarketingPolicy())
    assert strategy == build_strategy(inp, MarketingPolicy())
    assert abs(sum(c.budget_share for c in strategy.channels) - 1) < 1e-9
    assert abs(sum(p.budget_share for p in strategy.phases) - 1) < 1e-9
    assert strategy.audiences and "cac" in [k.name for k in strategy.kpis]
    assert strategy.cac_ceiling <= strategy.unit_margin
    if budget is not None:
        assert abs(sum(c.budget for c in strategy.channels) - budget) <= Decimal("0.02")


def test_related_products_rank_by_explained_relevance_without_the_source():
    def item(title: str, category: str, price: str, score: float = 50.0) -> CatalogItem:
        return CatalogItem(
            uuid.uuid4(), "S", title, category, Decimal(price), "USD", score, Classification.GOOD
        )

    source = item("Yoga Mat Extra Thick", "fitness", "30")
    strap, kettlebell, novel = (
        item("Yoga Mat Strap", "fitness", "25"),
        item("Kettlebell", "fitness", "30"),
        item("Novel", "books", "30"),
    )
    ranked = related_products(
        source, [novel, kettlebell, source, strap], limit=10, policy=RecommendationPolicy()
    )
    assert [r.item for r in ranked] == [strap, kettlebell, novel]
    for r in ranked:
        assert abs(sum(f.contribution for f in r.factors) - r.relevance) < 0.011
