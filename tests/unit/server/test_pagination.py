"""Page tokens are opaque, bound to their filters, and refuse forgery with a field violation."""

from __future__ import annotations

import base64
import json

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
