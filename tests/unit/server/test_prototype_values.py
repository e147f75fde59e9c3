"""The prototype area's own decisions, without a server: which tenant a call acts on, and how a JSON number
becomes exact Money."""

from __future__ import annotations

import pytest

from server.edge.validation import Violations
from server.prototype.fields import amount
from server.prototype.usecases import PROTOTYPE_DEFAULT_TENANT, tenant_for


@pytest.mark.parametrize(
    ("requested", "granted", "authenticated", "tenant"),
    [
        (7, None, False, 7),  # named: as the prototype took it
        (7, frozenset({9}), True, 7),  # named: the interceptor then checks the token grants it
        (0, None, False, PROTOTYPE_DEFAULT_TENANT),  # AUTH_MODE=none: the prototype's default
        (0, frozenset({9}), True, 9),  # a token of one tenant
        (0, frozenset({9, 10}), True, None),  # several: the call must say which
        (0, None, True, None),  # a token for every tenant ("*")
    ],
)
def test_the_tenant_of_a_prototype_call(requested, granted, authenticated, tenant):
    assert tenant_for(requested, granted=granted, authenticated=authenticated) == tenant


@pytest.mark.parametrize(
    ("number", "units", "nanos"),
    [(49.99, 49, 990_000_000), (0.01, 0, 10_000_000), (10.0, 10, 0), (1234567.5, 1234567, 500_000_000)],
)
def test_a_json_number_in_cents_becomes_exact_money(number, units, nanos):
    v = Violations()
    money = amount(v, "source_price", number)
    assert v.items == [] and (money.units, money.nanos) == (units, nanos)


@pytest.mark.parametrize("number", [49.999, 0.1 + 0.2, 0.0, -1.0, float("inf"), float("nan"), 1e16])
def test_a_number_that_is_not_a_positive_amount_in_cents_is_a_violation(number):
    v = Violations()
    amount(v, "source_price", number)
    assert [item.field for item in v.items] == ["source_price"]
