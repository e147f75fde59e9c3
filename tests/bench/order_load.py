"""Fallback load generator for the CreateOrder benchmark when ghz is not installed: `concurrency`
grpc.aio callers for `seconds`, cycling through the requests in a JSON file. Prints rps, p50, p99 (ms)."""

from __future__ import annotations

import asyncio
import json
import sys
import time

import grpc
from google.protobuf import json_format

from crm.v2 import order_service_pb2 as pb
from crm.v2 import order_service_pb2_grpc


def load(path: str) -> list[pb.CreateOrderRequest]:
    with open(path) as f:
        return [json_format.ParseDict(d, pb.CreateOrderRequest()) for d in json.load(f)]


async def main(target: str, requests: list[pb.CreateOrderRequest], concurrency: int, seconds: float) -> None:
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds
    async with grpc.aio.insecure_channel(target) as channel:
        stub = order_service_pb2_grpc.OrderServiceStub(channel)

        async def caller(offset: int) -> None:
            nonlocal errors
            n = offset
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                try:
                    await stub.CreateOrder(requests[n % len(requests)])
                    latencies.append(time.perf_counter() - started)
                except grpc.aio.AioRpcError:
                    errors += 1
                n += concurrency

        started = time.perf_counter()
        await asyncio.gather(*(caller(i) for i in range(concurrency)))
        elapsed = time.perf_counter() - started
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
    asyncio.run(main(sys.argv[1], load(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])))
