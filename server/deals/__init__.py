"""The deals area: DealService (deals, stage history, the pipeline summary)."""
