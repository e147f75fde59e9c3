"""Deal rules in the domain: stage probabilities and the weighted amount, exact to the cent."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.deals import DEFAULT_STAGE_PROBABILITIES, DealPolicy, DealStage, weighted_amount
from domain.money import Money

POLICY = DealPolicy()


@pytest.mark.parametrize("requested", [None, 0.0, 0.42, 1.0])
def test_closed_stages_fix_the_probability_whatever_is_asked(requested):
    assert POLICY.probability_for(DealStage.CLOSED_WON, requested) == 1.0
    assert POLICY.probability_for(DealStage.CLOSED_LOST, requested) == 0.0


def test_an_open_stage_takes_its_default_unless_a_probability_is_given():
    assert (
        POLICY.probability_for(DealStage.NEGOTIATION, None)
        == DEFAULT_STAGE_PROBABILITIES[DealStage.NEGOTIATION]
    )
    assert POLICY.probability_for(DealStage.NEGOTIATION, 0.2) == 0.2
    custom = DealPolicy(stage_probabilities={**DEFAULT_STAGE_PROBABILITIES, DealStage.PROPOSAL: 0.6})
    assert custom.probability_for(DealStage.PROPOSAL, None) == 0.6


def test_the_weighted_amount_rounds_half_up_to_the_cent():
    assert weighted_amount(Money(Decimal("1234.56")), 0.1).amount == Decimal("123.46")
    assert weighted_amount(Money(Decimal("0.05")), 0.5).amount == Decimal("0.03")
    assert weighted_amount(Money(Decimal("10.00"), "EUR"), 0.75) == Money(Decimal("7.50"), "EUR")


@given(
    st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
    st.floats(min_value=0, max_value=1),
)
def test_the_weighted_amount_never_exceeds_the_amount_and_is_never_negative(amount, probability):
    weighted = weighted_amount(Money(amount), probability).amount
    assert Decimal(0) <= weighted <= amount
    assert weighted == weighted.quantize(Decimal("0.01"))
