"""Every document read back with the real tools: pdftotext (poppler) for the words, pdftoppm + zbarimg for the codes.

PDFs are built once per module and shared; the tests only read them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest

from app.domain.errors import ValidationError
from app.domain.payment_ids import slip_barcode_value
from app.domain.text import to_persian_digits as fa
from app.printing import samples, signing
from app.printing.certificate import build_certificate, certificate_payload
from app.printing.clearance import build_clearance
from app.printing.data import OfficeInfo
from app.printing.inspection_report import build_inspection_report
from app.printing.messages_fa import message
from app.printing.payment_slip import build_payment_slip
from app.printing.permit_checklist import build_permit_checklist
from app.printing.receipt import build_receipt
from tests.barcodes import PRINTED_SYMBOLOGIES

pytestmark = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("pdftotext", "pdftoppm", "zbarimg", "pdfinfo")),
    reason="poppler-utils and zbar-tools are needed (CI fails earlier without them)",
)

_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f]")
_SPACE = re.compile(r"\s+")
# poppler's own bidi pass moves spaces and neutral punctuation that touch a digit run («تاریخ: ۱۵» comes out as
# «تاریخ ۱۵ :»); letters and digits keep their order, and those are what the comparisons check.
_LOOSE = re.compile(r"[\s:،,()«»]+")


def pdf_text(pdf: bytes, tmp: Path) -> str:
    """pdftotext output, NFKC (presentation forms → letters), bidi marks dropped, whitespace collapsed."""
    path = tmp / "doc.pdf"
    path.write_bytes(pdf)
    raw = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    text = _BIDI_CONTROLS.sub("", unicodedata.normalize("NFKC", raw))
    return _SPACE.sub(" ", text)


def squeeze(text: str) -> str:
    """Letters and digits only, in order (see ``_LOOSE``)."""
    return _LOOSE.sub("", text)


def page_count(pdf: bytes, tmp: Path) -> int:
    path = tmp / "count.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]


def decode_codes(pdf: bytes, tmp: Path) -> list[str]:
    """Rasterise at 200 dpi and return every barcode/QR zbarimg finds, as ``TYPE:value``."""
    path = tmp / "codes.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", str(path), str(tmp / "page")], check=True)
    pages = sorted(tmp.glob("page*.png"))
    result = subprocess.run(
        ["zbarimg", "-q", *PRINTED_SYMBOLOGIES, *map(str, pages)],
        capture_output=True,
        text=True,
        check=False,
    )
    for page in pages:
        page.unlink()
    return [line.strip() for line in result.stdout.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def key() -> signing.Ed25519PrivateKey:
    return signing.generate_key()


@pytest.fixture(scope="module")
def docs(key: signing.Ed25519PrivateKey) -> dict[str, bytes]:
    return {name: build() for name, build in samples.builders(key).items()}


@pytest.fixture(scope="module")
def texts(docs: dict[str, bytes], tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    tmp = tmp_path_factory.mktemp("text")
    return {name: pdf_text(pdf, tmp) for name, pdf in docs.items()}


@pytest.fixture(scope="module")
def codes(docs: dict[str, bytes], tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    tmp = tmp_path_factory.mktemp("codes")
    return {name: decode_codes(pdf, tmp) for name, pdf in docs.items()}


def assert_in_order(text: str, *parts: str) -> None:
    """Each part is in the text (whitespace-insensitive), and they come in this order."""
    flat = squeeze(text)
    position = -1
    for part in parts:
        found = flat.find(squeeze(part), position + 1)
        assert found >= 0, f"«{part}» missing or out of order in: {text[:600]}"
        position = found


OFFICE_LINE = "دفتر خدمات الکترونیک شهر ۰۱۰۱"
NAME = "علی‌رضا محمدی‌نژاد"


@pytest.mark.parametrize("name", list(samples.builders(signing.generate_key())))
def test_office_frame_and_names_read_back_in_logical_order(name: str, texts: dict[str, str]) -> None:
    text = texts[name]
    assert OFFICE_LINE in text  # letters and the digits exactly, nothing reversed
    assert "۱۵اسفند۱۴۰۳" in squeeze(text) or "۱۹اسفند۱۴۰۳" in squeeze(text)
    assert NAME in text  # ZWNJ kept, every letter in place


def test_receipt_reads_in_order(texts: dict[str, str]) -> None:
    for name in ("receipt-thermal80", "receipt-a5"):
        assert_in_order(
            texts[name],
            "رسید پذیرش پرونده",
            "۰۱۰۱ ۰۴۰۰ ۳۰۰۰ ۱۲۳۷",
            "صدور گواهی عدم خلاف",
            NAME,
            "کوچهٔ گلستان",
            "مریم احمدی",
            "یک میلیون و دویست و پنجاه هزار ریال",
            "اصل سند مالکیت تک‌برگ",
            "فیش عوارض نوسازی سال ۱۴۰۳",
            "وکالت‌نامهٔ محضری",
            "یکشنبه ۱۹ اسفند ۱۴۰۳ ساعت ۰۹:۳۰",
            "برای پیگیری پرونده",
        )


def test_payment_slip_reads_in_order(texts: dict[str, str]) -> None:
    slip = samples.payment_slip()
    assert_in_order(
        texts["payment-slip"],
        "فیش پرداخت",
        NAME,
        "عوارض صدور گواهی عدم خلاف",
        "۱۲٬۵۰۰٬۰۰۰",
        "دوازده میلیون و پانصد هزار ریال",
        "شناسهٔ قبض",
        fa(slip.bill_id.lstrip("0")),
        "شناسهٔ پرداخت",
        fa(slip.payment_id.lstrip("0")),
    )


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("certificate-no-violation", "گواهی عدم خلاف"),
        ("certificate-completion", "گواهی پایان کار"),
        ("certificate-no-objection", "گواهی بلامانع"),
    ],
)
def test_certificates_read_in_order(name: str, title: str, texts: dict[str, str]) -> None:
    assert_in_order(
        texts[name],
        title,
        "بدین‌وسیله گواهی می‌شود",
        NAME,
        "۱-۴-۷۶-۱۰-۱-۲-۰",
        "۲۴۵٫۵ مترمربع",
        "شرایط و توضیحات",
        "قلم‌خوردگی یا تراشیدگی گواهی را باطل می‌کند",
        "تاریخ صدور: ۱۵ اسفند ۱۴۰۳",
        "مهندس سارا کریمی",
    )


def test_inspection_report_checklist_and_clearance_read_in_order(texts: dict[str, str]) -> None:
    assert_in_order(
        texts["inspection-report"],
        "گزارش بازدید ملک",
        "رضا حسینی",
        "یکشنبه ۱۹ اسفند ۱۴۰۳",
        "شمال",
        "۱۲٫۴ متر",
        "عرصه طبق سند",
        "تخلفات مشاهده‌شده",
        "پیش‌آمدگی بالکن طبقهٔ سوم",
    )
    assert_in_order(
        texts["permit-checklist"],
        "چک‌لیست پیش‌نویس پروانهٔ ساختمانی",
        "تعهد محضری مالک",
        "پرداخت عوارض پروانه",
        "قسط دوم مانده",
        "۴ مورد از ۷ مورد انجام شده است",
        "نرگس رحیمی",
    )
    assert_in_order(
        texts["clearance"],
        "مفاصا حساب عوارض نوسازی",
        "به‌طور کامل پرداخت شده",
        "عوارض نوسازی ۱۴۰۱",
        "۳٬۲۰۰٬۰۰۰",
        "یازده میلیون و ششصد و پنجاه هزار ریال",
        "مسئول فنی دفتر",
    )


def test_reprint_is_marked_with_its_count(texts: dict[str, str]) -> None:
    assert "المثنی" in texts["receipt-reprint"]
    assert_in_order(texts["receipt-reprint"], "المثنی", "نوبت ۲")
    assert "المثنی" not in texts["receipt-a5"]


def test_every_barcode_and_qr_decodes_exactly(
    codes: dict[str, list[str]], docs: dict[str, bytes], key: signing.Ed25519PrivateKey
) -> None:
    tracking = f"CODE-128:{samples.TRACKING}"
    for name in ("receipt-thermal80", "receipt-a5", "receipt-reprint"):
        assert codes[name] == [tracking], name
    slip = samples.payment_slip()
    assert codes["payment-slip"] == [f"CODE-128:{slip_barcode_value(slip.bill_id, slip.payment_id)}"]
    for name, kind in (
        ("certificate-no-violation", "no_violation"),
        ("certificate-completion", "completion"),
        ("certificate-no-objection", "no_objection"),
    ):
        expected = certificate_payload(samples.certificate(kind), key)
        assert codes[name] == [f"QR-Code:{expected}"], name
        assert signing.verify_payload(expected, [key.public_key()]).genuine


def test_certificate_carries_its_payload_in_the_pdf_metadata(
    docs: dict[str, bytes], key: signing.Ed25519PrivateKey, tmp_path: Path
) -> None:
    path = tmp_path / "c.pdf"
    path.write_bytes(docs["certificate-completion"])
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    keywords = re.search(r"^Keywords:\s+(\S+)$", info, re.M)
    assert keywords is not None
    assert keywords.group(1) == certificate_payload(samples.certificate("completion"), key)


def test_fonts_are_embedded_as_subsets(docs: dict[str, bytes], tmp_path: Path) -> None:
    path = tmp_path / "f.pdf"
    path.write_bytes(docs["certificate-no-violation"])
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    vazir = [line for line in fonts.splitlines() if "Vazirmatn" in line]
    assert vazir and all(re.search(r"\+Vazirmatn\S*\s+TrueType\s+\S+\s+yes\s+yes", line) for line in vazir)


def test_one_page_documents_stay_on_one_page(docs: dict[str, bytes], tmp_path: Path) -> None:
    for name in ("receipt-thermal80", "receipt-a5", "payment-slip", "certificate-completion", "clearance"):
        assert page_count(docs[name], tmp_path) == 1, name


def test_long_receipt_wraps_and_continues_with_page_numbers(tmp_path: Path) -> None:
    data = samples.long_receipt()
    a5 = build_receipt(data, "a5")
    pages = page_count(a5, tmp_path)
    assert pages >= 2
    text = pdf_text(a5, tmp_path)
    assert squeeze(f"صفحه ۱ از {fa(pages)}") in squeeze(text)
    assert squeeze(f"صفحه {fa(pages)} از {fa(pages)}") in squeeze(text)
    # All 60 documents and the whole name are there; the table's header is repeated on the next page.
    for i in (1, 30, 60):
        assert squeeze(f"مدرک شمارهٔ {i} دریافت‌شده از متقاضی") in squeeze(text)
    assert squeeze(text).count("ردیفمدرکوضعیت") >= 2  # header repeated where the table continues
    assert "میرعبدالوهاب‌زادهٔ طباطبایی‌نژاد" in text
    thermal = build_receipt(data, "thermal80")
    assert page_count(thermal, tmp_path) == 1  # a roll has no page breaks: it is just longer
    assert decode_codes(thermal, tmp_path) == [f"CODE-128:{samples.TRACKING}"]


def test_nothing_is_drawn_off_the_paper(tmp_path: Path) -> None:
    """Every word's box (pdftotext -bbox) lies inside the page, for the long receipt on both papers."""
    data = samples.long_receipt()
    for paper in ("a5", "thermal80"):
        path = tmp_path / f"{paper}.pdf"
        path.write_bytes(build_receipt(data, paper))  # type: ignore[arg-type]
        html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
        page_w = float(re.search(r'<page width="([\d.]+)"', html).group(1))  # type: ignore[union-attr]
        boxes = re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', html)
        assert boxes
        assert all(float(x0) >= 0 and float(x1) <= page_w for x0, x1 in boxes), paper


def test_missing_required_field_stops_before_drawing(key: signing.Ed25519PrivateKey) -> None:
    cases = [
        (lambda: build_receipt(replace(samples.receipt(), applicant_name="  ")), "applicant_name"),
        (lambda: build_payment_slip(replace(samples.payment_slip(), payer_name="")), "payer_name"),
        (lambda: build_certificate(replace(samples.certificate(), renovation_code=""), key), "renovation_code"),
        (lambda: build_inspection_report(replace(samples.inspection_report(), inspector_name="")), "inspector_name"),
        (lambda: build_permit_checklist(replace(samples.permit_checklist(), items=())), "items"),
        (lambda: build_clearance(replace(samples.clearance(), owner_name="")), "owner_name"),
        (lambda: build_receipt(replace(samples.receipt(), office=OfficeInfo("", "0101"))), "office.name"),
    ]
    for build, field in cases:
        with pytest.raises(ValidationError) as err:
            build()
        assert err.value.code == "print.missing_field"
        assert err.value.field == field
        assert "خالی است" in message(err.value.code, **err.value.params)


def test_slip_refuses_ids_that_do_not_match() -> None:
    slip = samples.payment_slip()
    with pytest.raises(ValidationError) as err:
        build_payment_slip(replace(slip, payment_id=slip.payment_id[:-1] + str((int(slip.payment_id[-1]) + 1) % 10)))
    assert err.value.code == "print.payment_id"
    with pytest.raises(ValidationError) as err:
        build_payment_slip(replace(slip, amount_rials=slip.amount_rials + 1000, items=()))
    assert err.value.code == "print.amount_mismatch"
