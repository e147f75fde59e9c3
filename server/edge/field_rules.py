"""The field rules the contract declares in its protos (protovalidate's `buf.validate` annotations), checked
here by protovalidate and worded as this service words every other field violation.

The schema is where a Go or TypeScript client reads the same rules (and may check them before calling);
the checks a schema cannot say — cross-field, business and trimmed-text rules — stay in each area's
`requests.py`. `Violations.of(request)` starts a request's violations with these.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import protovalidate
from buf.validate import validate_pb2
from google.protobuf.descriptor import Descriptor
from google.protobuf.message import Message

from domain.errors import FieldViolation

_validator = protovalidate.Validator()

# How each rule the protos use reads, by rule id, given the rules declared on the field of that kind
# (`Int32Rules`, `DoubleRules`, …); for a rule not listed here the caller gets protovalidate's own wording.
RULE_WORDING: dict[str, Callable[[Any], str]] = {
    "int32.gte": lambda rules: _at_least(rules.gte),
    "int32.not_in": lambda rules: _none_of(rules.not_in),
    "int64.gt": lambda rules: "must be positive" if rules.gt == 0 else f"must be greater than {rules.gt}",
    "double.gte_lte": lambda rules: f"must be between {rules.gte:g} and {rules.lte:g}",
}

# Where a field has always had words of its own.
_FIELD_WORDING: dict[tuple[str, str], str] = {
    ("tenant_id", "int64.gt"): "must be a positive tenant id",
}


def declared_violations(request: Message) -> list[FieldViolation]:
    """Every violation of the request's declared field rules, in the order of its fields."""
    return [_worded(request, violation) for violation in _validator.collect_violations(request)]


def _worded(request: Message, violation: protovalidate.Violation) -> FieldViolation:
    proto = violation.proto
    elements = proto.field.elements if proto.field is not None else []
    path = _path(elements)
    wording = _FIELD_WORDING.get((path, proto.rule_id))
    if wording is None:
        word = RULE_WORDING.get(proto.rule_id)
        if word is None:
            wording = proto.message
        else:
            kind = proto.rule_id.partition(".")[0]
            # (the upb runtime's Descriptor is typed apart from the pure-Python one, which it implements)
            wording = word(getattr(_declared(request.DESCRIPTOR, elements), kind))  # type: ignore[arg-type]
    return FieldViolation(path, wording)


def _declared(
    request: Descriptor, elements: list[protovalidate.FieldPathElementPb]
) -> validate_pb2.FieldRules:
    """The rules declared on the field at the end of the path."""
    message: Descriptor | None = request
    field = None
    for element in elements:
        assert message is not None, "a path goes on only through messages"
        field = message.fields_by_number[element.field_number]
        message = field.message_type
    assert field is not None, "a field rule's violation names its field"
    # protoc's stub types the extension as a plain FieldDescriptor, which the Extensions map does not take
    rules: validate_pb2.FieldRules = field.GetOptions().Extensions[validate_pb2.field]  # type: ignore[index]
    return rules


def _at_least(bound: int) -> str:
    return "must not be negative" if bound == 0 else f"must be at least {bound}"


def _none_of(values: Sequence[int]) -> str:
    return "must not be zero" if list(values) == [0] else f"must not be one of {', '.join(map(str, values))}"


def _path(elements: list[protovalidate.FieldPathElementPb]) -> str:
    """`order.items[0].quantity`, as every violation names its field."""
    parts = []
    for element in elements:
        part = element.field_name
        if element.subscript is not None:
            part += f"[{element.subscript.value}]"
        parts.append(part)
    return ".".join(parts)
