"""Use cases: each turns one request into one unit of work (load, decide with engines, write, emit
events, commit). They know storage, engines and agents, never protobuf."""
