"""grpc.health.v1 as orchestrators read it.

- The overall service `""` is **liveness**: SERVING while the process runs and its event loop answers; it
  turns NOT_SERVING only at shutdown. A database outage never fails it, so an outage does not restart pods.
- Each `crm.v2.*` service name is **readiness**: SERVING once migrations are applied and while the database
  answers; NOT_SERVING during an outage and from the start of shutdown, so a load balancer stops sending
  calls while the listener is still open (SHUTDOWN_DRAIN_SECONDS).
- Watch streams end when the server stops, instead of holding its grace period open.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Any

from grpc_health.v1 import health, health_pb2

SERVING = health_pb2.HealthCheckResponse.SERVING
NOT_SERVING = health_pb2.HealthCheckResponse.NOT_SERVING


class Health(health.aio.HealthServicer):
    def __init__(self, readiness: Iterable[str]) -> None:
        super().__init__()
        self.readiness = tuple(readiness)
        self._closing = asyncio.Event()

    async def ready(self, ready: bool) -> None:
        for name in self.readiness:
            await self.set(name, SERVING if ready else NOT_SERVING)

    async def Watch(self, request: health_pb2.HealthCheckRequest, context: Any) -> None:
        watching = asyncio.ensure_future(super().Watch(request, context))
        closing = asyncio.ensure_future(self._closing.wait())
        try:
            await asyncio.wait({watching, closing}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (watching, closing):
                task.cancel()
            ended, _ = await asyncio.gather(watching, closing, return_exceptions=True)
        if isinstance(ended, Exception):  # the stream failed by itself (e.g. the peer went away)
            raise ended

    def close_watches(self) -> None:
        """End every open Watch stream (they have seen NOT_SERVING by then)."""
        self._closing.set()
