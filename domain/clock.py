"""The wall clock, in one place so that every timestamp is UTC and timezone-aware."""

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)
