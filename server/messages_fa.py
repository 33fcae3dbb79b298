"""Persian text for the server's error codes (the client may show these when it has no text of its own)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

MESSAGES: Mapping[str, str] = {
    "auth.required": "برای این کار باید وارد سامانه شوید.",
    "auth.token_invalid": "نشست شما معتبر نیست؛ دوباره وارد شوید.",
    "auth.token_expired": "نشست شما به پایان رسیده است؛ دوباره وارد شوید.",
    "auth.invalid_credentials": "نام کاربری یا گذرواژه نادرست است.",
    "auth.account_locked": "حساب شما به دلیل ورود نادرست پیاپی قفل شده است؛ {minutes_left} دقیقه دیگر دوباره تلاش کنید.",
    "auth.account_disabled": "حساب کاربری شما غیرفعال است.",
    "auth.forbidden": "شما اجازه این کار را ندارید.",
    "auth.workstation_required": "این کار فقط از ایستگاه کاری ثبت‌شده ممکن است.",
    "auth.refresh_invalid": "نشست شما معتبر نیست؛ دوباره وارد شوید.",
    "auth.refresh_expired": "نشست شما به پایان رسیده است؛ دوباره وارد شوید.",
    "auth.refresh_reused": "نشست شما به دلایل امنیتی بسته شد؛ دوباره وارد شوید.",
    "client.update_required": "نسخه برنامه شما قدیمی است؛ لطفاً برنامه را به‌روز کنید. تغییرات ارسال‌نشده شما محفوظ است.",
    "client.version_header_invalid": "نسخه اعلام‌شده برنامه نامعتبر است.",
    "server.update_required": "نسخه کارگزار از برنامه شما قدیمی‌تر است؛ با مدیر سامانه تماس بگیرید.",
    "server.internal": "خطای داخلی کارگزار؛ دوباره تلاش کنید.",
    "request.invalid": "داده‌های ارسال‌شده نامعتبر است.",
    "request.naive_datetime": "زمان باید با منطقه زمانی ارسال شود.",
    "http.not_found": "نشانی درخواستی یافت نشد.",
    "http.method_not_allowed": "این روش درخواست پشتیبانی نمی‌شود.",
    "user.not_found": "کاربر یافت نشد.",
    "user.exists": "نام کاربری «{username}» پیش‌تر ثبت شده است.",
    "user.username_invalid": "نام کاربری باید ۳ تا ۶۴ حرف لاتین کوچک، رقم، نقطه، خط تیره یا زیرخط باشد.",
    "user.last_admin": "دست‌کم یک مدیر سامانه فعال باید باقی بماند.",
    "password.too_short": "گذرواژه باید دست‌کم {min_length} نویسه باشد.",
    "password.mismatch": "دو گذرواژه واردشده یکسان نیست.",
    "password.too_long": "گذرواژه بیش از {max_length} نویسه است.",
    "role.unknown": "نقش «{role}» شناخته نیست.",
    "workstation.not_found": "ایستگاه کاری یافت نشد.",
    "workstation.name_invalid": "نام ایستگاه کاری نامعتبر است.",
    "workstation.name_ambiguous": "چند ایستگاه کاری با نام «{name}» هست؛ شناسه یا شماره را بدهید.",
    "workstation.public_key_invalid": "کلید عمومی ایستگاه کاری نامعتبر است.",
    "workstation.not_pending": "درخواست این ایستگاه کاری پیش‌تر بررسی شده است.",
    "workstation.not_approved": "این ایستگاه کاری تأیید نشده یا لغو شده است.",
    "workstation.proof_invalid": "هویت ایستگاه کاری تأیید نشد.",
    "workstation.proof_expired": "ساعت این رایانه با کارگزار هماهنگ نیست؛ ساعت را تنظیم کنید.",
    "workstation.number_busy": "تخصیص شماره ایستگاه کاری ممکن نشد؛ دوباره تلاش کنید.",
    "workstation.status_invalid": "وضعیت ایستگاه کاری نامعتبر است.",
    "files.hash_invalid": "شناسه پرونده (sha256) نامعتبر است.",
    "files.too_many": "تعداد پرونده‌های پرسیده‌شده بیش از {max} است.",
    "files.size_invalid": "اندازه پرونده مجاز نیست (بیشینه {max_mb} مگابایت).",
    "files.size_mismatch": "اندازه پرونده با بارگذاری قبلی همخوان نیست.",
    "files.upload_unknown": "بارگذاری این پرونده آغاز نشده است.",
    "files.chunk_too_large": "هر بخش بارگذاری حداکثر یک مگابایت است.",
    "files.chunk_corrupt": "بخشی از پرونده در راه آسیب دید؛ دوباره فرستاده می‌شود.",
    "files.offset_mismatch": "بارگذاری از بایت {received} ادامه می‌یابد.",
    "files.too_long": "داده‌ها از اندازه اعلام‌شده پرونده بیشتر است.",
    "files.hash_mismatch": "محتوای پرونده با شناسه آن همخوان نیست و پذیرفته نشد.",
    "files.not_found": "پرونده روی کارگزار نیست.",
    "tiles.not_configured": "نقشه هوایی روی کارگزار تنظیم نشده است.",
    "tiles.file_missing": "پرونده نقشه هوایی روی کارگزار یافت نشد.",
    "tiles.not_found": "این کاشی نقشه موجود نیست.",
    "tiles.out_of_range": "نشانی کاشی نقشه نامعتبر است.",
    "certificate.serial_invalid": "شماره گواهی نامعتبر است.",
    "certificate.reason_required": "دلیل ابطال را بنویسید.",
    "certificate.already_revoked": "این گواهی پیش‌تر ابطال شده است.",
    "verify.unavailable": "سرویس اعتبارسنجی گواهی در دسترس نیست.",
}


def message_for(code: str, params: Mapping[str, Any] | None = None) -> str:
    template = MESSAGES.get(code)
    if template is None:
        return code
    try:
        return template.format(**(params or {}))
    except (KeyError, IndexError, ValueError):
        return template
