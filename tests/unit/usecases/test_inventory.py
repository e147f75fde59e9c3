"""UpdateInventory and the inventory reads, on in-memory fakes."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from domain.catalog import MovementType
from domain.clock import utcnow
from domain.errors import NotFound
from domain.ids import new_id
from domain.inventory import AlertType, InventoryChange, OptimizeRequest
from domain.order_errors import InsufficientInventory
from domain.order_events import InventoryAdjusted, InventoryLow, InventoryReorderRecommended
from domain.paging import PageRequest
from engines.inventory import OptimizerPolicy
from server.inventory.usecases import InventoryUseCases
from tests.unit.usecases.fakes_orders import FakeOrderUnitOfWork

TENANT = 3


def stocked(
    uow: FakeOrderUnitOfWork, *, available: int, reorder_point: int = 5, sku: str = "lamp"
) -> uuid.UUID:
    product_id = new_id()
    uow.inventory.open(
        TENANT, product_id=product_id, sku=sku, available=available, reorder_point=reorder_point
    )
    return product_id


def inventory(uow: FakeOrderUnitOfWork) -> InventoryUseCases:
    return InventoryUseCases(uow.factory, OptimizerPolicy())


async def test_adjusting_adds_the_units_with_one_ledger_row_and_an_event():
    uow = FakeOrderUnitOfWork()
    lamp = stocked(uow, available=20)

    result = await inventory(uow).update(
        tenant_id=TENANT, product_id=lamp, change=InventoryChange(adjust_by=5, reason="found", actor="kim")
    )

    assert result.view.level.available == 25
    assert result.movement is not None
    assert (result.movement.type, result.movement.available_delta, result.movement.available_after) == (
        MovementType.ADJUSTMENT,
        5,
        25,
    )
    assert uow.inventory.movements_of(TENANT, lamp) == [result.movement]
    [adjusted] = uow.events
    assert isinstance(adjusted, InventoryAdjusted) and adjusted.movement == result.movement


async def test_setting_the_available_units_records_the_difference():
    uow = FakeOrderUnitOfWork()
    lamp = stocked(uow, available=20)

    result = await inventory(uow).update(
        tenant_id=TENANT,
        product_id=lamp,
        change=InventoryChange(set_available=12, reason="count", movement_type=MovementType.ADJUSTMENT),
    )

    assert uow.inventory.stock[(TENANT, lamp)].available == 12
    assert result.movement is not None and result.movement.available_delta == -8
    assert result.recommendation is None  # 12 is still above the reorder point of 5


async def test_setting_the_units_already_there_records_no_movement():
    uow = FakeOrderUnitOfWork()
    lamp = stocked(uow, available=20)

    result = await inventory(uow).update(
        tenant_id=TENANT, product_id=lamp, change=InventoryChange(set_available=20, reason="count")
    )

    assert result.movement is None and uow.inventory.ledger == [] and uow.events == []


async def test_removing_more_than_is_available_is_refused_and_changes_nothing():
    uow = FakeOrderUnitOfWork()
    lamp = stocked(uow, available=4)

    with pytest.raises(InsufficientInventory) as refused:
        await inventory(uow).update(
            tenant_id=TENANT,
            product_id=lamp,
            change=InventoryChange(adjust_by=-5, reorder_point=2, reason="breakage"),
        )

    assert str(refused.value) == "cannot remove 5 units of lamp: 4 available"
    level = uow.inventory.stock[(TENANT, lamp)]
    assert (level.available, level.reorder_point) == (4, 5)  # the settings change was rolled back too
    assert uow.inventory.ledger == [] and uow.events == []


async def test_reaching_the_reorder_point_emits_low_stock_and_a_recommendation():
    uow = FakeOrderUnitOfWork()
    lamp = stocked(uow, available=8, reorder_point=5)

    result = await inventory(uow).update(
        tenant_id=TENANT, product_id=lamp, change=InventoryChange(adjust_by=-3, reason="sold at the fair")
    )

    assert [type(e) for e in uow.events] == [InventoryAdjusted, InventoryLow, InventoryReorderRecommended]
    assert result.recommendation is not None and result.recommendation.quantity > 0
    assert AlertType.LOW_STOCK in {alert.type for alert in result.view.alerts}


async def test_changing_only_a_setting_moves_no_units():
    uow = FakeOrderUnitOfWork()
    lamp = stocked(uow, available=8, reorder_point=5)

    result = await inventory(uow).update(
        tenant_id=TENANT, product_id=lamp, change=InventoryChange(reorder_point=10, max_stock=100)
    )

    level = uow.inventory.stock[(TENANT, lamp)]
    assert (level.available, level.reorder_point, level.max_stock) == (8, 10, 100)
    assert result.movement is None and uow.inventory.ledger == []
    assert uow.committed


async def test_updating_a_product_without_a_level_is_not_found():
    uow = FakeOrderUnitOfWork()

    with pytest.raises(NotFound):
        await inventory(uow).update(
            tenant_id=TENANT, product_id=new_id(), change=InventoryChange(adjust_by=1)
        )


async def test_reading_a_level_of_another_tenant_is_not_found():
    uow = FakeOrderUnitOfWork()
    lamp = stocked(uow, available=8)

    with pytest.raises(NotFound):
        await inventory(uow).get(tenant_id=TENANT + 1, product_id=lamp, movement_limit=10)


async def test_alerts_list_the_most_severe_first_and_summarise_them_all():
    uow = FakeOrderUnitOfWork()
    stocked(uow, available=3, reorder_point=5, sku="low")
    stocked(uow, available=0, reorder_point=5, sku="gone")
    stocked(uow, available=50, reorder_point=5, sku="plenty")

    page = await inventory(uow).alerts(tenant_id=TENANT, alert_filter=None, page=PageRequest(size=1))

    assert [(a.sku, a.type) for a in page.alerts] == [("gone", AlertType.OUT_OF_STOCK)]
    assert page.next_after is not None and page.total_size == 2
    assert page.summary.by_type == {AlertType.OUT_OF_STOCK: 1, AlertType.LOW_STOCK: 1}


async def test_optimising_with_apply_writes_the_answer_from_the_order_history_to_the_level():
    uow = FakeOrderUnitOfWork()
    lamp = stocked(uow, available=40, reorder_point=5)
    today = utcnow().date()
    uow.orders.sales[(TENANT, lamp)] = {today - timedelta(days=d): 4.0 for d in range(60)}

    result = await inventory(uow).optimize(
        tenant_id=TENANT, product_id=lamp, request=OptimizeRequest(history_days=30, apply=True)
    )

    assert (result.history_source, result.history_days, result.applied) == ("orders", 30, True)
    level = uow.inventory.stock[(TENANT, lamp)]
    assert (level.reorder_point, level.reorder_quantity, level.max_stock) == (
        result.optimisation.reorder_point,
        result.optimisation.economic_order_quantity,
        result.optimisation.max_stock,
    )
    assert level.reorder_point > 5 and uow.committed


async def test_optimising_without_apply_changes_nothing():
    uow = FakeOrderUnitOfWork()
    lamp = stocked(uow, available=40, reorder_point=5)
    before = uow.inventory.stock[(TENANT, lamp)]

    result = await inventory(uow).optimize(tenant_id=TENANT, product_id=lamp, request=OptimizeRequest())

    assert result.history_source == "none" and not result.applied
    assert uow.inventory.stock[(TENANT, lamp)] == before and not uow.committed
