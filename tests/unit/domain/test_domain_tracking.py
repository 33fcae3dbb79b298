"""Tracking numbers: unique across offline workstations, and every typing slip caught by the Damm digit."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import ValidationError
from app.domain.tracking import (
    TrackingParts,
    damm_digit,
    damm_valid,
    format_tracking_number,
    is_valid_tracking_number,
    make_tracking_number,
    normalize_tracking_number,
    parse_tracking_number,
)

_offices = st.text(alphabet="0123456789", min_size=4, max_size=4)
_years = st.integers(min_value=1380, max_value=1500)
_stations = st.integers(min_value=1, max_value=999)
_sequences = st.integers(min_value=1, max_value=999_999)


def test_damm_published_example() -> None:
    # The example of the algorithm's description: 572 → check digit 4.
    assert damm_digit("572") == "4"
    assert damm_valid("5724")
    assert not damm_valid("5727")


def test_make_and_format() -> None:
    tn = make_tracking_number("0101", 1404, 3, 123)
    assert len(tn) == 16 and tn.isdigit()
    assert tn.startswith("0101" + "04" + "003" + "000123")
    assert format_tracking_number(tn) == f"0101-04-003-000123-{tn[-1]}"
    assert parse_tracking_number(tn) == TrackingParts("0101", 4, 3, 123, int(tn[-1]))
    assert parse_tracking_number(tn).jalali_year() == 1404


def test_accepts_what_people_and_readers_type() -> None:
    tn = make_tracking_number("0101", 1404, 3, 123)
    grouped = format_tracking_number(tn)
    persian = grouped.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    arabic = tn.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    for typed in (tn, grouped, persian, arabic, " ".join(grouped.split("-")), f"\u2068{persian}\u2069"):
        assert is_valid_tracking_number(typed), typed
        assert normalize_tracking_number(typed) == tn


@pytest.mark.parametrize("text", ["", None, "0101", "01010400300012", "0101040030001237x", "abcdefghijklmnop"])
def test_invalid_text(text: str | None) -> None:
    assert not is_valid_tracking_number(text)
    with pytest.raises(ValidationError) as err:
        normalize_tracking_number(text)
    assert err.value.code == "tracking.invalid"


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("101", 1404, 1, 1), "tracking.office_code"),
        (("01a1", 1404, 1, 1), "tracking.office_code"),
        (("0101", 1404, 0, 1), "tracking.workstation"),
        (("0101", 1404, 1000, 1), "tracking.workstation"),
        (("0101", 1404, 1, 0), "tracking.sequence_exhausted"),
        (("0101", 1404, 1, 1_000_000), "tracking.sequence_exhausted"),
        (("0101", -1, 1, 1), "tracking.year"),
    ],
)
def test_make_refuses_out_of_range(args: tuple[str, int, int, int], code: str) -> None:
    with pytest.raises(ValidationError) as err:
        make_tracking_number(*args)
    assert err.value.code == code


def test_persian_office_code_accepted() -> None:
    assert make_tracking_number("۰۱۰۱", 1404, 1, 1) == make_tracking_number("0101", 1404, 1, 1)


@given(_offices, _years, _stations, _sequences)
def test_round_trip(office: str, year: int, station: int, seq: int) -> None:
    tn = make_tracking_number(office, year, station, seq)
    assert is_valid_tracking_number(tn)
    parts = parse_tracking_number(tn)
    assert (parts.office_code, parts.year, parts.workstation_no, parts.sequence) == (office, year % 100, station, seq)
    assert normalize_tracking_number(format_tracking_number(tn)) == tn


@given(
    _years,
    st.lists(_stations, min_size=2, max_size=2, unique=True),
    st.lists(_sequences, min_size=1, max_size=50, unique=True),
    st.lists(_sequences, min_size=1, max_size=50, unique=True),
)
def test_two_offline_workstations_never_collide(
    year: int, stations: list[int], seqs_a: list[int], seqs_b: list[int]
) -> None:
    # Each machine numbers its own cases with its own sequence, without talking to the other.
    a = {make_tracking_number("0101", year, stations[0], s) for s in seqs_a}
    b = {make_tracking_number("0101", year, stations[1], s) for s in seqs_b}
    assert len(a) == len(seqs_a) and len(b) == len(seqs_b)
    assert a.isdisjoint(b)


@given(_offices, _years, _stations, _sequences)
def test_every_single_digit_error_is_detected(office: str, year: int, station: int, seq: int) -> None:
    tn = make_tracking_number(office, year, station, seq)
    for i in range(len(tn)):
        for d in "0123456789":
            if d != tn[i]:
                assert not is_valid_tracking_number(tn[:i] + d + tn[i + 1 :])


@given(_offices, _years, _stations, _sequences)
def test_every_adjacent_transposition_is_detected(office: str, year: int, station: int, seq: int) -> None:
    tn = make_tracking_number(office, year, station, seq)
    for i in range(len(tn) - 1):
        if tn[i] != tn[i + 1]:
            swapped = tn[:i] + tn[i + 1] + tn[i] + tn[i + 2 :]
            assert not is_valid_tracking_number(swapped)


def test_exhaustive_single_errors_and_swaps_on_a_block() -> None:
    # Deterministic complement to the property tests: 2,000 consecutive numbers of one workstation.
    for seq in range(1, 2001):
        tn = make_tracking_number("0101", 1404, 7, seq)
        for i in range(16):
            for d in "0123456789":
                if d != tn[i]:
                    assert not damm_valid(tn[:i] + d + tn[i + 1 :])
            if i < 15 and tn[i] != tn[i + 1]:
                assert not damm_valid(tn[:i] + tn[i + 1] + tn[i] + tn[i + 2 :])
