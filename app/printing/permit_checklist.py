"""Permit-draft checklist sheet (چک‌لیست پیش‌نویس پروانه): what the draft needs, ticked or not."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from app.printing.data import PermitChecklistData, require
from app.printing.frame import DocumentInfo, build_paged
from app.printing.layout import (
    BODY,
    TITLE,
    CheckBox,
    SignatureBlock,
    TextStyle,
    fa,
    group_digits,
    key_values,
    ltr,
    para,
    rtl_table,
)

TITLE_TEXT = "چک‌لیست پیش‌نویس پروانهٔ ساختمانی"
WIDTH = 186 * mm


def build_permit_checklist(data: PermitChecklistData, *, copy_number: int = 0) -> bytes:
    require(data, "tracking_number", "owner_name", "property_address", "prepared_by", "prepared_on", "items")
    rows = [
        ("شماره پیگیری", ltr(group_digits(data.tracking_number))),
        ("مالک", data.owner_name),
        ("نشانی ملک", data.property_address),
        ("کد نوسازی", ltr(data.renovation_code) if data.renovation_code else ""),
        ("نوع پروانه", data.permit_kind),
    ]
    table: list[list[str | Flowable]] = [["ردیف", "مورد", "انجام شد", "توضیح"]]
    for i, item in enumerate(data.items, start=1):
        table.append([fa(i), item.title, CheckBox(item.done), item.note])
    done = sum(1 for item in data.items if item.done)
    story: list[Flowable] = [
        para(TITLE_TEXT, TITLE, space_after=3 * mm),
        key_values(rows, WIDTH, label_share=0.22),
        para(" ", BODY),
        rtl_table(table, (13 * mm, 95 * mm, 20 * mm, WIDTH - 128 * mm), header=True),
        para(
            f"{fa(done)} مورد از {fa(len(data.items))} مورد انجام شده است.",
            TextStyle(font=TITLE.font, size=10.5),
            space_before=3 * mm,
            space_after=3 * mm,
        ),
        KeepTogether([SignatureBlock(data.prepared_by, "تهیه‌کننده")]),
    ]
    info = DocumentInfo(data.office, TITLE_TEXT, data.prepared_on, data.tracking_number, copy_number)
    return build_paged(story, info, "a4")
