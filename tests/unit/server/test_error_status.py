"""A refusal's status stays small enough for any gRPC client to receive, whatever the request quoted."""

from __future__ import annotations

from google.rpc import error_details_pb2, status_pb2

from domain.errors import FieldViolation, InvalidArgument
from server.edge.errors import MAX_VIOLATIONS, bounded, to_status


def _decoded(error: InvalidArgument) -> tuple[str, status_pb2.Status]:
    status = to_status(error, request_id="r-1")
    ((key, value),) = status.trailing_metadata
    assert key == "grpc-status-details-bin"
    return status.details, status_pb2.Status.FromString(value)


def test_bounded_cuts_on_a_character_boundary_and_marks_the_cut():
    assert bounded("short") == "short"
    cut = bounded("é" * 200, 20)
    assert len(cut.encode()) <= 20 and cut.endswith("…") and set(cut[:-1]) == {"é"}


def test_a_quoted_huge_value_leaves_a_small_status_that_still_names_the_field():
    quoted = FieldViolation("types[0]", f"unknown type '{'x' * 100_000}'")
    message, status = _decoded(InvalidArgument([quoted]))
    bad_request = error_details_pb2.BadRequest()
    status.details[0].Unpack(bad_request)
    assert bad_request.field_violations[0].field == "types[0]"
    assert len(message.encode()) + status.ByteSize() < 2_000


def test_many_violations_keep_the_first_ones_and_count_the_rest():
    error = InvalidArgument([FieldViolation(f"ids[{i}]", "must be a UUID") for i in range(500)])
    message, status = _decoded(error)
    bad_request = error_details_pb2.BadRequest()
    status.details[0].Unpack(bad_request)
    assert [v.field for v in bad_request.field_violations] == [f"ids[{i}]" for i in range(MAX_VIOLATIONS)]
    assert message.endswith("and 497 more")
