"""The outbox: the table events wait in until the relay publishes them, and its repository."""
