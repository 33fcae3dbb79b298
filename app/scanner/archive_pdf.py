"""All pages of one document into one archival PDF (PDF/A-2b style), with thumbnails and metadata.

img2pdf places each compressed page as it is (CCITT G4 and JPEG pass through untouched, nothing is re-encoded), and
takes each page's size from its dpi: an A3 page scanned at 300 dpi becomes a 297 x 420 mm page. pikepdf then writes
the metadata into both the document information dictionary and XMP, marked as PDF/A-2b with an sRGB output intent.
"""

from __future__ import annotations

import atexit
import hashlib
import io
import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache

import img2pdf
import pikepdf
from PIL import Image, ImageCms

from app.scanner import processing

# Document types of the archive (English codes; the UI shows Persian names).
DOCUMENT_TYPES: tuple[str, ...] = (
    "deed",
    "national_card",
    "birth_certificate",
    "previous_permit",
    "plan_sheet",
    "power_of_attorney",
    "inheritance_certificate",
    "other",
)

PRODUCER = "ecity-counter scanner"
_INFO_PREFIX = "/Ecity"


@dataclass(frozen=True)
class ArchivePage:
    """A cleaned page: ``mode`` decides its compression (lineart → CCITT G4, gray/color → JPEG)."""

    image: Image.Image
    dpi: int
    mode: str


@dataclass(frozen=True)
class ArchiveMetadata:
    document_type: str
    case_id: str = ""
    tracking_number: str = ""
    scanner: str = ""
    operator: str = ""
    scanned_at: datetime | None = None
    title: str = ""
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ArchiveResult:
    pdf: bytes
    sha256: str  # of the PDF file: the content address in the file store
    content_sha256: str  # of the page images: recorded inside the PDF (a file cannot hold its own hash)
    page_count: int
    thumbnails: list[bytes]  # PNG per page
    page_sizes_mm: list[tuple[float, float]]
    resolution: int  # the highest page dpi
    metadata: dict[str, str]


@lru_cache(maxsize=1)
def srgb_icc_path() -> str:
    """A file holding an sRGB ICC profile made by Pillow (img2pdf's PDF/A output intent reads it from a path)."""
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    fd, path = tempfile.mkstemp(prefix="ecity-srgb-", suffix=".icc")
    with os.fdopen(fd, "wb") as handle:
        handle.write(profile.tobytes())
    atexit.register(lambda: os.path.exists(path) and os.unlink(path))
    return path


def _pdf_date(moment: datetime) -> str:
    moment = moment.astimezone(UTC)
    return moment.strftime("D:%Y%m%d%H%M%SZ")


def build_archive_pdf(
    pages: Sequence[ArchivePage],
    metadata: ArchiveMetadata,
    *,
    jpeg_quality: int = 60,
    pdfa: bool = True,
    thumbnail_side: int = 256,
) -> ArchiveResult:
    if not pages:
        raise ValueError("an archive PDF needs at least one page")
    if metadata.document_type not in DOCUMENT_TYPES:
        raise ValueError(f"unknown document type {metadata.document_type!r}")
    encoded = [processing.encode_page(p.image, p.mode, p.dpi, jpeg_quality) for p in pages]
    content = hashlib.sha256()
    for item in encoded:
        content.update(hashlib.sha256(item.data).digest())
    content_sha256 = content.hexdigest()
    scanned_at = metadata.scanned_at or datetime.now(UTC)
    resolution = max(p.dpi for p in pages)
    title = metadata.title or " ".join(
        x for x in (metadata.document_type, metadata.tracking_number or metadata.case_id) if x
    )
    fields: dict[str, str] = {
        "DocumentType": metadata.document_type,
        "CaseId": metadata.case_id,
        "TrackingNumber": metadata.tracking_number,
        "Pages": str(len(pages)),
        "Scanner": metadata.scanner,
        "Resolution": str(resolution),
        "Operator": metadata.operator,
        "ScannedAt": scanned_at.astimezone(UTC).isoformat(),
        "ContentSha256": content_sha256,
        **{k: str(v) for k, v in metadata.extra.items()},
    }
    keywords = [f"{k}={v}" for k, v in fields.items() if v and k != "ContentSha256"]
    raw = img2pdf.convert(
        [item.data for item in encoded],
        title=title,
        author=metadata.operator or None,
        creator=PRODUCER,
        producer=PRODUCER,
        subject=metadata.document_type,
        keywords=keywords,
        creationdate=scanned_at,
        moddate=scanned_at,
        pdfa=srgb_icc_path() if pdfa else None,
    )
    pdf_bytes = _write_metadata(raw, title, metadata, fields, keywords, scanned_at, pdfa)
    sizes = [(round(e.width / e.dpi * 25.4, 1), round(e.height / e.dpi * 25.4, 1)) for e in encoded]
    thumbs = [processing.thumbnail_png(p.image, thumbnail_side) for p in pages]
    return ArchiveResult(
        pdf=pdf_bytes,
        sha256=hashlib.sha256(pdf_bytes).hexdigest(),
        content_sha256=content_sha256,
        page_count=len(pages),
        thumbnails=thumbs,
        page_sizes_mm=sizes,
        resolution=resolution,
        metadata=fields,
    )


def _write_metadata(
    raw: bytes,
    title: str,
    metadata: ArchiveMetadata,
    fields: dict[str, str],
    keywords: list[str],
    scanned_at: datetime,
    pdfa: bool,
) -> bytes:
    with pikepdf.open(io.BytesIO(raw)) as pdf:
        info = pdf.docinfo
        for key, value in fields.items():
            if value:
                info[pikepdf.Name(f"{_INFO_PREFIX}{key}")] = pikepdf.String(value)
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=True) as meta:
            meta["dc:title"] = title
            meta["dc:format"] = "application/pdf"
            if metadata.operator:
                meta["dc:creator"] = [metadata.operator]
            meta["dc:description"] = json.dumps({k: v for k, v in fields.items() if v}, ensure_ascii=False)
            meta["dc:subject"] = keywords
            meta["pdf:Keywords"] = ", ".join(keywords)
            meta["pdf:Producer"] = PRODUCER
            meta["xmp:CreatorTool"] = PRODUCER
            meta["xmp:CreateDate"] = scanned_at.astimezone(UTC).isoformat()
            meta["xmp:ModifyDate"] = scanned_at.astimezone(UTC).isoformat()
            if pdfa:
                meta["pdfaid:part"] = "2"
                meta["pdfaid:conformance"] = "B"
        info[pikepdf.Name("/CreationDate")] = pikepdf.String(_pdf_date(scanned_at))
        info[pikepdf.Name("/ModDate")] = pikepdf.String(_pdf_date(scanned_at))
        out = io.BytesIO()
        # fixed document ID from the content, so the same pages give the same file; img2pdf's own ID (which qpdf
        # would keep as the first half) changes from run to run, so it goes first
        if "/ID" in pdf.trailer:
            del pdf.trailer["/ID"]
        pdf.save(out, static_id=False, deterministic_id=True, min_version="1.6")
        return out.getvalue()


def read_archive_metadata(pdf: bytes) -> dict[str, str]:
    """The /Ecity… fields written by build_archive_pdf (keys without the prefix)."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        result: dict[str, str] = {}
        for key, value in doc.docinfo.items():
            name = str(key)
            if name.startswith(_INFO_PREFIX):
                result[name[len(_INFO_PREFIX) :]] = str(value)
        return result


def read_xmp(pdf: bytes) -> str:
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return str(doc.open_metadata())
