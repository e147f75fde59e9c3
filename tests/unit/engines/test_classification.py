"""The dropship score: bounded, explained, monotone in margin, exact at every threshold, and the
recommended-price rule of SPEC section 4."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engines.classification import (
    DEFAULT_CATEGORY_DEMAND,
    Classification,
    ClassificationPolicy,
    ProductSignals,
    analyze,
    classify,
    recommended_price,
)

POLICY = ClassificationPolicy()

prices = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("100000"), places=2)
signals = st.builds(
    ProductSignals,
    source_price=prices,
    selling_price=st.none() | prices,
    category=st.sampled_from([*DEFAULT_CATEGORY_DEMAND, "unlisted"]),
    competitor_count=st.none() | st.integers(0, 10_000),
    review_rating=st.none() | st.floats(0, 5),
    review_count=st.none() | st.integers(0, 1_000_000),
    supplier_rating=st.none() | st.floats(0, 5),
    supplier_lead_time_days=st.none() | st.integers(0, 365),
)


def product(**overrides: object) -> ProductSignals:
    values: dict[str, object] = {
        "source_price": Decimal("49.99"),
        "selling_price": None,
        "category": "electronics",
        "competitor_count": 2,
        "review_rating": 4.7,
        "review_count": 500,
        "supplier_rating": 4.8,
        "supplier_lead_time_days": 5,
    }
    values.update(overrides)
    return ProductSignals(**values)  # type: ignore[arg-type]


@given(signals)
def test_the_score_stays_within_0_and_100(s):
    assert 0 <= analyze(s, POLICY).score <= 100


@given(signals)
def test_the_factors_add_up_to_the_score_and_explain_themselves(s):
    result = analyze(s, POLICY)
    assert sum(f.contribution for f in result.factors) == pytest.approx(result.score, abs=0.005)
    assert sum(f.weight for f in result.factors) == pytest.approx(1.0)
    for factor in result.factors:
        assert 0 <= factor.value <= 100
        assert factor.contribution == pytest.approx(factor.weight * factor.value, abs=0.006)
        assert factor.explanation


@given(signals, st.decimals(min_value=Decimal("0.01"), max_value=Decimal("0.99"), places=2))
def test_the_score_never_falls_when_the_margin_rises(s, cheaper_share):
    """At a fixed selling price, a lower source price is a higher margin: the score must not drop."""
    selling = s.selling_price or Decimal("50.00")
    before = analyze(replace(s, selling_price=selling), POLICY)
    cheaper = max(Decimal("0.01"), (s.source_price * cheaper_share).quantize(Decimal("0.01")))
    after = analyze(replace(s, selling_price=selling, source_price=min(cheaper, s.source_price)), POLICY)
    assert after.score >= before.score
    assert after.profit_margin >= before.profit_margin


@given(signals)
def test_the_classification_follows_the_score(s):
    result = analyze(s, POLICY)
    assert result.classification is classify(result.score, POLICY)


@given(signals)
def test_without_a_selling_price_the_analysis_is_reproduced_at_the_price_it_chose(s):
    """What create stores (the chosen selling price) re-scores to the same analysis on a later update."""
    first = analyze(replace(s, selling_price=None), POLICY)
    again = analyze(replace(s, selling_price=first.selling_price), POLICY)
    assert again == first


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (100.0, Classification.HERO),
        (80.0, Classification.HERO),
        (79.99, Classification.GOOD),
        (65.0, Classification.GOOD),
        (64.99, Classification.MODERATE),
        (40.0, Classification.MODERATE),
        (39.99, Classification.POOR),
        (0.0, Classification.POOR),
    ],
)
def test_each_threshold_is_inclusive_at_its_bound(score, expected):
    assert classify(score, POLICY) is expected


@pytest.mark.parametrize(
    ("classification", "expected"),
    [
        (Classification.HERO, "74.99"),  # 49.99 x 1.50 = 74.985 -> half-up
        (Classification.GOOD, "67.49"),  # 49.99 x 1.35 = 67.4865
        (Classification.MODERATE, "62.49"),  # 49.99 x 1.25 = 62.4875
        (Classification.POOR, "59.99"),  # 49.99 x 1.20 = 59.988
    ],
)
def test_the_recommended_price_adds_the_margin_and_the_premium_half_up(classification, expected):
    assert recommended_price(Decimal("49.99"), classification, POLICY) == Decimal(expected)


def test_a_strong_product_at_49_99_is_a_hero_priced_at_74_99():
    result = analyze(product(), POLICY)
    assert result.classification is Classification.HERO
    assert result.recommended_price == result.selling_price == Decimal("74.99")


def test_unknown_inputs_score_a_neutral_50():
    result = analyze(
        product(
            competitor_count=None,
            review_rating=None,
            review_count=None,
            supplier_rating=None,
            supplier_lead_time_days=None,
            category="unlisted",
        ),
        POLICY,
    )
    neutral = {f.name: f.value for f in result.factors}
    for name in ("competition", "social_proof", "supplier_reliability", "category_demand"):
        assert neutral[name] == 50.0


def test_configuration_changes_margin_premium_and_weights():
    premium = replace(
        POLICY,
        default_margin=Decimal("0.30"),
        premiums={**POLICY.premiums, Classification.HERO: Decimal("0.50")},
    )
    assert recommended_price(Decimal("10.00"), Classification.HERO, premium) == Decimal("18.00")
    weights = dict.fromkeys(POLICY.weights, 0.0) | {"category_demand": 1.0}
    demand_only = replace(POLICY, weights=weights, category_demand={"books": 90.0})
    assert analyze(product(category="books"), demand_only).score == 90.0


def test_a_policy_whose_weights_do_not_add_up_is_refused():
    with pytest.raises(ValueError, match="add up to 1"):
        ClassificationPolicy(weights=dict.fromkeys(POLICY.weights, 0.5))


def test_more_competitors_never_raise_the_score():
    scores = [analyze(product(competitor_count=n), POLICY).score for n in (0, 1, 5, 20, 100)]
    assert scores == sorted(scores, reverse=True)


def test_a_candidate_is_scored_at_the_median_competitor_price():
    from engines.sourcing import CandidateFacts, market_price, score_candidate

    assert market_price([Decimal("10"), Decimal("30"), Decimal("20")]) == Decimal("20.00")
    assert market_price([Decimal("19.99"), Decimal("24.99")]) == Decimal("22.49")
    assert market_price([]) is None
    facts = CandidateFacts(
        source_price=Decimal("12.50"),
        category="kitchen",
        competitor_prices=(Decimal("29.99"), Decimal("34.99")),
    )
    result = score_candidate(facts, ClassificationPolicy())
    assert result.selling_price == Decimal("32.49")
    assert {f.name: f for f in result.factors}["competition"].explanation == "2 competing sellers"
    unknown = score_candidate(
        CandidateFacts(source_price=Decimal("12.50"), category="kitchen"), ClassificationPolicy()
    )
    assert unknown.selling_price == unknown.recommended_price
