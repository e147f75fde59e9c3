"""Builds PrototypeRestService over servicers of the contract built from the same components, so a
prototype call runs the very validation, use case and mapping of the contract's RPC."""

from __future__ import annotations

from typing import TYPE_CHECKING

from server.analytics import wiring as analytics
from server.catalog import wiring as catalog
from server.events import wiring as events
from server.intelligence import wiring as intelligence
from server.inventory import wiring as inventory
from server.leads import wiring as leads
from server.orders import wiring as orders
from server.prototype.api import ContractServicers, PrototypeRestServicer
from server.suppliers import wiring as suppliers
from server.system import wiring as system
from server.workflows import wiring as workflows

if TYPE_CHECKING:
    from server.bootstrap import Components


def build(c: Components) -> PrototypeRestServicer:
    return PrototypeRestServicer(
        ContractServicers(
            system=system.build(c),
            products=catalog.build(c),
            intelligence=intelligence.build(c),
            inventory=inventory.build(c),
            workflows=workflows.build(c),
            leads=leads.build(c),
            orders=orders.build(c),
            suppliers=suppliers.build(c),
            analytics=analytics.build(c),
            events=events.build(c),
        )
    )
