"""Product use cases: create with classification and opening stock, idempotent by request_id; masked
update with re-analysis; soft delete."""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Callable
from dataclasses import replace
from functools import partial

from domain.catalog import (
    PRODUCT_SCORE_INPUTS,
    Categories,
    Product,
    ProductChanges,
    ProductDraft,
    ProductFilter,
    ProductStatus,
)
from domain.catalog_errors import DuplicateSku
from domain.catalog_events import ProductAnalysisStarted, ProductCreated, ProductDiscontinued, ProductUpdated
from domain.clock import utcnow
from domain.errors import FieldViolation, InvalidArgument, UniqueViolation
from domain.ids import new_id
from domain.money import Money
from domain.paging import Page, PageRequest
from domain.suppliers import Supplier
from engines.classification import ClassificationPolicy, analyze
from engines.pricing import PricingPolicy
from server import resources
from server.catalog.margins import margin_alarm, margin_checked
from server.catalog.ports import CatalogUnitOfWork
from server.catalog.scoring import as_product_analysis, reanalyzed, signals_of
from server.resources import existing, with_changes
from server.suppliers.ports import SupplierRepository
from server.workflows.enqueue import NO_MARKETING_ON_CREATE, MarketingOnCreate, enqueue_product_marketing

# Names of changed fields in `product.updated`, as the contract spells them.
EVENT_FIELD_NAMES = {"source_price": "pricing.source_price", "selling_price": "pricing.current_selling_price"}


# The request log's name for CreateProduct's request_ids.
SCOPE = "products.create"


class ProductUseCases:
    def __init__(
        self,
        uow: Callable[..., CatalogUnitOfWork],
        policy: ClassificationPolicy,
        marketing: MarketingOnCreate = NO_MARKETING_ON_CREATE,
        categories: Categories | None = None,
        pricing: PricingPolicy | None = None,
    ) -> None:
        self._uow = uow
        self.policy = policy
        self._marketing = marketing
        # The categories a product may have: by default any well-formed key, the demand table's scored.
        self.categories = categories or Categories(known=frozenset(policy.category_demand))
        self._pricing = pricing or PricingPolicy()

    async def create(
        self, *, tenant_id: int, draft: ProductDraft, request_id: str | None, fingerprint: str | None = None
    ) -> Product:
        """Classify and store a new product with its inventory level; a repeated `request_id` returns the
        first product unchanged, and one reused for a different request is RequestIdReused."""
        first_use = resources.first_use_of(SCOPE, tenant_id, request_id, fingerprint)
        try:
            async with self._uow() as uow:
                earlier = partial(uow.products.get_by_request_id, tenant_id)
                if existing := await resources.replayed(uow, request_id, first_use, earlier):
                    return existing
                if await uow.products.sku_owner(tenant_id, draft.sku):
                    # A concurrent call with this request_id may have committed since the check above.
                    if existing := await resources.replayed(uow, request_id, first_use, earlier):
                        return existing
                    raise DuplicateSku(draft.sku)
                await first_use(uow.requests, at=utcnow(), replay=False)
                product = await self.add_new(uow, tenant_id=tenant_id, draft=draft, request_id=request_id)
                await uow.commit()
                return product
        except UniqueViolation:
            # A concurrent create committed first: with the same request_id, answer with its product;
            # otherwise it took the sku.
            async with self._uow(read_only=True) as uow:
                earlier = partial(uow.products.get_by_request_id, tenant_id)
                existing = await resources.replayed(uow, request_id, first_use, earlier)
            if existing is None:
                raise DuplicateSku(draft.sku) from None
            return existing

    async def add_new(
        self, uow: CatalogUnitOfWork, *, tenant_id: int, draft: ProductDraft, request_id: str | None = None
    ) -> Product:
        """Classify and store a new product with its inventory level, and announce it, in the caller's unit
        of work (CreateProduct's, or an approved sourcing candidate's); the caller checked its sku is free.
        NOT_FOUND when the draft names a supplier the tenant does not have."""
        supplier = await supplier_or_none(uow.suppliers, tenant_id, draft.supplier_id)
        product = self._new_product(tenant_id, draft, supplier, request_id)
        await uow.products.add(product)
        await uow.inventory.open_level(
            tenant_id=tenant_id, product_id=product.id, available=draft.initial_stock, at=product.created_at
        )
        uow.emit(ProductCreated(tenant_id=tenant_id, product=product, request_id=request_id or ""))
        uow.emit(_analysis_started(product, "product_created"))
        await enqueue_product_marketing(uow, product, self._marketing)
        return product

    async def get(self, *, tenant_id: int, product_id: uuid.UUID) -> Product:
        async with self._uow(read_only=True) as uow:
            return await existing(uow.products, "product", tenant_id, product_id)

    async def list(self, *, tenant_id: int, criteria: ProductFilter, page: PageRequest) -> Page[Product]:
        async with self._uow(read_only=True) as uow:
            return await uow.products.list(tenant_id, criteria, page)

    async def update(self, *, tenant_id: int, product_id: uuid.UUID, changes: ProductChanges) -> Product:
        """Apply the changes; re-analyse when an input of the score changed. No change, no event."""
        try:
            async with self._uow() as uow:
                product = await existing(uow.products, "product", tenant_id, product_id, for_update=True)
                updated, changed = with_changes(
                    product, changes.values, updated_at=utcnow(), version=product.version + 1
                )
                if not changed:
                    return product
                _check_currency(product, changes)
                if "sku" in changed and await uow.products.sku_owner(tenant_id, str(changes.values["sku"])):
                    raise DuplicateSku(str(changes.values["sku"]))
                reanalyze = bool(PRODUCT_SCORE_INPUTS.intersection(changed))
                if reanalyze:
                    supplier = await supplier_or_none(uow.suppliers, tenant_id, updated.supplier_id)
                    updated = reanalyzed(updated, supplier, self.policy, updated.updated_at)
                updated = margin_checked(updated, self._pricing)
                await uow.products.save(updated)
                self._emit_update(uow, product, updated, changed, reanalyze)
                if alarm := margin_alarm(product, updated, self._pricing, trigger="product_updated"):
                    uow.emit(alarm)
                await uow.commit()
                return updated
        except UniqueViolation:
            raise DuplicateSku(str(changes.values.get("sku", ""))) from None

    async def delete(self, *, tenant_id: int, product_id: uuid.UUID) -> Product:
        """Discontinue the product; an already discontinued product is returned unchanged."""
        async with self._uow() as uow:
            product = await existing(uow.products, "product", tenant_id, product_id, for_update=True)
            if product.status is ProductStatus.DISCONTINUED:
                return product
            discontinued = replace(
                product, status=ProductStatus.DISCONTINUED, updated_at=utcnow(), version=product.version + 1
            )
            await uow.products.save(discontinued)
            uow.emit(_discontinued(product))
            await uow.commit()
            return discontinued

    def _new_product(
        self, tenant_id: int, draft: ProductDraft, supplier: Supplier | None, request_id: str | None
    ) -> Product:
        signals = signals_of(
            source_price=draft.source_price,
            selling_price=draft.selling_price,
            category=draft.category,
            competitor_count=draft.competitor_count,
            review_rating=draft.review_rating,
            review_count=draft.review_count,
            supplier=supplier,
        )
        result = analyze(signals, self.policy)
        now = utcnow()
        currency = draft.source_price.currency
        product = Product(
            id=new_id(),
            tenant_id=tenant_id,
            sku=draft.sku,
            asin=draft.asin,
            title=draft.title,
            description=draft.description,
            category=draft.category,
            status=draft.status,
            source_price=draft.source_price,
            recommended_price=Money(result.recommended_price, currency),
            selling_price=Money(result.selling_price, currency),
            analysis=as_product_analysis(result, now),
            supplier_id=draft.supplier_id,
            competitor_count=draft.competitor_count,
            review_rating=draft.review_rating,
            review_count=draft.review_count,
            weight_grams=draft.weight_grams,
            dimensions=draft.dimensions,
            image_urls=draft.image_urls,
            tags=draft.tags,
            stock_available=draft.initial_stock,
            request_id=request_id,
            created_at=now,
            updated_at=now,
            fulfilment_mode=draft.fulfilment_mode,
        )
        return margin_checked(product, self._pricing)

    @staticmethod
    def _emit_update(
        uow: CatalogUnitOfWork, before: Product, after: Product, changed: builtins.list[str], reanalyzed: bool
    ) -> None:
        names = [EVENT_FIELD_NAMES.get(name, name) for name in changed]
        if after.recommended_price != before.recommended_price:
            names.append("pricing.recommended_price")
        if after.analysis.score != before.analysis.score or after.analysis.factors != before.analysis.factors:
            names.append("analysis")
        if after.margin_at_risk is not before.margin_at_risk:
            names.append("margin_at_risk")
        uow.emit(
            ProductUpdated(
                tenant_id=after.tenant_id,
                product=after,
                changed_fields=tuple(names),
                reanalyzed=reanalyzed,
                previous_score=before.analysis.score,
                previous_classification=before.analysis.classification,
            )
        )
        if reanalyzed:
            uow.emit(_analysis_started(after, "product_updated"))
        if after.status is ProductStatus.DISCONTINUED and before.status is not ProductStatus.DISCONTINUED:
            uow.emit(_discontinued(before))


async def supplier_or_none(
    suppliers: SupplierRepository, tenant_id: int, supplier_id: uuid.UUID | None
) -> Supplier | None:
    """The tenant's supplier, None for no supplier; NOT_FOUND for an id the tenant does not have."""
    if supplier_id is None:
        return None
    return await existing(suppliers, "supplier", tenant_id, supplier_id)


def _check_currency(product: Product, changes: ProductChanges) -> None:
    """All prices of a product share one currency."""
    source = changes.values.get("source_price", product.source_price)
    selling = changes.values.get("selling_price", product.selling_price)
    assert isinstance(source, Money) and isinstance(selling, Money)
    if source.currency != selling.currency:
        name = "selling_price" if "selling_price" in changes.values else "source_price"
        raise InvalidArgument(
            [
                FieldViolation(
                    f"product.{EVENT_FIELD_NAMES[name]}",
                    f"all prices of a product share one currency: source {source.currency}, "
                    f"selling {selling.currency}",
                )
            ]
        )


def _analysis_started(product: Product, trigger: str) -> ProductAnalysisStarted:
    return ProductAnalysisStarted(
        tenant_id=product.tenant_id, product_id=product.id, sku=product.sku, trigger=trigger
    )


def _discontinued(before: Product) -> ProductDiscontinued:
    return ProductDiscontinued(
        tenant_id=before.tenant_id, product_id=before.id, sku=before.sku, previous_status=before.status
    )
