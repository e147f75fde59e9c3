"""The fast tier: use cases over in-memory fakes of their ports, no database, no server."""
