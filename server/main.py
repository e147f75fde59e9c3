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

from server import __version__
from server.config import ConfigError, Settings, load_settings
from server.logging import configure_logging

logger = logging.getLogger("crm.server")


EXAMPLE_LEAD = (
    '{"tenant_id": 1, "lead": {"first_name": "Ada", "last_name": "Lovelace", '
    '"email": "ada@analytical.io", "source": "LEAD_SOURCE_REFERRAL"}}'
)
HINT = """crm-server is serving on {address}. Try (grpcurl: make tools):
  grpcurl -plaintext {address} list
  grpcurl -plaintext -d '{lead}' {address} crm.v2.LeadService/CreateLead
  .venv/bin/crmctl --target {address} leads list"""


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


def _worker(index: int) -> None:
    """One of WORKERS processes: the environment is inherited, the schema already migrated."""
    settings = load_settings()
    configure_logging(settings.LOG_LEVEL, settings.LOG_FORMAT)
    # Ctrl-C in a terminal reaches the whole process group; the supervisor decides when workers stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logger.info("worker %d starting", index)
    asyncio.run(serve(settings, migrate_first=False))


def supervise(settings: Settings) -> int:
    """Run WORKERS server processes on one port; stop them all on SIGTERM/SIGINT or when one dies."""
    migrate(settings)
    context = multiprocessing.get_context("spawn")  # grpc must not be forked with live threads
    workers = [
        context.Process(target=_worker, args=(i,), name=f"crm-worker-{i}") for i in range(settings.WORKERS)
    ]
    for worker in workers:
        worker.start()
    stopping = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stopping.set())
    while not stopping.is_set() and all(w.is_alive() for w in workers):
        stopping.wait(0.5)
    failed = not stopping.is_set()
    if failed:
        logger.error("a worker died; stopping the others")
    for worker in workers:
        if worker.is_alive() and worker.pid is not None:
            os.kill(worker.pid, signal.SIGTERM)
    deadline = time.monotonic() + settings.SHUTDOWN_GRACE_SECONDS + 15
    for worker in workers:
        worker.join(max(0.0, deadline - time.monotonic()))
        if worker.is_alive():
            worker.kill()
            worker.join()
    logger.info("stopped")
    return 1 if failed or any(w.exitcode not in (0, -signal.SIGTERM) for w in workers) else 0


def migrate(settings: Settings) -> None:
    from storage.migrations import upgrade_to_head

    upgrade_to_head(settings.database_url)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="crm-server", description="CRM Service v2 gRPC server")
    parser.add_argument("command", nargs="?", choices=("serve", "migrate", "topics"), default="serve")
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
        migrate(settings)
        return 0
    if args.command == "topics":
        return provision_topics(settings)
    if settings.WORKERS > 1:
        return supervise(settings)
    try:
        asyncio.run(serve(settings, hint=args.hint))
    except OSError as exc:
        logger.error("cannot serve: %s", exc)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
