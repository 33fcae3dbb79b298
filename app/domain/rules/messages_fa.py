"""Persian messages for every code that ``app.domain.rules`` raises or reports (errors, plan-order breaches, audit
alerts). ``message_fa`` falls back to ``app.domain.messages_fa`` for the domain's other codes.

Params are shown the Persian way: amounts as rials with Persian digits, numbers with Persian digits, lists joined
with «، » (breach codes by their short Persian names).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from app.domain.errors import DomainError
from app.domain.messages_fa import message_fa as domain_message_fa
from app.domain.money import format_rials
from app.domain.text import to_persian_digits

MESSAGES: Mapping[str, str] = MappingProxyType(
    {
        # shared
        "rules.not_a_number": "مقدار «{value}» عدد معتبری نیست.",
        "rules.negative": "مقدار نمی‌تواند منفی باشد.",
        "rules.not_positive": "مقدار باید بزرگ‌تر از صفر باشد.",
        "rules.naive_time": "زمان رویداد بدون منطقه زمانی ثبت شده است.",
        # tariffs
        "tariff.invalid": "جدول تعرفه نامعتبر است (مورد: {field}).",
        "tariff.format": "قالب فایل تعرفه شناخته نشد.",
        "tariff.no_price": "برای محل «{location}» قیمتی در جدول تعرفه تعریف نشده است.",
        "tariff.unknown_key": "«{key}» در جدول تعرفه تعریف نشده است.",
        "tariff.year_missing": "جدول تعرفه سال {year} تعریف نشده است.",
        # renovation levy and charges
        "levy.no_area": "مساحت عرصه یا اعیان را وارد کنید.",
        "levy.years": "سال پایان نباید پیش از سال شروع باشد.",
        "levy.payment_outside_period": "پرداخت سال {year} خارج از دوره محاسبه است.",
        "levy.no_facts_for_year": "مشخصات ملک برای سال {year} ثبت نشده است.",
        "levy.dues_outstanding": "صدور مفاصا حساب ممکن نیست: عوارض سال‌های {years} به مبلغ {amount} پرداخت نشده است.",
        # office time and deadlines
        "worktime.hours": "ساعت پایان کار باید بعد از ساعت شروع باشد.",
        "deadline.days": "مهلت باید دست‌کم یک روز باشد.",
        # violations and Article 100
        "violation.unknown_kind": "نوع تخلف «{kind}» تعریف نشده است.",
        "violation.whole_spaces": "تعداد کسری پارکینگ باید عدد صحیح باشد.",
        "violation.no_area_fine": "برای این نوع تخلف جریمه بر اساس متراژ محاسبه نمی‌شود.",
        "violation.fine_out_of_range": "مبلغ جریمه ({fine}) خارج از محدوده قانونی ({minimum} تا {maximum}) است.",
        "violation.ruling_number": "شماره رای را وارد کنید.",
        "violation.served_before_ruling": "تاریخ ابلاغ نمی‌تواند پیش از تاریخ رای باشد.",
        "violation.fine_mismatch": "مبلغ جریمه فقط برای رای جریمه وارد می‌شود و در آن الزامی است.",
        "article100.filed_before_service": "تاریخ اعتراض نمی‌تواند پیش از تاریخ ابلاغ رای باشد.",
        "article100.objection_late": "مهلت {days} روزه اعتراض در تاریخ {deadline} به پایان رسیده است.",
        # zones
        "zone.code": "کد پهنه «{zone}» نامعتبر است (نمونه: R112).",
        "zone.unknown": "پهنه «{zone}» در فهرست پهنه‌ها نیست.",
        "zone.unknown_use": "کاربری «{use}» تعریف نشده است.",
        "zone.limits": "سقف تراکم، طبقات یا سطح اشغال پهنه «{zone}» نامعتبر است.",
        "zone.invalid": "اطلاعات پهنه «{value}» ناقص یا نامعتبر است.",
        "zone.duplicate": "کد پهنه تکراری است.",
        # plan order
        "plan_order.no_use": "دست‌کم یک کاربری مجاز در دستور نقشه لازم است.",
        "plan_order.coverage_over_100": "سطح اشغال نمی‌تواند بیش از ۱۰۰ درصد باشد.",
        "plan_order.footprint_over_total": "سطح اشغال پیشنهادی از کل زیربنا بیشتر است.",
        "plan_order.breaches": "نقشه پیشنهادی با دستور نقشه مغایرت دارد: {breaches}.",
        "plan_order.density_unreachable": (
            "تراکم {proposed} درصد با این تعداد طبقه و سطح اشغال ({allowed} درصد) دست‌یافتنی نیست."
        ),
        "plan_order.zone_mismatch": "کد پهنه دستور نقشه ({proposed}) با پهنه ملک ({allowed}) یکی نیست.",
        "plan_order.use_not_in_zone": "کاربری «{proposed}» در این پهنه مجاز نیست.",
        "plan_order.density_over_zone": "تراکم دستور نقشه ({proposed} درصد) بیش از سقف پهنه ({allowed} درصد) است.",
        "plan_order.floors_over_zone": "تعداد طبقات دستور نقشه ({proposed}) بیش از سقف پهنه ({allowed}) است.",
        "plan_order.coverage_over_zone": "سطح اشغال دستور نقشه ({proposed} درصد) بیش از سقف پهنه ({allowed} درصد) است.",
        "plan_order.use_not_permitted": "کاربری «{proposed}» در دستور نقشه مجاز نیست.",
        "plan_order.floors_exceeded": "تعداد طبقات ({proposed}) بیش از مجاز ({allowed}) است.",
        "plan_order.density_exceeded": "زیربنای کل ({proposed} مترمربع) بیش از تراکم مجاز ({allowed} مترمربع) است.",
        "plan_order.coverage_exceeded": "سطح اشغال ({proposed} مترمربع) بیش از مجاز ({allowed} مترمربع) است.",
        "plan_order.parking_short": "تعداد پارکینگ ({proposed}) کمتر از حداقل لازم ({allowed}) است.",
        "plan_order.height_exceeded": "ارتفاع ({proposed} متر) بیش از مجاز ({allowed} متر) است.",
        "plan_order.height_missing": "ارتفاع ساختمان را وارد کنید (حداکثر مجاز {allowed} متر).",
        # vehicles
        "plate.format": "پلاک نامعتبر است (نمونه: ۱۲ ب ۳۴۵ ایران ۶۷).",
        "plate.letter": "حرف پلاک «{letter}» مجاز نیست.",
        "plate.region": "کد منطقه پلاک ({region}) باید بین ۱۰ تا ۹۹ باشد.",
        "sticker.reason": "علت تعویض آرم «{reason}» تعریف نشده است.",
        "sticker.year_over": "سال اعتبار آرم {year} به پایان رسیده و مبلغی برای عودت باقی نمانده است.",
        # follow-up and audit
        "progress.policy": "مهلت‌های مراحل نامعتبر است.",
        "progress.range": "تاریخ پایان نباید پیش از تاریخ شروع باشد.",
        "audit.settings": "تنظیمات هشدار نامعتبر است.",
        "audit.views_outside_unit": (
            "{user}: {count} بار مشاهده اطلاعات شخصی پرونده‌های واحدهای دیگر در {window_minutes} دقیقه."
        ),
        "audit.odd_hours": "{user}: {count} اقدام خارج از ساعت اداری در روز {day}.",
        "audit.repeated_reprints": "گواهی {certificate}: {count} بار چاپ مجدد.",
    }
)

# Short names of breaches, for one-line lists.
BREACH_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "plan_order.use_not_permitted": "کاربری غیرمجاز",
        "plan_order.floors_exceeded": "طبقات مازاد",
        "plan_order.density_exceeded": "مازاد تراکم",
        "plan_order.coverage_exceeded": "مازاد سطح اشغال",
        "plan_order.parking_short": "کسری پارکینگ",
        "plan_order.height_exceeded": "مازاد ارتفاع",
        "plan_order.height_missing": "ارتفاع نامشخص",
    }
)

_MONEY_PARAMS = frozenset({"amount", "fine", "minimum", "maximum"})
_SEPARATOR = "، "


def _show(key: str, value: object) -> str:
    if isinstance(value, list | tuple | set | frozenset):
        return _SEPARATOR.join(BREACH_NAMES.get(str(v), to_persian_digits(v)) for v in value)
    if key in _MONEY_PARAMS and isinstance(value, int) and not isinstance(value, bool):
        return format_rials(value)
    return to_persian_digits(value)


def fill(code: str, params: Mapping[str, object]) -> str:
    """The Persian message of ``code`` filled from ``params``; the code itself when unknown (never raises)."""
    template = MESSAGES.get(code)
    if template is None:
        return code
    try:
        return template.format(**{k: _show(k, v) for k, v in params.items()})
    except (KeyError, IndexError, ValueError):
        return template


def message_fa(error: DomainError) -> str:
    """For an error from ``app.domain.rules`` or from the rest of the domain."""
    if error.code in MESSAGES:
        return fill(error.code, error.params)
    return domain_message_fa(error)
