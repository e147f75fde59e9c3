"""Where repository statements run: SQLAlchemy builds them, the database driver runs them.

Repositories build SQLAlchemy Core statements and hand them to a `Sql`: the one transaction of a unit of
work. On SQLite that is SQLAlchemy's own connection. On PostgreSQL it is psycopg itself: each statement is
compiled once per shape (cached on SQLAlchemy's cache key) and sent with its parameters straight to the
driver, prepared server-side after a few uses. Measured on a one-row read (GetProduct) on this machine,
SQLAlchemy's execution path cost about 570 µs of CPU per statement (the greenlet bridge, an execution
context and result metadata per call, and psycopg building one Column object per result column for
`cursor.description`) where psycopg alone costs about 120 µs. The SQL is the same: SQLAlchemy compiles it,
and its own bind and result processors are applied here, so a repository sees the rows SQLAlchemy would
have given it.

`IN` over a list is sent as `= ANY(array)` on PostgreSQL: one statement shape (and one prepared statement)
whatever the length of the list, instead of one per length.
"""

from __future__ import annotations

import contextlib
import re
from collections import namedtuple
from collections.abc import Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import psycopg
from sqlalchemy import Executable, Select, func, select
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ClauseElement
from sqlalchemy.sql.selectable import TypedReturnsRows

Params = Mapping[str, Any] | Sequence[Mapping[str, Any]] | None


class Rows(Protocol):
    """What a repository reads from an executed statement (the subset of SQLAlchemy's Result it uses)."""

    @property
    def rowcount(self) -> int: ...

    def __iter__(self) -> Iterator[Any]: ...
    def all(self) -> Sequence[Any]: ...
    def one(self) -> Any: ...
    def one_or_none(self) -> Any | None: ...
    def first(self) -> Any | None: ...
    def scalar(self) -> Any: ...
    def scalar_one(self) -> Any: ...
    def scalar_one_or_none(self) -> Any: ...
    def scalars(self) -> Any: ...
    def mappings(self) -> Any: ...


@dataclass(frozen=True, slots=True)
class Estimate:
    """As one of `execute_all`'s statements: how many rows `statement` would return, as the scalar of its
    rows. PostgreSQL's planner estimate on the driver (EXPLAIN: planned, not run); an exact count through
    SQLAlchemy's connection."""

    statement: Select[Any]


Statement = Executable | Estimate


class Sql(Protocol):
    """The transaction of a unit of work, as its repositories see it."""

    @property
    def dialect_name(self) -> str: ...

    @property
    def plans_estimates(self) -> bool:
        """Whether an `Estimate` is the planner's, cheap enough to send with every page; else a count."""

    async def execute(self, statement: Executable, params: Params = None) -> Rows: ...

    async def scalar(self, statement: Executable, params: Mapping[str, Any] | None = None) -> Any: ...

    async def send(self, statement: Executable, params: Mapping[str, Any] | None = None) -> None:
        """Run `statement` whose outcome nobody reads; a write may send it ahead of the next statement."""

    async def execute_all(
        self, statements: Sequence[tuple[Statement, Mapping[str, Any] | None]]
    ) -> Sequence[Rows]:
        """Run independent statements, in order, in one round trip where the database allows."""


class SqlAlchemySql:
    """Statements run through SQLAlchemy's connection (SQLite, and the background pool)."""

    plans_estimates = False

    def __init__(self, connection: AsyncConnection) -> None:
        self.connection = connection
        self.dialect_name = connection.dialect.name

    async def execute(self, statement: Executable, params: Params = None) -> Rows:
        return await self.connection.execute(statement, params)

    async def scalar(self, statement: Executable, params: Mapping[str, Any] | None = None) -> Any:
        return await self.connection.scalar(statement, params)

    async def send(self, statement: Executable, params: Mapping[str, Any] | None = None) -> None:
        await self.connection.execute(statement, params)

    async def execute_all(
        self, statements: Sequence[tuple[Statement, Mapping[str, Any] | None]]
    ) -> list[Rows]:
        return [
            await self.execute(_counted(s.statement) if isinstance(s, Estimate) else s, params)
            for s, params in statements
        ]


def _counted(statement: Select[Any]) -> Select[Any]:
    return select(func.count()).select_from(statement.subquery())


_EXPLAIN = "EXPLAIN (FORMAT JSON) "
_ESTIMATE_KEYS = ("estimate",)


async def _planned_rows(cursor: Any) -> DriverRows:
    """The rows the plan of an EXPLAIN (FORMAT JSON) expects, as one row of one column."""
    row = await cursor.fetchone()
    plan = row[0] if row else None
    return DriverRows(_ESTIMATE_KEYS, [(int(plan[0]["Plan"]["Plan Rows"]) if plan else 0,)], 1)


class NoRows(Exception):
    """`one()` or `scalar_one()` of a statement that returned no row."""


class ManyRows(Exception):
    """`one()` or `one_or_none()` of a statement that returned more than one row."""


class DriverRows:
    """The rows of a statement run on the driver: tuples with attribute access by column key."""

    __slots__ = ("_keys", "_rows", "rowcount")

    def __init__(self, keys: tuple[str, ...], rows: list[Any], rowcount: int) -> None:
        self._keys = keys
        self._rows = rows
        self.rowcount = rowcount

    def __iter__(self) -> Iterator[Any]:
        return iter(self._rows)

    def all(self) -> list[Any]:
        return self._rows

    def first(self) -> Any | None:
        return self._rows[0] if self._rows else None

    def one(self) -> Any:
        if not self._rows:
            raise NoRows("the statement returned no row")
        if len(self._rows) > 1:
            raise ManyRows("the statement returned more than one row")
        return self._rows[0]

    def one_or_none(self) -> Any | None:
        if len(self._rows) > 1:
            raise ManyRows("the statement returned more than one row")
        return self._rows[0] if self._rows else None

    def scalar(self) -> Any:
        return self._rows[0][0] if self._rows else None

    def scalar_one(self) -> Any:
        return self.one()[0]

    def scalar_one_or_none(self) -> Any:
        row = self.one_or_none()
        return None if row is None else row[0]

    def scalars(self) -> DriverRows:
        return DriverRows(self._keys[:1], [row[0] for row in self._rows], self.rowcount)

    def mappings(self) -> DriverRows:
        keys = self._keys
        return DriverRows(keys, [dict(zip(keys, row, strict=True)) for row in self._rows], self.rowcount)


class CompiledStatement:
    """A statement compiled for one dialect, with what running it needs: the SQL text, the processors of
    its parameters and of its result columns, and the keys of those columns."""

    __slots__ = ("_result_processors", "bind_processors", "compiled", "deferrable", "keys", "row_type", "sql")

    def __init__(self, compiled: SQLCompiler, sql: str) -> None:
        self.compiled = compiled
        self.sql = sql
        self.bind_processors: dict[str, Any] = dict(compiled._bind_processors)
        columns = compiled._result_columns
        self.keys: tuple[str, ...] = tuple(column.keyname for column in columns)
        self.row_type: Any = namedtuple("Row", self.keys, rename=True) if self.keys else None
        self._result_processors: list[tuple[int, Any]] | None = None
        # an INSERT whose outcome nobody reads: a write may send it ahead (PsycopgSql)
        self.deferrable = bool(compiled.isinsert) and not compiled.effective_returning

    def result_processors(self, dialect: Dialect, type_codes: Sequence[int]) -> list[tuple[int, Any]]:
        """The columns whose driver value needs processing, by position, with their processor (most need
        none), decided on the first execution, when the types the database returns are known."""
        if self._result_processors is None:
            columns = self.compiled._result_columns
            processors = (
                column.type._cached_result_processor(dialect, type_code)
                for column, type_code in zip(columns, type_codes, strict=False)
            )
            self._result_processors = [(i, p) for i, p in enumerate(processors) if p is not None]
        return self._result_processors


# `col IN (__[POSTCOMPILE_name])`, as SQLAlchemy renders an IN over a list whose length it learns only at
# execution: rendered once as `col = ANY(%(name)s::type[])` instead.
_EXPANDING = re.compile(r"(NOT )?IN \(__\[POSTCOMPILE_(\w+)\]\)")


class StatementCache:
    """Compiled statements of one dialect, by SQLAlchemy's cache key (the statement's shape, not its
    values) and the parameter names given at execution (which decide the columns of an INSERT)."""

    def __init__(self, dialect: Dialect, *, size: int = 2000) -> None:
        self.dialect = dialect
        self._size = size
        self._compiled: dict[Any, CompiledStatement] = {}

    def prepare(self, statement: ClauseElement, names: tuple[str, ...]) -> tuple[CompiledStatement, Any]:
        """The compiled form of `statement` and the values it carries (its literal bind values)."""
        key = statement._generate_cache_key()
        if key is None:  # an uncacheable construct: compiled for this execution only
            return self._compile(statement, names, None), None
        cache_key = (key.key, names)
        compiled = self._compiled.get(cache_key)
        if compiled is None:
            if len(self._compiled) >= self._size:
                self._compiled.clear()
            compiled = self._compiled[cache_key] = self._compile(statement, names, key)
        return compiled, key.bindparams

    def _compile(self, statement: ClauseElement, names: tuple[str, ...], key: Any) -> CompiledStatement:
        compiled = statement.compile(dialect=self.dialect, column_keys=list(names) or None, cache_key=key)
        assert isinstance(compiled, SQLCompiler)
        if compiled.literal_execute_params:
            raise NotImplementedError("literal_execute parameters are not supported on the driver path")
        sql = compiled.string
        if compiled.post_compile_params:
            sql = _EXPANDING.sub(lambda m: self._any(compiled, m), sql)
        return CompiledStatement(compiled, sql)

    def _any(self, compiled: SQLCompiler, match: re.Match[str]) -> str:
        negated, name = match.group(1), match.group(2)
        bind = next(b for b, n in compiled.bind_names.items() if n == name)
        element_type = bind.type.compile(dialect=self.dialect)
        operator, quantifier = ("<>", "ALL") if negated else ("=", "ANY")
        return f"{operator} {quantifier}(%({name})s::{element_type}[])"


def parameters(
    prepared: CompiledStatement, carried: Any, given: Mapping[str, Any] | None
) -> MutableMapping[str, Any]:
    """The parameters of one execution: the statement's own values and those given, processed for the
    driver (a list for an IN, element by element)."""
    compiled = prepared.compiled
    values = compiled.construct_params(
        dict(given) if given else None, extracted_parameters=carried, escape_names=True
    )
    processors = prepared.bind_processors
    if compiled.post_compile_params:
        for bind in compiled.post_compile_params:
            name = compiled.bind_names[bind]
            process = processors.get(name)
            items = list(values[name] or ())
            values[name] = [process(item) for item in items] if process else items
        expanding = {compiled.bind_names[b] for b in compiled.post_compile_params}
    else:
        expanding = set()
    for name, process in processors.items():
        if name in values and name not in expanding:
            values[name] = process(values[name])
    return values


def typed_rows(
    prepared: CompiledStatement, dialect: Dialect, type_codes: Sequence[int], rows: list[tuple[Any, ...]]
) -> list[Any]:
    """Rows of driver tuples as SQLAlchemy would give them: processed values, attribute access by key."""
    processors = prepared.result_processors(dialect, type_codes)
    if processors:
        rows = [_processed(row, processors) for row in rows]
    row_type = prepared.row_type
    if row_type is None:
        return rows
    return [row_type._make(row) for row in rows]


def _processed(row: tuple[Any, ...], processors: list[tuple[int, Any]]) -> tuple[Any, ...]:
    # A list page has dozens of columns a row and a few with a processor: only those are visited.
    values = list(row)
    for index, process in processors:
        values[index] = process(values[index])
    return tuple(values)


def returns_rows(statement: Executable) -> bool:
    return isinstance(statement, TypedReturnsRows) or bool(getattr(statement, "_returning", ()))


class PsycopgSql:
    """The statements of one PostgreSQL unit of work, run on psycopg itself, on a connection in autocommit
    mode: every transaction starts with the settings of its tenant scope (`opening`); a write sends its own
    BEGIN ahead of them.

    A read runs each statement (or each batch of `execute_all`) in a read-only transaction of its own: one
    pipeline of its scope (`opening`, READ ONLY included) and its statements, which the server runs as one
    implicit transaction that its Sync commits, so no BEGIN or COMMIT is sent or parsed: one round trip,
    READ COMMITTED's snapshot per statement as ever, and a connection a pooler (PgBouncer in transaction
    mode) may hand back at once. `execute_committed` runs a write the same way: the rows it locks are held
    while the server runs it, never while an answer travels to the client and back.
    A write runs in pipeline mode for the whole transaction: its opening goes out with its first statement,
    and an INSERT without RETURNING (or a `send`) does not wait for its outcome: it travels with the next
    statement that needs an answer, at the latest with the COMMIT. An error of a statement sent ahead is
    raised by that next statement, so the unit of work still sees it before anything commits."""

    dialect_name = "postgresql"
    plans_estimates = True

    def __init__(
        self,
        connection: Any,
        cache: StatementCache,
        *,
        read_only: bool,
        opening: Sequence[tuple[str, Sequence[Any]]] = (),
    ) -> None:
        self._connection = connection
        self._cache = cache
        self._read_only = read_only
        self._opening = opening
        self._pipeline: Any = None
        self._pipeline_scope: Any = None
        # a statement of the pipeline failed: the ones sent after it never ran, not even their PREPARE
        self._failed = False

    async def execute(self, statement: Executable, params: Params = None) -> DriverRows:
        if params is not None and not isinstance(params, Mapping):
            return await self._execute_many(statement, params)
        if self._read_only:
            return (await self.execute_all([(statement, params)]))[0]
        prepared, carried = self._prepare(statement, params)
        cursor = self._connection.cursor()
        with self._noting_failure():
            await self._open()
            await cursor.execute(prepared.sql, parameters(prepared, carried, params))
            if prepared.deferrable:
                return DriverRows((), [], -1)
            await self._pipeline.sync()
        return await self._rows(prepared, cursor)

    async def execute_all(
        self, statements: Sequence[tuple[Statement, Mapping[str, Any] | None]]
    ) -> list[DriverRows]:
        """Run independent statements in one round trip (a pipeline), in order; their rows in that order."""
        if not statements:
            return []
        runs: list[tuple[str, Any, Any, CompiledStatement | None]] = []
        for statement, params in statements:
            if isinstance(statement, Estimate):
                prepared, carried = self._prepare(statement.statement, params)
                sql, read_as = _EXPLAIN + prepared.sql, None
            else:
                prepared, carried = self._prepare(statement, params)
                sql, read_as = prepared.sql, prepared
            runs.append((sql, parameters(prepared, carried, params), self._connection.cursor(), read_as))
        if self._read_only:
            await self._alone([(sql, values, cursor) for sql, values, cursor, _ in runs])
        else:
            with self._noting_failure():
                await self._open()
                for sql, values, cursor, _ in runs:
                    await cursor.execute(sql, values)
                await self._pipeline.sync()
        return [
            await self._rows(prepared, cursor) if prepared is not None else await _planned_rows(cursor)
            for _, _, cursor, prepared in runs
        ]

    async def send(self, statement: Executable, params: Mapping[str, Any] | None = None) -> None:
        """Run `statement` without waiting for its outcome where the transaction allows (see the class)."""
        if self._read_only:
            await self.execute(statement, params)
            return
        prepared, carried = self._prepare(statement, params)
        with self._noting_failure():
            await self._open()
            await self._connection.cursor().execute(prepared.sql, parameters(prepared, carried, params))

    async def scalar(self, statement: Executable, params: Mapping[str, Any] | None = None) -> Any:
        return (await self.execute(statement, params)).scalar()

    async def execute_committed(
        self, statement: Executable, params: Mapping[str, Any] | None = None
    ) -> DriverRows:
        """`statement` as the whole of this transaction, sent with its scope in one round trip (see the
        class)."""
        prepared, carried = self._prepare(statement, params)
        cursor = self._connection.cursor()
        await self._alone([(prepared.sql, parameters(prepared, carried, params), cursor)])
        return await self._rows(prepared, cursor)

    async def commit(self) -> None:
        """Send COMMIT with whatever is still on its way, and wait for all of it."""
        scope = self._pipeline_scope
        if scope is None:
            return
        with self._noting_failure():
            await self._connection.execute("COMMIT")
            self._pipeline_scope = self._pipeline = None
            await scope.__aexit__(None, None, None)

    async def rollback(self) -> None:
        """End the transaction without a trace (errors of what was sent ahead are the caller's already)."""
        scope, self._pipeline_scope, self._pipeline = self._pipeline_scope, None, None
        if scope is not None:
            with contextlib.suppress(psycopg.Error):  # a failure the caller has met already
                await scope.__aexit__(None, None, None)
        await self._end_unfinished()

    async def _alone(self, runs: Sequence[tuple[str, Any, Any]]) -> None:
        """`runs` (SQL, parameters, cursor) as the whole of this transaction, in one round trip."""
        control = self._connection.cursor()
        try:
            # Leaving the pipeline syncs it once: one round trip, and the end of the implicit transaction
            # (committed, or rolled back where a statement failed).
            async with self._connection.pipeline():
                for sql, values in self._opening:
                    await control.execute(sql, values)
                for sql, values, cursor in runs:
                    await cursor.execute(sql, values)
        except psycopg.Error:
            self._failed = True
            await self._end_unfinished()
            raise

    async def _end_unfinished(self) -> None:
        """Roll back a transaction the server still holds open (a failure left it in error), and after a
        failure make psycopg forget the statements it believes prepared: the ones behind the failure in the
        pipeline never were, and their next use would not find them. Its own rollback is what forgets them;
        a read's implicit transaction, which its Sync rolled back already, is opened again for it."""
        connection = self._connection
        if connection.closed:
            return
        idle = connection.info.transaction_status == _IDLE
        if self._failed:
            if idle:
                await connection.execute("BEGIN")
            await connection.rollback()
        elif not idle:
            await connection.execute("ROLLBACK")

    async def _open(self) -> None:
        if self._pipeline_scope is not None:
            return
        self._pipeline_scope = self._connection.pipeline()
        self._pipeline = await self._pipeline_scope.__aenter__()
        control = self._connection.cursor()
        await control.execute("BEGIN")  # a write's statements span several syncs
        for sql, values in self._opening:
            await control.execute(sql, values)

    def _prepare(
        self, statement: Executable, params: Mapping[str, Any] | None
    ) -> tuple[CompiledStatement, Any]:
        return self._cache.prepare(statement, tuple(params) if params else ())  # type: ignore[arg-type]

    async def _rows(self, prepared: CompiledStatement, cursor: Any) -> DriverRows:
        result = cursor.pgresult
        if result is None or not result.nfields:
            return DriverRows((), [], cursor.rowcount)
        type_codes = [result.ftype(i) for i in range(result.nfields)]
        rows = typed_rows(prepared, self._cache.dialect, type_codes, await cursor.fetchall())
        return DriverRows(prepared.keys, rows, cursor.rowcount)

    async def _execute_many(self, statement: Executable, params: Sequence[Mapping[str, Any]]) -> DriverRows:
        if not params:
            return DriverRows((), [], 0)
        if self._read_only:
            raise RuntimeError("a read-only unit of work runs no executemany")
        prepared, carried = self._cache.prepare(statement, tuple(params[0]))  # type: ignore[arg-type]
        cursor = self._connection.cursor()
        with self._noting_failure():
            await self._open()
            await cursor.executemany(prepared.sql, [parameters(prepared, carried, p) for p in params])
            if not prepared.deferrable:
                await self._pipeline.sync()
        return DriverRows((), [], cursor.rowcount)

    @contextlib.contextmanager
    def _noting_failure(self) -> Iterator[None]:
        try:
            yield
        except psycopg.Error:
            self._failed = True
            raise


_IDLE = psycopg.pq.TransactionStatus.IDLE
