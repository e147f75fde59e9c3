"""A fake deployed CrewAI crew on loopback (stdlib asyncio HTTP/1.1), for the agent client, the
intelligence RPCs and the workflow runner. It can be slow, hold runs until released, fail, or answer
garbage, and it records what it was asked."""

from __future__ import annotations

import asyncio
import itertools
import json
from dataclasses import dataclass, field
from typing import Any

MARKETING_ANSWER = {
    "positioning": "The crew's positioning.",
    "messaging_angles": [{"headline": "Crew headline", "description": "Crew angle"}],
}


@dataclass
class FakeCrew:
    # Answers: kickoff HTTP status and body (None: a fresh kickoff id), status shape (`status` or `state`).
    kickoff_status: int = 200
    kickoff_body: bytes | None = None
    shape: str = "status"
    result: Any = field(default_factory=lambda: dict(MARKETING_ANSWER))
    # Answers by the run's `task` input (product_sourcing, product_classification, fraud_review...); tasks not
    # named here are answered with `result`.
    results: dict[str, Any] = field(default_factory=dict)
    # Tasks whose runs fail (status `error`).
    failing: set[str] = field(default_factory=set)
    # Seconds to wait before answering any request; status 500s to answer before a good one.
    delay: float = 0.0
    status_failures: int = 0
    # Runs stay `running` until this is set.
    release: asyncio.Event = field(default_factory=asyncio.Event)
    kickoffs: list[dict[str, Any]] = field(default_factory=list)
    status_reads: int = 0
    authorizations: list[str] = field(default_factory=list)
    port: int = 0
    _server: asyncio.Server | None = None
    _ids: itertools.count = field(default_factory=itertools.count)
    _tasks: dict[str, str] = field(default_factory=dict)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def __aenter__(self) -> FakeCrew:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.close()
        self.release.set()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = (await reader.readuntil(b"\r\n\r\n")).decode()
            request_line, *header_lines = head.split("\r\n")
            method, path, _ = request_line.split(" ", 2)
            headers = {k.lower(): v.strip() for k, _, v in (h.partition(":") for h in header_lines if h)}
            length = int(headers.get("content-length", 0))
            body = await reader.readexactly(length) if length else b""
            self.authorizations.append(headers.get("authorization", ""))
            if self.delay:
                await asyncio.sleep(self.delay)
            status, payload = self._answer(method, path, body)
            writer.write(
                f"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {len(payload)}\r\n"
                f"Connection: close\r\n\r\n".encode()
                + payload
            )
            await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    def _answer(self, method: str, path: str, body: bytes) -> tuple[int, bytes]:
        if method == "GET" and path == "/inputs":
            return 200, b'{"inputs": ["task"]}'
        if method == "POST" and path == "/kickoff":
            kickoff = json.loads(body or b"{}")
            self.kickoffs.append(kickoff)
            if self.kickoff_body is not None or self.kickoff_status != 200:
                return self.kickoff_status, self.kickoff_body or b"{}"
            kickoff_id = f"k-{next(self._ids)}"
            self._tasks[kickoff_id] = str(kickoff.get("inputs", {}).get("task", ""))
            return 200, json.dumps({"kickoff_id": kickoff_id}).encode()
        if method == "GET" and path.startswith("/status/"):
            self.status_reads += 1
            if self.status_failures > 0:
                self.status_failures -= 1
                return 503, b"{}"
            return 200, json.dumps(self._status(self._tasks.get(path.removeprefix("/status/"), ""))).encode()
        return 404, b"{}"

    def _status(self, task: str) -> dict[str, Any]:
        done = self.release.is_set()
        result = self.results.get(task, self.result)
        if done and task in self.failing:
            return {"status": "error", "result": f"the {task} crew failed"}
        if self.shape == "state":
            return {
                "state": "SUCCESS" if done else "STARTED",
                "result": json.dumps(result),
                "last_step": "thinking",
            }
        return {"status": "completed" if done else "running", "result": result}
