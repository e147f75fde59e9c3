"""The transactional outbox of domain events."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Index, LargeBinary, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import BigInteger, Integer, Uuid

from storage.base import Base
from storage.types import BigIntPrimaryKey, UTCDateTime


class OutboxRow(Base):
    """One domain event waiting for (or done with) publication. `seq` orders the relay's queue."""

    __tablename__ = "outbox"

    seq: Mapped[int] = mapped_column(BigIntPrimaryKey, primary_key=True, autoincrement=True)
    id: Mapped[uuid.UUID] = mapped_column(Uuid, nullable=False, unique=True)
    tenant_id: Mapped[int] = mapped_column(BigInteger, nullable=False)
    aggregate_type: Mapped[str] = mapped_column(String(40), nullable=False)
    aggregate_id: Mapped[str] = mapped_column(String(64), nullable=False)
    event_type: Mapped[str] = mapped_column(String(80), nullable=False)
    # The event message in proto3 JSON, exactly as published.
    payload: Mapped[str] = mapped_column(Text, nullable=False)
    # The same message in protobuf's binary form, which readers pack as an Any without parsing (None on
    # rows written before revision 0017).
    message: Mapped[bytes | None] = mapped_column(LargeBinary)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Set when Kafka refused the event for good (too large, invalid topic): out of the queue, kept.
    failed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # PostgreSQL: the writing transaction's id (a column default), which orders live tails.
    txid: Mapped[int | None] = mapped_column(BigInteger)
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    # W3C traceparent of the request that recorded the event, so consumers continue its trace.
    traceparent: Mapped[str | None] = mapped_column(String(64))
    last_error: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index("ix_outbox_tenant_seq", "tenant_id", "seq"),
        Index("ix_outbox_tenant_type_seq", "tenant_id", "event_type", "seq"),
        Index("ix_outbox_tenant_aggregate_seq", "tenant_id", "aggregate_id", "seq"),
        Index("ix_outbox_tenant_occurred", "tenant_id", "occurred_at"),
        Index("ix_outbox_tenant_txid_seq", "tenant_id", "txid", "seq"),
        # The relay's queue: small because published rows leave it.
        Index(
            "ix_outbox_unpublished",
            "seq",
            postgresql_where=text("published_at IS NULL AND failed_at IS NULL"),
            sqlite_where=text("published_at IS NULL AND failed_at IS NULL"),
        ),
    )
