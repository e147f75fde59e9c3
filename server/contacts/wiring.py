"""Builds ContactService from the components."""

from __future__ import annotations

from typing import TYPE_CHECKING

from server.contacts.api import ContactServicer
from server.contacts.usecases import ContactUseCases

if TYPE_CHECKING:
    from server.bootstrap import Components


def build(c: Components) -> ContactServicer:
    return ContactServicer(ContactUseCases(c.unit_of_work))
