"""Page tokens are opaque, bound to their filters, and refuse forgery with a field violation."""

from __future__ import annotations

import base64
import json

import pytest

from server.edge.page_tokens import decode_token, encode_token, fingerprint
from server.edge.validation import Violations


def test_a_token_round_trips_its_position():
    filters = fingerprint(1, "new")
    v = Violations()
    assert decode_token(v, encode_token("42", filters), filters, valid=str.isdigit) == "42"
    assert v.items == []


def test_the_last_page_has_no_token():
    assert encode_token(None, fingerprint(1)) == ""


def test_a_token_for_other_filters_is_a_violation():
    v = Violations()
    assert (
        decode_token(v, encode_token("42", fingerprint(1, "new")), fingerprint(1, "won"), valid=str.isdigit)
        is None
    )
    assert [x.field for x in v.items] == ["page_token"]


def test_garbage_and_forged_positions_are_violations_not_crashes():
    filters = fingerprint(1)
    forged = base64.urlsafe_b64encode(json.dumps({"a": "DROP TABLE", "f": filters}).encode()).decode()
    for token in ("%%%", "bm90IGpzb24", forged, base64.urlsafe_b64encode(b"[1,2]").decode()):
        v = Violations()
        assert decode_token(v, token, filters, valid=str.isdigit) is None
        assert [x.field for x in v.items] == ["page_token"], token


def test_a_token_reveals_nothing_of_its_position():
    token = encode_token("1234567", fingerprint(1))
    padded = token + "=" * (-len(token) % 4)
    assert b"1234567" not in base64.urlsafe_b64decode(padded)
    assert "1234567" not in token


@pytest.mark.parametrize("position", ["4", "42", "4242", "0190f7e4-0000-7000-8000-000000000000"])
def test_every_single_character_edit_of_a_token_is_refused(position):
    filters = fingerprint(1)
    token = encode_token(position, filters)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    for i in range(len(token)):
        for replacement in set(alphabet) - {token[i]}:
            edited = token[:i] + replacement + token[i + 1 :]
            assert decode_token(Violations(), edited, filters, valid=lambda _: True) is None, (i, replacement)


def test_tokens_sealed_with_a_retired_key_still_listed_are_accepted_and_unlisted_ones_refused():
    from cryptography.fernet import Fernet

    from server.edge import page_tokens

    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    filters = fingerprint(1)
    before = page_tokens._sealer
    try:
        page_tokens.configure_keys([old])
        issued = encode_token("42", filters)
        page_tokens.configure_keys([new, old])  # rotated: new tokens with the new key, old ones still read
        assert decode_token(Violations(), issued, filters, valid=str.isdigit) == "42"
        page_tokens.configure_keys([new])  # the old key retired
        v = Violations()
        assert decode_token(v, issued, filters, valid=str.isdigit) is None
        assert [x.field for x in v.items] == ["page_token"]
    finally:
        page_tokens._sealer = before
