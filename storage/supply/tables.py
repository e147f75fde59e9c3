"""The supplier offers table: what one supplier asks for one product."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import Uuid

from storage.base import Base, TenantEntity, Timestamps, table_of, tenant_reference, unique_request_id_index
from storage.types import MONEY


class SupplierOfferRow(TenantEntity, Timestamps, Base):
    __tablename__ = "supplier_offers"

    product_id: Mapped[uuid.UUID] = mapped_column(Uuid, nullable=False)
    supplier_id: Mapped[uuid.UUID] = mapped_column(Uuid, nullable=False)
    supplier_sku: Mapped[str] = mapped_column(String(100), nullable=False)
    marketplace: Mapped[str] = mapped_column(String(20), nullable=False)
    listing_url: Mapped[str] = mapped_column(String(2048), nullable=False)
    currency: Mapped[str] = mapped_column(String(3), nullable=False)
    unit_cost: Mapped[Decimal] = mapped_column(MONEY, nullable=False)
    shipping_cost: Mapped[Decimal] = mapped_column(MONEY, nullable=False)
    min_order_quantity: Mapped[int] = mapped_column(Integer, nullable=False)
    lead_time_days: Mapped[int | None] = mapped_column(Integer)
    supplier_stock: Mapped[int | None] = mapped_column(Integer)
    is_active: Mapped[bool] = mapped_column(Boolean, nullable=False)
    request_id: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (
        tenant_reference("product_id", "products", name="fk_supplier_offers_tenant_product"),
        tenant_reference("supplier_id", "suppliers", name="fk_supplier_offers_tenant_supplier"),
        CheckConstraint("unit_cost >= 0", name="ck_supplier_offers_unit_cost_non_negative"),
        CheckConstraint("shipping_cost >= 0", name="ck_supplier_offers_shipping_cost_non_negative"),
        CheckConstraint("min_order_quantity >= 1", name="ck_supplier_offers_moq_positive"),
        Index("ix_supplier_offers_tenant_created", "tenant_id", "id"),
        Index("ix_supplier_offers_tenant_product", "tenant_id", "product_id", "id"),
        Index("ix_supplier_offers_tenant_supplier", "tenant_id", "supplier_id", "id"),
        unique_request_id_index("supplier_offers"),
    )


SUPPLIER_OFFERS = table_of(SupplierOfferRow)
