"""The field rules the contract declares in its protos (protovalidate's `buf.validate` annotations), checked
here by protovalidate and worded as this service words every other field violation.

The schema is where a Go or TypeScript client reads the same rules (and may check them before calling);
the checks a schema cannot say — cross-field, business and trimmed-text rules — stay in each area's
`requests.py`. `Violations.of(request)` starts a request's violations with these.
"""

from __future__ import annotations

from collections.abc import Callable

import protovalidate
from google.protobuf.message import Message

from domain.errors import FieldViolation

_validator = protovalidate.Validator()

# How each rule the protos use reads, by rule id, given the rule's value; for a rule not listed here the
# caller gets protovalidate's own wording.
RULE_WORDING: dict[str, Callable[[object], str]] = {
    "int32.gte": lambda bound: "must not be negative" if bound == 0 else f"must be at least {bound}",
    "int64.gt": lambda bound: "must be positive" if bound == 0 else f"must be greater than {bound}",
}

# Where a field has always had words of its own.
_FIELD_WORDING: dict[tuple[str, str], str] = {
    ("tenant_id", "int64.gt"): "must be a positive tenant id",
}


def declared_violations(request: Message) -> list[FieldViolation]:
    """Every violation of the request's declared field rules, in the order of its fields."""
    return [_worded(violation) for violation in _validator.collect_violations(request)]


def _worded(violation: protovalidate.Violation) -> FieldViolation:
    proto = violation.proto
    path = _path(proto.field.elements if proto.field is not None else [])
    wording = _FIELD_WORDING.get((path, proto.rule_id))
    if wording is None:
        word = RULE_WORDING.get(proto.rule_id)
        wording = word(violation.rule_value) if word is not None else proto.message
    return FieldViolation(path, wording)


def _path(elements: list[protovalidate.FieldPathElementPb]) -> str:
    """`order.items[0].quantity`, as every violation names its field."""
    parts = []
    for element in elements:
        part = element.field_name
        if element.subscript is not None:
            part += f"[{element.subscript.value}]"
        parts.append(part)
    return ".".join(parts)
