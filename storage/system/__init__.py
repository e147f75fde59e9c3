"""Storage of the system area: its tables and its repository."""
