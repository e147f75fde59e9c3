"""Storage of the analytics area: its tables and its repository."""
