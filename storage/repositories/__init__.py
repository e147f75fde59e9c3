"""One repository per aggregate: a Protocol the use cases depend on and its SQLAlchemy implementation."""
