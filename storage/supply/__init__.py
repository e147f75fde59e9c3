"""Storage of the supply area: supplier offers."""
