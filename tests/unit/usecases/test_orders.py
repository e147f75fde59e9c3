"""CreateOrder, the order lifecycle and their stock effects, on in-memory fakes."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from domain.addresses import PostalAddress
from domain.catalog import MovementType
from domain.errors import NotFound
from domain.ids import new_id
from domain.money import Money
from domain.order_errors import IllegalStatusTransition, InsufficientInventory, UnknownProducts
from domain.order_events import (
    InventoryInsufficient,
    InventoryLow,
    InventoryReorderRecommended,
    OrderCancelled,
    OrderCreated,
    OrderProcessingStarted,
)
from domain.orders import (
    CatalogEntry,
    LineRequest,
    NewOrder,
    Order,
    OrderChanges,
    OrderDraft,
    OrderStatus,
)
from engines.fraud import FraudPolicy
from engines.inventory import OptimizerPolicy
from server.orders.lifecycle import OrderLifecycle
from server.orders.risk import OrderRisk
from server.orders.usecases import OrderCreation
from tests.unit.usecases.fakes_orders import FakeOrderUnitOfWork

TENANT = 7

HOME = PostalAddress(region_code="US", address_lines=("1 Main St",), postal_code="10001")


def stocked_product(uow: FakeOrderUnitOfWork, sku: str, *, available: int, price: str = "10.00") -> uuid.UUID:
    """An ACTIVE product in the catalog with `available` units in stock."""
    product_id = new_id()
    uow.orders.add_product(
        TENANT, CatalogEntry(product_id, sku, sku.title(), "active", Money(Decimal(price), "USD"), "general")
    )
    uow.inventory.open(TENANT, product_id=product_id, sku=sku, available=available, reorder_point=0)
    return product_id


def order_of(
    *lines: tuple[uuid.UUID, int], request_id: str | None = None, allow_backorder: bool = False
) -> NewOrder:
    draft = OrderDraft(
        customer_email="ada@example.com",
        customer_name="Ada Lovelace",
        billing_address=HOME,
        shipping_address=HOME,
        lines=tuple(LineRequest(product_id, quantity) for product_id, quantity in lines),
    )
    return NewOrder(
        tenant_id=TENANT, draft=draft, request_id=request_id, allow_backorder=allow_backorder, actor="clerk"
    )


def creation(uow: FakeOrderUnitOfWork) -> OrderCreation:
    return OrderCreation(uow.factory, OrderRisk(FraudPolicy()), OptimizerPolicy())


def units(uow: FakeOrderUnitOfWork, product_id: uuid.UUID) -> tuple[int, int, int]:
    level = uow.inventory.stock[(TENANT, product_id)]
    return level.available, level.reserved, level.backordered


async def placed_order(uow: FakeOrderUnitOfWork, product_id: uuid.UUID, quantity: int) -> Order:
    order = await creation(uow).create(order_of((product_id, quantity)))
    uow.events.clear()
    return order


async def test_creating_an_order_reserves_every_line_and_emits_order_created():
    uow = FakeOrderUnitOfWork()
    mug, cup = stocked_product(uow, "mug", available=10), stocked_product(uow, "cup", available=4)

    order = await creation(uow).create(order_of((mug, 3), (cup, 4)))

    assert (units(uow, mug), units(uow, cup)) == ((7, 3, 0), (0, 4, 0))
    assert order.status is OrderStatus.PENDING
    assert order.total == Money(Decimal("70.00"), "USD")
    assert uow.orders.orders[(TENANT, order.id)] == order
    assert sorted((m.product_id, m.type, m.reserved_delta) for _, m in uow.inventory.ledger) == sorted(
        [(mug, MovementType.RESERVATION, 3), (cup, MovementType.RESERVATION, 4)]
    )
    created, started, low, reorder = uow.events
    assert isinstance(created, OrderCreated) and created.order == order
    assert isinstance(started, OrderProcessingStarted)
    # The cup's last units went: its reorder point (0) was reached, the mug's was not.
    assert isinstance(low, InventoryLow) and (low.product_id, low.order_id) == (cup, order.id)
    assert isinstance(reorder, InventoryReorderRecommended) and reorder.product_id == cup


async def test_an_order_the_stock_cannot_cover_is_refused_and_reserves_nothing():
    uow = FakeOrderUnitOfWork()
    mug, cup = stocked_product(uow, "mug", available=10), stocked_product(uow, "cup", available=1)

    with pytest.raises(InsufficientInventory) as refused:
        await creation(uow).create(order_of((mug, 3), (cup, 2), request_id="r-1"))

    assert [(line.item_index, line.requested, line.available) for line in refused.value.lines] == [(1, 2, 1)]
    assert (units(uow, mug), units(uow, cup)) == ((10, 0, 0), (1, 0, 0))
    assert uow.orders.orders == {} and uow.inventory.ledger == []
    # The shortage is still a fact worth publishing, committed on its own.
    [shortage] = uow.events
    assert isinstance(shortage, InventoryInsufficient)
    assert (shortage.order_id, shortage.backordered, shortage.request_id) == (None, False, "r-1")


async def test_with_allow_backorder_a_short_line_is_backordered_instead_of_refused():
    uow = FakeOrderUnitOfWork()
    cup = stocked_product(uow, "cup", available=1)

    order = await creation(uow).create(order_of((cup, 2), allow_backorder=True))

    assert units(uow, cup) == (1, 0, 2)
    assert order.has_backorders and uow.inventory.ledger == []
    assert [type(e) for e in uow.events] == [OrderCreated, OrderProcessingStarted, InventoryInsufficient]


async def test_a_repeated_request_id_returns_the_first_order_and_reserves_once():
    uow = FakeOrderUnitOfWork()
    mug = stocked_product(uow, "mug", available=10)
    first = await creation(uow).create(order_of((mug, 3), request_id="checkout-42"))

    again = await creation(uow).create(order_of((mug, 3), request_id="checkout-42"))

    assert again == first
    assert list(uow.orders.orders) == [(TENANT, first.id)]
    assert units(uow, mug) == (7, 3, 0)
    assert [e.event_type for e in uow.events].count("order.created") == 1


async def test_a_create_that_loses_the_race_for_its_request_id_answers_with_the_winners_order():
    uow = FakeOrderUnitOfWork()
    mug = stocked_product(uow, "mug", available=10)
    winner = await creation(uow).create(order_of((mug, 3), request_id="checkout-7"))
    committed_lookup = uow.orders.get_by_request_id
    lookups = 0

    async def winner_not_yet_visible_at_first(tenant_id: int, request_id: str) -> Order | None:
        # The check inside the transaction ran before the concurrent winner committed; the unique index
        # then refuses the insert, and the lookup after it sees the winner.
        nonlocal lookups
        lookups += 1
        return None if lookups == 1 else await committed_lookup(tenant_id, request_id)

    uow.orders.get_by_request_id = winner_not_yet_visible_at_first  # type: ignore[method-assign]

    answer = await creation(uow).create(order_of((mug, 3), request_id="checkout-7"))

    assert answer == winner and lookups == 2
    assert list(uow.orders.orders) == [(TENANT, winner.id)]
    assert units(uow, mug) == (7, 3, 0)  # the loser's reservation was rolled back with it


async def test_an_order_naming_a_product_the_tenant_does_not_have_is_refused():
    uow = FakeOrderUnitOfWork()
    mug = stocked_product(uow, "mug", available=10)

    with pytest.raises(UnknownProducts) as refused:
        await creation(uow).create(order_of((mug, 1), (new_id(), 1)))

    assert refused.value.metadata == {"fields": "order.items[1].product_id"}
    assert units(uow, mug) == (10, 0, 0) and uow.orders.orders == {}


async def test_cancelling_an_order_releases_its_reservations():
    uow = FakeOrderUnitOfWork()
    mug = stocked_product(uow, "mug", available=10)
    order = await placed_order(uow, mug, 3)

    cancelled = await OrderLifecycle(uow.factory).cancel(
        tenant_id=TENANT, order_id=order.id, reason="changed my mind", actor="ada"
    )

    assert cancelled.status is OrderStatus.CANCELLED and cancelled.cancel_reason == "changed my mind"
    assert units(uow, mug) == (10, 0, 0)
    assert [m.type for m in uow.inventory.movements_of(TENANT, mug)] == [
        MovementType.RESERVATION,
        MovementType.RELEASE,
    ]
    assert (TENANT, order.id) in uow.orders.not_counted_as_sales
    [_, released] = uow.events
    assert isinstance(released, OrderCancelled)
    assert [(line.product_id, line.quantity) for line in released.released] == [(mug, 3)]


async def test_cancelling_a_cancelled_order_changes_nothing():
    uow = FakeOrderUnitOfWork()
    mug = stocked_product(uow, "mug", available=10)
    order = await placed_order(uow, mug, 3)
    lifecycle = OrderLifecycle(uow.factory)
    first = await lifecycle.cancel(tenant_id=TENANT, order_id=order.id, reason="dup", actor="ada")
    uow.events.clear()

    again = await lifecycle.cancel(tenant_id=TENANT, order_id=order.id, reason="dup", actor="ada")

    assert again == first and uow.events == []
    assert units(uow, mug) == (10, 0, 0)


async def test_an_illegal_status_transition_is_refused_and_changes_nothing():
    uow = FakeOrderUnitOfWork()
    mug = stocked_product(uow, "mug", available=10)
    order = await placed_order(uow, mug, 3)

    with pytest.raises(IllegalStatusTransition) as refused:
        await OrderLifecycle(uow.factory).update(
            tenant_id=TENANT,
            order_id=order.id,
            changes=OrderChanges({"status": OrderStatus.DELIVERED}, reason="skip ahead", actor="ada"),
        )

    assert refused.value.metadata == {"field": "status", "from": "pending", "to": "delivered"}
    assert uow.orders.orders[(TENANT, order.id)] == order
    assert units(uow, mug) == (7, 3, 0) and uow.events == []


async def test_an_order_of_another_tenant_is_not_found():
    uow = FakeOrderUnitOfWork()
    mug = stocked_product(uow, "mug", available=10)
    order = await placed_order(uow, mug, 1)

    with pytest.raises(NotFound):
        await OrderLifecycle(uow.factory).get(tenant_id=TENANT + 1, order_id=order.id)
