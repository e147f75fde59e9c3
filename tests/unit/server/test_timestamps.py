"""`to_timestamp` answers what protobuf's own `Timestamp.FromDatetime` does, for any moment the contract can
carry, in any time zone, and for naive values (local time)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from google.protobuf import timestamp_pb2
from hypothesis import given
from hypothesis import strategies as st

from server.edge.convert import to_timestamp

OFFSETS = st.integers(min_value=-14 * 60, max_value=14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
MOMENTS = st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30))


def library(value: datetime) -> timestamp_pb2.Timestamp:
    stamp = timestamp_pb2.Timestamp()
    stamp.FromDatetime(value.astimezone(UTC))
    return stamp


@given(MOMENTS, OFFSETS)
def test_an_aware_moment_maps_as_the_library_maps_it(moment: datetime, offset: timezone):
    value = moment.replace(tzinfo=offset)
    assert to_timestamp(value) == library(value)


@given(st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(9999, 12, 30)))
def test_a_naive_moment_is_local_time_as_for_the_library(moment: datetime):
    assert to_timestamp(moment) == library(moment)


def test_none_maps_to_none():
    assert to_timestamp(None) is None
