"""Request validation: collect every field violation, then fail once with all of them."""

from __future__ import annotations

import enum
import hashlib
import re
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, TypeVar

from email_validator import EmailNotValidError, validate_email
from google.protobuf import timestamp_pb2
from google.protobuf.field_mask_pb2 import FieldMask
from google.protobuf.message import Message
from google.type import money_pb2, postal_address_pb2

from domain.addresses import PostalAddress
from domain.errors import FieldViolation, InvalidArgument
from domain.money import DEFAULT_CURRENCY, Money, to_cents
from server.edge.convert import NANOS_PER_UNIT, EnumMapping
from server.edge.field_rules import declared_violations

E = TypeVar("E", bound=enum.Enum)

ZERO = Decimal(0)

# Timestamp range of years 0001-9999, as google.protobuf.Timestamp defines it.
MIN_TIMESTAMP_SECONDS = -62_135_596_800

MAX_TIMESTAMP_SECONDS = 253_402_300_799

PHONE_PATTERN = re.compile(r"^[0-9+\-(). ]{3,32}$")

REQUEST_ID_MAX = 100

CURRENCY_CODE_RULE = "must be a three-letter ISO 4217 code such as USD"

# NUMERIC(14,2): twelve digits before the point.
MAX_MONEY_UNITS = 10**12 - 1

ADDRESS_FIELD_MAX = 200

ADDRESS_LINES_MAX = 10

DEFAULT_PAGE_SIZE = 20

MAX_PAGE_SIZE = 100


class Violations:
    """Accumulates field violations; `raise_if_any()` raises INVALID_ARGUMENT listing all of them."""

    def __init__(self) -> None:
        self.items: list[FieldViolation] = []

    def add(self, field: str, description: str) -> None:
        self.items.append(FieldViolation(field, description))

    @classmethod
    def of(cls, request: Message) -> Violations:
        """The violations of `request`, starting with those of the field rules its schema declares (its
        tenant, page size, …); the checks in code add theirs after."""
        violations = cls()
        violations.items.extend(declared_violations(request))
        return violations

    def raise_if_any(self) -> None:
        if self.items:
            raise InvalidArgument(self.items)

    def text(
        self, field: str, value: str, *, max_length: int, required: bool = False, strip: bool = True
    ) -> str:
        cleaned = value.strip() if strip else value
        if required and not cleaned:
            self.add(field, "is required")
        elif len(cleaned) > max_length:
            self.add(field, f"must be at most {max_length} characters, got {len(cleaned)}")
        elif _has_control_characters(cleaned, allow_whitespace=True):
            self.add(field, "must not contain control characters")
        return cleaned

    def email(self, field: str, value: str, *, required: bool = False) -> str:
        cleaned = value.strip()
        if not cleaned:
            if required:
                self.add(field, "is required")
            return cleaned
        if len(cleaned) > 254:
            self.add(field, "must be at most 254 characters")
            return cleaned
        try:
            return validate_email(cleaned, check_deliverability=False).normalized
        except EmailNotValidError as exc:
            self.add(field, f"is not a valid email address: {exc}")
            return cleaned

    def phone(self, field: str, value: str) -> str:
        cleaned = value.strip()
        if cleaned and not PHONE_PATTERN.fullmatch(cleaned):
            self.add(field, "must be 3-32 characters of digits, spaces and + - ( ) .")
        return cleaned

    def enum(self, field: str, mapping: EnumMapping[E, Any], number: int, *, required: bool) -> E | None:
        """The domain value; UNSPECIFIED is allowed only when not required; unknown numbers never are."""
        value = mapping.from_proto(number)
        if value is not None:
            return value
        if number != 0:
            self.add(field, f"{number} is not a defined {mapping.proto_enum.DESCRIPTOR.name} value")
        elif required:
            self.add(field, f"is required (must not be {mapping.proto_enum.Name(0)})")
        return None

    def id(self, field: str, value: str) -> uuid.UUID:
        parsed = parse_id(value.strip())
        if parsed is None:
            self.add(field, "must be a UUID" if value.strip() else "is required")
            return uuid.UUID(int=0)
        return parsed

    def optional_id(self, field: str, value: str) -> uuid.UUID | None:
        """An id that may be left empty (None); anything else must be a UUID."""
        return self.id(field, value) if value.strip() else None

    def calendar_date(self, field: str, message: Message, name: str) -> date | None:
        """The google.type.Date in `message.<name>`, None when unset; a violation unless it is a full
        calendar date."""
        if not message.HasField(name):
            return None
        value = getattr(message, name)
        try:
            return date(value.year, value.month, value.day)
        except ValueError:
            self.add(field, "must be a full calendar date (year, month and day)")
            return None

    def amount(self, field: str, message: Message, name: str) -> Money:
        """Non-negative Money with a currency in `message.<name>`; unset means zero in the default
        currency."""
        if not message.HasField(name):
            return Money(ZERO, DEFAULT_CURRENCY)
        value = getattr(message, name)
        if not value.currency_code.strip():
            self.add(f"{field}.currency_code", "is required when an amount is given (e.g. USD)")
        return self.money(field, value)

    def money(
        self,
        field: str,
        value: money_pb2.Money,
        *,
        minimum: Decimal | None = ZERO,
        exclusive_minimum: bool = False,
    ) -> Money:
        """ISO 4217-shaped currency (the default one when unset), nanos in range with the sign of units,
        exact to the cent, within NUMERIC(14,2), and not below `minimum` (strictly above it with
        `exclusive_minimum`)."""
        currency = value.currency_code.strip().upper() or DEFAULT_CURRENCY
        if not is_currency_code(currency):
            self.add(f"{field}.currency_code", CURRENCY_CODE_RULE)
        if not -NANOS_PER_UNIT < value.nanos < NANOS_PER_UNIT:
            self.add(f"{field}.nanos", "must be between -999,999,999 and +999,999,999")
        if (value.units > 0 and value.nanos < 0) or (value.units < 0 and value.nanos > 0):
            self.add(f"{field}.nanos", "must have the same sign as units")
        if value.nanos % (NANOS_PER_UNIT // 100):
            self.add(f"{field}.nanos", "amounts are exact to the cent (nanos a multiple of 10,000,000)")
        if abs(value.units) > MAX_MONEY_UNITS:
            self.add(f"{field}.units", f"must be at most {MAX_MONEY_UNITS:,}")
        amount = Decimal(value.units) + Decimal(value.nanos) / NANOS_PER_UNIT
        if minimum is not None:
            if exclusive_minimum and amount <= minimum:
                self.add(field, f"must be greater than {minimum}")
            elif not exclusive_minimum and amount < minimum:
                self.add(field, f"must not be less than {minimum}")
        return Money(to_cents(amount), currency)

    def optional_money(
        self,
        field: str,
        message: Message,
        name: str,
        *,
        minimum: Decimal | None = ZERO,
        exclusive_minimum: bool = False,
    ) -> Money | None:
        """The Money in `message.<name>` (checked as `money` checks it), None when unset."""
        if not message.HasField(name):
            return None
        return self.money(field, getattr(message, name), minimum=minimum, exclusive_minimum=exclusive_minimum)

    def currency_code(self, field: str, value: str) -> str:
        """An optional ISO 4217 code, upper-cased; "" when none is given."""
        code = value.strip().upper()
        if code and not is_currency_code(code):
            self.add(field, CURRENCY_CODE_RULE)
        return code

    def request_id(self, field: str, value: str) -> str | None:
        cleaned = self.text(field, value, max_length=REQUEST_ID_MAX)
        return cleaned or None

    def tags(
        self, field: str, values: Sequence[str], *, max_count: int = 20, max_length: int = 50
    ) -> tuple[str, ...]:
        cleaned = tuple(v.strip() for v in values)
        if len(cleaned) > max_count:
            self.add(field, f"at most {max_count} tags, got {len(cleaned)}")
        for index, tag in enumerate(cleaned):
            if not tag or len(tag) > max_length:
                self.add(f"{field}[{index}]", f"must be 1-{max_length} characters")
            elif _has_control_characters(tag, allow_whitespace=False):
                self.add(f"{field}[{index}]", "must not contain control characters")
        if len(set(cleaned)) != len(cleaned):
            self.add(field, "tags must be unique")
        return cleaned

    def postal_address(
        self, field: str, value: postal_address_pb2.PostalAddress, *, lines_required: bool
    ) -> PostalAddress:
        """The address with its text trimmed, its region upper-cased and its blank lines left out."""
        region = value.region_code.strip().upper()
        if not region:
            self.add(f"{field}.region_code", "is required: a two-letter CLDR region code such as US")
        elif not (len(region) == 2 and region.isascii() and region.isalpha()):
            self.add(f"{field}.region_code", "must be a two-letter CLDR region code such as US")
        if len(value.address_lines) > ADDRESS_LINES_MAX:
            self.add(f"{field}.address_lines", f"at most {ADDRESS_LINES_MAX} lines")

        def part(name: str, given: str) -> str:
            return self.text(f"{field}.{name}", given, max_length=ADDRESS_FIELD_MAX)

        lines = tuple(part(f"address_lines[{i}]", line) for i, line in enumerate(value.address_lines))
        if lines_required and not any(lines):
            self.add(f"{field}.address_lines", "at least one address line is required")
        return PostalAddress(
            region_code=region,
            language_code=part("language_code", value.language_code),
            postal_code=part("postal_code", value.postal_code),
            sorting_code=part("sorting_code", value.sorting_code),
            administrative_area=part("administrative_area", value.administrative_area),
            locality=part("locality", value.locality),
            sublocality=part("sublocality", value.sublocality),
            address_lines=tuple(line for line in lines if line),
            recipients=tuple(part(f"recipients[{i}]", r) for i, r in enumerate(value.recipients)),
            organization=part("organization", value.organization),
        )

    def timestamp(self, field: str, value: timestamp_pb2.Timestamp) -> datetime:
        """The UTC datetime of a Timestamp within years 1-9999 (what both databases store)."""
        if not (MIN_TIMESTAMP_SECONDS <= value.seconds <= MAX_TIMESTAMP_SECONDS and 0 <= value.nanos < 10**9):
            self.add(field, "must be a valid time between years 1 and 9999")
            return datetime(1970, 1, 1, tzinfo=UTC)
        return value.ToDatetime(tzinfo=UTC)


def parse_id(text: str) -> uuid.UUID | None:
    """The UUID in `text`, or None when it is not one."""
    try:
        return uuid.UUID(text)
    except (ValueError, AttributeError, TypeError):
        return None


def is_currency_code(code: str) -> bool:
    """Shaped like an ISO 4217 code (the caller upper-cases it)."""
    return len(code) == 3 and code.isalpha() and code.isascii()


def _has_control_characters(text: str, *, allow_whitespace: bool) -> bool:
    allowed = "\n\t\r" if allow_whitespace else ""
    return any((ord(ch) < 32 or ord(ch) == 127) and ch not in allowed for ch in text)


def fingerprint_of(request: Message) -> str:
    """What a create request carried, to tell its replay (same fingerprint) from a reused request_id."""
    return hashlib.sha256(request.SerializeToString(deterministic=True)).hexdigest()


def requested_id(request: Message, raw_id: str, field: str) -> uuid.UUID:
    """The id `field` of a request that carries little else (Get, Delete, …), checked with the request's
    declared field rules (its tenant)."""
    v = Violations.of(request)
    parsed = v.id(field, raw_id)
    v.raise_if_any()
    return parsed


def mask_paths(
    violations: Violations,
    mask: FieldMask,
    *,
    allowed: Iterable[str],
    resource: Message,
    resource_field: str,
) -> list[str]:
    """The fields an update names: the mask's paths (or `*`), or when the mask is empty every field set
    in the resource. Unknown paths are violations of `update_mask`."""
    allowed = tuple(allowed)
    paths = [p.strip() for p in mask.paths]
    if not paths:
        return [name for name in allowed if _is_set(resource, name)]
    if "*" in paths:
        if len(paths) > 1:
            violations.add("update_mask", "`*` must be the only path")
        return list(allowed)
    chosen = []
    for path in paths:
        name = path.removeprefix(f"{resource_field}.")
        if name not in allowed:
            violations.add(
                "update_mask", f"unknown or immutable field path {path!r}; allowed: {', '.join(allowed)}"
            )
        elif name not in chosen:
            chosen.append(name)
    return chosen


def masked_values(
    violations: Violations, paths: Sequence[str], readers: Mapping[str, Callable[[], object]]
) -> dict[str, object]:
    """The validated value of each field an update names, read by its reader; a violation of `update_mask`
    when it names none and nothing else is wrong yet."""
    if not paths and not violations.items:
        violations.add("update_mask", "names no field to change")
    return {path: readers[path]() for path in paths}


def _is_set(message: Message, name: str) -> bool:
    field = message.DESCRIPTOR.fields_by_name[name]
    value = getattr(message, name)
    if field.is_repeated:
        return len(value) > 0
    if field.has_presence:  # messages and proto3 `optional` scalars: set even when zero
        return message.HasField(name)
    return bool(value)
