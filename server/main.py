"""`crm-server`: serve (default) or apply migrations, configured from the environment."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys

from server import __version__
from server.config import ConfigError, Settings, load_settings
from server.logging import configure_logging

logger = logging.getLogger("crm.server")


async def serve(settings: Settings) -> None:
    from server.app import CrmServer

    server = CrmServer(settings)
    await server.start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    await stop.wait()
    logger.info("shutting down: finishing in-flight calls for up to %.0fs", settings.SHUTDOWN_GRACE_SECONDS)
    await server.stop()


def migrate(settings: Settings) -> None:
    from storage.migrations import upgrade_to_head

    upgrade_to_head(settings.database_url)
    logger.info("schema is at the newest revision")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="crm-server", description="CRM Service v2 gRPC server")
    parser.add_argument("command", nargs="?", choices=("serve", "migrate"), default="serve")
    parser.add_argument("--version", action="version", version=f"crm-server {__version__}")
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
    try:
        asyncio.run(serve(settings))
    except OSError as exc:
        logger.error("cannot serve: %s", exc)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
