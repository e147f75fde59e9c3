"""The floor of a read on this stack: grpc.aio on uvloop, one database driver, the tenant scope and the read,
the service's own statement, row and protobuf mapping, and nothing else (no interceptor, authentication,
access log, unit of work, SQLAlchemy execution or use case). `make bench` measures its GetProduct beside the
CRM server's: what the CRM server spends above it is the cost of its machinery; what the floor spends is what
any Python server on grpc.aio pays for the same answer with that driver.

- psycopg (the service's driver): the scope and the read in one pipeline, one round trip, as the service
  sends them (storage/execution.PsycopgSql).
- asyncpg (for comparison; it has no pipeline mode): BEGIN with the scope in one simple-protocol query,
  the prepared read, COMMIT: three round trips.
- cached: psycopg, each product read once and then answered from memory: a read without the database.

    python -m tests.bench.floor_server DATABASE_URL psycopg|asyncpg|cached PORT   # prints the port
"""

from __future__ import annotations

import asyncio
import json
import sys
import uuid
from typing import Any

import asyncpg
import grpc
import psycopg
import uvloop
from psycopg.rows import dict_row
from sqlalchemy.dialects.postgresql import asyncpg as asyncpg_dialect
from sqlalchemy.dialects.postgresql import psycopg as psycopg_dialect
from sqlalchemy.engine import make_url

from crm.v2 import product_service_pb2 as pb
from crm.v2 import product_service_pb2_grpc
from domain.catalog import Product
from server.catalog.proto import product_to_proto

# The service's own statement and row mapping, so that the floor answers exactly what GetProduct answers.
from storage.catalog.repository import _GET, _to_domain
from storage.tenant_walls import TENANT_SETTING
from storage.transactions import scope_settings
from tests.bench.bare_health_server import serve

CONNECTIONS = 16  # the CRM server's call pool in the benchmark


class PsycopgFloor(product_service_pb2_grpc.ProductServiceServicer):
    def __init__(self, connections: asyncio.Queue[psycopg.AsyncConnection[Any]]) -> None:
        self._connections = connections
        self._statement = str(_GET.compile(dialect=psycopg_dialect.dialect()))

    async def GetProduct(self, request: pb.GetProductRequest, context: Any) -> pb.Product:
        product = await self._product(request.tenant_id, uuid.UUID(request.product_id))
        if product is None:
            await context.abort(grpc.StatusCode.NOT_FOUND, "product not found")
        return product_to_proto(product)

    async def _product(self, tenant_id: int, product_id: uuid.UUID) -> Product | None:
        ((scope, scope_values),) = scope_settings(tenant_id, read_only=True)
        connection = await self._connections.get()
        try:
            opening, read = connection.cursor(), connection.cursor(row_factory=dict_row)
            async with connection.pipeline():  # leaving it syncs: one round trip, one implicit transaction
                await opening.execute(scope, scope_values)
                await read.execute(self._statement, {"tenant_id": tenant_id, "id": product_id})
            row = await read.fetchone()
        finally:
            self._connections.put_nowait(connection)
        return _to_domain(row) if row is not None else None


class CachedFloor(PsycopgFloor):
    """Each product read once from the database, then answered from memory, never invalidated: what a read
    costs when it does not go to the database (the bench's reads change nothing)."""

    def __init__(self, connections: asyncio.Queue[psycopg.AsyncConnection[Any]]) -> None:
        super().__init__(connections)
        self._products: dict[tuple[int, uuid.UUID], Product | None] = {}

    async def _product(self, tenant_id: int, product_id: uuid.UUID) -> Product | None:
        key = (tenant_id, product_id)
        if key not in self._products:
            self._products[key] = await super()._product(tenant_id, product_id)
        return self._products[key]


class AsyncpgFloor(product_service_pb2_grpc.ProductServiceServicer):
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool
        compiled = _GET.compile(dialect=asyncpg_dialect.dialect())
        self._statement, self._order = str(compiled), compiled.positiontup or []

    async def GetProduct(self, request: pb.GetProductRequest, context: Any) -> pb.Product:
        params = {"tenant_id": request.tenant_id, "id": uuid.UUID(request.product_id)}
        opening = (
            "BEGIN READ ONLY; SELECT set_config('jit', 'off', true), "
            f"set_config('{TENANT_SETTING}', '{int(request.tenant_id)}', true)"
        )
        async with self._pool.acquire() as connection:
            await connection.execute(opening)
            try:
                row = await connection.fetchrow(self._statement, *(params[name] for name in self._order))
            finally:
                await connection.execute("COMMIT")
        if row is None:
            await context.abort(grpc.StatusCode.NOT_FOUND, "product not found")
        return product_to_proto(_to_domain(row))


async def _json_columns(connection: asyncpg.Connection) -> None:
    for kind in ("json", "jsonb"):
        await connection.set_type_codec(kind, encoder=json.dumps, decoder=json.loads, schema="pg_catalog")


async def floor(database_url: str, driver: str, port: int) -> None:
    url = make_url(database_url)
    servicer: product_service_pb2_grpc.ProductServiceServicer
    if driver == "asyncpg":
        pool = await asyncpg.create_pool(
            host=url.host,
            port=url.port,
            user=url.username,
            password=url.password,
            database=url.database,
            min_size=CONNECTIONS,
            max_size=CONNECTIONS,
            init=_json_columns,
        )
        servicer = AsyncpgFloor(pool)
    else:
        conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
        connections: asyncio.Queue[psycopg.AsyncConnection[Any]] = asyncio.Queue()
        for _ in range(CONNECTIONS):
            connections.put_nowait(await psycopg.AsyncConnection.connect(conninfo, autocommit=True))
        servicer = CachedFloor(connections) if driver == "cached" else PsycopgFloor(connections)
    await serve(
        port, lambda server: product_service_pb2_grpc.add_ProductServiceServicer_to_server(servicer, server)
    )


if __name__ == "__main__":
    uvloop.run(floor(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 0))
