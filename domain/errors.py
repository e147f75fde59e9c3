"""The one error taxonomy of the service.

Each domain error names its gRPC status (by `ErrorKind`, so this module needs no grpc import), an
UPPER_SNAKE ErrorInfo reason and metadata. `server/rpc/errors.py` turns them into google.rpc.Status.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


class ErrorKind(enum.Enum):
    """The gRPC status family of an error, named after grpc.StatusCode."""

    INVALID_ARGUMENT = "INVALID_ARGUMENT"
    NOT_FOUND = "NOT_FOUND"
    ALREADY_EXISTS = "ALREADY_EXISTS"
    FAILED_PRECONDITION = "FAILED_PRECONDITION"
    ABORTED = "ABORTED"
    UNAVAILABLE = "UNAVAILABLE"
    PERMISSION_DENIED = "PERMISSION_DENIED"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    RESOURCE_EXHAUSTED = "RESOURCE_EXHAUSTED"


@dataclass(frozen=True, slots=True)
class FieldViolation:
    """One invalid request field: its path (e.g. `lead.email`) and what to fix."""

    field: str
    description: str


class DomainError(Exception):
    """Base of every error a client is meant to see."""

    kind: ErrorKind = ErrorKind.FAILED_PRECONDITION
    reason: str = "FAILED_PRECONDITION"

    def __init__(
        self,
        message: str,
        *,
        reason: str | None = None,
        metadata: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        if reason is not None:
            self.reason = reason
        self.metadata: dict[str, str] = dict(metadata or {})


class InvalidArgument(DomainError):
    """The request is malformed; `violations` says which fields and why."""

    kind = ErrorKind.INVALID_ARGUMENT
    reason = "INVALID_ARGUMENT"

    def __init__(self, violations: Iterable[FieldViolation], message: str | None = None) -> None:
        self.violations = tuple(violations)
        summary = "; ".join(f"{v.field}: {v.description}" for v in self.violations)
        super().__init__(message or f"invalid request: {summary}")


class UndecodableRequest(InvalidArgument):
    """The request's bytes are not the message the method takes."""

    reason = "UNDECODABLE_REQUEST"


class NotFound(DomainError):
    """The resource does not exist in the caller's tenant."""

    kind = ErrorKind.NOT_FOUND
    reason = "NOT_FOUND"

    def __init__(self, resource: str, resource_id: str) -> None:
        super().__init__(
            f"{resource} {resource_id!r} not found",
            reason=f"{resource.upper()}_NOT_FOUND",
            metadata={"resource": resource, "id": resource_id},
        )


class AlreadyExists(DomainError):
    """A unique key of the tenant is taken (duplicate sku, duplicate contact email)."""

    kind = ErrorKind.ALREADY_EXISTS
    reason = "ALREADY_EXISTS"


@dataclass(frozen=True, slots=True)
class PreconditionViolation:
    """One failed precondition: its type (e.g. `STOCK`), the subject (e.g. `items[0]`) and what failed."""

    type: str
    subject: str
    description: str


class FailedPrecondition(DomainError):
    """The system is not in a state that allows the operation (stock, lifecycle)."""

    kind = ErrorKind.FAILED_PRECONDITION
    violations: tuple[PreconditionViolation, ...] = ()


class Conflict(DomainError):
    """A concurrent change won; retrying the request may succeed."""

    kind = ErrorKind.ABORTED
    reason = "CONCURRENT_MODIFICATION"


class Unavailable(DomainError):
    """A dependency the request needs is down."""

    kind = ErrorKind.UNAVAILABLE
    reason = "DEPENDENCY_UNAVAILABLE"


class PermissionDenied(DomainError):
    """The caller is authenticated but may not act on this tenant."""

    kind = ErrorKind.PERMISSION_DENIED
    reason = "TENANT_NOT_GRANTED"


class Unauthenticated(DomainError):
    """The caller presented no valid credentials."""

    kind = ErrorKind.UNAUTHENTICATED
    reason = "INVALID_CREDENTIALS"


class UniqueViolation(Exception):
    """A unique key refused a write or the commit (e.g. a concurrent insert of the same key). Not a
    DomainError: the use case that meets it decides what it means (a replay, a duplicate SKU, …)."""


class Overloaded(DomainError):
    """The server is at a bound of concurrent calls or streams; retry with backoff."""

    kind = ErrorKind.RESOURCE_EXHAUSTED
    reason = "SERVER_OVERLOADED"


class RequestIdReused(FailedPrecondition):
    """A request_id already used by a different request: as payment APIs do, the second is refused."""

    reason = "REQUEST_ID_REUSED"
