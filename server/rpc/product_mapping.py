"""Product <-> protobuf."""

from __future__ import annotations

from google.rpc import code_pb2, status_pb2

from crm.v2 import common_pb2
from crm.v2 import product_service_pb2 as pb
from domain.catalog import BulkOutcome, Product, ProductStatus
from domain.errors import DomainError
from engines.classification import Classification
from server.rpc.convert import EnumMapping, factors_to_proto, money_to_proto, to_timestamp

STATUS = EnumMapping(pb.ProductStatus, ProductStatus, "PRODUCT_STATUS")
CLASSIFICATION = EnumMapping(pb.ProductClassification, Classification, "PRODUCT_CLASSIFICATION")


def product_to_proto(product: Product) -> pb.Product:
    analysis = product.analysis
    message = pb.Product(
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
        stock_available=product.stock_available,
        stock_reserved=product.stock_reserved,
        weight_grams=product.weight_grams,
        image_urls=list(product.image_urls),
        tags=list(product.tags),
        create_time=to_timestamp(product.created_at),
        update_time=to_timestamp(product.updated_at),
    )
    if product.competitor_count is not None:
        message.competitor_count = product.competitor_count
    if product.review_rating is not None:
        message.review_rating = product.review_rating
    if product.review_count is not None:
        message.review_count = product.review_count
    if product.dimensions is not None:
        d = product.dimensions
        message.dimensions.CopyFrom(
            pb.PackageDimensions(length_mm=d.length_mm, width_mm=d.width_mm, height_mm=d.height_mm)
        )
    return message


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
