"""Dynamic pricing: never below the margin floor, at most MAX_PRICE_CHANGE from the current price unless
the floor demands more, factors in order, charm endings, and determinism."""

from __future__ import annotations

import uuid
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from engines.classification import Classification
from engines.pricing import (
    DemandLevel,
    PricingConstraint,
    PricingInput,
    PricingPolicy,
    change_bounds,
    derive_demand,
    floor_price,
    optimise_price,
    summarise,
)

POLICY = PricingPolicy()
money = st.decimals(min_value=Decimal("0.50"), max_value=Decimal("5000"), places=2)


@st.composite
def inputs(draw: st.DrawFn) -> PricingInput:
    return PricingInput(
        product_id=uuid.UUID(int=draw(st.integers(0, 2**16))),
        source_price=draw(money),
        current_price=draw(money),
        category=draw(st.sampled_from(["fitness", "electronics", "books"])),
        classification=draw(st.sampled_from(list(Classification))),
        month=draw(st.integers(1, 12)),
        competitor_count=draw(st.none() | st.integers(0, 50)),
        demand=draw(st.none() | st.sampled_from(list(DemandLevel))),
        daily_velocity=draw(st.none() | st.floats(0, 20)),
        competitor_prices=tuple(draw(st.lists(money, max_size=5))),
        seasonality_factor=draw(st.none() | st.floats(0.5, 2.0)),
        charm_pricing=draw(st.booleans()),
    )


@given(inputs())
def test_never_below_the_floor_and_within_the_maximum_change_when_the_floor_allows(inp):
    result = optimise_price(inp, POLICY)
    floor = floor_price(inp.source_price, POLICY)
    low, high = change_bounds(inp.current_price, POLICY)
    assert result.recommended_price >= floor
    assert result.recommended_price == result.recommended_price.quantize(Decimal("0.01"))
    if floor <= high:
        assert low <= result.recommended_price <= high
    else:  # the current price is far below cost: the floor wins, and says so
        assert result.recommended_price == floor
        assert PricingConstraint.MIN_MARGIN in result.constraints
    assert optimise_price(inp, POLICY) == result  # same input, same output


def test_factors_apply_in_order_from_the_source_price():
    inp = PricingInput(
        uuid.uuid4(),
        Decimal("49.99"),
        Decimal("74.99"),
        "books",
        Classification.HERO,
        month=6,
        demand=DemandLevel.HIGH,
    )
    result = optimise_price(inp, POLICY)
    assert [s.name for s in result.steps] == [
        "base_margin",
        "classification",
        "demand",
        "seasonality",
        "competition",
    ]
    # 49.99 x 1.25 x 1.25 x 1.05 = 82.01; books are not seasonal; competition unknown.
    assert result.steps[-1].price_after == Decimal("82.01")
    assert result.recommended_price == Decimal("82.01") and result.constraints == ()
    assert not result.demand_derived and result.expected_margin == round(
        float((Decimal("82.01") - Decimal("49.99")) / Decimal("82.01")), 4
    )


def test_the_maximum_change_limits_a_large_move_and_charm_rounds_inside_it():
    inp = PricingInput(
        uuid.uuid4(),
        Decimal("50"),
        Decimal("50"),
        "books",
        Classification.HERO,
        month=1,
        demand=DemandLevel.HIGH,
        charm_pricing=True,
    )
    result = optimise_price(inp, POLICY)
    assert result.recommended_price == Decimal("59.99")
    assert result.constraints == (PricingConstraint.MAX_CHANGE, PricingConstraint.CHARM_ENDING)
    assert result.change_percent == 19.98


def test_demand_is_derived_from_velocity():
    assert derive_demand(None, POLICY) is DemandLevel.MEDIUM
    assert derive_demand(0.05, POLICY) is DemandLevel.LOW
    assert derive_demand(0.5, POLICY) is DemandLevel.MEDIUM
    assert derive_demand(1.0, POLICY) is DemandLevel.HIGH


def test_the_bulk_summary_totals_changes_and_revenue_impact():
    a = optimise_price(
        PricingInput(
            uuid.UUID(int=1),
            Decimal("10"),
            Decimal("10"),
            "books",
            Classification.MODERATE,
            6,
            demand=DemandLevel.MEDIUM,
        ),
        POLICY,
    )
    b = optimise_price(
        PricingInput(
            uuid.UUID(int=2),
            Decimal("10"),
            Decimal("12.50"),
            "books",
            Classification.MODERATE,
            6,
            demand=DemandLevel.MEDIUM,
        ),
        POLICY,
    )
    summary = summarise(
        [a, b],
        current_prices={a.product_id: Decimal("10"), b.product_id: Decimal("12.50")},
        velocities={a.product_id: 1.0},
        skipped=3,
    )
    assert a.recommended_price == Decimal("12.00") and b.recommended_price == Decimal("12.50")
    assert (summary.product_count, summary.changed_count, summary.skipped_count) == (5, 1, 3)
    assert summary.average_change_percent == 10.0
    assert summary.estimated_revenue_impact == Decimal("60.00")  # (12 - 10) x 1/day x 30 days
