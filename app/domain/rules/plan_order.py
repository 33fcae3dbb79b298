"""The plan order (دستور نقشه): what may be built on a parcel, and a check of a proposed permit against it.

Density (تراکم) is the total floor area as a percentage of the land area (``180`` → 1.8 × land); site coverage
(سطح اشغال) the ground footprint as a percentage of the land. The land area is the net area after the corrected
street line (مساحت پس از اصلاحی): the part inside the widening path is not buildable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from app.domain.rules.common import RuleError, decimal_text, non_negative, positive
from app.domain.rules.zones import USES, Zone


@dataclass(frozen=True, slots=True)
class Breach:
    """One way a proposal exceeds the plan order (or a plan order exceeds its zone). ``code`` has a Persian message
    in ``app.domain.rules.messages_fa``; ``allowed`` and ``proposed`` are plain numbers as text."""

    code: str
    field: str
    allowed: str
    proposed: str


@dataclass(frozen=True, slots=True)
class PlanOrder:
    zone_code: str
    permitted_uses: frozenset[str]
    land_area_m2: Decimal
    max_density_percent: Decimal
    max_floors: int
    max_coverage_percent: Decimal
    parking_per_unit: Decimal = Decimal(1)
    max_height_m: Decimal | None = None

    def __post_init__(self) -> None:
        if not self.permitted_uses:
            raise RuleError("plan_order.no_use", field="permitted_uses")
        unknown = sorted(set(self.permitted_uses) - set(USES))
        if unknown:
            raise RuleError("zone.unknown_use", field="permitted_uses", use=unknown[0])
        object.__setattr__(self, "permitted_uses", frozenset(self.permitted_uses))
        object.__setattr__(self, "land_area_m2", positive(self.land_area_m2, "land_area_m2"))
        object.__setattr__(self, "max_density_percent", non_negative(self.max_density_percent, "max_density_percent"))
        coverage = non_negative(self.max_coverage_percent, "max_coverage_percent")
        if coverage > 100:
            raise RuleError("plan_order.coverage_over_100", field="max_coverage_percent", value=str(coverage))
        object.__setattr__(self, "max_coverage_percent", coverage)
        if self.max_floors < 0:
            raise RuleError("rules.negative", field="max_floors", value=str(self.max_floors))
        object.__setattr__(self, "parking_per_unit", non_negative(self.parking_per_unit, "parking_per_unit"))
        if self.max_height_m is not None:
            object.__setattr__(self, "max_height_m", positive(self.max_height_m, "max_height_m"))

    @property
    def max_total_floor_area_m2(self) -> Decimal:
        return self.land_area_m2 * self.max_density_percent / 100

    @property
    def max_footprint_m2(self) -> Decimal:
        return self.land_area_m2 * self.max_coverage_percent / 100

    def parking_required(self, units: int) -> int:
        """Spaces for ``units`` dwellings or shops; a fraction of a space needs a whole space."""
        return int((self.parking_per_unit * units).to_integral_value(rounding=ROUND_CEILING))

    def warnings(self) -> list[Breach]:
        """Inconsistencies that do not make the order invalid but that the expert should see: a density that the
        floors and coverage cannot reach."""
        reachable = self.max_coverage_percent * self.max_floors
        if reachable < self.max_density_percent:
            return [
                Breach("plan_order.density_unreachable", "max_density_percent", decimal_text(reachable),
                       decimal_text(self.max_density_percent))
            ]  # fmt: skip
        return []

    def check_against_zone(self, zone: Zone) -> list[Breach]:
        """Where the plan order allows more than its detailed-plan zone."""
        breaches: list[Breach] = []
        if zone.code != self.zone_code.strip().upper():
            breaches.append(Breach("plan_order.zone_mismatch", "zone_code", zone.code, self.zone_code))
        for use in sorted(self.permitted_uses - zone.allowed_uses):
            breaches.append(Breach("plan_order.use_not_in_zone", "permitted_uses", ",".join(sorted(zone.allowed_uses)),
                                   use))  # fmt: skip
        if self.max_density_percent > zone.max_density_percent:
            breaches.append(
                Breach(
                    "plan_order.density_over_zone",
                    "max_density_percent",
                    str(zone.max_density_percent),
                    decimal_text(self.max_density_percent),
                )
            )
        if self.max_floors > zone.max_floors:
            breaches.append(
                Breach("plan_order.floors_over_zone", "max_floors", str(zone.max_floors), str(self.max_floors))
            )
        if self.max_coverage_percent > zone.max_coverage_percent:
            breaches.append(
                Breach(
                    "plan_order.coverage_over_zone",
                    "max_coverage_percent",
                    str(zone.max_coverage_percent),
                    decimal_text(self.max_coverage_percent),
                )
            )
        return breaches  # fmt: skip

    @classmethod
    def from_zone(
        cls,
        zone: Zone,
        land_area_m2: Decimal,
        *,
        uses: Iterable[str] | None = None,
        parking_per_unit: Decimal = Decimal(1),
        max_height_m: Decimal | None = None,
    ) -> PlanOrder:
        """The plan order that the zone's ceilings give for a parcel (the expert may then lower them)."""
        return cls(
            zone_code=zone.code,
            permitted_uses=frozenset(uses) if uses is not None else zone.allowed_uses,
            land_area_m2=land_area_m2,
            max_density_percent=Decimal(zone.max_density_percent),
            max_floors=zone.max_floors,
            max_coverage_percent=Decimal(zone.max_coverage_percent),
            parking_per_unit=parking_per_unit,
            max_height_m=max_height_m,
        )


@dataclass(frozen=True, slots=True)
class ProposedPermit:
    """The permit fields a draft proposes (unit 6's form)."""

    uses: frozenset[str]
    floors: int
    total_floor_area_m2: Decimal
    footprint_m2: Decimal
    parking_spaces: int
    units: int
    height_m: Decimal | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "uses", frozenset(self.uses))
        object.__setattr__(self, "total_floor_area_m2", positive(self.total_floor_area_m2, "total_floor_area_m2"))
        object.__setattr__(self, "footprint_m2", positive(self.footprint_m2, "footprint_m2"))
        for name in ("floors", "units"):
            if getattr(self, name) < 1:
                raise RuleError("rules.not_positive", field=name, value=str(getattr(self, name)))
        if self.parking_spaces < 0:
            raise RuleError("rules.negative", field="parking_spaces", value=str(self.parking_spaces))
        if self.height_m is not None:
            object.__setattr__(self, "height_m", positive(self.height_m, "height_m"))
        if self.footprint_m2 > self.total_floor_area_m2:
            raise RuleError("plan_order.footprint_over_total", field="footprint_m2")


def check_permit(order: PlanOrder, proposal: ProposedPermit) -> list[Breach]:
    """Every breach of ``order`` by ``proposal``, in the order of the permit form; an empty list means it conforms."""
    breaches: list[Breach] = []
    for use in sorted(proposal.uses - order.permitted_uses):
        breaches.append(Breach("plan_order.use_not_permitted", "uses", ",".join(sorted(order.permitted_uses)), use))
    if proposal.floors > order.max_floors:
        breaches.append(Breach("plan_order.floors_exceeded", "floors", str(order.max_floors), str(proposal.floors)))
    if proposal.total_floor_area_m2 > order.max_total_floor_area_m2:
        breaches.append(
            Breach(
                "plan_order.density_exceeded",
                "total_floor_area_m2",
                decimal_text(order.max_total_floor_area_m2),
                decimal_text(proposal.total_floor_area_m2),
            )
        )
    if proposal.footprint_m2 > order.max_footprint_m2:
        breaches.append(
            Breach(
                "plan_order.coverage_exceeded",
                "footprint_m2",
                decimal_text(order.max_footprint_m2),
                decimal_text(proposal.footprint_m2),
            )
        )
    required = order.parking_required(proposal.units)
    if proposal.parking_spaces < required:
        breaches.append(
            Breach("plan_order.parking_short", "parking_spaces", str(required), str(proposal.parking_spaces))
        )
    if order.max_height_m is not None and proposal.height_m is None:
        breaches.append(Breach("plan_order.height_missing", "height_m", decimal_text(order.max_height_m), ""))
    elif order.max_height_m is not None and proposal.height_m is not None and proposal.height_m > order.max_height_m:
        breaches.append(
            Breach(
                "plan_order.height_exceeded",
                "height_m",
                decimal_text(order.max_height_m),
                decimal_text(proposal.height_m),
            )
        )
    return breaches  # fmt: skip


def require_conforming(order: PlanOrder, proposal: ProposedPermit) -> None:
    """Raise ``plan_order.breaches`` listing the breach codes when the proposal does not conform."""
    breaches = check_permit(order, proposal)
    if breaches:
        raise RuleError("plan_order.breaches", field=breaches[0].field, breaches=[b.code for b in breaches])
