"""Start-up does not pay for Alembic when the database is already at the newest revision."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.db.migrate import head_revision, source_head_revision, stored_revision, upgrade_database

ROOT = Path(__file__).resolve().parents[3]


def test_the_head_read_from_the_revision_files_is_alembics(tmp_path: Path) -> None:
    assert source_head_revision() == head_revision()
    # Two heads (a branch) give no answer, so the caller falls back to Alembic, which explains the problem.
    versions = tmp_path / "versions"
    versions.mkdir()
    (versions / "a.py").write_text('revision = "a"\ndown_revision = None\n')
    (versions / "b.py").write_text('revision: str = "b"\ndown_revision: str | None = "a"\n')
    assert source_head_revision(versions) == "b"
    (versions / "c.py").write_text("revision = 'c'\ndown_revision = 'a'\n")
    assert source_head_revision(versions) is None


def test_a_database_at_head_opens_without_importing_alembic(tmp_path: Path) -> None:
    db, backups = tmp_path / "ws.sqlite", tmp_path / "backups"
    assert stored_revision(db) is None
    upgrade_database(db, backups).dispose()
    assert stored_revision(db) == head_revision()
    code = (
        "import sys; from pathlib import Path; from app.db.migrate import upgrade_database; "
        f"e = upgrade_database(Path({str(db)!r}), Path({str(backups)!r})); "
        "e.connect().close(); print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert not backups.exists() or not any(backups.iterdir())
