"""Catalog events (products, suppliers, inventory) -> events.proto messages."""

from __future__ import annotations

from crm.v2 import events_pb2
from domain import catalog_events as ev
from server.events.registration import EventRegistration
from server.rpc.product_mapping import CLASSIFICATION, STATUS, product_to_proto
from server.rpc.supplier_mapping import supplier_to_proto


def _bulk_updated(e: ev.ProductsBulkUpdated) -> events_pb2.ProductsBulkUpdated:
    return events_pb2.ProductsBulkUpdated(
        tenant_id=e.tenant_id,
        bulk_operation_id=str(e.bulk_operation_id),
        product_ids=[str(i) for i in e.product_ids],
        update_paths=list(e.update_paths),
        by_filter=e.by_filter,
        matched_count=e.matched_count,
        updated_count=e.updated_count,
        failed_count=e.failed_count,
    )


REGISTRATIONS: tuple[EventRegistration, ...] = (
    (
        ev.ProductCreated,
        events_pb2.ProductCreated,
        lambda e: events_pb2.ProductCreated(
            tenant_id=e.tenant_id, product=product_to_proto(e.product), request_id=e.request_id
        ),
    ),
    (
        ev.ProductAnalysisStarted,
        events_pb2.ProductAnalysisStarted,
        lambda e: events_pb2.ProductAnalysisStarted(
            tenant_id=e.tenant_id,
            product_id=str(e.product_id),
            sku=e.sku,
            trigger=e.trigger,
            workflow_id=e.workflow_id,
        ),
    ),
    (
        ev.ProductUpdated,
        events_pb2.ProductUpdated,
        lambda e: events_pb2.ProductUpdated(
            tenant_id=e.tenant_id,
            product=product_to_proto(e.product),
            changed_fields=list(e.changed_fields),
            reanalyzed=e.reanalyzed,
            previous_dropship_score=e.previous_score,
            previous_classification=CLASSIFICATION.to_proto(e.previous_classification),
        ),
    ),
    (
        ev.ProductDiscontinued,
        events_pb2.ProductDiscontinued,
        lambda e: events_pb2.ProductDiscontinued(
            tenant_id=e.tenant_id,
            product_id=str(e.product_id),
            sku=e.sku,
            previous_status=STATUS.to_proto(e.previous_status),
        ),
    ),
    (ev.ProductsBulkUpdated, events_pb2.ProductsBulkUpdated, _bulk_updated),
    (
        ev.SupplierCreated,
        events_pb2.SupplierCreated,
        lambda e: events_pb2.SupplierCreated(tenant_id=e.tenant_id, supplier=supplier_to_proto(e.supplier)),
    ),
    (
        ev.SupplierUpdated,
        events_pb2.SupplierUpdated,
        lambda e: events_pb2.SupplierUpdated(
            tenant_id=e.tenant_id,
            supplier=supplier_to_proto(e.supplier),
            changed_fields=list(e.changed_fields),
        ),
    ),
)
