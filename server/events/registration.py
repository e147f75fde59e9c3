"""How an area declares its events: the domain class, its events.proto message and the builder."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from google.protobuf.message import Message

from domain.events import DomainEvent

EventRegistration = tuple[type[DomainEvent], type[Message], Callable[[Any], Message]]
