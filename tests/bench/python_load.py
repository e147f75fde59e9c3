"""Fallback load generator for the benchmarks when ghz is not installed: `concurrency` grpc.aio callers
make `total` calls of one unary method, cycling through the requests of a JSON file, after `warm_up`
unmeasured calls, over CONNECTIONS channels (default 1), each call carrying the METADATA (a JSON object).
Prints rps, p50, p99 (ms) and errors as JSON.

    python_load.py TARGET crm.v2.Service.Method crm.v2.RequestType REQUESTS.json CONCURRENCY TOTAL WARM_UP \
        [CONNECTIONS [METADATA]]
"""

from __future__ import annotations

import asyncio
import importlib
import json
import pkgutil
import sys
import time

import grpc
from google.protobuf import descriptor_pool, json_format, message_factory

import crm.v2


def request_class(full_name: str) -> type:
    for module in pkgutil.iter_modules(crm.v2.__path__):
        importlib.import_module(f"crm.v2.{module.name}")
    return message_factory.GetMessageClass(descriptor_pool.Default().FindMessageTypeByName(full_name))


async def main(
    target: str,
    method: str,
    requests: list,
    concurrency: int,
    total: int,
    warm_up: int,
    connections: int = 1,
    metadata: tuple[tuple[str, str], ...] = (),
) -> None:
    cls = type(requests[0])
    service, name = method.rsplit(".", 1)
    latencies: list[float] = []
    errors = 0
    # A local subchannel pool per channel: otherwise grpc shares one connection among equal channels.
    channels = [
        grpc.aio.insecure_channel(target, options=[("grpc.use_local_subchannel_pool", 1)])
        for _ in range(connections)
    ]
    try:
        calls_of = [
            c.unary_unary(f"/{service}/{name}", request_serializer=cls.SerializeToString) for c in channels
        ]

        async def caller(calls: range, measured: bool) -> None:
            nonlocal errors
            call = calls_of[calls.start % connections] if calls else calls_of[0]
            for n in calls:
                started = time.perf_counter()
                try:
                    await call(requests[n % len(requests)], metadata=metadata or None)
                except grpc.aio.AioRpcError:
                    if measured:
                        errors += 1
                    continue
                if measured:
                    latencies.append(time.perf_counter() - started)

        await asyncio.gather(*(caller(range(i, warm_up, concurrency), False) for i in range(concurrency)))
        started = time.perf_counter()
        await asyncio.gather(*(caller(range(i, total, concurrency), True) for i in range(concurrency)))
        elapsed = time.perf_counter() - started
    finally:
        for channel in channels:
            await channel.close()
    latencies.sort()
    print(
        json.dumps(
            {
                "rps": len(latencies) / elapsed,
                "p50": latencies[len(latencies) // 2] * 1000,
                "p99": latencies[int(len(latencies) * 0.99)] * 1000,
                "errors": errors,
            }
        )
    )


if __name__ == "__main__":
    target, method, request_type, path, *rest = sys.argv[1:]
    concurrency, total, warm_up = (int(n) for n in rest[:3])
    connections = int(rest[3]) if len(rest) > 3 else 1
    metadata = tuple(json.loads(rest[4]).items()) if len(rest) > 4 else ()
    cls = request_class(request_type)
    with open(path) as f:
        requests = [json_format.ParseDict(d, cls()) for d in json.load(f)]
    asyncio.run(main(target, method, requests, concurrency, total, warm_up, connections, metadata))
