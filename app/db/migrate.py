"""Bring a workstation database to the newest schema, keeping a copy of the file first.

Start-up is on the clock (goal: a usable window in under 1.5 s), and importing Alembic's script machinery costs about
0.2 s. So the usual case, a database already at the newest revision, is decided without Alembic: the stored revision
is read with plain ``sqlite3`` and compared with the head found by reading the revision files as text
(``source_head_revision``; a test checks it against Alembic's own answer). Alembic is imported only to migrate.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from app.db.engine import make_engine

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
VERSIONS = MIGRATIONS / "versions"

_REVISION = re.compile(r"^revision(?:\s*:\s*[^=]+)?\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision(?:\s*:\s*[^=]+)?\s*=\s*(None|['\"]([^'\"]+)['\"])", re.MULTILINE)


def alembic_config(database: Path) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", f"sqlite:///{database}")
    return config


def head_revision() -> str:
    """The head as Alembic computes it (imports Alembic: for tests and the migrating path)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config(Path("unused"))).get_current_head()
    assert head is not None
    return head


def source_head_revision(versions: Path = VERSIONS) -> str | None:
    """The head read from the revision files as text: the one revision no other file names as its parent.

    None when the files do not give exactly one head (then the caller asks Alembic, which explains the problem).
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in versions.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        found = _REVISION.search(text)
        down = _DOWN.search(text)
        if found is None or down is None:
            return None
        revisions.add(found.group(1))
        if down.group(2):
            parents.add(down.group(2))
    heads = revisions - parents
    return next(iter(heads)) if len(heads) == 1 else None


def stored_revision(database: Path) -> str | None:
    """The revision recorded in ``database`` (plain sqlite3, no Alembic); None for a new or unmigrated file."""
    if not database.exists():
        return None
    conn = sqlite3.connect(database)
    try:
        rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return str(rows[0][0]) if len(rows) == 1 else None


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

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
    never costs the pending outbox or anything else. A database already at head is opened without Alembic.
    """
    database.parent.mkdir(parents=True, exist_ok=True)
    stored = stored_revision(database)
    if stored is not None and stored == source_head_revision():
        return make_engine(database)
    engine = make_engine(database)
    current = current_revision(engine)
    head = head_revision()
    if current != head:
        from alembic import command

        if current is not None:
            copy = backup_database(database, backups, f"before-{head[:8]}")
            log.info("database backed up to %s before migrating %s -> %s", copy, current, head)
        config = alembic_config(database)
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
    return engine
