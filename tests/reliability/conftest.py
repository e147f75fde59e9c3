"""A PostgreSQL server of the test's own, so pausing or stopping it disturbs no other test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import unavailable
from tests.support.postgres import PostgresServer, find_postgres_bin_dir


@pytest.fixture
def private_postgres(tmp_path: Path) -> Iterator[PostgresServer]:
    if find_postgres_bin_dir() is None:
        unavailable("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    server = PostgresServer.start(tmp_path / "pg")
    try:
        yield server
    finally:
        server.stop()
