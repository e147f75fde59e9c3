"""The schema, declared once, one module per area. Every table carries tenant_id and every index leads
with it, except the outbox relay's cross-tenant queue index (the relay publishes all tenants' events in
order). Importing this package registers every table with `Base.metadata`."""

from storage.tables import catalog, crm, leads, orders, outbox, workflows
from storage.tables.base import Base
from storage.tables.leads import LeadRow
from storage.tables.outbox import OutboxRow

__all__ = ["Base", "LeadRow", "OutboxRow", "catalog", "crm", "leads", "orders", "outbox", "workflows"]
