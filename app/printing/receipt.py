"""Counter receipt (رسید پذیرش پرونده): on an 80 mm thermal roll or on A5."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from app.domain.dates import TEHRAN, format_jalali_long
from app.domain.errors import ValidationError
from app.domain.money import format_rials, rials_in_words
from app.printing.data import ReceiptData, require
from app.printing.fonts import BOLD
from app.printing.frame import THERMAL_MARGIN, THERMAL_WIDTH, DocumentInfo, build_paged, build_thermal
from app.printing.layout import (
    SMALL,
    TITLE,
    Centered,
    Rule,
    TextStyle,
    code128,
    fa,
    group_digits,
    heading,
    key_values,
    ltr,
    para,
    rtl_table,
)

TITLE_TEXT = "رسید پذیرش پرونده"
TRACK_NOTE = (
    "برای پیگیری پرونده، شماره پیگیری بالا را نگه دارید. با ارائهٔ همین رسید در دفتر یا وارد کردن شماره پیگیری در "
    "سامانه، از وضعیت پرونده باخبر شوید."
)


def local_time(value: dt.datetime) -> dt.datetime:
    """Stored UTC timestamps print in Tehran time; a naive datetime is taken as already local."""
    return value.astimezone(TEHRAN) if value.tzinfo else value


def when(value: dt.datetime, *, weekday: bool = False) -> str:
    local = local_time(value)
    return f"{format_jalali_long(local, weekday=weekday)} ساعت {fa(local.strftime('%H:%M'))}"


def _facts(data: ReceiptData) -> list[tuple[str, str]]:
    rows = [
        ("شماره پیگیری", ltr(group_digits(data.tracking_number))),
        ("خدمت", data.service_name),
        ("متقاضی", data.applicant_name),
        ("نشانی ملک", data.property_address),
        ("کد نوسازی", ltr(data.renovation_code) if data.renovation_code else ""),
        ("پلاک ثبتی", data.registry_plate),
        ("زمان پذیرش", when(data.issued_at)),
        ("کارشناس پذیرش", data.clerk_name),
    ]
    if data.fee_rials is not None:
        rows.append(("هزینهٔ خدمت", format_rials(data.fee_rials)))
    return rows


def _documents(data: ReceiptData, width: float, style: TextStyle) -> list[Flowable]:
    """One table of the documents: received ones first, then the missing ones the citizen must bring."""
    if not data.documents_received and not data.documents_missing:
        return []
    rows: list[list[str]] = [["ردیف", "مدرک", "وضعیت"]]
    items = [(d, "دریافت شد") for d in data.documents_received] + [(d, "ناقص؛ بیاورید") for d in data.documents_missing]
    rows += [[fa(i), name, state] for i, (name, state) in enumerate(items, start=1)]
    number_width, state_width = 11 * mm, 19 * mm if width < 100 * mm else 24 * mm
    table = rtl_table(rows, (number_width, width - number_width - state_width, state_width), header=True, style=style)
    return [heading("مدارک پرونده", space_before=2 * mm), table]


def _story(data: ReceiptData, width: float, thermal: bool) -> list[Flowable]:
    base = TextStyle(size=8.5 if thermal else 9, leading=None if thermal else 13.5)
    story: list[Flowable] = []
    if not thermal:
        story.append(para(TITLE_TEXT, TextStyle(font=TITLE.font, size=14, align="center"), space_after=1 * mm))
    story.append(Centered(code128(data.tracking_number, height_mm=11 if thermal else 10), space_before=1 * mm))
    story.append(
        para(ltr(group_digits(data.tracking_number)), TextStyle(size=10.5, align="center"), space_after=1.5 * mm)
    )
    story.append(key_values(_facts(data), width, label_share=0.33 if thermal else 0.26, style=base))
    if data.fee_rials is not None:
        # Full width under the table: the words are long, and a wrapped table cell would split them.
        words = f"هزینه به حروف: {rials_in_words(data.fee_rials)} ریال"
        story.append(para(words, base, space_before=1 * mm))
    story += _documents(data, width, base)
    if data.inspection_at is not None:
        appointment = f"نوبت بازدید از ملک: {when(data.inspection_at, weekday=True)}"
        story.append(para(appointment, TextStyle(font=BOLD, size=base.size), space_before=2 * mm))
    story.append(Rule(dashed=True))
    story.append(para(TRACK_NOTE, TextStyle(size=8 if thermal else 8.5)))
    if data.office.tracking_url:
        story.append(para(ltr(data.office.tracking_url), TextStyle(size=8, align="center")))
    if data.office.phone:
        story.append(para(f"تلفن دفتر: {ltr(data.office.phone)}", SMALL))
    return story


def build_receipt(data: ReceiptData, paper: Literal["thermal80", "a5"] = "thermal80", *, copy_number: int = 0) -> bytes:
    """PDF bytes of the receipt. Raises ``ValidationError("print.missing_field", field=...)`` before drawing."""
    require(data, "tracking_number", "service_name", "applicant_name", "issued_at", "clerk_name")
    if not data.tracking_number.isdigit():
        raise ValidationError("print.tracking_number", field="tracking_number")
    info = DocumentInfo(data.office, TITLE_TEXT, data.issued_at, data.tracking_number, copy_number)
    if paper == "thermal80":
        return build_thermal(_story(data, THERMAL_WIDTH - 2 * THERMAL_MARGIN, True), info)
    if paper == "a5":
        return build_paged(_story(data, 130 * mm, False), info, "a5")
    raise ValidationError("print.paper", field="paper", paper=paper)
