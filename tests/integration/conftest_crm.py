"""Fixtures and helpers of the CRM core tests (contacts, deals, conversion); import what you use."""

from __future__ import annotations

import uuid
from decimal import Decimal

import grpc
import pytest
from google.rpc import error_details_pb2
from google.type import money_pb2
from grpc_status import rpc_status

from crm.v2 import (
    contact_service_pb2,
    contact_service_pb2_grpc,
    deal_service_pb2,
    deal_service_pb2_grpc,
    event_service_pb2,
    event_service_pb2_grpc,
    lead_service_pb2_grpc,
)


@pytest.fixture
def contacts(channel: grpc.aio.Channel) -> contact_service_pb2_grpc.ContactServiceStub:
    return contact_service_pb2_grpc.ContactServiceStub(channel)


@pytest.fixture
def deals(channel: grpc.aio.Channel) -> deal_service_pb2_grpc.DealServiceStub:
    return deal_service_pb2_grpc.DealServiceStub(channel)


@pytest.fixture
def leads(channel: grpc.aio.Channel) -> lead_service_pb2_grpc.LeadServiceStub:
    return lead_service_pb2_grpc.LeadServiceStub(channel)


@pytest.fixture
def events(channel: grpc.aio.Channel) -> event_service_pb2_grpc.EventServiceStub:
    return event_service_pb2_grpc.EventServiceStub(channel)


def a_contact(**overrides: object) -> contact_service_pb2.Contact:
    values: dict[str, object] = {
        "first_name": "Grace",
        "last_name": "Hopper",
        "email": f"grace.{uuid.uuid4().hex[:8]}@navy.example",
        "company": "US Navy",
        "job_title": "Rear Admiral",
        "phone": "+1 202 555 0100",
        "tags": ["cobol"],
        "owner": "sales@corp.example",
    }
    values.update(overrides)
    return contact_service_pb2.Contact(**values)  # type: ignore[arg-type]


def usd(amount: str, currency: str = "USD") -> money_pb2.Money:
    value = Decimal(amount)
    units = int(value)
    return money_pb2.Money(currency_code=currency, units=units, nanos=int((value - units) * 10**9))


def decimal_of(money: money_pb2.Money) -> Decimal:
    return Decimal(money.units) + Decimal(money.nanos) / 10**9


def a_deal(**overrides: object) -> deal_service_pb2.Deal:
    values: dict[str, object] = {"title": "Fleet software", "amount": usd("1000.00"), "owner": "alice"}
    values.update(overrides)
    return deal_service_pb2.Deal(**values)  # type: ignore[arg-type]


def _status_detail(error: grpc.aio.AioRpcError, message_type: type) -> object:
    status = rpc_status.from_call(error)
    assert status is not None, "the error carries no google.rpc.Status details"
    for detail in status.details:
        if detail.Is(message_type.DESCRIPTOR):
            message = message_type()
            detail.Unpack(message)
            return message
    raise AssertionError(f"no {message_type.__name__} detail in the status")


def field_violations(error: grpc.aio.AioRpcError) -> dict[str, str]:
    bad_request = _status_detail(error, error_details_pb2.BadRequest)
    return {v.field: v.description for v in bad_request.field_violations}  # type: ignore[attr-defined]


def error_info(error: grpc.aio.AioRpcError) -> error_details_pb2.ErrorInfo:
    return _status_detail(error, error_details_pb2.ErrorInfo)  # type: ignore[return-value]


async def event_types(events: event_service_pb2_grpc.EventServiceStub, tenant_id: int) -> list[str]:
    """The tenant's recorded event types, oldest first."""
    listed = await events.ListEvents(event_service_pb2.ListEventsRequest(tenant_id=tenant_id, page_size=200))
    return [e.type for e in reversed(listed.events)]
