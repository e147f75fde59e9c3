"""The gRPC edge every area shares: the interceptor, authentication, the request validation toolkit,
conversions of common types, page tokens and the mapping of domain errors to status."""
