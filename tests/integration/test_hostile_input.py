"""Inputs an attacker with only the .proto files sends (issue 12's findings): each is refused with a clear
status and details, never INTERNAL or UNKNOWN, and changes nothing."""

from __future__ import annotations

import grpc
import pytest
from google.protobuf import timestamp_pb2
from google.type import interval_pb2

from crm.v2 import deal_service_pb2 as pb
from crm.v2 import deal_service_pb2_grpc, event_service_pb2, product_service_pb2
from tests.support.status import field_violations

INVALID_TIMES = [
    timestamp_pb2.Timestamp(seconds=0, nanos=1_000_000_000),
    timestamp_pb2.Timestamp(seconds=0, nanos=-1),
    timestamp_pb2.Timestamp(seconds=253_402_300_800),  # past year 9999
    timestamp_pb2.Timestamp(seconds=-62_135_596_801),  # before year 1
]


@pytest.mark.parametrize(
    "stamp", INVALID_TIMES, ids=["nanos-1e9", "nanos-negative", "after-9999", "before-1"]
)
@pytest.mark.parametrize("bound", ["start_time", "end_time"])
async def test_an_invalid_timestamp_in_the_pipeline_period_is_invalid_argument(
    channel, tenant_id, stamp, bound
):
    period = interval_pb2.Interval(**{bound: stamp})
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await deal_service_pb2_grpc.DealServiceStub(channel).GetPipelineSummary(
            pb.GetPipelineSummaryRequest(tenant_id=tenant_id, period=period)
        )
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert f"period.{bound}" in field_violations(refused.value)


async def test_the_tenant_is_checked_before_the_period(channel):
    period = interval_pb2.Interval(end_time=INVALID_TIMES[0])
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await deal_service_pb2_grpc.DealServiceStub(channel).GetPipelineSummary(
            pb.GetPipelineSummaryRequest(tenant_id=0, period=period)
        )
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert {"tenant_id", "period.end_time"} <= set(field_violations(refused.value))


async def test_a_period_ending_at_the_earliest_time_does_not_overflow(channel, tenant_id):
    earliest = interval_pb2.Interval(end_time=timestamp_pb2.Timestamp(seconds=-62_135_596_800))  # 0001-01-01
    summary = await deal_service_pb2_grpc.DealServiceStub(channel).GetPipelineSummary(
        pb.GetPipelineSummaryRequest(tenant_id=tenant_id, period=earliest)
    )
    assert summary.open_deal_count == 0 and summary.won_count == 0


@pytest.mark.parametrize("body", [b"\xff\xff\xff\xff", b"\x0a\x05abc", b"\x08" + b"\xff" * 11])
async def test_an_undecodable_body_is_invalid_argument_without_internals(channel, body, caplog):
    import logging

    call = channel.unary_unary(
        "/crm.v2.DealService/GetPipelineSummary",
        request_serializer=lambda raw: raw,
        response_deserializer=lambda raw: raw,
    )
    with caplog.at_level(logging.INFO), pytest.raises(grpc.aio.AioRpcError) as refused:
        await call(body)
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "crm.v2.GetPipelineSummaryRequest" in refused.value.details()
    assert "Traceback" not in refused.value.details() and "Error" not in refused.value.details()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.parametrize("units", [100_000, 1_000_000, 2_147_483_646])  # + the reserved unit: int32 max
async def test_a_huge_stock_of_a_selling_product_answers_and_leaves_every_read_working(
    inventory, products, orders, tenant_id, units
):
    from crm.v2 import inventory_service_pb2 as ipb
    from tests.integration.conftest_orders import level, place, stocked_product

    product = await stocked_product(products, tenant_id, 5)
    await place(orders, tenant_id, (product.id, 1))  # a sale gives the product a velocity
    updated = await inventory.UpdateInventory(
        ipb.UpdateInventoryRequest(
            tenant_id=tenant_id, product_id=product.id, set_available=units, reason="count"
        )
    )
    assert updated.inventory_level.available == units
    assert (await level(inventory, tenant_id, product.id)).inventory_level.available == units
    listed = await inventory.ListInventory(ipb.ListInventoryRequest(tenant_id=tenant_id))
    assert [x.available for x in listed.inventory_levels] == [units]
    await inventory.OptimizeInventory(
        ipb.OptimizeInventoryRequest(tenant_id=tenant_id, product_id=product.id)
    )


async def test_an_adjustment_past_the_largest_stock_is_refused_and_changes_nothing(
    inventory, products, tenant_id
):
    from crm.v2 import inventory_service_pb2 as ipb
    from tests.integration.conftest_orders import level, stocked_product

    product = await stocked_product(products, tenant_id, 5)
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await inventory.UpdateInventory(
            ipb.UpdateInventoryRequest(
                tenant_id=tenant_id, product_id=product.id, adjust_by=2_147_483_647, reason="typo"
            )
        )
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "adjust_by" in field_violations(refused.value)
    assert (await level(inventory, tenant_id, product.id)).inventory_level.available == 5


async def test_a_stock_whose_units_on_hand_pass_the_largest_count_is_refused(
    inventory, products, orders, tenant_id
):
    from crm.v2 import inventory_service_pb2 as ipb
    from tests.integration.conftest_orders import level, place, stocked_product

    product = await stocked_product(products, tenant_id, 5)
    await place(orders, tenant_id, (product.id, 1))  # one unit reserved
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await inventory.UpdateInventory(
            ipb.UpdateInventoryRequest(
                tenant_id=tenant_id, product_id=product.id, set_available=2_147_483_647, reason="count"
            )
        )
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "set_available" in field_violations(refused.value)
    assert (await level(inventory, tenant_id, product.id)).inventory_level.available == 4


async def test_a_page_of_the_largest_rows_stops_at_the_byte_budget_and_continues(products, tenant_id):
    """100 products with every field at its maximum are about 4.5 MB: more than one response may carry."""
    import asyncio

    from crm.v2 import product_service_pb2 as ppb
    from tests.integration.conftest_catalog import a_product

    def largest(n: int) -> ppb.Product:
        urls = [f"https://img.example.com/{n}/{i}/" + "x" * 2000 for i in range(20)]
        return a_product(title="T" * 200, description="D" * 5000, image_urls=urls)

    for start in range(0, 100, 20):
        await asyncio.gather(
            *(
                products.CreateProduct(ppb.CreateProductRequest(tenant_id=tenant_id, product=largest(n)))
                for n in range(start, start + 20)
            )
        )
    seen: list[str] = []
    token, pages = "", 0
    while True:
        page = await products.ListProducts(
            ppb.ListProductsRequest(tenant_id=tenant_id, page_size=100, page_token=token)
        )
        seen += [p.id for p in page.products]
        pages += 1
        token = page.next_page_token
        if not token:
            break
    assert pages >= 2, "one page of 100 such products cannot fit in a response"
    assert len(seen) == len(set(seen)) == 100


async def test_replaying_a_request_id_consumes_no_order_number(orders, products, tenant_id):
    from tests.integration.conftest_orders import place, stocked_product

    product = await stocked_product(products, tenant_id, 20)
    from crm.v2 import order_service_pb2 as opb
    from tests.integration.conftest_orders import an_order

    request = opb.CreateOrderRequest(
        tenant_id=tenant_id, order=an_order((product.id, 1)), request_id="checkout-replay"
    )
    first = await orders.CreateOrder(request)
    for _ in range(3):
        assert await orders.CreateOrder(request) == first
    following = await place(orders, tenant_id, (product.id, 1))
    assert int(following.order_number[-4:]) == int(first.order_number[-4:]) + 1


async def test_a_request_id_reused_for_another_order_is_refused_and_creates_nothing(
    orders, products, tenant_id
):
    from crm.v2 import order_service_pb2 as opb
    from tests.integration.conftest_orders import an_order, place, stocked_product
    from tests.support.status import error_reason

    product = await stocked_product(products, tenant_id, 20)
    request = opb.CreateOrderRequest(
        tenant_id=tenant_id, order=an_order((product.id, 1)), request_id="checkout-9"
    )
    first = await orders.CreateOrder(request)
    assert await orders.CreateOrder(request) == first
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await place(orders, tenant_id, (product.id, 3), request_id="checkout-9")
    assert refused.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert error_reason(refused.value) == "REQUEST_ID_REUSED"
    following = await place(orders, tenant_id, (product.id, 1))
    assert int(following.order_number[-4:]) == int(first.order_number[-4:]) + 1


async def test_a_request_id_reused_for_another_lead_or_product_is_refused(leads, products, tenant_id):
    from crm.v2 import lead_service_pb2 as lpb
    from crm.v2 import product_service_pb2 as ppb
    from tests.integration.conftest_catalog import a_product
    from tests.integration.test_leads import a_lead
    from tests.support.status import error_reason

    lead = a_lead()
    first = await leads.CreateLead(lpb.CreateLeadRequest(tenant_id=tenant_id, lead=lead, request_id="form-1"))
    again = await leads.CreateLead(lpb.CreateLeadRequest(tenant_id=tenant_id, lead=lead, request_id="form-1"))
    assert again.id == first.id
    other = a_lead()
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await leads.CreateLead(lpb.CreateLeadRequest(tenant_id=tenant_id, lead=other, request_id="form-1"))
    assert error_reason(refused.value) == "REQUEST_ID_REUSED"

    product = a_product()
    made = await products.CreateProduct(
        ppb.CreateProductRequest(tenant_id=tenant_id, product=product, request_id="imp-1")
    )
    same = await products.CreateProduct(
        ppb.CreateProductRequest(tenant_id=tenant_id, product=product, request_id="imp-1")
    )
    assert same.id == made.id
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await products.CreateProduct(
            ppb.CreateProductRequest(tenant_id=tenant_id, product=a_product(), request_id="imp-1")
        )
    assert error_reason(refused.value) == "REQUEST_ID_REUSED"


async def test_an_error_echoing_huge_values_stays_readable_by_the_client(events, tenant_id):
    """Violations quote what was sent; unbounded, 100,000-character values made trailers of 300 KB, which
    the client refused as RESOURCE_EXHAUSTED ("metadata size exceeds hard limit"), losing the details."""
    huge = "x" * 100_000
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await events.ListEvents(event_service_pb2.ListEventsRequest(tenant_id=tenant_id, types=[huge] * 3))
    error = refused.value
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "types[0]" in field_violations(error)
    trailers = sum(len(key) + len(value) for key, value in error.trailing_metadata() or ())
    assert trailers + len(error.details() or "") < 8 * 1024  # gRPC's default soft limit on metadata


async def test_many_violations_are_summarised_within_the_limit(products, tenant_id):
    """500 bad ids of 5,000 characters each: the refusal still reaches the client with its details."""
    changes = product_service_pb2.BulkUpdateProductsRequest(
        tenant_id=tenant_id, product_ids=["not-an-id-" + "y" * 5_000 + str(i) for i in range(500)]
    )
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await products.BulkUpdateProducts(changes)
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field_violations(refused.value)
