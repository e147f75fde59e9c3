"""Storage of the deals area: its tables and its repository."""
