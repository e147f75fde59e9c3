"""Opaque page tokens: a keyset position bound to the filters it was issued for (AIP-158)."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Callable

from server.edge.validation import Violations


def fingerprint(*filters: object) -> str:
    return hashlib.sha256(repr(filters).encode()).hexdigest()[:16]


def encode_token(after: str | None, filters_fingerprint: str) -> str:
    if after is None:
        return ""
    raw = json.dumps({"a": after, "f": filters_fingerprint}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_token(
    violations: Violations, token: str, filters_fingerprint: str, *, valid: Callable[[str], bool]
) -> str | None:
    """The keyset position in `token`; a violation when it is malformed, forged or issued for other
    filters. `valid` checks the position itself (a UUID, a sequence number)."""
    if not token:
        return None
    try:
        payload = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        after, issued_for = payload["a"], payload["f"]
    except (ValueError, KeyError, TypeError, binascii.Error):
        violations.add("page_token", "is not a token this service issued")
        return None
    if not isinstance(after, str) or not valid(after):
        violations.add("page_token", "is not a token this service issued")
        return None
    if issued_for != filters_fingerprint:
        violations.add("page_token", "was issued for different filters; start again without a token")
        return None
    return after
