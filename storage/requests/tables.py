"""One row per (tenant, create RPC, request_id): the fingerprint of the request that used it first."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base
from storage.types import UTCDateTime


class RequestRow(Base):
    __tablename__ = "request_fingerprints"

    tenant_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    scope: Mapped[str] = mapped_column(String(40), primary_key=True)  # e.g. "orders.create"
    request_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    # SHA-256 of the request message as sent (deterministic serialization), in hex.
    fingerprint: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
