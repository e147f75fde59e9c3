"""Leads."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Float, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import Uuid

from storage.base import Base, TenantEntity, Timestamps, unique_request_id_index
from storage.types import JsonDocument, UTCDateTime


class LeadRow(TenantEntity, Timestamps, Base):
    __tablename__ = "leads"

    first_name: Mapped[str] = mapped_column(String(100), nullable=False)
    last_name: Mapped[str] = mapped_column(String(100), nullable=False)
    email: Mapped[str] = mapped_column(String(254), nullable=False)
    phone: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    company: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    job_title: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    source: Mapped[str] = mapped_column(String(20), nullable=False)
    priority: Mapped[str] = mapped_column(String(10), nullable=False)
    score: Mapped[float] = mapped_column(Float, nullable=False)
    score_factors: Mapped[list[dict[str, Any]]] = mapped_column(JsonDocument, nullable=False)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    tags: Mapped[list[str]] = mapped_column(JsonDocument, nullable=False)
    assigned_to: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    request_id: Mapped[str | None] = mapped_column(String(100))
    converted_contact_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    converted_deal_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    converted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        Index("ix_leads_tenant_status", "tenant_id", "status", "id"),
        # Covering on PostgreSQL: the dashboard's lead figures never touch the table.
        Index(
            "ix_leads_tenant_status_cover",
            "tenant_id",
            "status",
            postgresql_include=["score", "converted_at", "created_at"],
        ),
        Index("ix_leads_tenant_source", "tenant_id", "source", "id"),
        Index("ix_leads_tenant_email", "tenant_id", "email"),
        unique_request_id_index("leads"),
    )
