"""Payment slip (فیش پرداخت) with bill ID and payment ID (شناسه قبض / شناسه پرداخت) and their barcode.

The IDs are checked with ``app.domain.payment_ids`` before anything is drawn, and the payment ID must encode the
printed amount: a slip whose IDs and amount disagree would send a citizen's money nowhere.
"""

from __future__ import annotations

from typing import Literal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from app.domain.dates import format_jalali_long
from app.domain.errors import ValidationError
from app.domain.money import format_rials, rials_in_words
from app.domain.payment_ids import amount_from_payment_id, is_valid_bill_id, is_valid_payment_id, slip_barcode_value
from app.domain.text import only_digits
from app.printing.data import PaymentSlipData, require
from app.printing.frame import DocumentInfo, build_paged
from app.printing.layout import (
    SMALL,
    TITLE,
    Centered,
    Rule,
    TextStyle,
    code128,
    heading,
    key_values,
    ltr,
    para,
    rtl_table,
)
from app.printing.receipt import when

TITLE_TEXT = "فیش پرداخت"
PAY_NOTE = (
    "پرداخت با شناسهٔ قبض و شناسهٔ پرداخت از راه درگاه بانکی، خودپرداز، تلفن‌بانک یا باجهٔ بانک شدنی است. "
    "پس از پرداخت، رسید بانک را به دفتر بدهید."
)
FRAME_WIDTHS = {"a5": 130 * mm, "a4": 186 * mm}


def _check(data: PaymentSlipData) -> None:
    require(data, "tracking_number", "payer_name", "description", "amount_rials", "bill_id", "payment_id", "issued_at")
    if not is_valid_bill_id(data.bill_id):
        raise ValidationError("print.bill_id", field="bill_id")
    if not is_valid_payment_id(data.bill_id, data.payment_id):
        raise ValidationError("print.payment_id", field="payment_id")
    if amount_from_payment_id(data.payment_id) != data.amount_rials:
        raise ValidationError("print.amount_mismatch", field="amount_rials")
    if data.items and sum(amount for _, amount in data.items) != data.amount_rials:
        raise ValidationError("print.items_total", field="items")


def build_payment_slip(data: PaymentSlipData, paper: Literal["a5", "a4"] = "a5", *, copy_number: int = 0) -> bytes:
    _check(data)
    if paper not in FRAME_WIDTHS:
        raise ValidationError("print.paper", field="paper", paper=paper)
    width = FRAME_WIDTHS[paper]
    bill = only_digits(data.bill_id).lstrip("0")
    payment = only_digits(data.payment_id).lstrip("0")
    rows = [
        ("پرداخت‌کننده", data.payer_name),
        ("کد ملی", ltr(data.payer_national_id) if data.payer_national_id else ""),
        ("بابت", data.description),
        ("کد نوسازی", ltr(data.renovation_code) if data.renovation_code else ""),
        ("زمان صدور", when(data.issued_at)),
        ("مهلت پرداخت", format_jalali_long(data.due_date) if data.due_date else ""),
    ]
    story: list[Flowable] = [para(TITLE_TEXT, TITLE, space_after=2 * mm), key_values(rows, width, label_share=0.26)]
    if data.items:
        table_rows: list[list[str]] = [["شرح", "مبلغ (ریال)"]]
        table_rows += [[title, format_rials(amount, unit=False)] for title, amount in data.items]
        table_rows.append(["جمع", format_rials(data.amount_rials, unit=False)])
        story.append(heading("ریز مبلغ"))
        story.append(rtl_table(table_rows, (width * 0.68, width * 0.32), header=True))
    story += [
        Rule(),
        para(f"مبلغ قابل پرداخت: {format_rials(data.amount_rials)}", TextStyle(font=TITLE.font, size=13)),
        para(f"به حروف: {rials_in_words(data.amount_rials)} ریال", TextStyle(size=10.5), space_after=2 * mm),
        key_values(
            [("شناسهٔ قبض", ltr(bill)), ("شناسهٔ پرداخت", ltr(payment))],
            width,
            label_share=0.3,
            style=TextStyle(font=TITLE.font, size=12.5),
        ),
        Centered(code128(slip_barcode_value(data.bill_id, data.payment_id), height_mm=13), space_before=3 * mm),
        para(ltr(slip_barcode_value(data.bill_id, data.payment_id)), TextStyle(size=8, align="center")),
        Rule(dashed=True),
        para(PAY_NOTE, SMALL),
    ]
    info = DocumentInfo(data.office, TITLE_TEXT, data.issued_at, data.tracking_number, copy_number)
    return build_paged(story, info, paper)
