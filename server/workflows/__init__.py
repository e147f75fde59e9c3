"""The durable workflow runner."""
