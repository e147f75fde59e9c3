"""Money: an exact decimal amount in a currency. Stored as NUMERIC(14,2), carried as google.type.Money."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
DEFAULT_CURRENCY = "USD"


def to_cents(amount: Decimal) -> Decimal:
    """Round half-up to cents, the precision every stored amount has."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class Money:
    amount: Decimal
    currency: str = DEFAULT_CURRENCY

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal):
            raise TypeError("Money.amount must be a Decimal, never a float")
