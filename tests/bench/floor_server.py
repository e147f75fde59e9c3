"""The floor of a read on this stack: grpc.aio on uvloop, psycopg, one pipelined round trip, the service's own
row and protobuf mapping, and nothing else (no interceptor, authentication, access log, unit of work,
SQLAlchemy execution or use case). `make bench` measures its GetProduct beside the CRM server's: what the
CRM server spends above it is the cost of its machinery; what the floor spends is what any Python server
on grpc.aio and psycopg pays for the same answer.

    python -m tests.bench.floor_server DATABASE_URL PORT    # prints the bound port once serving
"""

from __future__ import annotations

import asyncio
import signal
import sys
import uuid
from typing import Any

import grpc
import psycopg
import uvloop
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from psycopg.rows import dict_row
from sqlalchemy.dialects.postgresql import psycopg as psycopg_dialect
from sqlalchemy.engine import make_url

from crm.v2 import product_service_pb2 as pb
from crm.v2 import product_service_pb2_grpc
from server.catalog.proto import product_to_proto

# The service's own statement and row mapping, so that the floor answers exactly what GetProduct answers.
from storage.catalog.repository import _GET, _to_domain
from storage.transactions import scope_settings

CONNECTIONS = 16  # the CRM server's call pool in the benchmark


class FloorProducts(product_service_pb2_grpc.ProductServiceServicer):
    def __init__(self, connections: asyncio.Queue[psycopg.AsyncConnection[Any]]) -> None:
        self._connections = connections
        compiled = _GET.compile(dialect=psycopg_dialect.dialect())
        self._statement = str(compiled)

    async def GetProduct(self, request: pb.GetProductRequest, context: Any) -> pb.Product:
        product_id = uuid.UUID(request.product_id)
        ((scope, scope_values),) = scope_settings(request.tenant_id, read_only=True)
        connection = await self._connections.get()
        try:
            opening, read = connection.cursor(), connection.cursor(row_factory=dict_row)
            async with connection.pipeline():
                await opening.execute(scope, scope_values)
                await read.execute(self._statement, {"tenant_id": request.tenant_id, "id": product_id})
            row = await read.fetchone()
        finally:
            self._connections.put_nowait(connection)
        if row is None:
            await context.abort(grpc.StatusCode.NOT_FOUND, "product not found")
        return product_to_proto(_to_domain(row))


async def serve(database_url: str, port: int) -> None:
    conninfo = make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)
    connections: asyncio.Queue[psycopg.AsyncConnection[Any]] = asyncio.Queue()
    for _ in range(CONNECTIONS):
        connections.put_nowait(await psycopg.AsyncConnection.connect(conninfo, autocommit=True))
    server = grpc.aio.server()
    checks = health.aio.HealthServicer()
    await checks.set("", health_pb2.HealthCheckResponse.SERVING)
    health_pb2_grpc.add_HealthServicer_to_server(checks, server)
    product_service_pb2_grpc.add_ProductServiceServicer_to_server(FloorProducts(connections), server)
    bound = server.add_insecure_port(f"127.0.0.1:{port}")
    await server.start()
    print(bound, flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    await stop.wait()
    await server.stop(1)


if __name__ == "__main__":
    uvloop.run(serve(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 0))
