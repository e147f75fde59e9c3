"""The suppliers area: SupplierService."""
