"""Iranian plates typed every way a clerk types them, their display, and the sticker's fees, refund and the
camera-fine objection deadline."""

from __future__ import annotations

import datetime as dt

import pytest
from bidi import get_display  # type: ignore[import-untyped]
from hypothesis import given
from hypothesis import strategies as st

from app.domain.dates import JalaliDate, from_jalali, to_jalali
from app.domain.rules.common import RuleError
from app.domain.rules.tariffs import demo_tariffs
from app.domain.rules.vehicle import (
    PLATE_LETTERS,
    REPLACEMENT_DOCUMENTS,
    Plate,
    ReplacementReason,
    camera_fine_objection_deadline,
    camera_fine_objection_status,
    is_valid_plate,
    jalali_year_bounds,
    parse_plate,
    replacement_fee,
    sticker_fee,
    sticker_refund,
)
from app.domain.text import LRI, PDI, to_persian_digits

BOOK = demo_tariffs()
T1403 = BOOK.for_year(1403)
EXPECTED = Plate("12", "ب", "345", 67)


@pytest.mark.parametrize(
    "text",
    [
        "12ب34567",
        "۱۲ ب ۳۴۵ ایران ۶۷",
        "١٢ ب ٣٤٥ - ٦٧",  # Arabic-Indic digits
        "12-ب-345-67",
        "12 ب 345 | 67",
        "ایران ۶۷ ۱۲ب۳۴۵",  # region first
        "ايران 67 - 345 ب 12",  # read right to left off the plate, Arabic yeh in «ایران»
        "12ب345-67",  # the stored key
        "\u2066۱۲ ب\u200e ۳۴۵ ایران\u200e ۶۷\u2069",  # copied from our own display
    ],
)
def test_parse_every_way_it_is_typed(text: str) -> None:
    assert parse_plate(text) == EXPECTED


def test_letter_forms() -> None:
    assert parse_plate("12 هـ 345 67").letter == "ه"
    assert parse_plate("12 ي 345 67").letter == "ی"
    assert parse_plate("۱۲الف۳۴۵ایران۱۰") == Plate("12", "الف", "345", 10)
    assert parse_plate("33ع45611").kind == "public" and parse_plate("33ت45611").kind_fa == "تاکسی"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "plate.format"),
        ("12ب345", "plate.format"),  # no region
        ("12ب3456", "plate.format"),
        ("123ب34567", "plate.format"),
        ("12 x 345 67", "plate.letter"),
        ("12 ح 345 67", "plate.letter"),  # not a plate letter
        ("12ب345-05", "plate.region"),
        ("00ب34567", "plate.format"),
    ],
)
def test_refusals(text: str, code: str) -> None:
    with pytest.raises(RuleError) as err:
        parse_plate(text)
    assert err.value.code == code
    assert not is_valid_plate(text)


def test_display_keeps_the_plate_order_inside_persian_text() -> None:
    shown = EXPECTED.display()
    assert shown.startswith(LRI) and shown.endswith(PDI)  # LRI, not FSI: the first strong letter is Persian
    assert EXPECTED.key() == "12ب345-67" and str(EXPECTED) == EXPECTED.key()
    # What a reader sees, left to right, in a Persian sentence: 12 ب 345 ایران 67, the groups in plate order.
    visual = get_display(f"پلاک {shown} ثبت شد")
    inner = visual[visual.index(PDI) + 1 : visual.index(LRI)]
    assert [t for t in inner.replace("\u200e", "").split() if t] == ["۱۲", "ب", "۳۴۵", "ناریا", "۶۷"]
    # Without the marks the groups would come out reversed: the reason for them.
    assert get_display("۱۲ ب ۳۴۵", base_dir="L") != "۱۲ ب ۳۴۵"
    assert EXPECTED.display(persian_digits=False, with_iran=False) == f"{LRI}12 ب\u200e 345 - 67{PDI}"


plates = st.builds(
    Plate,
    st.integers(min_value=10, max_value=99).map(str),
    st.sampled_from(sorted(PLATE_LETTERS)),
    st.integers(min_value=100, max_value=999).map(str),
    st.integers(min_value=10, max_value=99),
)


@given(plates, st.booleans(), st.booleans())
def test_display_and_key_parse_back(plate: Plate, persian: bool, iran: bool) -> None:
    assert parse_plate(plate.display(persian_digits=persian, with_iran=iran)) == plate
    assert parse_plate(plate.key()) == plate
    assert parse_plate(to_persian_digits(f"{plate.two}{plate.letter}{plate.three}{plate.region}")) == plate


# -- the sticker ------------------------------------------------------------------------------------------------------


def test_fees_come_from_the_tariff_of_the_year() -> None:
    assert sticker_fee(T1403) == 48_000_000 and sticker_fee(BOOK.for_year(1404)) == 62_400_000
    assert replacement_fee(T1403, ReplacementReason.LOST) == 2_500_000
    assert replacement_fee(T1403, "damaged") == 1_000_000
    with pytest.raises(RuleError) as err:
        replacement_fee(T1403, "stolen")
    assert err.value.code == "sticker.reason"
    assert "previous_sticker" in REPLACEMENT_DOCUMENTS[ReplacementReason.DAMAGED]
    assert "previous_sticker" not in REPLACEMENT_DOCUMENTS[ReplacementReason.LOST]


def test_refund_pro_rata_by_hand() -> None:
    first, last = jalali_year_bounds(1403)
    assert (first, last) == (dt.date(2024, 3, 20), dt.date(2025, 3, 20))  # 1403 is a leap year: 366 days
    # asked on 1403/07/01 (day 187): 179 days unused; 48,000,000 × 179 / 366 = 23,475,409.8 → 23,475,409;
    # minus 1,500,000 = 21,975,409 → 21,975,000
    refund = sticker_refund(T1403, 48_000_000, from_jalali("1403/07/01"))
    assert (refund.days_in_year, refund.unused_days, refund.pro_rata, refund.amount) == (
        366, 179, 23_475_409, 21_975_000,
    )  # fmt: skip
    assert sticker_refund(T1403, 48_000_000, from_jalali("1402/12/20")).amount == 46_500_000  # before the year
    assert sticker_refund(T1403, 48_000_000, from_jalali("1403/12/30")).amount == 0  # the last day: nothing unused
    assert sticker_refund(T1403, 1_000_000, from_jalali("1403/06/01")).amount == 0  # less than the deduction
    with pytest.raises(RuleError) as err:
        sticker_refund(T1403, 48_000_000, from_jalali("1404/01/01"))
    assert err.value.code == "sticker.year_over"


@given(st.integers(min_value=0, max_value=364), st.integers(min_value=0, max_value=364))
def test_refund_shrinks_as_the_year_goes_by(a: int, b: int) -> None:
    first, _ = jalali_year_bounds(1404)
    early, late = sorted((a, b))
    r1 = sticker_refund(BOOK.for_year(1404), 62_400_000, first + dt.timedelta(days=early))
    r2 = sticker_refund(BOOK.for_year(1404), 62_400_000, first + dt.timedelta(days=late))
    assert r1.amount >= r2.amount and r1.amount % 1000 == 0 and 0 <= r1.amount <= 62_400_000


def test_camera_fine_objection_deadline() -> None:
    fine_day = from_jalali("1404/02/01")
    deadline = camera_fine_objection_deadline(fine_day)
    assert deadline >= fine_day + dt.timedelta(days=60)
    assert to_jalali(camera_fine_objection_deadline(fine_day, days=10)) == "1404/02/11"
    status = camera_fine_objection_status(fine_day, fine_day + dt.timedelta(days=5), days=10)
    assert status.days_left == 5 and not status.expired
    # 60 days after 1404/02/01 is Friday 1404/03/30: the limit runs to Saturday 1404/03/31
    assert str(JalaliDate.from_gregorian(deadline)) == "1404/03/31"
