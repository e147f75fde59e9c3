"""The contacts table: one row per person, email unique per tenant."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import Uuid

from storage.base import Base, TenantEntity, Timestamps
from storage.types import JsonDocument


class ContactRow(TenantEntity, Timestamps, Base):
    __tablename__ = "contacts"

    first_name: Mapped[str] = mapped_column(String(100), nullable=False)
    last_name: Mapped[str] = mapped_column(String(100), nullable=False)
    # Stored lower-cased: uniqueness and lookups are case-insensitive.
    email: Mapped[str] = mapped_column(String(254), nullable=False)
    phone: Mapped[str] = mapped_column(String(32), nullable=False)
    company: Mapped[str] = mapped_column(String(200), nullable=False)
    job_title: Mapped[str] = mapped_column(String(200), nullable=False)
    address: Mapped[dict[str, Any] | None] = mapped_column(JsonDocument)
    notes: Mapped[str] = mapped_column(Text, nullable=False)
    tags: Mapped[list[str]] = mapped_column(JsonDocument, nullable=False)
    owner: Mapped[str] = mapped_column(String(200), nullable=False)
    source_lead_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)

    __table_args__ = (
        UniqueConstraint("tenant_id", "email", name="uq_contacts_tenant_email"),
        Index("ix_contacts_tenant_owner", "tenant_id", "owner", "id"),
    )
