"""Bring the server database to the newest schema: ``upgrade(url)``; revision queries for /health."""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from server.db.engine import make_engine, normalise_url

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
CORE_HEAD = "srv0001"  # the last revision of the core tables; the sync revisions chain after it


def alembic_config(url: str = "") -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # '%' would be taken as interpolation by configparser (passwords may contain it).
    config.set_main_option("sqlalchemy.url", normalise_url(url).replace("%", "%%"))
    return config


def head_revisions() -> tuple[str, ...]:
    return tuple(sorted(ScriptDirectory.from_config(alembic_config()).get_heads()))


def current_revisions(engine: Engine) -> tuple[str, ...]:
    with engine.connect() as conn:
        return tuple(sorted(MigrationContext.configure(conn).get_current_heads()))


def upgrade_engine(engine: Engine) -> None:
    """Migrate the database behind ``engine`` to every head, in one transaction where the database allows it."""
    if current_revisions(engine) == head_revisions():
        return
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "heads")
    log.info("server database migrated to %s", ", ".join(head_revisions()))


def upgrade(url: str) -> None:
    """Create or migrate the database at ``url`` to the newest schema."""
    engine = make_engine(url)
    try:
        upgrade_engine(engine)
    finally:
        engine.dispose()
