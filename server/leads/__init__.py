"""The leads area: LeadService (leads, scoring, conversion)."""
