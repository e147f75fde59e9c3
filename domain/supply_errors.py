"""Errors of the supply side: offers and purchase orders."""

from __future__ import annotations

from collections.abc import Sequence

from domain.errors import FailedPrecondition


class NoEligibleOffer(FailedPrecondition):
    """A dropship product of a confirmed order has no offer to buy from."""

    reason = "NO_ELIGIBLE_OFFER"

    def __init__(self, skus: Sequence[str]) -> None:
        names = ", ".join(skus)
        super().__init__(
            f"dropship products without an eligible supplier offer: {names}; add an active offer "
            "(SupplyService.CreateOffer) or make them STOCKED",
            metadata={"skus": names},
        )


class OverReceipt(FailedPrecondition):
    reason = "OVER_RECEIPT"

    def __init__(self, sku: str, ordered: int, received: int) -> None:
        super().__init__(
            f"{sku}: {received} received is more than the {ordered} ordered; receive at most {ordered}",
            metadata={"sku": sku, "ordered": str(ordered), "received": str(received)},
        )


class NotStocked(FailedPrecondition):
    reason = "NOT_STOCKED"

    def __init__(self, sku: str) -> None:
        super().__init__(
            f"{sku} is a DROPSHIP product: its purchase orders follow customer orders; replenish only "
            "STOCKED products",
            metadata={"sku": sku},
        )


class CurrencyMismatch(FailedPrecondition):
    reason = "CURRENCY_MISMATCH"

    def __init__(self, expected: str, found: str, subject: str) -> None:
        super().__init__(
            f"{subject} is in {found}; this purchase order is in {expected}: one currency per purchase order",
            metadata={"expected": expected, "found": found},
        )
