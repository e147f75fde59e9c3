"""The gRPC server's lifecycle: migrate, serve every crm.v2 service with health and reflection, run the
relay, and drain gracefully on shutdown."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from collections.abc import Sequence
from typing import Any, cast

import grpc
from grpc_health.v1 import health, health_pb2_grpc

from domain.clock import utcnow
from domain.tenancy import across_tenants
from server.areas import build_servicers, service_names
from server.bootstrap import Components, build
from server.config import ConfigError, Settings, migration_refused
from server.health import Health
from server.metrics import Snapshot
from server.reflection import ContractReflection, add_reflection
from server.tracing import tracing_interceptor
from storage.migrations import MigrationRefused, upgrade_to_head
from storage.tenant_walls import role_warnings

logger = logging.getLogger(__name__)

DATABASE_CHECK_SECONDS = 5.0
DATABASE_RECHECK_SECONDS = 1.0
METRICS_REFRESH_SECONDS = 5.0


class GenericHandlersOnly:
    """The server as the generated `add_*Servicer_to_server` functions see it: their services are served
    through their generic handlers, not also as registered methods. grpc.aio keeps one pending call per
    registered method and, for every call it accepts, waits on all of them again (`asyncio.wait`): with the
    contract's ~90 methods that was a quarter of the CPU of an empty call (docs/performance.md)."""

    def __init__(self, server: grpc.aio.Server) -> None:
        self._server = server

    def add_generic_rpc_handlers(self, handlers: Sequence[grpc.GenericRpcHandler]) -> None:
        self._server.add_generic_rpc_handlers(handlers)

    def add_registered_method_handlers(
        self, service: str, handlers: dict[str, grpc.RpcMethodHandler[Any, Any]]
    ) -> None:
        """Registered by their generic handler already."""


class CrmServer:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.components: Components = build(settings, started_at=utcnow())
        self._servicers = build_servicers(self.components)
        self.health = Health(readiness=service_names())
        self.port: int | None = None
        self.metrics_port: int | None = None
        self._server: grpc.aio.Server | None = None
        self._monitor: asyncio.Task[None] | None = None
        self._refresher: asyncio.Task[None] | None = None

    async def start(self, *, migrate: bool = True) -> int:
        """Migrate (unless a supervisor did), bind and start serving; returns the bound port."""
        if migrate:
            try:
                await asyncio.to_thread(upgrade_to_head, self.settings.migration_database_url)
            except MigrationRefused as exc:
                raise ConfigError(migration_refused(exc)) from None
        await self._warn_about_the_database_role()
        server = grpc.aio.server(
            # The span of a call encloses everything the call interceptor does (admission, metrics, auth,
            # the error mapping and the access log).
            interceptors=[
                *([tracing] if (tracing := tracing_interceptor()) is not None else []),
                self.components.interceptor,
            ],
            options=[
                ("grpc.max_receive_message_length", self.settings.MAX_MESSAGE_BYTES),
                ("grpc.max_send_message_length", self.settings.MAX_MESSAGE_BYTES),
                # Worker processes share the port; a lone server must not silently share it with another.
                ("grpc.so_reuseport", 1 if self.settings.WORKERS > 1 else 0),
            ],
        )
        if self.settings.METRICS_PORT is not None:  # first: a port in use stops start-up before anything runs
            self.metrics_port = self._serve_metrics(self.settings.METRICS_PORT)
        self._register(server)
        self.port = self._bind(server)
        await server.start()
        self._server = server
        c = self.components
        c.relay.start()
        if c.listener is not None:
            c.listener.start()
        c.workflow_runner.start()
        await self.health.ready(True)
        self._monitor = asyncio.create_task(self._watch_database(), name="database-monitor")
        if self.metrics_port is not None:
            self._refresher = asyncio.create_task(self._refresh_metrics(), name="metrics-refresher")
        # Everything built so far (modules, protobuf descriptors, the SQL metadata) lives as long as the
        # process; left in the collector's care, every full collection would walk it again and stall all
        # calls in flight for tens of milliseconds.
        gc.freeze()
        logger.info("serving crm.v2 on %s:%s (%s)", self.settings.HOST, self.port, c.database.backend)
        return self.port

    async def _warn_about_the_database_role(self) -> None:
        """Say so at start when row-level security would not hold this service (storage/tenant_walls.py)."""
        async with self.components.database.engine.connect() as connection:
            warnings = await connection.run_sync(role_warnings)
        for warning in warnings:
            logger.warning("%s", warning)

    async def stop(self, grace: float | None = None) -> None:
        """Stop taking calls, let in-flight calls finish within `grace`, flush the relay, close."""
        grace = self.settings.SHUTDOWN_GRACE_SECONDS if grace is None else grace
        await self.health.enter_graceful_shutdown()
        self.components.stopping.set()  # live tails end so they do not hold the grace period
        for task in (self._monitor, self._refresher):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        if self._server is not None and self.settings.SHUTDOWN_DRAIN_SECONDS > 0:
            # Still accepting calls while probes and load balancers see NOT_SERVING and move away.
            await asyncio.sleep(self.settings.SHUTDOWN_DRAIN_SECONDS)
        self.health.close_watches()
        if self._server is not None:
            await self._server.stop(grace)
        c = self.components
        if c.listener is not None:
            await c.listener.stop()
        await c.workflow_runner.stop()
        await c.relay.stop(flush_timeout=max(grace, 1.0))
        await c.database.dispose()
        await c.background.dispose()
        if c.autonomous is not None:
            await c.autonomous.dispose()
        c.metrics.close()
        logger.info("stopped")

    async def wait_for_termination(self) -> None:
        if self._server is not None:
            await self._server.wait_for_termination()

    def _register(self, server: grpc.aio.Server) -> None:
        generic = cast(grpc.aio.Server, GenericHandlersOnly(server))
        for area, servicer in self._servicers:
            area.add_to_server(servicer, generic)
        health_pb2_grpc.add_HealthServicer_to_server(self.health, generic)
        add_reflection(ContractReflection((*service_names(), health.SERVICE_NAME)), generic)

    def _serve_metrics(self, port: int) -> int:
        try:
            return self.components.metrics.serve(self.settings.HOST, port)
        except OSError as exc:
            raise ConfigError(
                f"METRICS_PORT: cannot serve metrics on {self.settings.HOST}:{port}: {exc}"
            ) from exc

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

    async def _refresh_metrics(self) -> None:
        """The figures that cost a query, refreshed in the background so that a scrape never waits on
        the database."""
        snapshot = self.components.metrics.snapshot
        while True:
            try:
                with across_tenants():  # figures of every tenant: the outbox and the workflows admit it
                    await self._refresh_snapshot(snapshot)
            except Exception as exc:  # the scrape shows the last figures; health reports the outage
                logger.debug("metrics not refreshed: %s", exc)
            await asyncio.sleep(METRICS_REFRESH_SECONDS)

    async def _refresh_snapshot(self, snapshot: Snapshot) -> None:
        async with self.components.background_unit_of_work(read_only=True) as uow:
            snapshot.outbox_backlog = await uow.outbox.backlog()
            snapshot.outbox_oldest_age_seconds = await uow.outbox.oldest_unpublished_age(utcnow())
            snapshot.workflows = await uow.workflows.count_unfinished_by_state()

    async def _watch_database(self) -> None:
        """Readiness follows the database: NOT_SERVING while it cannot be reached, checked every
        DATABASE_CHECK_SECONDS while it can — and at once when a unit of work could not reach it — and every
        second while it cannot, so readiness returns soon after calls succeed again. Liveness (`""`)
        never depends on it."""
        ready = True
        suspected = self.components.database_suspected
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(
                    suspected.wait(), DATABASE_CHECK_SECONDS if ready else DATABASE_RECHECK_SECONDS
                )
            suspected.clear()
            try:
                await asyncio.wait_for(self.components.background.ping(), DATABASE_CHECK_SECONDS)
                ok = True
            except Exception as exc:  # reported through health, not raised
                ok = False
                if ready:
                    logger.error("database unreachable: %s", exc)
            if ok != ready:
                ready = ok
                await self.health.ready(ok)
