"""Leads and the event outbox.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "leads",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("first_name", sa.String(100), nullable=False),
        sa.Column("last_name", sa.String(100), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("phone", sa.String(32), nullable=False),
        sa.Column("company", sa.String(200), nullable=False),
        sa.Column("job_title", sa.String(200), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("priority", sa.String(10), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("score_factors", JSON_DOCUMENT, nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("tags", JSON_DOCUMENT, nullable=False),
        sa.Column("assigned_to", sa.String(200), nullable=False),
        sa.Column("request_id", sa.String(100), nullable=True),
        sa.Column("converted_contact_id", sa.Uuid(), nullable=True),
        sa.Column("converted_deal_id", sa.Uuid(), nullable=True),
        sa.Column("converted_at", TIMESTAMP, nullable=True),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
    )
    op.create_index("ix_leads_tenant_created", "leads", ["tenant_id", "id"])
    op.create_index("ix_leads_tenant_email", "leads", ["tenant_id", "email"])
    op.create_index("ix_leads_tenant_source", "leads", ["tenant_id", "source", "id"])
    op.create_index("ix_leads_tenant_status", "leads", ["tenant_id", "status", "id"])
    op.create_index(
        "uq_leads_tenant_request_id",
        "leads",
        ["tenant_id", "request_id"],
        unique=True,
        postgresql_where=sa.text("request_id IS NOT NULL"),
        sqlite_where=sa.text("request_id IS NOT NULL"),
    )

    op.create_table(
        "outbox",
        sa.Column(
            "seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True, autoincrement=True
        ),
        sa.Column("id", sa.Uuid(), nullable=False, unique=True),
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("aggregate_type", sa.String(40), nullable=False),
        sa.Column("aggregate_id", sa.String(64), nullable=False),
        sa.Column("event_type", sa.String(80), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("occurred_at", TIMESTAMP, nullable=False),
        sa.Column("published_at", TIMESTAMP, nullable=True),
        sa.Column("failed_at", TIMESTAMP, nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("txid", sa.BigInteger(), nullable=True),
    )
    if op.get_bind().dialect.name == "postgresql":
        # Live tails follow transaction ids (see SqlAlchemyOutboxRepository.tail).
        op.alter_column("outbox", "txid", server_default=sa.text("pg_current_xact_id()::text::bigint"))
    op.create_index("ix_outbox_tenant_seq", "outbox", ["tenant_id", "seq"])
    op.create_index("ix_outbox_tenant_type_seq", "outbox", ["tenant_id", "event_type", "seq"])
    op.create_index("ix_outbox_tenant_aggregate_seq", "outbox", ["tenant_id", "aggregate_id", "seq"])
    op.create_index("ix_outbox_tenant_occurred", "outbox", ["tenant_id", "occurred_at"])
    op.create_index("ix_outbox_tenant_txid_seq", "outbox", ["tenant_id", "txid", "seq"])
    op.create_index(
        "ix_outbox_unpublished",
        "outbox",
        ["seq"],
        postgresql_where=sa.text("published_at IS NULL AND failed_at IS NULL"),
        sqlite_where=sa.text("published_at IS NULL AND failed_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_table("outbox")
    op.drop_table("leads")
