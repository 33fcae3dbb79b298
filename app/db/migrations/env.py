"""Alembic environment for the workstation database. Run through app.db.migrate, never at import time."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

import app.models
from app.db.engine import make_engine

target_metadata = app.models.Base.metadata


def run_with(connection: Connection) -> None:
    # render_as_batch: SQLite cannot ALTER most things; batch mode recreates tables instead.
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
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
    engine.dispose()


main()
