"""The running service: configuration, composition root, interceptors, use cases, gRPC servicers, the
event relay, the workflow runner and the AI agents client."""

__version__ = "2.0.0"
