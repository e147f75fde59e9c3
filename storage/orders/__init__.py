"""Storage of the orders area: its tables and its repository."""
