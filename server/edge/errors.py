"""Domain errors -> google.rpc.Status with details (BadRequest, ErrorInfo, RequestInfo)."""

from __future__ import annotations

import grpc
from google.protobuf import any_pb2
from google.rpc import code_pb2, error_details_pb2, status_pb2
from grpc_status import rpc_status

from domain.errors import DomainError, ErrorKind, FailedPrecondition, InvalidArgument

ERROR_DOMAIN = "crm.v2"

# A status travels in trailers, and gRPC clients refuse trailers past 8 KiB (soft) to 16 KiB (hard) as
# RESOURCE_EXHAUSTED, losing the details. Violations quote what was sent, so each text is bounded here,
# once, for every RPC: the message to 512 bytes, a quoted field or text to 160, at most 10 violations.
MAX_MESSAGE_BYTES = 512
MAX_TEXT_BYTES = 160
MAX_VIOLATIONS = 10

_CODES: dict[ErrorKind, tuple[grpc.StatusCode, int]] = {
    kind: (grpc.StatusCode[kind.value], getattr(code_pb2, kind.value)) for kind in ErrorKind
}


def _packed(message: object) -> any_pb2.Any:
    packed = any_pb2.Any()
    packed.Pack(message)  # type: ignore[arg-type]
    return packed


def bounded(text: str, limit: int = MAX_TEXT_BYTES) -> str:
    """`text` cut to at most `limit` UTF-8 bytes on a character boundary, marked with … when cut."""
    encoded = text.encode()
    if len(encoded) <= limit:
        return text
    return encoded[: limit - 3].decode(errors="ignore") + "…"


def _message(error: DomainError) -> str:
    if isinstance(error, InvalidArgument) and len(error.violations) > MAX_VIOLATIONS:
        shown = "; ".join(f"{bounded(v.field)}: {bounded(v.description)}" for v in error.violations[:3])
        return bounded(f"invalid request: {shown}; and {len(error.violations) - 3} more")
    return bounded(error.message, MAX_MESSAGE_BYTES)


def to_status(error: DomainError, *, request_id: str) -> grpc.Status:
    """The gRPC status for a domain error, with details a client can act on, small enough to arrive."""
    _, numeric = _CODES[error.kind]
    details = []
    if isinstance(error, InvalidArgument):
        details.append(
            _packed(
                error_details_pb2.BadRequest(
                    field_violations=[
                        error_details_pb2.BadRequest.FieldViolation(
                            field=bounded(v.field), description=bounded(v.description)
                        )
                        for v in error.violations[:MAX_VIOLATIONS]
                    ]
                )
            )
        )
    if isinstance(error, FailedPrecondition) and error.violations:
        details.append(
            _packed(
                error_details_pb2.PreconditionFailure(
                    violations=[
                        error_details_pb2.PreconditionFailure.Violation(
                            type=v.type, subject=bounded(v.subject), description=bounded(v.description)
                        )
                        for v in error.violations[:MAX_VIOLATIONS]
                    ]
                )
            )
        )
    details.append(
        _packed(
            error_details_pb2.ErrorInfo(
                reason=error.reason,
                domain=ERROR_DOMAIN,
                metadata={bounded(key): bounded(value) for key, value in error.metadata.items()},
            )
        )
    )
    details.append(_packed(error_details_pb2.RequestInfo(request_id=bounded(request_id))))
    return rpc_status.to_status(status_pb2.Status(code=numeric, message=_message(error), details=details))
