"""crmctl supply commands: `offers create|list|rank|deactivate|delete` and
`purchase-orders create|list|get|status|cancel`."""

from __future__ import annotations

import argparse

from clients import render
from clients.money import format_amount, to_money
from clients.parsing import (
    add_enum_argument,
    add_paging_arguments,
    enum_label,
    paging_options,
    parse_amount,
)
from clients.sync_client import CrmClient
from clients.tables import format_pairs, format_table
from crm.v2 import purchase_order_service_pb2 as PO
from crm.v2 import supply_service_pb2 as O

OFFER_COLUMNS = (
    "ID",
    "PRODUCT",
    "SUPPLIER",
    "SUPPLIER SKU",
    "LANDED",
    "MOQ",
    "LEAD DAYS",
    "ACTIVE",
    "CHOSEN",
)
RANK_COLUMNS = ("OFFER", "SCORE", "LANDED", "ELIGIBLE", "WHY")
FACTOR_COLUMNS = ("OFFER", "FACTOR", "WEIGHT", "VALUE", "CONTRIBUTION", "EXPLANATION")
PO_COLUMNS = ("ID", "KIND", "STATUS", "SUPPLIER", "ORDER", "LINES", "TOTAL", "TRACKING")
LINE_COLUMNS = ("PRODUCT", "SKU", "SUPPLIER SKU", "QTY", "RECEIVED", "UNIT COST", "SHIPPING", "TOTAL")


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _offers_create(client: CrmClient, args: argparse.Namespace) -> None:
    offer = O.SupplierOffer(
        product_id=args.product_id,
        supplier_id=args.supplier_id,
        supplier_sku=args.supplier_sku or "",
        listing_url=args.listing_url or "",
        unit_cost=to_money(args.unit_cost, args.currency),
        shipping_cost=to_money(args.shipping_cost, args.currency),
    )
    for name in ("min_order_quantity", "lead_time_days", "supplier_stock"):
        if getattr(args, name) is not None:
            setattr(offer, name, getattr(args, name))
    created = client.create_offer(offer, request_id=args.request_id)
    print(
        render.to_json(created)
        if args.json
        else f"created offer {created.id} (chosen: {_yes(created.chosen)})"
    )


def _offers_list(client: CrmClient, args: argparse.Namespace) -> None:
    page = client.list_offers(
        product_id=args.product_id or "",
        supplier_id=args.supplier_id or "",
        active_only=args.active_only,
        **paging_options(args),
    )
    if args.json:
        print(render.to_json(page))
        return
    rows = [
        [
            o.id,
            o.product_id,
            o.supplier_id,
            o.supplier_sku,
            format_amount(o.landed_cost),
            o.min_order_quantity,
            o.lead_time_days if o.HasField("lead_time_days") else "-",
            _yes(o.is_active),
            _yes(o.chosen),
        ]
        for o in page.offers
    ]
    print(render.page_table(OFFER_COLUMNS, rows, page, "offers"))


def _offers_rank(client: CrmClient, args: argparse.Namespace) -> None:
    ranking = client.rank_offers(args.product_id)
    if args.json:
        print(render.to_json(ranking))
        return
    rows = [
        [r.offer.id, f"{r.score:.2f}", format_amount(r.offer.landed_cost), _yes(r.eligible), r.reason]
        for r in ranking.offers
    ]
    factors = [
        [r.offer.id, f.name, f.weight, f.value, f.contribution, f.explanation]
        for r in ranking.offers
        for f in r.factors
    ]
    print(f"chosen offer: {ranking.chosen_offer_id or '-'} (usual quantity {ranking.usual_quantity})\n")
    print(format_table(RANK_COLUMNS, rows) + "\n\n" + format_table(FACTOR_COLUMNS, factors, max_width=None))


def _offers_deactivate(client: CrmClient, args: argparse.Namespace) -> None:
    offer = client.update_offer(O.SupplierOffer(id=args.offer_id, is_active=False), ["is_active"])
    print(render.to_json(offer) if args.json else f"offer {offer.id} deactivated")


def _offers_delete(client: CrmClient, args: argparse.Namespace) -> None:
    deleted = client.delete_offer(args.offer_id)
    print(
        render.to_json(deleted)
        if args.json
        else f"deleted offer {deleted.offer_id}; chosen offer now {deleted.chosen_offer_id or '-'}"
    )


def purchase_order_detail(po: PO.PurchaseOrder) -> str:
    pairs: list[tuple[str, object]] = [
        ("id", po.id),
        ("kind", enum_label(PO.PurchaseOrderKind, po.kind)),
        ("status", enum_label(PO.PurchaseOrderStatus, po.status)),
        ("supplier", po.supplier_id),
        ("customer order", po.order_id or "-"),
        ("total", format_amount(po.total)),
        ("supplier order id", po.supplier_order_id or "-"),
        ("carrier", po.carrier or "-"),
        ("tracking", ", ".join(po.tracking_numbers) or "-"),
        ("created", render.format_time(po.create_time)),
    ]
    lines = [
        [
            line.product_id,
            line.sku,
            line.supplier_sku,
            line.quantity,
            line.received_quantity,
            format_amount(line.unit_cost),
            format_amount(line.shipping_cost),
            format_amount(line.line_total),
        ]
        for line in po.lines
    ]
    return format_pairs(pairs) + "\n\n" + format_table(LINE_COLUMNS, lines, max_width=None)


def _po_create(client: CrmClient, args: argparse.Namespace) -> None:
    lines = []
    for spec in args.lines:
        product_id, _, quantity = spec.partition(":")
        lines.append(PO.PurchaseOrderLine(product_id=product_id, quantity=int(quantity or 0)))
    po = PO.PurchaseOrder(supplier_id=args.supplier_id, lines=lines, notes=args.notes or "")
    created = client.create_purchase_order(po, request_id=args.request_id)
    print(
        render.to_json(created)
        if args.json
        else f"created purchase order {created.id}\n\n{purchase_order_detail(created)}"
    )


def _po_list(client: CrmClient, args: argparse.Namespace) -> None:
    page = client.list_purchase_orders(
        supplier_id=args.supplier_id or "",
        status=args.status or 0,
        kind=args.kind or 0,
        order_id=args.order_id or "",
        **paging_options(args),
    )
    if args.json:
        print(render.to_json(page))
        return
    rows = [
        [
            po.id,
            enum_label(PO.PurchaseOrderKind, po.kind),
            enum_label(PO.PurchaseOrderStatus, po.status),
            po.supplier_id,
            po.order_id or "-",
            len(po.lines),
            format_amount(po.total),
            ", ".join(po.tracking_numbers) or "-",
        ]
        for po in page.purchase_orders
    ]
    print(render.page_table(PO_COLUMNS, rows, page, "purchase orders"))


def _po_get(client: CrmClient, args: argparse.Namespace) -> None:
    po = client.get_purchase_order(args.purchase_order_id)
    print(render.to_json(po) if args.json else purchase_order_detail(po))


def _po_status(client: CrmClient, args: argparse.Namespace) -> None:
    po = PO.PurchaseOrder(id=args.purchase_order_id, status=args.status)
    paths = ["status"]
    for name in ("supplier_order_id", "carrier"):
        if getattr(args, name):
            setattr(po, name, getattr(args, name))
            paths.append(name)
    if args.tracking:
        po.tracking_numbers.extend(args.tracking)
        paths.append("tracking_numbers")
    for spec in args.received or []:
        product_id, _, quantity = spec.partition(":")
        po.lines.append(PO.PurchaseOrderLine(product_id=product_id, received_quantity=int(quantity)))
    updated = client.update_purchase_order(po, paths, reason=args.reason or "")
    print(render.to_json(updated) if args.json else purchase_order_detail(updated))


def _po_cancel(client: CrmClient, args: argparse.Namespace) -> None:
    po = client.cancel_purchase_order(args.purchase_order_id, args.reason or "")
    print(
        render.to_json(po)
        if args.json
        else f"purchase order {po.id} is {enum_label(PO.PurchaseOrderStatus, po.status)}"
    )


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register `offers` and `purchase-orders` with crmctl."""
    offers = commands.add_parser("offers", help="supplier offers and the offer choice").add_subparsers(
        dest="offers_command", required=True
    )
    create = offers.add_parser("create", help="add a supplier offer to a product")
    create.add_argument("--product-id", required=True)
    create.add_argument("--supplier-id", required=True)
    create.add_argument("--unit-cost", type=parse_amount, required=True, help="e.g. 12.40")
    create.add_argument("--shipping-cost", type=parse_amount, default=parse_amount("0"))
    create.add_argument("--currency", default="USD", help="the product's currency")
    create.add_argument("--min-order-quantity", type=int)
    create.add_argument("--lead-time-days", type=int)
    create.add_argument("--supplier-stock", type=int)
    for flag in ("--supplier-sku", "--listing-url", "--request-id"):
        create.add_argument(flag)
    create.set_defaults(handler=_offers_create)
    listing = offers.add_parser("list", help="list offers by product or supplier, newest first")
    listing.add_argument("--product-id")
    listing.add_argument("--supplier-id")
    listing.add_argument("--active-only", action="store_true")
    add_paging_arguments(listing)
    listing.set_defaults(handler=_offers_list)
    rank = offers.add_parser("rank", help="explain a product's offer choice")
    rank.add_argument("product_id", metavar="PRODUCT_ID")
    rank.set_defaults(handler=_offers_rank)
    deactivate = offers.add_parser("deactivate", help="stop choosing an offer")
    deactivate.add_argument("offer_id", metavar="ID")
    deactivate.set_defaults(handler=_offers_deactivate)
    delete = offers.add_parser("delete", help="delete an offer")
    delete.add_argument("offer_id", metavar="ID")
    delete.set_defaults(handler=_offers_delete)
    _add_purchase_order_commands(commands)


def _add_purchase_order_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    pos = commands.add_parser("purchase-orders", help="purchase orders to suppliers").add_subparsers(
        dest="purchase_orders_command", required=True
    )
    create = pos.add_parser("create", help="create a replenishment purchase order")
    create.add_argument("--supplier-id", required=True)
    create.add_argument(
        "--line",
        dest="lines",
        action="append",
        required=True,
        help="PRODUCT_ID[:QTY]; without QTY the reorder recommendation's quantity (repeat per product)",
    )
    create.add_argument("--notes")
    create.add_argument("--request-id")
    create.set_defaults(handler=_po_create)
    listing = pos.add_parser("list", help="list purchase orders, newest first")
    listing.add_argument("--supplier-id")
    add_enum_argument(listing, "--status", enum=PO.PurchaseOrderStatus)
    add_enum_argument(listing, "--kind", enum=PO.PurchaseOrderKind)
    listing.add_argument("--order-id", help="the dropship purchase orders of a customer order")
    add_paging_arguments(listing)
    listing.set_defaults(handler=_po_list)
    get = pos.add_parser("get", help="show one purchase order with its lines")
    get.add_argument("purchase_order_id", metavar="ID")
    get.set_defaults(handler=_po_get)
    status = pos.add_parser("status", help="move a purchase order along its lifecycle")
    status.add_argument("purchase_order_id", metavar="ID")
    add_enum_argument(status, "--status", enum=PO.PurchaseOrderStatus, required=True)
    status.add_argument("--supplier-order-id")
    status.add_argument("--carrier")
    status.add_argument("--tracking", action="append", help="a tracking number (repeat for several)")
    status.add_argument("--received", action="append", help="PRODUCT_ID:QTY that arrived (RECEIVED only)")
    status.add_argument("--reason")
    status.set_defaults(handler=_po_status)
    cancel = pos.add_parser("cancel", help="cancel a purchase order not yet shipped")
    cancel.add_argument("purchase_order_id", metavar="ID")
    cancel.add_argument("--reason")
    cancel.set_defaults(handler=_po_cancel)
