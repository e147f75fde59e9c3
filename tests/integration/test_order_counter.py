"""The tenant's order counter on PostgreSQL is incremented in a transaction of its own, committed in the same
round trip: an order that has taken its number and not yet committed does not hold the counter, so the
tenant's other orders do not queue behind it (with two server processes they did, and every order's stock
stayed locked meanwhile: WORKERS=2 made fewer orders a second than WORKERS=1)."""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
from sqlalchemy.engine import make_url

from domain.errors import Unavailable
from domain.event_log import EncodedEvent
from domain.tenancy import acting_for
from storage.database import Database, open_database
from storage.migrations import upgrade_to_head
from storage.uow import SqlAlchemyUnitOfWork
from tests.conftest import PostgresDatabases

DAY = "20261206"


@dataclass
class Pools:
    units: Database
    autonomous: Database

    def unit_of_work(self) -> SqlAlchemyUnitOfWork:
        return SqlAlchemyUnitOfWork(
            self.units.transactions,
            serialize=lambda event: EncodedEvent("{}", b""),
            autonomous=self.autonomous.transactions,
        )


@pytest.fixture
async def pools(postgres: PostgresDatabases) -> AsyncIterator[Pools]:
    url = postgres.new_database("counter")
    await asyncio.to_thread(upgrade_to_head, postgres.migration_url(url))
    pools = Pools(open_database(url, pool_size=2), open_database(url, pool_size=1))
    yield pools
    await pools.units.dispose()
    await pools.autonomous.dispose()


async def test_an_uncommitted_order_does_not_hold_the_tenant_s_counter(pools: Pools):
    tenant_id = random.randrange(1, 2**53)
    with acting_for(tenant_id):
        async with pools.unit_of_work() as first:
            taken = await first.orders.next_sequence(tenant_id, DAY)
            async with pools.unit_of_work() as second:
                # before: this waited for the first unit of work to end
                following = await asyncio.wait_for(second.orders.next_sequence(tenant_id, DAY), 5)
                await second.commit()
            # the first unit of work ends without committing: its number is skipped, never reused
        async with pools.unit_of_work() as third:
            after = await third.orders.next_sequence(tenant_id, DAY)
    assert (taken, following, after) == (1, 2, 3)


async def test_the_counter_is_the_tenant_s_own(pools: Pools):
    tenant_a, tenant_b = random.sample(range(1, 2**53), 2)
    numbers = []
    for tenant_id in (tenant_a, tenant_a, tenant_b):
        with acting_for(tenant_id):
            async with pools.unit_of_work() as uow:
                numbers.append(await uow.orders.next_sequence(tenant_id, DAY))
    assert numbers == [1, 2, 1]


async def test_a_counter_out_of_reach_fails_the_unit_of_work_as_unavailable_and_takes_nothing(pools: Pools):
    tenant_id = random.randrange(1, 2**53)
    nowhere = make_url(pools.units.engine.url).set(host="127.0.0.1", port=1)
    unreachable = open_database(nowhere.render_as_string(hide_password=False), pool_size=1)
    try:
        with acting_for(tenant_id), pytest.raises(Unavailable):
            async with SqlAlchemyUnitOfWork(
                pools.units.transactions,
                serialize=lambda event: EncodedEvent("{}", b""),
                autonomous=unreachable.transactions,
            ) as uow:
                await uow.orders.next_sequence(tenant_id, DAY)
    finally:
        await unreachable.dispose()
    with acting_for(tenant_id):
        async with pools.unit_of_work() as uow:
            assert await uow.orders.next_sequence(tenant_id, DAY) == 1
