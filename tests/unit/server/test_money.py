"""Money crosses the wire exactly: Decimal <-> google.type.Money, validated, never through a float."""

from __future__ import annotations

from decimal import Decimal

import pytest
from google.type import money_pb2
from hypothesis import given
from hypothesis import strategies as st

from domain.money import Money, to_cents
from server.edge.convert import money_to_proto
from server.edge.validation import Violations

cents = st.decimals(min_value=Decimal("-999999999.99"), max_value=Decimal("999999999.99"), places=2)


@given(cents)
def test_an_amount_round_trips_exactly(amount):
    v = Violations()
    assert v.money("m", money_to_proto(Money(amount)), minimum=None) == Money(amount)
    assert v.items == []


def test_rounding_is_half_up_to_cents():
    assert to_cents(Decimal("74.985")) == Decimal("74.99")
    assert to_cents(Decimal("-0.005")) == Decimal("-0.01")


def test_floats_are_refused():
    with pytest.raises(TypeError):
        Money(49.99)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("proto", "minimum", "exclusive", "field"),
    [
        (money_pb2.Money(currency_code="USD", units=-1), Decimal(0), False, "price"),
        (money_pb2.Money(currency_code="USD", units=0), Decimal(0), True, "price"),
        (money_pb2.Money(currency_code="dollars", units=1), None, False, "price.currency_code"),
        (money_pb2.Money(currency_code="USD", units=1, nanos=-10_000_000), None, False, "price.nanos"),
        (money_pb2.Money(currency_code="USD", units=1, nanos=1), None, False, "price.nanos"),
        (money_pb2.Money(currency_code="USD", units=10**13), None, False, "price.units"),
    ],
)
def test_bad_money_is_a_field_violation(proto, minimum, exclusive, field):
    v = Violations()
    v.money("price", proto, minimum=minimum, exclusive_minimum=exclusive)
    assert field in [x.field for x in v.items]


def test_an_empty_currency_means_the_default():
    v = Violations()
    assert v.money("price", money_pb2.Money(units=5)).currency == "USD"
