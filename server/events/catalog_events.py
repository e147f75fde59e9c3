"""Catalog events (products, suppliers, inventory) -> events.proto messages."""

from __future__ import annotations

from server.events.registration import EventRegistration

REGISTRATIONS: tuple[EventRegistration, ...] = ()
