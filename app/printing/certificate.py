"""Certificates on A4: no violation (عدم خلاف), completion (پایان کار), no objection (بلامانع).

Each carries a QR code with the office's Ed25519-signed payload (``signing``); the same payload sits in the PDF's
Keywords so the verifier can read it from the file without rasterising.
"""

from __future__ import annotations

import hashlib
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from app.domain.dates import format_jalali_long
from app.domain.errors import ValidationError
from app.printing import signing
from app.printing.data import CERTIFICATE_KINDS, CERTIFICATE_TITLES, CertificateData, require
from app.printing.frame import DocumentInfo, build_paged
from app.printing.layout import (
    BODY,
    SMALL,
    TITLE,
    Centered,
    ImageBox,
    QrFlowable,
    SignatureBlock,
    Spacer,
    TextStyle,
    fa,
    heading,
    key_values,
    ltr,
    metres,
    para,
)

FRAME_WIDTH = 186 * mm

INTRO = {
    "no_violation": (
        "بدین‌وسیله گواهی می‌شود بر پایهٔ بازدید و بررسی‌های انجام‌شده، در ملک با مشخصات زیر تخلف ساختمانی مشاهده نشده است."
    ),
    "completion": (
        "بدین‌وسیله گواهی می‌شود عملیات ساختمانی ملک با مشخصات زیر مطابق پروانهٔ ساختمانی و گزارش مهندس ناظر به "
        "پایان رسیده است."
    ),
    "no_objection": (
        "بدین‌وسیله گواهی می‌شود از نظر این دفتر برای درخواست متقاضی دربارهٔ ملک با مشخصات زیر مانعی وجود ندارد."
    ),
}
QR_NOTE = "اصالت این گواهی را با خواندن کد QR و فرمان «ecity-counter verify» یا در دفتر بررسی کنید."


def certificate_facts(data: CertificateData) -> dict[str, Any]:
    """The printed facts in machine form; their SHA-256 is signed, so a server holding the record can recompute it."""
    return {
        "kind": data.kind,
        "serial": data.serial,
        "tracking_number": data.tracking_number,
        "owner_name": data.owner_name,
        "property_address": data.property_address,
        "renovation_code": data.renovation_code,
        "registry_plate": data.registry_plate,
        "land_area_m2": data.land_area_m2,
        "building_area_m2": data.building_area_m2,
        "floors": data.floors,
        "units": data.units,
        "land_use": data.land_use,
        "facts": [list(row) for row in data.facts],
        "conditions": data.conditions,
        "issue_date": data.issue_date.isoformat(),
        "signatory": [data.signatory_name, data.signatory_title],
        "sketch_sha256": hashlib.sha256(data.sketch_png).hexdigest() if data.sketch_png else None,
    }


def certificate_payload(data: CertificateData, key: Ed25519PrivateKey) -> str:
    """The signed text the QR holds (Ed25519 is deterministic: the same data and key give the same text)."""
    return signing.sign_payload(
        serial=data.serial,
        tracking_number=data.tracking_number,
        kind=data.kind,
        property_key=data.renovation_code,
        issue_date=data.issue_date,
        facts_sha256=signing.facts_digest(certificate_facts(data)),
        key=key,
    )


def _property_rows(data: CertificateData) -> list[tuple[str, str]]:
    rows = [
        ("مالک", data.owner_name),
        ("نشانی ملک", data.property_address),
        ("کد نوسازی", ltr(data.renovation_code)),
        ("پلاک ثبتی", data.registry_plate),
        ("مساحت عرصه", metres(data.land_area_m2, "مترمربع") if data.land_area_m2 is not None else ""),
        ("زیربنا", metres(data.building_area_m2, "مترمربع") if data.building_area_m2 is not None else ""),
        ("تعداد طبقات", fa(data.floors) if data.floors is not None else ""),
        ("تعداد واحد", fa(data.units) if data.units is not None else ""),
        ("کاربری", data.land_use),
    ]
    return rows + list(data.facts)


def _side_by_side(right: Flowable, left: Flowable, right_width: float, left_width: float) -> Table:
    table = Table([[left, right]], colWidths=[left_width, right_width])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def build_certificate(data: CertificateData, key: Ed25519PrivateKey, *, copy_number: int = 0) -> bytes:
    """PDF bytes of the certificate, signed with the office's ``key``."""
    require(
        data,
        "serial",
        "tracking_number",
        "owner_name",
        "property_address",
        "renovation_code",
        "issue_date",
        "signatory_name",
        "signatory_title",
    )
    if data.kind not in CERTIFICATE_KINDS:
        raise ValidationError("print.certificate_kind", field="kind", kind=data.kind)
    payload = certificate_payload(data, key)
    title = CERTIFICATE_TITLES[data.kind]
    story: list[Flowable] = [
        para(title, TextStyle(font=TITLE.font, size=20, align="center"), space_after=1 * mm),
        para(f"شماره گواهی: {ltr(data.serial)}", TextStyle(size=10, align="center"), space_after=4 * mm),
        para(INTRO[data.kind], TextStyle(size=11, leading=19), space_after=3 * mm),
    ]
    facts = key_values(_property_rows(data), FRAME_WIDTH if not data.sketch_png else 118 * mm, label_share=0.3)
    if data.sketch_png:
        sketch = ImageBox(data.sketch_png, 62 * mm, 70 * mm)
        story.append(_side_by_side(facts, sketch, 122 * mm, 64 * mm))
    else:
        story.append(facts)
    if data.conditions:
        story.append(heading("شرایط و توضیحات"))
        story.append(para(data.conditions, TextStyle(size=10, leading=17)))
    story.append(
        para(f"تاریخ صدور: {format_jalali_long(data.issue_date)}", BODY, space_before=4 * mm, space_after=3 * mm)
    )
    # QR on the right where the reader's eye starts; the signature and stamp on the left, as Persian letters have it.
    qr_block = [Centered(QrFlowable(payload, 36), align="right"), Spacer(1 * mm), para(QR_NOTE, SMALL)]
    signature = SignatureBlock(data.signatory_name, data.signatory_title, box_w=80 * mm, box_h=36 * mm)
    bottom = Table([[signature, qr_block]], colWidths=[FRAME_WIDTH - 70 * mm, 70 * mm])
    bottom.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story.append(KeepTogether([bottom]))
    info = DocumentInfo(data.office, title, data.issue_date, data.tracking_number, copy_number, keywords=payload)
    return build_paged(story, info, "a4")
