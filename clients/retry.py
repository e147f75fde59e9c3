"""Retry policy shared by both clients: only UNAVAILABLE is retried, with exponential backoff."""

from __future__ import annotations

import grpc
from tenacity import (
    AsyncRetrying,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential,
    wait_random,
)
from tenacity.wait import wait_base

# UNAVAILABLE means the request did not reach a server that acted on it (connection refused, reset,
# server draining). Anything else may have had an effect or will fail again the same way.
RETRYABLE_CODES: frozenset[grpc.StatusCode] = frozenset({grpc.StatusCode.UNAVAILABLE})


def is_retryable(exc: BaseException) -> bool:
    """True for a gRPC error whose status code is worth another attempt."""
    code = getattr(exc, "code", None)
    return isinstance(exc, grpc.RpcError) and callable(code) and code() in RETRYABLE_CODES


def _backoff(initial: float, maximum: float) -> wait_base:
    # initial, 2x, 4x ... capped, plus up to `initial` of jitter so many clients do not retry in step.
    return wait_exponential(multiplier=initial, max=maximum) + wait_random(0, initial)


def async_retrying(attempts: int, *, initial_backoff: float = 0.1, max_backoff: float = 2.0) -> AsyncRetrying:
    """An AsyncRetrying for `attempts` tries that re-raises the last error unchanged."""
    return AsyncRetrying(
        stop=stop_after_attempt(max(1, attempts)),
        wait=_backoff(initial_backoff, max_backoff),
        retry=retry_if_exception(is_retryable),
        reraise=True,
    )


def sync_retrying(attempts: int, *, initial_backoff: float = 0.1, max_backoff: float = 2.0) -> Retrying:
    """A Retrying for `attempts` tries that re-raises the last error unchanged."""
    return Retrying(
        stop=stop_after_attempt(max(1, attempts)),
        wait=_backoff(initial_backoff, max_backoff),
        retry=retry_if_exception(is_retryable),
        reraise=True,
    )
