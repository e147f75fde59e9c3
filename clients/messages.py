"""Protobuf values the calls build from Python values."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from google.protobuf import field_mask_pb2, timestamp_pb2
from google.type import date_pb2


def timestamp(value: datetime | None) -> timestamp_pb2.Timestamp | None:
    """A protobuf Timestamp for an aware datetime (naive means UTC); None stays None."""
    if value is None:
        return None
    stamp = timestamp_pb2.Timestamp()
    stamp.FromDatetime(value)
    return stamp


def calendar_date(value: date | None) -> date_pb2.Date | None:
    """A google.type.Date for a date; None stays None."""
    return None if value is None else date_pb2.Date(year=value.year, month=value.month, day=value.day)


def field_mask(paths: Sequence[str]) -> field_mask_pb2.FieldMask:
    """A FieldMask of the given paths."""
    return field_mask_pb2.FieldMask(paths=list(paths))
