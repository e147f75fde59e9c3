"""Reachability of a deployed CrewAI crew, for health reports: `GET /inputs` with a short timeout."""

from __future__ import annotations

import time

import httpx

from server.agents.circuit import OPEN, CircuitBreaker
from server.agents.ports import AgentProbeResult

PROBE_TIMEOUT_SECONDS = 2.0


class CrewProbe:
    def __init__(
        self, name: str, base_url: str, token: str = "", *, breaker: CircuitBreaker | None = None
    ) -> None:
        self.name = name
        self.base_url = base_url
        self._headers = {"Authorization": f"Bearer {token}"} if token else {}
        self._breaker = breaker

    async def probe(self) -> AgentProbeResult:
        # An open circuit means the calls of the service fail fast: report that, not a lucky probe.
        if self._breaker is not None and self._breaker.state == OPEN:
            return AgentProbeResult(
                self.name, self.base_url, False, 0.0, f"circuit open: {self._breaker.last_error}"
            )
        started = time.perf_counter()
        try:
            async with httpx.AsyncClient(timeout=PROBE_TIMEOUT_SECONDS) as client:
                response = await client.get(f"{self.base_url}/inputs", headers=self._headers)
            latency = time.perf_counter() - started
            if response.status_code >= 500:
                return AgentProbeResult(
                    self.name, self.base_url, False, latency, f"HTTP {response.status_code}"
                )
            return AgentProbeResult(self.name, self.base_url, True, latency)
        except httpx.HTTPError as exc:
            latency = time.perf_counter() - started
            return AgentProbeResult(self.name, self.base_url, False, latency, f"{type(exc).__name__}: {exc}")
