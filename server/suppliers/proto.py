"""Supplier <-> protobuf."""

from __future__ import annotations

from crm.v2 import events_pb2
from crm.v2 import supplier_service_pb2 as pb
from domain import catalog_events
from domain.suppliers import Marketplace, Supplier
from server.edge.convert import EnumMapping, to_timestamp
from server.events.registration import EventRegistration

MARKETPLACE = EnumMapping(pb.Marketplace, Marketplace, "MARKETPLACE")


def supplier_to_proto(supplier: Supplier) -> pb.Supplier:
    return pb.Supplier(
        id=str(supplier.id),
        tenant_id=supplier.tenant_id,
        name=supplier.name,
        marketplace=MARKETPLACE.to_proto(supplier.marketplace),
        contact_email=supplier.contact_email,
        contact_phone=supplier.contact_phone,
        website=supplier.website,
        rating=supplier.rating,
        lead_time_days=supplier.lead_time_days,
        is_active=supplier.is_active,
        notes=supplier.notes,
        create_time=to_timestamp(supplier.created_at),
        update_time=to_timestamp(supplier.updated_at),
    )


REGISTRATIONS: tuple[EventRegistration, ...] = (
    (
        catalog_events.SupplierCreated,
        events_pb2.SupplierCreated,
        lambda e: events_pb2.SupplierCreated(tenant_id=e.tenant_id, supplier=supplier_to_proto(e.supplier)),
    ),
    (
        catalog_events.SupplierUpdated,
        events_pb2.SupplierUpdated,
        lambda e: events_pb2.SupplierUpdated(
            tenant_id=e.tenant_id,
            supplier=supplier_to_proto(e.supplier),
            changed_fields=list(e.changed_fields),
        ),
    ),
)
