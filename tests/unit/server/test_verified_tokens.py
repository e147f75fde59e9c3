"""A token is verified once and then known until it expires: its signature is not checked on every call, and
an expired token is refused even after it was known."""

from __future__ import annotations

import time

import jwt
import pytest

from domain.errors import Unauthenticated
from server.edge import auth
from server.edge.auth import JwtAuthenticator

SECRET = "s" * 40


def authenticator() -> JwtAuthenticator:
    return JwtAuthenticator(key=SECRET, algorithms=("HS256",), audience="crm", issuer="tests", leeway=5)


def bearer(expires_in: float) -> dict[str, str]:
    expires = int(time.time() + expires_in)
    claims = {"sub": "svc", "aud": "crm", "iss": "tests", "tenants": [7], "exp": expires}
    return {"authorization": f"Bearer {jwt.encode(claims, SECRET, algorithm='HS256')}"}


async def test_a_known_token_is_not_verified_again(monkeypatch):
    checker, metadata = authenticator(), bearer(600)
    first = await checker.authenticate(metadata)
    decoded = []
    monkeypatch.setattr(auth.jwt, "decode", lambda *a, **k: decoded.append(1))

    again = await checker.authenticate(metadata)

    assert again == first and decoded == []


async def test_a_known_token_is_refused_once_it_expires(monkeypatch):
    checker, metadata = authenticator(), bearer(60)
    await checker.authenticate(metadata)
    later = time.time() + 60 + 5 + 1  # past its expiry and the leeway
    monkeypatch.setattr(auth.time, "time", lambda: later)
    monkeypatch.setattr(jwt.api_jwt, "datetime", _clock_at(later))

    with pytest.raises(Unauthenticated):
        await checker.authenticate(metadata)


def _clock_at(epoch: float):  # type: ignore[no-untyped-def]
    """PyJWT's notion of now, moved to `epoch`."""
    from datetime import UTC, datetime

    class Moved(datetime):
        @classmethod
        def now(cls, tz=None):  # type: ignore[no-untyped-def, override]
            return datetime.fromtimestamp(epoch, tz or UTC)

    return Moved


async def test_a_bad_token_is_never_remembered():
    checker = authenticator()
    forged = {"authorization": "Bearer " + jwt.encode({"sub": "x", "exp": 4102444800}, "other" * 8, "HS256")}
    for _ in range(2):
        with pytest.raises(Unauthenticated):
            await checker.authenticate(forged)
