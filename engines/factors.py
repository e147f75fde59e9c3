"""Explained scores: a score is the sum of weighted factors, each saying why it has its value."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Factor:
    """One weighted part of a score: `contribution` = weight x value (0-100 scale), rounded to cents."""

    name: str
    weight: float
    value: float
    contribution: float
    explanation: str


def weighted(name: str, weight: float, value: float, explanation: str) -> Factor:
    """A factor whose value is clamped to 0-100 and whose contribution is rounded to 2 decimals."""
    shown = _shown(value)
    return Factor(name, weight, shown, contribution(weight, value), explanation)


def contribution(weight: float, value: float) -> float:
    """What a factor of this weight and value adds to a score, without writing its explanation."""
    # Computed from the value as reported, so a reader can re-derive it exactly.
    return round(weight * _shown(value), 2)


def total(factors: Iterable[Factor]) -> float:
    """The score the factors add up to, rounded to 2 decimals."""
    return total_of(f.contribution for f in factors)


def total_of(contributions: Iterable[float]) -> float:
    return round(sum(contributions), 2)


def _shown(value: float) -> float:
    return round(min(100.0, max(0.0, value)), 2)
