"""The one parser of a postal address, which orders and contacts share: what it keeps, what it refuses."""

from __future__ import annotations

from google.type import postal_address_pb2

from domain.addresses import PostalAddress
from server.edge.convert import postal_address_to_proto
from server.edge.validation import ADDRESS_LINES_MAX, Violations

FULL = postal_address_pb2.PostalAddress(
    region_code="jp",
    language_code="ja",
    postal_code="106-0032",
    sorting_code="CEDEX 7",
    administrative_area="Tokyo",
    locality="Minato",
    sublocality="Roppongi",
    address_lines=["  6-10-1 Roppongi ", "", "Mori Tower"],
    recipients=["Grace Hopper"],
    organization="Navy",
)


def parsed(
    value: postal_address_pb2.PostalAddress, *, lines_required: bool = True
) -> tuple[PostalAddress, dict]:
    v = Violations()
    address = v.postal_address("address", value, lines_required=lines_required)
    return address, {item.field: item.description for item in v.items}


def test_every_field_is_kept_trimmed_with_the_region_upper_cased_and_blank_lines_left_out():
    address, violations = parsed(FULL)
    assert violations == {}
    assert address.region_code == "JP" and address.sublocality == "Roppongi"
    assert address.address_lines == ("6-10-1 Roppongi", "Mori Tower")
    expected = postal_address_pb2.PostalAddress()
    expected.CopyFrom(FULL)
    expected.region_code = "JP"
    expected.ClearField("address_lines")
    expected.address_lines.extend(["6-10-1 Roppongi", "Mori Tower"])
    assert postal_address_to_proto(address) == expected


def test_a_missing_or_malformed_region_is_a_violation_of_region_code():
    for region, words in (
        ("", "is required"),
        ("USA", "must be a two-letter"),
        ("U1", "must be a two-letter"),
    ):
        _, violations = parsed(
            postal_address_pb2.PostalAddress(region_code=region, address_lines=["1 Main St"])
        )
        assert violations["address.region_code"].startswith(words)


def test_lines_are_required_only_where_the_caller_says_and_are_bounded():
    blank = postal_address_pb2.PostalAddress(region_code="US", address_lines=[" "])
    assert "address.address_lines" in parsed(blank)[1]
    assert parsed(blank, lines_required=False)[1] == {}
    many = postal_address_pb2.PostalAddress(region_code="US", address_lines=["x"] * (ADDRESS_LINES_MAX + 1))
    assert parsed(many)[1] == {"address.address_lines": f"at most {ADDRESS_LINES_MAX} lines"}


def test_each_text_field_is_bounded_under_its_own_path():
    long = postal_address_pb2.PostalAddress(
        region_code="US", address_lines=["1 Main St", "y" * 201], sublocality="z" * 201
    )
    assert set(parsed(long)[1]) == {"address.address_lines[1]", "address.sublocality"}
