"""Every code the rules raise or report has a Persian message, and messages show params the Persian way."""

from __future__ import annotations

import re
from pathlib import Path

import app.domain.rules
from app.domain.errors import ValidationError
from app.domain.rules import audit_patterns
from app.domain.rules.common import RuleError
from app.domain.rules.messages_fa import BREACH_NAMES, MESSAGES, fill, message_fa

_RAISED = re.compile(r"""(?:RuleError|Breach)\(\s*"([a-z_0-9]+\.[a-z_0-9]+)\"""")


def test_every_code_has_a_message() -> None:
    root = Path(app.domain.rules.__file__).parent
    codes: set[str] = set()
    for path in root.glob("*.py"):
        codes |= set(_RAISED.findall(path.read_text(encoding="utf-8")))
    codes |= {audit_patterns.ALERT_ODD_HOURS, audit_patterns.ALERT_REPEATED_REPRINTS,
              audit_patterns.ALERT_VIEWS_OUTSIDE_UNIT}  # fmt: skip
    assert {"plate.format", "levy.dues_outstanding", "plan_order.parking_short"} <= codes
    assert codes - set(MESSAGES) == set()
    assert set(BREACH_NAMES) <= set(MESSAGES)


def test_rule_errors_are_validation_errors_with_a_field() -> None:
    error = RuleError("plate.region", field="plate", region=5)
    assert isinstance(error, ValidationError) and error.field == "plate"
    assert message_fa(error) == "کد منطقه پلاک (۵) باید بین ۱۰ تا ۹۹ باشد."


def test_params_shown_the_persian_way() -> None:
    text = message_fa(RuleError("levy.dues_outstanding", years=[1404, 1405], amount=126_078_000))
    assert text == "صدور مفاصا حساب ممکن نیست: عوارض سال‌های ۱۴۰۴، ۱۴۰۵ به مبلغ ۱۲۶٬۰۷۸٬۰۰۰ ریال پرداخت نشده است."
    breaches = message_fa(RuleError("plan_order.breaches", breaches=["plan_order.floors_exceeded",
                                                                      "plan_order.parking_short"]))  # fmt: skip
    assert "طبقات مازاد، کسری پارکینگ" in breaches
    assert (
        fill("plan_order.floors_exceeded", {"allowed": "3", "proposed": "4"}) == "تعداد طبقات (۴) بیش از مجاز (۳) است."
    )


def test_falls_back_to_the_domain_table_and_never_raises() -> None:
    assert message_fa(ValidationError("national_id.checksum")) == "کد ملی نامعتبر است (رقم کنترل نادرست)."
    assert message_fa(RuleError("tariff.no_price")) == MESSAGES["tariff.no_price"]  # missing params
    assert fill("no.such_code", {}) == "no.such_code"
