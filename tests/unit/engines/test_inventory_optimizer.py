"""The inventory optimiser against hand-computed textbook cases, and its properties."""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from engines.inventory import (
    OptimizerInput,
    OptimizerPolicy,
    cover_of,
    daily_series,
    economic_order_quantity,
    optimise,
    reorder_point,
    reorder_quantity,
    safety_stock,
    z_score,
)

FLAT = OptimizerPolicy(seasonality={})


def test_eoq_of_the_textbook_case():
    # D = 1,000 units/year, S = 10 per order, H = 2.50 per unit-year: sqrt(2*1000*10/2.5) = 89.44 -> 90.
    assert economic_order_quantity(1000, Decimal("10"), Decimal("2.50")) == 90
    # D = 3,650, S = 25, H = 2.50 (25% of 10): sqrt(73,000) = 270.19 -> 271.
    assert economic_order_quantity(3650, Decimal("25"), Decimal("2.50")) == 271


def test_safety_stock_and_reorder_point_of_the_textbook_case():
    # z = 1.645 (95%), sigma = 5 units/day, L = 9 days: 1.645 * 5 * 3 = 24.675 -> 25.
    assert safety_stock(1.645, 5.0, 9) == 25
    # velocity 10/day over 9 days of lead time plus the safety stock: 90 + 25 = 115.
    assert reorder_point(10.0, 9, 25) == 115


def test_z_scores_of_common_service_levels():
    assert (z_score(0.95), z_score(0.99), z_score(0.5)) == (1.645, 2.326, 0.0)


def test_no_demand_means_no_order_and_no_stockout():
    result = optimise(_input((0.0,) * 30, available=5), FLAT)
    assert (result.economic_order_quantity, result.days_of_cover, result.stockout_date) == (0, -1.0, None)
    assert result.reorder_point == 0 and result.recommended_order_quantity == 0


def test_a_full_optimisation_reports_every_figure():
    # Alternating 5 and 15 units a day: velocity 10, population sigma 5.
    series = (5.0, 15.0) * 45
    result = optimise(_input(series, available=100, lead_time=9), FLAT)
    assert (result.velocity, result.velocity_std_dev, result.seasonal_factor) == (10.0, 5.0, 1.0)
    assert (result.safety_stock, result.reorder_point) == (25, 115)
    assert result.annual_demand == 3650 and result.holding_cost == Decimal("2.5000")
    assert result.economic_order_quantity == 271 and result.max_stock == 115 + 271
    assert result.days_of_cover == 10.0 and result.stockout_date == date(2026, 3, 11)
    assert result.recommended_order_quantity == 271  # 100 available <= 115


def test_the_seasonal_factor_scales_demand():
    policy = OptimizerPolicy(seasonality={"fitness": (2.0,) * 12})
    result = optimise(_input((10.0,) * 30, lead_time=10), policy)
    assert result.seasonal_factor == 2.0 and result.reorder_point == 200


def test_missing_days_count_as_zero_sales():
    series = daily_series({date(2026, 1, 1): 4.0, date(2026, 1, 3): 2.0}, date(2026, 1, 1), date(2026, 1, 4))
    assert series == (4.0, 0.0, 2.0, 0.0)


@given(st.floats(0, 1e6), st.floats(0.01, 1e4), st.floats(0.01, 1e4))
def test_eoq_is_the_rounded_up_square_root_formula(demand, order_cost, holding):
    eoq = economic_order_quantity(demand, Decimal(str(order_cost)), Decimal(str(holding)))
    exact = math.sqrt(2 * demand * order_cost / holding) if demand > 0 else 0
    assert exact - 1e-6 <= eoq < exact + 1 + 1e-6


@given(
    st.integers(0, 500),
    st.integers(0, 500),
    st.integers(0, 50),
    st.integers(0, 500),
    st.integers(0, 500),
    st.integers(0, 500),
)
def test_a_reorder_brings_the_stock_position_back_above_the_reorder_point_and_covers_what_is_owed(
    eoq, minimum, backordered, available, point, on_order
):
    units = reorder_quantity(
        economic_quantity=eoq,
        minimum=minimum,
        available=available,
        backordered=backordered,
        reorder_at=point,
        on_order=on_order,
    )
    position = available + on_order - backordered
    if position > point:
        assert units == 0  # already on order: never recommended twice
    else:
        assert units >= max(eoq, minimum, backordered - on_order, 1)
        assert position + units > point


def _input(series: tuple[float, ...], *, available: int = 0, lead_time: int = 14) -> OptimizerInput:
    return OptimizerInput(
        daily_units=series,
        lead_time_days=lead_time,
        service_level=0.95,
        order_cost=Decimal("25"),
        holding_cost_rate=0.25,
        unit_cost=Decimal("10"),
        category="fitness",
        today=date(2026, 3, 1),
        available=available,
    )


@given(
    available=st.integers(min_value=0, max_value=2**63 - 1),
    velocity=st.floats(min_value=1e-9, max_value=1e9, allow_nan=False),
)
def test_cover_is_total_for_any_stock_and_velocity(available, velocity):
    days, runs_out = cover_of(available, velocity, date(2026, 12, 1))
    assert days >= 0
    assert runs_out is None or runs_out >= date(2026, 12, 1)
