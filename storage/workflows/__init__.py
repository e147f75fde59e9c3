"""Storage of the workflows area: its tables and its repository."""
