"""The catalog area: ProductService (products, their dropship analysis, bulk updates)."""
