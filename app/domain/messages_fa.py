"""Persian messages for the domain's error codes. ``app/ui/messages.py`` may use these as its source texts.

``message_fa(error)`` fills a message from the error's params; list params (missing documents, roles needed) are
turned into Persian names where the domain knows them.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from app.domain.errors import DomainError

MESSAGES: Mapping[str, str] = MappingProxyType(
    {
        # identifiers
        "national_id.format": "کد ملی باید ۱۰ رقم باشد.",
        "national_id.checksum": "کد ملی نامعتبر است (رقم کنترل نادرست).",
        "legal_id.format": "شناسه ملی باید ۱۱ رقم باشد.",
        "legal_id.checksum": "شناسه ملی نامعتبر است.",
        "postal_code.format": "کد پستی باید ۱۰ رقم باشد.",
        "postal_code.unusual": "کد پستی غیرمعمول است؛ لطفا دوباره بررسی کنید.",
        "mobile.format": "شماره همراه نامعتبر است (نمونه: ۰۹۱۲۱۲۳۴۵۶۷).",
        "registry_plate.invalid": "پلاک ثبتی نامعتبر است.",
        "renovation_code.district": "منطقه در کد نوسازی باید بین ۱ تا ۲۲ باشد.",
        "renovation_code.format": "کد نوسازی نامعتبر است (نمونه: ۱-۴-۷۶-۱۰-۱-۲-۰).",
        # dates and money
        "date.format": "تاریخ را به شکل ۱۴۰۳/۱۲/۳۰ وارد کنید.",
        "date.invalid": "چنین تاریخی وجود ندارد.",
        "date.out_of_range": "تاریخ خارج از محدوده است.",
        "money.format": "مبلغ نامعتبر است.",
        "money.too_large": "مبلغ بیش از حد بزرگ است.",
        # tracking numbers
        "tracking.invalid": "کد رهگیری نامعتبر است.",
        "tracking.office_code": "کد دفتر باید ۴ رقم باشد.",
        "tracking.workstation": "شماره ایستگاه کاری باید بین ۱ تا ۹۹۹ باشد.",
        "tracking.sequence_exhausted": "شماره‌های رهگیری این ایستگاه برای امسال تمام شده است.",
        "tracking.year": "سال نامعتبر است.",
        # units and catalog
        "unit.unknown": "واحد «{unit}» تعریف نشده است.",
        "role.unknown": "نقش «{role}» تعریف نشده است.",
        "catalog.unknown_service": "خدمت «{service}» در فهرست خدمات نیست.",
        "catalog.unknown_document": "مدرک «{document}» تعریف نشده است.",
        # workflows
        "workflow.unknown": "گردش کار «{workflow}» تعریف نشده است.",
        "workflow.unknown_state": "وضعیت «{state}» در این گردش کار تعریف نشده است.",
        "workflow.mismatch": "این پرونده به گردش کار دیگری تعلق دارد.",
        "workflow.unknown_action": "اقدام «{action}» در این گردش کار وجود ندارد.",
        "workflow.wrong_state": "این اقدام در وضعیت فعلی پرونده ممکن نیست.",
        "workflow.role_not_allowed": "این اقدام فقط از عهده این نقش‌ها برمی‌آید: {roles_needed}.",
        "workflow.guard_failed": "پیش‌نیاز این اقدام کامل نیست: {missing}.",
        "workflow.note_required": "برای این اقدام نوشتن توضیح الزامی است.",
        "workflow.assignee_required": "برای ارجاع، کارشناس گیرنده را انتخاب کنید.",
        "workflow.stale_version": "این پرونده در این فاصله توسط شخص دیگری تغییر کرده است؛ دوباره باز کنید.",
    }
)

# What a failed guard reports as missing when it is not a document code.
FACT_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "open_violations": "رفع خلاف‌های باز",
        "fees_paid": "پرداخت هزینه‌ها",
        "sketch_done": "رسم کروکی",
        "aerial_map_attached": "پیوست نقشه هوایی ۱:۲۰۰۰",
        "property_located": "جانمایی ملک",
        "documents_scanned": "اسکن مدارک",
        "supervisor_final_report": "گزارش نهایی مهندس ناظر",
        "green_space": "پاسخ استعلام فضای سبز",
        "fire": "پاسخ استعلام آتش‌نشانی",
        "checklist_complete": "تکمیل چک‌لیست و تعهدات",
        "technical_id_recorded": "ثبت شناسنامه فنی ساختمان",
        "certificate_printed": "چاپ گواهی تاییدشده با کد QR امضاشده",
    }
)

_LIST_SEPARATOR = "، "


def _name_of(code: str) -> str:
    from app.domain.catalog import CATALOG
    from app.domain.units import ROLES

    if code in FACT_NAMES:
        return FACT_NAMES[code]
    if code in CATALOG.document_types:
        return CATALOG.document_types[code].title_fa
    if code in ROLES:
        return ROLES[code].title_fa
    return code


def message_fa(error: DomainError) -> str:
    """The Persian message of ``error``; the code itself when no message is known (never raises)."""
    template = MESSAGES.get(error.code)
    if template is None:
        return error.code
    params: dict[str, object] = {}
    for key, value in error.params.items():
        if isinstance(value, list | tuple | set | frozenset):
            params[key] = _LIST_SEPARATOR.join(_name_of(str(v)) for v in value)
        else:
            params[key] = value
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template
