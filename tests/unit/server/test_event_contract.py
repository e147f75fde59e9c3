"""The published event contract: each event type names its message, and docs/events.md says so."""

from __future__ import annotations

from pathlib import Path

from google.protobuf import symbol_database

from scripts.gen_event_docs import render
from server.events.serialization import event_contract

DOCS = Path(__file__).resolve().parents[3] / "docs" / "events.md"


def test_docs_events_md_is_the_rendered_contract():
    assert DOCS.read_text() == render(), "docs/events.md is stale: run `make protos`"


def test_every_event_type_names_a_message_of_the_contract():
    database = symbol_database.Default()
    for contract in event_contract():
        name = contract.schema.removeprefix("urn:protobuf:")
        assert database.GetSymbol(name).DESCRIPTOR.full_name == name
        assert name.startswith("crm.v2.")


def test_event_types_are_unique():
    types = [c.event_type for c in event_contract()]
    assert len(types) == len(set(types))
