"""Persian text for the codes this package raises or records, for the UI's status bar and Conflicts panel."""

from __future__ import annotations

from typing import Any

MESSAGES: dict[str, str] = {
    "sync.offline": "ارتباط با سرور برقرار نیست؛ کار به‌صورت محلی ادامه دارد و تغییرات بعداً ارسال می‌شود.",
    "sync.update_required": "این نسخه برنامه دیگر پشتیبانی نمی‌شود؛ لطفاً برنامه را به‌روز کنید. تغییرات ارسال‌نشده محفوظ است.",
    "sync.server_update_required": "نسخه سرور از این برنامه قدیمی‌تر است؛ با مدیر سامانه تماس بگیرید.",
    "sync.login_required": "برای همگام‌سازی دوباره وارد شوید.",
    "sync.not_enrolled": "این رایانه هنوز در سرور ثبت نشده است.",
    "sync.server_error": "سرور در پردازش تغییرات خطا داد؛ دوباره تلاش می‌شود.",
    "sync.keyring_unavailable": "کلیدساز امن سیستم در دسترس نیست؛ نشست فقط تا بستن برنامه نگه داشته می‌شود.",
    "sync.action_conflict": "اقدام «{action}» انجام نشد: پرونده پیش‌تر توسط {other_user} ({other_action}) تغییر کرده بود.",
    "sync.action_after_refused": "اقدام «{action}» انجام نشد، چون اقدام قبلی روی همین پرونده پذیرفته نشد.",
    "sync.unit_forbidden": "این تغییر مربوط به واحدی است که کاربر عضو آن نیست و پذیرفته نشد.",
    "sync.entity_not_allowed": "این نوع تغییر از ایستگاه کاری پذیرفته نمی‌شود.",
    "sync.foreign_workstation": "ایستگاه کاری فقط برای خودش می‌تواند کلید امضا ثبت کند؛ این تغییر پذیرفته نشد.",
    "sync.case_unknown": "پرونده در سرور یافت نشد.",
    "sync.apply_failed": "یک رکورد دریافتی از سرور با داده محلی ناسازگار بود و کنار گذاشته شد.",
    "sync.file_missing": "فایل پیوست هنوز به سرور نرسیده است.",
    "sync.file_corrupt": "فایل دریافتی با شناسه‌اش نمی‌خواند و پذیرفته نشد.",
    "sync.file_unavailable": "فایل در این رایانه نیست و سرور هم در دسترس نیست.",
    "sync.malformed_entry": "این تغییر در سرور خوانا نبود و پذیرفته نشد؛ با پشتیبانی تماس بگیرید.",
    "sync.server_owned": "حساب‌های کاربری در سرور مرکزی نگهداری می‌شود و از این رایانه ارسال نمی‌شود.",
    "sync.immutable": "این رکورد پس از ثبت تغییرپذیر نیست و تغییر آن پذیرفته نشد.",
    "sync.case_missing": "این رکورد به پرونده‌ای اشاره ندارد و پذیرفته نشد.",
    "hlc.invalid": "مهر زمانی این تغییر نامعتبر بود و پذیرفته نشد.",
    "hlc.clock_too_far_ahead": "ساعت این رایانه جلوتر از سرور است؛ زمان تغییرات اصلاح و دوباره ارسال می‌شود.",
    "workflow.role_not_allowed": "کاربر اجازه این اقدام را در سرور ندارد.",
    "workflow.wrong_state": "پرونده دیگر در مرحله‌ای نیست که این اقدام در آن مجاز است.",
    "workflow.guard_failed": "شرایط این اقدام در سرور برقرار نبود.",
}


def message_for(code: str, params: dict[str, Any] | None = None) -> str:
    text = MESSAGES.get(code, code)
    try:
        return text.format(**(params or {}))
    except (KeyError, IndexError, ValueError):
        return text
