"""The system area: SystemService (the health report)."""
