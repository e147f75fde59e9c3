"""The layers and areas of DESIGN.md, enforced: dependencies point inward, engines stay pure, and every area
has the same files in the same roles (docs/layout.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

# The areas: one package under server/ each, and one under storage/ for those that own tables.
AREAS = (
    "leads",
    "contacts",
    "deals",
    "catalog",
    "suppliers",
    "supply",
    "purchasing",
    "orders",
    "inventory",
    "sourcing",
    "intelligence",
    "workflows",
    "analytics",
    "events",
    "system",
    "prototype",
)
# Every server area has these; `requests.py` and `proto.py` where its RPCs take or give more than ids.
AREA_FILES = ("api.py", "usecases.py", "wiring.py")
# The gRPC edge of an area: protobuf in, domain out, and back. No storage, no SQL.
EDGE_FILES = {"api.py", "requests.py", "proto.py", "fields.py"}

ENGINE_BANS = {
    "grpc",
    "grpc_status",
    "google",
    "sqlalchemy",
    "asyncio",
    "aiokafka",
    "crm",
    "storage",
    "server",
    "domain",
    "clients",
    "httpx",
    "psycopg",
    "aiosqlite",
    "alembic",
    "random",
    "time",
}
DOMAIN_BANS = {"grpc", "google", "sqlalchemy", "aiokafka", "crm", "storage", "server", "clients"}
STORAGE_BANS = {"grpc", "grpc_status", "google", "crm", "server", "clients", "aiokafka"}
# Use cases, ports and the rest of an area's core: engines, agents, and storage only through the area's
# ports (the composition root hands them the SQLAlchemy unit of work); never protobuf, the edge or SQL.
CORE_BANS = {
    "grpc",
    "grpc_status",
    "google",
    "crm",
    "clients",
    "sqlalchemy",
    "psycopg",
    "server.edge",
    "storage",
}
EDGE_BANS = {"sqlalchemy", "storage", "aiokafka", "psycopg", "aiosqlite"}
# SQL stays in storage/: the relay and its sink reach the database only through repositories.
EVENTS_MACHINERY_BANS = {"sqlalchemy", "psycopg", "aiosqlite"}
CLIENT_BANS = {"engines", "domain", "storage", "server", "sqlalchemy", "aiokafka"}


def imported_modules(path: Path, *, with_names: bool = False) -> set[str]:
    """The modules the file imports, at run time or for its types alone; `with_names` adds `a.b` for each
    `from a import b` (the module a.b where b is one)."""
    tree = ast.parse(path.read_text(), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            if with_names:
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def edge_modules() -> set[str]:
    return {f"server.{area}.{name.removesuffix('.py')}" for area in AREAS for name in EDGE_FILES}


def bans_for(path: Path) -> set[str]:
    """The modules a file may not import, by its layer and, inside an area, by its role."""
    rel = path.relative_to(REPO)
    top, rest = rel.parts[0], rel.parts[1:]
    if top == "engines":
        return ENGINE_BANS
    if top == "domain":
        return DOMAIN_BANS
    if top == "storage":
        return STORAGE_BANS
    if top == "clients":
        return CLIENT_BANS
    if top == "server" and len(rest) == 2 and rest[0] in AREAS:
        name = rest[1]
        if name == "wiring.py" or name == "__init__.py":
            return set()
        if name in EDGE_FILES:
            return EDGE_BANS
        if rest[0] == "events" and name not in ("usecases.py", "ports.py"):
            return EVENTS_MACHINERY_BANS  # the outbox relay, the Kafka sink and the event serialisation
        return CORE_BANS | edge_modules()
    return set()


def violations(root: str) -> list[str]:
    found = []
    for path in sorted((REPO / root).rglob("*.py")):
        bans = bans_for(path)
        for module in imported_modules(path):
            for banned in bans:
                if module == banned or module.startswith(banned + "."):
                    found.append(f"{path.relative_to(REPO)} imports {module}")
    return found


@pytest.mark.parametrize("root", ["engines", "domain", "storage", "server", "clients"])
def test_each_layer_and_role_imports_only_what_it_may(root):
    assert violations(root) == []


@pytest.mark.parametrize("area", AREAS)
def test_every_area_has_the_same_files(area):
    package = REPO / "server" / area
    assert sorted(name for name in AREA_FILES if not (package / name).exists()) == []


def test_no_servicers_or_use_cases_outside_the_areas():
    leftovers = [p for p in ("server/rpc", "server/usecases", "storage/repositories", "storage/tables")]
    assert [p for p in leftovers if (REPO / p).exists()] == []


def import_graph(roots: tuple[str, ...]) -> dict[str, set[str]]:
    """Each module of the roots -> the modules of the roots it imports."""
    modules = {
        ".".join(path.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__"): path
        for root in roots
        for path in (REPO / root).rglob("*.py")
    }
    return {
        module: {
            name for name in imported_modules(path, with_names=True) if name in modules and name != module
        }
        for module, path in modules.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in sorted(graph[module]):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_no_two_modules_import_each_other_even_for_their_types_alone():
    """A cycle hidden behind TYPE_CHECKING is still two modules that cannot be understood apart."""
    assert cycles(import_graph(("engines", "domain", "storage", "server", "clients"))) == []


def test_the_cycle_finder_finds_a_cycle_of_three():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_the_checker_notices_a_forbidden_import(tmp_path, monkeypatch):
    (tmp_path / "engines").mkdir()
    (tmp_path / "engines" / "leaky.py").write_text("import sqlalchemy\nfrom server.app import CrmServer\n")
    (tmp_path / "server" / "orders").mkdir(parents=True)
    (tmp_path / "server" / "orders" / "usecases.py").write_text(
        "from crm.v2 import order_service_pb2\nfrom server.orders.proto import order_to_proto\n"
    )
    (tmp_path / "server" / "orders" / "api.py").write_text("from storage.orders.repository import X\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["REPO"]), "REPO", tmp_path)
    assert sorted(violations("engines")) == [
        "engines/leaky.py imports server.app",
        "engines/leaky.py imports sqlalchemy",
    ]
    assert sorted(violations("server")) == [
        "server/orders/api.py imports storage.orders.repository",
        "server/orders/usecases.py imports crm.v2",
        "server/orders/usecases.py imports server.orders.proto",
    ]
