"""Bill ID / payment ID check digits (2006 banking standard) and the switchable scheme."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import payment_ids as p
from app.domain.errors import ValidationError

KNOWN_BILL, KNOWN_PAYMENT = "9985235404124", "0000880000568"


def test_known_valid_pair() -> None:
    assert p.is_valid_bill_id(KNOWN_BILL)
    assert p.is_valid_payment_id(KNOWN_BILL, KNOWN_PAYMENT)
    assert p.is_valid_payment_id(KNOWN_BILL, KNOWN_PAYMENT.lstrip("0"))  # leading zeros are optional
    assert p.is_valid_payment_id(KNOWN_BILL, "۰۰۰۰۸۸۰۰۰۰۵۶۸")  # Persian digits as typed


def test_known_pair_is_rebuilt_from_its_parts() -> None:
    assert p.make_bill_id(99852354, 41, 2) == KNOWN_BILL
    assert p.make_payment_id(8_800_000, 1400, 5, KNOWN_BILL) == KNOWN_PAYMENT
    assert p.amount_from_payment_id(KNOWN_PAYMENT) == 8_800_000


def test_municipal_service_type_is_the_default() -> None:
    bill = p.make_bill_id(1040030, 101)
    assert bill[-2] == "6"
    assert len(bill) == 13 and p.is_valid_bill_id(bill)


@pytest.mark.parametrize("position", range(13))
def test_any_changed_digit_of_the_known_bill_fails(position: int) -> None:
    digit = KNOWN_BILL[position]
    for other in "0123456789":
        if other != digit:
            changed = KNOWN_BILL[:position] + other + KNOWN_BILL[position + 1 :]
            # mod 11 catches every single-digit change except a swap that keeps the same weighted sum mod 11.
            assert not p.is_valid_bill_id(changed) or not p.is_valid_payment_id(changed, KNOWN_PAYMENT)


def test_payment_id_belongs_to_its_bill() -> None:
    other_bill = p.make_bill_id(1234567, 101)
    assert not p.is_valid_payment_id(other_bill, KNOWN_PAYMENT)


@given(
    file_code=st.integers(1000, 99_999_999),
    company=st.integers(0, 999),
    thousands=st.integers(1, 99_999_999),
    year=st.integers(1390, 1420),
    period=st.integers(0, 99),
)
def test_made_ids_validate(file_code: int, company: int, thousands: int, year: int, period: int) -> None:
    bill = p.make_bill_id(file_code, company)
    payment = p.make_payment_id(thousands * 1000, year, period, bill)
    assert p.is_valid_bill_id(bill)
    assert p.is_valid_payment_id(bill, payment)
    assert p.amount_from_payment_id(payment) == thousands * 1000
    assert len(p.slip_barcode_value(bill, payment)) == 26


def test_amount_must_be_whole_thousands() -> None:
    with pytest.raises(ValidationError) as err:
        p.make_payment_id(12_345_678, 1403, 1, KNOWN_BILL)
    assert err.value.code == "payment_id.amount"


def test_garbage_is_invalid_not_an_error() -> None:
    assert not p.is_valid_bill_id("")
    assert not p.is_valid_bill_id(None)
    assert not p.is_valid_bill_id("abc")
    assert not p.is_valid_payment_id(KNOWN_BILL, "12")


def test_scheme_is_switchable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(p, "SCHEMES", dict(p.SCHEMES))
    monkeypatch.setattr(p, "DEFAULT_SCHEME", p.DEFAULT_SCHEME)
    flat = p.PaymentIdScheme("always_zero", lambda body: "0", lambda bill, body: "00")
    p.register_scheme(flat)
    assert p.make_bill_id(1234567, 101, scheme="always_zero").endswith("0")
    assert not p.is_valid_bill_id(KNOWN_BILL, scheme="always_zero")
    p.register_scheme(flat, make_default=True)
    assert p.DEFAULT_SCHEME == "always_zero"
    assert not p.is_valid_payment_id(KNOWN_BILL, KNOWN_PAYMENT)
    with pytest.raises(ValidationError):
        p.is_valid_bill_id(KNOWN_BILL, scheme="missing")
