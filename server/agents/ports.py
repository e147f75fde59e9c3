"""What the use cases need of the external AI agents, in no technology's terms: a crew that answers a run
(server/agents/crew.py talks to a deployed CrewAI crew over HTTP) and a probe that says whether one is
reachable (server/agents/probe.py). The use-case tier's fakes stand in for both."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol

# Told each step of a long run as it happens (a workflow records it).
Progress = Callable[[str], Awaitable[None]]


class AgentUnavailable(Exception):
    """The crew could not produce an answer: not reachable, failing, too slow, garbage, or circuit open."""


class Crew(Protocol):
    async def run(
        self, inputs: dict[str, Any], *, deadline: float | None = None, progress: Progress | None = None
    ) -> Any:
        """The crew's answer to `inputs` (a parsed JSON value, or the raw text); AgentUnavailable when it
        cannot give one in time."""
        ...


@dataclass(frozen=True, slots=True)
class AgentProbeResult:
    name: str
    endpoint: str
    reachable: bool
    latency_seconds: float
    error: str = ""


class AgentProbe(Protocol):
    async def probe(self) -> AgentProbeResult: ...
