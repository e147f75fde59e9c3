"""The supply area: SupplyService (supplier offers and the offer choice)."""
