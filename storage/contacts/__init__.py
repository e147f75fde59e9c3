"""Storage of the contacts area: its tables and its repository."""
