"""The benchmark's data: tenants of a chosen size, seeded set-based.

Each tenant first gets one row of every kind through the real RPCs (a product with stock, a lead, a
contact, a 2-line order, and their events), so that every column holds what the service itself writes
(JSON documents, event payloads, score factors). Then each table is grown from that template row with one
`INSERT … SELECT … FROM generate_series` statement whose column list comes from the declared tables
(`storage/schema.py`), so the seeding follows the schema as it changes. Ids are md5-derived UUIDs that the
bench computes again in Python to build its requests, without reading them back.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

import grpc
import psycopg
from google.type import money_pb2, postal_address_pb2

import storage.schema  # noqa: F401  (registers every area's tables on the metadata)
from crm.v2 import (
    contact_service_pb2,
    contact_service_pb2_grpc,
    lead_service_pb2,
    lead_service_pb2_grpc,
    order_service_pb2,
    order_service_pb2_grpc,
    product_service_pb2,
    product_service_pb2_grpc,
)
from storage.base import Base

CATEGORIES = (
    "fitness",
    "health",
    "electronics",
    "beauty",
    "kitchen",
    "home_garden",
    "pet_supplies",
    "toys_games",
    "fashion",
    "office",
)
STOCK = 10_000_000  # enough that no order of the bench ever backorders
LEAD_STATUSES = ("new", "contacted", "qualified", "closed_won", "closed_lost")


def row_id(tenant: int, kind: str, n: int) -> str:
    """The id of the n-th seeded row (1-based) of a kind; `sql_id` computes the same in PostgreSQL."""
    return str(uuid.UUID(hashlib.md5(f"{tenant}:{kind}:{n}".encode()).hexdigest()))


def sql_id(tenant: int, kind: str, n: str = "g") -> str:
    return f"md5('{tenant}:{kind}:' || ({n}))::uuid"


@dataclass(frozen=True, slots=True)
class Tenant:
    id: int
    rows: int  # rows of each kind: products (with levels), leads, contacts, orders (2 items each), events

    def ids(self, kind: str, count: int, *, seed: int = 0) -> list[str]:
        """`count` ids of seeded rows spread over the whole tenant (a stride through 1..rows)."""
        count = min(count, self.rows)
        stride = max(1, self.rows // count)
        return [row_id(self.id, kind, 1 + (seed + i * stride) % self.rows) for i in range(count)]


def money(amount: str) -> money_pb2.Money:
    units, _, cents = amount.partition(".")
    return money_pb2.Money(currency_code="USD", units=int(units), nanos=int(cents.ljust(9, "0")))


def address() -> postal_address_pb2.PostalAddress:
    return postal_address_pb2.PostalAddress(
        region_code="US", address_lines=["1 Infinite Loop"], postal_code="95014", locality="Cupertino"
    )


def new_product(n: int | str, category: str = "fitness") -> product_service_pb2.Product:
    return product_service_pb2.Product(
        sku=f"T-{n}",
        title=f"Bench product {n}",
        category=category,
        status=product_service_pb2.PRODUCT_STATUS_ACTIVE,
        initial_stock=STOCK,
        pricing=product_service_pb2.ProductPricing(
            source_price=money("10.00"), current_selling_price=money("19.99")
        ),
        competitor_count=3,
        review_rating=4.5,
        review_count=120,
        tags=["bench"],
    )


def new_lead(n: int | str) -> lead_service_pb2.Lead:
    return lead_service_pb2.Lead(
        first_name="Ada",
        last_name=f"Bench{n}",
        email=f"lead.{n}@bench.example.com",
        company="Analytical Engines",
        job_title="CTO",
        source=lead_service_pb2.LEAD_SOURCE_REFERRAL,
    )


def new_order(n: int | str, product_ids: Sequence[str]) -> order_service_pb2.Order:
    first, second = product_ids
    return order_service_pb2.Order(
        customer_email=f"buyer.{n}@bench.example.com",
        customer_name="Bench Buyer",
        billing_address=address(),
        items=[
            order_service_pb2.OrderItem(product_id=first, quantity=1),
            order_service_pb2.OrderItem(product_id=second, quantity=2),
        ],
    )


def create_templates(target: str, tenant: int, metadata: Sequence[tuple[str, str]]) -> dict[str, str]:
    """One row of each kind through the service; returns the template ids by kind."""
    with grpc.insecure_channel(target) as channel:
        products = product_service_pb2_grpc.ProductServiceStub(channel)
        first, second = (
            products.CreateProduct(
                product_service_pb2.CreateProductRequest(tenant_id=tenant, product=new_product(f"tpl-{n}")),
                metadata=metadata,
            ).id
            for n in (1, 2)
        )
        lead = lead_service_pb2_grpc.LeadServiceStub(channel).CreateLead(
            lead_service_pb2.CreateLeadRequest(tenant_id=tenant, lead=new_lead("tpl")), metadata=metadata
        )
        contact = contact_service_pb2_grpc.ContactServiceStub(channel).CreateContact(
            contact_service_pb2.CreateContactRequest(
                tenant_id=tenant,
                contact=contact_service_pb2.Contact(
                    first_name="Grace",
                    last_name="Hopper",
                    email="contact.tpl@bench.example.com",
                    company="US Navy",
                    job_title="Rear Admiral",
                    phone="+1 202 555 0100",
                    owner="sales@bench.example.com",
                ),
            ),
            metadata=metadata,
        )
        order = order_service_pb2_grpc.OrderServiceStub(channel).CreateOrder(
            order_service_pb2.CreateOrderRequest(tenant_id=tenant, order=new_order("tpl", (first, second))),
            metadata=metadata,
        )
    return {"product": first, "lead": lead.id, "contact": contact.id, "order": order.id}


def clone(
    table: str, template: str, count: int, overrides: dict[str, str], *, skip: Sequence[str] = ()
) -> str:
    """INSERT … SELECT: `count` copies of the template rows of `table` (`template`, a condition on alias t),
    each with the `overrides` (SQL expressions of the series number g and of t)."""
    # a generated column (products.selling_cents) is the database's to fill
    columns = [
        c.name for c in Base.metadata.tables[table].columns if c.name not in skip and c.computed is None
    ]
    unknown = set(overrides) - set(columns)
    assert not unknown, f"{table} has no columns {unknown}"
    names = ", ".join(f'"{c}"' for c in columns)
    values = ", ".join(overrides.get(c, f't."{c}"') for c in columns)
    return (
        f"INSERT INTO {table} ({names}) SELECT {values} "
        f"FROM {table} AS t, generate_series(1, {count}) AS g WHERE {template}"
    )


def seed_statements(tenant: Tenant, templates: dict[str, str]) -> list[str]:
    t, n = tenant.id, tenant.rows
    categories = ", ".join(f"'{c}'" for c in CATEGORIES)
    statuses = ", ".join(f"'{s}'" for s in LEAD_STATUSES)
    spread = "now() - (g % 365) * interval '1 day' - (g % 86400) * interval '1 second'"
    product_of_line = f"1 + (g * 7 + t.line_no * 1009) % {n}"
    return [
        clone(
            "products",
            f"t.id = '{templates['product']}'",
            n,
            {
                "id": sql_id(t, "product"),
                "sku": "'S-' || g",
                "title": "'Bench product ' || g",
                "category": f"(ARRAY[{categories}])[1 + g % 10]",
                "request_id": "NULL",
            },
        ),
        clone(
            "inventory_levels",
            f"t.product_id = '{templates['product']}'",
            n,
            {"product_id": sql_id(t, "product")},
        ),
        clone(
            "leads",
            f"t.id = '{templates['lead']}'",
            n,
            {
                "id": sql_id(t, "lead"),
                "email": "'lead.' || g || '@bench.example.com'",
                "status": f"(ARRAY[{statuses}])[1 + g % 5]",
                "request_id": "NULL",
                "created_at": spread,
            },
        ),
        clone(
            "contacts",
            f"t.id = '{templates['contact']}'",
            n,
            {
                "id": sql_id(t, "contact"),
                "email": "'contact.' || g || '@bench.example.com'",
                "created_at": spread,
            },
        ),
        clone(
            "orders",
            f"t.id = '{templates['order']}'",
            n,
            {
                "id": sql_id(t, "order"),
                "order_number": "'B-' || g",
                "customer_email": "'buyer.' || (g % 5000) || '@bench.example.com'",
                "request_id": "NULL",
                "created_at": spread,
            },
        ),
        clone(
            "order_items",
            f"t.order_id = '{templates['order']}'",
            n,
            {
                "id": "gen_random_uuid()",
                "order_id": sql_id(t, "order"),
                "product_id": sql_id(t, "product", product_of_line),
                "created_at": spread,
            },
        ),
        clone(
            "outbox",
            f"t.seq = (SELECT min(seq) FROM outbox WHERE tenant_id = {t} AND aggregate_id = "
            f"'{templates['lead']}')",
            n,
            {"id": "gen_random_uuid()", "published_at": "now()"},
            skip=("seq",),
        ),
    ]


# Past this many rows a tenant is seeded with its tables' secondary indexes dropped and built again after:
# one sort per index instead of a million random B-tree insertions (on the shared 2-core machine, 1M rows
# took 11 minutes with the indexes in place; 150,000 rows took 48 s this way).
REBUILD_INDEXES_FROM = 100_000


def seed(conninfo: str, tenant: Tenant, templates: dict[str, str]) -> None:
    statements = seed_statements(tenant, templates)
    tables = [statement.split()[2] for statement in statements]
    with psycopg.connect(conninfo, autocommit=True) as conn:
        rebuilt: list[tuple[str, str]] = []
        if tenant.rows >= REBUILD_INDEXES_FROM:
            conn.execute(b"SET maintenance_work_mem = '256MB'")
            # Not the indexes of constraints (primary keys, UNIQUE constraints): those stay.
            rebuilt = conn.execute(
                """SELECT indexname, indexdef FROM pg_indexes AS i
                   WHERE schemaname = current_schema() AND tablename = ANY(%s)
                     AND NOT EXISTS (SELECT 1 FROM pg_constraint AS c WHERE c.conname = i.indexname)""",
                [tables],
            ).fetchall()
            for name, _ in rebuilt:
                conn.execute(f'DROP INDEX "{name}"'.encode())
        for statement in statements:
            conn.execute(statement.encode())  # bytes: psycopg must not read '%' in the SQL as a placeholder
        for _, definition in rebuilt:
            conn.execute(definition.encode())


def settle(conninfo: str) -> None:
    """VACUUM ANALYZE, as a database of this size would be: otherwise autovacuum works through the fresh
    rows during the measurement and first reads set hint bits."""
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(b"VACUUM (ANALYZE)")
