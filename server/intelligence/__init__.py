"""The intelligence area: IntelligenceService (cross-sell, pricing, recommendations, marketing)."""
