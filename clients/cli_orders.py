"""crmctl order and inventory commands: `orders create|list|get|update` and
`inventory list|update|alerts`."""

from __future__ import annotations

import argparse
from typing import Any

from google.type import postal_address_pb2

from clients import render
from clients.money import format_amount
from clients.parsing import add_enum_argument, add_paging_arguments, enum_label, paging_options
from clients.sync_client import CrmClient
from clients.tables import format_pairs, format_table
from crm.v2 import inventory_service_pb2 as I
from crm.v2 import order_service_pb2 as O

ORDER_COLUMNS = ("ID", "NUMBER", "CUSTOMER", "STATUS", "PAYMENT", "RISK", "TOTAL", "ITEMS")
LEVEL_COLUMNS = ("PRODUCT", "SKU", "AVAILABLE", "RESERVED", "BACKORDERED", "REORDER AT", "ALERTS")
ALERT_COLUMNS = ("SKU", "TYPE", "SEVERITY", "AVAILABLE", "REORDER QTY", "COST", "MESSAGE")


def _item(text: str) -> O.OrderItem:
    product_id, _, quantity = text.rpartition(":")
    if not product_id or not quantity.isdigit():
        raise argparse.ArgumentTypeError(f"expected PRODUCT_ID:QUANTITY, got {text!r}")
    return O.OrderItem(product_id=product_id, quantity=int(quantity))


def order_detail(o: O.Order) -> str:
    """One order: its fields, lines, fraud factors and status history."""
    fraud = o.fraud_analysis
    pairs: list[tuple[str, object]] = [
        ("id", o.id),
        ("number", o.order_number),
        ("customer", f"{o.customer_name} <{o.customer_email}>"),
        ("status", enum_label(O.OrderStatus, o.status)),
        ("payment", enum_label(O.FinancialStatus, o.financial_status)),
        ("total", format_amount(o.total)),
        ("risk", f"{enum_label(O.RiskLevel, fraud.risk_level)} ({fraud.risk_score:.2f})"),
        ("action", enum_label(O.FraudAction, fraud.recommended_action)),
        ("created", render.format_time(o.create_time)),
    ]
    lines = [
        [
            i.sku,
            i.quantity,
            format_amount(i.unit_price),
            format_amount(i.total_price),
            "yes" if i.backordered else "",
        ]
        for i in o.items
    ]
    factors = [[f.name, f.value, f.contribution, f.explanation] for f in fraud.factors]
    history = [
        [render.format_time(h.change_time), enum_label(O.OrderStatus, h.to_status), h.reason, h.changed_by]
        for h in o.status_history
    ]
    return "\n\n".join(
        [
            format_pairs(pairs),
            format_table(("SKU", "QTY", "UNIT", "TOTAL", "BACKORDERED"), lines, max_width=None),
            format_table(("SIGNAL", "VALUE", "CONTRIBUTION", "WHY"), factors, max_width=None),
            format_table(("WHEN", "STATUS", "REASON", "BY"), history, max_width=None),
        ]
    )


def _orders_create(client: CrmClient, args: argparse.Namespace) -> None:
    address = postal_address_pb2.PostalAddress(
        region_code=args.country,
        address_lines=args.address_lines or [],
        postal_code=args.postal_code or "",
        locality=args.city or "",
    )
    order = O.Order(
        customer_email=args.customer_email,
        customer_name=args.customer_name,
        billing_address=address,
        items=args.items,
        notes=args.notes or "",
    )
    created = client.create_order(order, request_id=args.request_id, allow_backorder=args.allow_backorder)
    print(
        render.to_json(created)
        if args.json
        else f"created order {created.order_number}\n\n{order_detail(created)}"
    )


def _orders_list(client: CrmClient, args: argparse.Namespace) -> None:
    page = client.list_orders(
        status=args.status or 0,
        financial_status=args.financial_status or 0,
        risk_level=args.risk_level or 0,
        customer_email=args.customer_email or "",
        **paging_options(args),
    )
    print(render.to_json(page) if args.json else _orders_table(page))


def _orders_table(page: O.ListOrdersResponse) -> str:
    rows = [
        [
            o.id,
            o.order_number,
            o.customer_email,
            enum_label(O.OrderStatus, o.status),
            enum_label(O.FinancialStatus, o.financial_status),
            enum_label(O.RiskLevel, o.fraud_analysis.risk_level),
            format_amount(o.total),
            len(o.items),
        ]
        for o in page.orders
    ]
    return render.page_table(ORDER_COLUMNS, rows, page, "orders")


def _orders_get(client: CrmClient, args: argparse.Namespace) -> None:
    order = client.get_order(args.order_id)
    print(render.to_json(order) if args.json else order_detail(order))


def _orders_update(client: CrmClient, args: argparse.Namespace) -> None:
    order = O.Order(id=args.order_id)
    paths = []
    for name in ("status", "financial_status"):
        if getattr(args, name):
            setattr(order, name, getattr(args, name))
            paths.append(name)
    for name in ("tracking_number", "carrier", "notes"):
        if getattr(args, name) is not None:
            setattr(order, name, getattr(args, name))
            paths.append(name)
    if args.cancel:
        updated = client.cancel_order(args.order_id, args.reason or "cancelled with crmctl")
    else:
        updated = client.update_order(order, paths, reason=args.reason or "")
    print(render.to_json(updated) if args.json else order_detail(updated))


def _alerts_text(alerts: Any) -> str:
    return ", ".join(enum_label(I.InventoryAlertType, a.type) for a in alerts) or "-"


def _inventory_list(client: CrmClient, args: argparse.Namespace) -> None:
    page = client.list_inventory(
        low_stock_only=args.low_stock_only,
        out_of_stock_only=args.out_of_stock_only,
        query=args.query or "",
        **paging_options(args),
    )
    print(render.to_json(page) if args.json else _levels_table(page))


def _levels_table(page: I.ListInventoryResponse) -> str:
    rows = [
        [x.product_id, x.sku, x.available, x.reserved, x.backordered, x.reorder_point, _alerts_text(x.alerts)]
        for x in page.inventory_levels
    ]
    return render.page_table(LEVEL_COLUMNS, rows, page, "levels")


def _inventory_update(client: CrmClient, args: argparse.Namespace) -> None:
    change: dict[str, Any] = {"reason": args.reason or ""}
    if args.set is not None:
        change["set_available"] = args.set
    if args.adjust is not None:
        change["adjust_by"] = args.adjust
    if args.receipt:
        change["movement_type"] = I.MOVEMENT_TYPE_RECEIPT
    for name in ("reorder_point", "reorder_quantity", "max_stock"):
        if getattr(args, name) is not None:
            change[name] = getattr(args, name)
    result = client.update_inventory(args.product_id, **change)
    if args.json:
        print(render.to_json(result))
        return
    level = result.inventory_level
    text = f"{level.sku}: {level.available} available, {level.reserved} reserved"
    if result.HasField("reorder_recommendation"):
        advice = result.reorder_recommendation
        cost = format_amount(advice.estimated_cost)
        text += f"\nreorder {advice.recommended_quantity} units ({cost}): {advice.reason}"
    print(text)


def _inventory_alerts(client: CrmClient, args: argparse.Namespace) -> None:
    page = client.inventory_alerts(alert_type=args.type or 0, **paging_options(args))
    print(render.to_json(page) if args.json else _alerts_table(page))


def _alerts_table(page: I.GetInventoryAlertsResponse) -> str:
    rows = [
        [
            a.sku,
            enum_label(I.InventoryAlertType, a.type),
            enum_label(I.AlertSeverity, a.severity),
            a.available,
            a.recommended_order_quantity,
            format_amount(a.estimated_reorder_cost) if a.HasField("estimated_reorder_cost") else "-",
            a.message,
        ]
        for a in page.alerts
    ]
    s = page.summary
    has_cost = s.HasField("total_estimated_reorder_cost")
    cost = format_amount(s.total_estimated_reorder_cost) if has_cost else "0"
    summary = (
        f"\n{s.total_alerts} alerts: {s.critical_alerts} critical, {s.warning_alerts} warning, "
        f"{s.info_alerts} info; reorder cost {cost}"
    )
    return render.page_table(ALERT_COLUMNS, rows, page, "alerts") + summary


def _add_order_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    orders = commands.add_parser("orders", help="create, list, show and update orders").add_subparsers(
        dest="orders_command", required=True
    )
    create = orders.add_parser("create", help="create an order (prices from the catalog)")
    create.add_argument("--customer-email", required=True)
    create.add_argument("--customer-name", required=True)
    create.add_argument("--country", required=True, help="ISO 3166-1 alpha-2, e.g. US")
    create.add_argument("--address-line", dest="address_lines", action="append", required=True)
    create.add_argument("--postal-code")
    create.add_argument("--city")
    create.add_argument("--item", dest="items", type=_item, action="append", required=True, help="ID:QTY")
    create.add_argument("--allow-backorder", action="store_true")
    create.add_argument("--notes")
    create.add_argument("--request-id")
    create.set_defaults(handler=_orders_create)

    listing = orders.add_parser("list", help="list orders, newest first")
    add_enum_argument(listing, "--status", enum=O.OrderStatus)
    add_enum_argument(listing, "--financial-status", enum=O.FinancialStatus)
    add_enum_argument(listing, "--risk-level", enum=O.RiskLevel)
    listing.add_argument("--customer-email")
    add_paging_arguments(listing)
    listing.set_defaults(handler=_orders_list)

    get = orders.add_parser("get", help="show one order with its lines, fraud factors and history")
    get.add_argument("order_id", metavar="ID")
    get.set_defaults(handler=_orders_get)

    update = orders.add_parser("update", help="change status, payment, tracking; or --cancel")
    update.add_argument("order_id", metavar="ID")
    add_enum_argument(update, "--status", enum=O.OrderStatus)
    add_enum_argument(update, "--financial-status", enum=O.FinancialStatus)
    for flag in ("--tracking-number", "--carrier", "--notes", "--reason"):
        update.add_argument(flag)
    update.add_argument("--cancel", action="store_true", help="cancel the order (releases its stock)")
    update.set_defaults(handler=_orders_update)


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register `orders` and `inventory` with crmctl."""
    _add_order_commands(commands)
    inventory = commands.add_parser("inventory", help="stock levels, changes and alerts").add_subparsers(
        dest="inventory_command", required=True
    )
    listing = inventory.add_parser("list", help="inventory levels by sku, with alerts")
    listing.add_argument("--low-stock-only", action="store_true")
    listing.add_argument("--out-of-stock-only", action="store_true")
    listing.add_argument("--query", help="substring of sku or title")
    add_paging_arguments(listing)
    listing.set_defaults(handler=_inventory_list)

    update = inventory.add_parser("update", help="set or adjust available units, or reorder settings")
    update.add_argument("product_id", metavar="PRODUCT_ID")
    quantity = update.add_mutually_exclusive_group()
    quantity.add_argument("--set", type=int, help="new absolute available quantity")
    quantity.add_argument("--adjust", type=int, help="signed change of available units")
    update.add_argument("--reason", help="required with --set or --adjust")
    update.add_argument("--receipt", action="store_true", help="record the increase as a RECEIPT")
    for flag in ("--reorder-point", "--reorder-quantity", "--max-stock"):
        update.add_argument(flag, type=int)
    update.set_defaults(handler=_inventory_update)

    alerts = inventory.add_parser("alerts", help="current alerts, most severe first, with a summary")
    add_enum_argument(alerts, "--type", enum=I.InventoryAlertFilter)
    add_paging_arguments(alerts)
    alerts.set_defaults(handler=_inventory_alerts)
