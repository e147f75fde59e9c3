"""Caller authentication and tenant authorisation.

Mode `none` trusts the request's tenant_id (allowed only on loopback, see config). Mode `jwt` requires
`authorization: Bearer <token>` signed with HS256 (JWT_SECRET), with the key of JWT_PUBLIC_KEY_FILE (RSA:
RS256, EC P-256: ES256, Ed25519: EdDSA) or with a key of the JWKS at JWT_JWKS_URL (fetched by PyJWT's
PyJWKClient, cached, fetched again for an unknown `kid`, so a rotation needs no restart); `exp` and `sub`
are required, `aud` and `iss` checked, JWT_LEEWAY_SECONDS of clock skew tolerated. The `tenants` claim
lists the tenant ids the caller may use (or "*"), `roles` its roles."""

from __future__ import annotations

import asyncio
import contextvars
import logging
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

from domain.errors import PermissionDenied, Unauthenticated
from server.config import ConfigError, Settings
from server.edge.roles import ADMIN, allows

logger = logging.getLogger(__name__)

# How long a fetched JWKS is trusted before it is fetched again (an unknown kid fetches at once).
JWKS_CACHE_SECONDS = 300
# Verified tokens kept (a few per calling service); past that the memory starts again.
MAX_VERIFIED_TOKENS = 4096


@dataclass(frozen=True, slots=True)
class Principal:
    subject: str
    tenants: frozenset[int] | None  # None: every tenant
    roles: frozenset[str] = frozenset()

    def require(self, role: str) -> None:
        if not allows(self.roles, role):
            raise PermissionDenied(
                f"caller {self.subject!r} needs the {role!r} role for this call",
                reason="ROLE_REQUIRED",
                metadata={"role": role},
            )

    def authorize(self, tenant_id: int) -> None:
        if self.tenants is not None and tenant_id not in self.tenants:
            raise PermissionDenied(
                f"caller {self.subject!r} may not act on tenant {tenant_id}",
                metadata={"tenant_id": str(tenant_id)},
            )


# AUTH_MODE=none (loopback only): the caller is trusted with everything.
ANONYMOUS = Principal(subject="anonymous", tenants=None, roles=frozenset({ADMIN}))

# The principal of the call being served, set by the interceptor once it has authenticated the caller.
current_principal: contextvars.ContextVar[Principal | None] = contextvars.ContextVar(
    "current_principal", default=None
)


class Authenticator:
    async def authenticate(self, metadata: Mapping[str, str]) -> Principal:
        return ANONYMOUS


# Algorithms accepted per kind of key; a token naming any other algorithm is refused.
JWKS_ALGORITHMS: tuple[str, ...] = ("RS256", "RS384", "RS512", "ES256", "ES384", "EdDSA")


class JwtAuthenticator(Authenticator):
    def __init__(
        self,
        *,
        key: Any | None,
        algorithms: Sequence[str],
        audience: str | None,
        issuer: str | None,
        leeway: float,
        jwks: jwt.PyJWKClient | None = None,
        roles_claim: str = "roles",
    ) -> None:
        self._roles_claim = roles_claim
        self._key = key
        self._algorithms = list(algorithms)
        self._audience = audience
        self._issuer = issuer
        self._leeway = leeway
        self._jwks = jwks
        # Tokens already verified, until they expire: a caller sends the same token with every call, and
        # verifying its signature cost about 40 µs (HS256) to 100 µs (RS256) of each call's CPU.
        self._verified: dict[str, tuple[Principal, float]] = {}

    async def authenticate(self, metadata: Mapping[str, str]) -> Principal:
        header = metadata.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise Unauthenticated("send 'authorization: Bearer <token>' metadata")
        verified = self._verified.get(token)
        if verified is not None:
            principal, valid_until = verified
            if time.time() <= valid_until:
                return principal
            del self._verified[token]
        principal, valid_until = await self._verify(token)
        if len(self._verified) >= MAX_VERIFIED_TOKENS:
            self._verified.clear()
        self._verified[token] = (principal, valid_until)
        return principal

    async def _verify(self, token: str) -> tuple[Principal, float]:
        """The token's principal and the time (epoch seconds) until which the token is valid."""
        try:
            key: Any = self._key
            if self._jwks is not None:  # a cache hit most of the time; a fetch for a new kid (blocking I/O)
                key = (await asyncio.to_thread(self._jwks.get_signing_key_from_jwt, token)).key
            claims = jwt.decode(
                token,
                key,
                algorithms=self._algorithms,
                audience=self._audience,
                issuer=self._issuer,
                leeway=self._leeway,
                options={"require": ["exp", "sub"], "verify_aud": self._audience is not None},
            )
        except (jwt.PyJWTError, jwt.PyJWKClientError) as exc:
            raise Unauthenticated(f"invalid token: {exc}") from None
        principal = Principal(
            subject=str(claims["sub"]),
            tenants=_tenants(claims.get("tenants")),
            roles=_roles(claims.get(self._roles_claim)),
        )
        return principal, float(claims["exp"]) + self._leeway


def _tenants(claim: object) -> frozenset[int] | None:
    if claim == "*":
        return None
    if not isinstance(claim, list) or not all(isinstance(t, int) and not isinstance(t, bool) for t in claim):
        raise Unauthenticated("token claim 'tenants' must be a list of tenant ids or \"*\"")
    return frozenset(claim)


def _roles(claim: object) -> frozenset[str]:
    """A list of role names, or one name; anything else grants no role."""
    if isinstance(claim, str):
        return frozenset({claim})
    return frozenset(str(r) for r in claim) if isinstance(claim, list) else frozenset()


def build_authenticator(settings: Settings) -> Authenticator:
    if settings.AUTH_MODE == "none":
        return Authenticator()
    if settings.JWT_ALLOW_ANY_AUDIENCE:
        logger.warning("JWT_ALLOW_ANY_AUDIENCE: tokens are accepted whatever their audience and issuer")
    key: Any | None
    algorithms: tuple[str, ...]
    jwks = None
    if settings.JWT_JWKS_URL is not None:
        key, algorithms = None, JWKS_ALGORITHMS
        jwks = jwt.PyJWKClient(
            settings.JWT_JWKS_URL,
            cache_keys=True,
            lifespan=JWKS_CACHE_SECONDS,
            timeout=5,
            cooldown_duration=settings.JWT_JWKS_REFRESH_SECONDS,
        )
    elif settings.JWT_PUBLIC_KEY_FILE is not None:
        key, algorithms = _public_key(settings.JWT_PUBLIC_KEY_FILE)
    else:
        key, algorithms = settings.JWT_SECRET or "", ("HS256",)
    return JwtAuthenticator(
        key=key,
        algorithms=algorithms,
        audience=settings.JWT_AUDIENCE,
        issuer=settings.JWT_ISSUER,
        leeway=settings.JWT_LEEWAY_SECONDS,
        jwks=jwks,
        roles_claim=settings.JWT_ROLES_CLAIM,
    )


def _public_key(path: Path) -> tuple[Any, tuple[str, ...]]:
    """The key in `path` and the algorithm its kind allows; ConfigError for anything else."""
    try:
        key = serialization.load_pem_public_key(path.read_bytes())
    except ValueError as exc:
        raise ConfigError(f"JWT_PUBLIC_KEY_FILE: not a PEM public key ({exc})") from None
    if isinstance(key, rsa.RSAPublicKey):
        return key, ("RS256",)
    if isinstance(key, ec.EllipticCurvePublicKey) and isinstance(key.curve, ec.SECP256R1):
        return key, ("ES256",)
    if isinstance(key, ed25519.Ed25519PublicKey):
        return key, ("EdDSA",)
    raise ConfigError(
        f"JWT_PUBLIC_KEY_FILE: unsupported key type {type(key).__name__}; use RSA, EC P-256 or Ed25519"
    )
