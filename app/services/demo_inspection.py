"""Demo data of the inspection unit: sketches drawn from the demo neighbourhood's parcels (the same parcels the demo
aerial tiles show), visit forms, and cases waiting in the inspection cartables with them.

Every sketch goes through the real use case (``InspectionService.save_visit``) as the demo inspector, so the facts,
the audit chain and the outbox are what a working office produces. The deed areas come from the demo parcels, a few
of which disagree with the ground by 7-8%: those cases carry the "area differs from the deed" flag.
"""

from __future__ import annotations

import logging
import random
from typing import Any

from sqlalchemy import select

from app.maps.geometry import Leg, bearing_deg, legs_from_ring, traverse
from app.maps.sketch import Building, Passage, Sketch
from app.models import Case
from app.services.context import Services
from app.services.inspection import Boundary, ObservedViolation, VisitInput

log = logging.getLogger(__name__)

DEMO_TILES_SETTING = "maps.demo_tiles"  # this workstation is a demo: the map generates the demo aerial set once
SKETCH_STATES = ("inspected", "aerial_locating")
NEIGHBOURS = ("پلاک مجاور", "کوچه", "خیابان", "ملک همسایه", "زمین خالی")


def _parcels() -> list[dict[str, Any]]:
    """Built-on demo parcels near the demo centre (a shipped sample of ``demo_parcels()``: no layout build)."""
    from app.maps.demo_tiles import load_parcel_sample

    return load_parcel_sample()


def demo_sketch(feature: dict[str, Any]) -> tuple[Sketch, float]:
    """A sketch of a demo parcel (outline, its building, the passage in front, the pin) and the parcel's deed area."""
    props = feature["properties"]
    ring = tuple((float(x), float(y)) for x, y in props["utm"])
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    cx, cy = sum(xs) / len(xs), sum(ys) / len(ys)
    # The building as the aerial shows it (the layout's footprint), else a shrunk copy on the northern part.
    if props.get("building_utm"):
        building = tuple((float(x), float(y)) for x, y in props["building_utm"])
    else:
        building = tuple((cx + (x - cx) * 0.8, cy + (y - cy) * 0.8) for x, y in ring)
    bx, by = sum(p[0] for p in building) / len(building), sum(p[1] for p in building) / len(building)
    south = sorted(ring, key=lambda p: p[1])[:2]
    passage = Passage(line=((south[0][0], south[0][1] - 4), (south[1][0], south[1][1] - 4)), width_m=8.0,
                      name=str(props.get("frontage", "")))  # fmt: skip
    # The sides as an inspector tapes them: centimetres, corner angles to a tenth of a degree, square corners blank.
    legs = tuple(
        Leg(round(leg.length_m, 2), None if leg.angle_deg is None or abs(leg.angle_deg - 90) < 0.5
            else round(leg.angle_deg, 1), leg.turn)
        for leg in legs_from_ring(ring)
    )  # fmt: skip
    points, _closure = traverse(ring[0], legs, bearing_deg(ring[0], ring[1]))
    ring = tuple(points)
    sketch = Sketch(parcel=ring, buildings=(Building(building, int(props.get("floors") or 2)),),
                    passages=(passage,), pin=(bx, by), legs=legs)  # fmt: skip
    return sketch, float(props["deed_area_m2"])


def add_inspection_demo(services: Services, seed: int = 1404) -> int:
    """Sketches and visit forms on the demo's inspection cases; returns how many sketches were saved."""
    rng = random.Random(seed)
    admin = services.auth.actor_by_username("admin")
    services.admin.set_setting(admin, DEMO_TILES_SETTING, True)
    inspector = services.auth.actor_by_username("inspector1")
    head = services.auth.actor_by_username("officehead")
    parcels = _parcels()
    # Flagged parcels first now and then, so the demo shows the deed flag.
    flagged = [f for f in parcels if abs(f["properties"]["deed_area_m2"] / f["properties"]["area_m2"] - 1) > 0.05]
    with services.uow(writer=False) as uow:
        rows = uow.session.execute(
            select(Case.id, Case.state, Case.state_entered_at)
            .where(
                Case.workflow_id == "building_case",
                Case.state.in_((*SKETCH_STATES, "inspection_scheduled", "office_head_review")),
            )
            .order_by(Case.tracking_number)
        ).all()
    saved = 0
    scheduled_done = 0
    scheduled_total = sum(1 for _cid, st, _at in rows if st == "inspection_scheduled")
    for case_id, state, entered in rows:
        if state == "inspection_scheduled":
            if scheduled_done >= min(2, scheduled_total - 2):  # leave visits waiting in the cartable
                continue
            scheduled_done += 1
        feature = flagged.pop() if flagged and saved % 3 == 1 else parcels[rng.randrange(len(parcels))]
        sketch, deed = demo_sketch(feature)
        props = feature["properties"]
        area = round(float(props["area_m2"]), 1)
        form = VisitInput(
            existing_area_m2=area, deed_area_m2=deed,
            corrected_area_m2=round(area * 0.94, 1), widening_area_m2=round(area * 0.06, 1),
            depth_m=round(max(sketch.side_lengths_m), 2), frontage_m=round(min(sketch.side_lengths_m), 2),
            chamfer_m=rng.choice((None, 2.0, 3.0)), street_widths_m=(8.0,) if rng.random() < 0.6 else (8.0, 12.0),
            boundaries={side: Boundary(round(sketch.side_lengths_m[i % len(sketch.side_lengths_m)], 2),
                                       rng.choice(NEIGHBOURS))
                        for i, side in enumerate(("north", "east", "south", "west"))},
            floors_found=int(props.get("floors") or 2), uses_found=("residential",),
            violations=(ObservedViolation("extra_floor_area", 24.0, "طبقه اضافه"),)
            if state == "inspected" and rng.random() < 0.3 else (),
            notes="بازدید با حضور مالک انجام شد.",
        )  # fmt: skip
        moment = entered if entered.tzinfo else entered.replace(tzinfo=services.now().tzinfo)
        try:
            with services.clock_at(moment):
                if state == "inspection_scheduled":
                    services.cases.apply_action(inspector, case_id, "record_visit",
                                                expected_version=services.cases.get_version(case_id))  # fmt: skip
                if state == "office_head_review":  # the head sent it back once; the inspector re-measured
                    services.cases.apply_action(head, case_id, "return_to_inspector",
                                                note="ابعاد ضلع جنوبی با سند تطبیق داده شود.",
                                                expected_version=services.cases.get_version(case_id))  # fmt: skip
                services.inspection.save_visit(inspector, case_id, form, sketch,
                                               expected_version=services.cases.get_version(case_id))  # fmt: skip
                if state == "office_head_review":
                    services.cases.apply_action(inspector, case_id, "submit_for_approval",
                                                expected_version=services.cases.get_version(case_id))  # fmt: skip
            saved += 1
        except Exception as exc:  # demo data must never stop the demo from being built
            log.warning("demo sketch for case %s not saved: %s", case_id, exc)
    return saved
