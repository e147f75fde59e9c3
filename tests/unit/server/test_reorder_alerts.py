"""Reorder alerts and recommendations of a level: a BACKORDERED level recommends at least the units owed,
and units already on order are never recommended twice."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

from domain.inventory import AlertType, StockLevel
from domain.money import Money
from engines.inventory import OptimizerPolicy
from server.inventory.alerts import alerts_of, recommendation

TODAY = date(2026, 6, 1)
POLICY = OptimizerPolicy()


def a_level(**overrides: object) -> StockLevel:
    values: dict[str, object] = {
        "product_id": uuid.uuid4(),
        "tenant_id": 1,
        "sku": "SKU-1",
        "title": "Kettlebell",
        "category": "other",
        "unit_cost": Money(Decimal("10.00")),
        "supplier_id": None,
        "available": 100,
        "reserved": 0,
        "backordered": 0,
        "reorder_point": 10,
        "reorder_quantity": 0,
        "max_stock": 0,
        "updated_at": datetime(2026, 6, 1, tzinfo=UTC),
    }
    values.update(overrides)
    return StockLevel(**values)  # type: ignore[arg-type]


def backorder_alert(level: StockLevel):
    return next(a for a in alerts_of(level, POLICY, TODAY) if a.type is AlertType.BACKORDERED)


def test_a_backordered_level_above_its_reorder_point_recommends_at_least_the_units_owed():
    alert = backorder_alert(a_level(available=100, backordered=500))
    assert alert.recommended_order_quantity >= 500
    assert alert.estimated_reorder_cost == Money(Decimal("10.00") * alert.recommended_order_quantity)


def test_units_on_order_count_against_what_is_owed_and_short():
    level = a_level(available=100, backordered=500, on_order=300)
    assert backorder_alert(level).recommended_order_quantity >= 200
    assert (
        backorder_alert(level).recommended_order_quantity
        < backorder_alert(a_level(available=100, backordered=500)).recommended_order_quantity
    )


def test_a_shortage_already_on_order_is_not_recommended_again():
    low = a_level(available=5, reorder_point=10)
    assert alerts_of(low, POLICY, TODAY)[0].recommended_order_quantity > 0
    covered = a_level(available=5, reorder_point=10, on_order=50)
    (alert,) = alerts_of(covered, POLICY, TODAY)
    assert alert.type is AlertType.LOW_STOCK and alert.recommended_order_quantity == 0
    assert alert.estimated_reorder_cost is None
    assert recommendation(covered, POLICY, TODAY).quantity == 0


def test_a_dropship_level_is_never_recommended_for_reorder():
    level = a_level(available=0, backordered=20, dropship=True)
    assert {a.type for a in alerts_of(level, POLICY, TODAY)} == {
        AlertType.OUT_OF_STOCK,
        AlertType.BACKORDERED,
    }
    assert all(a.recommended_order_quantity == 0 for a in alerts_of(level, POLICY, TODAY))
    assert recommendation(level, POLICY, TODAY).quantity == 0
