"""Deals on SQLAlchemy: rows <-> domain Deal with its stage history, keyset pages, pipeline aggregates."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, and_, bindparam, delete, func, insert, select

from domain.deals import (
    CLOSED_STAGES,
    Deal,
    DealFilter,
    DealStage,
    PipelineQuery,
    PipelineSummary,
    StageChange,
    StageFigures,
)
from domain.ids import new_id
from domain.money import DEFAULT_CURRENCY, Money
from domain.paging import Page, PageRequest
from storage.base import table_of
from storage.deals.tables import DealRow, DealStageChangeRow
from storage.execution import Rows, Sql
from storage.paging import Filter, ListStatements, list_page_with, unchanged
from storage.rows import finding, insert_row, overwrite

ZERO = Decimal("0.00")
DEALS = table_of(DealRow)
STAGE_CHANGES = table_of(DealStageChangeRow)
_INSERT_CHANGE = insert(STAGE_CHANGES)


# Each deal's stage changes, oldest first.
Histories = dict[uuid.UUID, list[StageChange]]


class SqlAlchemyDealRepository:
    def __init__(self, sql: Sql) -> None:
        self._sql = sql

    async def add(self, deal: Deal) -> None:
        await insert_row(self._sql, DEALS, _row_values(deal))
        await self._add_changes(deal, deal.stage_history)

    async def get(self, tenant_id: int, deal_id: uuid.UUID, *, for_update: bool = False) -> Deal | None:
        """The deal with its stage history: two statements in one round trip."""
        found, changes = await self._sql.execute_all(
            [
                finding(DEALS, tenant_id=tenant_id, entity_id=deal_id, for_update=for_update),
                (_STAGE_CHANGES_OF, {"tenant_id": tenant_id, "ids": [deal_id]}),
            ]
        )
        row = found.one_or_none()
        if row is None:
            return None
        return _to_domain(row, _histories_of(changes)[row.id])

    async def list(self, tenant_id: int, criteria: DealFilter, page: PageRequest) -> Page[Deal]:
        # The histories of the whole page go out with it: one statement, never one per deal.
        rows, (changes,) = await list_page_with(
            self._sql,
            _LIST,
            _filter(tenant_id, criteria),
            page,
            related=(_stage_changes_of,),
            convert=unchanged,
            mappings=False,
        )
        histories = _histories_of(changes)
        deals = [_to_domain(row, histories[row.id]) for row in rows.items]
        return rows.with_items(deals)

    async def save(self, deal: Deal, new_changes: Sequence[StageChange] = ()) -> None:
        await overwrite(self._sql, DEALS, values=_row_values(deal), entity="deal")
        await self._add_changes(deal, new_changes)

    async def delete(self, tenant_id: int, deal_id: uuid.UUID) -> DealStage | None:
        """Delete the deal and its history; the stage it was in, or None when there was no such deal."""
        stage = await self._sql.scalar(
            delete(DealRow)
            .where(DealRow.tenant_id == tenant_id, DealRow.id == deal_id)
            .returning(DealRow.stage)
        )
        if stage is None:
            return None
        await self._sql.execute(
            delete(DealStageChangeRow).where(
                DealStageChangeRow.tenant_id == tenant_id, DealStageChangeRow.deal_id == deal_id
            )
        )
        return DealStage(stage)

    async def pipeline(self, tenant_id: int, query: PipelineQuery) -> PipelineSummary:
        in_scope = [DealRow.tenant_id == tenant_id]
        if query.owner:
            in_scope.append(DealRow.owner == query.owner)
        currency = query.currency or await self._main_currency(in_scope)
        figures = await self._stage_figures([*in_scope, DealRow.currency == currency])
        period = (DealRow.closed_at >= query.period_start, DealRow.closed_at < query.period_end)
        won = DealRow.stage == DealStage.CLOSED_WON.value
        lost = DealRow.stage == DealStage.CLOSED_LOST.value
        row = (
            await self._sql.execute(
                select(
                    func.count().filter(won, *period, DealRow.currency == currency),
                    func.coalesce(
                        func.sum(DealRow.amount).filter(won, *period, DealRow.currency == currency), 0
                    ),
                    func.count().filter(lost, *period, DealRow.currency == currency),
                    func.coalesce(
                        func.sum(DealRow.amount).filter(lost, *period, DealRow.currency == currency), 0
                    ),
                    func.count().filter(DealRow.currency != currency),
                ).where(*in_scope)
            )
        ).one()
        won_count, won_amount, lost_count, lost_amount, excluded = row
        return PipelineSummary(
            stages=tuple(
                figures.get(stage) or StageFigures(stage, 0, ZERO, ZERO, 0.0) for stage in DealStage
            ),
            won_count=int(won_count),
            won_amount=_money(won_amount),
            lost_count=int(lost_count),
            lost_amount=_money(lost_amount),
            period_start=query.period_start,
            period_end=query.period_end,
            currency=currency,
            excluded_count=int(excluded),
        )

    async def _main_currency(self, in_scope: Sequence[Any]) -> str:
        stmt = (
            select(DealRow.currency)
            .where(*in_scope)
            .group_by(DealRow.currency)
            .order_by(func.count().desc(), DealRow.currency)
            .limit(1)
        )
        return await self._sql.scalar(stmt) or DEFAULT_CURRENCY

    async def _stage_figures(self, conditions: Sequence[Any]) -> dict[DealStage, StageFigures]:
        stmt = (
            select(
                DealRow.stage,
                func.count(),
                func.coalesce(func.sum(DealRow.amount), 0),
                func.coalesce(func.sum(DealRow.weighted_amount), 0),
                func.coalesce(func.avg(DealRow.probability), 0.0),
            )
            .where(*conditions)
            .group_by(DealRow.stage)
        )
        return {
            DealStage(stage): StageFigures(
                DealStage(stage), int(count), _money(amount), _money(weighted), round(float(average), 4)
            )
            for stage, count, amount, weighted, average in (await self._sql.execute(stmt)).all()
        }

    async def _add_changes(self, deal: Deal, changes: Sequence[StageChange]) -> None:
        if not changes:
            return
        await self._sql.execute(
            _INSERT_CHANGE,
            [
                {
                    "id": new_id(),
                    "tenant_id": deal.tenant_id,
                    "deal_id": deal.id,
                    "from_stage": change.from_stage.value if change.from_stage else None,
                    "to_stage": change.to_stage.value,
                    "changed_by": change.changed_by,
                    "changed_at": change.changed_at,
                }
                for change in changes
            ],
        )


def _money(value: object) -> Decimal:
    # SQLite sums NUMERIC as floats; quantizing through str keeps the cents exact.
    return Decimal(str(value)).quantize(Decimal("0.01"))


_LIST = ListStatements(
    DEALS,
    {
        "tenant": DEALS.c.tenant_id == bindparam("tenant_id"),
        "stages": DEALS.c.stage.in_(bindparam("stages", expanding=True)),
        "open": DEALS.c.stage.not_in([stage.value for stage in CLOSED_STAGES]),
        "owner": DEALS.c.owner == bindparam("owner"),
        "contact": DEALS.c.contact_id == bindparam("contact_id"),
        "close_from": and_(
            DEALS.c.expected_close_date.is_not(None), DEALS.c.expected_close_date >= bindparam("close_from")
        ),
        "close_to": and_(
            DEALS.c.expected_close_date.is_not(None), DEALS.c.expected_close_date <= bindparam("close_to")
        ),
    },
)


def _filter(tenant_id: int, criteria: DealFilter) -> Filter:
    close_from, close_to = criteria.close_from, criteria.close_to
    return _LIST.filter(
        tenant={"tenant_id": tenant_id},
        stages={"stages": [stage.value for stage in criteria.stages]} if criteria.stages else None,
        open={} if criteria.open_only else None,
        owner={"owner": criteria.owner} if criteria.owner else None,
        contact={"contact_id": criteria.contact_id} if criteria.contact_id is not None else None,
        close_from={"close_from": close_from} if close_from is not None else None,
        close_to={"close_to": close_to} if close_to is not None else None,
    )


def _row_values(deal: Deal) -> dict[str, Any]:
    return {
        "id": deal.id,
        "tenant_id": deal.tenant_id,
        "title": deal.title,
        "amount": deal.amount.amount,
        "currency": deal.amount.currency,
        "weighted_amount": deal.weighted_amount.amount,
        "stage": deal.stage.value,
        "probability": deal.probability,
        "expected_close_date": deal.expected_close_date,
        "contact_id": deal.contact_id,
        "owner": deal.owner,
        "lead_id": deal.lead_id,
        "notes": deal.notes,
        "close_reason": deal.close_reason,
        "closed_at": deal.closed_at,
        "created_at": deal.created_at,
        "updated_at": deal.updated_at,
    }


def _to_domain(row: Any, history: list[StageChange]) -> Deal:
    return Deal(
        id=row.id,
        tenant_id=row.tenant_id,
        title=row.title,
        amount=Money(_money(row.amount), row.currency),
        stage=DealStage(row.stage),
        probability=row.probability,
        expected_close_date=row.expected_close_date,
        contact_id=row.contact_id,
        owner=row.owner,
        lead_id=row.lead_id,
        notes=row.notes,
        close_reason=row.close_reason,
        closed_at=row.closed_at,
        created_at=row.created_at,
        updated_at=row.updated_at,
        stage_history=tuple(history),
    )


def _stage_changes_of(deals: Any) -> Select[Any]:
    """The stage changes of `deals` (bound ids, or the ids a list's page selects), each deal's in the order
    they happened."""
    return (
        select(STAGE_CHANGES)
        .where(STAGE_CHANGES.c.tenant_id == bindparam("tenant_id"), STAGE_CHANGES.c.deal_id.in_(deals))
        .order_by(STAGE_CHANGES.c.deal_id, STAGE_CHANGES.c.changed_at, STAGE_CHANGES.c.id)
    )


_STAGE_CHANGES_OF = _stage_changes_of(bindparam("ids", expanding=True))


def _histories_of(changes: Rows) -> Histories:
    histories: Histories = defaultdict(list)
    for change in changes:
        histories[change.deal_id].append(
            StageChange(
                from_stage=DealStage(change.from_stage) if change.from_stage else None,
                to_stage=DealStage(change.to_stage),
                changed_by=change.changed_by,
                changed_at=change.changed_at,
            )
        )
    return histories
