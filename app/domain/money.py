"""Money: integer rials stored, rials or tomans shown with Persian digits, amounts in Persian words."""

from __future__ import annotations

from app.domain.errors import ValidationError
from app.domain.text import is_ascii_digits, only_digits, to_persian_digits

PERSIAN_THOUSANDS_SEPARATOR = "٬"

_ONES = ("", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه")
_TEENS = ("ده", "یازده", "دوازده", "سیزده", "چهارده", "پانزده", "شانزده", "هفده", "هجده", "نوزده")
_TENS = ("", "", "بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود")
_HUNDREDS = ("", "یکصد", "دویست", "سیصد", "چهارصد", "پانصد", "ششصد", "هفتصد", "هشتصد", "نهصد")
# Up to 10^15 − 1. Beyond «هزار میلیارد» usage splits (تریلیون is 10^12 in Iran's short scale, 10^18 in the long
# scale), so larger amounts are refused rather than written ambiguously on paper.
_SCALES = ("", "هزار", "میلیون", "میلیارد", "هزار میلیارد")


def _below_thousand(n: int) -> list[str]:
    parts: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        parts.append(_HUNDREDS[hundreds])
    if 10 <= rest < 20:
        parts.append(_TEENS[rest - 10])
    else:
        tens, ones = divmod(rest, 10)
        if tens:
            parts.append(_TENS[tens])
        if ones:
            parts.append(_ONES[ones])
    return parts


def number_in_words(n: int) -> str:
    """Persian words for a whole number: 1_250_000 → «یک میلیون و دویست و پنجاه هزار»."""
    if n == 0:
        return "صفر"
    if n < 0:
        return "منفی " + number_in_words(-n)
    groups: list[str] = []
    scale = 0
    whole = n
    while n:
        n, chunk = divmod(n, 1000)
        if chunk:
            if scale >= len(_SCALES):
                raise ValidationError("money.too_large", field="amount")
            words = " و ".join(_below_thousand(chunk))
            # «هزار» alone reads better than «یک هزار» at the head of an amount (1,001 → «هزار و یک»); inside a
            # larger one «یک هزار» avoids the ambiguous «یک میلیون و هزار».
            if scale == 1 and chunk == 1 and whole < 1_000_000:
                words = ""
            name = _SCALES[scale]
            groups.append(f"{words} {name}".strip() if name else words)
        scale += 1
    return " و ".join(reversed(groups))


def rials_in_words(amount: int) -> str:
    """«یک میلیون و دویست و پنجاه هزار» for 1,250,000 (the unit word is added by the caller's template)."""
    return number_in_words(int(amount))


def group_digits(n: int, separator: str = PERSIAN_THOUSANDS_SEPARATOR) -> str:
    return f"{n:,}".replace(",", separator)


def format_rials(amount: int, *, persian_digits: bool = True, unit: bool = True) -> str:
    """``۱٬۲۵۰٬۰۰۰ ریال``."""
    text = group_digits(int(amount)) if persian_digits else f"{int(amount):,}"
    text = to_persian_digits(text) if persian_digits else text
    return f"{text} ریال" if unit else text


def format_tomans(amount_rials: int, *, persian_digits: bool = True) -> str:
    """Tomans are what people say; the figure is rounded down to a whole toman. ``۱۲۵٬۰۰۰ تومان``."""
    tomans = int(amount_rials) // 10
    text = group_digits(tomans) if persian_digits else f"{tomans:,}"
    return f"{to_persian_digits(text) if persian_digits else text} تومان"


def parse_rials(text: str | None) -> int:
    """Integer rials from what a clerk types: Persian digits, any thousands separators.

    A minus sign or dash is refused rather than dropped as a separator: «-5» must not become 5 rials.
    """
    if any(c in (text or "") for c in "-\u2212\u2010\u2011\u2012\u2013\u2014"):
        raise ValidationError("money.format", field="amount")
    digits = only_digits((text or "").replace(",", "").replace(PERSIAN_THOUSANDS_SEPARATOR, "").replace("،", ""))
    if not is_ascii_digits(digits):
        raise ValidationError("money.format", field="amount")
    return int(digits)
