"""Pricing an order from the catalog: lines at the products' selling prices, totals, and the checks that
need the catalog (unknown or inactive products, one currency)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from domain.catalog import ProductStatus
from domain.errors import FieldViolation, InvalidArgument
from domain.money import Money, to_cents
from domain.order_errors import ProductNotOrderable, UnknownProducts
from domain.orders import CatalogEntry, OrderDraft, OrderLine


@dataclass(frozen=True, slots=True)
class Totals:
    currency: str
    subtotal: Money
    tax: Money
    shipping: Money
    discount: Money
    total: Money


def priced_lines(draft: OrderDraft, catalog: Mapping[uuid.UUID, CatalogEntry]) -> tuple[OrderLine, ...]:
    """One line per requested line, with sku, title and unit price from the catalog."""
    missing = [
        FieldViolation(f"order.items[{i}].product_id", f"product {line.product_id} does not exist")
        for i, line in enumerate(draft.lines)
        if line.product_id not in catalog
    ]
    if missing:
        raise UnknownProducts(missing)
    for i, line in enumerate(draft.lines):
        entry = catalog[line.product_id]
        if entry.status != ProductStatus.ACTIVE.value:
            raise ProductNotOrderable(f"order.items[{i}].product_id", str(line.product_id), entry.status)
    currencies = {catalog[line.product_id].price.currency for line in draft.lines}
    if len(currencies) > 1:
        raise InvalidArgument(
            [FieldViolation("order.items", f"all products must share one currency, got {sorted(currencies)}")]
        )
    lines = []
    for line in draft.lines:
        entry = catalog[line.product_id]
        total = Money(to_cents(entry.price.amount * line.quantity), entry.price.currency)
        lines.append(
            OrderLine(
                entry.product_id,
                entry.sku,
                entry.title,
                line.quantity,
                entry.price,
                total,
                dropship=entry.dropship,
            )
        )
    return tuple(lines)


def totals_of(draft: OrderDraft, lines: tuple[OrderLine, ...]) -> Totals:
    """Subtotal, charges and total in the products' currency; the caller's amounts must use it."""
    currency = lines[0].unit_price.currency
    violations = []
    if draft.currency and draft.currency != currency:
        violations.append(FieldViolation("order.currency_code", f"the products are priced in {currency}"))
    amounts = {}
    for name in ("tax", "shipping", "discount"):
        value: Money | None = getattr(draft, name)
        if value is not None and value.currency != currency:
            violations.append(FieldViolation(f"order.{name}.currency_code", f"must be {currency}"))
        amounts[name] = value.amount if value is not None else Decimal("0.00")
    subtotal = sum((line.total_price.amount for line in lines), Decimal("0.00"))
    gross = subtotal + amounts["tax"] + amounts["shipping"]
    if amounts["discount"] > gross:
        violations.append(
            FieldViolation("order.discount", f"must be at most subtotal + tax + shipping ({gross})")
        )
    if violations:
        raise InvalidArgument(violations)
    return Totals(
        currency=currency,
        subtotal=Money(to_cents(subtotal), currency),
        tax=Money(to_cents(amounts["tax"]), currency),
        shipping=Money(to_cents(amounts["shipping"]), currency),
        discount=Money(to_cents(amounts["discount"]), currency),
        total=Money(to_cents(gross - amounts["discount"]), currency),
    )
