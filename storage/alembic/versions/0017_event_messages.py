"""The outbox keeps each event's message in protobuf's binary form beside its JSON.

ListEvents and WatchEvents answer an event as a google.protobuf.Any, which is the binary form: parsing the
stored JSON back into the message cost 80 µs of pure Python per lead.created (more for an order), most of a
ListEvents page's CPU. The JSON stays what the relay publishes; the binary is what readers pack. Rows
written before this revision have none and are parsed from their JSON as before.

Revision ID: 0017_event_messages
Revises: 0016_dropship_lines
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017_event_messages"
down_revision: str | None = "0016_dropship_lines"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("outbox", sa.Column("message", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("message")
