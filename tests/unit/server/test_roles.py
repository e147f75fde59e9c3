"""Every RPC of the contract has a role decided in server/edge/roles.py, and roles nest."""

from __future__ import annotations

import importlib
import pkgutil

import crm.v2
from server.edge.roles import ADMIN, READER, REQUIRED_ROLE, WRITER, allows


def contract_methods() -> set[str]:
    return {
        f"/{service.full_name}/{method.name}"
        for module in pkgutil.iter_modules(crm.v2.__path__)
        if module.name.endswith("_pb2")
        for service in importlib.import_module(f"crm.v2.{module.name}").DESCRIPTOR.services_by_name.values()
        for method in service.methods
    }


def test_every_rpc_of_the_contract_has_exactly_its_role():
    assert set(REQUIRED_ROLE) == contract_methods()


def test_roles_nest_and_unknown_roles_grant_nothing():
    assert allows(frozenset({ADMIN}), WRITER) and allows(frozenset({WRITER}), READER)
    assert not allows(frozenset({READER}), WRITER) and not allows(frozenset({"superuser"}), READER)
    assert not allows(frozenset(), READER)
