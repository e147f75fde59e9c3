"""Pure business engines: scoring, classification, fraud, pricing, cross-sell, inventory, marketing.

Rules of this package: inputs and outputs are frozen dataclasses; no I/O, no clock, no randomness, and no
import of grpc, sqlalchemy, asyncio, aiokafka, generated stubs, storage or server (tests/unit enforces it).
"""
