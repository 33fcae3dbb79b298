"""Bill ID and payment ID (شناسه قبض / شناسه پرداخت) of the 2006 Iranian banking standard.

Bill ID = file code (up to 8 digits) + company code (3) + service type (1; 6 = municipal charges) + check digit.
Payment ID = amount in thousands of rials + last digit of the Jalali year + period (2) + two check digits.
Check digit: weights 2..7 repeating from the right, ``r = Σ mod 11``, digit ``0 if r < 2 else 11 − r``; the second
payment check digit runs over bill ID + payment body + first check digit. Known valid pair: bill ``9985235404124``,
payment ``0000880000568``.

Whether Tehran's municipal slips follow the standard exactly is unconfirmed (../shared/FIELD-NOTES.md), so the rules
live in a registry of schemes: every function takes ``scheme`` and ``DEFAULT_SCHEME`` names the one in force.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.domain.errors import ValidationError
from app.domain.text import only_digits

SERVICE_MUNICIPAL = 6
BILL_ID_LENGTH = 13
PAYMENT_ID_LENGTH = 13


def mod11_check_digit(digits: str) -> int:
    """Weights 2, 3, 4, 5, 6, 7 repeating from the rightmost digit; remainder 0 or 1 gives 0."""
    total = sum(int(d) * (2 + i % 6) for i, d in enumerate(reversed(digits)))
    r = total % 11
    return 0 if r < 2 else 11 - r


@dataclass(frozen=True, slots=True)
class PaymentIdScheme:
    """One set of rules. ``bill_check`` gives the bill ID's check digit from its body; ``payment_checks`` gives the
    payment ID's check digits from (bill ID, payment body)."""

    name: str
    bill_check: Callable[[str], str]
    payment_checks: Callable[[str, str], str]


def _standard_bill_check(body: str) -> str:
    return str(mod11_check_digit(body))


def _standard_payment_checks(bill_id: str, body: str) -> str:
    first = str(mod11_check_digit(body.lstrip("0") or "0"))
    second = str(mod11_check_digit((bill_id + body + first).lstrip("0") or "0"))
    return first + second


SCHEMES: dict[str, PaymentIdScheme] = {
    "standard_2006": PaymentIdScheme("standard_2006", _standard_bill_check, _standard_payment_checks),
}
DEFAULT_SCHEME = "standard_2006"


def register_scheme(scheme: PaymentIdScheme, *, make_default: bool = False) -> None:
    """Add a rule set (e.g. once Tehran's own rules are confirmed); optionally make it the default."""
    global DEFAULT_SCHEME
    SCHEMES[scheme.name] = scheme
    if make_default:
        DEFAULT_SCHEME = scheme.name


def _scheme(name: str | None) -> PaymentIdScheme:
    key = name or DEFAULT_SCHEME
    try:
        return SCHEMES[key]
    except KeyError:
        raise ValidationError("payment_id.unknown_scheme", field="scheme", scheme=key) from None


def make_bill_id(
    file_code: int, company_code: int, service_type: int = SERVICE_MUNICIPAL, *, scheme: str | None = None
) -> str:
    """13 digits, zero-padded on the left: file code + company code + service type + check digit."""
    if not 0 <= file_code <= 99_999_999:
        raise ValidationError("bill_id.file_code", field="file_code")
    if not 0 <= company_code <= 999:
        raise ValidationError("bill_id.company_code", field="company_code")
    if not 0 <= service_type <= 9:
        raise ValidationError("bill_id.service_type", field="service_type")
    body = f"{file_code}{company_code:03d}{service_type}"
    return (body + _scheme(scheme).bill_check(body)).zfill(BILL_ID_LENGTH)


def make_payment_id(
    amount_rials: int, jalali_year: int, period: int, bill_id: str, *, scheme: str | None = None
) -> str:
    """13 digits, zero-padded on the left: amount in thousands of rials + year digit + period + two check digits."""
    if amount_rials <= 0 or amount_rials % 1000:
        raise ValidationError("payment_id.amount", field="amount_rials")
    thousands = amount_rials // 1000
    if thousands > 99_999_999:
        raise ValidationError("payment_id.amount", field="amount_rials")
    if not 0 <= period <= 99:
        raise ValidationError("payment_id.period", field="period")
    if jalali_year < 0:
        raise ValidationError("payment_id.year", field="jalali_year")
    if not is_valid_bill_id(bill_id, scheme=scheme):
        raise ValidationError("bill_id.checksum", field="bill_id")
    bill = _clean(bill_id)
    body = f"{thousands}{jalali_year % 10}{period:02d}"
    return (body + _scheme(scheme).payment_checks(bill, body)).zfill(PAYMENT_ID_LENGTH)


def _clean(text: str | None) -> str:
    digits = only_digits(text)
    return digits.zfill(BILL_ID_LENGTH) if digits.isdigit() else ""


def is_valid_bill_id(bill_id: str | None, *, scheme: str | None = None) -> bool:
    """Leading zeros are optional (slips print both ways); at least 6 significant digits."""
    digits = only_digits(bill_id)
    if not digits.isdigit() or len(digits) > BILL_ID_LENGTH or len(digits.lstrip("0")) < 6:
        return False
    digits = digits.zfill(BILL_ID_LENGTH)
    return _scheme(scheme).bill_check(digits[:-1].lstrip("0") or "0") == digits[-1]


def is_valid_payment_id(bill_id: str | None, payment_id: str | None, *, scheme: str | None = None) -> bool:
    """The payment ID's two check digits hold for this bill ID (so a slip's pair cannot be mixed up)."""
    if not is_valid_bill_id(bill_id, scheme=scheme):
        return False
    digits = only_digits(payment_id)
    if not digits.isdigit() or len(digits) > PAYMENT_ID_LENGTH or len(digits.lstrip("0")) < 6:
        return False
    digits = digits.zfill(PAYMENT_ID_LENGTH)
    body = digits[:-2].lstrip("0") or "0"
    return _scheme(scheme).payment_checks(_clean(bill_id), body) == digits[-2:]


def amount_from_payment_id(payment_id: str) -> int:
    """The amount in rials that a payment ID encodes (digits before year, period and checks, times 1000)."""
    digits = only_digits(payment_id)
    if not digits.isdigit() or len(digits) < 6:
        raise ValidationError("payment_id.format", field="payment_id")
    return int(digits[:-5] or "0") * 1000


def slip_barcode_value(bill_id: str, payment_id: str) -> str:
    """The 26 digits that a slip's barcode holds: bill ID then payment ID, each zero-padded to 13."""
    return only_digits(bill_id).zfill(BILL_ID_LENGTH) + only_digits(payment_id).zfill(PAYMENT_ID_LENGTH)
