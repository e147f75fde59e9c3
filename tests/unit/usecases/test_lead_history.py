"""The closed-lead history a tenant's scores learn from is read once per refresh interval, not per score,
and a change that closes or reopens a lead is learned at once."""

from __future__ import annotations

from engines.lead_scoring import ClosedLeadHistory, Outcomes
from server.leads.history import ClosedLeadHistories


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Reads:
    def __init__(self) -> None:
        self.count = 0

    async def __call__(self) -> ClosedLeadHistory:
        self.count += 1
        return ClosedLeadHistory(by_source={"referral": Outcomes(self.count, 0)}, by_title_bucket={})


async def test_a_history_is_read_once_within_the_refresh_interval():
    clock, reads = Clock(), Reads()
    histories = ClosedLeadHistories(refresh_seconds=30, clock=clock)

    first = await histories.of(1, reads)
    clock.now += 29
    again = await histories.of(1, reads)

    assert reads.count == 1 and again is first


async def test_a_history_older_than_the_interval_is_read_again():
    clock, reads = Clock(), Reads()
    histories = ClosedLeadHistories(refresh_seconds=30, clock=clock)

    await histories.of(1, reads)
    clock.now += 30
    await histories.of(1, reads)

    assert reads.count == 2


async def test_forgetting_a_tenant_reads_its_history_afresh_and_leaves_the_others():
    clock, reads = Clock(), Reads()
    histories = ClosedLeadHistories(refresh_seconds=30, clock=clock)
    await histories.of(1, reads)
    await histories.of(2, reads)

    histories.forget(1)
    await histories.of(1, reads)
    await histories.of(2, reads)

    assert reads.count == 3


async def test_a_refresh_of_zero_reads_every_time():
    reads = Reads()
    histories = ClosedLeadHistories(refresh_seconds=0)

    for _ in range(3):
        await histories.of(1, reads)

    assert reads.count == 3
