"""Decode the rich `google.rpc.Status` a CRM server attaches to its errors."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import grpc
from google.protobuf import any_pb2
from google.rpc import error_details_pb2, status_pb2
from grpc_status import rpc_status


@dataclass(frozen=True, slots=True)
class ErrorDetails:
    """A gRPC error with its BadRequest / ErrorInfo / RequestInfo details unpacked."""

    code: grpc.StatusCode
    message: str
    reason: str = ""
    domain: str = ""
    metadata: dict[str, str] = field(default_factory=dict)
    field_violations: list[tuple[str, str]] = field(default_factory=list)
    request_id: str = ""


def error_details(err: grpc.RpcError) -> ErrorDetails:
    """Unpack the code, message and standard details of a (sync or aio) gRPC error."""
    code_of = getattr(err, "code", None)
    details_of = getattr(err, "details", None)
    result = ErrorDetails(
        code=code_of() if callable(code_of) else grpc.StatusCode.UNKNOWN,
        message=(details_of() if callable(details_of) else None) or "",
    )
    status = _rich_status(err)
    for packed in status.details if status is not None else ():
        result = _with_detail(result, packed)
    return result


def _rich_status(err: grpc.RpcError) -> status_pb2.Status | None:
    if not callable(getattr(err, "trailing_metadata", None)):
        return None
    try:
        return rpc_status.from_call(err)  # type: ignore[arg-type]
    except ValueError:
        # The trailer disagrees with the call's own code/message: keep the plain status.
        return None


def _with_detail(result: ErrorDetails, packed: any_pb2.Any) -> ErrorDetails:
    if packed.Is(error_details_pb2.BadRequest.DESCRIPTOR):
        bad_request = error_details_pb2.BadRequest()
        packed.Unpack(bad_request)
        violations = [(v.field, v.description) for v in bad_request.field_violations]
        return dataclasses.replace(result, field_violations=result.field_violations + violations)
    if packed.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
        info = error_details_pb2.ErrorInfo()
        packed.Unpack(info)
        return dataclasses.replace(
            result, reason=info.reason, domain=info.domain, metadata=dict(info.metadata)
        )
    if packed.Is(error_details_pb2.RequestInfo.DESCRIPTOR):
        request_info = error_details_pb2.RequestInfo()
        packed.Unpack(request_info)
        return dataclasses.replace(result, request_id=request_info.request_id)
    return result  # Detail types we do not know are ignored, not an error.
