"""The walls between tenants that the database itself keeps, behind the repositories' tenant filters.

1. Row-level security (PostgreSQL): every table with a tenant_id column has RLS ENABLEd and FORCEd (so
   its owner is held too) and the `tenant_isolation` policy, which admits a row only when its tenant_id is
   the transaction's `crm.tenant_id` (storage/database.py sets it with the BEGIN, from the scope the
   interceptor authorised). No tenant set: no row at all (fail closed). The tables read across tenants by
   nature (the outbox, the workflows) also admit transactions with `crm.all_tenants = 'on'` for SELECT and
   UPDATE only: the relay and the runner's claims read and mark rows there, and nowhere else.
2. Tenant-safe keys (both backends): primary and unique keys lead with tenant_id, and every foreign key
   includes it, `(tenant_id, x_id) -> (tenant_id, id)`, so no row can reference another tenant's row.

A migration that creates a tenant table declares its keys that way and then calls
`enable_tenant_security(op, "table")`, which also refuses a key that breaks rule 2 (on PostgreSQL).
`tenant_security_gaps` lists what a schema lacks; a test and the start-up check use it (docs/security.md).

The SQL these functions emit is what earlier migrations ran: change it only by adding new functions.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

TENANT_COLUMN = "tenant_id"
# The settings the policies read, set for each transaction from the scope of the task that opens it.
TENANT_SETTING = "crm.tenant_id"
ALL_TENANTS_SETTING = "crm.all_tenants"
TENANT_POLICY = "tenant_isolation"
ACROSS_TENANTS_POLICIES = ("across_tenants_select", "across_tenants_update")
# The tenant of the transaction, NULL when none is set ('' once a session has seen the setting).
CURRENT_TENANT = "NULLIF(current_setting('crm.tenant_id', true), '')::bigint"
ACROSS_TENANTS = "current_setting('crm.all_tenants', true) = 'on'"

# Keys that span tenants by design: the relay's queue order and the event id consumers dedupe on.
CROSS_TENANT_KEYS = frozenset({("outbox", "primary key"), ("outbox", "unique (id)")})


def enable_tenant_security(op: Any, table: str, *, across_tenants: bool = False) -> None:
    """Put `table` behind row-level security (PostgreSQL; SQLite has none, see docs/security.md).

    `across_tenants` also admits the cross-tenant readers (SELECT and UPDATE); only tables the relay,
    the workflow runner or the operators' figures read across tenants need it. Raises when the table's
    keys would let a row reach another tenant's (see `key_gaps`)."""
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    gaps = key_gaps(bind, table)
    if gaps:
        raise RuntimeError(f"{table} is not tenant-safe: " + "; ".join(gaps))
    op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
    op.execute(
        f"CREATE POLICY {TENANT_POLICY} ON {table} "
        f"USING ({TENANT_COLUMN} = {CURRENT_TENANT}) WITH CHECK ({TENANT_COLUMN} = {CURRENT_TENANT})"
    )
    if across_tenants:
        select_policy, update_policy = ACROSS_TENANTS_POLICIES
        op.execute(f"CREATE POLICY {select_policy} ON {table} FOR SELECT USING ({ACROSS_TENANTS})")
        op.execute(
            f"CREATE POLICY {update_policy} ON {table} FOR UPDATE "
            f"USING ({ACROSS_TENANTS}) WITH CHECK ({ACROSS_TENANTS})"
        )


def disable_tenant_security(op: Any, table: str) -> None:
    """Undo `enable_tenant_security` (for downgrades)."""
    if op.get_bind().dialect.name != "postgresql":
        return
    for policy in (TENANT_POLICY, *ACROSS_TENANTS_POLICIES):
        op.execute(f"DROP POLICY IF EXISTS {policy} ON {table}")
    op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
    op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")


@contextmanager
def every_tenant_visible(op: Any, *tables: str) -> Iterator[None]:
    """For a data migration: the owner sees and changes every tenant's rows of `tables` inside the block.

    FORCE holds the owner to the policies too, so an UPDATE in a migration would otherwise touch nothing.
    The owner lifts FORCE for the block; the migration's transaction makes that invisible to everyone else
    (and a failure rolls it back with the rest)."""
    postgres = op.get_bind().dialect.name == "postgresql"
    if postgres:
        for table in tables:
            op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
    yield
    if postgres:
        for table in tables:
            op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")


def key_gaps(connection: Connection, table: str) -> list[str]:
    """What lets a row of `table` reach another tenant's: a primary or unique key that does not lead with
    tenant_id, or a foreign key without it on both sides (both backends)."""
    inspector = inspect(connection)
    gaps = []
    primary = inspector.get_pk_constraint(table).get("constrained_columns") or []
    if primary[:1] != [TENANT_COLUMN] and (table, "primary key") not in CROSS_TENANT_KEYS:
        gaps.append(f"its primary key ({', '.join(primary)}) does not lead with {TENANT_COLUMN}")
    unique_keys = [c["column_names"] for c in inspector.get_unique_constraints(table)] + [
        i["column_names"] for i in inspector.get_indexes(table) if i.get("unique")
    ]
    for columns in unique_keys:
        described = f"unique ({', '.join(str(c) for c in columns)})"
        if columns[:1] != [TENANT_COLUMN] and (table, described) not in CROSS_TENANT_KEYS:
            gaps.append(f"its key {described} does not lead with {TENANT_COLUMN}")
    for fk in inspector.get_foreign_keys(table):
        pairs = dict(zip(fk["constrained_columns"], fk["referred_columns"], strict=True))
        if pairs.get(TENANT_COLUMN) != TENANT_COLUMN:
            gaps.append(
                f"its foreign key ({', '.join(fk['constrained_columns'])}) -> {fk['referred_table']} "
                f"({', '.join(fk['referred_columns'])}) does not include {TENANT_COLUMN} on both sides"
            )
    return gaps


def tenant_tables(connection: Connection) -> list[str]:
    """The tables of the current schema that carry a tenant_id column."""
    inspector = inspect(connection)
    return sorted(
        name
        for name in inspector.get_table_names()
        if any(column["name"] == TENANT_COLUMN for column in inspector.get_columns(name))
    )


def tenant_security_gaps(connection: Connection) -> list[str]:
    """Every tenant table's missing wall: keys (both backends) and, on PostgreSQL, RLS not enabled or not
    forced, or no tenant_isolation policy on tenant_id. Empty when every tenant table is walled."""
    tables = tenant_tables(connection)
    gaps = [f"{table}: {gap}" for table in tables for gap in key_gaps(connection, table)]
    if connection.dialect.name != "postgresql":
        return gaps
    rows = connection.execute(
        text(
            "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, "
            "  (SELECT pg_get_expr(p.polqual, p.polrelid) FROM pg_policy p "
            "   WHERE p.polrelid = c.oid AND p.polname = :policy) "
            "FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace "
            "AND c.relkind IN ('r', 'p')"
        ),
        {"policy": TENANT_POLICY},
    ).all()
    security = {name: (enabled, forced, qual) for name, enabled, forced, qual in rows}
    for table in tables:
        enabled, forced, qual = security.get(table, (False, False, None))
        if not enabled:
            gaps.append(f"{table}: row-level security is not enabled")
        if not forced:
            gaps.append(f"{table}: row-level security is not forced (its owner would bypass it)")
        if qual is None or "crm.tenant_id" not in qual or TENANT_COLUMN not in qual:
            gaps.append(f"{table}: no {TENANT_POLICY} policy on {TENANT_COLUMN} = crm.tenant_id")
    return gaps


def role_warnings(connection: Connection) -> list[str]:
    """Why the connected role would get past row-level security, for the start-up log: a superuser or a
    BYPASSRLS role skips it; the owner of a tenant table (or a member of its role) is held by FORCE but
    may turn it off. Also a tenant table without RLS, FORCE or its policy. Two catalog queries; PostgreSQL
    only (SQLite has no roles)."""
    if connection.dialect.name != "postgresql":
        return []
    role, superuser, bypass = connection.execute(
        text("SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")
    ).one()
    warnings = []
    if superuser or bypass:
        why = "a superuser" if superuser else "a BYPASSRLS role"
        warnings.append(
            f"the service connects as {role!r}, {why}: row-level security does not apply to it; "
            "connect as a role that owns nothing (docs/security.md)"
        )
    rows = connection.execute(
        text(
            "SELECT c.relname, pg_has_role(current_user, c.relowner, 'MEMBER'), c.relrowsecurity, "
            "  c.relforcerowsecurity, EXISTS (SELECT 1 FROM pg_policy p "
            "    WHERE p.polrelid = c.oid AND p.polname = :policy) "
            "FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = :column "
            "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') "
            "ORDER BY c.relname"
        ),
        {"policy": TENANT_POLICY, "column": TENANT_COLUMN},
    ).all()
    owned = [name for name, owner, *_ in rows if owner]
    if owned and not superuser:
        warnings.append(
            f"the service connects as {role!r}, which owns {len(owned)} tenant tables ({', '.join(owned[:3])}"
            f"{', …' if len(owned) > 3 else ''}) and could turn their row-level security off; run it as a "
            "role that owns nothing and migrate with MIGRATION_DATABASE_URL (docs/security.md)"
        )
    unwalled = [name for name, _, enabled, forced, policy in rows if not (enabled and forced and policy)]
    if unwalled:
        warnings.append(
            f"{len(unwalled)} tenant tables lack forced row-level security or the {TENANT_POLICY} "
            f"policy: {', '.join(unwalled)}"
        )
    return warnings
