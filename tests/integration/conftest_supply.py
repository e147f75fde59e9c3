"""Supply test helpers: offers, dropship products and purchase orders. Imported by the supply tests."""

from __future__ import annotations

from crm.v2 import product_service_pb2 as ppb
from crm.v2 import purchase_order_service_pb2 as popb
from crm.v2 import supplier_service_pb2 as spb
from crm.v2 import supply_service_pb2 as opb
from tests.integration.conftest_catalog import a_product, a_supplier, money


async def new_supplier(suppliers, tenant_id: int, **overrides: object) -> spb.Supplier:
    return await suppliers.CreateSupplier(
        spb.CreateSupplierRequest(tenant_id=tenant_id, supplier=a_supplier(**overrides))
    )


async def new_product(
    products, tenant_id: int, *, source: str = "29.99", selling: str | None = None, **overrides
):
    pricing = ppb.ProductPricing(source_price=money(source))
    if selling is not None:
        pricing.current_selling_price.CopyFrom(money(selling))
    overrides.setdefault("status", ppb.PRODUCT_STATUS_ACTIVE)
    return await products.CreateProduct(
        ppb.CreateProductRequest(tenant_id=tenant_id, product=a_product(pricing=pricing, **overrides))
    )


def an_offer(product_id: str, supplier_id: str, **overrides: object) -> opb.SupplierOffer:
    values: dict[str, object] = {
        "product_id": product_id,
        "supplier_id": supplier_id,
        "supplier_sku": "SUP-1",
        "listing_url": "https://supplier.example.com/item/1",
        "unit_cost": money("20.00"),
        "shipping_cost": money("2.50"),
        "lead_time_days": 7,
    }
    values.update(overrides)
    return opb.SupplierOffer(**values)  # type: ignore[arg-type]


async def new_offer(
    supply, tenant_id: int, product_id: str, supplier_id: str, **overrides
) -> opb.SupplierOffer:
    return await supply.CreateOffer(
        opb.CreateOfferRequest(tenant_id=tenant_id, offer=an_offer(product_id, supplier_id, **overrides))
    )


async def dropship_product(products, suppliers, supply, tenant_id: int, *, stock: int = 100, **offer):
    """An ACTIVE DROPSHIP product with `stock` units and one offer of a new supplier; (product, offer)."""
    supplier = await new_supplier(suppliers, tenant_id)
    product = await new_product(
        products,
        tenant_id,
        selling="40.00",
        initial_stock=stock,
        fulfilment_mode=ppb.FULFILMENT_MODE_DROPSHIP,
    )
    made = await new_offer(supply, tenant_id, product.id, supplier.id, **offer)
    return product, made


async def purchase_orders_of(purchasing, tenant_id: int, **filters: object) -> list[popb.PurchaseOrder]:
    response = await purchasing.ListPurchaseOrders(
        popb.ListPurchaseOrdersRequest(tenant_id=tenant_id, page_size=100, **filters)  # type: ignore[arg-type]
    )
    return list(response.purchase_orders)
