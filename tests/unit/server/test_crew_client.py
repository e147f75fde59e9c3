"""The CrewAI client against a fake crew on loopback: both status shapes, the bearer token, retries only
where safe, timeouts, garbage, and the circuit breaker."""

from __future__ import annotations

import time

import pytest

from server.agents.circuit import CLOSED, HALF_OPEN, OPEN, CircuitBreaker
from server.agents.crew import AgentUnavailable, CrewClient
from server.agents.tasks import marketing_insights, sourcing_suggestions
from tests.integration.fake_crew import FakeCrew
from tests.support.ports import free_port


def client(
    base_url: str, *, timeout: float = 5.0, retries: int = 2, breaker: CircuitBreaker | None = None
) -> CrewClient:
    return CrewClient(
        "crew",
        base_url,
        token="s3cret",
        timeout=timeout,
        retries=retries,
        breaker=breaker or CircuitBreaker(threshold=3, reset_after=60),
        poll_interval=0.01,
        backoff=0.01,
    )


@pytest.mark.parametrize("shape", ["status", "state"])
async def test_kickoff_then_poll_returns_the_parsed_result_in_either_status_shape(shape):
    async with FakeCrew(shape=shape, result={"answer": 42}) as crew:
        crew.release.set()
        assert await client(crew.base_url).run({"task": "x"}) == {"answer": 42}
    assert crew.kickoffs == [{"inputs": {"task": "x"}}]
    assert set(crew.authorizations) == {"Bearer s3cret"}


async def test_a_kickoff_answered_with_5xx_is_retried_but_a_timed_out_one_is_not():
    async with FakeCrew(kickoff_status=503) as crew:
        with pytest.raises(AgentUnavailable):
            await client(crew.base_url, retries=2).run({})
        assert len(crew.kickoffs) == 3  # the first try and AI_RETRY_COUNT retries: nothing was accepted
    async with FakeCrew(delay=0.5) as slow:
        with pytest.raises(AgentUnavailable, match=r"timed out|ReadTimeout"):
            await client(slow.base_url, timeout=0.2, retries=3).run({})
        assert len(slow.kickoffs) <= 1  # the crew may have accepted it: never kicked off twice


async def test_failing_status_reads_are_retried_until_the_answer():
    async with FakeCrew(status_failures=2) as crew:
        crew.release.set()
        assert await client(crew.base_url, retries=2).run({}) == crew.result
        assert crew.status_reads == 3


async def test_garbage_answers_are_refused():
    async with FakeCrew(kickoff_body=b"<html>oops</html>") as crew:
        with pytest.raises(AgentUnavailable, match="not JSON"):
            await client(crew.base_url).run({})
    async with FakeCrew(result=["not", "an", "object"]) as crew:
        crew.release.set()
        with pytest.raises(AgentUnavailable, match="not an object"):
            await marketing_insights(client(crew.base_url), {})
    async with FakeCrew(result={"suggestions": [{"title": ""}, 7]}) as crew:
        crew.release.set()
        with pytest.raises(AgentUnavailable, match="no usable suggestion"):
            await sourcing_suggestions(client(crew.base_url), {}, currency="USD")


async def test_a_run_that_never_finishes_ends_at_its_deadline():
    async with FakeCrew() as crew:  # never released
        started = time.monotonic()
        with pytest.raises(AgentUnavailable, match="timed out"):
            await client(crew.base_url).run({}, deadline=0.3)
        assert time.monotonic() - started < 2


async def test_the_circuit_opens_after_repeated_failures_and_then_fails_fast_without_calling():
    dead = f"http://127.0.0.1:{free_port()}"  # connection refused
    breaker = CircuitBreaker(threshold=2, reset_after=60)
    crew_client = client(dead, retries=0, breaker=breaker)
    for _ in range(2):
        with pytest.raises(AgentUnavailable):
            await crew_client.run({})
    assert breaker.state == OPEN
    async with FakeCrew() as crew:
        fast = client(crew.base_url, breaker=breaker)
        with pytest.raises(AgentUnavailable, match="circuit open"):
            await fast.run({})
        assert crew.kickoffs == []


def test_a_half_open_circuit_lets_one_trial_through_and_closes_on_success():
    now = [0.0]
    breaker = CircuitBreaker(threshold=1, reset_after=10, clock=lambda: now[0])
    breaker.record_failure("boom")
    assert breaker.state == OPEN and not breaker.allow()
    now[0] = 10.0
    assert breaker.state == HALF_OPEN and breaker.allow() and not breaker.allow()
    breaker.record_success()
    assert breaker.state == CLOSED and breaker.allow()
