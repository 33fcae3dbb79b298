"""What every rule module shares: the error type, exact arithmetic on Decimal, and the slip rounding rule.

Money is integer rials everywhere. Rates and areas are ``Decimal`` (read from text, never from float) so that a
product such as 137.5 m² × 0.005 is exact; the result is rounded down once, explicitly, where the rule says.
"""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal, InvalidOperation
from typing import Any

from app.domain.errors import ValidationError

SLIP_UNIT_RIALS = 1_000


class RuleError(ValidationError):
    """An input or a state that a rule refuses. The codes are listed in ``app.domain.rules.messages_fa``."""

    def __init__(self, code: str, field: str | None = None, **params: Any) -> None:
        super().__init__(code, field=field, **params)


def to_decimal(value: object, field: str) -> Decimal:
    """An exact ``Decimal`` from an int, a Decimal or a decimal string (``"137.5"``); floats are refused because
    ``0.1`` is not 0.1 and the error would reach money."""
    if isinstance(value, bool | float):
        raise RuleError("rules.not_a_number", field=field, value=str(value))
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip().replace("٫", ".").replace("/", "."))
        except InvalidOperation:
            raise RuleError("rules.not_a_number", field=field, value=value) from None
    else:
        raise RuleError("rules.not_a_number", field=field, value=str(value))
    if not result.is_finite():
        raise RuleError("rules.not_a_number", field=field, value=str(value))
    return result


def non_negative(value: object, field: str) -> Decimal:
    result = to_decimal(value, field)
    if result < 0:
        raise RuleError("rules.negative", field=field, value=str(value))
    return result


def positive(value: object, field: str) -> Decimal:
    result = to_decimal(value, field)
    if result <= 0:
        raise RuleError("rules.not_positive", field=field, value=str(value))
    return result


def floor_rials(value: Decimal) -> int:
    """Whole rials, rounded down (toward minus infinity): a fraction of a rial is never charged."""
    return int(value.to_integral_value(rounding=ROUND_FLOOR))


def round_down_for_slip(rials: int) -> int:
    """Rounded down to a whole 1,000 rials.

    Why: the payment ID of a slip encodes the amount in thousands of rials (``app.domain.payment_ids``
    refuses any other amount), and rounding down never asks the citizen for more than the tariff says; the few
    hundred rials given up are below any coin or bank charge.
    """
    if rials <= 0:
        return 0
    return rials - rials % SLIP_UNIT_RIALS


def decimal_text(value: Decimal) -> str:
    """A Decimal as plain text for JSON (``"0.005"``, never ``"5E-3"``)."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"
