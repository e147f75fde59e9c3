"""PurchaseOrderService through a real gRPC channel, on SQLite and PostgreSQL: dropship purchase orders that
follow a confirmed customer order (once, however many confirmations race), the lifecycle, receipts into the
ledger, on-order stock, and the customer order shipped with the suppliers' tracking numbers."""

from __future__ import annotations

import asyncio

import grpc
import pytest
from google.protobuf import field_mask_pb2

from crm.v2 import inventory_service_pb2 as ipb
from crm.v2 import order_service_pb2 as pb
from crm.v2 import product_service_pb2 as ppb
from crm.v2 import purchase_order_service_pb2 as popb
from crm.v2 import supply_service_pb2 as opb
from tests.integration.conftest_catalog import money
from tests.integration.conftest_orders import event_types, level, place
from tests.integration.conftest_supply import (
    dropship_product,
    new_offer,
    new_product,
    new_supplier,
    purchase_orders_of,
)
from tests.support.status import error_reason, field_violations

PO = popb.PurchaseOrderStatus


async def move_order(orders, tenant_id: int, order_id: str, status: int) -> pb.Order:
    return await orders.UpdateOrder(
        pb.UpdateOrderRequest(
            tenant_id=tenant_id,
            order=pb.Order(id=order_id, status=status),
            update_mask=field_mask_pb2.FieldMask(paths=["status"]),
        )
    )


async def move_po(purchasing, tenant_id: int, po_id: str, status: int, **fields) -> popb.PurchaseOrder:
    paths = ["status", *fields]
    return await purchasing.UpdatePurchaseOrder(
        popb.UpdatePurchaseOrderRequest(
            tenant_id=tenant_id,
            purchase_order=popb.PurchaseOrder(id=po_id, status=status, **fields),
            update_mask=field_mask_pb2.FieldMask(paths=[p for p in paths if p != "lines"]),
        )
    )


async def stocked(products, tenant_id: int, stock: int = 5):
    return await new_product(products, tenant_id, selling="40.00", initial_stock=stock)


async def replenish(purchasing, tenant_id: int, supplier_id: str, *lines: tuple[str, int], **kw):
    return await purchasing.CreatePurchaseOrder(
        popb.CreatePurchaseOrderRequest(
            tenant_id=tenant_id,
            purchase_order=popb.PurchaseOrder(
                supplier_id=supplier_id,
                lines=[popb.PurchaseOrderLine(product_id=pid, quantity=qty) for pid, qty in lines],
            ),
            **kw,
        )
    )


async def test_confirming_an_order_creates_one_dropship_purchase_order_per_supplier(
    orders, products, suppliers, supply, purchasing, events, tenant_id
):
    first, first_offer = await dropship_product(products, suppliers, supply, tenant_id)
    second, second_offer = await dropship_product(
        products, suppliers, supply, tenant_id, unit_cost=money("12.00")
    )
    warehouse = await stocked(products, tenant_id)
    order = await place(orders, tenant_id, (first.id, 2), (second.id, 3), (warehouse.id, 1))
    assert await purchase_orders_of(purchasing, tenant_id) == []  # nothing before confirmation
    await move_order(orders, tenant_id, order.id, pb.ORDER_STATUS_CONFIRMED)
    made = await purchase_orders_of(purchasing, tenant_id, order_id=order.id)
    assert sorted(
        (po.supplier_id, [(line.product_id, line.quantity) for line in po.lines]) for po in made
    ) == sorted([(first_offer.supplier_id, [(first.id, 2)]), (second_offer.supplier_id, [(second.id, 3)])])
    for po in made:
        assert po.kind == popb.PURCHASE_ORDER_KIND_DROPSHIP and po.status == PO.PURCHASE_ORDER_STATUS_DRAFT
    by_supplier = {po.supplier_id: po for po in made}
    assert by_supplier[second_offer.supplier_id].lines[0].offer_id == second_offer.id
    assert by_supplier[second_offer.supplier_id].total == money("43.50")  # 3 x (12.00 + 2.50)
    assert (await event_types(events, tenant_id)).count("purchase_order.created") == 2


async def test_two_concurrent_confirmations_create_the_purchase_orders_once(
    orders, products, suppliers, supply, purchasing, tenant_id
):
    product, _ = await dropship_product(products, suppliers, supply, tenant_id)
    order = await place(orders, tenant_id, (product.id, 1))
    outcomes = await asyncio.gather(
        *(move_order(orders, tenant_id, order.id, pb.ORDER_STATUS_CONFIRMED) for _ in range(4)),
        return_exceptions=True,
    )
    assert any(isinstance(o, pb.Order) for o in outcomes)
    for failed in (o for o in outcomes if not isinstance(o, pb.Order)):
        assert isinstance(failed, grpc.aio.AioRpcError)
        assert failed.code() in (
            grpc.StatusCode.ABORTED,
            grpc.StatusCode.UNAVAILABLE,
        )  # retryable, changed nothing
    assert len(await purchase_orders_of(purchasing, tenant_id, order_id=order.id)) == 1


async def test_a_dropship_product_without_an_eligible_offer_blocks_the_confirmation(
    orders, products, suppliers, supply, purchasing, tenant_id
):
    product, offer = await dropship_product(products, suppliers, supply, tenant_id)
    await supply.UpdateOffer(
        opb.UpdateOfferRequest(
            tenant_id=tenant_id,
            offer=opb.SupplierOffer(id=offer.id, is_active=False),
            update_mask=field_mask_pb2.FieldMask(paths=["is_active"]),
        )
    )
    order = await place(orders, tenant_id, (product.id, 1))
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await move_order(orders, tenant_id, order.id, pb.ORDER_STATUS_CONFIRMED)
    assert caught.value.code() is grpc.StatusCode.FAILED_PRECONDITION
    assert error_reason(caught.value) == "NO_ELIGIBLE_OFFER"
    assert (await orders.GetOrder(pb.GetOrderRequest(tenant_id=tenant_id, order_id=order.id))).status == (
        pb.ORDER_STATUS_PENDING
    )
    assert await purchase_orders_of(purchasing, tenant_id) == []


async def test_shipping_the_last_dropship_purchase_order_ships_the_order_with_their_tracking_numbers(
    orders, products, suppliers, supply, purchasing, events, tenant_id
):
    first, _ = await dropship_product(products, suppliers, supply, tenant_id)
    second, _ = await dropship_product(products, suppliers, supply, tenant_id)
    order = await place(orders, tenant_id, (first.id, 1), (second.id, 2))
    await move_order(orders, tenant_id, order.id, pb.ORDER_STATUS_CONFIRMED)
    one, two = await purchase_orders_of(purchasing, tenant_id, order_id=order.id)
    for po in (one, two):
        await move_po(purchasing, tenant_id, po.id, PO.PURCHASE_ORDER_STATUS_SUBMITTED)
        await move_po(
            purchasing, tenant_id, po.id, PO.PURCHASE_ORDER_STATUS_ACCEPTED, supplier_order_id="S-9"
        )
    shipped = await move_po(
        purchasing,
        tenant_id,
        one.id,
        PO.PURCHASE_ORDER_STATUS_SHIPPED,
        carrier="DHL",
        tracking_numbers=["TRK-1"],
    )
    assert shipped.ship_time.seconds > 0
    still = await orders.GetOrder(pb.GetOrderRequest(tenant_id=tenant_id, order_id=order.id))
    assert still.status == pb.ORDER_STATUS_CONFIRMED  # one of two shipped
    await move_po(
        purchasing,
        tenant_id,
        two.id,
        PO.PURCHASE_ORDER_STATUS_SHIPPED,
        carrier="DHL",
        tracking_numbers=["TRK-2"],
    )
    done = await orders.GetOrder(pb.GetOrderRequest(tenant_id=tenant_id, order_id=order.id))
    assert done.status == pb.ORDER_STATUS_SHIPPED
    assert sorted(done.tracking_number.split(", ")) == ["TRK-1", "TRK-2"] and done.carrier == "DHL"
    types = await event_types(events, tenant_id)
    assert types.count("purchase_order.shipped") == 2 and types.count("purchase_order.submitted") == 2


async def test_cancelling_the_customer_order_cancels_its_open_dropship_purchase_orders(
    orders, products, suppliers, supply, purchasing, tenant_id
):
    product, _ = await dropship_product(products, suppliers, supply, tenant_id)
    order = await place(orders, tenant_id, (product.id, 1))
    await move_order(orders, tenant_id, order.id, pb.ORDER_STATUS_CONFIRMED)
    await orders.CancelOrder(pb.CancelOrderRequest(tenant_id=tenant_id, order_id=order.id, reason="customer"))
    (po,) = await purchase_orders_of(purchasing, tenant_id, order_id=order.id)
    assert po.status == PO.PURCHASE_ORDER_STATUS_CANCELLED and "cancelled" in po.cancel_reason


async def test_a_dropship_line_reserves_none_of_the_tenants_own_stock(
    orders, products, suppliers, supply, purchasing, inventory, tenant_id
):
    """The supplier ships a DROPSHIP line: the order needs none of the tenant's stock (no allow_backorder with
    none on hand), and creating, confirming, shipping or cancelling it moves none; a STOCKED line beside it
    reserves and ships as ever."""
    product, _ = await dropship_product(products, suppliers, supply, tenant_id, stock=0)
    warehouse = await stocked(products, tenant_id, stock=5)
    order = await place(orders, tenant_id, (product.id, 3), (warehouse.id, 2))
    lines = {item.product_id: item for item in order.items}
    assert lines[product.id].dropship and not lines[product.id].backordered
    assert not lines[warehouse.id].dropship
    assert (await level(inventory, tenant_id, product.id)).inventory_level.available == 0
    assert (await level(inventory, tenant_id, product.id)).inventory_level.reserved == 0
    assert (await level(inventory, tenant_id, warehouse.id)).inventory_level.reserved == 2

    await move_order(orders, tenant_id, order.id, pb.ORDER_STATUS_CONFIRMED)
    (po,) = await purchase_orders_of(purchasing, tenant_id, order_id=order.id)
    assert [(line.product_id, line.quantity) for line in po.lines] == [(product.id, 3)]
    for status in (PO.PURCHASE_ORDER_STATUS_SUBMITTED, PO.PURCHASE_ORDER_STATUS_ACCEPTED):
        await move_po(purchasing, tenant_id, po.id, status)
    await move_po(purchasing, tenant_id, po.id, PO.PURCHASE_ORDER_STATUS_SHIPPED, tracking_numbers=["T-1"])
    # the warehouse ships the stocked line, and with it the order
    await move_order(orders, tenant_id, order.id, pb.ORDER_STATUS_PROCESSING)
    shipped = await move_order(orders, tenant_id, order.id, pb.ORDER_STATUS_SHIPPED)
    assert shipped.status == pb.ORDER_STATUS_SHIPPED
    dropship_level = (await level(inventory, tenant_id, product.id)).inventory_level
    assert (dropship_level.available, dropship_level.reserved) == (0, 0)
    warehouse_level = (await level(inventory, tenant_id, warehouse.id)).inventory_level
    assert (warehouse_level.available, warehouse_level.reserved) == (3, 0)  # its 2 units left the shelf


async def switch_mode(products, tenant_id: int, product_id: str, mode: int) -> None:
    await products.UpdateProduct(
        ppb.UpdateProductRequest(
            tenant_id=tenant_id,
            product=ppb.Product(id=product_id, fulfilment_mode=mode),
            update_mask=field_mask_pb2.FieldMask(paths=["fulfilment_mode"]),
        )
    )


async def test_a_line_keeps_the_fulfilment_it_was_priced_with_when_the_product_switches(
    orders, products, suppliers, supply, purchasing, inventory, tenant_id
):
    """A line placed as dropship is still bought from the supplier after its product turns STOCKED, and a
    line that reserved stock ships from it after its product turns DROPSHIP: neither twice, neither lost."""
    was_dropship, _ = await dropship_product(products, suppliers, supply, tenant_id, stock=0)
    was_stocked = await stocked(products, tenant_id, stock=5)
    await new_offer(supply, tenant_id, was_stocked.id, (await new_supplier(suppliers, tenant_id)).id)
    order = await place(orders, tenant_id, (was_dropship.id, 1), (was_stocked.id, 2))
    await switch_mode(products, tenant_id, was_dropship.id, ppb.FULFILMENT_MODE_STOCKED)
    await switch_mode(products, tenant_id, was_stocked.id, ppb.FULFILMENT_MODE_DROPSHIP)
    await move_order(orders, tenant_id, order.id, pb.ORDER_STATUS_CONFIRMED)
    (po,) = await purchase_orders_of(purchasing, tenant_id, order_id=order.id)
    assert [(line.product_id, line.quantity) for line in po.lines] == [(was_dropship.id, 1)]
    await orders.CancelOrder(pb.CancelOrderRequest(tenant_id=tenant_id, order_id=order.id, reason="customer"))
    shelf = (await level(inventory, tenant_id, was_stocked.id)).inventory_level
    assert (shelf.available, shelf.reserved) == (5, 0)  # its reservation came back
    none = (await level(inventory, tenant_id, was_dropship.id)).inventory_level
    assert (none.available, none.reserved) == (0, 0)


async def test_cancelling_an_order_gives_back_only_what_its_stocked_lines_reserved(
    orders, products, suppliers, supply, inventory, events, tenant_id
):
    product, _ = await dropship_product(products, suppliers, supply, tenant_id, stock=4)
    warehouse = await stocked(products, tenant_id, stock=5)
    order = await place(orders, tenant_id, (product.id, 3), (warehouse.id, 2))
    await orders.CancelOrder(pb.CancelOrderRequest(tenant_id=tenant_id, order_id=order.id, reason="customer"))
    dropship_level = (await level(inventory, tenant_id, product.id)).inventory_level
    assert (dropship_level.available, dropship_level.reserved) == (4, 0)  # untouched throughout
    warehouse_level = (await level(inventory, tenant_id, warehouse.id)).inventory_level
    assert (warehouse_level.available, warehouse_level.reserved) == (5, 0)


async def test_amending_a_dropship_line_moves_no_stock_of_its_own(
    orders, products, suppliers, supply, inventory, tenant_id
):
    product, _ = await dropship_product(products, suppliers, supply, tenant_id, stock=0)
    order = await place(orders, tenant_id, (product.id, 1))
    amended = await orders.UpdateOrder(
        pb.UpdateOrderRequest(
            tenant_id=tenant_id,
            order=pb.Order(id=order.id, items=[pb.OrderItem(product_id=product.id, quantity=7)]),
            update_mask=field_mask_pb2.FieldMask(paths=["items"]),
        )
    )
    assert [(item.quantity, item.dropship) for item in amended.items] == [(7, True)]
    dropship_level = (await level(inventory, tenant_id, product.id)).inventory_level
    assert (dropship_level.available, dropship_level.reserved) == (0, 0)


async def test_a_replenishment_order_goes_on_order_and_its_receipt_books_stock(
    products, suppliers, supply, purchasing, inventory, events, tenant_id
):
    supplier = await new_supplier(suppliers, tenant_id)
    product = await stocked(products, tenant_id, stock=5)
    offer = await new_offer(supply, tenant_id, product.id, supplier.id, min_order_quantity=10)
    po = await replenish(purchasing, tenant_id, supplier.id, (product.id, 40))
    assert po.kind == popb.PURCHASE_ORDER_KIND_REPLENISHMENT and po.lines[0].offer_id == offer.id
    assert (await level(inventory, tenant_id, product.id)).inventory_level.on_order == 40
    alerts = await inventory.GetInventoryAlerts(ipb.GetInventoryAlertsRequest(tenant_id=tenant_id))
    assert [a.recommended_order_quantity for a in alerts.alerts if a.product_id == product.id] == [0]
    for status in (
        PO.PURCHASE_ORDER_STATUS_SUBMITTED,
        PO.PURCHASE_ORDER_STATUS_ACCEPTED,
        PO.PURCHASE_ORDER_STATUS_SHIPPED,
    ):
        await move_po(purchasing, tenant_id, po.id, status)
    received = await purchasing.UpdatePurchaseOrder(
        popb.UpdatePurchaseOrderRequest(
            tenant_id=tenant_id,
            purchase_order=popb.PurchaseOrder(
                id=po.id,
                status=PO.PURCHASE_ORDER_STATUS_RECEIVED,
                lines=[popb.PurchaseOrderLine(product_id=product.id, received_quantity=38)],
            ),
            update_mask=field_mask_pb2.FieldMask(paths=["status"]),
        )
    )
    assert received.lines[0].received_quantity == 38 and received.receive_time.seconds > 0
    after = await level(inventory, tenant_id, product.id, limit=5)
    assert (after.inventory_level.available, after.inventory_level.on_order) == (43, 0)
    assert after.movements[0].type == ipb.MOVEMENT_TYPE_RECEIPT and after.movements[0].available_delta == 38
    assert "purchase_order.received" in await event_types(events, tenant_id)


async def test_a_line_without_quantity_orders_the_recommendation_and_the_same_shortage_is_not_ordered_twice(
    products, suppliers, purchasing, inventory, tenant_id
):
    supplier = await new_supplier(suppliers, tenant_id)
    product = await stocked(products, tenant_id, stock=3)  # at or below the default reorder point 10
    po = await replenish(purchasing, tenant_id, supplier.id, (product.id, 0))
    assert po.lines[0].quantity >= 8  # back above the reorder point
    assert po.lines[0].unit_cost == product.pricing.source_price  # no offer: the product's source price
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await replenish(purchasing, tenant_id, supplier.id, (product.id, 0))
    assert caught.value.code() is grpc.StatusCode.FAILED_PRECONDITION
    assert error_reason(caught.value) == "NOTHING_TO_REORDER"
    await purchasing.CancelPurchaseOrder(
        popb.CancelPurchaseOrderRequest(tenant_id=tenant_id, purchase_order_id=po.id, reason="wrong supplier")
    )
    assert (await level(inventory, tenant_id, product.id)).inventory_level.on_order == 0


async def test_illegal_transitions_and_receiving_more_than_ordered_are_refused_and_change_nothing(
    products, suppliers, purchasing, inventory, events, tenant_id
):
    supplier = await new_supplier(suppliers, tenant_id)
    product = await stocked(products, tenant_id)
    po = await replenish(purchasing, tenant_id, supplier.id, (product.id, 10))
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await move_po(purchasing, tenant_id, po.id, PO.PURCHASE_ORDER_STATUS_SHIPPED)
    assert caught.value.code() is grpc.StatusCode.FAILED_PRECONDITION
    assert error_reason(caught.value) == "ILLEGAL_STATUS_TRANSITION"
    for status in (
        PO.PURCHASE_ORDER_STATUS_SUBMITTED,
        PO.PURCHASE_ORDER_STATUS_ACCEPTED,
        PO.PURCHASE_ORDER_STATUS_SHIPPED,
    ):
        await move_po(purchasing, tenant_id, po.id, status)
    before = await event_types(events, tenant_id)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await purchasing.UpdatePurchaseOrder(
            popb.UpdatePurchaseOrderRequest(
                tenant_id=tenant_id,
                purchase_order=popb.PurchaseOrder(
                    id=po.id,
                    status=PO.PURCHASE_ORDER_STATUS_RECEIVED,
                    lines=[popb.PurchaseOrderLine(product_id=product.id, received_quantity=11)],
                ),
                update_mask=field_mask_pb2.FieldMask(paths=["status"]),
            )
        )
    assert caught.value.code() is grpc.StatusCode.FAILED_PRECONDITION
    assert error_reason(caught.value) == "OVER_RECEIPT"
    assert await event_types(events, tenant_id) == before
    got = await purchasing.GetPurchaseOrder(
        popb.GetPurchaseOrderRequest(tenant_id=tenant_id, purchase_order_id=po.id)
    )
    assert got.status == PO.PURCHASE_ORDER_STATUS_SHIPPED
    assert (await level(inventory, tenant_id, product.id)).inventory_level.on_order == 10


async def test_bad_input_and_other_tenants_resources_are_refused(products, suppliers, purchasing, tenant_id):
    supplier = await new_supplier(suppliers, tenant_id)
    theirs = await stocked(products, tenant_id + 1)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await replenish(purchasing, tenant_id, supplier.id, (theirs.id, 5))
    assert caught.value.code() is grpc.StatusCode.NOT_FOUND
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await purchasing.CreatePurchaseOrder(
            popb.CreatePurchaseOrderRequest(
                tenant_id=tenant_id,
                purchase_order=popb.PurchaseOrder(
                    supplier_id="nope", lines=[popb.PurchaseOrderLine(product_id=theirs.id, quantity=-1)]
                ),
            )
        )
    assert caught.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert set(field_violations(caught.value)) == {
        "purchase_order.supplier_id",
        "purchase_order.lines[0].quantity",
    }
    assert await purchase_orders_of(purchasing, tenant_id) == []


async def test_lists_filter_by_supplier_status_and_kind_and_page_newest_first(
    products, suppliers, purchasing, tenant_id
):
    supplier = await new_supplier(suppliers, tenant_id)
    other = await new_supplier(suppliers, tenant_id)
    product = await stocked(products, tenant_id)
    first = await replenish(purchasing, tenant_id, supplier.id, (product.id, 10))
    second = await replenish(purchasing, tenant_id, supplier.id, (product.id, 10))
    await replenish(purchasing, tenant_id, other.id, (product.id, 10))
    await move_po(purchasing, tenant_id, first.id, PO.PURCHASE_ORDER_STATUS_SUBMITTED)
    assert [po.id for po in await purchase_orders_of(purchasing, tenant_id, supplier_id=supplier.id)] == [
        second.id,
        first.id,
    ]
    submitted = await purchase_orders_of(purchasing, tenant_id, status=PO.PURCHASE_ORDER_STATUS_SUBMITTED)
    assert [po.id for po in submitted] == [first.id]
    page = await purchasing.ListPurchaseOrders(
        popb.ListPurchaseOrdersRequest(
            tenant_id=tenant_id, kind=popb.PURCHASE_ORDER_KIND_REPLENISHMENT, page_size=2
        )
    )
    rest = await purchasing.ListPurchaseOrders(
        popb.ListPurchaseOrdersRequest(
            tenant_id=tenant_id,
            kind=popb.PURCHASE_ORDER_KIND_REPLENISHMENT,
            page_size=2,
            page_token=page.next_page_token,
        )
    )
    assert (
        page.total_size == 3
        and len(page.purchase_orders) == 2
        and [p.id for p in rest.purchase_orders] == [first.id]
    )


async def test_concurrent_creates_with_one_request_id_make_one_purchase_order(
    products, suppliers, purchasing, inventory, tenant_id
):
    supplier = await new_supplier(suppliers, tenant_id)
    product = await stocked(products, tenant_id)
    made = await asyncio.gather(
        *(replenish(purchasing, tenant_id, supplier.id, (product.id, 7), request_id="po-1") for _ in range(5))
    )
    assert len({po.id for po in made}) == 1
    assert len(await purchase_orders_of(purchasing, tenant_id)) == 1
    assert (await level(inventory, tenant_id, product.id)).inventory_level.on_order == 7
