"""Tracking numbers (کد رهگیری) that stay unique when workstations work offline.

``OOOO YY WWW SSSSSS C``: office code (4 digits), Jalali year mod 100 (2), workstation number (3), a per-workstation
per-year sequence (6), and a Damm check digit. Each workstation owns its number within the office, so two machines
can never produce the same number without talking to each other. Pure digits: a Code 128 barcode (compact in its
numeric subset C) and a USB barcode reader that types into any field carry it unchanged.

The Damm algorithm catches every single-digit error and every transposition of adjacent digits (a Luhn digit misses
09↔90), which are the errors of people typing numbers read off paper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain.errors import ValidationError
from app.domain.text import digits_to_ascii

# The totally anti-symmetric quasigroup of order 10 (Damm 2004), as published.
_DAMM = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)

LENGTH = 16
MAX_WORKSTATION = 999
MAX_SEQUENCE = 999_999
_SEPARATORS = re.compile(r"[\s\-_/.\u200c\u200e\u200f\u2066-\u2069]")


def damm_digit(digits: str) -> str:
    """The Damm check digit of an ASCII digit string."""
    interim = 0
    for ch in digits:
        interim = _DAMM[interim][ord(ch) - 48]
    return str(interim)


def damm_valid(digits: str) -> bool:
    """True when ``digits`` (check digit last) passes the Damm check."""
    return digits.isascii() and digits.isdigit() and damm_digit(digits) == "0"


@dataclass(frozen=True, slots=True)
class TrackingParts:
    office_code: str
    year: int
    """Jalali year mod 100 (``4`` for 1404)."""
    workstation_no: int
    sequence: int
    check: int

    def jalali_year(self, century: int = 1400) -> int:
        """The full Jalali year, assuming ``century`` (numbers older than a century are not tracked)."""
        return century + self.year


def make_tracking_number(office_code: str, jalali_year: int, workstation_no: int, sequence: int) -> str:
    """16 ASCII digits. ``office_code`` is 4 digits (``0101``); ``workstation_no`` 1..999; ``sequence`` 1..999999."""
    office = digits_to_ascii(office_code or "").strip()
    if not (len(office) == 4 and office.isascii() and office.isdigit()):
        raise ValidationError("tracking.office_code", field="office_code", value=office_code)
    if not 1 <= workstation_no <= MAX_WORKSTATION:
        raise ValidationError("tracking.workstation", field="workstation_no", value=workstation_no)
    if not 1 <= sequence <= MAX_SEQUENCE:
        raise ValidationError("tracking.sequence_exhausted", field="sequence", value=sequence)
    if jalali_year < 0:
        raise ValidationError("tracking.year", field="jalali_year", value=jalali_year)
    body = f"{office}{jalali_year % 100:02d}{workstation_no:03d}{sequence:06d}"
    return body + damm_digit(body)


def _clean(text: str | None) -> str:
    return _SEPARATORS.sub("", digits_to_ascii(text or ""))


def is_valid_tracking_number(text: str | None) -> bool:
    """Accepts Persian or Arabic digits, spaces and dashes (as printed or as typed)."""
    digits = _clean(text)
    return len(digits) == LENGTH and damm_valid(digits)


def normalize_tracking_number(text: str | None) -> str:
    """The 16 ASCII digits of a tracking number as typed, printed or scanned; raises ``ValidationError``."""
    digits = _clean(text)
    if len(digits) != LENGTH or not damm_valid(digits):
        raise ValidationError("tracking.invalid", field="tracking_number")
    return digits


def format_tracking_number(tn: str) -> str:
    """Grouped for people: ``0101-04-003-000123-7`` (show it inside a left-to-right isolate in Persian text)."""
    d = normalize_tracking_number(tn)
    return f"{d[0:4]}-{d[4:6]}-{d[6:9]}-{d[9:15]}-{d[15]}"


def parse_tracking_number(tn: str) -> TrackingParts:
    d = normalize_tracking_number(tn)
    return TrackingParts(d[0:4], int(d[4:6]), int(d[6:9]), int(d[9:15]), int(d[15]))
