"""Page clean-up, profiles, the Persian message table and the archive PDF, on synthetic pages."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from app.domain.errors import ValidationError
from app.scanner import base, processing, samples
from app.scanner.archive_pdf import ArchiveMetadata, ArchivePage, build_archive_pdf, read_archive_metadata, read_xmp
from app.scanner.messages_fa import MESSAGES, message_for
from app.scanner.profiles import DEFAULT_PROFILES, Profile, delete_profile, find_profile, load_profiles, save_profile


@pytest.mark.parametrize("angle", [2.0, -3.0, 1.2])
def test_skew_is_measured_and_removed(angle: float) -> None:
    page = samples.text_page("a4", 150, seed=3, skew_degrees=angle)
    assert processing.estimate_skew(page) == pytest.approx(angle, abs=0.25)
    straight, measured = processing.deskew(page)
    assert measured == pytest.approx(angle, abs=0.25)
    assert abs(processing.estimate_skew(straight)) <= 0.15


def test_straight_page_is_left_alone() -> None:
    page = samples.text_page("a4", 150, seed=4)
    straight, angle = processing.deskew(page)
    assert angle == 0.0 and straight is page


def test_blank_check_reports_ink_ratio() -> None:
    text = processing.check_blank(samples.text_page("a4", 150, seed=1), 0.002)
    blank = processing.check_blank(samples.blank_page("a4", 150, specks=40), 0.002)
    assert not text.blank and text.ink_ratio > 0.02
    assert blank.blank and blank.ink_ratio < 0.002
    # threshold 0 keeps every page
    assert not processing.check_blank(samples.blank_page("a4", 150), 0.0).blank
    # an all-dark page is all ink, never "dark paper"
    assert processing.ink_ratio(Image.new("L", (400, 600), 0)) > 0.9


def test_crop_to_paper_on_black_backing() -> None:
    page = samples.text_page("a4", 100, seed=2)
    bed = Image.new("L", (page.width + 120, page.height + 80), 15)
    bed.paste(page, (40, 30))
    cropped, box = processing.crop_to_paper(bed)
    assert box is not None
    assert abs(box[0] - 40) <= 8 and abs(box[1] - 30) <= 8
    assert abs(cropped.width - page.width) <= 12 and abs(cropped.height - page.height) <= 12
    # white lid around white paper: nothing to tell apart, left as is
    assert processing.crop_to_paper(page)[1] is None


def test_rotate_clockwise() -> None:
    image = Image.new("L", (30, 10), 255)
    image.putpixel((0, 0), 0)  # top-left
    turned = processing.rotate(image, 90)
    assert turned.size == (10, 30)
    assert turned.getpixel((9, 0)) == 0  # top-left goes to top-right when turned clockwise
    assert processing.rotate(image, 360) is image
    with pytest.raises(ValueError):
        processing.rotate(image, 45)


def test_bilevel_page_is_g4_and_grey_page_is_jpeg() -> None:
    page = samples.text_page("a4", 200, seed=5)
    bw = processing.encode_page(page, "lineart", 200)
    grey = processing.encode_page(page, "gray", 200, 60)
    assert bw.kind == "ccitt-g4" and bw.data[:2] in (b"II", b"MM")
    assert grey.kind == "jpeg" and grey.data[:2] == b"\xff\xd8"
    assert len(bw.data) < len(grey.data)
    assert np.asarray(processing.to_bilevel(page)).dtype == bool


def test_profiles_defaults_roundtrip_and_validation(tmp_path: Path) -> None:
    names = [p.name for p in load_profiles(tmp_path / "none")]
    assert names == ["A3 plan sheet", "A4 deed", "ID card", "A4 text"]
    a3 = find_profile(load_profiles(None), "a3-plan-sheet")
    assert a3 is not None and (a3.paper, a3.dpi, a3.mode) == ("a3", 300, "gray")
    assert {(p.paper, p.mode) for p in DEFAULT_PROFILES} == {
        ("a3", "gray"),
        ("a4", "gray"),
        ("id_card", "color"),
        ("a4", "lineart"),
    }
    edited = Profile("A4 deed", paper="a4", dpi=200, mode="gray", source="flatbed", jpeg_quality=70)
    save_profile(tmp_path, edited)
    save_profile(tmp_path, Profile("نقشه رنگی", paper="a3", mode="color"))
    loaded = load_profiles(tmp_path)
    assert find_profile(loaded, "A4 deed") == edited
    assert find_profile(loaded, "نقشه رنگی") is not None
    assert len(loaded) == 5
    assert delete_profile(tmp_path, "A4 deed")
    assert find_profile(load_profiles(tmp_path), "A4 deed") == DEFAULT_PROFILES[1]
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    assert len(load_profiles(tmp_path)) == 5
    with pytest.raises(ValidationError):
        Profile("bad", paper="a0")


def test_every_code_has_a_persian_message() -> None:
    for code in base.ALL_CODES:
        assert code in MESSAGES
        assert any("\u0600" <= ch <= "\u06ff" for ch in MESSAGES[code])
    assert "صفحه‌های قبلی ذخیره شده‌اند" in message_for(base.PAPER_JAM)
    assert "/tmp/x.pdf" in message_for(base.FILE_UNREADABLE, path="/tmp/x.pdf")
    assert "scanner.weird" in message_for("scanner.weird")


def test_archive_pdf_a3_pages_metadata_and_thumbnails(tmp_path: Path) -> None:
    pages = [
        ArchivePage(samples.text_page("a3", 150, seed=1), 150, "gray"),
        ArchivePage(samples.text_page("a3", 150, seed=2), 150, "lineart"),
    ]
    meta = ArchiveMetadata(
        "plan_sheet", case_id="case-7", tracking_number="1403-0101-000042", scanner="test:0", operator="op1"
    )
    result = build_archive_pdf(pages, meta)
    assert result.page_count == 2
    for width, height in result.page_sizes_mm:
        assert width == pytest.approx(297.0, abs=0.5) and height == pytest.approx(420.0, abs=0.5)
    assert all(t[:8] == b"\x89PNG\r\n\x1a\n" for t in result.thumbnails)
    info = read_archive_metadata(result.pdf)
    assert info["DocumentType"] == "plan_sheet" and info["TrackingNumber"] == "1403-0101-000042"
    assert info["Pages"] == "2" and info["Resolution"] == "150" and info["Operator"] == "op1"
    assert info["ContentSha256"] == result.content_sha256
    xmp = read_xmp(result.pdf)
    assert "pdfaid" in xmp and ">2<" in xmp.replace('part="2"', ">2<")
    pdf_path = tmp_path / "doc.pdf"
    pdf_path.write_bytes(result.pdf)
    listing = subprocess.run(["pdfimages", "-list", str(pdf_path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:]]
    assert [r[8] for r in rows] == ["jpeg", "ccitt"]
    assert all(r[12] == "150" and r[13] == "150" for r in rows)
    pdfinfo = subprocess.run(["pdfinfo", str(pdf_path)], capture_output=True, text=True, check=True).stdout
    assert "(A3)" in pdfinfo
    # the same pages and time give the same file: the content address is stable
    fixed = ArchiveMetadata("deed", scanned_at=datetime(2025, 3, 21, 8, 30, tzinfo=UTC))
    assert build_archive_pdf(pages[:1], fixed).sha256 == build_archive_pdf(pages[:1], fixed).sha256


def test_archive_refuses_unknown_type_and_empty() -> None:
    page = ArchivePage(samples.blank_page("id_card", 100), 100, "color")
    with pytest.raises(ValueError):
        build_archive_pdf([page], ArchiveMetadata("selfie"))
    with pytest.raises(ValueError):
        build_archive_pdf([], ArchiveMetadata("deed"))
