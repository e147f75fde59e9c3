"""JSON documents of the value types several tables store."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

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
