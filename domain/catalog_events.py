"""Catalog events: products and suppliers (topics <prefix>products and <prefix>suppliers)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import ClassVar

from domain.catalog import Product, ProductStatus
from domain.events import DomainEvent
from domain.suppliers import Supplier
from engines.classification import Classification


@dataclass(frozen=True, kw_only=True)
class ProductCreated(DomainEvent):
    event_type: ClassVar[str] = "product.created"
    aggregate_type: ClassVar[str] = "product"
    aggregate_field: ClassVar[str] = "product"
    product: Product
    request_id: str = ""


@dataclass(frozen=True, kw_only=True)
class ProductAnalysisStarted(DomainEvent):
    event_type: ClassVar[str] = "product.analysis_started"
    aggregate_type: ClassVar[str] = "product"
    aggregate_field: ClassVar[str] = "product_id"
    product_id: uuid.UUID
    sku: str
    trigger: str
    workflow_id: str = ""


@dataclass(frozen=True, kw_only=True)
class ProductUpdated(DomainEvent):
    event_type: ClassVar[str] = "product.updated"
    aggregate_type: ClassVar[str] = "product"
    aggregate_field: ClassVar[str] = "product"
    product: Product
    changed_fields: tuple[str, ...]
    reanalyzed: bool
    previous_score: float
    previous_classification: Classification


@dataclass(frozen=True, kw_only=True)
class ProductDiscontinued(DomainEvent):
    event_type: ClassVar[str] = "product.discontinued"
    aggregate_type: ClassVar[str] = "product"
    aggregate_field: ClassVar[str] = "product_id"
    product_id: uuid.UUID
    sku: str
    previous_status: ProductStatus


@dataclass(frozen=True, kw_only=True)
class ProductsBulkUpdated(DomainEvent):
    event_type: ClassVar[str] = "products.bulk_updated"
    aggregate_type: ClassVar[str] = "product"
    aggregate_field: ClassVar[str] = "bulk_operation_id"
    bulk_operation_id: uuid.UUID
    product_ids: tuple[uuid.UUID, ...]
    update_paths: tuple[str, ...]
    by_filter: bool
    matched_count: int
    updated_count: int
    failed_count: int


@dataclass(frozen=True, kw_only=True)
class SupplierCreated(DomainEvent):
    event_type: ClassVar[str] = "supplier.created"
    aggregate_type: ClassVar[str] = "supplier"
    aggregate_field: ClassVar[str] = "supplier"
    supplier: Supplier


@dataclass(frozen=True, kw_only=True)
class SupplierUpdated(DomainEvent):
    event_type: ClassVar[str] = "supplier.updated"
    aggregate_type: ClassVar[str] = "supplier"
    aggregate_field: ClassVar[str] = "supplier"
    supplier: Supplier
    changed_fields: tuple[str, ...]
