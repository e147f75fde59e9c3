"""What the offer use cases need: the offers, the products whose source price follows them, the suppliers
whose rating scores them, and a unit of work holding them."""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Collection, Sequence
from typing import Protocol

from domain.catalog import Product
from domain.paging import Page, PageRequest
from domain.suppliers import Supplier
from domain.supply import Offer, OfferFilter, OfferView
from server.unit_of_work import UnitOfWork


class OfferRepository(Protocol):
    async def add(self, offer: Offer) -> None: ...
    async def get(self, tenant_id: int, offer_id: uuid.UUID, *, for_update: bool = False) -> Offer | None: ...
    async def get_with_choice(self, tenant_id: int, offer_id: uuid.UUID) -> tuple[Offer, bool] | None:
        """The offer and whether its product buys from it."""
        ...

    async def get_by_request_id(self, tenant_id: int, request_id: str) -> Offer | None: ...
    async def list(self, tenant_id: int, criteria: OfferFilter, page: PageRequest) -> Page[OfferView]:
        """The matching offers, each with whether its product buys from it."""
        ...

    async def of_products(
        self, tenant_id: int, product_ids: Collection[uuid.UUID]
    ) -> dict[uuid.UUID, builtins.list[Offer]]:
        """Every offer of each product (an empty list for a product without one), oldest first."""
        ...

    async def get_many(self, tenant_id: int, ids: builtins.list[uuid.UUID]) -> dict[uuid.UUID, Offer]: ...
    async def save(self, offer: Offer) -> None: ...
    async def delete(self, tenant_id: int, offer_id: uuid.UUID) -> None: ...
    async def usual_quantities(
        self, tenant_id: int, product_ids: Collection[uuid.UUID]
    ) -> dict[uuid.UUID, int]:
        """Per product, the units one purchase usually buys (at least 1)."""
        ...

    async def products_offered_by(self, tenant_id: int, supplier_id: uuid.UUID) -> builtins.list[uuid.UUID]:
        """The products the supplier has offers for, in id order."""
        ...


class OfferProducts(Protocol):
    """The products offers belong to: read (locked while their offers change) and written back."""

    async def get(
        self, tenant_id: int, product_id: uuid.UUID, *, for_update: bool = False
    ) -> Product | None: ...
    async def lock_many(self, tenant_id: int, ids: Sequence[uuid.UUID]) -> builtins.list[Product]:
        """The tenant's products among `ids`, locked in id order."""
        ...

    async def save(self, product: Product) -> None: ...


class OfferSuppliers(Protocol):
    """The suppliers whose rating, lead time and activity score their offers."""

    async def get(
        self, tenant_id: int, supplier_id: uuid.UUID, *, for_update: bool = False
    ) -> Supplier | None: ...
    async def get_many(self, tenant_id: int, ids: Collection[uuid.UUID]) -> dict[uuid.UUID, Supplier]: ...


class SupplyUnitOfWork(UnitOfWork, Protocol):
    @property
    def offers(self) -> OfferRepository: ...
    @property
    def products(self) -> OfferProducts: ...
    @property
    def suppliers(self) -> OfferSuppliers: ...
