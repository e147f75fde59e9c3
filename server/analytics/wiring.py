"""Builds AnalyticsService from the components."""

from __future__ import annotations

from typing import TYPE_CHECKING

from server.analytics.api import AnalyticsServicer
from server.analytics.usecases import DashboardUseCases

if TYPE_CHECKING:
    from server.bootstrap import Components


def build(c: Components) -> AnalyticsServicer:
    return AnalyticsServicer(DashboardUseCases(c.unit_of_work))
