"""crmctl catalog commands: `products create|list|get` and `suppliers create|list`."""

from __future__ import annotations

import argparse

from clients import render
from clients.money import format_amount, to_money
from clients.parsing import add_enum_argument, add_paging_arguments, enum_label, paging_options, parse_amount
from clients.sync_client import CrmClient
from clients.tables import format_pairs, format_table
from crm.v2 import product_service_pb2 as P
from crm.v2 import supplier_service_pb2 as S

PRODUCT_COLUMNS = ("ID", "SKU", "TITLE", "CATEGORY", "STATUS", "CLASS", "SCORE", "PRICE", "STOCK")
SUPPLIER_COLUMNS = ("ID", "NAME", "MARKETPLACE", "RATING", "LEAD DAYS", "ACTIVE")
FACTOR_COLUMNS = ("FACTOR", "WEIGHT", "VALUE", "CONTRIBUTION", "EXPLANATION")


def _product_row(p: P.Product) -> list[object]:
    return [
        p.id,
        p.sku,
        p.title,
        p.category,
        enum_label(P.ProductStatus, p.status),
        enum_label(P.ProductClassification, p.analysis.classification),
        round(p.analysis.dropship_score, 1),
        format_amount(p.pricing.current_selling_price),
        p.stock_available,
    ]


def product_detail(p: P.Product) -> str:
    """Every field of one product, then its score factors as a table."""
    pairs: list[tuple[str, object]] = [
        ("id", p.id),
        ("sku", p.sku),
        ("title", p.title),
        ("category", p.category),
        ("status", enum_label(P.ProductStatus, p.status)),
        ("source price", format_amount(p.pricing.source_price)),
        ("recommended price", format_amount(p.pricing.recommended_price)),
        ("selling price", format_amount(p.pricing.current_selling_price)),
        ("dropship score", f"{p.analysis.dropship_score:.2f}"),
        ("classification", enum_label(P.ProductClassification, p.analysis.classification)),
        ("margin estimate", f"{p.analysis.profit_margin_estimate:.1%}"),
        ("supplier", p.supplier_id or "-"),
        ("stock", f"{p.stock_available} available, {p.stock_reserved} reserved"),
        ("tags", ", ".join(p.tags)),
        ("created", render.format_time(p.create_time)),
        ("updated", render.format_time(p.update_time)),
    ]
    factors = [[f.name, f.weight, f.value, f.contribution, f.explanation] for f in p.analysis.factors]
    return format_pairs(pairs) + "\n\n" + format_table(FACTOR_COLUMNS, factors, max_width=None)


def _products_create(client: CrmClient, args: argparse.Namespace) -> None:
    pricing = P.ProductPricing(source_price=to_money(args.source_price, args.currency))
    if args.selling_price is not None:
        pricing.current_selling_price.CopyFrom(to_money(args.selling_price, args.currency))
    product = P.Product(
        sku=args.sku,
        title=args.title,
        category=args.category,
        pricing=pricing,
        supplier_id=args.supplier_id or "",
        initial_stock=args.initial_stock,
        description=args.description or "",
        tags=args.tags or [],
    )
    created = client.create_product(product, request_id=args.request_id)
    print(
        render.to_json(created) if args.json else f"created product {created.id}\n\n{product_detail(created)}"
    )


def _products_list(client: CrmClient, args: argparse.Namespace) -> None:
    page = client.list_products(
        category=args.category or "",
        classification=args.classification or 0,
        status=args.status or 0,
        supplier_id=args.supplier_id or "",
        query=args.query or "",
        show_discontinued=args.show_discontinued,
        **paging_options(args),
    )
    print(render.to_json(page) if args.json else _products_table(page))


def _products_table(page: P.ListProductsResponse) -> str:
    rows = [_product_row(p) for p in page.products]
    return render.page_table(PRODUCT_COLUMNS, rows, page, "products")


def _products_get(client: CrmClient, args: argparse.Namespace) -> None:
    product = client.get_product(args.product_id)
    print(render.to_json(product) if args.json else product_detail(product))


def _suppliers_create(client: CrmClient, args: argparse.Namespace) -> None:
    supplier = S.Supplier(
        name=args.name,
        marketplace=args.marketplace,
        contact_email=args.email or "",
        website=args.website or "",
    )
    if args.rating is not None:
        supplier.rating = args.rating
    if args.lead_time_days is not None:
        supplier.lead_time_days = args.lead_time_days
    created = client.create_supplier(supplier)
    print(render.to_json(created) if args.json else f"created supplier {created.id}")


def _suppliers_list(client: CrmClient, args: argparse.Namespace) -> None:
    page = client.list_suppliers(
        marketplace=args.marketplace or 0,
        active_only=args.active_only,
        query=args.query or "",
        **paging_options(args),
    )
    print(render.to_json(page) if args.json else _suppliers_table(page))


def _suppliers_table(page: S.ListSuppliersResponse) -> str:
    rows = [
        [
            s.id,
            s.name,
            enum_label(S.Marketplace, s.marketplace),
            f"{s.rating:g}" if s.HasField("rating") else "-",
            s.lead_time_days if s.HasField("lead_time_days") else "-",
            "yes" if s.is_active else "no",
        ]
        for s in page.suppliers
    ]
    return render.page_table(SUPPLIER_COLUMNS, rows, page, "suppliers")


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register `products` and `suppliers` with crmctl."""
    products = commands.add_parser("products", help="create, list and show products").add_subparsers(
        dest="products_command", required=True
    )
    create = products.add_parser("create", help="create and classify a product")
    create.add_argument("--sku", required=True)
    create.add_argument("--title", required=True)
    create.add_argument("--category", required=True, help="category key, e.g. fitness")
    create.add_argument("--source-price", type=parse_amount, required=True, help="e.g. 49.99")
    create.add_argument("--selling-price", type=parse_amount, help="default: the recommended price")
    create.add_argument("--currency", default="USD")
    create.add_argument("--initial-stock", type=int, default=0)
    for flag in ("--supplier-id", "--description", "--request-id"):
        create.add_argument(flag)
    create.add_argument("--tag", dest="tags", action="append", help="repeat for several tags")
    create.set_defaults(handler=_products_create)

    listing = products.add_parser("list", help="list products, newest first")
    listing.add_argument("--category")
    add_enum_argument(listing, "--classification", enum=P.ProductClassification)
    add_enum_argument(listing, "--status", enum=P.ProductStatus)
    listing.add_argument("--supplier-id")
    listing.add_argument("--query", help="substring of title or sku")
    listing.add_argument("--show-discontinued", action="store_true")
    add_paging_arguments(listing)
    listing.set_defaults(handler=_products_list)

    get = products.add_parser("get", help="show one product with its score factors")
    get.add_argument("product_id", metavar="ID")
    get.set_defaults(handler=_products_get)

    suppliers = commands.add_parser("suppliers", help="create and list suppliers").add_subparsers(
        dest="suppliers_command", required=True
    )
    screate = suppliers.add_parser("create", help="create a supplier")
    screate.add_argument("--name", required=True)
    add_enum_argument(screate, "--marketplace", enum=S.Marketplace, required=True)
    screate.add_argument("--email")
    screate.add_argument("--website")
    screate.add_argument("--rating", type=float, help="0-5")
    screate.add_argument("--lead-time-days", type=int)
    screate.set_defaults(handler=_suppliers_create)

    slist = suppliers.add_parser("list", help="list suppliers, newest first")
    add_enum_argument(slist, "--marketplace", enum=S.Marketplace)
    slist.add_argument("--active-only", action="store_true")
    slist.add_argument("--query", help="substring of the name")
    add_paging_arguments(slist)
    slist.set_defaults(handler=_suppliers_list)
