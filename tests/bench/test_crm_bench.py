"""CRM benchmarks on PostgreSQL (figures, not pass/fail): GetPipelineSummary over 100,000 deals of a
tenant, alone and among 4 more tenants of that size, and ListDeals at a deep keyset page against page 1.
Run with `make bench`."""

from __future__ import annotations

import statistics
import time

import grpc
import pytest
from sqlalchemy import text

from crm.v2 import deal_service_pb2 as pb
from crm.v2 import deal_service_pb2_grpc
from domain.tenancy import acting_for
from storage.database import open_database
from tests.conftest import PostgresDatabases, RunningServer, make_settings, serving

DEALS_PER_TENANT = 100_000
OTHER_TENANTS = 4
REPEATS = 50
PAGE_SIZE = 20
DEEP_PAGE = 200
TENANT = 5151

# Set-based seeding: one INSERT ... SELECT per tenant; stages, amounts and close times spread evenly.
SEED_SQL = text(
    """
    INSERT INTO deals (id, tenant_id, title, amount, currency, weighted_amount, stage, probability,
                       expected_close_date, contact_id, owner, lead_id, notes, close_reason, closed_at,
                       created_at, updated_at)
    SELECT gen_random_uuid(), :tenant, 'Deal ' || g, (g % 10000) + 0.50, 'USD',
           round(((g % 10000) + 0.50) * p.probability, 2), p.stage, p.probability,
           DATE '2027-01-01' + (g % 365), NULL, 'rep' || (g % 20), NULL, '', '',
           CASE WHEN p.stage LIKE 'closed%' THEN now() - (g % 90) * interval '1 day' END, now(), now()
    FROM generate_series(1, :count) AS g
    JOIN (VALUES (0, 'prospecting', 0.10), (1, 'qualification', 0.25), (2, 'proposal', 0.50),
                 (3, 'negotiation', 0.75), (4, 'closed_won', 1.0), (5, 'closed_lost', 0.0))
         AS p(n, stage, probability) ON p.n = g % 6
    """
)


@pytest.fixture
async def bench_server(postgres: PostgresDatabases):
    async with serving(make_settings(postgres.new_database("crmbench")), "postgres") as running:
        yield running


async def seed(running: RunningServer, tenant_id: int) -> None:
    with acting_for(tenant_id):  # row-level security admits the tenant's own rows only
        async with running.server.components.database.engine.begin() as connection:
            await connection.execute(SEED_SQL, {"tenant": tenant_id, "count": DEALS_PER_TENANT})
    owner = open_database(running.server.settings.migration_database_url, pool_size=1)
    try:  # only the owner may ANALYZE
        async with owner.engine.connect() as connection:
            await connection.execution_options(isolation_level="AUTOCOMMIT")
            await connection.execute(text("ANALYZE deals"))
    finally:
        await owner.dispose()


async def latencies(call, repeats: int = REPEATS) -> tuple[float, float]:
    """(median, p99) in milliseconds."""
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        await call()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.99))]


async def test_pipeline_summary_and_deep_deal_pages(bench_server: RunningServer) -> None:
    await seed(bench_server, TENANT)
    async with grpc.aio.insecure_channel(bench_server.target) as channel:
        deals = deal_service_pb2_grpc.DealServiceStub(channel)
        request = pb.GetPipelineSummaryRequest(tenant_id=TENANT)
        summary = await deals.GetPipelineSummary(request)
        assert sum(s.deal_count for s in summary.stages) == DEALS_PER_TENANT
        alone = await latencies(lambda: deals.GetPipelineSummary(request))

        for other in range(1, OTHER_TENANTS + 1):
            await seed(bench_server, TENANT + other)
        crowded = await latencies(lambda: deals.GetPipelineSummary(request))

        listing = pb.ListDealsRequest(tenant_id=TENANT, page_size=PAGE_SIZE, stages=[pb.DEAL_STAGE_PROPOSAL])
        token = ""
        tokens = []
        for _ in range(DEEP_PAGE):
            tokens.append(token)
            listing.page_token = token
            token = (await deals.ListDeals(listing)).next_page_token

        def page(at: str):
            return deals.ListDeals(
                pb.ListDealsRequest(
                    tenant_id=TENANT, page_size=PAGE_SIZE, stages=[pb.DEAL_STAGE_PROPOSAL], page_token=at
                )
            )

        first = await latencies(lambda: page(tokens[0]), 20)
        deep = await latencies(lambda: page(tokens[-1]), 20)

    print(
        f"\n[bench] GetPipelineSummary, {DEALS_PER_TENANT:,} deals in the tenant, PostgreSQL,"
        f" {REPEATS} calls:"
        f" alone median {alone[0]:.1f} ms p99 {alone[1]:.1f} ms;"
        f" among {OTHER_TENANTS} more tenants of that size median {crowded[0]:.1f} ms p99 {crowded[1]:.1f} ms"
        f"\n[bench] ListDeals stage=proposal page_size {PAGE_SIZE} (median/p99 of 20): page 1 {first[0]:.2f}/"
        f"{first[1]:.2f} ms, page {DEEP_PAGE} {deep[0]:.2f}/{deep[1]:.2f} ms"
    )
