"""The layers of DESIGN.md, enforced: dependencies point inward and engines stay pure."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

# package -> top-level modules it must never import
FORBIDDEN: dict[str, set[str]] = {
    "engines": {
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
    },
    "domain": {"grpc", "google", "sqlalchemy", "aiokafka", "crm", "storage", "server", "clients"},
    "storage": {"grpc", "grpc_status", "google", "crm", "server", "clients", "aiokafka"},
    "server/usecases": {
        "grpc",
        "grpc_status",
        "google",
        "crm",
        "clients",
        "server.rpc",
        "sqlalchemy",
        "psycopg",
    },
    # SQL stays in storage/: the relay and its sink reach the database only through repositories.
    "server/events": {"sqlalchemy", "psycopg", "aiosqlite"},
    "server/rpc": {"sqlalchemy", "storage", "aiokafka", "psycopg", "aiosqlite"},
    "clients": {"engines", "domain", "storage", "server", "sqlalchemy", "aiokafka"},
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def violations(package: str) -> list[str]:
    found = []
    for path in sorted((REPO / package).rglob("*.py")):
        for module in imported_modules(path):
            for banned in FORBIDDEN[package]:
                if module == banned or module.startswith(banned + "."):
                    found.append(f"{path.relative_to(REPO)} imports {module}")
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_layer_imports_only_what_it_may(package):
    assert violations(package) == []


def test_the_checker_notices_a_forbidden_import(tmp_path, monkeypatch):
    bad = tmp_path / "engines"
    bad.mkdir()
    (bad / "leaky.py").write_text("import sqlalchemy\nfrom server.app import CrmServer\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["REPO"]), "REPO", tmp_path)
    assert sorted(violations("engines")) == [
        "engines/leaky.py imports server.app",
        "engines/leaky.py imports sqlalchemy",
    ]
