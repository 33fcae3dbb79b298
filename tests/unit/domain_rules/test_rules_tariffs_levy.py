"""Tariff tables as data, the renovation levy per year with its clearance, and the waste, excavation and digging
charges. Expected amounts are worked out by hand from the demo table (see each test)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.identifiers import RenovationCode
from app.domain.payment_ids import make_bill_id, make_payment_id
from app.domain.rules.common import RuleError, round_down_for_slip, to_decimal
from app.domain.rules.renovation_levy import (
    PropertyFacts,
    drilling_fee,
    estimate_excavation_volume,
    excavation_waste_fee,
    levy_for_year,
    renovation_statement,
    waste_fee,
)
from app.domain.rules.tariffs import DEMO_TARIFFS_DATA, TariffBook, TariffYear, demo_tariffs, location_keys

BOOK = demo_tariffs()
T1403 = BOOK.for_year(1403)


# -- tariffs ----------------------------------------------------------------------------------------------------------


def test_demo_table_covers_1403_to_1405_and_says_it_is_demo() -> None:
    assert sorted(BOOK.years) == [1403, 1404, 1405]
    assert BOOK.is_demo and DEMO_TARIFFS_DATA["demo"] is True
    assert all("DEMO" in t.notes for t in BOOK.years.values())
    json.dumps(DEMO_TARIFFS_DATA)  # JSON-able as it stands


def test_json_round_trip_is_exact() -> None:
    again = TariffBook.from_json(BOOK.to_json())
    assert again == BOOK
    assert again.for_year(1404).renovation_rate == Decimal("0.005")
    assert json.loads(BOOK.to_json())["years"][0]["renovation_rate"] == "0.005"


def test_price_lookup_goes_from_block_to_city_default() -> None:
    prices = T1403.regional_price_per_m2
    assert location_keys("1-4-76-10-1-2-0") == ("1-4-76", "1-4", "1", "*")
    assert prices.price_for("1-4-76") == 36_000_000
    assert prices.price_for(RenovationCode(1, 4, 77, 3)) == 32_000_000  # block 77 not listed: precinct 1-4
    assert prices.price_for("1-9-1") == 25_000_000  # district 1
    assert prices.price_for("14-2-5") == 8_000_000  # city default
    without_default = TariffBook.from_dict(_edited(lambda y: y["regional_price_per_m2"].pop("*")))
    with pytest.raises(RuleError) as err:
        without_default.for_year(1403).regional_price_per_m2.price_for("14-2-5")
    assert err.value.code == "tariff.no_price"


def test_missing_year_is_refused_not_guessed() -> None:
    with pytest.raises(RuleError) as err:
        BOOK.for_year(1402)
    assert err.value.code == "tariff.year_missing" and err.value.params["year"] == 1402


def _edited(change: object) -> dict[str, object]:
    data: dict[str, object] = json.loads(json.dumps(DEMO_TARIFFS_DATA))
    change(data["years"][0])  # type: ignore[operator,index]
    return data


@pytest.mark.parametrize(
    "change",
    [
        lambda y: y.update(renovation_rate="1.5"),
        lambda y: y.update(renovation_rate=0.005),  # a float: not exact, refused
        lambda y: y.update(sticker_annual_fee=-1),
        lambda y: y.update(sticker_annual_fee="48000000"),
        lambda y: y["waste_rate_per_m2"].pop("residential"),
        lambda y: y.pop("excavation_rate_per_m3"),
        lambda y: y["regional_price_per_m2"].update({"1": 0}),
        lambda y: y.update(article100_multipliers={"residential": ["3", "0.5"], "commercial": ["2", "4"]}),
        lambda y: y.update(year=1200),
    ],
)
def test_invalid_tables_are_refused_with_a_code(change: object) -> None:
    with pytest.raises(RuleError) as err:
        TariffBook.from_dict(_edited(change))
    assert err.value.code in {"tariff.invalid", "rules.not_a_number"}


def test_not_json_and_duplicate_years() -> None:
    with pytest.raises(RuleError):
        TariffBook.from_json("{nope")
    data = json.loads(json.dumps(DEMO_TARIFFS_DATA))
    data["years"].append(data["years"][0])
    with pytest.raises(RuleError):
        TariffBook.from_dict(data)


def test_with_year_replaces_one_year() -> None:
    changed = TariffYear.from_dict({**T1403.to_dict(), "sticker_annual_fee": 50_000_000})
    book = BOOK.with_year(changed)
    assert book.for_year(1403).sticker_annual_fee == 50_000_000 and BOOK.for_year(1403).sticker_annual_fee == 48_000_000


@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(["0.005", "0.0075", "0.01"]))
def test_any_edited_year_round_trips(fee: int, rate: str) -> None:
    year = TariffYear.from_dict({**T1403.to_dict(), "sticker_annual_fee": fee, "renovation_rate": rate})
    assert TariffYear.from_dict(json.loads(json.dumps(year.to_dict()))) == year


# -- rounding ---------------------------------------------------------------------------------------------------------


def test_slip_rounding_is_down_to_a_thousand_and_fits_the_payment_id() -> None:
    assert round_down_for_slip(17_453_500) == 17_453_000
    assert round_down_for_slip(999) == 0 and round_down_for_slip(-5) == 0 and round_down_for_slip(1000) == 1000
    bill = make_bill_id(1234567, 101)
    make_payment_id(round_down_for_slip(17_453_500), 1403, 1, bill)  # accepted: a whole number of thousands


@given(st.integers(min_value=0, max_value=10**15))
def test_slip_rounding_never_charges_more(rials: int) -> None:
    slip = round_down_for_slip(rials)
    assert slip % 1000 == 0 and rials - 1000 < slip <= rials


def test_floats_are_refused_as_quantities() -> None:
    with pytest.raises(RuleError):
        to_decimal(0.1, "area")
    assert to_decimal("۱۲۳٫۴۵".translate(str.maketrans("۱۲۳۴۵", "12345")), "area") == Decimal("123.45")


# -- renovation levy --------------------------------------------------------------------------------------------------


def test_levy_of_one_year_by_hand() -> None:
    # 1403, block 1-4-76: 200 m² × 36,000,000 = 7,200,000,000; 360 m² steel × 9,000,000 = 3,240,000,000;
    # 10,440,000,000 × 0.005 = 52,200,000.
    line = levy_for_year(T1403, PropertyFacts("1-4-76", Decimal(200), Decimal(360)))
    assert (line.land_value, line.building_value, line.levy_exact, line.levy) == (
        7_200_000_000, 3_240_000_000, 52_200_000, 52_200_000,
    )  # fmt: skip


def test_levy_with_fractional_areas_is_rounded_down_for_the_slip() -> None:
    # district 2: 137.5 × 20,000,000 = 2,750,000,000; masonry 123.45 × 6,000,000 = 740,700,000;
    # 3,490,700,000 × 0.005 = 17,453,500 → slip 17,453,000.
    line = levy_for_year(T1403, PropertyFacts("2-3-9", Decimal("137.5"), Decimal("123.45"), "masonry"))
    assert line.levy_exact == 17_453_500 and line.levy == 17_453_000


def test_statement_lists_due_and_paid_years_and_blocks_clearance() -> None:
    facts = PropertyFacts("1-4-76", Decimal(200), Decimal(360))
    # 1404: (200 × 46,800,000 + 360 × 11,700,000) × 0.005 = 67,860,000
    # 1405: (200 × 60,840,000 + 360 × 15,210,000) × 0.005 = 88,218,000
    statement = renovation_statement(BOOK, facts, 1403, 1405, {1403: 52_200_000, 1404: 30_000_000})
    assert [line.levy for line in statement.lines] == [52_200_000, 67_860_000, 88_218_000]
    assert statement.years_paid == (1403,) and statement.years_due == (1404, 1405)
    assert statement.total_due == 37_860_000 + 88_218_000
    assert not statement.clearance_possible
    with pytest.raises(RuleError) as err:
        statement.require_clearance()
    assert err.value.code == "levy.dues_outstanding" and err.value.params["years"] == [1404, 1405]

    paid = renovation_statement(BOOK, facts, 1403, 1405, {1403: 52_200_000, 1404: 67_860_000, 1405: 90_000_000})
    assert paid.clearance_possible and paid.total_due == 0 and paid.total_paid == paid.total_levy
    paid.require_clearance()


def test_facts_may_change_by_year() -> None:
    land_only = PropertyFacts("1-4-76", Decimal(200))
    built = PropertyFacts("1-4-76", Decimal(200), Decimal(360))
    statement = renovation_statement(BOOK, {1403: land_only, 1405: built}, 1403, 1405)
    assert [line.building_value for line in statement.lines] == [0, 0, 5_475_600_000]
    with pytest.raises(RuleError) as err:
        renovation_statement(BOOK, {1404: built}, 1403, 1404)
    assert err.value.code == "levy.no_facts_for_year"


def test_statement_refusals() -> None:
    facts = PropertyFacts("1", Decimal(100))
    with pytest.raises(RuleError):
        renovation_statement(BOOK, facts, 1405, 1403)
    with pytest.raises(RuleError) as err:
        renovation_statement(BOOK, facts, 1403, 1404, {1402: 1000})
    assert err.value.code == "levy.payment_outside_period"
    with pytest.raises(RuleError) as err:
        renovation_statement(BOOK, facts, 1402, 1403)
    assert err.value.code == "tariff.year_missing"
    with pytest.raises(RuleError):
        PropertyFacts("1", Decimal(0), Decimal(0))
    with pytest.raises(RuleError):
        PropertyFacts("1", Decimal(-1))


@given(
    st.decimals(min_value=1, max_value=100_000, places=2),
    st.decimals(min_value=0, max_value=100_000, places=2),
    st.decimals(min_value=0, max_value=500, places=2),
)
def test_levy_grows_with_area_and_is_a_whole_slip_amount(land: Decimal, building: Decimal, more: Decimal) -> None:
    small = levy_for_year(T1403, PropertyFacts("1-4", land, building))
    large = levy_for_year(T1403, PropertyFacts("1-4", land + more, building + more))
    assert small.levy % 1000 == 0 and small.levy <= small.levy_exact < small.levy + 1000
    assert large.levy >= small.levy


# -- waste, excavation, digging ---------------------------------------------------------------------------------------


def test_waste_fee_by_area_with_a_minimum_per_unit() -> None:
    assert waste_fee(T1403, "residential", Decimal(120)).amount == 2_160_000  # 120 × 18,000
    assert waste_fee(T1403, "residential", Decimal(50)).amount == 1_200_000  # 900,000 < the minimum
    assert waste_fee(T1403, "residential", Decimal(50), units=3).amount == 3_600_000
    assert waste_fee(T1403, "commercial", Decimal(80)).amount == 7_600_000  # 80 × 95,000
    fee = waste_fee(BOOK.for_year(1404), "office", Decimal("33.3"))
    assert fee.code == "waste_charge" and fee.year == 1404 and fee.amount % 1000 == 0
    with pytest.raises(RuleError) as err:
        waste_fee(T1403, "stadium", Decimal(10))
    assert err.value.code == "tariff.unknown_key"


def test_excavation_waste_from_the_estimated_volume() -> None:
    volume = estimate_excavation_volume(Decimal(300), Decimal("4.5"))
    assert volume == Decimal(1350)
    assert excavation_waste_fee(T1403, volume).amount == 472_500_000  # 1,350 m³ × 350,000
    assert excavation_waste_fee(T1403, Decimal(10)).amount == 5_000_000  # the minimum charge
    fee = excavation_waste_fee(T1403, Decimal("20.0037"))  # 7,001,295 → 7,001,000
    assert (fee.amount_exact, fee.amount) == (7_001_295, 7_001_000)
    with pytest.raises(RuleError):
        excavation_waste_fee(T1403, Decimal(0))


def test_drilling_fee_per_metre_day() -> None:
    fee = drilling_fee(T1403, Decimal(250), 10, "asphalt")
    assert fee.amount == 300_000_000 and fee.code == "digging_restoration_fee"  # 250 m × 10 d × 120,000
    assert drilling_fee(T1403, Decimal("12.5"), 3, "sidewalk").amount == 3_000_000
    with pytest.raises(RuleError):
        drilling_fee(T1403, Decimal(10), 0)
    with pytest.raises(RuleError):
        drilling_fee(T1403, Decimal(10), 1, "marble")
