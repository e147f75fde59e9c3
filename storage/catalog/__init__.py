"""Storage of the catalog area: its tables and its repository."""
