"""Whose rows the current task may touch: the tenant the call was authorised for, every tenant (the relay,
the workflow runner's claims, the operators' figures), or nobody.

The gRPC interceptor sets the tenant once it has authorised the caller for it; the few tasks that work
across tenants say so with `across_tenants()`. Storage reads the scope when a transaction begins and hands
it to PostgreSQL's row-level security (storage/database.py), so the database's wall follows what was
authorised, not what the repository code passes (docs/security.md)."""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class AllTenants:
    """The scope of a task that reads across tenants; PostgreSQL admits it to the tables that allow it."""


ALL_TENANTS: Final = AllTenants()

# A tenant id, ALL_TENANTS, or None: nothing set, and on PostgreSQL no tenant row is visible (fail closed).
TenantScope = int | AllTenants | None

_scope: contextvars.ContextVar[TenantScope] = contextvars.ContextVar("tenant_scope", default=None)


def current_scope() -> TenantScope:
    return _scope.get()


def enter_tenant(tenant_id: int) -> None:
    """Scope the rest of the current task (one gRPC call) to `tenant_id`; the interceptor calls it after
    authorising the caller for that tenant."""
    if tenant_id <= 0:
        raise ValueError(f"tenant ids are positive, got {tenant_id}")
    _scope.set(tenant_id)


@contextmanager
def acting_for(tenant_id: int) -> Iterator[None]:
    """Scope the block (and the tasks it creates) to one tenant: a workflow's attempt, a test's setup."""
    if tenant_id <= 0:
        raise ValueError(f"tenant ids are positive, got {tenant_id}")
    token = _scope.set(tenant_id)
    try:
        yield
    finally:
        _scope.reset(token)


@contextmanager
def across_tenants() -> Iterator[None]:
    """Scope the block to every tenant, for the readers that span them by nature (the outbox relay, the
    workflow runner's claims, the operators' figures); PostgreSQL admits such a block only to the outbox
    and the workflows."""
    token = _scope.set(ALL_TENANTS)
    try:
        yield
    finally:
        _scope.reset(token)
