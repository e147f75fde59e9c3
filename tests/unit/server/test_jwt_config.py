"""JWT settings that would weaken authentication refuse to start, each naming the variable to fix."""

from __future__ import annotations

import pytest

from server.config import ConfigError, load_settings

STRONG = "s" * 32
PINNED = {"JWT_AUDIENCE": "crm", "JWT_ISSUER": "https://auth.example"}


@pytest.mark.parametrize(
    ("environ", "named"),
    [
        ({"AUTH_MODE": "jwt", "JWT_SECRET": "short-secret", **PINNED}, "JWT_SECRET"),
        ({"AUTH_MODE": "jwt", "JWT_SECRET": STRONG}, "JWT_AUDIENCE"),
        ({"AUTH_MODE": "jwt", "JWT_SECRET": STRONG, "JWT_AUDIENCE": "crm"}, "JWT_ISSUER"),
        (
            {"AUTH_MODE": "jwt", "JWT_SECRET": STRONG, "JWT_PUBLIC_KEY_FILE": "/etc/hostname", **PINNED},
            "JWT_PUBLIC_KEY_FILE",
        ),
        (
            {"AUTH_MODE": "jwt", "JWT_SECRET": STRONG, "JWT_JWKS_URL": "http://127.0.0.1:1/jwks", **PINNED},
            "JWT_JWKS_URL",
        ),
        ({"AUTH_MODE": "jwt", "JWT_JWKS_URL": "ftp://keys", **PINNED}, "JWT_JWKS_URL"),
        (
            {"AUTH_MODE": "jwt", "JWT_SECRET": STRONG, "JWT_LEEWAY_SECONDS": "-1", **PINNED},
            "JWT_LEEWAY_SECONDS",
        ),
    ],
)
def test_a_weak_jwt_setting_refuses_to_start(environ, named):
    with pytest.raises(ConfigError) as refused:
        load_settings(environ)
    assert named in str(refused.value)


def test_pinning_audience_and_issuer_may_be_waived_explicitly():
    settings = load_settings({"AUTH_MODE": "jwt", "JWT_SECRET": STRONG, "JWT_ALLOW_ANY_AUDIENCE": "true"})
    assert settings.JWT_AUDIENCE is None and settings.JWT_ALLOW_ANY_AUDIENCE


def test_an_unsupported_public_key_refuses_to_start(tmp_path):
    from server.edge.auth import build_authenticator

    dsa = tmp_path / "dsa.pem"
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import dsa as dsa_keys

    key = dsa_keys.generate_private_key(key_size=2048).public_key()
    dsa.write_bytes(
        key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    settings = load_settings({"AUTH_MODE": "jwt", "JWT_PUBLIC_KEY_FILE": str(dsa), **PINNED})
    with pytest.raises(ConfigError, match="JWT_PUBLIC_KEY_FILE: unsupported key type"):
        build_authenticator(settings)
