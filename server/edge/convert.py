"""Conversions between domain values and protobuf well-known and common types."""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime
from typing import Generic, TypeVar, cast

from google.protobuf import timestamp_pb2
from google.protobuf.internal.enum_type_wrapper import EnumTypeWrapper
from google.type import date_pb2, money_pb2, postal_address_pb2

from crm.v2 import common_pb2
from domain.addresses import PostalAddress
from domain.money import Money, to_cents
from engines.factors import Factor

E = TypeVar("E", bound=enum.Enum)
# The proto enum's value type as the generated stubs declare it (an int subclass per enum), so that a
# message field set from `to_proto` type-checks without a cast at every call.
P = TypeVar("P", bound=int)


class EnumMapping(Generic[E, P]):
    """Maps a domain StrEnum to a proto enum named `<PREFIX>_<VALUE>`; the proto zero value is "unset"."""

    def __init__(self, proto_enum: type[P], domain_enum: type[E], prefix: str) -> None:
        wrapper = cast(EnumTypeWrapper, proto_enum)  # at run time the generated enum is its wrapper
        self._to_proto = {member: cast(P, wrapper.Value(f"{prefix}_{member.name}")) for member in domain_enum}
        self._from_proto: dict[int, E] = {number: member for member, number in self._to_proto.items()}
        self._unset = cast(P, 0)
        self.proto_enum = wrapper

    def to_proto(self, value: E | None) -> P:
        return self._unset if value is None else self._to_proto[value]

    def from_proto(self, number: int) -> E | None:
        """The domain value, or None for UNSPECIFIED and for numbers the contract does not define."""
        return self._from_proto.get(number)


def postal_address_to_proto(address: PostalAddress) -> postal_address_pb2.PostalAddress:
    return postal_address_pb2.PostalAddress(
        region_code=address.region_code,
        language_code=address.language_code,
        postal_code=address.postal_code,
        sorting_code=address.sorting_code,
        administrative_area=address.administrative_area,
        locality=address.locality,
        sublocality=address.sublocality,
        address_lines=list(address.address_lines),
        recipients=list(address.recipients),
        organization=address.organization,
    )


def date_to_proto(value: date | None) -> date_pb2.Date | None:
    return None if value is None else date_pb2.Date(year=value.year, month=value.month, day=value.day)


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def to_timestamp(value: datetime | None) -> timestamp_pb2.Timestamp | None:
    """`Timestamp.FromDatetime` by integer arithmetic: a list page maps dozens of timestamps, and the
    library's calendar conversion cost three times as much (a naive value is local time, as there)."""
    if value is None:
        return None
    since = (value if value.tzinfo is not None else value.astimezone(UTC)) - _EPOCH
    return timestamp_pb2.Timestamp(
        seconds=since.days * 86400 + since.seconds, nanos=since.microseconds * 1000
    )


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


NANOS_PER_UNIT = 1_000_000_000


def money_to_proto(value: Money | None) -> money_pb2.Money | None:
    if value is None:
        return None
    cents = to_cents(value.amount)
    units = int(cents)  # truncates toward zero, so units and nanos share the sign
    nanos = int((cents - units) * NANOS_PER_UNIT)
    return money_pb2.Money(currency_code=value.currency, units=units, nanos=nanos)
