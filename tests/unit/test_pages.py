"""A page whose rows are assembled into entities keeps where it stands: its continuation, its total and the
position after each item, which a List response needs to stop early within its byte budget."""

from __future__ import annotations

from domain.paging import Page


def test_a_page_holding_its_assembled_items_keeps_its_positions_continuation_and_total():
    rows = Page(items=[{"id": "a"}, {"id": "b"}], next_after="b", total_size=7, positions=["a", "b"])

    assembled = rows.with_items(["order a", "order b"])

    assert assembled == Page(["order a", "order b"], "b", 7, positions=["a", "b"])
