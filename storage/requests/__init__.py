"""The requests the service has seen by request_id: what each create call carried, to tell a replay from a
reused request_id."""
