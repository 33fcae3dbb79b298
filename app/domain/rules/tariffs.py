"""Tariff tables per Jalali year, as data: the administration unit edits them, code only reads them.

A ``TariffBook`` holds one ``TariffYear`` per Jalali year. Every amount a rule charges comes from here: the regional
price of land per m² (قیمت منطقه‌ای) and the assessed (transactional) value per m² (ارزش معاملاتی) per district,
precinct or block; the value of a building per m² by structure; the renovation-levy rate; waste, excavation and
digging rates; the traffic-zone sticker's fees; the Article 100 fine multipliers.

Prices per location are keyed by the leading parts of the renovation code, most specific first: ``"1-4-76"``
(district-precinct-block), then ``"1-4"``, then ``"1"``, then ``"*"`` (the city-wide default).

``to_dict``/``from_dict`` give the JSON form (integers for rials, strings for rates so they stay exact).
``DEMO_TARIFFS`` is a **demo** table for 1403–1405: believable magnitudes, not official figures.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from app.domain.identifiers import RenovationCode
from app.domain.rules.common import RuleError, decimal_text, to_decimal

FORMAT_VERSION = 1

STRUCTURES = ("steel_concrete", "masonry", "other")
WASTE_USES = ("residential", "commercial", "office", "other")
SURFACES = ("asphalt", "sidewalk", "unpaved")
REPLACEMENT_REASONS = ("lost", "damaged")
ARTICLE100_USES = ("residential", "commercial")
WILDCARD = "*"


def _frozen(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping))


def location_keys(location: str | RenovationCode) -> tuple[str, ...]:
    """Keys to try, most specific first: ``1-4-76-10-...`` → ``("1-4-76", "1-4", "1", "*")``."""
    if isinstance(location, RenovationCode):
        parts = [str(p) for p in location.parts()[:3]]
    else:
        parts = [p for p in str(location).strip().split("-") if p][:3]
        if parts == [WILDCARD]:
            return (WILDCARD,)
    keys = ["-".join(parts[:n]) for n in range(len(parts), 0, -1)]
    return (*keys, WILDCARD)


@dataclass(frozen=True, slots=True)
class PriceTable:
    """Rials per m² keyed by location (see ``location_keys``)."""

    prices: Mapping[str, int]
    name: str = "price"

    def __post_init__(self) -> None:
        for key, value in self.prices.items():
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise RuleError("tariff.invalid", field=f"{self.name}.{key}", value=str(value))
        object.__setattr__(self, "prices", _frozen(self.prices))

    def price_for(self, location: str | RenovationCode) -> int:
        for key in location_keys(location):
            if key in self.prices:
                return self.prices[key]
        raise RuleError("tariff.no_price", field=self.name, location=str(location))


@dataclass(frozen=True, slots=True)
class FineMultipliers:
    """Article 100: the fine per m² lies between ``low`` and ``high`` times the assessed value per m²."""

    low: Decimal
    high: Decimal

    def __post_init__(self) -> None:
        if self.low < 0 or self.high < self.low:
            raise RuleError("tariff.invalid", field="article100_multipliers", value=f"{self.low}..{self.high}")


@dataclass(frozen=True, slots=True)
class TariffYear:
    """The tariffs of one Jalali year. All amounts are integer rials."""

    year: int
    regional_price_per_m2: PriceTable
    assessed_value_per_m2: PriceTable
    building_value_per_m2: Mapping[str, int]
    renovation_rate: Decimal
    waste_rate_per_m2: Mapping[str, int]
    waste_minimum_per_unit: int
    excavation_rate_per_m3: int
    excavation_minimum: int
    drilling_rate_per_metre_day: Mapping[str, int]
    sticker_annual_fee: int
    sticker_replacement_fee: Mapping[str, int]
    sticker_refund_deduction: int
    article100_multipliers: Mapping[str, FineMultipliers]
    demo: bool = False
    notes: str = ""

    def __post_init__(self) -> None:
        if not 1300 <= self.year <= 1500:
            raise RuleError("tariff.invalid", field="year", value=str(self.year))
        if not Decimal(0) <= self.renovation_rate <= Decimal(1):
            raise RuleError("tariff.invalid", field="renovation_rate", value=str(self.renovation_rate))
        for name, keys in (
            ("building_value_per_m2", STRUCTURES),
            ("waste_rate_per_m2", WASTE_USES),
            ("drilling_rate_per_metre_day", SURFACES),
            ("sticker_replacement_fee", REPLACEMENT_REASONS),
            ("article100_multipliers", ARTICLE100_USES),
        ):
            table: Mapping[str, object] = getattr(self, name)
            missing = [k for k in keys if k not in table]
            if missing:
                raise RuleError("tariff.invalid", field=f"{name}.{missing[0]}", value="missing")
            if name != "article100_multipliers":
                for key, value in table.items():
                    _check_amount(value, f"{name}.{key}")
            object.__setattr__(self, name, _frozen(table))
        for name in (
            "waste_minimum_per_unit",
            "excavation_rate_per_m3",
            "excavation_minimum",
            "sticker_annual_fee",
            "sticker_refund_deduction",
        ):
            _check_amount(getattr(self, name), name, allow_zero=True)

    # -- look-ups with codes the UI can explain ---------------------------------------------------------------------

    def building_value(self, structure: str) -> int:
        return _pick(self.building_value_per_m2, structure, "structure")

    def waste_rate(self, use: str) -> int:
        return _pick(self.waste_rate_per_m2, use, "use")

    def drilling_rate(self, surface: str) -> int:
        return _pick(self.drilling_rate_per_metre_day, surface, "surface")

    def replacement_fee(self, reason: str) -> int:
        return _pick(self.sticker_replacement_fee, reason, "reason")

    def fine_multipliers(self, use: str) -> FineMultipliers:
        try:
            return self.article100_multipliers[use]
        except KeyError:
            raise RuleError("tariff.unknown_key", field="use", key=use, year=self.year) from None

    # -- JSON form ----------------------------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "demo": self.demo,
            "notes": self.notes,
            "regional_price_per_m2": dict(self.regional_price_per_m2.prices),
            "assessed_value_per_m2": dict(self.assessed_value_per_m2.prices),
            "building_value_per_m2": dict(self.building_value_per_m2),
            "renovation_rate": decimal_text(self.renovation_rate),
            "waste_rate_per_m2": dict(self.waste_rate_per_m2),
            "waste_minimum_per_unit": self.waste_minimum_per_unit,
            "excavation_rate_per_m3": self.excavation_rate_per_m3,
            "excavation_minimum": self.excavation_minimum,
            "drilling_rate_per_metre_day": dict(self.drilling_rate_per_metre_day),
            "sticker_annual_fee": self.sticker_annual_fee,
            "sticker_replacement_fee": dict(self.sticker_replacement_fee),
            "sticker_refund_deduction": self.sticker_refund_deduction,
            "article100_multipliers": {
                k: [decimal_text(v.low), decimal_text(v.high)] for k, v in self.article100_multipliers.items()
            },
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TariffYear:
        try:
            multipliers = {
                str(k): FineMultipliers(
                    to_decimal(v[0], "article100_multipliers"), to_decimal(v[1], "article100_multipliers")
                )
                for k, v in dict(data["article100_multipliers"]).items()
            }
            return cls(
                year=_int(data["year"], "year"),
                regional_price_per_m2=PriceTable(_int_map(data["regional_price_per_m2"]), "regional_price_per_m2"),
                assessed_value_per_m2=PriceTable(_int_map(data["assessed_value_per_m2"]), "assessed_value_per_m2"),
                building_value_per_m2=_int_map(data["building_value_per_m2"]),
                renovation_rate=to_decimal(data["renovation_rate"], "renovation_rate"),
                waste_rate_per_m2=_int_map(data["waste_rate_per_m2"]),
                waste_minimum_per_unit=_int(data["waste_minimum_per_unit"], "waste_minimum_per_unit"),
                excavation_rate_per_m3=_int(data["excavation_rate_per_m3"], "excavation_rate_per_m3"),
                excavation_minimum=_int(data["excavation_minimum"], "excavation_minimum"),
                drilling_rate_per_metre_day=_int_map(data["drilling_rate_per_metre_day"]),
                sticker_annual_fee=_int(data["sticker_annual_fee"], "sticker_annual_fee"),
                sticker_replacement_fee=_int_map(data["sticker_replacement_fee"]),
                sticker_refund_deduction=_int(data["sticker_refund_deduction"], "sticker_refund_deduction"),
                article100_multipliers=multipliers,
                demo=bool(data.get("demo", False)),
                notes=str(data.get("notes", "")),
            )
        except KeyError as exc:
            raise RuleError("tariff.invalid", field=str(exc.args[0]), value="missing") from None
        except (TypeError, IndexError, AttributeError):
            raise RuleError("tariff.invalid", field="tariff", value="malformed") from None


def _check_amount(value: object, name: str, *, allow_zero: bool = False) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0 or (value == 0 and not allow_zero):
        raise RuleError("tariff.invalid", field=name, value=str(value))


def _pick(table: Mapping[str, int], key: str, what: str) -> int:
    try:
        return table[key]
    except KeyError:
        raise RuleError("tariff.unknown_key", field=what, key=key) from None


def _int(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise RuleError("tariff.invalid", field=name, value=str(value))
    return value


def _int_map(value: object) -> dict[str, int]:
    if not isinstance(value, Mapping):
        raise TypeError("not a mapping")
    return {str(k): _int(v, str(k)) for k, v in value.items()}


@dataclass(frozen=True, slots=True)
class TariffBook:
    """Every year's tariffs. ``for_year`` refuses a year with no table rather than guessing from another year."""

    years: Mapping[int, TariffYear]

    def __post_init__(self) -> None:
        for key, tariff in self.years.items():
            if key != tariff.year:
                raise RuleError("tariff.invalid", field="year", value=f"{key}!={tariff.year}")
        object.__setattr__(self, "years", MappingProxyType(dict(sorted(self.years.items()))))

    @classmethod
    def of(cls, tariffs: Iterable[TariffYear]) -> TariffBook:
        return cls({t.year: t for t in tariffs})

    def for_year(self, year: int) -> TariffYear:
        try:
            return self.years[year]
        except KeyError:
            raise RuleError("tariff.year_missing", field="year", year=year) from None

    def has_year(self, year: int) -> bool:
        return year in self.years

    @property
    def is_demo(self) -> bool:
        return any(t.demo for t in self.years.values())

    def with_year(self, tariff: TariffYear) -> TariffBook:
        """A new book with ``tariff`` added or replaced (the book itself is immutable)."""
        return TariffBook({**self.years, tariff.year: tariff})

    def to_dict(self) -> dict[str, Any]:
        return {"format": FORMAT_VERSION, "years": [t.to_dict() for t in self.years.values()]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TariffBook:
        if data.get("format", FORMAT_VERSION) != FORMAT_VERSION:
            raise RuleError("tariff.format", field="format", value=str(data.get("format")))
        years = data.get("years")
        if not isinstance(years, list):
            raise RuleError("tariff.invalid", field="years", value="missing")
        book = cls.of(TariffYear.from_dict(y) for y in years)
        if len(book.years) != len(years):
            raise RuleError("tariff.invalid", field="years", value="duplicate year")
        return book

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> TariffBook:
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            raise RuleError("tariff.format", field="json", value="not JSON") from None
        if not isinstance(data, dict):
            raise RuleError("tariff.format", field="json", value="not an object")
        return cls.from_dict(data)


# ---------------------------------------------------------------------------------------------------------------------
# DEMO VALUES. Believable magnitudes for District 1 and a few others, rising about 30% a year; NOT official tariffs.
# Renovation rate: 5 per thousand of the land and building value (Renovation and Urban Development Act 1347, art. 2).
# Article 100 multipliers: ½–3× (residential), 2–4× (commercial) the assessed value per m² (FIELD-NOTES).


def _demo_year(year: int, factor: Decimal) -> dict[str, Any]:
    def grown(rials: int) -> int:
        return int((Decimal(rials) * factor).to_integral_value()) // 1000 * 1000

    def grown_map(table: Mapping[str, int]) -> dict[str, int]:
        return {k: grown(v) for k, v in table.items()}

    return {
        "year": year,
        "demo": True,
        "notes": "DEMO VALUES - not official tariffs; replace from the municipality's approved tables.",
        "regional_price_per_m2": grown_map(
            {"*": 8_000_000, "1": 25_000_000, "1-4": 32_000_000, "1-4-76": 36_000_000, "2": 20_000_000, "3": 22_000_000}
        ),
        "assessed_value_per_m2": grown_map(
            {"*": 15_000_000, "1": 60_000_000, "1-4": 72_000_000, "2": 48_000_000, "3": 52_000_000}
        ),
        "building_value_per_m2": grown_map({"steel_concrete": 9_000_000, "masonry": 6_000_000, "other": 4_000_000}),
        "renovation_rate": "0.005",
        "waste_rate_per_m2": grown_map(
            {"residential": 18_000, "commercial": 95_000, "office": 60_000, "other": 40_000}
        ),
        "waste_minimum_per_unit": grown(1_200_000),
        "excavation_rate_per_m3": grown(350_000),
        "excavation_minimum": grown(5_000_000),
        "drilling_rate_per_metre_day": grown_map({"asphalt": 120_000, "sidewalk": 80_000, "unpaved": 30_000}),
        "sticker_annual_fee": grown(48_000_000),
        "sticker_replacement_fee": grown_map({"lost": 2_500_000, "damaged": 1_000_000}),
        "sticker_refund_deduction": grown(1_500_000),
        "article100_multipliers": {"residential": ["0.5", "3"], "commercial": ["2", "4"]},
    }


DEMO_TARIFFS_DATA: dict[str, Any] = {
    "format": FORMAT_VERSION,
    "demo": True,
    "years": [_demo_year(1403, Decimal("1")), _demo_year(1404, Decimal("1.3")), _demo_year(1405, Decimal("1.69"))],
}
"""The JSON-able demo table (DEMO VALUES, not official): the administration unit starts from it."""


def demo_tariffs() -> TariffBook:
    return TariffBook.from_dict(DEMO_TARIFFS_DATA)
