"""Persian messages for the error codes the services raise (the domain's own codes are in
``app.domain.messages_fa``). ``message_fa(error)`` looks here first, then in the domain's table.

Also the Persian names of audit actions, for the audit unit's log view.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from app.domain.errors import DomainError
from app.domain.text import to_persian_digits

MESSAGES: Mapping[str, str] = MappingProxyType(
    {
        # log-in and accounts
        "auth.bad_credentials": "نام کاربری یا گذرواژه نادرست است.",
        "auth.locked": "حساب به علت ورود نادرست مکرر قفل شده است؛ {minutes_left} دقیقه دیگر دوباره تلاش کنید.",
        "auth.inactive": "این حساب کاربری غیرفعال است.",
        "auth.forbidden": "شما اجازه این کار را ندارید.",
        "password.too_short": "گذرواژه باید دست‌کم {min_length} نویسه باشد.",
        "password.old_wrong": "گذرواژه فعلی نادرست است.",
        "username.invalid": "نام کاربری فقط از حروف و ارقام لاتین تشکیل می‌شود.",
        "username.taken": "این نام کاربری پیش‌تر ثبت شده است.",
        "full_name.required": "نام و نام خانوادگی کاربر را وارد کنید.",
        "roles.invalid": "نقش‌های کاربر نامعتبر است.",
        "user.not_found": "کاربر پیدا نشد.",
        "admin.cannot_drop_own_admin": "نمی‌توانید نقش مدیر سامانه را از خودتان بگیرید.",
        "admin.cannot_deactivate_self": "نمی‌توانید حساب خودتان را غیرفعال کنید.",
        "capacity.invalid": "ظرفیت روزانه بازدید باید بین ۰ تا ۱۰۰ باشد.",
        "leave.not_found": "مرخصی پیدا نشد.",
        # persons and properties
        "national_id.required": "کد ملی را وارد کنید.",
        "national_id.duplicate": "شخصی با این کد ملی پیش‌تر ثبت شده است.",
        "legal_id.required": "شناسه ملی را وارد کنید.",
        "legal_id.duplicate": "شخص حقوقی با این شناسه ملی پیش‌تر ثبت شده است.",
        "first_name.required": "نام را وارد کنید.",
        "first_name.invalid": "نام نباید رقم داشته باشد.",
        "last_name.required": "نام خانوادگی را وارد کنید.",
        "last_name.invalid": "نام خانوادگی نباید رقم داشته باشد.",
        "father_name.invalid": "نام پدر نباید رقم داشته باشد.",
        "company_name.required": "نام شرکت یا موسسه را وارد کنید.",
        "birth_date.future": "تاریخ تولد نمی‌تواند در آینده باشد.",
        "phone.format": "شماره تلفن نامعتبر است.",
        "person.kind_invalid": "نوع شخص (حقیقی یا حقوقی) را انتخاب کنید.",
        "person.not_found": "متقاضی پیدا نشد.",
        "person.stale_version": "اطلاعات این شخص را کاربر دیگری تغییر داده است؛ دوباره باز کنید.",
        "property.not_found": "ملک پیدا نشد.",
        "property.required": "برای این خدمت ملک را مشخص کنید.",
        "renovation_code.duplicate": "ملکی با این کد نوسازی پیش‌تر ثبت شده است.",
        "deed_area.invalid": "مساحت طبق سند نامعتبر است.",
        # intake
        "intake.not_allowed": "شما اجازه تشکیل پرونده برای این خدمت را ندارید.",
        "intake.day_full": "ظرفیت بازدید این روز تکمیل است؛ روز دیگری انتخاب کنید.",
        "intake.day_past": "روز بازدید نمی‌تواند گذشته باشد.",
        "intake.day_not_working": "روز انتخاب‌شده تعطیل است.",
        "intake.day_required": "روز بازدید را انتخاب کنید.",
        "intake.inspector_on_leave": "مامور بازدید در این روز مرخصی است.",
        "intake.not_an_inspector": "کاربر انتخاب‌شده مامور بازدید نیست.",
        "documents.unknown": "نوع مدرک ناشناخته است.",
        # cases and cartables
        "case.not_found": "پرونده پیدا نشد.",
        "cases.not_allowed": "شما اجازه این کار را روی این پرونده ندارید.",
        "cases.unknown_assignee": "کاربر ارجاع‌گیرنده پیدا نشد یا غیرفعال است.",
        # permit drafts (app/services/permits.py)
        "permits.draft_incomplete": "پیش‌نویس پروانه هنوز کامل نیست؛ این موارد مانده است: {missing}.",
        "permits.fees_unpaid": "پرداخت‌ها کامل نیست: {fees}. در زبانهٔ پیش‌نویس پروانه عوارض را محاسبه کنید، فیش را چاپ و پرداخت را ثبت کنید.",
        "permits.not_allowed": "فقط کارشناس یا رئیس واحد پیش‌نویس پروانه می‌تواند پیش‌نویس را تغییر دهد.",
        "permits.not_a_permit_case": "این پرونده پیش‌نویس پروانه نیست.",
        "permits.field_out_of_range": "این مقدار باید عددی بین {low} و {high} باشد.",
        "permits.engineer_discipline": "رشتهٔ مهندس ناظر را انتخاب کنید.",
        "permits.engineer_name": "نام مهندس ناظر را بنویسید.",
        "permits.engineer_number": "شمارهٔ عضویت نظام مهندسی را درست بنویسید (مانند ۱-۰۱-۱۲۳۴۵).",
        "permits.technical_id_required": "برای تیک «شناسنامه فنی» شمارهٔ شناسنامهٔ فنی ساختمان را بنویسید.",
        "permits.technical_id_format": "شمارهٔ شناسنامهٔ فنی فقط رقم، حرف لاتین و خط تیره دارد (۵ تا ۳۰ نویسه).",
        "permits.unknown_item": "موردی ناشناخته در چک‌لیست است.",
        "facts.invalid_key": "نام اطلاعات پرونده نامعتبر است.",
        "cartable.not_allowed": "شما به کارتابل این واحد دسترسی ندارید.",
        "audit.forbidden": "فقط واحد بازرسی، رئیس دفتر و مدیر سامانه گزارش رویدادها را می‌بینند.",
    }
)

AUDIT_ACTIONS_FA: Mapping[str, str] = MappingProxyType(
    {
        "auth.login": "ورود به سامانه",
        "auth.login_failed": "ورود ناموفق",
        "user.created": "ایجاد کاربر",
        "user.password_set": "تغییر گذرواژه",
        "user.roles_set": "تغییر نقش‌ها",
        "user.active_set": "فعال/غیرفعال کردن کاربر",
        "user.unlocked": "باز کردن قفل حساب",
        "person.registered": "ثبت شخص",
        "person.updated": "ویرایش شخص",
        "property.registered": "ثبت ملک",
        "personal_data.viewed": "مشاهده اطلاعات شخصی",
        "case.opened": "تشکیل پرونده",
        "case.action": "اقدام روی پرونده",
        "case.document_marked": "ثبت دریافت مدرک",
        "case.fact_set": "ثبت اطلاعات پرونده",
        "inspector.capacity_set": "تعیین ظرفیت بازدید",
        "inspector.leave_added": "ثبت مرخصی مامور",
        "inspector.leave_removed": "حذف مرخصی مامور",
        "holiday.set": "ثبت تعطیلی",
        "holiday.removed": "حذف تعطیلی",
        "setting.set": "تغییر تنظیمات",
        "archive.document_scanned": "اسکن و بایگانی سند",
        "archive.document_rescanned": "اسکن دوبارهٔ سند",
        "archive.document_deleted": "حذف سند اسکن‌شده",
        "permits.draft_saved": "ثبت پیش‌نویس پروانه",
        "permits.draft_printed": "چاپ برگ پیش‌نویس پروانه",
        "permits.fees_computed": "محاسبهٔ عوارض پروانه",
        "permits.payment_recorded": "ثبت پرداخت عوارض پروانه",
        "architect_firm.active_set": "تغییر وضعیت شرکت معماری",
        "architect_firm.registered": "ثبت شرکت معماری",
        "audit.exported": "خروجی گرفتن از رویدادنامه",
        "auth.logout": "خروج از سامانه",
        "certificate.approved": "تایید گواهی",
        "certificate.draft_saved": "ثبت پیش‌نویس گواهی",
        "certificate.revoked": "ابطال گواهی",
        "document.printed": "چاپ سند",
        "print.printed": "چاپ سند برای مراجع",
        "print.reprinted": "چاپ المثنی",
        "followup.report_exported": "خروجی گزارش پیگیری",
        "inspection.aerial_attached": "پیوست برش نقشه هوایی",
        "inspection.dispatch_recorded": "ثبت نامه ارسال به منطقه",
        "inspection.located": "جانمایی ملک",
        "inspection.photos_added": "افزودن عکس بازدید",
        "inspection.reassigned": "واگذاری بازدید به بازدیدکنندهٔ دیگر",
        "inspection.visit_saved": "ثبت فرم بازدید و کروکی",
        "renovation.payment_recorded": "ثبت پرداخت نوسازی",
        "renovation.slip_issued": "صدور فیش نوسازی",
        "service.deadline_set": "تغییر مهلت خدمت",
        "signing_key.registered": "ثبت کلید امضای ایستگاه",
        "tariff.removed": "حذف تعرفه",
        "tariff.saved": "ثبت تعرفه",
        "user.renamed": "تغییر نام کاربر",
        "vehicle.payment_recorded": "ثبت پرداخت عوارض خودرو",
        "vehicle.registered": "ثبت خودرو",
        "vehicle.slip_issued": "صدور فیش عوارض خودرو",
        "workstation.setting_set": "تغییر تنظیمات ایستگاه کاری",
    }
)


def message_fa(error: DomainError) -> str:
    """The Persian message of ``error``: ours, else the domain's, else the bare code."""
    template = MESSAGES.get(error.code)
    if template is None:
        from app.domain.messages_fa import message_fa as domain_message

        return domain_message(error)
    try:
        params = {k: to_persian_digits(v) if isinstance(v, int) else v for k, v in error.params.items()}
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template
