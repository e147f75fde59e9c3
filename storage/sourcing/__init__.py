"""Sourcing candidates."""
