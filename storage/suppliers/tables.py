"""The suppliers table."""

from __future__ import annotations

from sqlalchemy import Boolean, Float, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base, TenantEntity, Timestamps, table_of


class SupplierRow(TenantEntity, Timestamps, Base):
    __tablename__ = "suppliers"

    name: Mapped[str] = mapped_column(String(200), nullable=False)
    marketplace: Mapped[str] = mapped_column(String(20), nullable=False)
    contact_email: Mapped[str] = mapped_column(String(254), nullable=False)
    contact_phone: Mapped[str] = mapped_column(String(32), nullable=False)
    website: Mapped[str] = mapped_column(String(2048), nullable=False)
    rating: Mapped[float | None] = mapped_column(Float)
    lead_time_days: Mapped[int | None] = mapped_column(Integer)
    is_active: Mapped[bool] = mapped_column(Boolean, nullable=False)
    notes: Mapped[str] = mapped_column(Text, nullable=False)

    __table_args__ = (Index("ix_suppliers_tenant_marketplace", "tenant_id", "marketplace", "id"),)


SUPPLIERS = table_of(SupplierRow)
