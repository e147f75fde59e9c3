"""Builds PrototypeRestService over servicers of the contract built from the same components, so a
prototype call runs the very validation, use case and mapping of the contract's RPC."""

from __future__ import annotations

from typing import TYPE_CHECKING

from server.catalog import wiring as catalog
from server.intelligence import wiring as intelligence
from server.inventory import wiring as inventory
from server.prototype.api import ContractServicers, PrototypeRestServicer
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
        )
    )
