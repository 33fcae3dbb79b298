"""A document scanned by the archive service reaches the central server (the PDF first, then the record that names
it) and another workstation: the real server process and the real sync client."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "integration" / "sync"))

from sync_harness import ServerProcess, Station, make_station, server_count, sqlite_server  # noqa: F401

from app.models import CaseDocument, SyncConflict
from app.paths import DataPaths
from app.scanner import samples
from app.scanner.archive_pdf import ArchiveMetadata, ArchivePage, build_archive_pdf
from app.services.context import Services, cheap_hasher_for_tests
from app.sync.client import SyncClient


def test_a_scanned_document_syncs_with_its_file(
    sqlite_server: ServerProcess,  # noqa: F811
    make_station: Callable[..., Station],  # noqa: F811
) -> None:
    from server.db.models import StoredFile

    operator = sqlite_server.add_user("archive-sync", {"archive.operator", "formation.clerk"})
    a = make_station(sqlite_server, account=operator)
    case_id = a.open_case(operator)
    a.sync()
    services = Services.open(DataPaths(a.root), workstation_no=a.number, password_hasher=cheap_hasher_for_tests())
    try:
        pdf = build_archive_pdf(
            [ArchivePage(samples.text_page("a4", 72, seed=n), 72, "gray") for n in (1, 2)],
            ArchiveMetadata("deed", case_id=case_id, scanner="test:0"),
        ).pdf
        saved = services.archive.save_document(operator.actor, case_id, pdf, archive_type="deed", scanner="test:0")
        transport = a.client().transport
        client = SyncClient(a.engine, transport, files=services.files, on_remote_stamp=a.clock.observe)
        try:
            report = client.sync_once()
        finally:
            transport.close()
        # the audit entry, the case's new fact and the document row; the file went up before the row naming it
        assert report.push.refused == 0 and report.push.accepted >= 3 and not report.push.conflicts
        assert a.pending() == 0 and a.count(SyncConflict) == 0
    finally:
        services.close()
    with sqlite_server.session() as session:
        assert session.get(StoredFile, saved.sha256) is not None
    assert server_count(sqlite_server, "case_document", file_sha256=saved.sha256, archive_type="deed") == 1

    # another workstation pulls the record with the scan's details, and fetches the file by its hash
    b = make_station(sqlite_server, account=operator)
    b.sync()
    with b.sessions() as session:
        doc = session.scalars(select(CaseDocument).where(CaseDocument.file_sha256 == saved.sha256)).one()
        assert (doc.case_id, doc.archive_type, doc.pages, doc.scanner) == (case_id, "deed", 2, "test:0")
        assert doc.scanned_by_id == operator.user_id and doc.scanned_at is not None
    path = b.client().download_file(saved.sha256)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == saved.sha256
