"""Conversions between domain values and protobuf well-known and common types."""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Generic, TypeVar

from google.protobuf import timestamp_pb2
from google.protobuf.internal.enum_type_wrapper import EnumTypeWrapper

from crm.v2 import common_pb2
from engines.factors import Factor

E = TypeVar("E", bound=enum.Enum)


class EnumMapping(Generic[E]):
    """Maps a domain StrEnum to a proto enum named `<PREFIX>_<VALUE>`; the proto zero value is "unset"."""

    def __init__(self, proto_enum: EnumTypeWrapper, domain_enum: type[E], prefix: str) -> None:
        self._to_proto = {member: proto_enum.Value(f"{prefix}_{member.name}") for member in domain_enum}
        self._from_proto = {number: member for member, number in self._to_proto.items()}
        self.proto_enum = proto_enum

    def to_proto(self, value: E | None) -> int:
        return 0 if value is None else self._to_proto[value]

    def from_proto(self, number: int) -> E | None:
        """The domain value, or None for UNSPECIFIED and for numbers the contract does not define."""
        return self._from_proto.get(number)

    def is_defined(self, number: int) -> bool:
        return number in self._from_proto


def to_timestamp(value: datetime | None) -> timestamp_pb2.Timestamp | None:
    if value is None:
        return None
    stamp = timestamp_pb2.Timestamp()
    stamp.FromDatetime(value.astimezone(UTC))
    return stamp


def from_timestamp(stamp: timestamp_pb2.Timestamp) -> datetime:
    return stamp.ToDatetime(tzinfo=UTC)


def factors_to_proto(factors: tuple[Factor, ...]) -> list[common_pb2.ScoreFactor]:
    return [
        common_pb2.ScoreFactor(
            name=f.name,
            weight=f.weight,
            value=f.value,
            contribution=f.contribution,
            explanation=f.explanation,
        )
        for f in factors
    ]
