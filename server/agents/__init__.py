"""Clients of the optional external AI agents (deployed CrewAI crews)."""
