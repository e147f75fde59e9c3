"""`crm-server`: serve (default) or apply migrations, configured from the environment."""

from __future__ import annotations

import argparse
import asyncio
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Coroutine
from typing import Any

from server import __version__
from server.config import ConfigError, Settings, load_settings, migration_refused
from server.logging import configure_logging

logger = logging.getLogger("crm.server")


EXAMPLE_LEAD = (
    '{"tenant_id": 1, "lead": {"first_name": "Ada", "last_name": "Lovelace", '
    '"email": "ada@analytical.io", "source": "LEAD_SOURCE_REFERRAL"}}'
)
HINT = """crm-server is serving on {address}. Try (grpcurl: make tools):
  grpcurl -plaintext {address} list
  grpcurl -plaintext -d '{lead}' {address} crm.v2.LeadService/CreateLead
  .venv/bin/crmctl --target {address} leads list
REST and the prototype's paths: make run-gateway (in another shell), then curl 127.0.0.1:8080/products"""


async def serve(settings: Settings, *, migrate_first: bool = True, hint: bool = False) -> None:
    from server.app import CrmServer

    server = CrmServer(settings)
    port = await server.start(migrate=migrate_first)
    if hint:  # printed once the port is bound, so the examples work when they appear
        print(HINT.format(address=f"{settings.HOST}:{port}", lead=EXAMPLE_LEAD), file=sys.stderr, flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    await stop.wait()
    logger.info("shutting down: finishing in-flight calls for up to %.0fs", settings.SHUTDOWN_GRACE_SECONDS)
    await server.stop()


def run(main: Coroutine[Any, Any, None], event_loop: str) -> None:
    """Run the server on uvloop (EVENT_LOOP=uvloop, or auto where it is installed) or on asyncio's loop.

    uvloop cut the CPU of an empty call by about a tenth in a side-by-side run on this machine; asyncio's
    loop stays the fallback (and what the in-process test servers run on)."""
    if event_loop != "asyncio":
        try:
            import uvloop
        except ImportError:
            if event_loop == "uvloop":
                raise ConfigError("EVENT_LOOP: uvloop is not installed") from None
        else:
            uvloop.run(main)
            return
    asyncio.run(main)


def _worker(index: int) -> None:
    """One of WORKERS processes: the environment is inherited, the schema already migrated."""
    settings = load_settings()
    if settings.METRICS_PORT:  # each worker its own scrape endpoint: METRICS_PORT + index
        settings = settings.model_copy(update={"METRICS_PORT": settings.METRICS_PORT + index})
    configure_logging(settings.LOG_LEVEL, settings.LOG_FORMAT)
    # Ctrl-C in a terminal reaches the whole process group; the supervisor decides when workers stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logger.info("worker %d starting", index)
    run(serve(settings, migrate_first=False), settings.EVENT_LOOP)


# A worker that dies is started again after a backoff that doubles up to the cap; one that keeps dying
# (this many restarts within the window) stops the whole server rather than looping forever.
RESTART_BACKOFF_SECONDS = (0.5, 10.0)
MAX_RESTARTS = 5
RESTART_WINDOW_SECONDS = 60.0


class _Workers:
    """WORKERS processes on one port, each replaced when it dies."""

    def __init__(self, count: int) -> None:
        self._context = multiprocessing.get_context("spawn")  # grpc must not be forked with live threads
        self.processes: list[multiprocessing.process.BaseProcess] = [self._start(i) for i in range(count)]
        self._restarts: list[list[float]] = [[] for _ in range(count)]
        self._due: dict[int, float] = {}

    def _start(self, index: int) -> multiprocessing.process.BaseProcess:
        process = self._context.Process(target=_worker, args=(index,), name=f"crm-worker-{index}")
        process.start()
        return process

    def tend(self) -> bool:
        """Schedule or perform the restart of dead workers; False when one died too often."""
        now = time.monotonic()
        for index, process in enumerate(self.processes):
            if process.is_alive():
                continue
            if index not in self._due:
                recent = [t for t in self._restarts[index] if now - t < RESTART_WINDOW_SECONDS]
                self._restarts[index] = recent
                if len(recent) >= MAX_RESTARTS:
                    logger.error(
                        "worker %d died %d times within %.0fs; stopping",
                        index,
                        MAX_RESTARTS + 1,
                        RESTART_WINDOW_SECONDS,
                    )
                    return False
                low, high = RESTART_BACKOFF_SECONDS
                delay = min(high, low * 2 ** len(recent))
                logger.error(
                    "worker %d (pid %s) exited with %s; restarting it in %.1fs",
                    index,
                    process.pid,
                    process.exitcode,
                    delay,
                )
                self._due[index] = now + delay
            elif now >= self._due[index]:
                del self._due[index]
                self._restarts[index].append(now)
                self.processes[index] = self._start(index)
        return True

    def stop(self, grace: float) -> list[int | None]:
        for process in self.processes:
            if process.is_alive() and process.pid is not None:
                os.kill(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + grace
        for process in self.processes:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                process.join()
        return [process.exitcode for process in self.processes]


def supervise(settings: Settings) -> int:
    """Run WORKERS server processes on one port until SIGTERM/SIGINT; a worker that dies is replaced while
    the others keep serving."""
    migrate(settings)
    workers = _Workers(settings.WORKERS)
    stopping = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stopping.set())
    healthy = True
    while not stopping.is_set() and healthy:
        healthy = workers.tend()
        stopping.wait(0.2)
    codes = workers.stop(settings.SHUTDOWN_GRACE_SECONDS + 15)
    logger.info("stopped")
    return 1 if not healthy or any(code not in (0, -signal.SIGTERM) for code in codes) else 0


def migrate(settings: Settings) -> None:
    from storage.migrations import MigrationRefused, upgrade_to_head

    try:
        upgrade_to_head(settings.migration_database_url)
    except MigrationRefused as exc:
        raise ConfigError(migration_refused(exc)) from None
    logger.info("schema is at the newest revision")


def provision_topics(settings: Settings) -> int:
    """`crm-server topics`: create the event topics (KAFKA_TOPIC_PARTITIONS, KAFKA_TOPIC_REPLICATION)."""
    from server.bootstrap import topic_plan
    from server.events.topics import ensure_topics

    if not settings.KAFKA_BOOTSTRAP_SERVERS:
        print("crm-server: KAFKA_BOOTSTRAP_SERVERS is not set", file=sys.stderr)
        return 2
    plan = topic_plan(settings)
    try:
        created = asyncio.run(
            ensure_topics(
                settings.KAFKA_BOOTSTRAP_SERVERS, plan, request_timeout=settings.KAFKA_SEND_TIMEOUT_SECONDS
            )
        )
    except Exception as exc:  # the operator sees why, without a traceback
        print(f"crm-server: topics not created: {exc}", file=sys.stderr)
        return 1
    for topic in plan.topics():
        print(f"{topic}\t{'created' if topic in created else 'exists'}")
    return 0


def probe_health(settings: Settings, service: str) -> int:
    """`crm-server health`: ask this host's server for grpc.health.v1 status (Docker HEALTHCHECK, compose);
    0 when SERVING. Mutual TLS servers need a real probe client with a certificate."""
    import grpc
    from grpc_health.v1 import health_pb2, health_pb2_grpc

    host = "127.0.0.1" if settings.HOST in ("0.0.0.0", "::", "") else settings.HOST
    target = f"{host}:{settings.PORT}"
    if settings.TLS_CERT_FILE is not None:
        channel = grpc.secure_channel(
            target, grpc.ssl_channel_credentials(root_certificates=settings.TLS_CERT_FILE.read_bytes())
        )
    else:
        channel = grpc.insecure_channel(target)
    with channel:
        stub: Any = health_pb2_grpc.HealthStub(channel)  # the stubs type it for the aio channel only
        try:
            response = stub.Check(health_pb2.HealthCheckRequest(service=service), timeout=5)
        except grpc.RpcError as exc:
            print(f"crm-server health: {exc}", file=sys.stderr)
            return 1
    name = health_pb2.HealthCheckResponse.ServingStatus.Name(response.status)
    print(name)
    return 0 if response.status == health_pb2.HealthCheckResponse.SERVING else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="crm-server", description="CRM Service v2 gRPC server")
    parser.add_argument(
        "command", nargs="?", choices=("serve", "migrate", "topics", "health"), default="serve"
    )
    parser.add_argument(
        "--service", default="", help='health: the service to check ("" = liveness; crm.v2.* = readiness)'
    )
    parser.add_argument("--version", action="version", version=f"crm-server {__version__}")
    parser.add_argument("--hint", action="store_true", help="print grpcurl examples once serving")
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"crm-server: {exc}", file=sys.stderr)
        return 2
    configure_logging(settings.LOG_LEVEL, settings.LOG_FORMAT)
    if args.command == "migrate":
        try:
            migrate(settings)
        except ConfigError as exc:
            print(f"crm-server: {exc}", file=sys.stderr)
            return 2
        return 0
    if args.command == "topics":
        return provision_topics(settings)
    if args.command == "health":
        return probe_health(settings, args.service)
    if settings.WORKERS > 1:
        try:
            return supervise(settings)
        except ConfigError as exc:
            print(f"crm-server: {exc}", file=sys.stderr)
            return 2
    try:
        run(serve(settings, hint=args.hint), settings.EVENT_LOOP)
    except ConfigError as exc:
        print(f"crm-server: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        logger.error("cannot serve: %s", exc)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
