"""A migration interrupted halfway on SQLite leaves the database as it was, so the next start migrates it:
the migrations run in one transaction (transactional DDL), not one autocommitted statement at a time."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from sqlalchemy import create_engine, inspect

FAIL_AT_SUPPLIERS = textwrap.dedent(
    """
    import sys
    from alembic import op
    from storage.migrations import upgrade_to_head

    create_table = op.create_table

    def create_table_but_not_suppliers(name, *columns, **kwargs):
        if name == "suppliers":
            raise KeyboardInterrupt("interrupted while creating suppliers")
        return create_table(name, *columns, **kwargs)

    op.create_table = create_table_but_not_suppliers
    try:
        upgrade_to_head(sys.argv[1])
    except KeyboardInterrupt:
        sys.exit(3)
    """
)


def test_a_migration_interrupted_halfway_leaves_nothing_behind_and_the_next_start_migrates(tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path / 'crm.db'}"
    interrupted = subprocess.run(
        [sys.executable, "-c", FAIL_AT_SUPPLIERS, url], capture_output=True, text=True, timeout=120
    )
    assert interrupted.returncode == 3, interrupted.stderr
    engine = create_engine(f"sqlite:///{tmp_path / 'crm.db'}")
    assert "leads" not in inspect(engine).get_table_names()  # created before the interruption, rolled back
    again = subprocess.run(
        [sys.executable, "-c", f"from storage.migrations import upgrade_to_head; upgrade_to_head({url!r})"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 0, again.stderr
    assert {"leads", "suppliers", "products", "outbox"} <= set(inspect(engine).get_table_names())
    engine.dispose()
