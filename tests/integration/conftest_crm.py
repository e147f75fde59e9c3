"""Fixtures and helpers of the CRM core tests (contacts, deals, conversion); import what you use."""

from __future__ import annotations

import uuid
from decimal import Decimal

from google.type import money_pb2

from crm.v2 import (
    contact_service_pb2,
    deal_service_pb2,
    event_service_pb2,
    event_service_pb2_grpc,
)


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


async def event_types(events: event_service_pb2_grpc.EventServiceStub, tenant_id: int) -> list[str]:
    """The tenant's recorded event types, oldest first."""
    listed = await events.ListEvents(event_service_pb2.ListEventsRequest(tenant_id=tenant_id, page_size=200))
    return [e.type for e in reversed(listed.events)]
