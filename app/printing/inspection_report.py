"""Inspection report (گزارش بازدید): the sketch, sides and areas, violations found, the inspector's signature."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from app.domain.dates import format_jalali_long
from app.printing.data import InspectionReportData, OfficeInfo, require
from app.printing.frame import DocumentInfo, build_paged
from app.printing.layout import (
    BODY,
    TITLE,
    Centered,
    ImageBox,
    SignatureBlock,
    TextStyle,
    fa,
    group_digits,
    heading,
    key_values,
    ltr,
    metres,
    para,
    rtl_table,
)
from app.printing.receipt import when

TITLE_TEXT = "گزارش بازدید ملک"
WIDTH = 186 * mm


def build_inspection_report(data: InspectionReportData, *, copy_number: int = 0) -> bytes:
    require(data, "tracking_number", "owner_name", "property_address", "inspector_name", "visited_at")
    rows = [
        ("شماره پیگیری", ltr(group_digits(data.tracking_number))),
        ("مالک", data.owner_name),
        ("نشانی ملک", data.property_address),
        ("کد نوسازی", ltr(data.renovation_code) if data.renovation_code else ""),
        ("مامور بازدید", data.inspector_name),
        ("زمان بازدید", when(data.visited_at, weekday=True)),
    ]
    story: list[Flowable] = [para(TITLE_TEXT, TITLE, space_after=3 * mm), key_values(rows, WIDTH, label_share=0.22)]
    if data.sketch_png:
        story.append(heading("کروکی ملک"))
        story.append(Centered(ImageBox(data.sketch_png, 130 * mm, 95 * mm)))
    if data.sides:
        table: list[list[str]] = [["ضلع", "طول"]]
        table += [[name, metres(length)] for name, length in data.sides]
        story.append(heading("ابعاد"))
        story.append(rtl_table(table, (WIDTH * 0.6, WIDTH * 0.4), header=True))
    if data.areas:
        table = [["عنوان", "مساحت"]]
        table += [[name, metres(area, "مترمربع")] for name, area in data.areas]
        story.append(heading("مساحت‌ها"))
        story.append(rtl_table(table, (WIDTH * 0.6, WIDTH * 0.4), header=True))
    story.append(heading("تخلفات مشاهده‌شده"))
    if data.violations:
        table = [["ردیف", "شرح تخلف"]]
        table += [[fa(i), text] for i, text in enumerate(data.violations, start=1)]
        story.append(rtl_table(table, (14 * mm, WIDTH - 14 * mm), header=True))
    else:
        story.append(para("در بازدید تخلفی مشاهده نشد.", BODY))
    if data.notes:
        story.append(heading("توضیحات"))
        story.append(para(data.notes, TextStyle(size=10, leading=17)))
    story.append(KeepTogether([SignatureBlock(data.inspector_name, "مامور بازدید")]))
    info = DocumentInfo(data.office, TITLE_TEXT, data.visited_at, data.tracking_number, copy_number)
    return build_paged(story, info, "a4")


@dataclass(frozen=True, slots=True)
class DayListLine:
    """One visit of an inspector's day list."""

    tracking_number: str
    applicant_name: str
    mobile: str
    address: str
    renovation_code: str
    service_name: str


DAY_LIST_TITLE = "برنامه بازدید روزانه"


def build_day_list(
    office: OfficeInfo, inspector_name: str, day: dt.date, lines: Sequence[DayListLine], *, printed_at: dt.datetime
) -> bytes:
    """An inspector's visits of one day (برنامه بازدید روزانه), A4, with a column for the visit's time and remarks."""
    rows = [("مامور بازدید", inspector_name), ("تاریخ", format_jalali_long(day, weekday=True)),
            ("تعداد بازدید", fa(len(lines)))]  # fmt: skip
    story: list[Flowable] = [para(DAY_LIST_TITLE, TITLE, space_after=3 * mm), key_values(rows, WIDTH, label_share=0.22)]
    story.append(heading("بازدیدها"))
    if lines:
        table: list[list[str]] = [
            ["ردیف", "شماره پیگیری", "متقاضی و تلفن", "نشانی و کد نوسازی", "خدمت", "ساعت و توضیح"]
        ]
        for i, line in enumerate(lines, start=1):
            table.append([
                fa(i),
                ltr(group_digits(line.tracking_number)),
                f"{line.applicant_name} {ltr(line.mobile)}" if line.mobile else line.applicant_name,
                f"{line.address} ({ltr(line.renovation_code)})" if line.renovation_code else line.address,
                line.service_name,
                "",
            ])  # fmt: skip
        widths = (10 * mm, 34 * mm, 34 * mm, 52 * mm, 30 * mm, 26 * mm)
        story.append(rtl_table(table, widths, header=True, style=TextStyle(size=9, leading=14)))
    else:
        story.append(para("برای این روز بازدیدی ثبت نشده است.", BODY))
    story.append(KeepTogether([SignatureBlock(inspector_name, "مامور بازدید")]))
    info = DocumentInfo(office, DAY_LIST_TITLE, printed_at)
    return build_paged(story, info, "a4")
