"""Amounts: integer rials, formatted with Persian digits, written out in Persian words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import ValidationError
from app.domain.money import format_rials, format_tomans, number_in_words, parse_rials, rials_in_words


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "صفر"),
        (1, "یک"),
        (10, "ده"),
        (11, "یازده"),
        (19, "نوزده"),
        (20, "بیست"),
        (21, "بیست و یک"),
        (100, "یکصد"),
        (101, "یکصد و یک"),
        (110, "یکصد و ده"),
        (999, "نهصد و نود و نه"),
        (1000, "هزار"),
        (1001, "هزار و یک"),
        (2000, "دو هزار"),
        (12_500, "دوازده هزار و پانصد"),
        (100_000, "یکصد هزار"),
        (1_000_000, "یک میلیون"),
        (1_001_000, "یک میلیون و یک هزار"),
        (1_250_000, "یک میلیون و دویست و پنجاه هزار"),
        (1_000_000_000, "یک میلیارد"),
        (2_000_000_005, "دو میلیارد و پنج"),
        (1_000_000_000_000, "یک هزار میلیارد"),
    ],
)
def test_rials_in_words(amount: int, words: str) -> None:
    assert rials_in_words(amount) == words


def test_negative_and_too_large() -> None:
    assert number_in_words(-5) == "منفی پنج"
    assert rials_in_words(10**15 - 1).startswith("نهصد و نود و نه هزار میلیارد")
    with pytest.raises(ValidationError) as err:
        rials_in_words(10**15)
    assert err.value.code == "money.too_large"


_UNITS = {"یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "هشت": 8, "نه": 9, "ده": 10,
          "یازده": 11, "دوازده": 12, "سیزده": 13, "چهارده": 14, "پانزده": 15, "شانزده": 16, "هفده": 17, "هجده": 18,
          "نوزده": 19, "بیست": 20, "سی": 30, "چهل": 40, "پنجاه": 50, "شصت": 60, "هفتاد": 70, "هشتاد": 80, "نود": 90,
          "یکصد": 100, "دویست": 200, "سیصد": 300, "چهارصد": 400, "پانصد": 500, "ششصد": 600, "هفتصد": 700,
          "هشتصد": 800, "نهصد": 900}  # fmt: skip
_SCALES = {"هزار": 1000, "میلیون": 10**6, "میلیارد": 10**9}


def _read_words(words: str) -> int:
    """An independent reader of Persian number words, to check the writer on random amounts."""
    if words == "صفر":
        return 0
    total, group = 0, 0
    tokens = words.replace(" و ", " ").split()
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token == "هزار" and i + 1 < len(tokens) and tokens[i + 1] == "میلیارد":
            total += (group or 1) * 10**12
            group = 0
            i += 2
            continue
        if token in _SCALES:
            total += (group or 1) * _SCALES[token]
            group = 0
        else:
            group += _UNITS[token]
        i += 1
    return total + group


@given(st.integers(min_value=0, max_value=10**15 - 1))
def test_words_read_back(amount: int) -> None:
    assert _read_words(rials_in_words(amount)) == amount


def test_format_rials_and_tomans() -> None:
    assert format_rials(1_250_000) == "۱٬۲۵۰٬۰۰۰ ریال"
    assert format_rials(1_250_000, persian_digits=False) == "1,250,000 ریال"
    assert format_rials(0, unit=False) == "۰"
    assert format_tomans(1_250_000) == "۱۲۵٬۰۰۰ تومان"
    assert format_tomans(1_250_009) == "۱۲۵٬۰۰۰ تومان"  # whole tomans, rounded down


@pytest.mark.parametrize(
    ("typed", "rials"),
    [("1250000", 1_250_000), ("۱٬۲۵۰٬۰۰۰", 1_250_000), ("1,250,000", 1_250_000), ("۱،۲۵۰،۰۰۰", 1_250_000),
     (" 12 500 ", 12_500), ("٠", 0)],
)  # fmt: skip
def test_parse_rials(typed: str, rials: int) -> None:
    assert parse_rials(typed) == rials


@pytest.mark.parametrize("typed", ["", None, "12a", "-5", "1.5e3", "۱²"])
def test_parse_rials_invalid(typed: str | None) -> None:
    with pytest.raises(ValidationError) as err:
        parse_rials(typed)
    assert err.value.code == "money.format"


@given(st.integers(min_value=0, max_value=10**15))
def test_format_parse_round_trip(amount: int) -> None:
    assert parse_rials(format_rials(amount, unit=False)) == amount
