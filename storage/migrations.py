"""Applying the Alembic migrations, the only way the schema changes."""

from __future__ import annotations

import pathlib

from alembic import command
from alembic.config import Config
from sqlalchemy.exc import DBAPIError

from storage.database import sync_url

MIGRATIONS_DIR = pathlib.Path(__file__).with_name("alembic")


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    # ConfigParser interpolation would eat a '%' in a password.
    config.set_main_option("sqlalchemy.url", sync_url(url).replace("%", "%%"))
    return config


class MigrationRefused(Exception):
    """The role at the URL may not change the schema (it is not the tables' owner)."""


# SQLSTATE insufficient_privilege: e.g. the service's role, which owns nothing, asked to run a migration.
INSUFFICIENT_PRIVILEGE = "42501"


def upgrade_to_head(url: str) -> None:
    """Bring the schema at `url` to the newest revision (blocking; run it in a thread from async code).
    A schema already at the newest revision needs no privilege beyond reading alembic_version."""
    try:
        command.upgrade(alembic_config(url), "heads")
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
            raise MigrationRefused(str(exc.orig).splitlines()[0]) from exc
        raise
