"""Workflow tables: durable AI workflows (the intelligence issue).

A workflow is one row. Runners claim it (PENDING, or RUNNING with an expired lease after a crash) with a
conditional UPDATE; every later transition is guarded by `state`, `lease_owner` and `attempts`, so one
attempt completes a workflow at most once. The partial queue index holds only unfinished rows."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Float, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import Uuid

from storage.base import Base, TenantEntity, Timestamps, table_of, tenant_reference
from storage.types import JsonDocument, UTCDateTime

UNFINISHED = "state IN ('pending', 'running')"


class WorkflowRow(TenantEntity, Timestamps, Base):
    __tablename__ = "workflows"

    type: Mapped[str] = mapped_column(String(30), nullable=False)
    state: Mapped[str] = mapped_column(String(12), nullable=False)
    product_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    progress: Mapped[float] = mapped_column(Float, nullable=False)
    step: Mapped[str] = mapped_column(String(200), nullable=False)
    attempts: Mapped[int] = mapped_column(Integer, nullable=False)
    max_attempts: Mapped[int] = mapped_column(Integer, nullable=False)
    params: Mapped[dict[str, Any]] = mapped_column(JsonDocument, nullable=False)
    result: Mapped[dict[str, Any] | None] = mapped_column(JsonDocument)
    source: Mapped[str | None] = mapped_column(String(10))
    error_code: Mapped[str | None] = mapped_column(String(40))
    error_message: Mapped[str | None] = mapped_column(String(1000))
    # The runner holding the current attempt and until when; an expired lease may be taken over.
    lease_owner: Mapped[str | None] = mapped_column(String(100))
    lease_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Not claimed before this time (retry backoff).
    available_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        tenant_reference("product_id", "products", name="fk_workflows_tenant_product"),
        Index("ix_workflows_tenant_type", "tenant_id", "type", "id"),
        Index("ix_workflows_tenant_product", "tenant_id", "product_id", "type", "state"),
        Index(
            "ix_workflows_tenant_unfinished",
            "tenant_id",
            "available_at",
            postgresql_where=text(UNFINISHED),
            sqlite_where=text(UNFINISHED),
        ),
    )


WORKFLOWS = table_of(WorkflowRow)
