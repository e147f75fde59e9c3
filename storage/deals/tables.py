"""Deal tables: deals and their stage history."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, Float, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import Uuid

from storage.base import Base, TenantEntity, Timestamps
from storage.types import MONEY, UTCDateTime


class DealRow(TenantEntity, Timestamps, Base):
    __tablename__ = "deals"

    title: Mapped[str] = mapped_column(String(200), nullable=False)
    amount: Mapped[Decimal] = mapped_column(MONEY, nullable=False)
    currency: Mapped[str] = mapped_column(String(3), nullable=False)
    # amount x probability at the cent, kept with the row so that pipeline sums add up the shown values.
    weighted_amount: Mapped[Decimal] = mapped_column(MONEY, nullable=False)
    stage: Mapped[str] = mapped_column(String(20), nullable=False)
    probability: Mapped[float] = mapped_column(Float, nullable=False)
    expected_close_date: Mapped[date | None] = mapped_column(Date)
    contact_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    owner: Mapped[str] = mapped_column(String(200), nullable=False)
    lead_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    notes: Mapped[str] = mapped_column(Text, nullable=False)
    close_reason: Mapped[str] = mapped_column(String(1000), nullable=False)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        Index("ix_deals_tenant_stage", "tenant_id", "stage", "id"),
        Index("ix_deals_tenant_owner", "tenant_id", "owner", "id"),
        Index("ix_deals_tenant_contact", "tenant_id", "contact_id"),
        Index("ix_deals_tenant_close_date", "tenant_id", "expected_close_date"),
        Index("ix_deals_tenant_closed_at", "tenant_id", "closed_at"),
    )


class DealStageChangeRow(TenantEntity, Base):
    __tablename__ = "deal_stage_changes"

    deal_id: Mapped[uuid.UUID] = mapped_column(Uuid, nullable=False)
    from_stage: Mapped[str | None] = mapped_column(String(20))
    to_stage: Mapped[str] = mapped_column(String(20), nullable=False)
    changed_by: Mapped[str] = mapped_column(String(200), nullable=False)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)

    __table_args__ = (Index("ix_deal_stage_changes_tenant_deal", "tenant_id", "deal_id", "id"),)
