"""Cross-aggregate reads for operators: per-tenant record counts and the schema revision."""

from __future__ import annotations

from sqlalchemy import func, select, text
from sqlalchemy.exc import SQLAlchemyError

from storage.execution import Sql
from storage.rows import count_of
from storage.schema import Base


class SqlAlchemySystemRepository:
    def __init__(self, sql: Sql) -> None:
        self._sql = sql

    async def tenant_counts(self, tenant_id: int, tables: tuple[str, ...]) -> dict[str, int]:
        """Rows of the tenant in each named table; a table this schema does not have counts 0."""
        counts: dict[str, int] = {}
        for name in tables:
            table = Base.metadata.tables.get(name)
            if table is None:
                counts[name] = 0
                continue
            stmt = select(func.count()).select_from(table).where(table.c.tenant_id == tenant_id)
            counts[name] = await count_of(self._sql, stmt)
        return counts

    async def ping(self) -> None:
        await self._sql.execute(text("SELECT 1"))

    async def schema_revision(self) -> str:
        try:
            return str(await self._sql.scalar(text("SELECT version_num FROM alembic_version")) or "")
        except SQLAlchemyError:
            return ""
