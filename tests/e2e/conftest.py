"""The server the Kafka tests share: a fresh PostgreSQL database publishing to the test broker under a topic
prefix of the test's own, so no test reads another's records."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

import grpc
import pytest
import pytest_asyncio

from tests.conftest import PostgresDatabases, RunningServer, make_settings, serving
from tests.support.consume import Consumed, read_topic


@dataclass(frozen=True)
class PublishingServer:
    running: RunningServer
    channel: grpc.aio.Channel
    bootstrap: str
    prefix: str

    async def read(self, family: str, *, until: Callable[[list[Consumed]], bool]) -> list[Consumed]:
        """The records of the family's topic from its start, once `until` holds (AssertionError after 60s)."""
        return await read_topic(self.bootstrap, self.prefix + family, until=until, timeout=60)


@pytest.fixture
def topic_prefix() -> str:
    return f"crmtest{uuid.uuid4().hex[:8]}."


@pytest_asyncio.fixture
async def publishing_server(
    postgres: PostgresDatabases, kafka: str, topic_prefix: str
) -> AsyncIterator[PublishingServer]:
    settings = make_settings(
        postgres.new_database(), KAFKA_BOOTSTRAP_SERVERS=kafka, KAFKA_TOPIC_PREFIX=topic_prefix
    )
    async with serving(settings, "postgres") as running, grpc.aio.insecure_channel(running.target) as channel:
        yield PublishingServer(running, channel, kafka, topic_prefix)
