"""Alembic environment for the server database. Run through ``server.db.migrate``, never at import time."""

from __future__ import annotations

import contextlib

from alembic import context
from sqlalchemy import Connection

import server.db.models
from server.db.base import Base
from server.db.engine import make_engine

# The sync engineer's tables live in server.sync.models; both halves may be built at different times.
with contextlib.suppress(ImportError):
    import server.sync.models  # noqa: F401

target_metadata = Base.metadata


def run_with(connection: Connection) -> None:
    # render_as_batch: SQLite cannot ALTER most things; batch mode recreates tables instead.
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run_with(connection)
        return
    engine = make_engine(context.config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as conn:
        run_with(conn)
        conn.commit()
    engine.dispose()


main()
