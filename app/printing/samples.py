"""Demo data for every document: ``print-samples``, the docs' pictures, the tests and the benchmark use it."""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image, ImageDraw, ImageFont

from app.domain.payment_ids import make_bill_id, make_payment_id
from app.paths import FONTS
from app.printing.certificate import build_certificate
from app.printing.clearance import build_clearance
from app.printing.data import (
    CertificateData,
    ChecklistItem,
    ClearanceData,
    InspectionReportData,
    OfficeInfo,
    PaymentSlipData,
    PermitChecklistData,
    ReceiptData,
)
from app.printing.inspection_report import build_inspection_report
from app.printing.payment_slip import build_payment_slip
from app.printing.permit_checklist import build_permit_checklist
from app.printing.receipt import build_receipt

TRACKING = "0101040030001237"
UTC = dt.UTC
ISSUED_AT = dt.datetime(2025, 3, 5, 5, 15, tzinfo=UTC)  # ۱۵ اسفند ۱۴۰۳, 08:45 in Tehran
ISSUE_DATE = dt.date(2025, 3, 5)

OFFICE = OfficeInfo(
    name="دفتر خدمات الکترونیک شهر ۰۱۰۱",
    code="0101",
    address="تهران، منطقهٔ ۱، خیابان شریعتی، بالاتر از پل رومی، پلاک ۱۲۴",
    phone="021-22223344",
    tracking_url="https://ecity.example.ir/track",
)

CERTIFICATE_SERIALS = {"no_violation": 1, "completion": 2, "no_objection": 3}
SIDES = (("شمال", 12.4), ("شرق", 20.05), ("جنوب", 12.1), ("غرب", 19.8))


@lru_cache(maxsize=1)
def sketch_png() -> bytes:
    """A small sketch (کروکی): a four-sided plot with its measured sides, as the inspection tool would export."""
    w, h = 900, 640
    img = Image.new("RGB", (w, h), "white")
    draw = ImageDraw.Draw(img)
    for x in range(0, w, 40):
        draw.line([(x, 0), (x, h)], fill=(232, 238, 242))
    for y in range(0, h, 40):
        draw.line([(0, y), (w, y)], fill=(232, 238, 242))
    points = [(250, 120), (660, 135), (650, 520), (240, 505)]
    draw.polygon(points, fill=(220, 236, 244), outline=(11, 79, 108))
    draw.line([*points, points[0]], fill=(11, 79, 108), width=5)
    font = ImageFont.truetype(str(FONTS / "Vazirmatn-Medium.ttf"), 30)
    # Side labels with Persian digits; digits read left to right, so no shaping is needed in Pillow.
    labels = ["۱۲٫۴۰", "۲۰٫۰۵", "۱۲٫۱۰", "۱۹٫۸۰"]
    for i, label in enumerate(labels):
        (x1, y1), (x2, y2) = points[i], points[(i + 1) % 4]
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        nx, ny = (y2 - y1), -(x2 - x1)
        norm = math.hypot(nx, ny)
        draw.text((mx + nx / norm * 45, my + ny / norm * 45), label, font=font, fill=(20, 20, 20), anchor="mm")
    # North arrow.
    draw.polygon([(820, 60), (800, 120), (840, 120)], fill=(176, 0, 32))
    draw.text((820, 145), "N", font=font, fill=(176, 0, 32), anchor="mm")
    buffer = io.BytesIO()
    img.convert("P", palette=Image.Palette.ADAPTIVE, colors=64).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def receipt() -> ReceiptData:
    return ReceiptData(
        office=OFFICE,
        tracking_number=TRACKING,
        service_name="صدور گواهی عدم خلاف",
        applicant_name="علی‌رضا محمدی‌نژاد",
        issued_at=ISSUED_AT,
        clerk_name="مریم احمدی",
        property_address="تهران، خیابان دربند، کوچهٔ گلستان، پلاک ۴ (واحد ۲)",
        renovation_code="1-4-76-10-1-2-0",
        registry_plate="۱۶۱۷ فرعی از ۷۲ اصلی بخش ۱۱",
        documents_received=("اصل سند مالکیت تک‌برگ", "کارت ملی مالک", "فیش عوارض نوسازی سال ۱۴۰۳"),
        documents_missing=("وکالت‌نامهٔ محضری",),
        inspection_at=dt.datetime(2025, 3, 9, 6, 0, tzinfo=UTC),
        fee_rials=1_250_000,
    )


def payment_slip() -> PaymentSlipData:
    amount = 12_500_000
    bill_id = make_bill_id(1040030, 101)
    return PaymentSlipData(
        office=OFFICE,
        tracking_number=TRACKING,
        payer_name="علی‌رضا محمدی‌نژاد",
        description="عوارض صدور گواهی عدم خلاف",
        amount_rials=amount,
        bill_id=bill_id,
        payment_id=make_payment_id(amount, 1403, 12, bill_id),
        issued_at=ISSUED_AT,
        due_date=dt.date(2025, 3, 15),
        items=(("عوارض صدور گواهی", 11_000_000), ("بهای خدمات دفتر", 1_500_000)),
        payer_national_id="0084575948",
        renovation_code="1-4-76-10-1-2-0",
    )


def certificate(kind: str = "no_violation") -> CertificateData:
    return CertificateData(
        office=OFFICE,
        kind=kind,  # type: ignore[arg-type]
        serial=f"0101-1403-{CERTIFICATE_SERIALS[kind]:05d}",
        tracking_number=TRACKING,
        owner_name="علی‌رضا محمدی‌نژاد",
        property_address="تهران، خیابان دربند، کوچهٔ گلستان، پلاک ۴ (واحد ۲)",
        renovation_code="1-4-76-10-1-2-0",
        issue_date=ISSUE_DATE,
        signatory_name="مهندس سارا کریمی",
        signatory_title="مسئول فنی دفتر",
        registry_plate="۱۶۱۷ فرعی از ۷۲ اصلی بخش ۱۱",
        land_area_m2=245.5,
        building_area_m2=612.0,
        floors=4,
        units=6,
        land_use="مسکونی (پهنهٔ R112)",
        facts=(("شمارهٔ پروانهٔ ساختمانی", "۱۴۰۰/۳۲۱۵"),),
        conditions=(
            "این گواهی فقط برای ملک یادشده و در وضعیت روز بازدید معتبر است و هرگونه تغییر در بنا پس از تاریخ "
            "بازدید، آن را از اعتبار می‌اندازد. قلم‌خوردگی یا تراشیدگی گواهی را باطل می‌کند."
        ),
        sketch_png=sketch_png(),
    )


def inspection_report() -> InspectionReportData:
    return InspectionReportData(
        office=OFFICE,
        tracking_number=TRACKING,
        owner_name="علی‌رضا محمدی‌نژاد",
        property_address="تهران، خیابان دربند، کوچهٔ گلستان، پلاک ۴ (واحد ۲)",
        inspector_name="رضا حسینی",
        visited_at=dt.datetime(2025, 3, 9, 6, 0, tzinfo=UTC),
        renovation_code="1-4-76-10-1-2-0",
        sketch_png=sketch_png(),
        sides=SIDES,
        areas=(("عرصه طبق سند", 245.5), ("عرصه وضع موجود", 243.8), ("زیربنای کل", 612.0)),
        violations=("پیش‌آمدگی بالکن طبقهٔ سوم به میزان ۰٫۶ متر بیش از پروانه",),
        notes="بر و کف ملک با سند مطابقت دارد. اختلاف مساحت عرصه کمتر از یک درصد است.",
    )


def permit_checklist() -> PermitChecklistData:
    return PermitChecklistData(
        office=OFFICE,
        tracking_number=TRACKING,
        owner_name="علی‌رضا محمدی‌نژاد",
        property_address="تهران، خیابان دربند، کوچهٔ گلستان، پلاک ۴",
        prepared_by="نرگس رحیمی",
        prepared_on=ISSUE_DATE,
        renovation_code="1-4-76-10-1-2-0",
        permit_kind="پروانهٔ نوسازی مسکونی",
        items=(
            ChecklistItem("تعهد محضری مالک", True),
            ChecklistItem("تعهد نما", True),
            ChecklistItem("بیمه‌نامهٔ مسئولیت", True, "بیمه ایران"),
            ChecklistItem("قرارداد مهندس ناظر", True),
            ChecklistItem("پرداخت عوارض پروانه", False, "قسط دوم مانده"),
            ChecklistItem("پاسخ استعلام آتش‌نشانی", False),
            ChecklistItem("شناسنامهٔ فنی و ملکی ساختمان", False),
        ),
    )


def clearance() -> ClearanceData:
    return ClearanceData(
        office=OFFICE,
        tracking_number=TRACKING,
        owner_name="علی‌رضا محمدی‌نژاد",
        property_address="تهران، خیابان دربند، کوچهٔ گلستان، پلاک ۴ (واحد ۲)",
        renovation_code="1-4-76-10-1-2-0",
        issue_date=ISSUE_DATE,
        signatory_name="مهندس سارا کریمی",
        signatory_title="مسئول فنی دفتر",
        items=(("عوارض نوسازی ۱۴۰۱", 3_200_000), ("عوارض نوسازی ۱۴۰۲", 3_850_000), ("عوارض نوسازی ۱۴۰۳", 4_600_000)),
        valid_until=dt.date(2025, 6, 5),
        purpose="دفترخانهٔ اسناد رسمی",
    )


def long_receipt() -> ReceiptData:
    """A receipt that must wrap and continue: a 300-character address, a long name, 60 documents."""
    address = ("تهران، منطقهٔ ۱، خیابان دکتر شریعتی، بالاتر از پل رومی، کوچهٔ شهید " * 6)[:300]
    return replace(
        receipt(),
        applicant_name="سیدمحمدحسین میرعبدالوهاب‌زادهٔ طباطبایی‌نژاد اصفهانی‌پور خراسانی",
        property_address=address,
        documents_received=tuple(f"مدرک شمارهٔ {i} دریافت‌شده از متقاضی" for i in range(1, 61)),
    )


def builders(key: Ed25519PrivateKey) -> dict[str, Callable[[], bytes]]:
    """Every document kind: file stem → a function that builds it from demo data."""
    return {
        "receipt-thermal80": lambda: build_receipt(receipt(), "thermal80"),
        "receipt-a5": lambda: build_receipt(receipt(), "a5"),
        "payment-slip": lambda: build_payment_slip(payment_slip()),
        "certificate-no-violation": lambda: build_certificate(certificate("no_violation"), key),
        "certificate-completion": lambda: build_certificate(certificate("completion"), key),
        "certificate-no-objection": lambda: build_certificate(certificate("no_objection"), key),
        "inspection-report": lambda: build_inspection_report(inspection_report()),
        "permit-checklist": lambda: build_permit_checklist(permit_checklist()),
        "clearance": lambda: build_clearance(clearance()),
        "receipt-reprint": lambda: build_receipt(receipt(), "a5", copy_number=2),
    }


def write_samples(folder: Path, key: Ed25519PrivateKey) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for stem, build in builders(key).items():
        path = folder / f"{stem}.pdf"
        path.write_bytes(build())
        written.append(path)
    return written
