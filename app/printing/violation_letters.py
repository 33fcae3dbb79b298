"""Official letters of the violation review and plan approval units, on A4 in the office frame.

One builder, ``build_letter``, for every letter these units send: the objection to an Article 100 commission ruling
(لایحه اعتراض به رای کمیسیون ماده صد), the reply to a land-registry letter, and the inquiries (استعلام) to green space
and the fire department on approved plans. The services fill ``LetterData``; this module never opens the database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from app.domain.dates import format_jalali
from app.printing.data import OfficeInfo, require
from app.printing.frame import DocumentInfo, build_paged
from app.printing.layout import (
    BODY,
    TITLE,
    SignatureBlock,
    Spacer,
    TextStyle,
    fa,
    group_digits,
    heading,
    key_values,
    ltr,
    para,
    rtl_table,
)

WIDTH = 186 * mm
LETTER_BODY = TextStyle(size=10.5, leading=19)


@dataclass(frozen=True, slots=True)
class LetterData:
    """One outgoing letter. ``facts`` are label/value rows printed above the body (ruling number, deadline ...);
    ``table`` an optional table in reading order, first row the header; ``attachments`` the names of enclosures."""

    office: OfficeInfo
    title: str
    letter_date: dt.date
    recipient: str
    subject: str
    body: tuple[str, ...]
    signer_name: str
    signer_title: str
    tracking_number: str = ""
    letter_number: str = ""
    facts: tuple[tuple[str, str], ...] = ()
    table: tuple[tuple[str, ...], ...] = ()
    attachments: tuple[str, ...] = ()


def build_letter(data: LetterData, *, copy_number: int = 0) -> bytes:
    require(data, "title", "recipient", "subject", "signer_name")
    head = [
        ("شماره نامه", ltr(data.letter_number) if data.letter_number else ""),
        ("تاریخ", format_jalali(data.letter_date)),
        ("شماره پیگیری پرونده", ltr(group_digits(data.tracking_number)) if data.tracking_number else ""),
    ]
    story: list[Flowable] = [
        para(data.title, TITLE, space_after=3 * mm),
        key_values(head, WIDTH, label_share=0.25),
        Spacer(4 * mm),
        para(f"به: {data.recipient}", TextStyle(size=11, leading=19), space_after=1 * mm),
        para(f"موضوع: {fa(data.subject)}", TextStyle(size=11, leading=19), space_after=3 * mm),
        para("با سلام و احترام،", LETTER_BODY, space_after=1 * mm),
    ]
    for paragraph in data.body:
        if paragraph.strip():
            story.append(para(fa(paragraph), LETTER_BODY, space_after=2 * mm))
    if data.facts:
        story.append(heading("مشخصات"))
        story.append(key_values(list(data.facts), WIDTH, label_share=0.3))
    if data.table:
        columns = len(data.table[0])
        story.append(Spacer(3 * mm))
        story.append(rtl_table([list(r) for r in data.table], [WIDTH / columns] * columns, header=True))
    if data.attachments:
        story.append(heading("پیوست‌ها"))
        rows = [["ردیف", "عنوان"]] + [[fa(i), name] for i, name in enumerate(data.attachments, start=1)]
        story.append(rtl_table(rows, (14 * mm, WIDTH - 14 * mm), header=True))
    story.append(Spacer(6 * mm))
    story.append(KeepTogether([para("با تشکر", BODY, space_after=2 * mm),
                               SignatureBlock(data.signer_name, data.signer_title)]))  # fmt: skip
    info = DocumentInfo(data.office, data.title, data.letter_date, data.tracking_number, copy_number)
    return build_paged(story, info, "a4")
