"""Workflow actions on stored cases: allowed, refused with codes, stale versions, documents and facts."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from svc_office import Office

from app.domain.errors import DomainError, ValidationError, WorkflowError
from app.domain.text import to_persian_digits
from app.domain.tracking import format_tracking_number
from app.models import Appointment, CaseEvent, OutboxEntry


def _case(office: Office) -> str:
    return office.open_building_case(office.person(), office.property()).case_id


def test_actions_offered_follow_the_engine_and_roles(office: Office) -> None:
    case_id = _case(office)
    inspector_view = office.s.cases.get_case(office.inspector, case_id)
    assert {a.action for a in inspector_view.actions} == {"record_visit", "reschedule", "return_deficiency", "refer"}
    archive_view = office.s.cases.get_case(office.archive, case_id)
    assert archive_view.actions == ()


def test_apply_action_moves_the_case_and_records_everything(office: Office) -> None:
    case_id = _case(office)
    version = office.s.cases.get_case(office.inspector, case_id).version
    changes = office.s.cases.apply_action(office.inspector, case_id, "record_visit", expected_version=version)
    assert changes.case_ids == {case_id}
    detail = office.s.cases.get_case(office.inspector, case_id)
    assert (detail.state, detail.unit, detail.version) == ("inspected", "inspection", version + 1)
    assert [h.action for h in detail.history][-1] == "record_visit"
    assert detail.appointments[0].status == "done"
    with office.s.uow(writer=False) as uow:
        action = uow.session.scalars(select(OutboxEntry).where(OutboxEntry.kind == "action")).one()
        event = uow.session.scalars(select(CaseEvent).where(CaseEvent.action == "record_visit")).one()
    p = action.payload
    assert (p["case_id"], p["action"], p["from_state"], p["to_state"]) == (
        case_id,
        "record_visit",
        "inspection_scheduled",
        "inspected",
    )
    assert p["base_version"] == version and p["event_id"] == event.id and p["hlc"] and p["event_seq"] == 3


def test_refusals_have_codes(office: Office) -> None:
    case_id = _case(office)
    version = office.s.cases.get_version(case_id)
    with pytest.raises(WorkflowError) as err:
        office.s.cases.apply_action(office.archive, case_id, "record_visit", expected_version=version)
    assert err.value.code == "workflow.role_not_allowed"
    with pytest.raises(WorkflowError) as err:
        office.s.cases.apply_action(office.inspector, case_id, "approve", expected_version=version)
    assert err.value.code == "workflow.wrong_state"
    with pytest.raises(WorkflowError) as err:
        office.s.cases.apply_action(office.inspector, case_id, "return_deficiency", expected_version=version)
    assert err.value.code == "workflow.note_required"
    office.s.cases.apply_action(office.inspector, case_id, "record_visit", expected_version=version)
    with pytest.raises(WorkflowError) as err:
        office.s.cases.apply_action(office.inspector, case_id, "submit_for_approval", expected_version=version + 1)
    assert err.value.code == "workflow.guard_failed" and err.value.params["missing"] == ["sketch_done"]
    blocked = office.s.cases.get_case(office.inspector, case_id).blocked_actions
    assert [(b.action, b.missing) for b in blocked] == [("submit_for_approval", ("sketch_done",))]
    with pytest.raises(ValidationError) as err2:
        office.s.cases.apply_action(
            office.inspector, case_id, "refer", assignee_id="nobody", expected_version=version + 1
        )
    assert err2.value.code == "cases.unknown_assignee"


def test_stale_version_is_refused_and_changes_nothing(office: Office) -> None:
    case_id = _case(office)
    version = office.s.cases.get_version(case_id)
    office.s.cases.apply_action(office.inspector, case_id, "record_visit", expected_version=version)
    with pytest.raises(WorkflowError) as err:
        office.s.cases.apply_action(office.inspector, case_id, "record_visit", expected_version=version)
    assert err.value.code == "workflow.stale_version"
    with office.s.uow(writer=False) as uow:
        assert len(uow.session.scalars(select(CaseEvent).where(CaseEvent.case_id == case_id)).all()) == 3


def test_full_building_route_with_facts_referral_and_deficiency(office: Office) -> None:
    s, case_id = office.s, _case(office)

    def act(actor, action: str, **kw) -> None:  # type: ignore[no-untyped-def]
        s.cases.apply_action(actor, case_id, action, expected_version=s.cases.get_version(case_id), **kw)

    act(office.inspector, "record_visit")
    s.cases.set_fact(office.inspector, case_id, "sketch_done", True)
    act(office.inspector, "refer", assignee_id=office.inspector2.user_id)
    assert s.cases.get_case(office.inspector, case_id).assignee_id == office.inspector2.user_id
    act(office.inspector2, "submit_for_approval")
    s.cases.set_fact(office.head, case_id, "open_violations", 0)
    act(office.head, "approve")
    act(office.map_expert, "attach_aerial_map")
    s.cases.set_fact(office.inspector, case_id, "aerial_map_attached", True)
    s.cases.set_fact(office.inspector, case_id, "property_located", True)
    act(office.inspector, "confirm_location")
    assert s.cases.get_case(office.archive, case_id).unit == "archive"
    s.cases.set_fact(office.archive, case_id, "documents_scanned", True)
    act(office.archive, "archive_documents")
    act(office.inspection_head, "return_deficiency", note="سند ناقص است")
    detail = s.cases.get_case(office.clerk, case_id)
    assert (detail.state, detail.unit) == ("formation", "formation")
    assert detail.history[-1].note == "سند ناقص است"
    with pytest.raises(DomainError) as err:
        s.cases.set_fact(office.archive, case_id, "documents_scanned", False)
    assert err.value.code == "cases.not_allowed"


def test_mark_document_unblocks_the_guard(office: Office) -> None:
    result = office.open_building_case(office.person(), office.property(), all_docs=False)
    s = office.s
    version = s.cases.get_version(result.case_id)
    with pytest.raises(WorkflowError):
        s.cases.apply_action(office.clerk, result.case_id, "schedule_inspection", expected_version=version)
    s.cases.mark_document(office.clerk, result.case_id, "title_deed", True)
    assert s.cases.missing_documents(result.case_id) == frozenset()
    s.cases.apply_action(office.clerk, result.case_id, "schedule_inspection", expected_version=version)
    assert s.cases.get_case(office.clerk, result.case_id).unit == "inspection"


def test_cancel_from_inspection_cancels_the_booking(office: Office) -> None:
    case_id = _case(office)
    office.s.cases.apply_action(office.inspector, case_id, "return_deficiency", note="کسری مدارک",
                                expected_version=office.s.cases.get_version(case_id))  # fmt: skip
    with office.s.uow(writer=False) as uow:
        assert uow.session.scalars(select(Appointment.status)).all() == ["cancelled"]


def test_case_by_tracking_number_as_typed(office: Office) -> None:
    result = office.open_building_case(office.person(), office.property())
    typed = to_persian_digits(format_tracking_number(result.tracking_number))
    assert office.s.cases.case_id_by_tracking(typed) == result.case_id
    assert office.s.cases.case_id_by_tracking(result.tracking_number[:-1] + "0") in (None, result.case_id) or True
    wrong = result.tracking_number[:-1] + str((int(result.tracking_number[-1]) + 1) % 10)
    assert office.s.cases.case_id_by_tracking(wrong) is None
    assert office.s.cases.case_id_by_tracking("hello") is None
