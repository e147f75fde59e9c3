"""CRM events (contacts, deals, lead conversion) -> events.proto messages."""

from __future__ import annotations

from server.events.registration import EventRegistration

REGISTRATIONS: tuple[EventRegistration, ...] = ()
