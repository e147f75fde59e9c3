"""The workflows area: WorkflowService and the durable runner that executes workflow rows."""
