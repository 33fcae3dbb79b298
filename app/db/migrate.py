"""Bring a workstation database to the newest schema, keeping a copy of the file first."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from app.db.engine import make_engine

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(database: Path) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", f"sqlite:///{database}")
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config(Path("unused"))).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_database(database: Path, backups: Path, label: str) -> Path:
    """A consistent copy through SQLite's backup API (safe while WAL holds uncheckpointed pages)."""
    backups.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
    target = backups / f"{database.stem}-{label}-{stamp}.sqlite"
    source = sqlite3.connect(database)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def upgrade_database(database: Path, backups: Path) -> Engine:
    """Migrate ``database`` to head (creating it if new) and return its engine.

    A database that already holds data is copied to ``backups`` before any migration runs, so a failed upgrade
    never costs the pending outbox or anything else.
    """
    database.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(database)
    current = current_revision(engine)
    head = head_revision()
    if current != head:
        if current is not None:
            copy = backup_database(database, backups, f"before-{head[:8]}")
            log.info("database backed up to %s before migrating %s -> %s", copy, current, head)
        config = alembic_config(database)
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
    return engine
