"""Catalog errors that are not plain cases of the shared taxonomy."""

from __future__ import annotations

from domain.errors import AlreadyExists, ErrorKind, FieldViolation, InvalidArgument


class DuplicateSku(AlreadyExists):
    reason = "DUPLICATE_SKU"

    def __init__(self, sku: str) -> None:
        super().__init__(
            f"the tenant already has a product with sku {sku!r}; choose another sku",
            metadata={"sku": sku},
        )


class TooManyProducts(InvalidArgument):
    """More products than one bulk update may touch: RESOURCE_EXHAUSTED, with the field to fix."""

    kind = ErrorKind.RESOURCE_EXHAUSTED
    reason = "TOO_MANY_PRODUCTS"

    def __init__(self, field: str, count: int, limit: int) -> None:
        super().__init__(
            [FieldViolation(field, f"selects {count:,} products; at most {limit:,} per bulk update")],
            message=f"a bulk update may change at most {limit:,} products; narrow the selection",
        )
