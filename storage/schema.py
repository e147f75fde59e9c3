"""The schema, declared once, one tables module per area. Every table carries tenant_id and every index
leads with it, except the outbox relay's cross-tenant queue index (the relay publishes all tenants' events
in order). Importing this module registers every table with `Base.metadata`."""

from storage.base import Base
from storage.catalog import tables as catalog
from storage.contacts import tables as contacts
from storage.deals import tables as deals
from storage.inventory import tables as inventory
from storage.leads import tables as leads
from storage.orders import tables as orders
from storage.outbox import tables as outbox
from storage.purchasing import tables as purchasing
from storage.requests import tables as requests
from storage.sourcing import tables as sourcing
from storage.suppliers import tables as suppliers
from storage.supply import tables as supply
from storage.workflows import tables as workflows

__all__ = [
    "Base",
    "catalog",
    "contacts",
    "deals",
    "inventory",
    "leads",
    "orders",
    "outbox",
    "purchasing",
    "requests",
    "sourcing",
    "suppliers",
    "supply",
    "workflows",
]
