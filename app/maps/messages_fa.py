"""Persian messages for the error codes that app.maps raises (the UI shows them; params fill the braces)."""

from __future__ import annotations

MESSAGES_FA: dict[str, str] = {
    "maps.mbtiles_missing": "فایل نقشه پیدا نشد: {path}",
    "maps.mbtiles_invalid": "فایل نقشه خراب است یا قالب MBTiles ندارد: {path}",
    "maps.template_invalid": "نشانی سرویس نقشه ناقص است؛ مقدار {missing} داده نشده است.",
    "maps.tile_fetch_failed": "کاشی نقشه دریافت نشد ({reason}).",
    "maps.sketch_invalid": "کروکی خوانده نشد: {reason}",
    "maps.sketch_version": "این کروکی با نسخهٔ تازه‌تری از برنامه ذخیره شده است.",
    "maps.traverse_invalid": "اندازهٔ ضلع {index} درست نیست.",
    "maps.deed_area_mismatch": "اختلاف مساحت با سند {percent} درصد است؛ بیش از حد مجاز {tolerance} درصد.",
    # the inspection unit's use cases (app.services.inspection), which store the sketch on the case
    "inspection.not_inspector": "ثبت فرم بازدید فقط با مامور بازدید یا رئیس بازدید است.",
    "inspection.not_editable": "پرونده در مرحله «{state}» است؛ فرم بازدید در این مرحله تغییر نمی‌کند.",
    "inspection.number_invalid": "عدد واردشده درست نیست؛ مقدار مثبت به متر یا مترمربع وارد کنید.",
    "inspection.widening_too_large": "میزان در مسیر از مساحت موجود بیشتر است.",
    "inspection.corrected_too_large": "مساحت پس از بر اصلاحی از مساحت موجود بیشتر است.",
    "inspection.street_width_invalid": "عرض گذر باید بین ۱ و ۲۰۰ متر باشد؛ عرض‌ها را با ویرگول جدا کنید.",
    "inspection.boundary_unknown": "جهت حد ناشناخته است.",
    "inspection.boundary_length_invalid": "طول حد باید عددی مثبت به متر باشد.",
    "inspection.floors_invalid": "تعداد طبقات باید بین ۰ و ۱۰۰ باشد.",
    "inspection.use_unknown": "کاربری انتخاب‌شده ناشناخته است.",
    "inspection.violation_kind_unknown": "نوع تخلف را از فهرست انتخاب کنید.",
    "inspection.sketch_open": "مرز قطعه بسته نیست؛ دست‌کم سه گوشه لازم است.",
    "inspection.photos_none": "هیچ عکسی انتخاب نشده است.",
    "inspection.photo_invalid": "این پرونده‌ها عکس نیستند یا خوانده نمی‌شوند: {files}",
    "inspection.photo_too_large": "این عکس‌ها از ۲۵ مگابایت بزرگ‌ترند: {files}",
    "inspection.aerial_empty": "نقشه هوایی ۱:۲۰۰۰ ساخته یا انتخاب نشده است.",
    "inspection.location_outside": "موقعیت ملک بیرون از محدوده است؛ سنجاق جانمایی را روی ملک بگذارید.",
    "inspection.letter_no_required": "شماره نامه ارسال به منطقه را وارد کنید.",
    "inspection.letter_date_required": "تاریخ نامه ارسال به منطقه را وارد کنید.",
    "inspection.letter_date_future": "تاریخ نامه ارسال نمی‌تواند بعد از امروز باشد.",
    "inspection.deficiency_unknown": "مدرک ناشناخته در فهرست کسری: {items}",
    "inspection.deficiency_empty": "بنویسید چه چیزی کسری است؛ بدون شرح کسری، پرونده برگشت داده نمی‌شود.",
    "inspection.appointment_not_found": "نوبت بازدید پیدا نشد.",
    "inspection.appointment_closed": "این بازدید انجام یا لغو شده است و جابه‌جا نمی‌شود.",
    "inspection.inspector_full": "ظرفیت بازدید {name} در آن روز پر است.",
}

# The UI looks codes up in ``app.<area>.messages_fa.MESSAGES``.
MESSAGES = MESSAGES_FA


def message_fa(code: str, **params: object) -> str:
    template = MESSAGES_FA.get(code)
    if template is None:
        return code
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template
