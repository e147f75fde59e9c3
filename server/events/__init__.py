"""Events leave the service here: domain events become protobuf payloads in the outbox, and the relay
publishes the outbox to Kafka."""
