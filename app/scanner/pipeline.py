"""Glue used by the CLI and the Archive tab: scan into a session, then archive the session's pages as one PDF.

At acquisition only the cheap things happen (write the page to disk, measure its ink for the blank check); the
clean-up that changes pixels (crop, deskew, the operator's rotation) runs when the document is archived, so the
session always holds the pages exactly as the scanner gave them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from app.scanner import processing
from app.scanner.archive_pdf import ArchiveMetadata, ArchivePage, ArchiveResult, build_archive_pdf
from app.scanner.base import BatchResult, CancelToken, ScannedPage, ScannerDriver, ScannerError
from app.scanner.batch import INTERRUPTED, READY, STOPPED, PageRecord, ScanSession
from app.scanner.profiles import Profile


@dataclass(frozen=True)
class PageEvent:
    """What the UI hears per page: the record on disk, its thumbnail and the blank check (blank pages arrive marked
    deleted; the operator can bring them back)."""

    record: PageRecord
    thumbnail_png: bytes
    blank: processing.BlankCheck


def scan_into_session(
    driver: ScannerDriver,
    device_id: str,
    profile: Profile,
    session: ScanSession,
    cancel: CancelToken,
    *,
    on_event: Callable[[PageEvent], None] | None = None,
    max_pages: int | None = None,
    thumbnail_side: int = 160,
) -> BatchResult:
    """Run a batch into ``session``. A ScannerError marks the session interrupted (its pages stay) and propagates."""

    def on_page(page: ScannedPage) -> None:
        check = processing.check_blank(page.image, profile.blank_threshold)
        record = session.add_page(page, ink_ratio=round(check.ink_ratio, 5))
        if check.blank:
            record = session.update_page(record.number, deleted=True)
        if on_event is not None:
            on_event(PageEvent(record, processing.thumbnail_png(page.image, thumbnail_side), check))

    session.resume()
    try:
        kwargs = {"max_pages": max_pages} if max_pages is not None else {}
        result = driver.scan(device_id, profile, on_page, cancel, **kwargs)  # type: ignore[call-arg]
    except ScannerError as exc:
        session.mark(INTERRUPTED, exc.code)
        raise
    except BaseException:
        session.mark(INTERRUPTED, "scanner.io_error")
        raise
    session.mark(STOPPED if result.cancelled else READY)
    return result


def archive_pages(
    session: ScanSession,
    metadata: ArchiveMetadata,
    profile: Profile,
    records: list[PageRecord] | None = None,
) -> ArchiveResult:
    """The session's kept pages (or ``records``, in that order) cleaned as the profile says, into one PDF."""
    chosen = records if records is not None else session.pages()
    if not chosen:
        raise ValueError("no pages to archive")
    pages: list[ArchivePage] = []
    for record in chosen:
        image = session.image(record)  # rotation applied
        if profile.crop or profile.deskew:
            image = processing.process_page(
                image, blank_threshold=0.0, deskew_page=profile.deskew, crop=profile.crop
            ).image
        pages.append(ArchivePage(image=image, dpi=record.dpi, mode=record.mode))
    if metadata.scanned_at is None:
        metadata = ArchiveMetadata(**{**metadata.__dict__, "scanned_at": datetime.now(UTC)})
    return build_archive_pdf(pages, metadata, jpeg_quality=profile.jpeg_quality)
