"""Builds LeadService from the components."""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.deals import DealPolicy
from server.edge.actor import actor_resolver
from server.leads.api import LeadServicer
from server.leads.conversion import LeadConversionUseCases
from server.leads.usecases import LeadUseCases
from server.policies import lead_scoring_policy

if TYPE_CHECKING:
    from server.bootstrap import Components


def build(c: Components) -> LeadServicer:
    return LeadServicer(
        LeadUseCases(
            c.unit_of_work,
            lead_scoring_policy(c.settings),
            c.lead_histories,
        ),
        LeadConversionUseCases(c.unit_of_work, DealPolicy()),
        actor_resolver(c.settings),
    )
