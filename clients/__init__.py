"""Typed Python clients for the CRM service (async and sync) and the `crmctl` command line.

Depends only on the generated `crm.v2` stubs, grpcio, grpcio-status and tenacity. Each call is written
once, as a coroutine method in one of the `*_calls` modules; see `clients.calls` for how CrmClient
derives its blocking methods from them.
"""

from __future__ import annotations

from clients.async_client import AsyncCrmClient
from clients.errors import ErrorDetails, error_details
from clients.events import event_message_class, unpack_event_data
from clients.retry import RETRYABLE_CODES, async_retrying, is_retryable, sync_retrying
from clients.sync_client import CrmClient
from clients.transport import ClientConfig, ClientOptions

__all__ = [
    "RETRYABLE_CODES",
    "AsyncCrmClient",
    "ClientConfig",
    "ClientOptions",
    "CrmClient",
    "ErrorDetails",
    "async_retrying",
    "error_details",
    "event_message_class",
    "is_retryable",
    "sync_retrying",
    "unpack_event_data",
]
