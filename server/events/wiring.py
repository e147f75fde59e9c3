"""Builds EventService from the components."""

from __future__ import annotations

from typing import TYPE_CHECKING

from server.events.api import EventServicer
from server.events.usecases import EventUseCases

if TYPE_CHECKING:
    from server.bootstrap import Components


def build(c: Components) -> EventServicer:
    return EventServicer(EventUseCases(c.unit_of_work, c.signal, stopping=c.stopping))
