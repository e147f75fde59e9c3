"""JSON documents of the value types several tables store."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict
from typing import Any

from domain.addresses import PostalAddress
from engines.factors import Factor


def factors_json(factors: Iterable[Factor]) -> list[dict[str, Any]]:
    return [
        {
            "name": f.name,
            "weight": f.weight,
            "value": f.value,
            "contribution": f.contribution,
            "explanation": f.explanation,
        }
        for f in factors
    ]


def factors_of(documents: Sequence[dict[str, Any]]) -> tuple[Factor, ...]:
    return tuple(Factor(**f) for f in documents)


def address_json(address: PostalAddress) -> dict[str, Any]:
    document = asdict(address)
    document["address_lines"] = list(address.address_lines)
    document["recipients"] = list(address.recipients)
    return document


def address_of(document: dict[str, Any]) -> PostalAddress:
    """The address a document holds; an order's written before they kept every field lacks some (empty)."""
    return PostalAddress(
        **{
            **document,
            "address_lines": tuple(document.get("address_lines", ())),
            "recipients": tuple(document.get("recipients", ())),
        }
    )
