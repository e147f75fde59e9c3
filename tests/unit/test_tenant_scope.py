"""The tenant scope a task runs in (domain/tenancy.py) and the BEGIN that hands it to PostgreSQL's
row-level security in the same round trip (storage/database.py)."""

from __future__ import annotations

import asyncio

import pytest

from domain.tenancy import ALL_TENANTS, across_tenants, acting_for, current_scope, enter_tenant
from storage.database import begin_statement


def test_the_begin_carries_the_tenant_transaction_locally():
    assert (
        begin_statement(42, read_only=False) == "BEGIN; SET LOCAL jit = 'off'; SET LOCAL crm.tenant_id = '42'"
    )
    assert (
        begin_statement(42, read_only=True)
        == "BEGIN READ ONLY; SET LOCAL jit = 'off'; SET LOCAL crm.tenant_id = '42'"
    )


def test_without_a_tenant_the_begin_sets_no_tenant_and_across_tenants_says_so():
    assert begin_statement(None, read_only=True) == "BEGIN READ ONLY; SET LOCAL jit = 'off'"
    assert (
        begin_statement(ALL_TENANTS, read_only=False)
        == "BEGIN; SET LOCAL jit = 'off'; SET LOCAL crm.all_tenants = 'on'"
    )


def test_the_tenant_is_written_as_a_number_only():
    """The scope is an int by type; a string smuggled in cannot become SQL."""
    with pytest.raises(ValueError):
        begin_statement("1'; DROP TABLE leads; --", read_only=False)  # type: ignore[arg-type]


def test_scopes_nest_and_end_with_their_block():
    assert current_scope() is None
    with acting_for(7):
        assert current_scope() == 7
        with across_tenants():
            assert current_scope() is ALL_TENANTS
        assert current_scope() == 7
    assert current_scope() is None


@pytest.mark.parametrize("tenant_id", [0, -1])
def test_only_real_tenants_can_be_entered(tenant_id):
    with pytest.raises(ValueError):
        enter_tenant(tenant_id)
    with pytest.raises(ValueError), acting_for(tenant_id):
        pass


def test_a_call_entering_its_tenant_leaves_other_calls_alone():
    """The interceptor enters the tenant in the call's own task: concurrent calls never see it."""

    async def call(tenant_id: int, seen: dict[int, object]) -> None:
        enter_tenant(tenant_id)
        await asyncio.sleep(0)
        seen[tenant_id] = current_scope()

    async def main() -> dict[int, object]:
        seen: dict[int, object] = {}
        await asyncio.gather(call(1, seen), call(2, seen))
        return {**seen, 0: current_scope()}

    assert asyncio.run(main()) == {1: 1, 2: 2, 0: None}
