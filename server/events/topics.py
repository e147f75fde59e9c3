"""Provisioning the event topics: one per aggregate family, created with the configured partitions and
replication before anything is published, instead of letting the broker auto-create them on first use
(which logs an error per topic and gives them the broker's defaults)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from server.events.serialization import TOPIC_FAMILIES

logger = logging.getLogger(__name__)

TOPIC_ALREADY_EXISTS = 36  # Kafka's error code when another replica created the topic first


class TopicsNotCreated(RuntimeError):
    """The broker refused to create a topic (e.g. a replication factor above its broker count)."""


@dataclass(frozen=True, slots=True)
class TopicPlan:
    prefix: str
    partitions: int
    replication: int

    def topics(self) -> list[str]:
        return sorted({f"{self.prefix}{family}" for family in TOPIC_FAMILIES.values()})


async def ensure_topics(bootstrap_servers: str, plan: TopicPlan, *, request_timeout: float) -> list[str]:
    """Create every topic of `plan` that does not exist yet; returns the ones created."""
    admin = AIOKafkaAdminClient(
        bootstrap_servers=bootstrap_servers, request_timeout_ms=int(request_timeout * 1000)
    )
    await admin.start()
    try:
        missing = [t for t in plan.topics() if t not in set(await admin.list_topics())]
        if not missing:
            return []
        response = await admin.create_topics(
            [
                NewTopic(t, num_partitions=plan.partitions, replication_factor=plan.replication)
                for t in missing
            ]
        )
        _raise_for(response.topic_errors)
        logger.info("created topics %s", ", ".join(missing))
        return missing
    finally:
        await admin.close()


def _raise_for(errors: Iterable[tuple[object, ...]]) -> None:
    refused = [
        f"{error[0]}: {error[-1] or error[1]}"
        for error in errors
        if error[1] not in (0, TOPIC_ALREADY_EXISTS)
    ]
    if refused:
        raise TopicsNotCreated("; ".join(refused))
