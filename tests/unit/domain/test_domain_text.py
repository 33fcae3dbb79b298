"""Persian text normalisation: the stored form and the search key."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.text import (
    FSI,
    PDI,
    ZWNJ,
    digits_to_ascii,
    is_ascii_digits,
    ltr_isolate,
    normalize,
    only_digits,
    search_key,
    to_persian_digits,
)


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("علي", "علی"),  # Arabic yeh
        ("موسى", "موسی"),  # alef maksura
        ("كتاب", "کتاب"),  # Arabic kaf
        ("۱۲۳۴۵۶۷۸۹۰", "1234567890"),
        ("٤٥٦", "456"),
        ("تهـــران", "تهران"),  # kashida
        ("مَدرِسه", "مدرسه"),  # harakat
        ("محمّد", "محمد"),  # shadda
        ("  سلام \t\n  دنیا  ", "سلام دنیا"),
        ("سلام\u00a0دنیا", "سلام دنیا"),  # no-break space
        (f"می{ZWNJ}خواهم", f"می{ZWNJ}خواهم"),  # ZWNJ is spelling: kept
        (f"می{ZWNJ}{ZWNJ}{ZWNJ}خواهم", f"می{ZWNJ}خواهم"),  # never doubled
        (f"{ZWNJ}کتاب{ZWNJ}", "کتاب"),  # never at the edges
        (f"کتاب {ZWNJ}ها", "کتاب ها"),  # never beside a space
        (f"کتاب{ZWNJ} ها", "کتاب ها"),
        (f"{FSI}0101{PDI}", "0101"),  # bidi isolates are display only
        ("\u200fسلام\u200e", "سلام"),
        ("خانۀ", "خانهٔ"),
        ("", ""),
        (None, ""),
    ],
)
def test_normalize(raw: str | None, stored: str) -> None:
    assert normalize(raw) == stored


def test_search_key_treats_zwnj_as_space() -> None:
    assert search_key(f"می{ZWNJ}خواهم") == search_key("می خواهم") == search_key("مي  خواهم")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("مؤسسه", "موسسه"),
        ("آب", "اب"),
        ("إسلام", "اسلام"),
        ("أحمد", "احمد"),
        ("مدرسة", "مدرسه"),
        ("خانۀ ما", "خانه ما"),
        ("كيك", "کیک"),
        ("Tehran", "TEHRAN"),
    ],
)
def test_search_key_folds_variants(a: str, b: str) -> None:
    assert search_key(a) == search_key(b)


def test_search_key_keeps_different_words_apart() -> None:
    assert search_key("کتاب") != search_key("کباب")


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert ZWNJ * 2 not in once
    assert once == once.strip()
    assert not once.startswith(ZWNJ) and not once.endswith(ZWNJ)


@given(st.text())
def test_search_key_is_idempotent_and_has_no_zwnj(text: str) -> None:
    key = search_key(text)
    assert ZWNJ not in key
    assert search_key(key) == key


@given(st.integers(min_value=0))
def test_digits_round_trip(n: int) -> None:
    persian = to_persian_digits(n)
    assert all("۰" <= c <= "۹" for c in persian)
    assert digits_to_ascii(persian) == str(n)


def test_only_digits_drops_separators_keeps_junk() -> None:
    assert only_digits(" ۰۰۸-۴۵۷۵۹۴۸ ") == "0084575948"
    assert only_digits("12/34.56_7") == "1234567"
    assert only_digits("12a") == "12a"  # kept so that the caller's check fails
    assert only_digits(None) == ""


def test_is_ascii_digits() -> None:
    assert is_ascii_digits("0123")
    assert not is_ascii_digits("")
    assert not is_ascii_digits("۱۲")
    assert not is_ascii_digits("1²")  # str.isdigit() would say yes, int() would fail


def test_ltr_isolate() -> None:
    assert ltr_isolate("1-4-76") == f"{FSI}1-4-76{PDI}"
