"""Catalog tables: products, suppliers, inventory levels and their ledger (the catalog issue)."""
