"""Every RPC of the contract has a `google.api.http` binding (the one source of the REST gateway's paths and
of its OpenAPI document), and every binding is one the gateway can serve: its path variables and body name
fields of the request, and no two bindings claim the same verb and path.

An RPC added without a binding fails here by name: the gateway would not serve it."""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator

from google.api import annotations_pb2, http_pb2
from google.protobuf.descriptor import Descriptor, MethodDescriptor

import crm.v2

VERBS = ("get", "put", "post", "delete", "patch")
# The contract's own paths are AIP style under the tenant; the prototype's paths belong to its service only.
CONTRACT_PREFIX = "/v2/tenants/{tenant_id}/"
PROTOTYPE_SERVICE = "crm.v2.PrototypeRestService"


def contract_methods() -> Iterator[MethodDescriptor]:
    for module in pkgutil.iter_modules(crm.v2.__path__):
        if module.name.endswith("_pb2"):
            for service in importlib.import_module(
                f"crm.v2.{module.name}"
            ).DESCRIPTOR.services_by_name.values():
                yield from service.methods


def bindings(method: MethodDescriptor) -> list[http_pb2.HttpRule]:
    rule = method.GetOptions().Extensions[annotations_pb2.http]
    return [rule, *rule.additional_bindings] if rule.WhichOneof("pattern") else []


def verb_and_path(rule: http_pb2.HttpRule) -> tuple[str, str]:
    verb = rule.WhichOneof("pattern")
    assert verb in VERBS, f"unsupported pattern {verb}"
    return verb, getattr(rule, verb)


def has_field(message: Descriptor, dotted: str) -> bool:
    head, _, rest = dotted.partition(".")
    field = message.fields_by_name.get(head)
    if field is None:
        return False
    if not rest:
        return True
    return field.message_type is not None and has_field(field.message_type, rest)


def test_every_rpc_of_the_contract_has_an_http_binding():
    missing = sorted(m.full_name for m in contract_methods() if not bindings(m))
    assert missing == [], f"add a google.api.http option to: {missing}"


def test_path_variables_and_bodies_name_fields_of_the_request():
    wrong = []
    for method in contract_methods():
        for rule in bindings(method):
            _, path = verb_and_path(rule)
            for variable in re.findall(r"{([^}=]+)", path):
                if not has_field(method.input_type, variable):
                    wrong.append(f"{method.full_name}: {path} names {variable}")
            if rule.body not in ("", "*") and not has_field(method.input_type, rule.body):
                wrong.append(f"{method.full_name}: body {rule.body}")
    assert wrong == []


def test_no_two_bindings_share_a_verb_and_path():
    seen: dict[tuple[str, str], str] = {}
    clashes = []
    for method in contract_methods():
        for rule in bindings(method):
            verb, path = verb_and_path(rule)
            shape = (verb, re.sub(r"{[^}]+}", "{}", path))
            if shape in seen:
                clashes.append(f"{verb} {path}: {seen[shape]} and {method.full_name}")
            seen[shape] = method.full_name
    assert clashes == []


def test_the_contract_lives_under_the_tenant_and_the_prototype_paths_in_their_own_service():
    misplaced = [
        f"{method.full_name}: {path}"
        for method in contract_methods()
        for _, path in map(verb_and_path, bindings(method))
        if (method.containing_service.full_name == PROTOTYPE_SERVICE) == path.startswith("/v2/")
        or (method.containing_service.full_name != PROTOTYPE_SERVICE and not path.startswith(CONTRACT_PREFIX))
    ]
    assert misplaced == []


def test_reads_are_gets_and_gets_carry_no_body():
    for method in contract_methods():
        for rule in bindings(method):
            verb, _ = verb_and_path(rule)
            if method.name.startswith(("Get", "List", "Watch")):
                assert verb == "get", method.full_name
            if verb in ("get", "delete"):
                assert rule.body == "", method.full_name


# The prototype's endpoints, as its README lists them (SPEC.md section 2 maps the same 30).
PROTOTYPE_ENDPOINTS = {
    ("get", "/health"),
    ("post", "/leads"),
    ("get", "/leads"),
    ("get", "/leads/{lead_id}"),
    ("get", "/analytics/leads"),
    ("post", "/products"),
    ("get", "/products"),
    ("get", "/products/{product_id}"),
    ("put", "/products/{product_id}"),
    ("delete", "/products/{product_id}"),
    ("post", "/products/bulk-update"),
    ("post", "/orders"),
    ("get", "/orders"),
    ("get", "/orders/{order_id}"),
    ("put", "/orders/{order_id}"),
    ("get", "/inventory"),
    ("put", "/inventory/{product_id}"),
    ("post", "/inventory/{product_id}/optimize"),
    ("get", "/analytics/inventory-alerts"),
    ("post", "/suppliers"),
    ("get", "/suppliers"),
    ("post", "/products/{product_id}/recommendations"),
    ("post", "/products/{product_id}/marketing-strategy"),
    ("post", "/products/{product_id}/cross-sell"),
    ("post", "/products/{product_id}/optimize-pricing"),
    ("post", "/ai-workflows/product-classification/{product_id}"),
    ("get", "/ai-workflows/{workflow_id}"),
    ("get", "/analytics/dashboard"),
    ("post", "/analytics/bulk-pricing-optimization"),
    ("get", "/events"),
}


def test_every_endpoint_of_the_prototype_has_its_path_and_verb():
    served = {
        verb_and_path(rule)
        for method in contract_methods()
        if method.containing_service.full_name == PROTOTYPE_SERVICE
        for rule in bindings(method)
    }
    assert len(PROTOTYPE_ENDPOINTS) == 30
    assert served == PROTOTYPE_ENDPOINTS


def test_the_gateway_registers_every_service_of_the_contract():
    """A service the gateway does not register has bindings and no REST paths; its handlers are generated
    per service, so deploy/gateway/main.go names each one."""
    from pathlib import Path

    main_go = (Path(__file__).resolve().parents[3] / "deploy" / "gateway" / "main.go").read_text()
    registered = set(re.findall(r"crmv2\.Register(\w+)Handler", main_go))
    services = {m.containing_service.name for m in contract_methods()}
    assert services - registered == set(), "add their Register<Service>Handler to deploy/gateway/main.go"
