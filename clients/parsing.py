"""Command-line value parsing: friendly enum names, amounts, paging options and durations like `10m`."""

from __future__ import annotations

import argparse
import functools
import re
from datetime import timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from google.protobuf.internal.enum_type_wrapper import EnumTypeWrapper

_UNSPECIFIED = "UNSPECIFIED"
_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)(ms|s|m|h|d|w)")
_UNIT_SECONDS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def enum_prefix(enum: EnumTypeWrapper) -> str:
    """The shared value prefix of a proto enum, e.g. `LEAD_SOURCE_` (from its `*_UNSPECIFIED` value)."""
    zero = enum.Name(0)
    return zero[: -len(_UNSPECIFIED)] if zero.endswith(_UNSPECIFIED) else ""


def enum_choices(enum: EnumTypeWrapper) -> list[str]:
    """The friendly lower-case names of an enum's values, UNSPECIFIED left out."""
    prefix = enum_prefix(enum)
    return [name.removeprefix(prefix).lower() for name in enum.keys() if enum.Value(name) != 0]


def parse_enum(enum: EnumTypeWrapper, text: str) -> int:
    """`closed_won`, `closed-won` or `LEAD_STATUS_CLOSED_WON` -> the enum number; never UNSPECIFIED."""
    prefix = enum_prefix(enum)
    name = text.strip().upper().replace("-", "_")
    for candidate in (name, prefix + name):
        if candidate in enum.keys() and enum.Value(candidate) != 0:
            return enum.Value(candidate)
    raise argparse.ArgumentTypeError(f"invalid choice {text!r} (choose from {', '.join(enum_choices(enum))})")


def enum_label(enum: EnumTypeWrapper, number: int) -> str:
    """The friendly name of an enum number (`closed_won`); unknown numbers print as digits."""
    try:
        name = enum.Name(number)
    except ValueError:
        return str(number)
    return name.removeprefix(enum_prefix(enum)).lower()


def parse_duration(text: str) -> timedelta:
    """`90s`, `10m`, `1h30m`, `2d`, `500ms` or bare seconds (`45`) -> a positive timedelta."""
    value = text.strip().lower()
    if re.fullmatch(r"\d+(?:\.\d+)?", value):
        seconds = float(value)
    else:
        parts = _DURATION_PART.findall(value)
        if not parts or "".join(n + u for n, u in parts) != value:
            raise argparse.ArgumentTypeError(f"invalid duration {text!r} (examples: 90s, 10m, 1h30m, 2d)")
        seconds = sum(float(n) * _UNIT_SECONDS[u] for n, u in parts)
    if seconds <= 0:
        raise argparse.ArgumentTypeError(f"duration must be positive: {text!r}")
    return timedelta(seconds=seconds)


def parse_amount(text: str) -> Decimal:
    """An exact, finite decimal amount such as `49.99` (argparse type)."""
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"not an amount: {text!r} (e.g. 49.99)") from None
    if not value.is_finite():
        raise argparse.ArgumentTypeError(f"not an amount: {text!r}")
    return value


def add_enum_argument(
    parser: argparse.ArgumentParser, *flags: str, enum: EnumTypeWrapper, **kwargs: Any
) -> None:
    """An argument taking the friendly names of `enum`'s values, parsed to the enum number."""
    metavar = "{" + ",".join(enum_choices(enum)) + "}"
    parser.add_argument(*flags, type=functools.partial(parse_enum, enum), metavar=metavar, **kwargs)


def add_paging_arguments(parser: argparse.ArgumentParser) -> None:
    """`--page-size` and `--page-token`, read back by `paging_options`."""
    parser.add_argument("--page-size", type=int, default=0, help="0 = server default")
    parser.add_argument("--page-token", default="")


def paging_options(args: argparse.Namespace) -> dict[str, Any]:
    """The page_size and page_token keywords of a list call."""
    return {"page_size": args.page_size, "page_token": args.page_token}
