"""Persistence: SQLAlchemy tables, one repository per aggregate, the unit of work, the outbox and the
Alembic migrations. Knows SQLAlchemy and the domain dataclasses; never protobuf or grpc."""
