"""Persian messages for the scanner's error codes: each says what happened and what to do next.

The UI shows these for a ScannerError (app/ui/messages.py may route its scanner.* codes here).
"""

from __future__ import annotations

from typing import Any

from app.scanner import base

MESSAGES: dict[str, str] = {
    base.NO_DEVICE: "اسکنر پیدا نشد. کابل و برق دستگاه را بررسی کنید، دستگاه را روشن کنید و دوباره «جست‌وجوی دستگاه» را بزنید.",
    base.PAPER_JAM: "کاغذ در دستگاه گیر کرده است. کاغذ را آزاد کنید و ادامه را بزنید؛ صفحه‌های قبلی ذخیره شده‌اند.",
    base.COVER_OPEN: "درِ اسکنر باز است یا دستگاه آماده نیست. در را ببندید، چراغ آماده‌بودن دستگاه را ببینید و دوباره اسکن کنید؛ صفحه‌های قبلی ذخیره شده‌اند.",
    base.CANCELLED: "اسکن لغو شد. صفحه‌هایی که تا این لحظه اسکن شده‌اند نگه داشته شده‌اند.",
    base.NO_PAPER: "کاغذی در سینی ورودی نیست. برگه‌ها را در سینی بگذارید و دوباره اسکن کنید.",
    base.BUSY: "اسکنر در حال کار با برنامهٔ دیگری است. چند لحظه صبر کنید یا برنامهٔ دیگر را ببندید و دوباره امتحان کنید.",
    base.IO_ERROR: "ارتباط با اسکنر قطع شد. کابل یا شبکه را بررسی کنید، دستگاه را خاموش و روشن کنید و ادامه را بزنید؛ صفحه‌های قبلی ذخیره شده‌اند.",
    base.UNSUPPORTED: "این دستگاه تنظیم خواسته‌شده را پشتیبانی نمی‌کند (اندازهٔ کاغذ، وضوح یا حالت رنگ). نمایهٔ اسکن دیگری انتخاب کنید.",
    base.ACCESS_DENIED: "اجازهٔ دسترسی به اسکنر وجود ندارد. از مسئول فنی بخواهید دسترسی این کاربر به دستگاه را برقرار کند.",
    base.OUT_OF_MEMORY: "حافظهٔ رایانه یا دستگاه کافی نیست. وضوح کمتری انتخاب کنید یا برنامه‌های دیگر را ببندید.",
    base.DRIVER_MISSING: "راه‌انداز (درایور) اسکنر روی این رایانه نصب نیست. از مسئول فنی بخواهید درایور دستگاه را نصب کند.",
    base.FILE_UNREADABLE: "پرونده «{path}» خوانده نشد یا خراب است. پرونده را دوباره از منبع بگیرید؛ چیزی به پرونده اضافه نشد.",
    base.FILE_UNSUPPORTED: "قالب پرونده «{path}» پشتیبانی نمی‌شود. فقط PDF، TIFF، JPEG و PNG را می‌توان وارد کرد.",
    base.DOUBLE_FEED: "دو برگ با هم وارد دستگاه شده‌اند. برگه‌ها را جدا کنید و ادامه را بزنید؛ صفحه‌های قبلی ذخیره شده‌اند.",
    # the archive service (app/services/archive.py): its codes live here beside the scanner's
    "archive.corrupt_file": "این پرونده یک PDF سالم نیست و خوانده نشد. پرونده را دوباره از منبع بگیرید یا دوباره اسکن کنید؛ چیزی به پرونده اضافه نشد.",
    "archive.unknown_type": "نوع سند را انتخاب کنید.",
    "archive.not_allowed": "فقط کارشناس بایگانی یا کارشناس مرحلهٔ فعلی پرونده می‌تواند در این پرونده سند بایگانی کند.",
    "archive.document_not_found": "این سند در پرونده پیدا نشد؛ شاید کاربر دیگری آن را حذف کرده است. فهرست را تازه کنید.",
    "archive.file_not_here": "فایل این سند هنوز به این رایانه نرسیده است. پس از همگام‌سازی با سرور دوباره باز کنید.",
    "archive.no_files": "پرونده‌ای برای ورود انتخاب نشده است.",
    "archive.no_pages": "در پرونده‌های انتخاب‌شده صفحه‌ای پیدا نشد.",
    "archive.pile_unassigned": "این صفحه‌ها به پرونده‌ای نمی‌رسند: {groups}. برگ جداکنندهٔ درست را جلوی آن‌ها بگذارید یا صفحه‌های پیش از نخستین برگ جداکننده را حذف کنید و دوباره تفکیک کنید؛ چیزی ذخیره نشد.",
    "archive.pile_empty": "پشت برگ‌های جداکننده صفحه‌ای نیست. مدارک هر پرونده را پشت برگ جداکنندهٔ آن بگذارید و دوباره اسکن کنید.",
    "archive.no_case": "نخست پرونده‌ای را از صف انتخاب کنید.",
}

FALLBACK = "خطای اسکنر ({code}). دستگاه را بررسی کنید و دوباره امتحان کنید."


def message_for(code: str, **params: Any) -> str:
    """The Persian message for ``code``, with ``params`` filled in where the text names them."""
    template = MESSAGES.get(code)
    if template is None:
        return FALLBACK.format(code=code)
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template
