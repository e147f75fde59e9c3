"""The fraud engine: noisy-OR never falls when a signal is added, levels and actions follow the SPEC
thresholds, and the factors explain the whole score."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engines.fraud import (
    CustomerHistory,
    FraudAction,
    FraudPolicy,
    OrderSnapshot,
    RiskLevel,
    Signal,
    assess_fraud,
    combine,
    level_of,
)

POLICY = FraudPolicy()


def an_order(**overrides: object) -> OrderSnapshot:
    values: dict[str, object] = {
        "total": Decimal("40.00"),
        "line_quantities": (1,),
        "email_domain": "example.com",
        "billing_country": "US",
        "shipping_country": "US",
    }
    values.update(overrides)
    return OrderSnapshot(**values)  # type: ignore[arg-type]


REGULAR = CustomerHistory(orders=4, paid_orders=4, average_paid_total=Decimal("40"))

signals = st.lists(
    st.builds(Signal, st.sampled_from(["a", "b", "c", "d"]), st.floats(0, 1), st.just("why")), max_size=8
)


@given(signals, st.builds(Signal, st.just("new"), st.floats(0, 1), st.just("why")))
def test_adding_a_signal_never_lowers_the_score(existing, added):
    assert combine([*existing, added], POLICY).risk_score >= combine(existing, POLICY).risk_score


@given(signals)
def test_contributions_add_up_to_the_score(fired):
    result = combine(fired, POLICY)
    assert sum(f.contribution for f in result.factors) == pytest.approx(result.risk_score * 100, abs=0.011)
    assert 0 <= result.risk_score <= 1


riskier_orders = st.sampled_from(
    [
        {"total": Decimal("600")},
        {"total": Decimal("2500")},
        {"line_quantities": (12,)},
        {"line_quantities": (60,)},
        {"shipping_country": "FR"},
        {"email_domain": "mailinator.com"},
    ]
)


@given(riskier_orders, st.integers(0, 5), st.integers(0, 5), st.integers(0, 5))
def test_making_an_order_riskier_never_lowers_its_score(change, orders, cancelled, last_hour):
    history = CustomerHistory(
        orders=orders, cancelled_orders=min(cancelled, orders), orders_last_hour=last_hour
    )
    plain = assess_fraud(an_order(), history, POLICY)
    risky = assess_fraud(an_order(**change), history, POLICY)
    assert risky.risk_score >= plain.risk_score


def test_a_regular_customers_small_order_is_low_risk_with_no_factors():
    result = assess_fraud(an_order(), REGULAR, POLICY)
    assert (result.risk_score, result.level, result.action) == (
        0.0,
        RiskLevel.LOW,
        FraudAction.STANDARD_PROCESSING,
    )
    assert result.factors == () and not result.verification_required


def test_a_first_order_reports_its_customer_history_factor():
    result = assess_fraud(an_order(), CustomerHistory(), POLICY)
    (factor,) = result.factors
    assert (factor.name, factor.value, factor.contribution, result.risk_score) == (
        "customer_history",
        10.0,
        10.0,
        0.1,
    )


def test_signals_combine_by_noisy_or_into_a_critical_hold():
    order = an_order(
        total=Decimal("2500"), line_quantities=(60,), shipping_country="FR", email_domain="mailinator.com"
    )
    result = assess_fraud(order, CustomerHistory(orders_last_hour=2), POLICY)
    expected = 1 - (1 - 0.35) * (1 - 0.35) * (1 - 0.30) * (1 - 0.10) * (1 - 0.35) * (1 - 0.35)
    assert result.risk_score == pytest.approx(expected, abs=1e-4)
    assert result.level is RiskLevel.CRITICAL and result.action is FraudAction.HOLD_FOR_INVESTIGATION
    assert result.verification_required
    assert {f.name for f in result.factors} == {
        "order_value",
        "quantity_pattern",
        "address_mismatch",
        "customer_history",
        "order_velocity",
        "disposable_email",
    }


def test_several_paid_orders_halve_the_history_risk_of_earlier_cancellations():
    risky = CustomerHistory(orders=3, cancelled_orders=2, paid_orders=1)
    trusted = CustomerHistory(orders=6, cancelled_orders=2, paid_orders=4)
    assert (
        assess_fraud(an_order(), trusted, POLICY).risk_score
        < assess_fraud(an_order(), risky, POLICY).risk_score
    )


def test_an_order_far_above_the_customers_average_is_flagged():
    result = assess_fraud(an_order(total=Decimal("130")), REGULAR, POLICY)
    assert [f.name for f in result.factors] == ["above_customer_average"]


@pytest.mark.parametrize(
    ("score", "level"),
    [
        (0.0, RiskLevel.LOW),
        (0.2999, RiskLevel.LOW),
        (0.3, RiskLevel.MEDIUM),
        (0.5999, RiskLevel.MEDIUM),
        (0.6, RiskLevel.HIGH),
        (0.8499, RiskLevel.HIGH),
        (0.85, RiskLevel.CRITICAL),
        (1.0, RiskLevel.CRITICAL),
    ],
)
def test_levels_follow_the_documented_thresholds(score, level):
    assert level_of(score, POLICY) is level


def test_a_blocked_email_domain_or_country_is_a_certain_risk_explained_first():
    from engines.fraud import RiskLists

    risky = an_order(email="x@shady.example", email_domain="shady.example", shipping_country="NG")
    for lists in (
        RiskLists(blocked_emails=frozenset({"x@shady.example"})),
        RiskLists(blocked_domains=frozenset({"shady.example"})),
        RiskLists(blocked_countries=frozenset({"NG"})),
    ):
        result = assess_fraud(risky, REGULAR, POLICY, lists)
        assert result.level is RiskLevel.CRITICAL and result.risk_score == 1.0
        assert result.factors[0].name == "block_list" and result.verification_required
        assert sum(f.contribution for f in result.factors) == pytest.approx(100.0, abs=0.02)


def test_an_allowed_customer_is_trusted_and_the_overridden_signals_are_named():
    from engines.fraud import RiskLists

    risky = an_order(
        email="buyer@partner.example",
        email_domain="partner.example",
        line_quantities=(60,),
        shipping_country="NG",
    )
    assert assess_fraud(risky, CustomerHistory(), POLICY).level is not RiskLevel.LOW
    trusted = assess_fraud(
        risky, CustomerHistory(), POLICY, RiskLists(allowed_domains=frozenset({"partner.example"}))
    )
    assert (trusted.level, trusted.risk_score, trusted.action) == (
        RiskLevel.LOW,
        0.0,
        FraudAction.STANDARD_PROCESSING,
    )
    [factor] = trusted.factors
    assert factor.name == "allow_list" and factor.contribution == 0
    assert "quantity_pattern" in factor.explanation and "address_mismatch" in factor.explanation


def test_a_block_wins_over_an_allow():
    from engines.fraud import RiskLists

    order = an_order(email="a@b.example", email_domain="b.example")
    lists = RiskLists(allowed_emails=frozenset({"a@b.example"}), blocked_domains=frozenset({"b.example"}))
    assert assess_fraud(order, REGULAR, POLICY, lists).level is RiskLevel.CRITICAL


def test_chargebacks_in_the_history_raise_the_risk_and_say_so():
    clean = assess_fraud(an_order(), CustomerHistory(orders=2, paid_orders=2), POLICY)
    charged = assess_fraud(an_order(), CustomerHistory(orders=2, paid_orders=1, chargebacks=1), POLICY)
    assert charged.risk_score > clean.risk_score
    assert "1 charged back" in {f.name: f for f in charged.factors}["customer_history"].explanation
