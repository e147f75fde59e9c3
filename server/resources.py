"""What every area's use cases do to one of a tenant's resources: find it or answer NOT_FOUND, and change
the fields an update names."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import replace
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from domain.clock import utcnow
from domain.errors import NotFound, RequestIdReused
from server.unit_of_work import RequestLog, UnitOfWork

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T_co = TypeVar("T_co", covariant=True)

T = TypeVar("T")

D = TypeVar("D", bound="DataclassInstance")


class TenantRepository(Protocol[T_co]):
    """A repository that reads one resource of a tenant by id, optionally locking it for an update."""

    async def get(
        self, tenant_id: int, resource_id: uuid.UUID, /, *, for_update: bool = ...
    ) -> T_co | None: ...


async def existing(
    repository: TenantRepository[T],
    resource: str,
    tenant_id: int,
    resource_id: uuid.UUID,
    *,
    for_update: bool = False,
) -> T:
    """The tenant's `resource` with this id; NOT_FOUND for an id the tenant does not have."""
    found = await repository.get(tenant_id, resource_id, for_update=for_update)
    if found is None:
        raise NotFound(resource, str(resource_id))
    return found


def with_changes(current: D, values: Mapping[str, object], **also: Any) -> tuple[D, list[str]]:
    """`current` with those of `values` that differ from it (and then `also`), and the names of the fields
    that differ, in the order `values` names them; `current` itself and no names when none differ.

    Mapped per field by the request's validation, each value has the type of its field."""
    changed = [name for name, value in values.items() if getattr(current, name) != value]
    if not changed:
        return current, []
    new_values: dict[str, Any] = {name: values[name] for name in changed}
    return replace(current, **new_values, **also), changed


async def first_use(
    log: RequestLog,
    *,
    scope: str,
    tenant_id: int,
    request_id: str | None,
    fingerprint: str | None,
    at: datetime,
    replay: bool,
) -> None:
    """The request_id rule of every create RPC: a replay (`replay`: the first result exists) must carry the
    same request as the first use, else RequestIdReused; a first use records what it carried."""
    if not request_id or fingerprint is None:
        return
    first = await log.fingerprint(tenant_id, scope, request_id)
    if replay:
        if first is not None and first != fingerprint:
            raise RequestIdReused(
                f"request_id {request_id!r} was used for a different request; use a new one",
                metadata={"request_id": request_id},
            )
        return
    await log.remember(tenant_id, scope, request_id, fingerprint, at)


def first_use_of(
    scope: str, tenant_id: int, request_id: str | None, fingerprint: str | None
) -> Callable[..., Awaitable[None]]:
    """`first_use` bound to one create call: call it with the request log, `at` and `replay`."""
    return partial(
        first_use, scope=scope, tenant_id=tenant_id, request_id=request_id, fingerprint=fingerprint
    )


async def replayed(
    uow: UnitOfWork,
    request_id: str | None,
    first_use: Callable[..., Awaitable[None]],
    find: Callable[[str], Awaitable[T | None]],
) -> T | None:
    """What an earlier call with this request_id created (`find` reads it by request_id), the request checked
    against that call's (RequestIdReused when they differ); None when there is none, or no request_id.

    A create asks before it creates, and again after a unique key refused it: a concurrent call with the
    same request_id may have committed first."""
    if not request_id:
        return None
    found = await find(request_id)
    if found is not None:
        await first_use(uow.requests, at=utcnow(), replay=True)
    return found
