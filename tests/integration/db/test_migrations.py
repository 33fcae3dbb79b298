"""Migrations: from an empty file, re-run at head, and a backup copy before migrating a database with data."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import inspect

from app.db.engine import make_engine
from app.db.migrate import alembic_config, current_revision, head_revision, upgrade_database


def test_upgrade_from_empty_and_rerun(tmp_path: Path) -> None:
    db, backups = tmp_path / "ws.sqlite", tmp_path / "backups"
    engine = upgrade_database(db, backups)
    assert current_revision(engine) == head_revision()
    tables = set(inspect(engine).get_table_names())
    assert {"case_file", "person", "property", "audit_entry", "outbox", "tracking_counter", "holiday"} <= tables
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("SELECT count(*) FROM holiday").scalar() > 50
        indexes = {r[1] for r in conn.exec_driver_sql("PRAGMA index_list(case_file)")}
        assert "ix_case_file_open_unit_due" in indexes
    engine.dispose()
    engine = upgrade_database(db, backups)  # at head: nothing to do, no copy
    assert current_revision(engine) == head_revision()
    assert not backups.exists() or not list(backups.iterdir())
    engine.dispose()


def test_backup_is_made_before_migrating_existing_data(tmp_path: Path) -> None:
    db, backups = tmp_path / "ws.sqlite", tmp_path / "backups"
    engine = make_engine(db)
    config = alembic_config(db)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO setting (key, value) VALUES ('marker', '\"kept\"')")
    engine.dispose()
    engine = upgrade_database(db, backups)
    assert current_revision(engine) == head_revision()
    engine.dispose()
    copies = list(backups.iterdir())
    assert len(copies) == 1 and "before-" in copies[0].name
    with sqlite3.connect(copies[0]) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert copy.execute("SELECT value FROM setting WHERE key = 'marker'").fetchone() == ('"kept"',)
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
