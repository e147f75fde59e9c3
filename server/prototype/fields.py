"""The prototype's values -> the contract's: money from JSON numbers to exact Money, lower-case words to
enum numbers. Violations name the prototype's fields."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from google.type import money_pb2

from crm.v2 import intelligence_service_pb2 as intelligence
from crm.v2 import inventory_service_pb2 as inventory
from crm.v2 import lead_service_pb2 as leads
from crm.v2 import order_service_pb2 as orders
from crm.v2 import product_service_pb2 as products
from crm.v2 import supplier_service_pb2 as suppliers
from server.edge.convert import NANOS_PER_UNIT
from server.edge.validation import MAX_MONEY_UNITS, Violations

MAX_AMOUNT = Decimal(MAX_MONEY_UNITS)


def words(enum: Any, prefix: str) -> dict[str, int]:
    """The prototype's lower-case word of each value of a contract enum: PRODUCT_STATUS_ACTIVE -> active."""
    return {
        name.removeprefix(prefix).lower(): number
        for name, number in enum.items()
        if name != f"{prefix}UNSPECIFIED"
    }


STATUS_WORDS = words(products.ProductStatus, "PRODUCT_STATUS_")
LEAD_STATUS_WORDS = words(leads.LeadStatus, "LEAD_STATUS_")
LEAD_SOURCE_WORDS = words(leads.LeadSource, "LEAD_SOURCE_")
LEAD_PRIORITY_WORDS = words(leads.LeadPriority, "LEAD_PRIORITY_")
ORDER_STATUS_WORDS = words(orders.OrderStatus, "ORDER_STATUS_")
FINANCIAL_STATUS_WORDS = words(orders.FinancialStatus, "FINANCIAL_STATUS_")
RISK_LEVEL_WORDS = words(orders.RiskLevel, "RISK_LEVEL_")
MARKETPLACE_WORDS = words(suppliers.Marketplace, "MARKETPLACE_")
DEMAND_WORDS = words(intelligence.DemandLevel, "DEMAND_LEVEL_")
MOVEMENT_WORDS = {
    "adjustment": inventory.MOVEMENT_TYPE_ADJUSTMENT,
    "receipt": inventory.MOVEMENT_TYPE_RECEIPT,
}
CLASSIFICATION_WORDS = words(products.ProductClassification, "PRODUCT_CLASSIFICATION_")
CROSS_SELL_WORDS = words(intelligence.CrossSellType, "CROSS_SELL_TYPE_")
# The prototype's `all` is the contract's UNSPECIFIED filter.
ALERT_FILTER_WORDS = {"all": inventory.INVENTORY_ALERT_FILTER_UNSPECIFIED} | words(
    inventory.InventoryAlertFilter, "INVENTORY_ALERT_FILTER_"
)


def word(v: Violations, field: str, text: str, allowed: Mapping[str, int], *, required: bool = False) -> int:
    """The enum number of one of the prototype's words; 0 (UNSPECIFIED) for an absent optional one."""
    key = text.strip().lower()
    if not key:
        if required:
            v.add(field, f"is required: one of {', '.join(allowed)}")
        return 0
    if key not in allowed:
        v.add(field, f"must be one of {', '.join(allowed)}")
        return 0
    return allowed[key]


def amount(v: Violations, field: str, value: float) -> money_pb2.Money:
    """A JSON number as exact Money: the shortest decimal that reads back as the same double (49.99 is
    49.99, not 49.990000000000002), > 0 and with at most 2 decimal places. The currency is left to the
    contract's default."""
    if not math.isfinite(value):
        v.add(field, "must be a finite number")
        return money_pb2.Money()
    try:
        exact = Decimal(repr(value))
    except InvalidOperation:  # repr of a finite double always parses; kept total all the same
        v.add(field, "must be a decimal number")
        return money_pb2.Money()
    if exact <= 0:
        v.add(field, "must be greater than 0")
    elif exact > MAX_AMOUNT:
        v.add(field, f"must be at most {MAX_AMOUNT:,}")
    elif exact != exact.quantize(Decimal("0.01")):
        v.add(field, f"must have at most 2 decimal places, got {exact}")
    else:
        units = int(exact)
        return money_pb2.Money(units=units, nanos=int((exact - units) * NANOS_PER_UNIT))
    return money_pb2.Money()


def amounts(v: Violations, field: str, values: Sequence[float]) -> list[money_pb2.Money]:
    return [amount(v, f"{field}[{i}]", value) for i, value in enumerate(values)]
