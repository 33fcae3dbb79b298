"""Demo data of the archive: a few more building cases waiting in the archive's cartable, and documents already
archived for some of them (small generated scans, stored through the real archive service)."""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.domain import workflows as wf
from app.domain.catalog import CATALOG
from app.domain.errors import DomainError
from app.models import Case, CaseDocument
from app.scanner import samples
from app.scanner.archive_pdf import ArchiveMetadata, ArchivePage, build_archive_pdf

if TYPE_CHECKING:
    from app.services.context import Services
    from app.services.demo import _Builder

ARCHIVE_STATE = "archive_scan"
EXTRA_CASES = 4
# (archive type, pages) archived for the cases that already have documents
DOCUMENT_SETS: tuple[tuple[tuple[str, int], ...], ...] = (
    (("deed", 2), ("national_card", 1)),
    (("deed", 1),),
    (("previous_permit", 2), ("plan_sheet", 1), ("power_of_attorney", 1)),
)
DEMO_DPI = 72  # small files: the demo shows the archive, not the scanner's resolution


def _demo_pdf(document_type: str, pages: int, seed: int, tracking: str, operator: str) -> bytes:
    paper = "a3" if document_type == "plan_sheet" else "a4"
    images = [
        ArchivePage(samples.text_page(paper, DEMO_DPI, seed=seed + n, noise=1.0), DEMO_DPI, "gray")
        for n in range(pages)
    ]
    meta = ArchiveMetadata(document_type, tracking_number=tracking, scanner="demo", operator=operator)
    return build_archive_pdf(images, meta, jpeg_quality=50, thumbnail_side=64).pdf


def add_archive_demo(services: Services, builder: _Builder, now: dt.datetime) -> int:
    """Walk ``EXTRA_CASES`` building cases to the archive's scanning stage, then archive documents for some of the
    cases waiting there. Returns how many documents were archived."""
    from app.services.demo import paths_to_states

    workflow = next((w for w in wf.WORKFLOWS.values() if w.has_state(ARCHIVE_STATE)), None)
    if workflow is None:
        return 0
    service = CATALOG.services_of_workflow(workflow.id)[0]
    path = paths_to_states(workflow)[ARCHIVE_STATE]
    for _ in range(EXTRA_CASES):
        builder.one_case(service, workflow, path, now)
    with services.uow(writer=False) as uow:
        scanned = select(CaseDocument.case_id).where(CaseDocument.file_sha256.is_not(None))
        waiting = uow.session.execute(
            select(Case.id, Case.tracking_number)
            .where(Case.state == ARCHIVE_STATE, Case.closed_at.is_(None), Case.deleted.is_(False))
            .where(Case.id.not_in(scanned))  # a second demo run leaves the first run's documents alone
            .order_by(Case.opened_at)
        ).all()
    archivist = builder.actors["archive"]
    archived = 0
    for (case_id, tracking), documents in zip(waiting, DOCUMENT_SETS, strict=False):
        for n, (document_type, pages) in enumerate(documents):
            pdf = _demo_pdf(
                document_type, pages, seed=archived * 7 + n, tracking=tracking, operator=archivist.full_name
            )
            with services.clock_at(now - dt.timedelta(hours=2, minutes=10 * archived)):
                services.archive.save_document(archivist, case_id, pdf, archive_type=document_type, scanner="demo")
            archived += 1
    return archived


def add_permit_demo(services: Services, builder: _Builder) -> int:
    """Drafts on the permit cases of the demo: complete for those at the head's approval, half done for those being
    checked, so the Permit drafts tab shows its checklist, engineers and figures filled."""
    from app.services.permits import CHECKLIST_CODES, PAYMENTS_ITEM, Engineer

    expert = builder.actors["permits"]
    with services.uow(writer=False) as uow:
        rows = uow.session.execute(
            select(Case.id, Case.state, Case.facts)
            .where(Case.workflow_id == "permit_draft", Case.closed_at.is_(None), Case.deleted.is_(False))
            .order_by(Case.opened_at)
        ).all()
    done = 0
    for n, (case_id, state, facts) in enumerate(rows):
        if state not in ("checking", "head_review", "awaiting_documents") or (facts or {}).get("permit_draft"):
            continue
        complete = state == "head_review" and (facts or {}).get("fees_paid") is True
        ticked = {code: complete or i < 5 for i, code in enumerate(CHECKLIST_CODES)}
        if not complete:
            ticked[PAYMENTS_ITEM] = False
        services.permits.save_draft(
            expert,
            case_id,
            checklist=ticked,
            engineers=[
                Engineer("architecture", "رضا احمدی", f"1-01-{12345 + n}"),
                Engineer("structure", "مینا کاظمی", f"1-02-{23456 + n}"),
            ],
            fields={
                "floors": 4 + n % 3,
                "total_floor_area": 820 + 40 * n,
                "density": 180,
                "coverage": 60,
                "parking": 4 + n % 3,
                "height": 14.5 + 3 * (n % 3),
                "projections": 9,
            },
            technical_id=f"TID-1404-{1000 + n:05d}" if complete else "",
        )
        if not complete and state == "checking":  # the fees computed, their slip waiting to be printed and paid
            with contextlib.suppress(DomainError):  # a demo case without a property has nothing to price
                services.permits.compute_fees(expert, case_id)
        done += 1
    return done
