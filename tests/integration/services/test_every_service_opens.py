"""Issue 7, item 7: every service of units 2–7 can be opened. The rule: every file starts at the counter (seed),
so the counter's service list (``counter_services``, what the intake tab's chooser shows) offers every catalog
service of the formation unit and of units 2–7, grouped by unit; opening each there puts the case in the cartable of
the unit that works it (or, for a service with a visit, books it and hands it to the inspection unit)."""

from __future__ import annotations

import pytest
from svc_office import PASSWORD, Office

from app.domain import workflows as wf
from app.domain.catalog import CATALOG
from app.domain.units import get_unit
from app.services.dto import OpenCaseInput
from app.services.intake import COUNTER_UNITS, counter_services, opening_actions

UNITS_2_TO_7 = ("inspection", "violation", "plan_approval", "certificates", "permits", "renovation")


def test_the_counter_offers_every_service_of_units_2_to_7_grouped_by_unit() -> None:
    offered = [s.code for s in counter_services()]
    wanted = [s.code for s in CATALOG.services if s.unit in UNITS_2_TO_7]
    assert len(wanted) >= 14 and set(wanted) <= set(offered)
    assert "PD01_PERMIT_DRAFT" in offered and "V03_ARTICLE100_OBJECTION" in offered
    assert len(offered) == len(set(offered))
    assert offered[0] == "F01_OPEN_CASE"  # the building case stays the counter's first (default) service
    units = [s.unit for s in counter_services()]
    assert list(dict.fromkeys(units)) == list(COUNTER_UNITS) == ["formation", *UNITS_2_TO_7]
    assert units == sorted(units, key=COUNTER_UNITS.index), "grouped by unit"


@pytest.mark.parametrize("code", [s.code for s in CATALOG.services if s.unit in UNITS_2_TO_7])
def test_each_service_opened_at_the_counter_lands_in_a_cartable(office: Office, code: str) -> None:
    service = CATALOG.get(code)
    s = office.s
    person, prop = office.person(), office.property()
    day = s.intake.inspection_days(s.today(), 1)[0].day if service.needs_inspection else None
    result = s.intake.open_case(office.clerk, OpenCaseInput(code, person.id, prop.id,
                                                            frozenset(service.required_documents),
                                                            inspection_day=day))  # fmt: skip
    workflow = wf.get_workflow(service.workflow_id)
    expected = "inspection" if opening_actions(workflow, service) else workflow.state(workflow.initial_state).unit
    assert result.unit == expected
    assert result.unit in (service.unit, "inspection")
    role = get_unit(result.unit).role_ids[0]
    s.auth.create_user(office.admin, "worker", "کارشناس واحد", PASSWORD, [role])
    worker = s.auth.actor_by_username("worker")
    rows = s.cartable.list_cartable(worker, result.unit)
    assert result.case_id in {r.case_id for r in rows}
    detail = s.cases.get_case(office.clerk, result.case_id)
    assert detail.history[0].action == "open_case"
