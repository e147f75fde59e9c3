"""The tenant's allow and block lists: add, list and remove entries. Every fraud assessment of the tenant's
orders reads them (risk.py)."""

from __future__ import annotations

import uuid

from domain.clock import utcnow
from domain.errors import UniqueViolation
from domain.ids import new_id
from domain.order_errors import DuplicateRiskListEntry
from domain.order_events import RiskListEntryAdded, RiskListEntryRemoved
from domain.orders import RiskListEntry, RiskListFilter, RiskListKind, RiskListType
from domain.paging import Page, PageRequest
from server.orders.ports import UnitOfWorkFactory
from server.resources import existing


class RiskListUseCases:
    def __init__(self, uow: UnitOfWorkFactory) -> None:
        self._uow = uow

    async def add(
        self,
        *,
        tenant_id: int,
        list_type: RiskListType,
        kind: RiskListKind,
        value: str,
        reason: str,
        actor: str,
    ) -> RiskListEntry:
        """Put the value on the list; a value already on either list is DuplicateRiskListEntry."""
        entry = RiskListEntry(new_id(), tenant_id, list_type, kind, value, reason, actor, utcnow())
        try:
            async with self._uow() as uow:
                if await uow.risk_lists.holder_of(tenant_id, kind, value) is not None:
                    raise DuplicateRiskListEntry(kind.value, value)
                await uow.risk_lists.add(entry)
                uow.emit(RiskListEntryAdded(tenant_id=tenant_id, entry=entry))
                await uow.commit()
        except UniqueViolation:  # a concurrent call added it first
            raise DuplicateRiskListEntry(kind.value, value) from None
        return entry

    async def list(
        self, *, tenant_id: int, criteria: RiskListFilter, page: PageRequest
    ) -> Page[RiskListEntry]:
        async with self._uow(read_only=True) as uow:
            return await uow.risk_lists.list(tenant_id, criteria, page)

    async def remove(self, *, tenant_id: int, entry_id: uuid.UUID, actor: str) -> RiskListEntry:
        async with self._uow() as uow:
            entry = await existing(uow.risk_lists, "risk_list_entry", tenant_id, entry_id, for_update=True)
            await uow.risk_lists.delete(tenant_id, entry_id)
            uow.emit(RiskListEntryRemoved(tenant_id=tenant_id, entry=entry, removed_by=actor))
            await uow.commit()
            return entry
