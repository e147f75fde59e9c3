"""Domain errors -> google.rpc.Status with details (BadRequest, ErrorInfo, RequestInfo)."""

from __future__ import annotations

import grpc
from google.protobuf import any_pb2
from google.rpc import code_pb2, error_details_pb2, status_pb2
from grpc_status import rpc_status

from domain.errors import DomainError, ErrorKind, FailedPrecondition, InvalidArgument

ERROR_DOMAIN = "crm.v2"

_CODES: dict[ErrorKind, tuple[grpc.StatusCode, int]] = {
    kind: (grpc.StatusCode[kind.value], getattr(code_pb2, kind.value)) for kind in ErrorKind
}


def _packed(message: object) -> any_pb2.Any:
    packed = any_pb2.Any()
    packed.Pack(message)  # type: ignore[arg-type]
    return packed


def to_status(error: DomainError, *, request_id: str) -> grpc.Status:
    """The gRPC status for a domain error, with details a client can act on."""
    _, numeric = _CODES[error.kind]
    details = []
    if isinstance(error, InvalidArgument):
        details.append(
            _packed(
                error_details_pb2.BadRequest(
                    field_violations=[
                        error_details_pb2.BadRequest.FieldViolation(field=v.field, description=v.description)
                        for v in error.violations
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
                            type=v.type, subject=v.subject, description=v.description
                        )
                        for v in error.violations
                    ]
                )
            )
        )
    details.append(
        _packed(
            error_details_pb2.ErrorInfo(reason=error.reason, domain=ERROR_DOMAIN, metadata=error.metadata)
        )
    )
    details.append(_packed(error_details_pb2.RequestInfo(request_id=request_id)))
    return rpc_status.to_status(status_pb2.Status(code=numeric, message=error.message, details=details))
