"""Product <-> protobuf."""

from __future__ import annotations

from google.rpc import code_pb2, status_pb2

from crm.v2 import common_pb2, events_pb2
from crm.v2 import product_service_pb2 as pb
from domain import catalog_events as ev
from domain.catalog import BulkOutcome, Dimensions, FulfilmentMode, Product, ProductStatus
from domain.errors import DomainError
from engines.classification import Classification
from server.edge.convert import EnumMapping, factors_to_proto, money_to_proto, to_timestamp
from server.events.registration import EventRegistration

STATUS = EnumMapping(pb.ProductStatus, ProductStatus, "PRODUCT_STATUS")

CLASSIFICATION = EnumMapping(pb.ProductClassification, Classification, "PRODUCT_CLASSIFICATION")

FULFILMENT_MODE = EnumMapping(pb.FulfilmentMode, FulfilmentMode, "FULFILMENT_MODE")


def product_to_proto(product: Product) -> pb.Product:
    analysis = product.analysis
    return pb.Product(
        id=str(product.id),
        tenant_id=product.tenant_id,
        asin=product.asin,
        sku=product.sku,
        title=product.title,
        description=product.description,
        category=product.category,
        status=STATUS.to_proto(product.status),
        pricing=pb.ProductPricing(
            source_price=money_to_proto(product.source_price),
            recommended_price=money_to_proto(product.recommended_price),
            current_selling_price=money_to_proto(product.selling_price),
        ),
        analysis=pb.DropshipAnalysis(
            dropship_score=analysis.score,
            classification=CLASSIFICATION.to_proto(analysis.classification),
            profit_margin_estimate=analysis.profit_margin,
            factors=factors_to_proto(analysis.factors),
            analyze_time=to_timestamp(analysis.analyzed_at),
            source=common_pb2.RESULT_SOURCE_ENGINE,
        ),
        supplier_id=str(product.supplier_id or ""),
        competitor_count=product.competitor_count,
        review_rating=product.review_rating,
        review_count=product.review_count,
        stock_available=product.stock_available,
        stock_reserved=product.stock_reserved,
        weight_grams=product.weight_grams,
        dimensions=_dimensions_to_proto(product.dimensions),
        image_urls=list(product.image_urls),
        tags=list(product.tags),
        create_time=to_timestamp(product.created_at),
        update_time=to_timestamp(product.updated_at),
        fulfilment_mode=FULFILMENT_MODE.to_proto(product.fulfilment_mode),
        margin_at_risk=product.margin_at_risk,
        chosen_offer_id=str(product.chosen_offer_id or ""),
    )


def _dimensions_to_proto(d: Dimensions | None) -> pb.PackageDimensions | None:
    if d is None:
        return None
    return pb.PackageDimensions(length_mm=d.length_mm, width_mm=d.width_mm, height_mm=d.height_mm)


def error_to_status(error: DomainError) -> status_pb2.Status:
    """A per-item error as google.rpc.Status: its code and what to fix."""
    return status_pb2.Status(code=getattr(code_pb2, error.kind.value), message=error.message)


def bulk_response(outcome: BulkOutcome) -> pb.BulkUpdateProductsResponse:
    return pb.BulkUpdateProductsResponse(
        results=[
            pb.BulkUpdateResult(
                product_id=str(r.product_id),
                updated=r.updated,
                error=error_to_status(r.error) if r.error is not None else None,
            )
            for r in outcome.results
        ],
        matched_count=outcome.matched,
        updated_count=outcome.updated,
        failed_count=outcome.failed,
        validate_only=outcome.validate_only,
    )


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
)
