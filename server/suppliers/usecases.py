"""Supplier use cases: create, read, list, and masked update that re-scores the supplier's products when
its rating or lead time changes."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace

from domain.catalog_events import SupplierCreated, SupplierUpdated
from domain.clock import utcnow
from domain.ids import new_id
from domain.paging import Page, PageRequest
from domain.suppliers import (
    OFFER_CHOICE_INPUTS,
    SUPPLIER_SCORE_INPUTS,
    Supplier,
    SupplierChanges,
    SupplierDraft,
    SupplierFilter,
)
from engines.classification import ClassificationPolicy
from server.catalog.scoring import reanalyzed
from server.resources import existing, with_changes
from server.suppliers.ports import SupplierUnitOfWork
from server.supply.choice import SupplyPolicies, rechoose_all


class SupplierUseCases:
    def __init__(
        self, uow: Callable[..., SupplierUnitOfWork], policy: ClassificationPolicy, supply: SupplyPolicies
    ) -> None:
        self._uow = uow
        self._policy = policy
        self._supply = supply

    async def create(self, *, tenant_id: int, draft: SupplierDraft) -> Supplier:
        now = utcnow()
        supplier = Supplier(
            id=new_id(),
            tenant_id=tenant_id,
            name=draft.name,
            marketplace=draft.marketplace,
            contact_email=draft.contact_email,
            contact_phone=draft.contact_phone,
            website=draft.website,
            rating=draft.rating,
            lead_time_days=draft.lead_time_days,
            is_active=True,
            notes=draft.notes,
            created_at=now,
            updated_at=now,
        )
        async with self._uow() as uow:
            await uow.suppliers.add(supplier)
            uow.emit(SupplierCreated(tenant_id=tenant_id, supplier=supplier))
            await uow.commit()
        return supplier

    async def get(self, *, tenant_id: int, supplier_id: uuid.UUID) -> Supplier:
        async with self._uow(read_only=True) as uow:
            return await existing(uow.suppliers, "supplier", tenant_id, supplier_id)

    async def list(self, *, tenant_id: int, criteria: SupplierFilter, page: PageRequest) -> Page[Supplier]:
        async with self._uow(read_only=True) as uow:
            return await uow.suppliers.list(tenant_id, criteria, page)

    async def update(self, *, tenant_id: int, supplier_id: uuid.UUID, changes: SupplierChanges) -> Supplier:
        """Apply the changes; no change, no event. A new rating or lead time re-scores the supplier's
        products that are not discontinued, with one set-based write."""
        async with self._uow() as uow:
            supplier = await existing(uow.suppliers, "supplier", tenant_id, supplier_id, for_update=True)
            updated, changed = with_changes(supplier, changes.values, updated_at=utcnow())
            if not changed:
                return supplier
            await uow.suppliers.save(updated)
            if SUPPLIER_SCORE_INPUTS.intersection(changed):
                products = await uow.products.of_supplier(tenant_id, supplier_id)
                await uow.products.save_many(
                    [
                        replace(
                            reanalyzed(p, updated, self._policy, updated.updated_at),
                            updated_at=updated.updated_at,
                            version=p.version + 1,
                        )
                        for p in products
                    ]
                )
            if OFFER_CHOICE_INPUTS.intersection(changed):
                await self._rechoose_offers(uow, updated)
            uow.emit(SupplierUpdated(tenant_id=tenant_id, supplier=updated, changed_fields=tuple(changed)))
            await uow.commit()
            return updated

    async def _rechoose_offers(self, uow: SupplierUnitOfWork, supplier: Supplier) -> None:
        """Choose the offer of every product the supplier offers again: a deactivated supplier's offers
        lose, a better rating may win. The products are locked in id order (the lock order), and chosen
        for all at once: as many reads for a thousand products as for one."""
        offered = await uow.offers.products_offered_by(supplier.tenant_id, supplier.id)
        products = await uow.products.lock_many(supplier.tenant_id, offered)
        if products:
            await rechoose_all(uow, products, self._supply, at=supplier.updated_at)
