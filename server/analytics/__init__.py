"""The analytics area: AnalyticsService (the dashboard)."""
