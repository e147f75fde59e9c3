"""The orders area: OrderService (orders, fraud assessment, reservations, lifecycle)."""
