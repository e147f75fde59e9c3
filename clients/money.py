"""google.type.Money in the clients: built from exact decimals and shown as text, never through a float."""

from __future__ import annotations

from decimal import Decimal

from google.type import money_pb2

NANOS = 10**9


def to_money(amount: Decimal | str, currency: str = "USD") -> money_pb2.Money:
    """google.type.Money for an exact decimal amount."""
    value = Decimal(amount)
    units = int(value)
    return money_pb2.Money(currency_code=currency, units=units, nanos=int((value - units) * NANOS))


def money_value(value: money_pb2.Money) -> Decimal:
    """The exact decimal amount of a google.type.Money."""
    return Decimal(value.units) + Decimal(value.nanos) / NANOS


def format_amount(value: money_pb2.Money) -> str:
    """`1234.50 USD`."""
    return f"{money_value(value):.2f} {value.currency_code}".strip()


def format_money(value: money_pb2.Money) -> str:
    """`1,234.50 USD`."""
    return f"{money_value(value):,.2f} {value.currency_code}".strip()
