"""The inventory area: InventoryService (levels, the ledger, alerts, the optimiser)."""
