"""Storage of the purchasing area: purchase orders and their lines."""
