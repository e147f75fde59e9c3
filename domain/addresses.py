"""Postal addresses: the one value an order's billing and shipping addresses and a contact's address are."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PostalAddress:
    """A postal address: the fields of google.type.PostalAddress; `region_code` is a CLDR region such as
    US."""

    region_code: str
    language_code: str = ""
    postal_code: str = ""
    sorting_code: str = ""
    administrative_area: str = ""
    locality: str = ""
    sublocality: str = ""
    address_lines: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    organization: str = ""
