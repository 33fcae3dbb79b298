"""The archive: scanned documents into cases, separator-sheet piles split into their cases, files imported.

A scanned document is one archival PDF (built by ``app.scanner``), stored content-addressed in the workstation's
``FileStore`` and recorded on a ``CaseDocument`` row: the archive's document type, pages, sha256, scanner,
resolution, operator and time. The row goes through the outbox (so it syncs; sync ships the file by its hash) and
every scan, re-scan and delete writes its audit entry in the same transaction. Saving also records the case fact
``documents_scanned`` that the workflow's "documents archived" action needs.

A scanned document fills the checklist line of its kind when that line has no scan yet (a deed fills "title deed");
otherwise it becomes a line of its own. A re-scan replaces the file of a named line (the old file stays in the store
and its hash in the audit log).

Heavy work (decoding separator sheets, building PDFs) runs outside the write transaction: ``prepare_pile`` is a read,
``save_pile`` only stores what was prepared.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import workflows as wf
from app.domain.errors import DomainError, NotFoundError, ValidationError
from app.domain.tracking import is_valid_tracking_number, normalize_tracking_number
from app.domain.workflows import Actor
from app.domain.workflows.guards import FACT_SCANNED
from app.models import Case, CaseDocument, StoredFile, uuid7
from app.scanner.archive_pdf import DOCUMENT_TYPES, ArchiveMetadata, read_archive_metadata
from app.scanner.base import CancelToken
from app.scanner.batch import SAVED, PageRecord, ScanSession
from app.scanner.profiles import Profile
from app.services.common import OFFICE_HEAD, Area, get_case_row
from app.services.dto import Changes
from app.services.outbox import enqueue_upsert

ARCHIVE_OPERATOR = "archive.operator"
ARCHIVE_ROLES = frozenset({ARCHIVE_OPERATOR, OFFICE_HEAD})
MAX_PDF_BYTES = 200 * 1024 * 1024

# The archive's kind of document -> the catalog's checklist line it fills (None: a line of its own).
CHECKLIST_LINE: dict[str, str | None] = {
    "deed": "title_deed",
    "national_card": "id_documents",
    "birth_certificate": "id_documents",
    "previous_permit": "previous_permit",
    "plan_sheet": "architectural_plans",
    "power_of_attorney": "power_of_attorney",
    "inheritance_certificate": "inheritance_certificate",
    "other": None,
}

# Persian names of the archive's document kinds (the UI translates its own; services speak Persian for the audit).
ARCHIVE_TYPE_TITLES: dict[str, tuple[str, str]] = {
    "deed": ("Title deed", "سند مالکیت"),
    "national_card": ("National card", "کارت ملی"),
    "birth_certificate": ("Birth certificate", "شناسنامه"),
    "previous_permit": ("Previous permit", "پروانهٔ قبلی"),
    "plan_sheet": ("Plan sheet", "برگ نقشه"),
    "power_of_attorney": ("Power of attorney", "وکالت‌نامه"),
    "inheritance_certificate": ("Inheritance certificate", "گواهی انحصار وراثت"),
    "other": ("Other document", "سایر مدارک"),
}


@dataclass(frozen=True)
class ArchivedDocument:
    """One scanned document of a case, as the Archive tab lists it."""

    id: str
    case_id: str
    doc_type: str
    archive_type: str
    title: str
    pages: int
    sha256: str
    scanner: str
    resolution: int
    scanned_by_name: str
    scanned_at: object  # datetime (UTC)
    required: bool
    file_here: bool  # False while sync has not brought the file to this workstation yet


@dataclass(frozen=True)
class SaveResult:
    document_id: str
    case_id: str
    sha256: str
    pages: int
    replaced_sha256: str | None = None
    changes: Changes = field(default_factory=Changes)


@dataclass(frozen=True)
class PileGroup:
    """Pages of a scanned pile behind one separator sheet. ``case_id`` is None when the sheet's case is unknown here
    (or for pages before the first sheet: ``tracking_number`` None)."""

    tracking_number: str | None
    case_id: str | None
    applicant_name: str
    page_numbers: tuple[int, ...]


@dataclass(frozen=True)
class PreparedDocument:
    case_id: str
    tracking_number: str
    pdf: bytes
    pages: int
    resolution: int


@dataclass(frozen=True)
class PileResult:
    saved: tuple[SaveResult, ...]
    changes: Changes


def check_pdf(pdf: bytes) -> int:
    """The page count of a PDF, or ``archive.corrupt_file`` when it is not one."""
    if not pdf or len(pdf) > MAX_PDF_BYTES:
        raise ValidationError("archive.corrupt_file", field="file")
    try:
        with pikepdf.open(io.BytesIO(pdf)) as doc:
            count = len(doc.pages)
            for page in doc.pages:
                _ = page.mediabox  # every page must be readable, not just the first
            # qpdf quietly repairs a damaged file (a torn copy, a truncated download); the archive keeps sound files
            problems = list(doc.get_warnings())
    except (pikepdf.PdfError, ValueError, OSError) as exc:
        raise ValidationError("archive.corrupt_file", field="file", detail=str(exc)[:200]) from exc
    if problems:
        raise ValidationError("archive.corrupt_file", field="file", detail=str(problems[0])[:200])
    if count == 0:
        raise ValidationError("archive.corrupt_file", field="file", detail="no pages")
    return count


class ArchiveService(Area):
    # -- permissions -----------------------------------------------------------------------------------------------
    def _require_archivist(self, actor: Actor, case: Case) -> None:
        allowed = ARCHIVE_ROLES | wf.roles_for(wf.get_workflow(case.workflow_id), case.state)
        if not actor.has_any_role(allowed):
            raise DomainError("archive.not_allowed", roles_needed=sorted(allowed))

    def archive_type_title(self, code: str) -> str:
        en, fa = ARCHIVE_TYPE_TITLES.get(code, (code, code))
        return self._title(en, fa)

    # -- reading ---------------------------------------------------------------------------------------------------
    def list_documents(self, actor: Actor, case_id: str) -> list[ArchivedDocument]:
        """The case's scanned documents, oldest first."""
        with self._s.uow(writer=False) as uow:
            get_case_row(uow.session, case_id)
            rows = uow.session.scalars(
                select(CaseDocument)
                .where(
                    CaseDocument.case_id == case_id,
                    CaseDocument.deleted.is_(False),
                    CaseDocument.file_sha256.is_not(None),
                )
                .order_by(CaseDocument.scanned_at, CaseDocument.created_at)
            ).all()
            return [self._view(row) for row in rows]

    def _view(self, row: CaseDocument) -> ArchivedDocument:
        sha = row.file_sha256 or ""
        archive_type = row.archive_type or ""
        title = self.document_title(row.doc_type) if row.doc_type in _catalog_codes() else ""
        if archive_type and (not title or CHECKLIST_LINE.get(archive_type) != row.doc_type):
            title = self.archive_type_title(archive_type)
        return ArchivedDocument(
            id=row.id,
            case_id=row.case_id,
            doc_type=row.doc_type,
            archive_type=archive_type,
            title=title or row.doc_type,
            pages=row.pages,
            sha256=sha,
            scanner=row.scanner or "",
            resolution=row.resolution or 0,
            scanned_by_name=row.scanned_by_name or "",
            scanned_at=row.scanned_at,
            required=row.required,
            file_here=bool(sha) and self._s.files.has(sha),
        )

    def document_pdf(self, actor: Actor, document_id: str) -> bytes:
        """The stored PDF of a scanned document (``archive.file_not_here`` until sync brings it)."""
        with self._s.uow(writer=False) as uow:
            row = uow.session.get(CaseDocument, document_id)
            if row is None or row.deleted or not row.file_sha256:
                raise NotFoundError("archive.document_not_found", document_id=document_id)
            sha = row.file_sha256
        try:
            return self._s.files.read_bytes(sha)
        except FileNotFoundError as exc:
            raise DomainError("archive.file_not_here", sha256=sha) from exc

    def separator_sheet(self, case_id: str) -> bytes:
        """The A4 separator sheet of a case (QR and Code 128 of its tracking number), as PDF."""
        from app.scanner.separator import build_separator_sheet_pdf

        with self._s.uow(writer=False) as uow:
            case = get_case_row(uow.session, case_id)
            tracking, applicant = case.tracking_number, case.applicant_name
        return build_separator_sheet_pdf(tracking, applicant)

    def case_by_tracking(self, tracking_number: str) -> tuple[str, str] | None:
        """(case id, applicant name) of a tracking number read off a separator sheet."""
        if not is_valid_tracking_number(tracking_number):
            return None
        tn = normalize_tracking_number(tracking_number)
        with self._s.uow(writer=False) as uow:
            row = uow.session.execute(
                select(Case.id, Case.applicant_name).where(Case.tracking_number == tn, Case.deleted.is_(False))
            ).first()
            return (str(row[0]), str(row[1])) if row else None

    # -- saving ----------------------------------------------------------------------------------------------------
    def save_document(
        self,
        actor: Actor,
        case_id: str,
        pdf: bytes,
        *,
        archive_type: str,
        scanner: str = "",
        resolution: int | None = None,
        replace_document_id: str | None = None,
    ) -> SaveResult:
        """Store ``pdf`` and record it on the case. A file that is not a readable PDF changes nothing."""
        if archive_type not in DOCUMENT_TYPES:
            raise ValidationError("archive.unknown_type", field="archive_type", archive_type=archive_type)
        pages = check_pdf(pdf)
        if resolution is None:
            try:
                resolution = int(read_archive_metadata(pdf).get("Resolution") or 0)
            except (ValueError, pikepdf.PdfError):
                resolution = 0
        # The case and the right to scan into it are checked before the file reaches the store.
        with self._s.uow(writer=False) as uow:
            self._require_archivist(actor, get_case_row(uow.session, case_id))
        sha = self._s.files.put_bytes(pdf)  # content-addressed: a failed transaction leaves only an unused file
        with self._s.uow() as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            self._require_archivist(actor, case)
            now = self._s.now()
            stamp = self._s.stamp()
            self._record_file(session, sha, len(pdf), now)
            scan_fields = {
                "file_sha256": sha,
                "pages": pages,
                "archive_type": archive_type,
                "scanner": scanner[:200],
                "resolution": int(resolution or 0),
                "scanned_by_id": actor.user_id,
                "scanned_by_name": actor.full_name,
                "scanned_at": now,
                "received": True,
            }
            replaced: str | None = None
            if replace_document_id is not None:
                doc = session.get(CaseDocument, replace_document_id)
                if doc is None or doc.deleted or doc.case_id != case.id:
                    raise NotFoundError("archive.document_not_found", document_id=replace_document_id)
                replaced = doc.file_sha256
                action = "archive.document_rescanned"
            else:
                doc = self._line_to_fill(session, case.id, archive_type)
                action = "archive.document_scanned"
            if doc is None:
                line = CHECKLIST_LINE.get(archive_type) or archive_type
                doc = CaseDocument(
                    id=uuid7(),
                    case_id=case.id,
                    doc_type=line,
                    required=False,
                    received=True,
                    received_at=now,
                    hlc=stamp,
                    note="",
                    **{k: v for k, v in scan_fields.items() if k != "received"},
                )
                session.add(doc)
                session.flush()
                enqueue_upsert(session, "case_document", doc, None, stamp)
            else:
                for key, value in scan_fields.items():
                    setattr(doc, key, value)
                if doc.received_at is None:
                    doc.received_at = now
                doc.version += 1
                doc.hlc = stamp
                doc.dirty = True
                doc.updated_at = now
                enqueue_upsert(session, "case_document", doc, [*scan_fields, "received_at"], stamp)
            self._set_scanned_fact(session, case, True, stamp, now)
            self._s.audit.record(
                session,
                actor,
                action,
                "case",
                case.id,
                {
                    "tracking_number": case.tracking_number,
                    "document_id": doc.id,
                    "doc_type": doc.doc_type,
                    "archive_type": archive_type,
                    "sha256": sha,
                    "pages": pages,
                    "scanner": scanner,
                    "resolution": int(resolution or 0),
                    **({"replaced_sha256": replaced} if replace_document_id else {}),
                },
            )
            document_id = doc.id
            uow.commit()
        changes = Changes(frozenset({case_id}), frozenset({"case", "case_document"}))
        return SaveResult(document_id, case_id, sha, pages, replaced, changes)

    def delete_document(self, actor: Actor, document_id: str, reason: str = "") -> Changes:
        """Take a scan off its case (a wrong or unreadable scan). The checklist line stays, without its file; a line
        the archive added goes. The file stays in the store (and its hash in the audit log)."""
        with self._s.uow() as uow:
            session = uow.session
            doc = session.get(CaseDocument, document_id)
            if doc is None or doc.deleted or not doc.file_sha256:
                raise NotFoundError("archive.document_not_found", document_id=document_id)
            case = get_case_row(session, doc.case_id)
            self._require_archivist(actor, case)
            now = self._s.now()
            stamp = self._s.stamp()
            old_sha, old_pages = doc.file_sha256, doc.pages
            changed = [
                "file_sha256",
                "pages",
                "archive_type",
                "scanner",
                "resolution",
                "scanned_by_id",
                "scanned_by_name",
                "scanned_at",
            ]
            doc.file_sha256 = None
            doc.pages = 0
            doc.archive_type = None
            doc.scanner = None
            doc.resolution = None
            doc.scanned_by_id = None
            doc.scanned_by_name = None
            doc.scanned_at = None
            if not doc.required:
                doc.deleted = True
                changed.append("deleted")
            doc.version += 1
            doc.hlc = stamp
            doc.dirty = True
            doc.updated_at = now
            enqueue_upsert(session, "case_document", doc, changed, stamp)
            session.flush()
            remaining = session.scalar(
                select(CaseDocument.id).where(
                    CaseDocument.case_id == case.id,
                    CaseDocument.deleted.is_(False),
                    CaseDocument.file_sha256.is_not(None),
                )
            )
            self._set_scanned_fact(session, case, remaining is not None, stamp, now)
            self._s.audit.record(
                session,
                actor,
                "archive.document_deleted",
                "case",
                case.id,
                {
                    "tracking_number": case.tracking_number,
                    "document_id": doc.id,
                    "doc_type": doc.doc_type,
                    "sha256": old_sha,
                    "pages": old_pages,
                    "reason": reason,
                },
            )
            uow.commit()
        return Changes(frozenset({case.id}), frozenset({"case", "case_document"}))

    def import_files(
        self,
        actor: Actor,
        case_id: str,
        paths: Sequence[Path],
        *,
        archive_type: str,
        profile: Profile,
        sessions_folder: Path | None = None,
    ) -> SaveResult:
        """PDF, TIFF, JPEG or PNG files into the case as one document, through the same clean-up and archival PDF
        as a scan. Every file is decoded before anything is stored: a corrupt one raises
        ``scanner.file_unreadable`` and the case stays as it was."""
        from app.scanner.file_driver import FileDriver
        from app.scanner.pipeline import archive_pages, scan_into_session

        if not paths:
            raise ValidationError("archive.no_files", field="files")
        with self._s.uow(writer=False) as uow:
            case = get_case_row(uow.session, case_id)
            self._require_archivist(actor, case)
            tracking = case.tracking_number
        folder = sessions_folder or self._s.paths.scans_in_progress
        folder.mkdir(parents=True, exist_ok=True)
        device_id = "file:" + os.pathsep.join(str(p) for p in paths)
        session = ScanSession.create(folder, device_id=device_id, profile=profile, case_id=case_id, origin="import")
        try:
            scan_into_session(FileDriver(), device_id, profile, session, CancelToken())
            records = session.pages(include_deleted=True)  # an imported page is kept even when it looks blank
            if not records:
                raise ValidationError("archive.no_pages", field="files")
            metadata = ArchiveMetadata(
                archive_type, case_id=case_id, tracking_number=tracking, scanner="file import", operator=actor.full_name
            )
            built = archive_pages(session, metadata, profile, records)
        except BaseException:
            session.remove()
            raise
        result = self.save_document(
            actor, case_id, built.pdf, archive_type=archive_type, scanner="file import", resolution=built.resolution
        )
        session.mark(SAVED)
        session.remove()
        return result

    # -- piles with separator sheets -------------------------------------------------------------------------------
    def split_pile(self, session: ScanSession, numbers: Iterable[int] | None = None) -> list[PileGroup]:
        """Decode the separator sheets among the session's pages (``numbers``: the kept pages, in order) and
        resolve each sheet's tracking number to a case of this workstation."""
        from app.scanner.separator import split_by_separators

        by_number = {r.number: r for r in session.pages(include_deleted=True)}
        chosen = [by_number[n] for n in numbers if n in by_number] if numbers is not None else session.pages()
        groups = split_by_separators(chosen, session.image)
        result: list[PileGroup] = []
        for group in groups:
            found = self.case_by_tracking(group.tracking_number) if group.tracking_number else None
            result.append(
                PileGroup(
                    tracking_number=group.tracking_number,
                    case_id=found[0] if found else None,
                    applicant_name=found[1] if found else "",
                    page_numbers=tuple(r.number for r in group.pages),
                )
            )
        return result

    def prepare_pile(
        self,
        session: ScanSession,
        groups: Sequence[PileGroup],
        *,
        archive_type: str,
        profile: Profile,
        operator: str = "",
    ) -> list[PreparedDocument]:
        """One archival PDF per group. Refuses the whole pile (``archive.pile_unassigned``) when a group has no case
        here or pages came before the first sheet, and names them; groups without pages are left out."""
        from app.scanner.pipeline import archive_pages

        if archive_type not in DOCUMENT_TYPES:
            raise ValidationError("archive.unknown_type", field="archive_type", archive_type=archive_type)
        unknown = [g.tracking_number or "-" for g in groups if g.case_id is None and g.page_numbers]
        if unknown:
            raise DomainError("archive.pile_unassigned", groups=unknown)
        if not any(g.page_numbers for g in groups):
            raise DomainError("archive.pile_empty")
        by_number: dict[int, PageRecord] = {r.number: r for r in session.pages(include_deleted=True)}
        prepared: list[PreparedDocument] = []
        for group in groups:
            if not group.page_numbers or group.case_id is None:
                continue
            records = [by_number[n] for n in group.page_numbers]
            metadata = ArchiveMetadata(
                archive_type,
                case_id=group.case_id,
                tracking_number=group.tracking_number or "",
                scanner=session.device_id,
                operator=operator,
            )
            built = archive_pages(session, metadata, profile, records)
            prepared.append(
                PreparedDocument(
                    group.case_id, group.tracking_number or "", built.pdf, built.page_count, built.resolution
                )
            )
        return prepared

    def save_pile(
        self, actor: Actor, prepared: Sequence[PreparedDocument], *, archive_type: str, scanner: str = ""
    ) -> PileResult:
        """Store each prepared document into its case (each its own transaction with its audit entry). The right to
        scan into every case is checked first, so a refusal stores nothing."""
        with self._s.uow(writer=False) as uow:
            for item in prepared:
                self._require_archivist(actor, get_case_row(uow.session, item.case_id))
        saved = [
            self.save_document(
                actor, item.case_id, item.pdf, archive_type=archive_type, scanner=scanner, resolution=item.resolution
            )
            for item in prepared
        ]
        changes = Changes()
        for result in saved:
            changes = changes | result.changes
        return PileResult(tuple(saved), changes)

    # -- internals -------------------------------------------------------------------------------------------------
    def _line_to_fill(self, session: Session, case_id: str, archive_type: str) -> CaseDocument | None:
        line = CHECKLIST_LINE.get(archive_type)
        if line is None:
            return None
        return session.scalar(
            select(CaseDocument)
            .where(
                CaseDocument.case_id == case_id,
                CaseDocument.doc_type == line,
                CaseDocument.deleted.is_(False),
                CaseDocument.file_sha256.is_(None),
            )
            .order_by(CaseDocument.required.desc(), CaseDocument.created_at)
            .limit(1)
        )

    @staticmethod
    def _record_file(session: Session, sha: str, size: int, now: object) -> None:
        if session.get(StoredFile, sha) is None:
            session.add(StoredFile(sha256=sha, size=size, media_type="application/pdf", created_at=now, uploaded=False))

    def _set_scanned_fact(self, session: Session, case: Case, value: bool, stamp: str, now: object) -> None:
        facts = dict(case.facts or {})
        if facts.get(FACT_SCANNED) is value:
            return
        facts[FACT_SCANNED] = value
        case.facts = facts
        case.version += 1
        case.hlc = stamp
        case.dirty = True
        case.updated_at = now  # type: ignore[assignment]
        enqueue_upsert(session, "case_file", case, ["facts"], stamp)


def _catalog_codes() -> frozenset[str]:
    from app.domain.catalog import CATALOG

    return frozenset(CATALOG.document_types)
