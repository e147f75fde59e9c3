"""The retry policy of every call: only UNAVAILABLE is retried, with exponential backoff."""

from __future__ import annotations

from typing import Any

import grpc
from tenacity import (
    AsyncRetrying,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential,
    wait_random,
)

# UNAVAILABLE means the request did not reach a server that acted on it (connection refused, reset,
# server draining). Anything else may have had an effect or will fail again the same way.
RETRYABLE_CODES: frozenset[grpc.StatusCode] = frozenset({grpc.StatusCode.UNAVAILABLE})


def is_retryable(exc: BaseException) -> bool:
    """True for a gRPC error whose status code is worth another attempt."""
    code = getattr(exc, "code", None)
    return isinstance(exc, grpc.RpcError) and callable(code) and code() in RETRYABLE_CODES


def _policy(attempts: int, initial_backoff: float, max_backoff: float) -> dict[str, Any]:
    # initial, 2x, 4x ... capped, plus up to `initial` of jitter so many clients do not retry in step.
    backoff = wait_exponential(multiplier=initial_backoff, max=max_backoff) + wait_random(0, initial_backoff)
    return {
        "stop": stop_after_attempt(max(1, attempts)),
        "wait": backoff,
        "retry": retry_if_exception(is_retryable),
        "reraise": True,
    }


def async_retrying(attempts: int, *, initial_backoff: float = 0.1, max_backoff: float = 2.0) -> AsyncRetrying:
    """An AsyncRetrying for `attempts` tries that re-raises the last error unchanged."""
    return AsyncRetrying(**_policy(attempts, initial_backoff, max_backoff))


def sync_retrying(attempts: int, *, initial_backoff: float = 0.1, max_backoff: float = 2.0) -> Retrying:
    """A Retrying with the same policy, for blocking callers."""
    return Retrying(**_policy(attempts, initial_backoff, max_backoff))
