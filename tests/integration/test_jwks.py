"""Keys from a JWKS endpoint: tokens signed by its key are accepted, and after a rotation a token with the
new key's kid is accepted without a restart (the set is fetched again for an unknown kid)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import grpc
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from crm.v2 import lead_service_pb2 as pb
from crm.v2 import lead_service_pb2_grpc
from tests.conftest import make_settings, serving
from tests.integration.test_leads import a_lead

AUDIENCE, ISSUER = "crm-service-v2", "https://auth.test"


class KeySet:
    """The JWKS an identity provider would publish; `publish` replaces it (a rotation)."""

    def __init__(self) -> None:
        self.document = b'{"keys": []}'
        self.fetches = 0

    def publish(self, *keys: tuple[str, rsa.RSAPrivateKey]) -> None:
        jwks = []
        for kid, key in keys:
            jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
            jwks.append({**jwk, "kid": kid, "use": "sig", "alg": "RS256"})
        self.document = json.dumps({"keys": jwks}).encode()


@pytest.fixture
def jwks() -> Iterator[tuple[KeySet, str]]:
    keys = KeySet()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            keys.fetches += 1
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(keys.document)

        def log_message(self, *args: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield keys, f"http://127.0.0.1:{server.server_port}/.well-known/jwks.json"
    finally:
        server.shutdown()
        server.server_close()


def signed(key: rsa.RSAPrivateKey, kid: str) -> tuple[tuple[str, str]]:
    claims = {
        "sub": "svc",
        "tenants": [5],
        "roles": ["writer"],
        "aud": AUDIENCE,
        "iss": ISSUER,
        "exp": int(time.time() + 300),
    }
    return (("authorization", f"Bearer {jwt.encode(claims, key, algorithm='RS256', headers={'kid': kid})}"),)


async def test_a_rotated_key_is_fetched_for_its_unknown_kid(tmp_path, jwks):
    keys, url = jwks
    first, second = (rsa.generate_private_key(public_exponent=65537, key_size=2048) for _ in range(2))
    keys.publish(("first", first))
    settings = make_settings(
        f"sqlite+aiosqlite:///{tmp_path / 'crm.db'}",
        AUTH_MODE="jwt",
        JWT_JWKS_URL=url,
        JWT_AUDIENCE=AUDIENCE,
        JWT_ISSUER=ISSUER,
        JWT_JWKS_REFRESH_SECONDS=0,  # the rotation below comes right after the first fetch
    )
    async with serving(settings, "sqlite") as running, grpc.aio.insecure_channel(running.target) as channel:
        leads = lead_service_pb2_grpc.LeadServiceStub(channel)
        request = pb.CreateLeadRequest(tenant_id=5, lead=a_lead())
        assert (await leads.CreateLead(request, metadata=signed(first, "first"))).tenant_id == 5
        keys.publish(("second", second), ("first", first))  # the provider rotates
        assert (await leads.CreateLead(request, metadata=signed(second, "second"))).tenant_id == 5
        assert keys.fetches == 2
        stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        with pytest.raises(grpc.aio.AioRpcError) as refused:
            await leads.CreateLead(request, metadata=signed(stranger, "first"))  # a known kid, a forged key
        assert refused.value.code() == grpc.StatusCode.UNAUTHENTICATED
