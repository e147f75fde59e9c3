"""A circuit breaker: after `threshold` consecutive failures, calls fail fast for `reset_after` seconds,
then one trial call decides whether the circuit closes again. Keeps a dead agent host from adding its
timeout to every request."""

from __future__ import annotations

import time
from collections.abc import Callable

CLOSED, OPEN, HALF_OPEN = "closed", "open", "half_open"


class CircuitBreaker:
    def __init__(
        self, *, threshold: int = 3, reset_after: float = 30.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.threshold = threshold
        self.reset_after = reset_after
        self._clock = clock
        self._failures = 0
        self._opened_at: float | None = None
        self._trial_running = False
        self.last_error = ""

    @property
    def state(self) -> str:
        if self._opened_at is None:
            return CLOSED
        if self._clock() - self._opened_at >= self.reset_after:
            return HALF_OPEN
        return OPEN

    def allow(self) -> bool:
        """Whether a call may go out now: always when closed, one trial at a time when half-open."""
        state = self.state
        if state == CLOSED:
            return True
        if state == HALF_OPEN and not self._trial_running:
            self._trial_running = True
            return True
        return False

    def record_success(self) -> None:
        self._failures = 0
        self._opened_at = None
        self._trial_running = False
        self.last_error = ""

    def record_failure(self, error: str) -> None:
        self.last_error = error
        self._trial_running = False
        self._failures += 1
        if self._opened_at is not None or self._failures >= self.threshold:
            self._opened_at = self._clock()
