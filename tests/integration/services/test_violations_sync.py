"""The violation and plan records travel through the outbox: pushed to a real server process, accepted there (the
server replays the workflow actions against the facts that arrived first), and pulled by another workstation."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))

from sync_harness import ServerProcess, Station, make_station, sqlite_server  # noqa: F401

from app.domain.catalog import CATALOG
from app.paths import DataPaths
from app.services.context import Services, cheap_hasher_for_tests
from app.services.dto import OpenCaseInput, PersonInput, PropertyInput


def _services(station: Station) -> Services:
    return Services.open(
        DataPaths(station.root), workstation_no=station.number, password_hasher=cheap_hasher_for_tests()
    )


def test_violations_rulings_and_firms_reach_the_other_workstation(
    sqlite_server: ServerProcess,  # noqa: F811
    make_station: Callable[..., Station],  # noqa: F811
) -> None:
    account = sqlite_server.add_user("violation-sync", {"violation.expert", "violation.head", "plan_approval.expert",
                                                        "formation.clerk"}, "جواد موسوی")  # fmt: skip
    a = make_station(sqlite_server, account=account)
    b = make_station(sqlite_server, account=account)
    with a.sessions() as session:
        a.ensure_user(session, account)
        session.commit()
    actor = account.actor
    s = _services(a)
    try:
        person = s.intake.register_person(actor, PersonInput(kind="natural", national_id="0084575948",
                                                             first_name="علی", last_name="محمدی"))  # fmt: skip
        prop = s.intake.register_property(actor, PropertyInput(renovation_code="1-4-76-10-1-2-0", registry_section="11",
                                                               registry_main="72", registry_sub="1617"))  # fmt: skip
        service = CATALOG.get("V03_ARTICLE100_OBJECTION")
        case_id = s.intake.open_case(actor, OpenCaseInput(service.code, person.id, prop.id,
                                                          frozenset(service.required_documents))).case_id  # fmt: skip
        version = s.cases.get_version(case_id)
        s.cases.apply_action(actor, case_id, "start_review", expected_version=version)
        violation = s.violations.add_violation(actor, case_id, "extra_floor_area", "40", "طبقه مازاد")
        s.cases.apply_action(actor, case_id, "refer_to_commission", note="ارجاع",
                             expected_version=s.cases.get_version(case_id))  # fmt: skip
        served = s.today() - dt.timedelta(days=1)
        s.violations.record_ruling(actor, case_id, "5521", served - dt.timedelta(days=2), served, "fine", 900_000_000)
        firm = s.plans.register_firm(actor, "مهندسان مشاور نقش جهان", "12-4567")
    finally:
        s.close()

    report = a.sync()
    assert report.push.refused == 0, report
    assert a.pending() == 0
    b.sync()
    case = b.case(case_id)
    assert case is not None and case.state == "ruled"
    assert case.facts["open_violations"] == [violation]
    assert case.facts["article100"]["number"] == "5521"
    t = _services(b)
    try:
        assert [f.id for f in t.plans.list_firms()] == [firm]
        assert [e.action for e in t.cases.get_case(actor, case_id).history][-2:] == ["refer_to_commission",
                                                                                    "record_ruling"]  # fmt: skip
    finally:
        t.close()
