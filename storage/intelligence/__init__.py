"""Storage of the intelligence area: its tables and its repository."""
