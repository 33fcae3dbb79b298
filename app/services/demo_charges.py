"""Demo data of the renovation and vehicle tabs: vehicles with owners and stickers, and requests at every step
(assessed, slip issued, paid, cleared; sticker, replacement, refund and camera-fine objection), made through the real
use cases so route histories, payments, audit chain and outbox are what a working office produces."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select

from app.domain.catalog import CATALOG
from app.domain.rules.vehicle import PLATE_LETTERS
from app.maps.projection import MEASURE_CRS, transform_point
from app.models import Person, Property
from app.services.context import Services
from app.services.renovation import DrillingInput, ExcavationInput, LevyInput, RouteInput
from app.services.vehicles import ObjectionInput

MAKES = ("پژو ۲۰۶", "سمند", "پراید ۱۳۱", "تیبا", "دنا", "کوییک", "تویوتا کرولا", "هیوندای النترا", "رانا", "شاهین")
COLORS = ("سفید", "مشکی", "نقره‌ای", "خاکستری", "آبی", "قرمز")
CONTRACTORS = ("شرکت عمران پی‌سازان", "شرکت حمل نخاله البرز", "پیمانکاری راه‌سازان شمال", "شرکت تاسیسات نوین")
DISPOSAL_SITES = ("سایت دفع نخاله آبعلی", "محل دفن پسماند ساختمانی کهریزک")
CAMERAS = ("تقاطع ولیعصر - میرداماد", "بزرگراه مدرس، پل پارک وی", "میدان تجریش", "خیابان شریعتی، پل رومی")
_CENTRE = (51.4325, 35.8045)


def _utm_route(rng: random.Random, legs: int) -> tuple[tuple[float, float], ...]:
    x, y = transform_point(*_CENTRE, "EPSG:4326", MEASURE_CRS)
    points = [(x + rng.uniform(-150, 150), y + rng.uniform(-150, 150))]
    for _ in range(legs):
        px, py = points[-1]
        points.append((px + rng.uniform(40, 180), py + rng.uniform(-120, 60)))
    return tuple((round(a, 2), round(b, 2)) for a, b in points)


def _plate(rng: random.Random) -> str:
    letter = rng.choice([k for k, v in PLATE_LETTERS.items() if v[0] == "private"])
    return f"{rng.randint(11, 99)}{letter}{rng.randint(111, 999)}{rng.randint(10, 99)}"


def create_charges_demo(services: Services, seed: int = 1404) -> int:
    """Add the vehicle and renovation demo; returns the number of requests made."""
    rng = random.Random(seed)
    ren = services.auth.actor_by_username("renovation")
    veh = services.auth.actor_by_username("vehicle")
    with services.uow(writer=False) as uow:
        persons = list(uow.session.scalars(select(Person.id).where(Person.kind == "natural").limit(40)))
        properties = list(uow.session.scalars(select(Property.id).limit(20)))
    if not persons or not properties:
        return 0
    made = 0
    s = services
    now = s.now()

    def at(days_ago: float) -> dt.datetime:
        return now - dt.timedelta(days=days_ago)

    # -- renovation and waste ----------------------------------------------------------------------------------------
    years = sorted(s.renovation.tariffs().years)
    docs = {code: CATALOG.get(code).required_documents for code in (
        "R01_RENOVATION_CLEARANCE", "R02_WASTE_SLIP", "R03_EXCAVATION_ROUTE", "R04_DIGGING_PERMIT")}  # fmt: skip
    for i, stage in enumerate(("assessed", "slip", "cleared", "paid", "new")):
        with s.clock_at(at(6 - i)):
            r = s.renovation.open_request(ren, "R01_RENOVATION_CLEARANCE", rng.choice(persons), properties[i],
                                          docs["R01_RENOVATION_CLEARANCE"])  # fmt: skip
            made += 1
            if stage == "new":
                continue
            land = str(rng.randint(120, 600))
            paid = tuple(y for y in years[:-1] if rng.random() < 0.5)
            s.renovation.record_levy(ren, r.case_id, LevyInput(land, str(int(land) * 2), "steel_concrete",
                                                               years[0], years[-1], paid))  # fmt: skip
            if stage == "assessed":
                continue
            s.renovation.issue_slip(ren, r.case_id)
            if stage == "slip":
                continue
            slip = s.renovation.get(r.case_id).slip or {}
            s.renovation.record_payment(ren, r.case_id, "bank_ref", f"{rng.randint(10**9, 10**10 - 1)}")
            if stage == "cleared":
                s.renovation.issue_clearance(ren, r.case_id)
            del slip
    with s.clock_at(at(2)):
        r = s.renovation.open_request(ren, "R02_WASTE_SLIP", rng.choice(persons), properties[6],
                                      docs["R02_WASTE_SLIP"])  # fmt: skip
        s.renovation.record_waste(ren, r.case_id, "residential", "320", 4)
        made += 1
        r = s.renovation.open_request(ren, "R03_EXCAVATION_ROUTE", rng.choice(persons), properties[7],
                                      docs["R03_EXCAVATION_ROUTE"])  # fmt: skip
        s.renovation.record_excavation(ren, r.case_id, ExcavationInput(
            RouteInput(_utm_route(rng, 4)), rng.choice(CONTRACTORS), rng.choice(DISPOSAL_SITES), "",
            "350", "9", "09121234567"))  # fmt: skip
        s.renovation.issue_slip(ren, r.case_id)
        made += 1
        r = s.renovation.open_request(ren, "R04_DIGGING_PERMIT", rng.choice(persons), None,
                                      docs["R04_DIGGING_PERMIT"], "شرکت آب و فاضلاب منطقه ۱")  # fmt: skip
        s.renovation.record_drilling(ren, r.case_id, DrillingInput(
            RouteInput(_utm_route(rng, 2)), rng.choice(CONTRACTORS), 5, "asphalt", s.today(),
            "شرکت آب و فاضلاب استان تهران"))  # fmt: skip
        made += 1
        r = s.renovation.open_request(ren, "R01_RENOVATION_CLEARANCE", rng.choice(persons), properties[8],
                                      ["id_documents"])  # fmt: skip
        s.cases.apply_action(ren, r.case_id, "return_deficiency", note="سند مالکیت ارائه نشده است.",
                             expected_version=s.cases.get_version(r.case_id))  # fmt: skip
        made += 1

    # -- vehicles ----------------------------------------------------------------------------------------------------
    vehicles = []
    for i in range(10):
        with s.clock_at(at(20 - i)):
            for _ in range(5):
                try:
                    v = s.vehicles.register_vehicle(veh, _plate(rng), persons[(i * 3) % len(persons)],
                                                    rng.choice(MAKES), rng.choice(COLORS))  # fmt: skip
                    vehicles.append(v.id)
                    break
                except Exception:
                    continue

    def sticker(vehicle_id: str, days_ago: float, finish: bool = True) -> str:
        with s.clock_at(at(days_ago)):
            r = s.vehicles.open_sticker(veh, vehicle_id, CATALOG.get("VH01_TRAFFIC_STICKER").required_documents)
            s.vehicles.issue_slip(veh, r.case_id)
            if finish:
                s.vehicles.record_payment(veh, r.case_id, "card_terminal", f"{rng.randint(10**7, 10**8 - 1)}")
                s.vehicles.complete(veh, r.case_id)
        return r.case_id

    for i, vid in enumerate(vehicles[:6]):
        sticker(vid, 15 - i)
        made += 1
    if len(vehicles) > 7:
        sticker(vehicles[6], 1, finish=False)
        made += 1
        with s.clock_at(at(1)):
            s.vehicles.open_sticker(veh, vehicles[7], ["vehicle_card"])
            made += 1
    with s.clock_at(at(3)):
        r = s.vehicles.open_replacement(veh, vehicles[0], "damaged", "آرم روی شیشه آسیب دیده است.",
                                        ["vehicle_card", "id_documents", "previous_sticker"])  # fmt: skip
        s.cases.apply_action(veh, r.case_id, "check_reason", expected_version=s.cases.get_version(r.case_id))
        r = s.vehicles.open_refund(veh, vehicles[1], "IR820540102680020817909002",
                                   CATALOG.get("VH03_TRAFFIC_REFUND").required_documents)  # fmt: skip
        s.cases.apply_action(veh, r.case_id, "compute_refund", expected_version=s.cases.get_version(r.case_id))
        s.vehicles.open_objection(veh, vehicles[2], ObjectionInput(
            f"{rng.randint(10**9, 10**10 - 1)}", s.today() - dt.timedelta(days=12), rng.choice(CAMERAS),
            "در زمان ثبت جریمه خودرو در پارکینگ منزل بوده است."),
            CATALOG.get("VH04_CAMERA_FINE_OBJECTION").required_documents)  # fmt: skip
        made += 3
    return made
