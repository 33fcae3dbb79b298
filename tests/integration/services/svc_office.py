"""Helpers of the service tests: a movable clock and an office with users (imported by conftest and tests)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from app.domain.catalog import CATALOG
from app.domain.workflows import Actor
from app.paths import DataPaths
from app.services.context import Services, cheap_hasher_for_tests
from app.services.dto import OpenCaseInput, OpenCaseResult, PersonInput, PersonView, PropertyInput, PropertyView

# Monday 5 May 2025 = 1404/02/15, 09:30 in Tehran: a working day.
START = dt.datetime(2025, 5, 5, 6, 0, tzinfo=dt.UTC)
PASSWORD = "secret-pass"


class FakeClock:
    def __init__(self, start: dt.datetime = START) -> None:
        self.value = start

    def __call__(self) -> dt.datetime:
        return self.value

    def advance(self, **kwargs: float) -> None:
        self.value += dt.timedelta(**kwargs)


@dataclass
class Office:
    s: Services
    clock: FakeClock
    admin: Actor
    clerk: Actor
    inspector: Actor
    inspector2: Actor
    head: Actor  # office head
    archive: Actor
    inspection_head: Actor
    map_expert: Actor
    violation: Actor

    def person(self, national_id: str = "0084575948", **kw: str) -> PersonView:
        inp = PersonInput(kind="natural", national_id=national_id, first_name=kw.get("first", "علی"),
                          last_name=kw.get("last", "محمدی"), mobile=kw.get("mobile", "09121234567"),
                          postal_code=kw.get("postal", "1657743311"))  # fmt: skip
        return self.s.intake.register_person(self.clerk, inp)

    def property(
        self,
        code: str = "1-4-76-10-1-2-0",
        plate: tuple[str, str, str] = ("11", "72", "1617"),
        postal: str = "1957643111",
    ) -> PropertyView:
        inp = PropertyInput(renovation_code=code, registry_section=plate[0], registry_main=plate[1],
                            registry_sub=plate[2], postal_code=postal, deed_area_m2=240.0)  # fmt: skip
        return self.s.intake.register_property(self.clerk, inp)

    def open_building_case(
        self, person: PersonView, prop: PropertyView, *, day: dt.date | None = None, all_docs: bool = True
    ) -> OpenCaseResult:
        service = CATALOG.get("F01_OPEN_CASE")
        docs = frozenset(service.required_documents if all_docs else service.required_documents[1:])
        day = day or self.s.intake.inspection_days(self.s.today(), 1)[0].day
        return self.s.intake.open_case(self.clerk, OpenCaseInput(service.code, person.id, prop.id, docs,
                                                                 inspection_day=day))  # fmt: skip


def make_office(root: Path, clock: FakeClock | None = None, workstation_no: int = 1) -> Office:
    clock = clock or FakeClock()
    s = Services.open(DataPaths(root), workstation_no=workstation_no, clock=clock,
                      password_hasher=cheap_hasher_for_tests())  # fmt: skip
    s.auth.create_user(None, "admin", "مدیر سامانه", PASSWORD, ["admin"])
    admin = s.auth.login("admin", PASSWORD)
    users = {
        "intake": ("زهرا کریمی", ["formation.clerk"], 0),
        "inspector1": ("حمید رستمی", ["inspection.inspector"], 2),
        "inspector2": ("سعید نوری", ["inspection.inspector"], 1),
        "officehead": ("محمدرضا هاشمی", ["office_head"], 0),
        "archive": ("مریم صادقی", ["archive.operator"], 0),
        "inspectionhead": ("مجید اکبری", ["inspection.head"], 0),
        "mapexpert": ("الهام طاهری", ["inspection.expert"], 0),
        "violation": ("جواد موسوی", ["violation.expert", "violation.head"], 0),
    }
    actors = {}
    for username, (name, roles, capacity) in users.items():
        s.auth.create_user(admin, username, name, PASSWORD, roles, inspector_daily_capacity=capacity)
        actors[username] = s.auth.actor_by_username(username)
    return Office(s, clock, admin, actors["intake"], actors["inspector1"], actors["inspector2"],
                  actors["officehead"], actors["archive"], actors["inspectionhead"], actors["mapexpert"],
                  actors["violation"])  # fmt: skip
