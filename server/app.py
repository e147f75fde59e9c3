"""The gRPC server's lifecycle: migrate, serve every crm.v2 service with health and reflection, run the
relay, and drain gracefully on shutdown."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from collections.abc import Callable
from types import ModuleType

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection

from crm.v2 import (
    analytics_service_pb2_grpc,
    contact_service_pb2_grpc,
    deal_service_pb2_grpc,
    event_service_pb2_grpc,
    intelligence_service_pb2_grpc,
    inventory_service_pb2_grpc,
    lead_service_pb2_grpc,
    order_service_pb2_grpc,
    product_service_pb2_grpc,
    supplier_service_pb2_grpc,
    system_service_pb2_grpc,
    workflow_service_pb2_grpc,
)
from domain.clock import utcnow
from server.bootstrap import Components, build
from server.catalog_wiring import product_servicer, supplier_servicer
from server.config import Settings
from server.crm_wiring import analytics_servicer, contact_servicer, deal_servicer, lead_servicer
from server.intelligence_wiring import intelligence_servicer, workflow_servicer
from server.orders_wiring import inventory_servicer, order_servicer
from server.rpc.events import EventServicer
from server.rpc.system import SystemServicer
from storage.migrations import upgrade_to_head

logger = logging.getLogger(__name__)

DATABASE_CHECK_SECONDS = 5.0

ServicerFactory = Callable[[Components], object]


# Every service of the contract: its grpc module, its name, and how to build its servicer from the
# components. A service without a factory is still served and reflected, answering UNIMPLEMENTED.
SERVICES: tuple[tuple[ModuleType, str, ServicerFactory | None], ...] = (
    (lead_service_pb2_grpc, "LeadService", lead_servicer),
    (event_service_pb2_grpc, "EventService", lambda c: EventServicer(c.events)),
    (system_service_pb2_grpc, "SystemService", lambda c: SystemServicer(c.system)),
    (contact_service_pb2_grpc, "ContactService", contact_servicer),
    (deal_service_pb2_grpc, "DealService", deal_servicer),
    (product_service_pb2_grpc, "ProductService", product_servicer),
    (supplier_service_pb2_grpc, "SupplierService", supplier_servicer),
    (order_service_pb2_grpc, "OrderService", order_servicer),
    (inventory_service_pb2_grpc, "InventoryService", inventory_servicer),
    (intelligence_service_pb2_grpc, "IntelligenceService", intelligence_servicer),
    (workflow_service_pb2_grpc, "WorkflowService", workflow_servicer),
    (analytics_service_pb2_grpc, "AnalyticsService", analytics_servicer),
)


def service_names() -> list[str]:
    return [f"crm.v2.{name}" for _, name, _ in SERVICES]


class CrmServer:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.components: Components = build(settings, started_at=utcnow())
        self.health = health.aio.HealthServicer()
        self.port: int | None = None
        self._server: grpc.aio.Server | None = None
        self._monitor: asyncio.Task[None] | None = None

    async def start(self, *, migrate: bool = True) -> int:
        """Migrate (unless a supervisor did), bind and start serving; returns the bound port."""
        if migrate:
            await asyncio.to_thread(upgrade_to_head, self.settings.database_url)
        server = grpc.aio.server(
            interceptors=[self.components.interceptor],
            options=[
                ("grpc.max_receive_message_length", self.settings.MAX_MESSAGE_BYTES),
                ("grpc.max_send_message_length", self.settings.MAX_MESSAGE_BYTES),
                # Worker processes share the port; a lone server must not silently share it with another.
                ("grpc.so_reuseport", 1 if self.settings.WORKERS > 1 else 0),
            ],
        )
        self._register(server)
        self.port = self._bind(server)
        await server.start()
        self._server = server
        c = self.components
        c.relay.start()
        if c.listener is not None:
            c.listener.start()
        # start background workers (workflow runner)
        if c.workflow_runner is not None:
            c.workflow_runner.start()
        for name in ("", *service_names()):
            await self.health.set(name, health_pb2.HealthCheckResponse.SERVING)
        self._monitor = asyncio.create_task(self._watch_database(), name="database-monitor")
        # Everything built so far (modules, protobuf descriptors, the SQL metadata) lives as long as the
        # process; left in the collector's care, every full collection would walk it again and stall all
        # calls in flight for tens of milliseconds.
        gc.freeze()
        logger.info("serving crm.v2 on %s:%s (%s)", self.settings.HOST, self.port, c.database.backend)
        return self.port

    async def stop(self, grace: float | None = None) -> None:
        """Stop taking calls, let in-flight calls finish within `grace`, flush the relay, close."""
        grace = self.settings.SHUTDOWN_GRACE_SECONDS if grace is None else grace
        await self.health.enter_graceful_shutdown()
        self.components.stopping.set()  # live tails end so they do not hold the grace period
        if self._monitor is not None:
            self._monitor.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._monitor
        if self._server is not None:
            await self._server.stop(grace)
        c = self.components
        if c.listener is not None:
            await c.listener.stop()
        # stop background workers (workflow runner)
        if c.workflow_runner is not None:
            await c.workflow_runner.stop()
        await c.relay.stop(flush_timeout=max(grace, 1.0))
        await c.database.dispose()
        logger.info("stopped")

    async def wait_for_termination(self) -> None:
        if self._server is not None:
            await self._server.wait_for_termination()

    def _register(self, server: grpc.aio.Server) -> None:
        for grpc_module, name, factory in SERVICES:
            servicer = factory(self.components) if factory else getattr(grpc_module, f"{name}Servicer")()
            getattr(grpc_module, f"add_{name}Servicer_to_server")(servicer, server)
        health_pb2_grpc.add_HealthServicer_to_server(self.health, server)
        reflection.enable_server_reflection(
            (*service_names(), health.SERVICE_NAME, reflection.SERVICE_NAME), server
        )

    def _bind(self, server: grpc.aio.Server) -> int:
        s = self.settings
        if s.TLS_CERT_FILE and s.TLS_KEY_FILE:
            credentials = grpc.ssl_server_credentials(
                [(s.TLS_KEY_FILE.read_bytes(), s.TLS_CERT_FILE.read_bytes())],
                root_certificates=s.TLS_CLIENT_CA_FILE.read_bytes() if s.TLS_CLIENT_CA_FILE else None,
                require_client_auth=s.TLS_CLIENT_CA_FILE is not None,
            )
            port = server.add_secure_port(s.address, credentials)
        else:
            port = server.add_insecure_port(s.address)
        if port == 0:
            raise OSError(f"could not bind {s.address}")
        return port

    async def _watch_database(self) -> None:
        """Flip grpc.health.v1 to NOT_SERVING while the database is unreachable, and back."""
        serving = True
        while True:
            await asyncio.sleep(DATABASE_CHECK_SECONDS)
            try:
                await asyncio.wait_for(self.components.database.ping(), DATABASE_CHECK_SECONDS)
                ok = True
            except Exception as exc:  # reported through health, not raised
                ok = False
                if serving:
                    logger.error("database unreachable: %s", exc)
            if ok != serving:
                serving = ok
                status = (
                    health_pb2.HealthCheckResponse.SERVING
                    if ok
                    else health_pb2.HealthCheckResponse.NOT_SERVING
                )
                for name in ("", *service_names()):
                    await self.health.set(name, status)
