"""Every RPC of the contract declares the role it needs (`option (crm.v2.required_role)`), a prototype path
needs its counterpart's, a forgotten declaration fails closed, and roles nest."""

from __future__ import annotations

import importlib
import pkgutil

import crm.v2
from server.edge.roles import (
    ADMIN,
    PROTOTYPE_COUNTERPARTS,
    READER,
    WRITER,
    allows,
    declared_role,
    required_role,
)

PROTOTYPE = "crm.v2.PrototypeRestService"


def contract_methods() -> set[str]:
    return {
        f"/{service.full_name}/{method.name}"
        for module in pkgutil.iter_modules(crm.v2.__path__)
        if module.name.endswith("_pb2")
        for service in importlib.import_module(f"crm.v2.{module.name}").DESCRIPTOR.services_by_name.values()
        for method in service.methods
    }


def test_every_rpc_of_the_contract_declares_its_role():
    undeclared = {
        m for m in contract_methods() if not m.startswith(f"/{PROTOTYPE}/") and not declared_role(m)
    }
    assert undeclared == set()


def test_every_prototype_path_needs_the_role_of_the_contract_rpc_it_answers_through():
    prototype = {m for m in contract_methods() if m.startswith(f"/{PROTOTYPE}/")}
    assert set(PROTOTYPE_COUNTERPARTS) == prototype
    for path, counterpart in PROTOTYPE_COUNTERPARTS.items():
        assert declared_role(counterpart) is not None
        assert required_role(path) == required_role(counterpart)


def test_reads_need_a_reader_and_the_operators_report_an_admin():
    reads = {m for m in contract_methods() if m.rsplit("/", 1)[1].startswith(("Get", "List", "Watch"))}
    assert {m for m in reads if required_role(m) != READER} == {
        "/crm.v2.SystemService/GetHealth",
        f"/{PROTOTYPE}/GetPrototypeHealth",
    }
    assert required_role("/crm.v2.SystemService/GetHealth") == ADMIN
    assert required_role("/crm.v2.OrderService/CreateOrder") == WRITER
    assert required_role("/crm.v2.ProductService/BulkUpdateProducts") == ADMIN


def test_a_method_the_contract_does_not_declare_needs_an_admin():
    assert required_role("/crm.v2.OrderService/NoSuchMethod") == ADMIN
    assert required_role("/crm.v3.Elsewhere/Anything") == ADMIN


def test_roles_nest_and_unknown_roles_grant_nothing():
    assert allows(frozenset({ADMIN}), WRITER) and allows(frozenset({WRITER}), READER)
    assert not allows(frozenset({READER}), WRITER) and not allows(frozenset({"superuser"}), READER)
    assert not allows(frozenset(), READER)
