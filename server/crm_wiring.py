"""Builds the CRM servicers (leads, contacts, deals, dashboard) from the components (used by server/app.py's
SERVICES table)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.deals import DealPolicy
from server.rpc.actor import actor_resolver
from server.rpc.analytics import AnalyticsServicer
from server.rpc.contacts import ContactServicer
from server.rpc.deals import DealServicer
from server.rpc.leads import LeadServicer
from server.usecases.analytics import DashboardUseCases
from server.usecases.contacts import ContactUseCases
from server.usecases.deals import DealUseCases
from server.usecases.lead_conversion import LeadConversionUseCases

if TYPE_CHECKING:
    from server.bootstrap import Components


def lead_servicer(c: Components) -> LeadServicer:
    conversions = LeadConversionUseCases(c.unit_of_work, DealPolicy())
    return LeadServicer(c.leads, conversions, actor_resolver(c.settings))


def contact_servicer(c: Components) -> ContactServicer:
    return ContactServicer(ContactUseCases(c.unit_of_work))


def deal_servicer(c: Components) -> DealServicer:
    return DealServicer(DealUseCases(c.unit_of_work, DealPolicy()), actor_resolver(c.settings))


def analytics_servicer(c: Components) -> AnalyticsServicer:
    return AnalyticsServicer(DashboardUseCases(c.unit_of_work))
