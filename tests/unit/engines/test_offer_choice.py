"""The offer choice: explained scores whose factors add up, a deterministic ranking, and the properties a
buyer relies on (a cheaper otherwise-equal offer never ranks lower; ineligible offers are never chosen)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engines.offer_choice import OfferCandidate, OfferPolicy, rank_offers

POLICY = OfferPolicy()
# Wall-clock limits measure the shared machine's load, not the engine: a stalled process is not a slow rank.
UNHURRIED = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Amounts as whole cents: cheap to generate, exact to the cent like every stored amount.
costs = st.integers(1, 1_000_000).map(lambda cents: Decimal(cents) / 100)
offers = st.builds(
    OfferCandidate,
    key=st.integers(0, 10**9).map(str),
    unit_cost=costs,
    shipping_cost=st.integers(0, 50_000).map(lambda cents: Decimal(cents) / 100),
    min_order_quantity=st.integers(1, 1000),
    lead_time_days=st.none() | st.integers(0, 365),
    supplier_rating=st.none() | st.floats(0, 5),
    supplier_stock=st.none() | st.integers(0, 10_000),
    active=st.booleans(),
)


def offer(key: str, **overrides: object) -> OfferCandidate:
    values: dict[str, object] = {
        "key": key,
        "unit_cost": Decimal("10.00"),
        "shipping_cost": Decimal("2.00"),
        "min_order_quantity": 1,
        "lead_time_days": 7,
        "supplier_rating": 4.5,
        "supplier_stock": None,
    }
    values.update(overrides)
    return OfferCandidate(**values)  # type: ignore[arg-type]


def test_the_cheaper_landed_cost_wins_between_otherwise_equal_offers():
    ranking = rank_offers(
        [offer("a", unit_cost=Decimal("12.00")), offer("b", shipping_cost=Decimal("1.00"))],
        usual_quantity=1,
        policy=POLICY,
    )
    assert ranking.chosen is not None and ranking.chosen.key == "b"
    assert ranking.chosen.landed_cost == Decimal("11.00")


def test_a_much_faster_better_rated_supplier_can_beat_a_slightly_cheaper_one():
    slow = offer("slow", unit_cost=Decimal("9.50"), lead_time_days=45, supplier_rating=2.0)
    fast = offer("fast", lead_time_days=3, supplier_rating=4.9)
    assert rank_offers([slow, fast], usual_quantity=1, policy=POLICY).chosen.key == "fast"  # type: ignore[union-attr]


def test_inactive_and_out_of_stock_offers_are_listed_last_and_never_chosen():
    ranking = rank_offers(
        [offer("off", active=False, unit_cost=Decimal("1")), offer("empty", supplier_stock=0)],
        usual_quantity=1,
        policy=POLICY,
    )
    assert ranking.chosen is None
    assert [(r.key, r.reason) for r in ranking.offers] == [
        ("off", "the offer is inactive"),
        ("empty", "the supplier reports no stock"),
    ]


def test_a_blocked_offer_says_why_and_is_never_chosen():
    ranking = rank_offers(
        [offer("eur", blocked="the offer is in EUR, the product in USD", unit_cost=Decimal("1"))],
        usual_quantity=1,
        policy=POLICY,
    )
    assert ranking.chosen is None and ranking.offers[0].reason == "the offer is in EUR, the product in USD"


def test_a_minimum_order_over_the_usual_quantity_scores_its_fit_in_proportion():
    ranked = rank_offers([offer("moq", min_order_quantity=40)], usual_quantity=10, policy=POLICY).offers[0]
    moq = next(f for f in ranked.factors if f.name == "moq_fit")
    assert moq.value == 25.0 and moq.contribution == 2.5


def test_unknown_lead_time_and_rating_score_neutral():
    ranked = rank_offers(
        [offer("x", lead_time_days=None, supplier_rating=None)], usual_quantity=1, policy=POLICY
    ).offers[0]
    values = {f.name: f.value for f in ranked.factors}
    assert values["lead_time"] == 50.0 and values["supplier_rating"] == 50.0


@UNHURRIED
@given(st.lists(offers, min_size=1, max_size=6, unique_by=lambda o: o.key))
def test_scores_are_bounded_and_their_factors_add_up(candidates):
    for ranked in rank_offers(candidates, usual_quantity=5, policy=POLICY).offers:
        assert 0 <= ranked.score <= 100
        if ranked.eligible:
            assert round(sum(f.contribution for f in ranked.factors), 2) == ranked.score


@UNHURRIED
@given(st.lists(offers, min_size=1, max_size=6, unique_by=lambda o: o.key), st.integers(0, 7), costs)
def test_a_cheaper_otherwise_equal_offer_never_ranks_lower(candidates, index, cheaper_by):
    picked = candidates[index % len(candidates)]
    base = replace(picked, key=picked.key + "-base", active=True, supplier_stock=None)
    if base.unit_cost <= cheaper_by:
        return
    cheaper = replace(base, key=base.key + "-cheaper", unit_cost=base.unit_cost - cheaper_by)
    keys = [r.key for r in rank_offers([*candidates, cheaper, base], usual_quantity=5, policy=POLICY).offers]
    assert keys.index(cheaper.key) < keys.index(base.key)


@UNHURRIED
@given(st.lists(offers, min_size=1, max_size=6, unique_by=lambda o: o.key))
def test_the_choice_is_eligible_and_does_not_depend_on_the_order_of_the_offers(candidates):
    forward = rank_offers(candidates, usual_quantity=3, policy=POLICY)
    backward = rank_offers(list(reversed(candidates)), usual_quantity=3, policy=POLICY)
    assert forward == backward
    if forward.chosen is not None:
        chosen = next(c for c in candidates if c.key == forward.chosen.key)
        assert chosen.active and chosen.supplier_stock != 0
    else:
        assert all(not c.active or c.supplier_stock == 0 for c in candidates)
