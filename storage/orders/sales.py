"""Which order lines count as sales: those of orders not cancelled (`counts_as_sale`), read through the
(tenant_id, product_id, created_at) index of order items."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_

from storage.orders.tables import ORDER_ITEMS


def sales_of(
    tenant_id: int | ColumnElement[Any],
    product_id: uuid.UUID | ColumnElement[Any],
    *,
    since: datetime | ColumnElement[Any] | None = None,
) -> ColumnElement[bool]:
    """The order lines that count as sales of the tenant's product (since `since`, when given). The ids may
    be values, bound parameters or a correlated column."""
    i = ORDER_ITEMS.c
    conditions = [i.tenant_id == tenant_id, i.product_id == product_id]
    if since is not None:
        conditions.append(i.created_at >= since)
    return and_(*conditions, i.counts_as_sale.is_(True))
