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
}


def message_fa(code: str, **params: object) -> str:
    template = MESSAGES_FA.get(code)
    if template is None:
        return code
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template
