"""Import from real PDF and TIFF files made here; a corrupt file changes nothing; a pile with separator sheets splits."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import img2pdf
import pytest
from PIL import Image

from app.scanner import base, samples
from app.scanner.archive_pdf import ArchiveMetadata, read_archive_metadata
from app.scanner.base import CancelToken, ScannedPage, ScannerError
from app.scanner.batch import ScanSession, list_unfinished
from app.scanner.file_driver import FileDriver
from app.scanner.pipeline import archive_pages, scan_into_session
from app.scanner.profiles import Profile
from app.scanner.separator import build_separator_sheet_pdf, decode_separator, split_by_separators

GREY = Profile("import grey", paper="a4", dpi=150, mode="gray", source="feeder", blank_threshold=0.002)


def _jpeg(image: Image.Image, dpi: int) -> bytes:
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=80, dpi=(dpi, dpi))
    return out.getvalue()


def _scanned_pdf(path: Path, seeds: list[int], dpi: int = 150) -> Path:
    """A PDF like a scanner's own: one JPEG image per page."""
    path.write_bytes(img2pdf.convert([_jpeg(samples.text_page("a4", dpi, seed=s), dpi) for s in seeds]))
    return path


def _multipage_tiff(path: Path, seeds: list[int], dpi: int = 150) -> Path:
    pages = [samples.text_page("a4", dpi, seed=s) for s in seeds]
    pages[0].save(path, save_all=True, append_images=pages[1:], dpi=(dpi, dpi), compression="tiff_lzw")
    return path


def test_import_pdf_and_tiff_into_one_archived_document(tmp_path: Path) -> None:
    pdf = _scanned_pdf(tmp_path / "deed.pdf", [1, 2])
    tiff = _multipage_tiff(tmp_path / "plan.tiff", [3, 4, 5])
    session = ScanSession.create(tmp_path / "sessions", device_id="file:")
    device = f"file:{pdf}:{tiff}"
    result = scan_into_session(FileDriver(), device, GREY, session, CancelToken())
    assert result.pages == 5
    records = session.pages()
    assert len(records) == 5 and all(r.dpi == 150 and r.mode == "gray" for r in records)
    archived = archive_pages(session, ArchiveMetadata("deed", case_id="c-1"), GREY)
    assert archived.page_count == 5
    assert read_archive_metadata(archived.pdf)["Pages"] == "5"
    out = tmp_path / "out.pdf"
    out.write_bytes(archived.pdf)
    text = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           5" in text and "(A4)" in text


def test_pdf_image_pages_are_kept_not_rerasterised(tmp_path: Path) -> None:
    pdf = _scanned_pdf(tmp_path / "scan.pdf", [7], dpi=200)
    pages: list[ScannedPage] = []
    FileDriver().scan(str(pdf), GREY, pages.append, CancelToken())
    assert pages[0].dpi == 200 and pages[0].image.size == samples.paper_pixels("a4", 200)


def test_vector_pdf_is_rasterised_at_the_profile_dpi(tmp_path: Path) -> None:
    pdf = tmp_path / "sheet.pdf"
    pdf.write_bytes(build_separator_sheet_pdf("1403-0101-000001", "x"))
    pages: list[ScannedPage] = []
    FileDriver().scan(str(pdf), GREY, pages.append, CancelToken())
    assert pages[0].dpi == 150
    assert abs(pages[0].image.width - 1240) <= 2


def test_folder_import_in_natural_order(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in (10, 2, 1):
        samples.text_page("a4", 75, seed=n).save(folder / f"page{n}.png", dpi=(75, 75))
    (folder / "notes.txt").write_text("not a page", encoding="utf-8")
    pages: list[ScannedPage] = []
    FileDriver().scan(f"file:{folder}", GREY, pages.append, CancelToken())
    assert [Path(p.source).name for p in pages] == ["page1.png", "page2.png", "page10.png"]


@pytest.mark.filterwarnings("ignore:Corrupt EXIF data")
@pytest.mark.parametrize("kind", ["truncated-jpeg", "garbage-pdf", "broken-tiff", "unsupported"])
def test_corrupt_file_gives_a_clear_error_and_changes_nothing(tmp_path: Path, kind: str) -> None:
    good = _multipage_tiff(tmp_path / "good.tiff", [1, 2])
    if kind == "truncated-jpeg":
        bad = tmp_path / "bad.jpg"
        bad.write_bytes(_jpeg(samples.text_page("a4", 100), 100)[:4000])
        code = base.FILE_UNREADABLE
    elif kind == "garbage-pdf":
        bad = tmp_path / "bad.pdf"
        bad.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")
        code = base.FILE_UNREADABLE
    elif kind == "broken-tiff":
        bad = tmp_path / "bad.tif"
        bad.write_bytes((tmp_path / "good.tiff").read_bytes()[:3000])
        code = base.FILE_UNREADABLE
    else:
        bad = tmp_path / "plan.dwg"
        bad.write_bytes(b"AC1027")
        code = base.FILE_UNSUPPORTED
    session = ScanSession.create(tmp_path / "sessions", device_id="file:")
    with pytest.raises(ScannerError) as error:
        # the good file comes first: still no page of it may reach the session
        scan_into_session(FileDriver(), f"file:{good}:{bad}", GREY, session, CancelToken())
    assert error.value.code == code
    assert error.value.params["path"] == str(bad)
    assert session.pages(include_deleted=True) == []
    assert not list(session.folder.glob("page-*"))
    assert list_unfinished(tmp_path / "sessions")[0].page_count == 0


def _raster_pdf_page(pdf_bytes: bytes, tmp_path: Path, name: str) -> Image.Image:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf_bytes)
    subprocess.run(
        ["pdftoppm", "-r", "150", "-gray", "-png", "-singlefile", str(path), str(tmp_path / name)], check=True
    )
    with Image.open(tmp_path / f"{name}.png") as img:
        img.load()
        return img.copy()


def test_separator_pile_of_three_cases_splits(tmp_path: Path) -> None:
    cases = {"1403-0101-000011": 2, "1403-0101-000012": 1, "1403-0101-000013": 3}
    pile: list[Image.Image] = []
    seed = 0
    for tracking, count in cases.items():
        sheet = _raster_pdf_page(build_separator_sheet_pdf(tracking, "پرونده " + tracking), tmp_path, tracking)
        # a separator fed a little crooked, as in a real pile
        pile.append(sheet.rotate(1.5, fillcolor=255, resample=Image.Resampling.BICUBIC))
        for _ in range(count):
            seed += 1
            pile.append(samples.text_page("a4", 150, seed=seed))
    # the pile goes through the file driver as one scanned PDF, as a feeder run would give it
    pile_pdf = tmp_path / "pile.pdf"
    pile_pdf.write_bytes(img2pdf.convert([_jpeg(page, 150) for page in pile]))
    scanned: list[ScannedPage] = []
    FileDriver().scan(str(pile_pdf), GREY, scanned.append, CancelToken())
    assert len(scanned) == 3 + 6
    groups = split_by_separators(scanned, image_of=lambda page: page.image)
    assert [(g.tracking_number, len(g.pages)) for g in groups] == list(cases.items())
    assert all(decode_separator(p.image) is None for g in groups for p in g.pages)
    assert [p.number for p in groups[2].pages] == [7, 8, 9]


def test_pages_before_the_first_separator_are_unassigned() -> None:
    sheet_free = [samples.text_page("a4", 100, seed=1)]
    groups = split_by_separators(sheet_free)
    assert len(groups) == 1 and groups[0].tracking_number is None and len(groups[0].pages) == 1
    assert split_by_separators([]) == []
