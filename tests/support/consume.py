"""An independent Kafka consumer for tests: reads a topic from the beginning until a condition holds."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer


@dataclass(frozen=True)
class Consumed:
    key: str
    value: bytes
    headers: dict[str, str]
    partition: int
    offset: int


async def read_topic(
    bootstrap: str, topic: str, *, until: Callable[[list[Consumed]], bool], timeout: float
) -> list[Consumed]:
    """Records of `topic` from offset 0, read until `until(records)` holds; AssertionError on timeout."""
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        group_id=None,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        metadata_max_age_ms=500,
    )
    await consumer.start()
    records: list[Consumed] = []
    deadline = time.monotonic() + timeout
    try:
        while not until(records):
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"{topic}: condition not met within {timeout}s after {len(records)} records"
                )
            batches = await consumer.getmany(timeout_ms=500)
            for batch in batches.values():
                records.extend(
                    Consumed(
                        key=(r.key or b"").decode(),
                        value=r.value or b"",
                        headers={k: v.decode() for k, v in r.headers},
                        partition=r.partition,
                        offset=r.offset,
                    )
                    for r in batch
                )
    finally:
        await consumer.stop()
    return records
