"""The closed-lead history each tenant's lead scores learn from, read at most once per refresh interval per
tenant in this process.

Reading it is a GROUP BY over the tenant's closed leads, which grows with them: on every CreateLead and
UpdateLead it made the cost of a call grow with the tenant's data. A score that learns a few seconds late
costs nothing, and a change made here that closes or reopens a lead forgets the tenant's entry at once.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

from engines.lead_scoring import ClosedLeadHistory

# Tenants remembered at most; past that the memory starts again (tenants are read again when they call).
MAX_TENANTS = 10_000


class ClosedLeadHistories:
    def __init__(self, refresh_seconds: float, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._refresh_seconds = refresh_seconds
        self._clock = clock
        self._known: dict[int, tuple[float, ClosedLeadHistory]] = {}

    async def of(self, tenant_id: int, read: Callable[[], Awaitable[ClosedLeadHistory]]) -> ClosedLeadHistory:
        """The tenant's history: the one read less than the refresh interval ago, or `read()` afresh."""
        now = self._clock()
        known = self._known.get(tenant_id)
        if known is not None and now - known[0] < self._refresh_seconds:
            return known[1]
        history = await read()
        if len(self._known) >= MAX_TENANTS:
            self._known.clear()
        self._known[tenant_id] = (now, history)
        return history

    def forget(self, tenant_id: int) -> None:
        """A lead of the tenant closed or reopened: its next score reads the history afresh."""
        self._known.pop(tenant_id, None)
