"""The events area: EventService (ListEvents, WatchEvents) and the way events leave the service: domain events
become protobuf payloads in the outbox, and the relay publishes the outbox to Kafka."""
