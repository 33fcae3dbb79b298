"""The renovation levy (عوارض نوسازی) per Jalali year, its clearance (مفاصا حساب), and the waste, excavation-waste and
street-digging charges of unit 7.

Renovation levy of a year = (land area × regional price per m² + building area × building value per m² of its
structure) × the year's rate (5 per thousand in the demo table: Renovation and Urban Development Act 1347, art. 2).
Every figure comes from that year's ``TariffYear``; each year's levy is rounded down to 1,000 rials
(``round_down_for_slip``) because each year is its own line on the slip and the payment ID carries thousands.

A clearance is possible only when no year is due (``RenovationStatement.clearance_possible``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from app.domain.identifiers import RenovationCode
from app.domain.rules.common import RuleError, floor_rials, non_negative, positive, round_down_for_slip
from app.domain.rules.tariffs import TariffBook, TariffYear


@dataclass(frozen=True, slots=True)
class PropertyFacts:
    """What the levy is computed from. ``location`` is a renovation code or its leading parts (``"1-4-76"``)."""

    location: str | RenovationCode
    land_area_m2: Decimal
    building_area_m2: Decimal = Decimal(0)
    structure: str = "steel_concrete"

    def __post_init__(self) -> None:
        object.__setattr__(self, "land_area_m2", non_negative(self.land_area_m2, "land_area_m2"))
        object.__setattr__(self, "building_area_m2", non_negative(self.building_area_m2, "building_area_m2"))
        if self.land_area_m2 == 0 and self.building_area_m2 == 0:
            raise RuleError("levy.no_area", field="land_area_m2")


@dataclass(frozen=True, slots=True)
class LevyYear:
    """One year's line. ``levy`` is rounded for the slip; ``due = max(0, levy − paid)``."""

    year: int
    land_value: int
    building_value: int
    rate: Decimal
    levy_exact: int
    levy: int
    paid: int

    @property
    def due(self) -> int:
        return max(0, self.levy - self.paid)

    @property
    def settled(self) -> bool:
        return self.due == 0


@dataclass(frozen=True, slots=True)
class RenovationStatement:
    lines: tuple[LevyYear, ...]

    @property
    def years_due(self) -> tuple[int, ...]:
        return tuple(line.year for line in self.lines if not line.settled)

    @property
    def years_paid(self) -> tuple[int, ...]:
        return tuple(line.year for line in self.lines if line.settled)

    @property
    def total_levy(self) -> int:
        return sum(line.levy for line in self.lines)

    @property
    def total_paid(self) -> int:
        return sum(min(line.paid, line.levy) for line in self.lines)

    @property
    def total_due(self) -> int:
        """A multiple of 1,000 rials (each line is), so it can go on one slip."""
        return sum(line.due for line in self.lines)

    @property
    def clearance_possible(self) -> bool:
        return self.total_due == 0

    def require_clearance(self) -> None:
        """Raise ``levy.dues_outstanding`` naming the years and the amount still due."""
        if not self.clearance_possible:
            raise RuleError("levy.dues_outstanding", years=list(self.years_due), amount=self.total_due)


def levy_for_year(tariff: TariffYear, facts: PropertyFacts) -> LevyYear:
    land_value = floor_rials(facts.land_area_m2 * tariff.regional_price_per_m2.price_for(facts.location))
    building_value = floor_rials(facts.building_area_m2 * tariff.building_value(facts.structure))
    exact = floor_rials((land_value + building_value) * tariff.renovation_rate)
    return LevyYear(
        tariff.year, land_value, building_value, tariff.renovation_rate, exact, round_down_for_slip(exact), 0
    )


def renovation_statement(
    tariffs: TariffBook,
    facts: PropertyFacts | Mapping[int, PropertyFacts],
    first_year: int,
    last_year: int,
    payments: Mapping[int, int] | None = None,
) -> RenovationStatement:
    """Every year from ``first_year`` to ``last_year`` inclusive with its levy, what was paid and what is due.

    ``facts`` may differ per year (a building finished in 1404 is charged from 1404): give a mapping year → facts; a
    year missing from it takes the facts of the latest earlier year. ``payments`` maps year → rials already paid.
    """
    if last_year < first_year:
        raise RuleError("levy.years", field="last_year", first_year=first_year, last_year=last_year)
    paid = dict(payments or {})
    for year, amount in paid.items():
        if amount < 0:
            raise RuleError("rules.negative", field="payments", value=str(amount), year=year)
        if not first_year <= year <= last_year:
            raise RuleError("levy.payment_outside_period", field="payments", year=year)
    lines: list[LevyYear] = []
    for year in range(first_year, last_year + 1):
        line = levy_for_year(tariffs.for_year(year), _facts_for(facts, year))
        lines.append(
            LevyYear(line.year, line.land_value, line.building_value, line.rate, line.levy_exact, line.levy,
                     paid.get(year, 0))
        )  # fmt: skip
    return RenovationStatement(tuple(lines))


def _facts_for(facts: PropertyFacts | Mapping[int, PropertyFacts], year: int) -> PropertyFacts:
    if isinstance(facts, PropertyFacts):
        return facts
    earlier = [y for y in facts if y <= year]
    if not earlier:
        raise RuleError("levy.no_facts_for_year", field="facts", year=year)
    return facts[max(earlier)]


# ---------------------------------------------------------------------------------------------------------------------
# Waste, excavation waste and street digging


@dataclass(frozen=True, slots=True)
class Charge:
    """A computed charge: ``code`` is the catalog fee code, ``amount`` the slip amount (rounded down to 1,000)."""

    code: str
    year: int
    amount_exact: int
    amount: int
    basis: Mapping[str, str]


def _charge(code: str, tariff: TariffYear, exact: int, **basis: object) -> Charge:
    return Charge(code, tariff.year, exact, round_down_for_slip(exact), {k: str(v) for k, v in basis.items()})


def waste_fee(tariff: TariffYear, use: str, area_m2: object, units: int = 1) -> Charge:
    """Annual waste-management charge (بهای خدمات پسماند): area × the use's rate per m², and never less than the
    minimum per unit times the number of units (a small flat still produces waste)."""
    area = positive(area_m2, "area_m2")
    if units < 1:
        raise RuleError("rules.not_positive", field="units", value=str(units))
    rate = tariff.waste_rate(use)
    by_area = floor_rials(area * rate)
    minimum = tariff.waste_minimum_per_unit * units
    return _charge("waste_charge", tariff, max(by_area, minimum), use=use, area_m2=area, rate=rate, units=units,
                   minimum=minimum)  # fmt: skip


def estimate_excavation_volume(area_m2: object, depth_m: object) -> Decimal:
    """Bank volume in m³ of a pit with vertical walls (plan area × depth); the expert may type a better estimate."""
    return positive(area_m2, "area_m2") * positive(depth_m, "depth_m")


def excavation_waste_fee(tariff: TariffYear, volume_m3: object) -> Charge:
    """Excavation waste (پسماند گودبرداری): estimated volume × rate per m³, at least the minimum charge."""
    volume = positive(volume_m3, "volume_m3")
    exact = max(floor_rials(volume * tariff.excavation_rate_per_m3), tariff.excavation_minimum)
    return _charge("excavation_waste_charge", tariff, exact, volume_m3=volume, rate=tariff.excavation_rate_per_m3,
                   minimum=tariff.excavation_minimum)  # fmt: skip


def drilling_fee(tariff: TariffYear, length_m: object, days: int, surface: str = "asphalt") -> Charge:
    """Street digging (حفاری): route length in metres × duration in days × the surface's rate per metre-day.

    A started day counts as a whole day, so ``days`` is a whole number of at least 1.
    """
    length = positive(length_m, "length_m")
    if days < 1:
        raise RuleError("rules.not_positive", field="days", value=str(days))
    rate = tariff.drilling_rate(surface)
    return _charge("digging_restoration_fee", tariff, floor_rials(length * days * rate), length_m=length, days=days,
                   surface=surface, rate=rate)  # fmt: skip
