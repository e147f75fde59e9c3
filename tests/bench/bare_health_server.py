"""The Python ceiling of the benchmark: a bare grpc.aio server with nothing but the standard health service
(no interceptor, no authentication, no logging, no database). `make bench` measures this server's health
Check beside the same call on the CRM server, whose difference is the cost of the CRM server's per-call
machinery.

    python -m tests.bench.bare_health_server PORT    # prints the bound port once serving
"""

from __future__ import annotations

import asyncio
import signal
import sys
from collections.abc import Callable

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc


async def serve(port: int, register: Callable[[grpc.aio.Server], None] = lambda server: None) -> None:
    """Serve health, and whatever `register` adds, until SIGTERM; print the bound port once serving."""
    server = grpc.aio.server()
    servicer = health.aio.HealthServicer()
    await servicer.set("", health_pb2.HealthCheckResponse.SERVING)
    health_pb2_grpc.add_HealthServicer_to_server(servicer, server)
    register(server)
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
    asyncio.run(serve(int(sys.argv[1]) if len(sys.argv) > 1 else 0))
