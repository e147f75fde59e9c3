"""What each request_id was first used for, so that reusing it with another request is refused
(REQUEST_ID_REUSED) instead of silently answering the first result.

Revision ID: 0009_request_fingerprints
Revises: 0008_outbox_traceparent
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_request_fingerprints"
down_revision: str | None = "0008_outbox_traceparent"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "request_fingerprints",
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("scope", sa.String(40), nullable=False),
        sa.Column("request_id", sa.String(100), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("tenant_id", "scope", "request_id"),
    )


def downgrade() -> None:
    op.drop_table("request_fingerprints")
