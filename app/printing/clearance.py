"""Renovation-tax clearance (مفاصا حساب عوارض نوسازی): every levy period settled."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from app.domain.dates import format_jalali_long
from app.domain.money import format_rials, rials_in_words
from app.printing.data import ClearanceData, require
from app.printing.frame import DocumentInfo, build_paged
from app.printing.layout import (
    TITLE,
    SignatureBlock,
    TextStyle,
    group_digits,
    heading,
    key_values,
    ltr,
    para,
    rtl_table,
)

TITLE_TEXT = "مفاصا حساب عوارض نوسازی"
WIDTH = 186 * mm


def build_clearance(data: ClearanceData, *, copy_number: int = 0) -> bytes:
    require(
        data,
        "tracking_number",
        "owner_name",
        "property_address",
        "renovation_code",
        "issue_date",
        "signatory_name",
        "signatory_title",
    )
    intro = (
        f"بدین‌وسیله گواهی می‌شود عوارض نوسازی ملک با مشخصات زیر تا تاریخ {format_jalali_long(data.issue_date)} "
        "به‌طور کامل پرداخت شده و ملک از این بابت بدهی ندارد."
    )
    rows = [
        ("شماره پیگیری", ltr(group_digits(data.tracking_number))),
        ("مالک", data.owner_name),
        ("نشانی ملک", data.property_address),
        ("کد نوسازی", ltr(data.renovation_code)),
        ("اعتبار تا", format_jalali_long(data.valid_until) if data.valid_until else ""),
        ("برای ارائه به", data.purpose),
    ]
    story: list[Flowable] = [
        para(TITLE_TEXT, TITLE, space_after=3 * mm),
        para(intro, TextStyle(size=11, leading=19), space_after=3 * mm),
        key_values(rows, WIDTH, label_share=0.22),
    ]
    if data.items:
        total = sum(amount for _, amount in data.items)
        table: list[list[str]] = [["دوره / عنوان", "مبلغ پرداخت‌شده (ریال)"]]
        table += [[title, format_rials(amount, unit=False)] for title, amount in data.items]
        table.append(["جمع", format_rials(total, unit=False)])
        story += [
            heading("پرداخت‌ها"),
            rtl_table(table, (WIDTH * 0.6, WIDTH * 0.4), header=True),
            para(f"جمع پرداخت‌ها به حروف: {rials_in_words(total)} ریال", TextStyle(size=10.5), space_before=2 * mm),
        ]
    story.append(para(" ", TextStyle(size=10)))
    story.append(KeepTogether([SignatureBlock(data.signatory_name, data.signatory_title)]))
    info = DocumentInfo(data.office, TITLE_TEXT, data.issue_date, data.tracking_number, copy_number)
    return build_paged(story, info, "a4")
