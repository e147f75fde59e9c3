"""Structured logs: JSON lines carrying the rpc, tenant and request id of the call being served."""

from __future__ import annotations

import contextvars
import json
import logging
import sys
from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True, slots=True)
class CallContext:
    request_id: str
    rpc: str
    tenant_id: int | None = None


current_call: contextvars.ContextVar[CallContext | None] = contextvars.ContextVar(
    "current_call", default=None
)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        call = current_call.get()
        if call is not None:
            entry.update(request_id=call.request_id, rpc=call.rpc, tenant_id=call.tenant_id)
        for key in ("code", "duration_ms", "peer", "subject"):
            if hasattr(record, key):
                entry[key] = getattr(record, key)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


class TextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        call = current_call.get()
        return f"[{call.request_id[:8]} {call.rpc}] {text}" if call else text


def configure_logging(level: str, fmt: str) -> None:
    """Configure the root logger once, in main()."""
    handler = logging.StreamHandler(sys.stderr)
    formatter = (
        JsonFormatter() if fmt == "json" else TextFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    handler.setFormatter(formatter)
    # Neither format prints where a record was made, nor its thread or process: not collecting them spares
    # every record (an access log line per call) a walk up the stack (the Logging HOWTO's "Optimization").
    logging._srcfile = None
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("aiokafka", "kafka", "sqlalchemy.engine", "httpx", "alembic.runtime.plugins"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLevelName(level)))
