"""Builds SystemService from the components: the health report's probes and feature list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from server import __version__
from server.agents.probe import CrewProbe
from server.system.api import SystemServicer
from server.system.usecases import Feature, SystemUseCases

if TYPE_CHECKING:
    from server.bootstrap import Components


def build(c: Components) -> SystemServicer:
    settings, relay = c.settings, c.relay
    agents = (
        [
            CrewProbe(
                "crewai",
                settings.crewai_base_url,
                settings.CREWAI_TOKEN,
                breaker=c.crew.breaker if c.crew else None,
            )
        ]
        if settings.crewai_base_url
        else []
    )
    features = [
        Feature(
            "kafka_events",
            bool(settings.KAFKA_BOOTSTRAP_SERVERS),
            settings.KAFKA_BOOTSTRAP_SERVERS or "events wait in the outbox",
        ),
        Feature("ai_agents", bool(agents), settings.crewai_base_url or "local engines only"),
        Feature("auth", settings.AUTH_MODE != "none", settings.AUTH_MODE),
        Feature("tls", settings.TLS_CERT_FILE is not None, "mutual" if settings.TLS_CLIENT_CA_FILE else ""),
        Feature("database", True, c.database.backend),
    ]
    return SystemServicer(
        SystemUseCases(
            c.unit_of_work,
            backend=c.database.backend,
            version=__version__,
            started_at=c.started_at,
            kafka_bootstrap=settings.KAFKA_BOOTSTRAP_SERVERS,
            relay_status=lambda: relay.status,
            agents=agents,
            features=features,
        )
    )
