"""The purchasing area: PurchaseOrderService, and the dropship purchase orders that follow customer orders."""
