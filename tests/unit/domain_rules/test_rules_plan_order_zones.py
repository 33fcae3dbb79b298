"""Detailed-plan zones as editable data, the plan order, and a proposed permit checked against it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.rules.common import RuleError
from app.domain.rules.plan_order import PlanOrder, ProposedPermit, check_permit, require_conforming
from app.domain.rules.zones import DEFAULT_ZONES, FAMILIES, USES, Zone, ZoneTable


def test_reference_set_has_every_family_and_sub_zones() -> None:
    codes = set(DEFAULT_ZONES.zones)
    assert {"R111", "R112", "R121", "S111", "M111", "G111"} <= codes
    assert {z.family for z in DEFAULT_ZONES.zones.values()} == set(FAMILIES)
    r112 = DEFAULT_ZONES.get(" r112 ")
    assert r112.parent_code == "R11" and r112.allows("residential") and not r112.allows("commercial")
    assert (r112.max_density_percent, r112.max_floors, r112.max_coverage_percent) == (180, 3, 60)
    assert DEFAULT_ZONES.get("G211").max_floors == 0
    assert r112.title_fa == "مسکونی کم‌تراکم (180٪)" and r112.title_display() == "مسکونی کم‌تراکم (۱۸۰٪)"


def test_lookup_and_search() -> None:
    with pytest.raises(RuleError) as err:
        DEFAULT_ZONES.get("R999")
    assert err.value.code == "zone.unknown"
    assert [z.code for z in DEFAULT_ZONES.search("r11")] == ["R111", "R112"]
    assert [z.code for z in DEFAULT_ZONES.children("R1")] == ["R111", "R112", "R121", "R122", "R131"]
    # ZWNJ or space, Arabic yeh: all find «میان‌تراکم»
    assert {z.code for z in DEFAULT_ZONES.search("ميان تراكم")} == {"R121", "R122"}
    assert "S211" in {z.code for z in DEFAULT_ZONES.search("کارگاهی")}  # by an allowed use's name
    assert {z.code for z in DEFAULT_ZONES.zones_allowing("workshop")} == {"S211", "M211"}
    assert len(DEFAULT_ZONES.search("")) == len(DEFAULT_ZONES.zones)


def test_table_is_editable_and_round_trips_as_json() -> None:
    edited = DEFAULT_ZONES.with_zone(
        Zone("R113", "مسکونی کم‌تراکم (۲۱۰٪)", "Low-density 210%", frozenset({"residential"}), 210, 3, 70)
    ).without("G221")
    assert "R113" in edited.zones and "G221" not in edited.zones and "R113" not in DEFAULT_ZONES.zones
    assert ZoneTable.from_json(edited.to_json()) == edited


@pytest.mark.parametrize(
    "args",
    [
        ("X11", "x", "x", frozenset({"residential"}), 100, 2, 60),
        ("R11", "x", "x", frozenset({"casino"}), 100, 2, 60),
        ("R11", "x", "x", frozenset({"residential"}), 100, 2, 120),
        ("R11", "x", "x", frozenset({"residential"}), -1, 2, 60),
    ],
)
def test_invalid_zones(args: tuple[object, ...]) -> None:
    with pytest.raises(RuleError):
        Zone(*args)  # type: ignore[arg-type]


def test_zone_json_errors() -> None:
    with pytest.raises(RuleError):
        ZoneTable.from_json("[{}]")
    with pytest.raises(RuleError):
        ZoneTable.from_json('{"a": 1}')
    with pytest.raises(RuleError):
        ZoneTable.of([DEFAULT_ZONES.get("R111"), DEFAULT_ZONES.get("R111")])


# -- the plan order ---------------------------------------------------------------------------------------------------

ORDER = PlanOrder.from_zone(DEFAULT_ZONES.get("R112"), Decimal("250"), max_height_m=Decimal("12.5"))
# 250 m² at 180% → 450 m² total; 60% → 150 m² footprint; 3 floors; 1 space per unit


def _proposal(**changes: object) -> ProposedPermit:
    fields: dict[str, object] = {
        "uses": frozenset({"residential"}),
        "floors": 3,
        "total_floor_area_m2": Decimal(450),
        "footprint_m2": Decimal(150),
        "parking_spaces": 3,
        "units": 3,
        "height_m": Decimal("12.5"),
    }
    fields.update(changes)
    return ProposedPermit(**fields)  # type: ignore[arg-type]


def test_plan_order_figures() -> None:
    assert ORDER.max_total_floor_area_m2 == Decimal(450) and ORDER.max_footprint_m2 == Decimal(150)
    assert ORDER.parking_required(3) == 3
    assert (
        PlanOrder.from_zone(DEFAULT_ZONES.get("R112"), Decimal(250), parking_per_unit=Decimal("1.5")).parking_required(
            3
        )
        == 5
    )  # 4.5 spaces need 5
    assert ORDER.warnings() == [] and ORDER.check_against_zone(DEFAULT_ZONES.get("R112")) == []


def test_conforming_permit_has_no_breach() -> None:
    assert check_permit(ORDER, _proposal()) == []
    require_conforming(ORDER, _proposal())


def test_each_breach_is_named() -> None:
    breaches = check_permit(
        ORDER,
        _proposal(uses=frozenset({"residential", "commercial"}), floors=4, total_floor_area_m2=Decimal("480.5"),
                  footprint_m2=Decimal(160), parking_spaces=2, height_m=Decimal(14)),
    )  # fmt: skip
    assert [b.code for b in breaches] == [
        "plan_order.use_not_permitted",
        "plan_order.floors_exceeded",
        "plan_order.density_exceeded",
        "plan_order.coverage_exceeded",
        "plan_order.parking_short",
        "plan_order.height_exceeded",
    ]
    density = breaches[2]
    assert (density.allowed, density.proposed) == ("450", "480.5")
    with pytest.raises(RuleError) as err:
        require_conforming(ORDER, _proposal(floors=4))
    assert err.value.code == "plan_order.breaches" and err.value.params["breaches"] == ["plan_order.floors_exceeded"]


def test_missing_height_is_a_breach_when_the_order_limits_height() -> None:
    assert [b.code for b in check_permit(ORDER, _proposal(height_m=None))] == ["plan_order.height_missing"]


def test_plan_order_validation_and_zone_check() -> None:
    with pytest.raises(RuleError):
        PlanOrder("R112", frozenset(), Decimal(100), Decimal(180), 3, Decimal(60))
    with pytest.raises(RuleError) as err:
        PlanOrder("R112", frozenset({"residential"}), Decimal(100), Decimal(180), 3, Decimal(101))
    assert err.value.code == "plan_order.coverage_over_100"
    with pytest.raises(RuleError):
        PlanOrder("R112", frozenset({"residential"}), Decimal(0), Decimal(180), 3, Decimal(60))
    generous = PlanOrder("R112", frozenset({"residential", "office"}), Decimal(200), Decimal(240), 4, Decimal(50))
    assert [b.code for b in generous.check_against_zone(DEFAULT_ZONES.get("R112"))] == [
        "plan_order.use_not_in_zone", "plan_order.density_over_zone", "plan_order.floors_over_zone",
    ]  # fmt: skip
    unreachable = PlanOrder("R112", frozenset({"residential"}), Decimal(200), Decimal(180), 2, Decimal(60))
    assert [w.code for w in unreachable.warnings()] == ["plan_order.density_unreachable"]  # 2 × 60% = 120% < 180%


def test_proposal_validation() -> None:
    with pytest.raises(RuleError):
        _proposal(floors=0)
    with pytest.raises(RuleError):
        _proposal(footprint_m2=Decimal(500))
    with pytest.raises(RuleError):
        _proposal(parking_spaces=-1)


@given(
    st.decimals(min_value=50, max_value=5000, places=1),
    st.sampled_from(sorted(DEFAULT_ZONES.zones)),
)
def test_a_proposal_at_the_limits_of_its_order_conforms(land: Decimal, code: str) -> None:
    zone = DEFAULT_ZONES.get(code)
    if zone.max_floors == 0 or zone.max_density_percent == 0:
        return
    order = PlanOrder.from_zone(zone, land)
    footprint = min(order.max_footprint_m2, order.max_total_floor_area_m2)
    proposal = ProposedPermit(
        frozenset(sorted(zone.allowed_uses)[:1]), zone.max_floors, order.max_total_floor_area_m2, footprint,
        order.parking_required(4), 4,
    )  # fmt: skip
    assert check_permit(order, proposal) == []
    assert set(USES) >= zone.allowed_uses
