"""Opaque page tokens: a keyset position bound to the tenant and filters it was issued for (AIP-158), and
the one way every List RPC reads its page request and answers with a page.

Tokens are sealed (Fernet: AES-128-CBC with an HMAC-SHA256, from `cryptography`): a caller can neither read
the position (the events cursor is the outbox's cross-tenant sequence) nor change a byte of it. Keys come
from PAGE_TOKEN_KEYS, newest first; older keys still open tokens issued before a rotation. Without keys a
process seals with a random key of its own, so its tokens are good only on that process."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from domain.paging import Page, PageRequest
from server.edge.validation import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Violations, parse_id

C = TypeVar("C")

T = TypeVar("T")

R = TypeVar("R")


def fingerprint(*filters: object) -> str:
    return hashlib.sha256(repr(filters).encode()).hexdigest()[:16]


_sealer = MultiFernet([Fernet(Fernet.generate_key())])


# Bytes the items of one List response may take; the rest of the message limit is left for the envelope.
_budget = 4 * 1024 * 1024 - 64 * 1024
ENVELOPE_BYTES = 64 * 1024


def configure_budget(max_message_bytes: int) -> None:
    """Fit List responses into MAX_MESSAGE_BYTES (the composition root calls this once)."""
    global _budget
    _budget = max(1024, max_message_bytes - ENVELOPE_BYTES)


def configure_keys(keys: Sequence[str]) -> None:
    """Seal with the first key, open with any (the composition root calls this). Without keys the process
    keeps the key it has, so servers built one after another in one process read each other's tokens."""
    global _sealer
    if keys:
        _sealer = MultiFernet([Fernet(key) for key in keys])


def encode_token(after: str | None, filters_fingerprint: str) -> str:
    if after is None:
        return ""
    raw = json.dumps({"a": after, "f": filters_fingerprint}, separators=(",", ":")).encode()
    return _sealer.encrypt(raw).decode().rstrip("=")


def decode_token(
    violations: Violations, token: str, filters_fingerprint: str, *, valid: Callable[[str], bool]
) -> str | None:
    """The keyset position in `token`; a violation when it is malformed, forged or issued for other
    filters. `valid` checks the position itself (a UUID, a sequence number)."""
    if not token:
        return None
    try:
        sealed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        # one spelling per token: base64's unused low bits would let an edited last character through
        if base64.urlsafe_b64encode(sealed).decode().rstrip("=") != token:
            raise ValueError("not the canonical spelling")
        payload = json.loads(_sealer.decrypt(base64.urlsafe_b64encode(sealed)))
        after, issued_for = payload["a"], payload["f"]
    except (InvalidToken, ValueError, KeyError, TypeError, binascii.Error):
        violations.add("page_token", "is not a token this service issued")
        return None
    if not isinstance(after, str) or not valid(after):
        violations.add("page_token", "is not a token this service issued")
        return None
    if issued_for != filters_fingerprint:
        violations.add("page_token", "was issued for different filters; start again without a token")
        return None
    return after


class PagedRequest(Protocol):
    """What every List request carries besides its filters."""

    @property
    def tenant_id(self) -> int: ...

    @property
    def page_size(self) -> int: ...

    @property
    def page_token(self) -> str: ...


@dataclass(frozen=True, slots=True)
class ListQuery(Generic[C]):
    """A validated List request: its filters, the page to read, and the fingerprint the next token carries."""

    tenant_id: int
    criteria: C
    page: PageRequest
    fingerprint: str


def _is_id(position: str) -> bool:
    return parse_id(position) is not None


def page_query(
    v: Violations,
    request: PagedRequest,
    criteria: C,
    *,
    valid: Callable[[str], bool] = _is_id,
    scope: tuple[str, ...] = (),
    default_size: int = DEFAULT_PAGE_SIZE,
    max_size: int = MAX_PAGE_SIZE,
) -> ListQuery[C]:
    """Validates the page token of `request` after its filters (so violations keep that order) and raises
    every violation collected in `v` (a negative page size among them: the schema's rule). AIP-158: a page
    size of 0 means the default, one over the maximum is coerced. `scope` is prefixed to the fingerprint
    where an area has always bound its tokens to its own name."""
    size = min(request.page_size, max_size) if request.page_size > 0 else default_size
    token_fingerprint = fingerprint(*scope, request.tenant_id, criteria)
    after = decode_token(v, request.page_token, token_fingerprint, valid=valid)
    v.raise_if_any()
    return ListQuery(request.tenant_id, criteria, PageRequest(size=size, after=after), token_fingerprint)


def page_response(
    response: Callable[..., R],
    items_field: str,
    page: Page[T],
    to_proto: Callable[[T], Any],
    query: ListQuery[Any],
) -> R:
    """The List response: the page's items mapped into `items_field`, the next token, the total size. Items
    past the byte budget wait for the next page (its token continues after the last one sent), so a page of
    large rows never exceeds the message limit."""
    messages = [to_proto(item) for item in page.items]
    kept, next_after = _within_budget(messages, page)
    return response(
        **{items_field: kept},
        next_page_token=encode_token(next_after, query.fingerprint),
        total_size=page.total_size,
    )


def _within_budget(messages: list[Any], page: Page[Any]) -> tuple[list[Any], str | None]:
    used = 0
    for index, message in enumerate(messages):
        used += message.ByteSize() + 8  # the field's tag and length
        if used > _budget and index > 0 and len(page.positions) == len(messages):
            return messages[:index], page.positions[index - 1]
    return messages, page.next_after
