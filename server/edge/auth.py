"""Caller authentication and tenant authorisation.

Mode `none` trusts the request's tenant_id (allowed only on loopback, see config). Mode `jwt` requires
`authorization: Bearer <token>` signed with HS256 (JWT_SECRET) or RS256 (JWT_PUBLIC_KEY_FILE); the
`tenants` claim lists the tenant ids the caller may use (or "*"), `roles` its roles."""

from __future__ import annotations

import contextvars
from collections.abc import Mapping
from dataclasses import dataclass

import jwt

from domain.errors import PermissionDenied, Unauthenticated
from server.config import Settings


@dataclass(frozen=True, slots=True)
class Principal:
    subject: str
    tenants: frozenset[int] | None  # None: every tenant
    roles: frozenset[str] = frozenset()

    def authorize(self, tenant_id: int) -> None:
        if self.tenants is not None and tenant_id not in self.tenants:
            raise PermissionDenied(
                f"caller {self.subject!r} may not act on tenant {tenant_id}",
                metadata={"tenant_id": str(tenant_id)},
            )


ANONYMOUS = Principal(subject="anonymous", tenants=None)

# The principal of the call being served, set by the interceptor once it has authenticated the caller.
current_principal: contextvars.ContextVar[Principal | None] = contextvars.ContextVar(
    "current_principal", default=None
)


class Authenticator:
    def authenticate(self, metadata: Mapping[str, str]) -> Principal:
        return ANONYMOUS


class JwtAuthenticator(Authenticator):
    def __init__(self, *, key: str, algorithm: str, audience: str | None, issuer: str | None) -> None:
        self._key = key
        self._algorithm = algorithm
        self._audience = audience
        self._issuer = issuer

    def authenticate(self, metadata: Mapping[str, str]) -> Principal:
        header = metadata.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise Unauthenticated("send 'authorization: Bearer <token>' metadata")
        try:
            claims = jwt.decode(
                token,
                self._key,
                algorithms=[self._algorithm],
                audience=self._audience,
                issuer=self._issuer,
                options={"require": ["exp", "sub"], "verify_aud": self._audience is not None},
            )
        except jwt.PyJWTError as exc:
            raise Unauthenticated(f"invalid token: {exc}") from None
        return Principal(
            subject=str(claims["sub"]), tenants=_tenants(claims.get("tenants")), roles=_roles(claims)
        )


def _tenants(claim: object) -> frozenset[int] | None:
    if claim == "*":
        return None
    if not isinstance(claim, list) or not all(isinstance(t, int) and not isinstance(t, bool) for t in claim):
        raise Unauthenticated("token claim 'tenants' must be a list of tenant ids or \"*\"")
    return frozenset(claim)


def _roles(claims: Mapping[str, object]) -> frozenset[str]:
    roles = claims.get("roles", [])
    return frozenset(str(r) for r in roles) if isinstance(roles, list) else frozenset()


def build_authenticator(settings: Settings) -> Authenticator:
    if settings.AUTH_MODE == "none":
        return Authenticator()
    if settings.JWT_PUBLIC_KEY_FILE is not None:
        key, algorithm = settings.JWT_PUBLIC_KEY_FILE.read_text(), "RS256"
    else:
        key, algorithm = settings.JWT_SECRET or "", "HS256"
    return JwtAuthenticator(
        key=key, algorithm=algorithm, audience=settings.JWT_AUDIENCE, issuer=settings.JWT_ISSUER
    )
