"""Builds IntelligenceService from the components (its use cases are the ones the composition root built once
and shares with the workflow runner)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from server.intelligence.api import IntelligenceServicer

if TYPE_CHECKING:
    from server.bootstrap import Components


def build(c: Components) -> IntelligenceServicer:
    return IntelligenceServicer(
        c.intelligence.recommendations,
        c.intelligence.pricing,
        max_response_bytes=c.settings.MAX_MESSAGE_BYTES,
    )
