"""Clock skew, a day offline, schema upgrades, authorisation refusals and files, through a real server process."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select
from sync_harness import ServerProcess, Station, server_cases, server_count

from app.db import migrate as local_migrate
from app.models import OutboxEntry, SyncConflict
from app.sync import files as file_transfer
from app.sync.errors import SyncError, UpdateRequiredError
from server.db.models import AuditEntry as ServerAudit
from server.db.models import StoredFile
from server.sync.models import SyncRefusal

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
HOUR_MS = 3600 * 1000


def test_clocks_skewed_an_hour_either_way_converge(
    pg_server: ServerProcess, make_station: Callable[..., Station]
) -> None:
    clerk = pg_server.add_user("skew", {"formation.clerk"})
    ahead = make_station(pg_server, account=clerk, skew_ms=HOUR_MS)
    behind = make_station(pg_server, account=clerk, skew_ms=-HOUR_MS)
    right = make_station(pg_server, account=clerk)
    case_id = right.open_case(clerk, summary="start")
    right.sync()
    ahead.sync()
    behind.sync()
    ahead.edit(case_id, "summary", "ahead")
    behind.edit(case_id, "summary", "behind")
    ahead_case = ahead.open_case(clerk, summary="made ahead")

    report = ahead.sync()  # refused as too far ahead, re-stamped with the server's time, accepted
    assert report.push.accepted == 4 and report.push.refused == 0 and ahead.pending() == 0
    behind.sync()
    for station in (right, ahead, behind):
        station.sync()
    values = {s.case(case_id).summary for s in (right, ahead, behind)}
    assert len(values) == 1 and values == {server_cases(pg_server)[case_id][2]}
    assert {s.case(ahead_case).summary for s in (right, ahead, behind)} == {"made ahead"}
    # the value that lost is in history on every workstation
    losers = {h.lost_value for h in right.history(case_id)}
    assert losers == {"ahead", "behind"} - values


def test_a_day_offline_with_500_changes_converges(
    pg_server: ServerProcess, make_station: Callable[..., Station]
) -> None:
    clerk = pg_server.add_user("offline-day", {"formation.clerk"})
    online = make_station(pg_server, account=clerk)
    offline = make_station(pg_server, account=clerk)
    shared = [online.open_case(clerk, summary=f"s{i}") for i in range(20)]
    online.sync()
    offline.sync()
    mine = []
    for i in range(100):  # 300 entries
        mine.append(offline.open_case(clerk, summary=f"offline {i}"))
    for i in range(200):  # 200 edits, on shared cases and its own
        target = shared[i % 20] if i % 2 else mine[i % 100]
        offline.edit(target, "summary", f"edit {i}")
    assert offline.pending() == 500
    for i, case_id in enumerate(shared[:5]):
        online.edit(case_id, "summary", f"online {i}")
    online.sync()

    report = offline.sync()
    assert report.push.accepted == 500 and report.push.refused == 0 and offline.pending() == 0
    online.sync()
    server = server_cases(pg_server)
    assert online.cases() == {k: v for k, v in server.items() if k in online.cases()}
    for station in (online, offline):
        for case_id in shared + mine:
            assert station.cases()[case_id] == server[case_id]
    assert len([c for c in mine if c in server]) == 100


def _migrations_with_extra_revision(tmp_path: Path) -> Path:
    """The workstation's migrations plus one more that rebuilds the outbox table (SQLite batch mode copies every row
    into a new table), as a later release might."""
    folder = tmp_path / "migrations"
    shutil.copytree(local_migrate.MIGRATIONS, folder)
    head = local_migrate.head_revision()
    (folder / "versions" / "9999_outbox_rebuild.py").write_text(
        f'''"""test: a later schema"""
import sqlalchemy as sa
from alembic import op

revision = "9999_outbox_rebuild"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("outbox", recreate="always") as batch:
        batch.add_column(sa.Column("note", sa.Text(), nullable=True))
    op.add_column("case_file", sa.Column("priority", sa.Integer(), nullable=True))


def downgrade():
    pass
'''
    )
    return folder


def test_schema_upgrade_with_a_pending_outbox_loses_nothing(
    pg_server: ServerProcess, make_station: Callable[..., Station], tmp_path: Path
) -> None:
    clerk = pg_server.add_user("upgrade", {"formation.clerk"})
    a = make_station(pg_server, account=clerk)
    ids = [a.open_case(clerk, summary=f"before upgrade {i}") for i in range(5)]
    with a.sessions() as session:
        before = [(e.seq, e.idempotency_key, e.payload) for e in session.scalars(select(OutboxEntry))]
    assert len(before) == 15

    with pytest.raises(UpdateRequiredError):  # an outdated client is told so, and keeps its outbox
        a.sync(schema_version=0)
    assert a.pending() == 15

    a.engine.dispose()
    config = local_migrate.alembic_config(a.db_path)
    config.set_main_option("script_location", str(_migrations_with_extra_revision(tmp_path)))
    local_migrate.backup_database(a.db_path, a.root / "backups", "before-test-upgrade")
    with a.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    with a.sessions() as session:
        after = [(e.seq, e.idempotency_key, e.payload) for e in session.scalars(select(OutboxEntry))]
    assert after == before

    report = a.sync()
    assert report.push.accepted == 15 and a.pending() == 0
    assert all(server_cases(pg_server)[i][2].startswith("before upgrade") for i in ids)
    assert os.listdir(a.root / "backups")


def test_a_push_for_a_unit_the_user_does_not_belong_to_is_refused_and_audited(
    pg_server: ServerProcess, make_station: Callable[..., Station]
) -> None:
    clerk = pg_server.add_user("wrong-unit", {"formation.clerk"})
    a = make_station(pg_server, account=clerk)
    case_id = a.open_case(clerk, unit="vehicle")  # a tampered (or outdated) client writes into another unit
    report = a.sync()
    assert report.push.refused == 2  # the case (unit) and its event (its case is not there)
    assert report.push.accepted == 1  # the applicant, a shared record
    assert server_count(pg_server, "case_file", tracking_number=a.case(case_id).tracking_number) == 0
    with pg_server.session() as session:
        refusals = session.scalars(select(SyncRefusal).where(SyncRefusal.entity_id == case_id)).all()
        assert [(r.code, r.username, r.workstation_no) for r in refusals] == [
            ("sync.unit_forbidden", "wrong-unit", a.number)
        ]
        audited = session.scalars(select(ServerAudit).where(ServerAudit.entity_id == case_id)).all()
        assert [e.action for e in audited] == ["sync.refused"]
        assert audited[0].details["code"] == "sync.unit_forbidden"
    conflicts = a.conflicts()
    assert {c.reason for c in conflicts} == {"sync.unit_forbidden", "sync.case_unknown"}
    assert a.sync().push.sent == 0  # refused entries are settled, not resent forever


def test_a_corrupted_chunk_is_refused_and_the_upload_resumes(
    pg_server: ServerProcess, make_station: Callable[..., Station]
) -> None:
    clerk = pg_server.add_user("files", {"formation.clerk"})
    a = make_station(pg_server, account=clerk)
    data = os.urandom(2 * 1024 * 1024 + 12345)
    sha = a.files.put_bytes(data)
    client = a.client()
    try:
        with pytest.raises(SyncError) as refused:
            file_transfer.upload(client.transport, a.files.path_of(sha), sha, corrupt_chunk=1)
        assert refused.value.code == "files.chunk_corrupt"
        with pg_server.session() as session:
            assert session.get(StoredFile, sha) is None
        progress: list[int] = []
        file_transfer.upload(client.transport, a.files.path_of(sha), sha, on_progress=lambda d, t: progress.append(d))
        assert progress[0] == 2 * 1024 * 1024  # resumed after the one good chunk the server kept
        with pg_server.session() as session:
            assert session.get(StoredFile, sha) is not None
        b = make_station(pg_server, account=clerk)
        path = b.client().download_file(sha)
        assert hashlib.sha256(path.read_bytes()).hexdigest() == sha
    finally:
        client.transport.close()


def test_a_record_refers_to_a_file_only_once_the_file_is_there(
    pg_server: ServerProcess, make_station: Callable[..., Station]
) -> None:
    clerk = pg_server.add_user("file-ref", {"formation.clerk"})
    a = make_station(pg_server, account=clerk)
    case_id = a.open_case(clerk)
    sha = a.attach_file(case_id, b"%PDF-1.7 scanned deed " + os.urandom(5000))
    with pg_server.session() as session:
        assert session.get(StoredFile, sha) is None
    report = a.sync()  # uploads the scan first, then the record that names it
    assert report.push.accepted == 4 and a.pending() == 0
    with pg_server.session() as session:
        assert session.get(StoredFile, sha) is not None
    assert server_count(pg_server, "case_document", file_sha256=sha) == 1
    assert a.count(SyncConflict) == 0
