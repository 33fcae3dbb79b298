"""Persian text for the error and result codes of app.printing and app.domain.payment_ids (the UI shows these)."""

from __future__ import annotations

from typing import Any

MESSAGES: dict[str, str] = {
    "print.missing_field": "«{field_fa}» خالی است؛ سند بدون آن چاپ نمی‌شود.",
    "print.tracking_number": "شمارهٔ پیگیری باید فقط رقم باشد.",
    "print.paper": "کاغذ «{paper}» برای این سند پشتیبانی نمی‌شود.",
    "print.certificate_kind": "نوع گواهی «{kind}» شناخته نیست.",
    "print.bill_id": "شناسهٔ قبض درست نیست (رقم کنترل نمی‌خواند).",
    "print.payment_id": "شناسهٔ پرداخت با شناسهٔ قبض نمی‌خواند.",
    "print.amount_mismatch": "مبلغ فیش با مبلغی که در شناسهٔ پرداخت آمده یکی نیست.",
    "print.items_total": "جمع ردیف‌های فیش با مبلغ کل برابر نیست.",
    "bill_id.file_code": "کد پرونده برای شناسهٔ قبض بیش از هشت رقم است.",
    "bill_id.company_code": "کد شرکت باید سه رقم باشد.",
    "bill_id.service_type": "نوع خدمت باید یک رقم باشد.",
    "bill_id.checksum": "شناسهٔ قبض درست نیست.",
    "payment_id.amount": "مبلغ باید مثبت و مضربی از هزار ریال باشد.",
    "payment_id.period": "دورهٔ پرداخت باید دو رقم باشد.",
    "payment_id.year": "سال پرداخت درست نیست.",
    "payment_id.format": "شناسهٔ پرداخت درست نیست.",
    "payment_id.unknown_scheme": "روش محاسبهٔ شناسه «{scheme}» تعریف نشده است.",
    "signing.no_key": "کلید امضای دفتر پیدا نشد ({path}).",
    "signing.bad_key": "کلید امضای دفتر خراب است ({path}).",
    "verify.genuine": "این گواهی اصیل است و با کلید دفتر امضا شده است.",
    "verify.revoked": "امضای این گواهی درست است، اما گواهی ابطال شده و دیگر اعتبار ندارد.",
    "verify.forged": "این گواهی اصیل نیست: امضای آن با کلید دفتر نمی‌خواند (دستکاری یا جعل).",
    "verify.unknown_key": "این گواهی با کلیدی امضا شده که این دفتر آن را نمی‌شناسد؛ اصیل شناخته نمی‌شود.",
    "verify.malformed": "این متن کد یک گواهی نیست یا ناقص خوانده شده است.",
    "verify.no_payload": "در این پرونده کد QR گواهی پیدا نشد.",
    "verify.no_keys": "کلید عمومی دفتر پیدا نشد؛ بدون آن بررسی شدنی نیست.",
    "print.unknown_document": "سند «{document}» برای چاپ شناخته نیست.",
    "print.nothing_to_pay": "این پرونده هزینهٔ پرداخت‌نشده‌ای ندارد؛ فیشی برای چاپ نیست.",
    "print.target": "مقصد چاپ «{target}» شناخته نیست.",
    "certificate.not_a_certificate_case": "این پرونده درخواست گواهی نیست.",
    "certificate.not_a_draft": "پیش‌نویس فقط پیش از ارسال برای تایید ویرایش می‌شود (وضعیت کنونی: {state}).",
    "certificate.not_approved": "گواهی این پرونده هنوز به تایید رئیس واحد نرسیده است؛ نخست تایید لازم است.",
    "certificate.already_approved": "گواهی این پرونده پیش‌تر تایید شده است.",
    "certificate.not_printed": "گواهی {serial} هنوز چاپ نشده است؛ پیش از صدور آن را چاپ کنید.",
    "certificate.not_issued": "فقط گواهی صادرشده ابطال می‌شود.",
    "certificate.unknown_step": "این اقدام در پیش‌نویس گواهی شناخته نیست.",
    "certificate.area": "مساحت را با رقم و بیشتر از صفر بنویسید.",
    "certificate.count": "تعداد را با رقم (عدد درست) بنویسید.",
    "certificate.text_too_long": "متن بیش از اندازه بلند است.",
}

FIELD_NAMES: dict[str, str] = {
    "tracking_number": "شمارهٔ پیگیری",
    "service_name": "خدمت",
    "applicant_name": "نام متقاضی",
    "issued_at": "زمان صدور",
    "clerk_name": "کارشناس پذیرش",
    "payer_name": "پرداخت‌کننده",
    "description": "بابت",
    "amount_rials": "مبلغ",
    "bill_id": "شناسهٔ قبض",
    "payment_id": "شناسهٔ پرداخت",
    "serial": "شمارهٔ گواهی",
    "owner_name": "نام مالک",
    "property_address": "نشانی ملک",
    "renovation_code": "کد نوسازی",
    "issue_date": "تاریخ صدور",
    "signatory_name": "نام امضاکننده",
    "signatory_title": "سمت امضاکننده",
    "inspector_name": "مامور بازدید",
    "visited_at": "زمان بازدید",
    "prepared_by": "تهیه‌کننده",
    "prepared_on": "تاریخ تهیه",
    "items": "ردیف‌ها",
    "office.name": "نام دفتر",
    "office.code": "کد دفتر",
    "land_area_m2": "مساحت عرصه",
    "building_area_m2": "زیربنا",
    "floors": "تعداد طبقات",
    "units": "تعداد واحد",
}


def message(code: str, **params: Any) -> str:
    """Persian text for ``code``; unknown codes come back as themselves so nothing is silently empty."""
    template = MESSAGES.get(code)
    if template is None:
        return code
    field = params.get("field")
    values = {"field_fa": FIELD_NAMES.get(str(field), str(field)), **params}
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return template
