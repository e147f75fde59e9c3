"""Client of a deployed CrewAI crew (DESIGN.md, "Workflows and agents").

`POST /kickoff {"inputs": {...}}` -> `{"kickoff_id"}`, then `GET /status/{kickoff_id}` until done, with
`Authorization: Bearer <CREWAI_TOKEN>`. Both status shapes are accepted: `{"status": "running|completed|
error", "result"}` and `{"state": "PENDING|STARTED|SUCCESS|FAILED", "result", "last_step"}`.

Every HTTP request times out after AI_REQUEST_TIMEOUT and the whole run has a deadline. Status reads are
retried with backoff (tenacity, AI_RETRY_COUNT times); a kickoff only when the crew cannot have accepted it
(connection refused or a 5xx answer without a kickoff id), because kickoff has no idempotency key. A
circuit breaker fails calls fast while the host keeps failing. Every failure is an `AgentUnavailable`,
which callers answer with the local engines.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

import httpx
from opentelemetry import trace
from opentelemetry.trace import StatusCode
from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt, wait_exponential

from server.agents.circuit import CircuitBreaker
from server.agents.ports import AgentUnavailable, Progress

logger = logging.getLogger(__name__)
_tracer = trace.get_tracer(__name__)

RUNNING_STATES = frozenset({"running", "pending", "started", "queued", "in_progress"})
DONE_STATES = frozenset({"completed", "success", "succeeded", "done"})
FAILED_STATES = frozenset({"error", "failed", "failure", "cancelled"})


class _NotAccepted(AgentUnavailable):
    """A kickoff the crew certainly did not accept (safe to retry)."""


class _Retryable(AgentUnavailable):
    """A status read that failed in a way worth another try."""


class CrewClient:
    def __init__(
        self,
        name: str,
        base_url: str,
        *,
        token: str = "",
        timeout: float,
        retries: int,
        breaker: CircuitBreaker,
        poll_interval: float = 0.5,
        backoff: float = 0.2,
    ) -> None:
        self.name = name
        self.base_url = base_url.rstrip("/")
        self.breaker = breaker
        self._headers = {"Authorization": f"Bearer {token}"} if token else {}
        self._timeout = timeout
        self._retries = retries
        self._poll_interval = poll_interval
        self._backoff = backoff

    async def run(
        self, inputs: dict[str, Any], *, deadline: float | None = None, progress: Progress | None = None
    ) -> Any:
        """Kick the crew off and wait for its result (a parsed JSON value, or the raw text)."""
        if not self.breaker.allow():
            raise AgentUnavailable(f"circuit open after repeated failures: {self.breaker.last_error}")
        with _tracer.start_as_current_span("agent.run", attributes={"crm.agent": self.name}) as span:
            try:
                result = await self._run(inputs, deadline=deadline, progress=progress)
            except AgentUnavailable as exc:
                span.record_exception(exc)
                span.set_status(StatusCode.ERROR)
                raise
        return result

    async def _run(self, inputs: dict[str, Any], *, deadline: float | None, progress: Progress | None) -> Any:
        try:
            async with asyncio.timeout(deadline or self._timeout):
                async with httpx.AsyncClient(
                    base_url=self.base_url, headers=self._headers, timeout=self._timeout
                ) as http:
                    kickoff_id = await self._kickoff(http, inputs)
                    result = await self._wait(http, kickoff_id, progress)
        except (AgentUnavailable, TimeoutError, httpx.HTTPError) as exc:
            error = _describe(exc)
            self.breaker.record_failure(error)
            logger.warning("agent %s failed: %s", self.name, error)
            raise AgentUnavailable(error) from exc
        self.breaker.record_success()
        return result

    async def _kickoff(self, http: httpx.AsyncClient, inputs: dict[str, Any]) -> str:
        async for attempt in self._retrying(_NotAccepted):
            with attempt:
                try:
                    response = await http.post("/kickoff", json={"inputs": inputs})
                except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
                    raise _NotAccepted(_describe(exc)) from exc
                if response.status_code >= 500:
                    raise _NotAccepted(f"kickoff answered HTTP {response.status_code}")
        if response.status_code >= 400:
            raise AgentUnavailable(f"kickoff refused: HTTP {response.status_code}")
        kickoff_id = _json(response).get("kickoff_id") if isinstance(_json(response), dict) else None
        if not isinstance(kickoff_id, str) or not kickoff_id:
            raise AgentUnavailable("kickoff answered without a kickoff_id")
        return kickoff_id

    async def _wait(self, http: httpx.AsyncClient, kickoff_id: str, progress: Progress | None) -> Any:
        while True:
            body = await self._status(http, kickoff_id)
            state = str(body.get("status") or body.get("state") or "").lower()
            if state in DONE_STATES:
                return _parsed(body.get("result"))
            if state in FAILED_STATES:
                raise AgentUnavailable(
                    f"crew run failed: {str(body.get('result') or body.get('error'))[:200]}"
                )
            if state not in RUNNING_STATES:
                raise AgentUnavailable(f"unknown crew state {state!r}")
            if progress is not None:
                await progress(str(body.get("last_step") or "agent running")[:200])
            await asyncio.sleep(self._poll_interval)

    async def _status(self, http: httpx.AsyncClient, kickoff_id: str) -> dict[str, Any]:
        async for attempt in self._retrying(_Retryable):
            with attempt:
                try:
                    response = await http.get(f"/status/{kickoff_id}")
                except httpx.TransportError as exc:
                    raise _Retryable(_describe(exc)) from exc
                if response.status_code >= 500:
                    raise _Retryable(f"status answered HTTP {response.status_code}")
        if response.status_code >= 400:
            raise AgentUnavailable(f"status refused: HTTP {response.status_code}")
        body = _json(response)
        if not isinstance(body, dict):
            raise AgentUnavailable("status answered something that is not a JSON object")
        return body

    def _retrying(self, kind: type[Exception]) -> AsyncRetrying:
        return AsyncRetrying(
            retry=retry_if_exception(lambda exc: isinstance(exc, kind)),
            stop=stop_after_attempt(self._retries + 1),
            wait=wait_exponential(multiplier=self._backoff, max=5),
            reraise=True,
        )


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        raise AgentUnavailable(f"answered HTTP {response.status_code} with a body that is not JSON") from None


def _parsed(result: Any) -> Any:
    if isinstance(result, str):
        try:
            return json.loads(result)
        except ValueError:
            return result
    return result


def _describe(exc: BaseException) -> str:
    if isinstance(exc, TimeoutError):
        return "timed out"
    if isinstance(exc, _NotAccepted | _Retryable | AgentUnavailable):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"[:300]
