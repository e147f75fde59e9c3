"""Order and inventory errors that are not plain cases of the shared taxonomy."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from domain.errors import (
    AlreadyExists,
    ErrorKind,
    FailedPrecondition,
    FieldViolation,
    InvalidArgument,
    PreconditionViolation,
)


@dataclass(frozen=True, slots=True)
class ShortLine:
    """An order line the stock could not cover."""

    item_index: int
    product_id: str
    sku: str
    requested: int
    available: int


class InsufficientInventory(FailedPrecondition):
    """Stock is short: metadata `product_ids` names the short products, `items[i]` each short line."""

    reason = "INSUFFICIENT_INVENTORY"

    def __init__(self, lines: Sequence[ShortLine], message: str | None = None) -> None:
        self.lines = tuple(lines)
        self.violations = tuple(
            PreconditionViolation(
                "STOCK",
                f"items[{line.item_index}]",
                f"{line.sku} ({line.product_id}): requested {line.requested}, available {line.available}",
            )
            for line in self.lines
        )
        metadata = {"product_ids": ",".join(line.product_id for line in self.lines)}
        for line in self.lines:
            metadata[f"items[{line.item_index}]"] = f"requested {line.requested}, available {line.available}"
        summary = "; ".join(
            f"items[{line.item_index}] ({line.sku}) needs {line.requested}, {line.available} available"
            for line in self.lines
        )
        super().__init__(
            message or f"not enough stock: {summary}; order less or set allow_backorder", metadata=metadata
        )


class IllegalStatusTransition(FailedPrecondition):
    reason = "ILLEGAL_STATUS_TRANSITION"

    def __init__(self, field: str, current: str, requested: str, allowed: Sequence[str]) -> None:
        options = ", ".join(sorted(allowed)) or "none"
        super().__init__(
            f"{field} cannot change from {current} to {requested}; allowed from {current}: {options}",
            metadata={"field": field, "from": current, "to": requested},
        )


class AddressLocked(FailedPrecondition):
    reason = "ADDRESS_LOCKED"

    def __init__(self, status: str) -> None:
        super().__init__(
            f"the shipping address cannot change once the order is {status}", metadata={"status": status}
        )


class ProductNotOrderable(FailedPrecondition):
    reason = "PRODUCT_NOT_ORDERABLE"

    def __init__(self, field: str, product_id: str, status: str) -> None:
        super().__init__(
            f"{field}: product {product_id} is {status}; only ACTIVE products can be ordered",
            metadata={"product_id": product_id, "status": status, "field": field},
        )


class UnknownProducts(InvalidArgument):
    """Order lines naming products the tenant does not have: NOT_FOUND with a violation per line."""

    kind = ErrorKind.NOT_FOUND
    reason = "PRODUCT_NOT_FOUND"

    def __init__(self, violations: Sequence[FieldViolation]) -> None:
        super().__init__(violations, message="order lines name products that do not exist in the tenant")
        self.metadata = {"fields": ",".join(v.field for v in violations)}


class TooManyLines(InvalidArgument):
    kind = ErrorKind.RESOURCE_EXHAUSTED
    reason = "TOO_MANY_LINES"

    def __init__(self, count: int, limit: int) -> None:
        super().__init__(
            [FieldViolation("order.items", f"has {count} lines; at most {limit}")],
            message=f"an order may have at most {limit} lines; split it",
        )


class PaymentNotCaptured(FailedPrecondition):
    """A refund (the order's REFUNDED status) needs a payment that was captured."""

    reason = "PAYMENT_NOT_CAPTURED"

    def __init__(self, financial_status: str) -> None:
        super().__init__(
            f"an order can be REFUNDED only once its payment was captured (PAID or PARTIALLY_REFUNDED); "
            f"its financial status is {financial_status}",
            metadata={"financial_status": financial_status},
        )


class LinesLocked(FailedPrecondition):
    """An order's lines change only before it is confirmed for fulfilment."""

    reason = "LINES_LOCKED"

    def __init__(self, status: str) -> None:
        super().__init__(
            f"the lines of an order change only while it is PENDING or ON_HOLD; it is {status}",
            metadata={"status": status},
        )


class DuplicateRiskListEntry(AlreadyExists):
    reason = "DUPLICATE_RISK_LIST_ENTRY"

    def __init__(self, kind: str, value: str) -> None:
        super().__init__(
            f"the {kind} {value!r} is already on a list of the tenant; delete that entry first",
            metadata={"kind": kind, "value": value},
        )
