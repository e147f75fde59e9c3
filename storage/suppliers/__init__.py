"""Storage of the suppliers area: its tables and its repository."""
