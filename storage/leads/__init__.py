"""Storage of the leads area: its tables and its repository."""
