"""Purchase orders on in-memory fakes: dropship purchase orders follow the order lifecycle, replenishment
orders move on-order stock, receipts book the ledger, and refusals change nothing."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from domain.catalog import FulfilmentMode, MovementType
from domain.clock import utcnow
from domain.ids import new_id
from domain.money import Money
from domain.order_errors import IllegalStatusTransition
from domain.order_events import InventoryLow, InventoryReorderRecommended
from domain.orders import CatalogEntry, OrderChanges, OrderStatus
from domain.purchasing import (
    LineRequest,
    PurchaseOrderChanges,
    PurchaseOrderKind,
    PurchaseOrderStatus,
    ReplenishmentDraft,
)
from domain.suppliers import Marketplace, Supplier
from domain.supply import Offer
from domain.supply_errors import NoEligibleOffer, NotStocked, OverReceipt
from domain.supply_events import PurchaseOrderCreated, PurchaseOrderReceived
from engines.fraud import FraudPolicy
from engines.inventory import OptimizerPolicy
from server.orders.lifecycle import OrderLifecycle
from server.orders.risk import OrderRisk
from server.orders.usecases import OrderCreation
from server.purchasing.submission import EventOnlySubmission
from server.purchasing.usecases import PurchaseOrderUseCases
from tests.unit.usecases.fakes_catalog import FakeSupplierRepository
from tests.unit.usecases.fakes_orders import FakeOrderUnitOfWork
from tests.unit.usecases.test_orders import TENANT, order_of

USD = "USD"


class FakePurchasingUnitOfWork(FakeOrderUnitOfWork):
    def __init__(self) -> None:
        super().__init__()
        self.suppliers = FakeSupplierRepository()
        self.track(self.orders, self.inventory, self.purchase_orders, self.suppliers)


def a_supplier(uow: FakePurchasingUnitOfWork) -> uuid.UUID:
    now = utcnow()
    supplier = Supplier(
        new_id(), TENANT, "Iron Works", Marketplace.ALIBABA, "", "", "", 4.5, 7, True, "", now, now
    )
    uow.suppliers.suppliers[(TENANT, supplier.id)] = supplier
    return supplier.id


def a_product(
    uow: FakePurchasingUnitOfWork,
    sku: str,
    mode: FulfilmentMode,
    *,
    available: int = 50,
    reorder_point: int = 0,
) -> uuid.UUID:
    product_id = new_id()
    price = Money(Decimal("30.00"), USD)
    dropship = mode is FulfilmentMode.DROPSHIP
    uow.orders.add_product(
        TENANT, CatalogEntry(product_id, sku, sku.title(), "active", price, "general", dropship=dropship)
    )
    uow.inventory.open(
        TENANT, product_id=product_id, sku=sku, available=available, reorder_point=reorder_point
    )
    uow.purchase_orders.add_product(TENANT, product_id, sku, Money(Decimal("12.00"), USD), mode)
    return product_id


def an_offer(
    uow: FakePurchasingUnitOfWork, product_id: uuid.UUID, supplier_id: uuid.UUID, *, moq: int = 1
) -> Offer:
    now = utcnow()
    offer = Offer(
        id=new_id(),
        tenant_id=TENANT,
        product_id=product_id,
        supplier_id=supplier_id,
        supplier_sku="S-1",
        marketplace=Marketplace.ALIBABA,
        listing_url="",
        unit_cost=Money(Decimal("10.00"), USD),
        shipping_cost=Money(Decimal("1.50"), USD),
        min_order_quantity=moq,
        lead_time_days=5,
        supplier_stock=None,
        is_active=True,
        created_at=now,
        updated_at=now,
    )
    uow.purchase_orders.add_offer(offer, chosen=True)
    return offer


def purchasing(uow: FakePurchasingUnitOfWork) -> PurchaseOrderUseCases:
    return PurchaseOrderUseCases(uow.factory, submission=EventOnlySubmission(), optimizer=OptimizerPolicy())


async def placed(uow: FakePurchasingUnitOfWork, *lines: tuple[uuid.UUID, int]):
    return await OrderCreation(uow.factory, OrderRisk(FraudPolicy()), OptimizerPolicy()).create(
        order_of(*lines)
    )


async def confirm(uow: FakePurchasingUnitOfWork, order_id: uuid.UUID):
    return await OrderLifecycle(uow.factory).update(
        tenant_id=TENANT, order_id=order_id, changes=OrderChanges({"status": OrderStatus.CONFIRMED})
    )


async def test_a_dropship_line_is_placed_without_own_stock_and_reserves_none():
    uow = FakePurchasingUnitOfWork()
    an_offer(uow, dropship := a_product(uow, "drop", FulfilmentMode.DROPSHIP, available=0), a_supplier(uow))
    stocked = a_product(uow, "shelf", FulfilmentMode.STOCKED, available=4)
    order = await placed(uow, (dropship, 3), (stocked, 1))
    assert [(line.dropship, line.backordered) for line in order.lines] == [(True, False), (False, False)]
    assert [line.product_id for line in order.reserved_lines] == [stocked]
    levels = {p: uow.inventory.stock[(TENANT, p)] for p in (dropship, stocked)}
    assert (levels[dropship].available, levels[dropship].reserved) == (0, 0)
    assert (levels[stocked].available, levels[stocked].reserved) == (3, 1)


async def test_confirming_routes_dropship_lines_to_their_chosen_offers_suppliers_and_skips_stocked_ones():
    uow = FakePurchasingUnitOfWork()
    supplier = a_supplier(uow)
    dropship = a_product(uow, "drop", FulfilmentMode.DROPSHIP)
    offer = an_offer(uow, dropship, supplier)
    stocked = a_product(uow, "shelf", FulfilmentMode.STOCKED)
    order = await placed(uow, (dropship, 3), (stocked, 1))
    await confirm(uow, order.id)
    (po,) = await uow.purchase_orders.of_order(TENANT, order.id)
    assert (po.kind, po.status, po.supplier_id) == (
        PurchaseOrderKind.DROPSHIP,
        PurchaseOrderStatus.DRAFT,
        supplier,
    )
    assert [(line.product_id, line.quantity, line.offer_id) for line in po.lines] == [(dropship, 3, offer.id)]
    assert po.total == Money(Decimal("34.50"), USD)
    assert [type(e) for e in uow.events if isinstance(e, PurchaseOrderCreated)] == [PurchaseOrderCreated]


async def test_a_dropship_line_without_an_offer_refuses_the_confirmation_and_changes_nothing():
    uow = FakePurchasingUnitOfWork()
    dropship = a_product(uow, "drop", FulfilmentMode.DROPSHIP)
    order = await placed(uow, (dropship, 1))
    with pytest.raises(NoEligibleOffer):
        await confirm(uow, order.id)
    assert uow.orders.orders[(TENANT, order.id)].status is OrderStatus.PENDING
    assert uow.purchase_orders.purchase_orders == {}


async def test_a_replenishment_order_puts_units_on_order_and_its_receipt_books_them():
    uow = FakePurchasingUnitOfWork()
    supplier = a_supplier(uow)
    product = a_product(uow, "shelf", FulfilmentMode.STOCKED, available=4, reorder_point=10)
    an_offer(uow, product, supplier, moq=20)
    use_cases = purchasing(uow)
    draft = ReplenishmentDraft(supplier_id=supplier, lines=(LineRequest(product),))
    po = await use_cases.create(tenant_id=TENANT, draft=draft, request_id=None, fingerprint=None)
    assert po.lines[0].quantity == 20  # the recommendation, raised to the offer's minimum
    assert uow.inventory.stock[(TENANT, product)].on_order == 20
    for status in (PurchaseOrderStatus.SUBMITTED, PurchaseOrderStatus.ACCEPTED, PurchaseOrderStatus.SHIPPED):
        await use_cases.update(
            tenant_id=TENANT, purchase_order_id=po.id, changes=PurchaseOrderChanges({"status": status})
        )
    with pytest.raises(OverReceipt):
        await use_cases.update(
            tenant_id=TENANT,
            purchase_order_id=po.id,
            changes=PurchaseOrderChanges({"status": PurchaseOrderStatus.RECEIVED}, received={product: 21}),
        )
    assert uow.inventory.stock[(TENANT, product)].available == 4
    received = await use_cases.update(
        tenant_id=TENANT,
        purchase_order_id=po.id,
        changes=PurchaseOrderChanges({"status": PurchaseOrderStatus.RECEIVED}, received={product: 15}),
    )
    assert received.lines[0].received_quantity == 15
    level = uow.inventory.stock[(TENANT, product)]
    assert (level.available, level.on_order) == (19, 0)
    (receipt,) = [m for m in uow.inventory.movements_of(TENANT, product) if m.type is MovementType.RECEIPT]
    assert receipt.available_delta == 15
    assert isinstance(uow.events[-1], PurchaseOrderReceived)


async def test_an_illegal_transition_and_replenishing_a_dropship_product_are_refused():
    uow = FakePurchasingUnitOfWork()
    supplier = a_supplier(uow)
    stocked = a_product(uow, "shelf", FulfilmentMode.STOCKED)
    dropship = a_product(uow, "drop", FulfilmentMode.DROPSHIP)
    use_cases = purchasing(uow)
    with pytest.raises(NotStocked):
        await use_cases.create(
            tenant_id=TENANT,
            draft=ReplenishmentDraft(supplier_id=supplier, lines=(LineRequest(dropship, 5),)),
            request_id=None,
            fingerprint=None,
        )
    po = await use_cases.create(
        tenant_id=TENANT,
        draft=ReplenishmentDraft(supplier_id=supplier, lines=(LineRequest(stocked, 5),)),
        request_id=None,
        fingerprint=None,
    )
    with pytest.raises(IllegalStatusTransition):
        await use_cases.update(
            tenant_id=TENANT,
            purchase_order_id=po.id,
            changes=PurchaseOrderChanges({"status": PurchaseOrderStatus.RECEIVED}),
        )
    cancelled = await use_cases.cancel(tenant_id=TENANT, purchase_order_id=po.id, reason="no", actor="clerk")
    assert cancelled.status is PurchaseOrderStatus.CANCELLED
    assert uow.inventory.stock[(TENANT, stocked)].on_order == 0


async def test_an_order_reaching_the_reorder_point_recommends_nothing_already_on_order():
    uow = FakePurchasingUnitOfWork()
    supplier = a_supplier(uow)
    product = a_product(uow, "shelf", FulfilmentMode.STOCKED, available=12, reorder_point=10)
    await purchasing(uow).create(
        tenant_id=TENANT,
        draft=ReplenishmentDraft(supplier_id=supplier, lines=(LineRequest(product, 30),)),
        request_id=None,
        fingerprint=None,
    )
    await placed(uow, (product, 3))  # 12 -> 9: at the reorder point, 30 on order
    assert [type(e) for e in uow.events if isinstance(e, InventoryLow | InventoryReorderRecommended)] == [
        InventoryLow
    ]
