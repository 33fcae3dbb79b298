"""The archive service over a real SQLite file: scans into cases through the file store, the outbox and the audit
log; re-scan and delete; real PDF and TIFF imports; a corrupt file changes nothing; a pile of three cases behind
separator sheets split into the right cases."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import img2pdf
import pikepdf
import pytest
from PIL import Image
from sqlalchemy import func, select
from svc_office import Office

from app.domain.errors import DomainError, ValidationError
from app.models import AuditEntry, Case, CaseDocument, OutboxEntry
from app.scanner import samples
from app.scanner.archive_pdf import ArchiveMetadata, ArchivePage, build_archive_pdf, read_archive_metadata
from app.scanner.base import ScannedPage, ScannerError
from app.scanner.batch import ScanSession, list_unfinished
from app.scanner.profiles import Profile
from app.scanner.separator import build_separator_sheet_pdf

GREY = Profile("test grey", paper="a4", dpi=100, mode="gray", source="feeder", blank_threshold=0.0, deskew=False)


def _to_archive(office: Office, **person: str) -> str:
    """A building case walked to the archive's scanning stage through the real workflow."""
    s = office.s
    nid = person.get("national_id", "0084575948")
    code = person.get("code", "1-4-76-10-1-2-0")
    case_id = office.open_building_case(office.person(nid), office.property(code)).case_id

    def act(actor, action: str) -> None:  # type: ignore[no-untyped-def]
        s.cases.apply_action(actor, case_id, action, expected_version=s.cases.get_version(case_id))

    act(office.inspector, "record_visit")
    s.cases.set_fact(office.inspector, case_id, "sketch_done", True)
    act(office.inspector, "submit_for_approval")
    s.cases.set_fact(office.head, case_id, "open_violations", 0)
    act(office.head, "approve")
    act(office.map_expert, "attach_aerial_map")
    s.cases.set_fact(office.inspector, case_id, "aerial_map_attached", True)
    s.cases.set_fact(office.inspector, case_id, "property_located", True)
    act(office.inspector, "confirm_location")
    assert s.cases.get_case(office.archive, case_id).state == "archive_scan"
    return case_id


def _pdf(pages: int = 2, dpi: int = 100, document_type: str = "deed") -> bytes:
    built = build_archive_pdf(
        [ArchivePage(samples.text_page("a4", dpi, seed=n), dpi, "gray") for n in range(pages)],
        ArchiveMetadata(document_type, scanner="test:0"),
    )
    return built.pdf


def _counts(office: Office, case_id: str) -> tuple[int, int, int, int, object]:
    with office.s.uow(writer=False) as uow:
        session = uow.session
        case = session.get(Case, case_id)
        assert case is not None
        docs = session.scalar(
            select(func.count())
            .select_from(CaseDocument)
            .where(CaseDocument.case_id == case_id, CaseDocument.file_sha256.is_not(None))
        )
        audit = session.scalar(select(func.count()).select_from(AuditEntry))
        outbox = session.scalar(select(func.count()).select_from(OutboxEntry))
        return case.version, int(docs or 0), int(audit or 0), int(outbox or 0), dict(case.facts or {})


def test_scan_fills_the_deed_line_syncs_audits_and_unblocks_the_action(office: Office) -> None:
    s, case_id = office.s, _to_archive(office)
    assert "archive_documents" not in {a.action for a in s.cases.get_case(office.archive, case_id).actions}
    pdf = _pdf(2)
    result = s.archive.save_document(office.archive, case_id, pdf, archive_type="deed", scanner="test:0")
    assert result.pages == 2 and s.files.has(result.sha256) and s.files.read_bytes(result.sha256) == pdf
    docs = s.archive.list_documents(office.archive, case_id)
    assert len(docs) == 1
    doc = docs[0]
    assert (doc.doc_type, doc.archive_type, doc.pages, doc.scanner, doc.resolution) == (
        "title_deed",
        "deed",
        2,
        "test:0",
        100,
    )
    assert doc.required and doc.file_here and doc.scanned_by_name == "مریم صادقی" and doc.scanned_at is not None
    assert s.archive.document_pdf(office.archive, doc.id) == pdf
    # the case view's checklist shows the deed scanned, and the workflow's action is open now
    detail = s.cases.get_case(office.archive, case_id)
    assert any(line.doc_type == "title_deed" and line.scanned for line in detail.documents)
    assert "archive_documents" in {a.action for a in detail.actions}
    with s.uow(writer=False) as uow:
        entries = uow.session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)).all()
        upserts = [e.payload for e in entries if e.entity == "case_document" and e.entity_id == doc.id]
        assert upserts[-1]["fields"]["file_sha256"] == result.sha256
        assert upserts[-1]["fields"]["scanned_by_id"] == office.archive.user_id
        audit = uow.session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert audit is not None and audit.action == "archive.document_scanned"
        assert audit.details["sha256"] == result.sha256 and audit.details["pages"] == 2
    # a second kind of document (no checklist line) becomes a line of its own; then the workflow moves on
    other = s.archive.save_document(
        office.archive, case_id, _pdf(1, document_type="plan_sheet"), archive_type="plan_sheet"
    )
    assert len(s.archive.list_documents(office.archive, case_id)) == 2
    assert other.document_id != doc.id
    s.cases.apply_action(office.archive, case_id, "archive_documents", expected_version=s.cases.get_version(case_id))
    assert s.cases.get_case(office.archive, case_id).state == "inspection_head_review"


def test_rescan_and_delete_are_audited_and_clear_the_fact(office: Office) -> None:
    s, case_id = office.s, _to_archive(office)
    first = s.archive.save_document(office.archive, case_id, _pdf(1), archive_type="deed")
    second = s.archive.save_document(
        office.archive, case_id, _pdf(3), archive_type="deed", replace_document_id=first.document_id
    )
    assert second.document_id == first.document_id and second.replaced_sha256 == first.sha256
    assert [d.pages for d in s.archive.list_documents(office.archive, case_id)] == [3]
    s.archive.delete_document(office.archive, first.document_id, "خوانا نبود")
    assert s.archive.list_documents(office.archive, case_id) == []
    detail = s.cases.get_case(office.archive, case_id)
    assert detail.facts["documents_scanned"] is False
    assert any(line.doc_type == "title_deed" and line.received and not line.scanned for line in detail.documents)
    with s.uow(writer=False) as uow:
        actions = [
            e.action
            for e in uow.session.scalars(select(AuditEntry).order_by(AuditEntry.seq))
            if e.action.startswith("archive.")
        ]
    assert actions == ["archive.document_scanned", "archive.document_rescanned", "archive.document_deleted"]
    assert s.audit.verify_chain().ok
    with pytest.raises(DomainError) as err:
        s.archive.delete_document(office.archive, first.document_id)
    assert err.value.code == "archive.document_not_found"


def test_corrupt_pdf_and_wrong_role_change_nothing(office: Office) -> None:
    s, case_id = office.s, _to_archive(office)
    before = _counts(office, case_id)
    broken = _pdf(2)[:-3000]
    for bad in (b"not a pdf at all", broken):
        with pytest.raises(ValidationError) as err:
            s.archive.save_document(office.archive, case_id, bad, archive_type="deed")
        assert err.value.code == "archive.corrupt_file"
    with pytest.raises(DomainError) as err2:
        s.archive.save_document(office.violation, case_id, _pdf(1), archive_type="deed")
    assert err2.value.code == "archive.not_allowed"
    assert _counts(office, case_id) == before
    assert list(s.files) == []


def _jpeg(image: Image.Image, dpi: int) -> bytes:
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=80, dpi=(dpi, dpi))
    return out.getvalue()


@pytest.mark.filterwarnings("ignore:Corrupt EXIF data")
def test_import_real_pdf_and_tiff_files_and_a_corrupt_one(office: Office, tmp_path: Path) -> None:
    s, case_id = office.s, _to_archive(office)
    scanned_pdf = tmp_path / "deed.pdf"
    scanned_pdf.write_bytes(img2pdf.convert([_jpeg(samples.text_page("a4", 100, seed=n), 100) for n in (1, 2)]))
    tiff = tmp_path / "card.tiff"
    pages = [samples.text_page("a4", 100, seed=n) for n in (3, 4, 5)]
    pages[0].save(tiff, save_all=True, append_images=pages[1:], dpi=(100, 100), compression="tiff_lzw")
    sessions = tmp_path / "sessions"
    first = s.archive.import_files(
        office.archive, case_id, [scanned_pdf], archive_type="deed", profile=GREY, sessions_folder=sessions
    )
    second = s.archive.import_files(
        office.archive, case_id, [tiff], archive_type="national_card", profile=GREY, sessions_folder=sessions
    )
    assert (first.pages, second.pages) == (2, 3)
    meta = read_archive_metadata(s.files.read_bytes(second.sha256))
    assert meta["DocumentType"] == "national_card" and meta["CaseId"] == case_id and meta["Pages"] == "3"
    with pikepdf.open(io.BytesIO(s.files.read_bytes(first.sha256))) as doc:
        assert len(doc.pages) == 2
    kinds = {d.archive_type: d.doc_type for d in s.archive.list_documents(office.archive, case_id)}
    assert kinds == {"deed": "title_deed", "national_card": "id_documents"}
    assert list_unfinished(sessions) == []

    # a truncated TIFF beside a good PDF: nothing of either reaches the case
    corrupt = tmp_path / "torn.tiff"
    corrupt.write_bytes(tiff.read_bytes()[:5000])
    before = _counts(office, case_id)
    stored = set(s.files)
    with pytest.raises(ScannerError) as err:
        s.archive.import_files(
            office.archive,
            case_id,
            [scanned_pdf, corrupt],
            archive_type="other",
            profile=GREY,
            sessions_folder=sessions,
        )
    assert err.value.code == "scanner.file_unreadable" and "torn.tiff" in err.value.params["path"]
    assert _counts(office, case_id) == before and set(s.files) == stored
    assert list_unfinished(sessions) == [] and not any(sessions.iterdir())


def _raster(pdf: bytes, tmp_path: Path, name: str) -> Image.Image:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "150", "-gray", "-png", "-singlefile", str(path), str(tmp_path / name)], check=True
    )
    with Image.open(tmp_path / f"{name}.png") as img:
        img.load()
        return img.convert("L")


def test_pile_of_three_cases_behind_separator_sheets(office: Office, tmp_path: Path) -> None:
    s = office.s
    cases = [
        _to_archive(office),
        _to_archive(office, national_id="0013542419", code="1-4-76-11-1-2-0"),
        _to_archive(office, national_id="0499370899", code="1-4-76-12-1-2-0"),
    ]
    session = ScanSession.create(tmp_path / "sessions", device_id="test:0", profile=GREY)
    expected_pages = (2, 1, 3)
    seed = 10
    for case_id, count in zip(cases, expected_pages, strict=True):
        sheet = _raster(s.archive.separator_sheet(case_id), tmp_path, case_id[:8])
        session.add_page(ScannedPage(0, sheet.rotate(1.5, fillcolor=255, expand=True), 150, "gray"))
        for _ in range(count):
            seed += 1
            session.add_page(ScannedPage(0, samples.text_page("a4", 150, seed=seed), 150, "gray"))
    groups = s.archive.split_pile(session)
    assert [g.case_id for g in groups] == cases
    assert [len(g.page_numbers) for g in groups] == list(expected_pages)
    assert groups[0].page_numbers == (2, 3) and groups[1].applicant_name
    prepared = s.archive.prepare_pile(session, groups, archive_type="deed", profile=GREY, operator="مریم صادقی")
    result = s.archive.save_pile(office.archive, prepared, archive_type="deed", scanner="test:0")
    assert result.changes.case_ids == frozenset(cases)
    for case_id, count in zip(cases, expected_pages, strict=True):
        docs = s.archive.list_documents(office.archive, case_id)
        assert [(d.archive_type, d.pages) for d in docs] == [("deed", count)]
        meta = read_archive_metadata(s.files.read_bytes(docs[0].sha256))
        assert meta["CaseId"] == case_id

    # a sheet of a case this workstation does not know, and pages before the first sheet, are refused whole
    stray = ScanSession.create(tmp_path / "sessions", device_id="test:0", profile=GREY)
    stray.add_page(ScannedPage(0, samples.text_page("a4", 150, seed=99), 150, "gray"))
    unknown = _raster(build_separator_sheet_pdf("1403-0101-009999", "x"), tmp_path, "unknown")
    stray.add_page(ScannedPage(0, unknown, 150, "gray"))
    stray.add_page(ScannedPage(0, samples.text_page("a4", 150, seed=98), 150, "gray"))
    stray_groups = s.archive.split_pile(stray)
    assert [(g.tracking_number, g.case_id) for g in stray_groups] == [(None, None), ("1403-0101-009999", None)]
    with pytest.raises(DomainError) as err:
        s.archive.prepare_pile(stray, stray_groups, archive_type="deed", profile=GREY)
    assert err.value.code == "archive.pile_unassigned"
