"""The outbox keeps each event's trace context (W3C traceparent), sent with the Kafka record so a consumer
continues the trace of the request that caused the event.

Revision ID: 0008_outbox_traceparent
Revises: 0007_cross_sell_shelf_index
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_outbox_traceparent"
down_revision: str | None = "0007_cross_sell_shelf_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("outbox", sa.Column("traceparent", sa.String(64), nullable=True))


def downgrade() -> None:
    op.drop_column("outbox", "traceparent")
