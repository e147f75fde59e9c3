"""The context of a call as every servicer method and the edge receive it (its metadata, peer, deadline and
status). Its request and response types are already in each method's signature, so it is not parameterised."""

from __future__ import annotations

from typing import Any

import grpc

Context = grpc.aio.ServicerContext[Any, Any]
