"""CRM core: contacts, deals and the deals' stage history.

Revision ID: 0003_crm
Revises: 0001
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003_crm"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TIMESTAMP = sa.DateTime(timezone=True)
MONEY = sa.Numeric(14, 2)


def upgrade() -> None:
    op.create_table(
        "contacts",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("first_name", sa.String(100), nullable=False),
        sa.Column("last_name", sa.String(100), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("phone", sa.String(32), nullable=False),
        sa.Column("company", sa.String(200), nullable=False),
        sa.Column("job_title", sa.String(200), nullable=False),
        sa.Column("address", JSON_DOCUMENT, nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("tags", JSON_DOCUMENT, nullable=False),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("source_lead_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.UniqueConstraint("tenant_id", "email", name="uq_contacts_tenant_email"),
    )
    op.create_index("ix_contacts_tenant_created", "contacts", ["tenant_id", "id"])
    op.create_index("ix_contacts_tenant_owner", "contacts", ["tenant_id", "owner", "id"])

    op.create_table(
        "deals",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("amount", MONEY, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("weighted_amount", MONEY, nullable=False),
        sa.Column("stage", sa.String(20), nullable=False),
        sa.Column("probability", sa.Float(), nullable=False),
        sa.Column("expected_close_date", sa.Date(), nullable=True),
        sa.Column("contact_id", sa.Uuid(), nullable=True),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("lead_id", sa.Uuid(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("close_reason", sa.String(1000), nullable=False),
        sa.Column("closed_at", TIMESTAMP, nullable=True),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
    )
    op.create_index("ix_deals_tenant_created", "deals", ["tenant_id", "id"])
    op.create_index("ix_deals_tenant_stage", "deals", ["tenant_id", "stage", "id"])
    op.create_index("ix_deals_tenant_owner", "deals", ["tenant_id", "owner", "id"])
    op.create_index("ix_deals_tenant_contact", "deals", ["tenant_id", "contact_id"])
    op.create_index("ix_deals_tenant_close_date", "deals", ["tenant_id", "expected_close_date"])
    op.create_index("ix_deals_tenant_closed_at", "deals", ["tenant_id", "closed_at"])

    op.create_table(
        "deal_stage_changes",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("deal_id", sa.Uuid(), nullable=False),
        sa.Column("from_stage", sa.String(20), nullable=True),
        sa.Column("to_stage", sa.String(20), nullable=False),
        sa.Column("changed_by", sa.String(200), nullable=False),
        sa.Column("changed_at", TIMESTAMP, nullable=False),
    )
    op.create_index("ix_deal_stage_changes_tenant_deal", "deal_stage_changes", ["tenant_id", "deal_id", "id"])


def downgrade() -> None:
    op.drop_table("deal_stage_changes")
    op.drop_table("deals")
    op.drop_table("contacts")
