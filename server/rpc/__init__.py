"""gRPC servicers: validate the request, call one use case, map the result. No SQL and no business rule."""
