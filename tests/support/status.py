"""Readers of the google.rpc.Status details a failed call carries: the BadRequest field violations and the
ErrorInfo. Each fails the test when the detail is missing, so a missing detail is never read as empty."""

from __future__ import annotations

from typing import TypeVar

import grpc
from google.protobuf.message import Message
from google.rpc import error_details_pb2
from grpc_status import rpc_status

Detail = TypeVar("Detail", bound=Message)


def status_detail(error: grpc.aio.AioRpcError, message_type: type[Detail]) -> Detail:
    status = rpc_status.from_call(error)
    assert status is not None, "the error carries no google.rpc.Status details"
    for detail in status.details:
        if detail.Is(message_type.DESCRIPTOR):
            message = message_type()
            detail.Unpack(message)
            return message
    raise AssertionError(f"no {message_type.__name__} detail in the status")


def field_violations(error: grpc.aio.AioRpcError) -> dict[str, str]:
    """field -> description of the error's BadRequest."""
    bad_request = status_detail(error, error_details_pb2.BadRequest)
    return {v.field: v.description for v in bad_request.field_violations}


def error_info(error: grpc.aio.AioRpcError) -> error_details_pb2.ErrorInfo:
    return status_detail(error, error_details_pb2.ErrorInfo)


def error_reason(error: grpc.aio.AioRpcError) -> str:
    return error_info(error).reason
