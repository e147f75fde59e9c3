"""A list's total_size costs the same whatever the size of the table: exact while at most TOTAL_EXACT_UP_TO
rows match, beyond that PostgreSQL's planner estimates it (never less than what was counted); SQLite, the
embedded default, counts exactly."""

from __future__ import annotations

from crm.v2 import product_service_pb2 as pb
from crm.v2 import product_service_pb2_grpc
from storage.paging import TOTAL_EXACT_UP_TO
from tests.integration.conftest_catalog import seed_products


async def test_a_list_counts_exactly_up_to_the_bound(crm_server, channel, tenant_id):
    await seed_products(crm_server.server.components.database, tenant_id, TOTAL_EXACT_UP_TO)
    products = product_service_pb2_grpc.ProductServiceStub(channel)

    listed = await products.ListProducts(pb.ListProductsRequest(tenant_id=tenant_id, page_size=5))

    assert listed.total_size == TOTAL_EXACT_UP_TO
    assert len(listed.products) == 5


async def test_past_the_bound_postgresql_estimates_and_sqlite_counts(crm_server, channel, tenant_id):
    seeded = TOTAL_EXACT_UP_TO + 200
    await seed_products(crm_server.server.components.database, tenant_id, seeded)
    products = product_service_pb2_grpc.ProductServiceStub(channel)

    listed = await products.ListProducts(pb.ListProductsRequest(tenant_id=tenant_id, page_size=5))

    if crm_server.backend == "sqlite":
        assert listed.total_size == seeded
    else:
        assert listed.total_size > TOTAL_EXACT_UP_TO


async def test_a_filter_narrows_the_count_and_the_estimate_stays_out_of_other_tenants(
    crm_server, channel, tenant_id
):
    database = crm_server.server.components.database
    await seed_products(database, tenant_id, 30, category="home_garden")
    await seed_products(database, tenant_id + 1, TOTAL_EXACT_UP_TO + 50, category="home_garden")
    products = product_service_pb2_grpc.ProductServiceStub(channel)

    listed = await products.ListProducts(
        pb.ListProductsRequest(tenant_id=tenant_id, category="home_garden", page_size=5)
    )

    assert listed.total_size == 30
