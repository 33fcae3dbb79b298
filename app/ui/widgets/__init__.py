"""Reusable inputs and small views: validated identifier edits, the Jalali date edit, money, state badges."""

from app.ui.widgets.badge import StateBadge
from app.ui.widgets.jalali import JalaliDateEdit
from app.ui.widgets.money import MoneyEdit
from app.ui.widgets.validated import (
    AreaEdit,
    DigitsEdit,
    FieldWithMessage,
    LegalIdEdit,
    MobileEdit,
    NationalIdEdit,
    PostalCodeEdit,
    RenovationCodeEdit,
    ValidatedLineEdit,
)

__all__ = [
    "AreaEdit",
    "DigitsEdit",
    "FieldWithMessage",
    "JalaliDateEdit",
    "LegalIdEdit",
    "MobileEdit",
    "MoneyEdit",
    "NationalIdEdit",
    "PostalCodeEdit",
    "RenovationCodeEdit",
    "StateBadge",
    "ValidatedLineEdit",
]
