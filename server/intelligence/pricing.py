"""Dynamic pricing use cases: one product (no change), and bulk runs over a filter: dry run, applied
inline, or handed to a BULK_PRICING workflow when large."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from domain.catalog import Product
from domain.clock import utcnow
from domain.codec import from_json, to_json
from domain.errors import NotFound
from domain.ids import new_id
from domain.intelligence import (
    INLINE_APPLY_LIMIT,
    BulkPricingAnswer,
    BulkPricingRequest,
    MarketConditions,
    PricedProduct,
    PricingRow,
)
from domain.intelligence_events import PricesOptimized, PriceUpdate
from domain.inventory import window_start
from domain.money import Money
from domain.workflows import BulkPricingOutcome, WorkflowType
from engines.pricing import PricingInput, optimise_price, summarise
from server.catalog.scoring import reanalyzed
from server.intelligence.ports import (
    IntelligencePolicies,
    IntelligenceUnitOfWork,
    UnitOfWorkFactory,
)
from server.resources import existing
from server.workflows.enqueue import enqueue

EVENT_BATCH = 1_000


class PricingUseCases:
    def __init__(self, uow: UnitOfWorkFactory, policies: IntelligencePolicies) -> None:
        self._uow = uow
        self._policies = policies

    async def optimize(
        self, *, tenant_id: int, product_id: uuid.UUID, conditions: MarketConditions, charm: bool
    ) -> PricedProduct:
        now = utcnow()
        days = self._policies.history_days
        async with self._uow(read_only=True) as uow:
            product = await existing(uow.products, "product", tenant_id, product_id)
            velocity = await uow.intelligence.daily_velocity(
                tenant_id, product_id, since=window_start(now, days), days=days
            )
        return self._priced(_row_of(product, velocity), conditions, charm=charm, month=now.month)

    async def bulk(self, *, tenant_id: int, request: BulkPricingRequest) -> BulkPricingAnswer:
        """Price every matched product; apply inline up to INLINE_APPLY_LIMIT, else start a workflow."""
        now = utcnow()
        async with self._uow(read_only=not request.apply) as uow:
            await _check_ids(uow, tenant_id, request)
            rows, skipped = await self.select(uow, tenant_id, request, now)
            if request.apply and len(rows) > INLINE_APPLY_LIMIT:
                workflow = await enqueue(
                    uow,
                    tenant_id=tenant_id,
                    kind=WorkflowType.BULK_PRICING,
                    product_id=None,
                    max_attempts=self._policies.max_attempts,
                    params=bulk_params(request),
                )
                await uow.commit()
                return BulkPricingAnswer(outcome=None, workflow=workflow)
            priced, outcome = self.price_all(rows, skipped, request, now)
            if request.apply:
                outcome = await apply_prices(uow, tenant_id, priced, outcome, self._policies, run_id=new_id())
                await uow.commit()
        ranked = sorted(priced, key=lambda p: (-abs(p.result.change_percent), str(p.product_id)))
        limit = request.result_limit
        return BulkPricingAnswer(outcome, tuple(ranked[:limit]), truncated=len(ranked) > limit)

    async def select(
        self, uow: IntelligenceUnitOfWork, tenant_id: int, request: BulkPricingRequest, now: datetime
    ) -> tuple[list[PricingRow], int]:
        days = self._policies.history_days
        return await uow.intelligence.pricing_rows(
            tenant_id, request.selection, since=window_start(now, days), days=days
        )

    def price_all(
        self, rows: Sequence[PricingRow], skipped: int, request: BulkPricingRequest, now: datetime
    ) -> tuple[list[PricedProduct], BulkPricingOutcome]:
        priced = [
            self._priced(r, request.conditions, charm=request.charm_pricing, month=now.month) for r in rows
        ]
        summary = summarise(
            [p.result for p in priced],
            current_prices={r.id: r.selling_price for r in rows},
            velocities={r.id: r.daily_velocity for r in rows},
            skipped=skipped,
        )
        currency = rows[0].currency if rows else "USD"
        return priced, BulkPricingOutcome(summary, currency, applied=False, applied_count=0)

    def _priced(
        self, row: PricingRow, conditions: MarketConditions, *, charm: bool, month: int
    ) -> PricedProduct:
        result = optimise_price(
            PricingInput(
                product_id=row.id,
                source_price=row.source_price,
                current_price=row.selling_price,
                category=row.category,
                classification=row.classification,
                month=month,
                competitor_count=row.competitor_count,
                demand=conditions.demand,
                daily_velocity=row.daily_velocity or None,
                competitor_prices=tuple(m.amount for m in conditions.competitor_prices),
                seasonality_factor=conditions.seasonality_factor,
                charm_pricing=charm,
            ),
            self._policies.pricing,
        )
        return PricedProduct(
            product_id=row.id,
            sku=row.sku,
            title=row.title,
            source_price=Money(row.source_price, row.currency),
            current_price=Money(row.selling_price, row.currency),
            result=result,
        )


async def apply_prices(
    uow: IntelligenceUnitOfWork,
    tenant_id: int,
    priced: Sequence[PricedProduct],
    outcome: BulkPricingOutcome,
    policies: IntelligencePolicies,
    *,
    run_id: uuid.UUID,
    workflow_id: uuid.UUID | None = None,
) -> BulkPricingOutcome:
    """Write the changed prices (locked in id order, re-scored, one set-based UPDATE) and emit
    `products.prices_optimized` in batches of EVENT_BATCH; the caller commits."""
    changes = {p.product_id: p for p in priced if p.result.changed}
    locked = await uow.products.lock_many(tenant_id, sorted(changes))
    suppliers = await uow.suppliers.get_many(tenant_id, {p.supplier_id for p in locked if p.supplier_id})
    now = utcnow()
    updated: list[Product] = []
    updates: list[PriceUpdate] = []
    for product in locked:
        change = changes[product.id]
        if product.selling_price != change.current_price:
            continue  # changed since it was priced: a later run prices it again
        moved = replace(
            product, selling_price=change.recommended_price, updated_at=now, version=product.version + 1
        )
        updated.append(
            reanalyzed(
                moved,
                suppliers.get(product.supplier_id) if product.supplier_id else None,
                policies.classification,
                now,
            )
        )
        updates.append(
            PriceUpdate(
                product.id,
                product.sku,
                product.selling_price.amount,
                change.result.recommended_price,
                change.result.change_percent,
            )
        )
    await uow.products.save_many(updated)
    applied = replace(outcome, applied=True, applied_count=len(updated))
    batches = [updates[i : i + EVENT_BATCH] for i in range(0, len(updates), EVENT_BATCH)] or [[]]
    for index, batch in enumerate(batches):
        uow.emit(
            PricesOptimized(
                tenant_id=tenant_id,
                run_id=run_id,
                workflow_id=workflow_id,
                summary=applied.summary,
                currency=applied.currency,
                applied_count=applied.applied_count,
                updates=tuple(batch),
                batch_index=index,
                batch_count=len(batches),
            )
        )
    return applied


def bulk_params(request: BulkPricingRequest) -> dict[str, object]:
    return {"request": to_json(request)}


def bulk_request_of(params: dict[str, object]) -> BulkPricingRequest:
    return from_json(BulkPricingRequest, params["request"])  # type: ignore[no-any-return]


async def _check_ids(uow: IntelligenceUnitOfWork, tenant_id: int, request: BulkPricingRequest) -> None:
    ids = request.selection.ids
    if ids:
        missing = set(ids) - await uow.intelligence.existing_ids(tenant_id, ids)
        if missing:
            raise NotFound("product", str(min(missing, key=str)))


def _row_of(product: Product, velocity: float | None) -> PricingRow:
    return PricingRow(
        id=product.id,
        sku=product.sku,
        title=product.title,
        category=product.category,
        classification=product.analysis.classification,
        source_price=product.source_price.amount,
        selling_price=product.selling_price.amount,
        currency=product.currency,
        competitor_count=product.competitor_count,
        daily_velocity=velocity or 0.0,
    )
