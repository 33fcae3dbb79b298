"""Iranian identifiers: national ID, legal-entity ID, postal code, mobile, registry plate, renovation code.

Every function accepts Persian (۰-۹) and Arabic (٠-٩) digits. Rules and sources: ../shared/FIELD-NOTES.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain.errors import ValidationError
from app.domain.text import is_ascii_digits, ltr_isolate, only_digits, to_persian_digits


def normalize_national_id(text: str | None) -> str:
    """Ten ASCII digits (8–9 digit input left-padded); raises ``ValidationError`` when it cannot be one."""
    digits = only_digits(text)
    if not is_ascii_digits(digits) or not 8 <= len(digits) <= 10:
        raise ValidationError("national_id.format", field="national_id")
    digits = digits.zfill(10)
    if not _national_id_checksum_ok(digits):
        raise ValidationError("national_id.checksum", field="national_id")
    return digits


def _national_id_checksum_ok(digits: str) -> bool:
    if len(set(digits)) == 1:
        return False
    r = sum(int(digits[i]) * (10 - i) for i in range(9)) % 11
    check = int(digits[9])
    return check == r if r < 2 else check == 11 - r


def is_valid_national_id(text: str | None) -> bool:
    try:
        normalize_national_id(text)
    except ValidationError:
        return False
    return True


_LEGAL_WEIGHTS = (29, 27, 23, 19, 17)


def normalize_legal_id(text: str | None) -> str:
    digits = only_digits(text)
    if not is_ascii_digits(digits) or len(digits) != 11:
        raise ValidationError("legal_id.format", field="legal_id")
    if int(digits[3:9]) == 0:
        raise ValidationError("legal_id.checksum", field="legal_id")
    k = int(digits[9]) + 2
    r = sum((k + int(digits[i])) * _LEGAL_WEIGHTS[i % 5] for i in range(10)) % 11
    if r == 10:
        r = 0
    if r != int(digits[10]):
        raise ValidationError("legal_id.checksum", field="legal_id")
    return digits


def is_valid_legal_id(text: str | None) -> bool:
    try:
        normalize_legal_id(text)
    except ValidationError:
        return False
    return True


_POSTAL_STRICT = re.compile(r"^(?!(\d)\1{3})[13-9]{4}[1346-9][013-9]{5}$")


def is_valid_postal_code(text: str | None) -> bool:
    """Ten digits. The stricter community pattern is unofficial: see ``postal_code_warning``."""
    digits = only_digits(text)
    return is_ascii_digits(digits) and len(digits) == 10


def postal_code_warning(text: str | None) -> str | None:
    """A warning code when a 10-digit postal code fails the unofficial stricter pattern; never a refusal."""
    digits = only_digits(text)
    if is_valid_postal_code(digits) and not _POSTAL_STRICT.match(digits):
        return "postal_code.unusual"
    return None


def normalize_postal_code(text: str | None) -> str:
    digits = only_digits(text)
    if not is_valid_postal_code(digits):
        raise ValidationError("postal_code.format", field="postal_code")
    return digits


def normalize_mobile(text: str | None) -> str:
    """``09`` + 9 digits from +98 / 0098 / 98 / 9… forms. Raises ``ValueError`` otherwise.

    The operator prefix is never checked: numbers port between operators.
    """
    raw = only_digits(text).replace("(", "").replace(")", "")
    if raw.startswith("+"):
        raw = raw[1:]
    if not is_ascii_digits(raw):
        raise ValueError("mobile.format")
    for prefix in ("0098", "98", "0"):
        if raw.startswith(prefix) and len(raw) == len(prefix) + 10:
            raw = raw[len(prefix) :]
            break
    if len(raw) != 10 or not raw.startswith("9"):
        raise ValueError("mobile.format")
    return "0" + raw


def is_valid_mobile(text: str | None) -> bool:
    try:
        normalize_mobile(text)
    except ValueError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class RegistryPlate:
    """Land-registry plate: «۱۶۱۷ فرعی از ۷۲ اصلی بخش ۱۱». The parts are stored apart."""

    section: int
    main: int
    sub: int | None = None

    def __post_init__(self) -> None:
        if self.section <= 0 or self.main <= 0 or (self.sub is not None and self.sub < 0):
            raise ValidationError("registry_plate.invalid", field="registry_plate")

    def persian(self) -> str:
        main = f"{to_persian_digits(self.main)} اصلی"
        body = f"{to_persian_digits(self.sub)} فرعی از {main}" if self.sub else main
        return f"{body} بخش {to_persian_digits(self.section)}"

    def key(self) -> str:
        return f"{self.section}-{self.main}-{self.sub or 0}"

    @classmethod
    def parse(cls, section: str | int, main: str | int, sub: str | int | None = None) -> RegistryPlate:
        def num(value: str | int | None, required: bool) -> int | None:
            if value is None or (isinstance(value, str) and not only_digits(value)):
                if required:
                    raise ValidationError("registry_plate.invalid", field="registry_plate")
                return None
            digits = only_digits(str(value))
            if not is_ascii_digits(digits):
                raise ValidationError("registry_plate.invalid", field="registry_plate")
            return int(digits)

        section_n = num(section, True)
        main_n = num(main, True)
        assert section_n is not None and main_n is not None
        return cls(section_n, main_n, num(sub, False))


RENOVATION_PARTS = ("district", "precinct", "block", "parcel", "building", "apartment", "shop")


@dataclass(frozen=True, slots=True)
class RenovationCode:
    """کد نوسازی: district – precinct – block – parcel – building – apartment – shop, as 7 integers."""

    district: int
    precinct: int
    block: int
    parcel: int
    building: int = 0
    apartment: int = 0
    shop: int = 0

    def __post_init__(self) -> None:
        if not 1 <= self.district <= 22:
            raise ValidationError("renovation_code.district", field="renovation_code")
        if min(self.parts()) < 0 or self.precinct < 1 or self.block < 1 or self.parcel < 1:
            raise ValidationError("renovation_code.format", field="renovation_code")

    def parts(self) -> tuple[int, int, int, int, int, int, int]:
        return (self.district, self.precinct, self.block, self.parcel, self.building, self.apartment, self.shop)

    def __str__(self) -> str:
        return "-".join(str(p) for p in self.parts())

    def display(self) -> str:
        """Inside a left-to-right isolate so the hyphenated parts keep their order in Persian text."""
        return ltr_isolate(to_persian_digits(str(self)))

    @classmethod
    def parse(cls, text: str | None) -> RenovationCode:
        # Hyphens typed in Word or copied from web pages are often U+2010..U+2015 or the minus sign; text copied
        # from our own display() carries bidi isolates.
        parts = [
            p for p in re.split(r"[\s\-/_.\u2010-\u2015\u2212\u200e\u200f\u2066-\u2069]+", (text or "").strip()) if p
        ]
        digits = [only_digits(p) for p in parts]
        if not 4 <= len(digits) <= 7 or not all(is_ascii_digits(d) for d in digits):
            raise ValidationError("renovation_code.format", field="renovation_code")
        values = [int(d) for d in digits] + [0] * (7 - len(digits))
        return cls(*values)


def is_valid_renovation_code(text: str | None) -> bool:
    try:
        RenovationCode.parse(text)
    except ValidationError:
        return False
    return True
