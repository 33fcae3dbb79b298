"""Vehicle charges (unit 11): Iranian car plates, the annual traffic-zone sticker's fee, replacement, refund, and the
camera-fine objection deadline.

A private-car plate reads, left to right: two digits, a Persian letter, three digits, then the region code (two
digits) under «ایران»: «۱۲ ب ۳۴۵ ایران ۶۷». ``parse_plate`` takes what a clerk types (Persian, Arabic or ASCII
digits; the letter in Persian or Arabic form; any separators; «ایران» or not); ``Plate.display()`` shows it in that
order inside a left-to-right isolate.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType

from app.domain.dates import JalaliDate, WorkCalendar, is_leap_year
from app.domain.rules.common import RuleError, floor_rials, round_down_for_slip
from app.domain.rules.tariffs import TariffYear
from app.domain.rules.worktime import Counting, DeadlineStatus, deadline_after, deadline_status
from app.domain.text import LRI, PDI, digits_to_ascii, normalize, to_persian_digits

# Plate letters in use, by kind of vehicle (editable knowledge: the police add letters from time to time).
PLATE_LETTERS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        **{letter: ("private", "شخصی") for letter in ("ب", "ج", "د", "س", "ص", "ط", "ق", "ل", "م", "ن", "و", "ه", "ی")},
        "ت": ("taxi", "تاکسی"),
        "ع": ("public", "حمل‌ونقل عمومی"),
        "الف": ("government", "دولتی"),
        "پ": ("police", "انتظامی"),
        "ث": ("irgc", "سپاه"),
        "ز": ("defence_ministry", "وزارت دفاع"),
        "ش": ("army", "ارتش"),
        "ژ": ("veterans", "جانبازان و معلولان"),
        "ک": ("agricultural", "کشاورزی"),
    }
)
IRAN_WORD = "ایران"
MIN_REGION, MAX_REGION = 10, 99
DEFAULT_CAMERA_OBJECTION_DAYS = 60
"""Traffic police state that a camera fine can be objected to up to 60 days after it is registered (unconfirmed
as law: a setting)."""

_LRM = "\u200e"
_LETTER_ALIASES = {"هـ": "ه", "ة": "ه", "ا": "الف", "آ": "الف", "ي": "ی", "ى": "ی", "ك": "ک"}
_LETTERS_PATTERN = "|".join(sorted((re.escape(x) for x in (*PLATE_LETTERS, *_LETTER_ALIASES)), key=len, reverse=True))
_NOISE = re.compile(r"[\s\-_|/\\.,:()\[\]\u200c\u200d\u200e\u200f\u2066-\u2069\u0640]+")
_TOKENS = re.compile(rf"(\d+)|({re.escape(IRAN_WORD)}|ايران|IR)|({_LETTERS_PATTERN})", re.IGNORECASE)


@dataclass(frozen=True, slots=True, order=True)
class Plate:
    """``two`` and ``three`` are the digit groups as ASCII text (leading zeros kept), ``region`` 10–99."""

    two: str
    letter: str
    three: str
    region: int

    def __post_init__(self) -> None:
        if not (len(self.two) == 2 and self.two.isascii() and self.two.isdigit()):
            raise RuleError("plate.format", field="plate")
        if not (len(self.three) == 3 and self.three.isascii() and self.three.isdigit()):
            raise RuleError("plate.format", field="plate")
        if self.letter not in PLATE_LETTERS:
            raise RuleError("plate.letter", field="plate", letter=self.letter)
        if not MIN_REGION <= self.region <= MAX_REGION:
            raise RuleError("plate.region", field="plate", region=self.region)
        if self.two == "00" or self.three == "000":
            raise RuleError("plate.format", field="plate")

    @property
    def kind(self) -> str:
        return PLATE_LETTERS[self.letter][0]

    @property
    def kind_fa(self) -> str:
        return PLATE_LETTERS[self.letter][1]

    def key(self) -> str:
        """The stored form: ``12ب345-67`` (ASCII digits, the Persian letter)."""
        return f"{self.two}{self.letter}{self.three}-{self.region:02d}"

    def display(self, *, persian_digits: bool = True, with_iran: bool = True) -> str:
        """«۱۲ ب ۳۴۵ ایران ۶۷» in a left-to-right isolate (LRI, not FSI: the first strong character is the Persian
        letter, so a first-strong isolate would turn the plate right to left). An LRM after the letter and after
        «ایران» keeps the following digits from joining the Persian run, which would reverse the groups."""
        fmt = to_persian_digits if persian_digits else str
        tail = f"{IRAN_WORD}{_LRM} {fmt(self.region)}" if with_iran else f"- {fmt(self.region)}"
        return f"{LRI}{fmt(self.two)} {self.letter}{_LRM} {fmt(self.three)} {tail}{PDI}"

    def __str__(self) -> str:
        return self.key()


def parse_plate(text: str | None) -> Plate:
    """A plate from typed or pasted text; raises ``RuleError`` with ``plate.format``, ``plate.letter`` or
    ``plate.region``.

    Accepted: ``12ب34567``, ``۱۲ ب ۳۴۵ ایران ۶۷``, ``12-ب-345-67``, ``ایران ۶۷ ۱۲ب۳۴۵`` (region first),
    ``ایران ۶۷ ۳۴۵ ب ۱۲`` (read right to left), ``12 هـ 345 | 67`` and the stored ``12ب345-67``.
    """
    cleaned = _NOISE.sub(" ", digits_to_ascii(normalize(text or "").replace("هـ", "ه"))).strip()
    if not cleaned:
        raise RuleError("plate.format", field="plate")
    tokens: list[tuple[str, str]] = []
    position = 0
    for match in _TOKENS.finditer(cleaned):
        gap = cleaned[position : match.start()].strip()
        if gap:
            raise RuleError("plate.letter", field="plate", letter=gap)
        position = match.end()
        if match.group(1):
            tokens.append(("d", match.group(1)))
        elif match.group(2):
            tokens.append(("iran", ""))
        else:
            tokens.append(("l", match.group(3)))
    if cleaned[position:].strip():
        raise RuleError("plate.letter", field="plate", letter=cleaned[position:].strip())
    region_first = bool(tokens) and tokens[0][0] == "iran"
    tokens = [t for t in tokens if t[0] != "iran"]
    kinds = "".join(k for k, _ in tokens)
    values = [v for _, v in tokens]
    lengths = tuple(len(v) for v in values)
    if kinds == "ddld" and lengths[0] == 2 and lengths[1] == 3 and lengths[3] == 2:
        # read right to left off the plate: «ایران ۶۷ ۳۴۵ ب ۱۲»
        region_text, three, letter, two = values
    elif kinds == "ddld" and lengths[0] == 2:
        region_text, two, letter, three = values
    elif region_first and kinds == "dld" and lengths[0] == 4:  # «ایران ۶۷۱۲ ب ۳۴۵»: region and two glued
        region_text, two, letter, three = values[0][:2], values[0][2:], values[1], values[2]
    elif kinds == "dldd":
        two, letter, three, region_text = values
    elif kinds == "dld" and len(values[2]) == 5:
        two, letter, three, region_text = values[0], values[1], values[2][:3], values[2][3:]
    else:
        raise RuleError("plate.format", field="plate")
    letter = _LETTER_ALIASES.get(letter, letter)
    if len(two) != 2 or len(three) != 3 or len(region_text) != 2:
        raise RuleError("plate.format", field="plate")
    return Plate(two, letter, three, int(region_text))


def is_valid_plate(text: str | None) -> bool:
    try:
        parse_plate(text)
    except RuleError:
        return False
    return True


# ---------------------------------------------------------------------------------------------------------------------
# The annual traffic-zone sticker


class ReplacementReason(StrEnum):
    LOST = "lost"
    DAMAGED = "damaged"


REPLACEMENT_TITLES_FA: Mapping[ReplacementReason, str] = MappingProxyType(
    {ReplacementReason.LOST: "مفقودی", ReplacementReason.DAMAGED: "خرابی یا آسیب‌دیدگی"}
)
REPLACEMENT_DOCUMENTS: Mapping[ReplacementReason, tuple[str, ...]] = MappingProxyType(
    {
        # A damaged sticker is handed back, so that two valid stickers never circulate for one car.
        ReplacementReason.DAMAGED: ("vehicle_card", "id_documents", "previous_sticker"),
        ReplacementReason.LOST: ("vehicle_card", "id_documents"),
    }
)


def sticker_fee(tariff: TariffYear) -> int:
    """The year's sticker fee, for the slip (rounded down to 1,000 rials)."""
    return round_down_for_slip(tariff.sticker_annual_fee)


def replacement_fee(tariff: TariffYear, reason: ReplacementReason | str) -> int:
    try:
        key = ReplacementReason(reason)
    except ValueError:
        raise RuleError("sticker.reason", field="reason", reason=str(reason)) from None
    return round_down_for_slip(tariff.replacement_fee(key.value))


def jalali_year_bounds(year: int) -> tuple[dt.date, dt.date]:
    """First and last Gregorian day of a Jalali year."""
    first = JalaliDate(year, 1, 1).to_gregorian()
    last = JalaliDate(year, 12, 30 if is_leap_year(year) else 29).to_gregorian()
    return first, last


@dataclass(frozen=True, slots=True)
class Refund:
    sticker_year: int
    days_in_year: int
    unused_days: int
    fee_paid: int
    pro_rata: int
    deduction: int
    amount: int


def sticker_refund(tariff: TariffYear, fee_paid: int, requested_on: dt.date) -> Refund:
    """Refund of a sticker for ``tariff.year`` asked for on ``requested_on``.

    Unused period: the days after the request day to the end of the sticker's Jalali year (the request day
    counts as used: the sticker was valid on it). Refund = fee paid × unused days / days in the year, rounded down
    to a rial, minus the tariff's deduction, never below zero, rounded down to 1,000 rials for the payment order.
    A request before the year starts refunds the whole fee (less the deduction); after the year ends there is
    nothing left to refund.
    """
    if fee_paid < 0:
        raise RuleError("rules.negative", field="fee_paid", value=str(fee_paid))
    first, last = jalali_year_bounds(tariff.year)
    days_in_year = (last - first).days + 1
    if requested_on > last:
        raise RuleError("sticker.year_over", field="requested_on", year=tariff.year)
    unused = days_in_year if requested_on < first else (last - requested_on).days
    pro_rata = floor_rials(Decimal(fee_paid) * unused / days_in_year)
    deduction = tariff.sticker_refund_deduction
    amount = round_down_for_slip(max(0, pro_rata - deduction))
    return Refund(tariff.year, days_in_year, unused, fee_paid, pro_rata, deduction, amount)


# ---------------------------------------------------------------------------------------------------------------------
# Camera fines


def camera_fine_objection_deadline(
    fine_date: dt.date,
    *,
    days: int = DEFAULT_CAMERA_OBJECTION_DAYS,
    counting: Counting = Counting.CALENDAR,
    calendar: WorkCalendar | None = None,
) -> dt.date:
    """The last day to object to a camera fine registered on ``fine_date``."""
    return deadline_after(fine_date, days, counting=counting, calendar=calendar)


def camera_fine_objection_status(
    fine_date: dt.date,
    today: dt.date,
    *,
    days: int = DEFAULT_CAMERA_OBJECTION_DAYS,
    counting: Counting = Counting.CALENDAR,
    calendar: WorkCalendar | None = None,
) -> DeadlineStatus:
    deadline = camera_fine_objection_deadline(fine_date, days=days, counting=counting, calendar=calendar)
    return deadline_status(deadline, today, counting=counting, calendar=calendar)
