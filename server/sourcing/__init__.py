"""The sourcing area: candidate products, scored, ranked, imported or rejected."""
