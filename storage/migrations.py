"""Applying the Alembic migrations, the only way the schema changes."""

from __future__ import annotations

import pathlib

from alembic import command
from alembic.config import Config

from storage.database import sync_url

MIGRATIONS_DIR = pathlib.Path(__file__).with_name("alembic")


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    # ConfigParser interpolation would eat a '%' in a password.
    config.set_main_option("sqlalchemy.url", sync_url(url).replace("%", "%%"))
    return config


def upgrade_to_head(url: str) -> None:
    """Bring the schema at `url` to the newest revision (blocking; run it in a thread from async code)."""
    command.upgrade(alembic_config(url), "heads")
