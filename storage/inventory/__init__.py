"""Storage of the inventory area: its tables and its repository."""
