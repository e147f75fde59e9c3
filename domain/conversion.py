"""Lead conversion: what a caller asks for and what a conversion produced."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.contacts import Contact
from domain.deals import Deal
from domain.leads import Lead
from domain.money import Money


@dataclass(frozen=True, slots=True)
class ConversionRequest:
    """Convert a lead into a contact, and into a deal too when `create_deal` is set."""

    create_deal: bool = False
    deal_title: str = ""
    deal_amount: Money | None = None
    deal_owner: str = ""
    expected_close_date: date | None = None


@dataclass(frozen=True, slots=True)
class Conversion:
    lead: Lead
    contact: Contact | None  # None only when the contact was deleted after the conversion
    deal: Deal | None
    contact_reused: bool
