"""The engine's behaviour: why an action is refused, what an applied action records, the building case from
formation to the district with the deficiency loop and a referral, and table validation."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping

import pytest

from app.domain.errors import WorkflowError
from app.domain.workflows import (
    WORKFLOWS,
    Actor,
    CaseEvent,
    CaseSnapshot,
    StateDef,
    Transition,
    Workflow,
    WorkflowDefinitionError,
    apply,
    available_actions,
    blocked_actions,
    check_action,
    get_workflow,
    roles_for,
)
from app.domain.workflows.building_case import BUILDING_CASE
from app.domain.workflows.common import row

AT = dt.datetime(2025, 4, 26, 13, 0, tzinfo=dt.timezone(dt.timedelta(hours=3, minutes=30)))

CLERK = Actor("u-clerk", "clerk", "مریم احمدی", frozenset({"formation.clerk"}))
INSPECTOR = Actor("u-insp", "insp", "علی رضایی", frozenset({"inspection.inspector"}))
INSPECTOR2 = Actor("u-insp2", "insp2", "رضا کریمی", frozenset({"inspection.inspector"}))
MAP_EXPERT = Actor("u-map", "map", "سارا نوری", frozenset({"inspection.expert"}))
OFFICE_HEAD = Actor("u-head", "head", "رئیس دفتر", frozenset({"office_head"}))
ARCHIVE = Actor("u-arc", "arc", "بایگان", frozenset({"archive.operator"}))
INSPECTION_HEAD = Actor("u-ih", "ih", "رئیس بازدید", frozenset({"inspection.head"}))


class Case:
    """A tiny stand-in for the services: keeps a snapshot and applies events to it."""

    def __init__(self, workflow: Workflow, missing: frozenset[str] = frozenset()) -> None:
        self.workflow = workflow
        self.snap = CaseSnapshot("case-1", workflow.id, workflow.initial_state, 0, None, missing, {})
        self.events: list[CaseEvent] = []

    def facts(self, **facts: object) -> None:
        self.snap = dataclasses.replace(self.snap, facts={**self.snap.facts, **facts})

    def documents(self, missing: frozenset[str]) -> None:
        self.snap = dataclasses.replace(self.snap, missing_documents=missing)

    def do(self, who: Actor, action: str, **kw: object) -> CaseEvent:
        event = apply(self.workflow, self.snap, who, action, at=AT, workstation_id="ws-1",
                      expected_version=self.snap.version, **kw)  # type: ignore[arg-type]  # fmt: skip
        self.snap = dataclasses.replace(
            self.snap, state=event.to_state, assignee_id=event.assignee_id, version=self.snap.version + 1
        )
        self.events.append(event)
        return event

    def actions(self, who: Actor) -> list[str]:
        return [t.action for t in available_actions(self.workflow, self.snap, who)]


def test_building_case_from_formation_to_the_district() -> None:
    case = Case(BUILDING_CASE, missing=frozenset({"title_deed"}))
    assert case.snap.state == "formation"
    assert "schedule_inspection" not in case.actions(CLERK)
    [(_t, why)] = [b for b in blocked_actions(BUILDING_CASE, case.snap, CLERK) if b[0].action == "schedule_inspection"]
    assert why.code == "workflow.guard_failed" and why.params["missing"] == ["title_deed"]

    case.documents(frozenset())
    case.do(CLERK, "schedule_inspection")
    assert BUILDING_CASE.state(case.snap.state).unit == "inspection"
    assert case.actions(CLERK) == ["reschedule"]  # the clerk may move the appointment, nothing more
    case.do(INSPECTOR, "record_visit")
    with pytest.raises(WorkflowError) as err:
        case.do(INSPECTOR, "submit_for_approval")
    assert err.value.params["guard"] == "sketch_done"
    case.facts(sketch_done=True, open_violations=0)
    case.do(INSPECTOR, "submit_for_approval")
    assert case.snap.state == "office_head_review"
    assert case.actions(INSPECTOR) == []  # out of the inspector's cartable
    assert set(case.actions(OFFICE_HEAD)) == {"approve", "return_to_inspector", "return_deficiency"}
    case.do(OFFICE_HEAD, "approve")
    case.do(MAP_EXPERT, "attach_aerial_map", data={"file_id": "f-1"})
    case.facts(aerial_map_attached=True, property_located=True)
    case.do(INSPECTOR, "confirm_location")
    assert case.snap.state == "archive_scan"
    case.facts(documents_scanned=True)
    case.do(ARCHIVE, "archive_documents")
    case.do(INSPECTION_HEAD, "send_to_district")
    assert case.snap.state == "sent_to_district"
    assert BUILDING_CASE.state("sent_to_district").terminal
    assert case.actions(OFFICE_HEAD) == [] and case.actions(INSPECTION_HEAD) == []
    assert [e.version for e in case.events] == list(range(len(case.events)))
    assert [e.to_state for e in case.events][-3:] == ["archive_scan", "inspection_head_review", "sent_to_district"]


def test_violation_found_by_the_office_head() -> None:
    case = Case(BUILDING_CASE)
    case.do(CLERK, "schedule_inspection")
    case.do(INSPECTOR, "record_visit")
    case.facts(sketch_done=True, open_violations=["v-1"])
    case.do(INSPECTOR, "submit_for_approval")
    with pytest.raises(WorkflowError) as err:
        case.do(OFFICE_HEAD, "approve")
    assert (err.value.params["guard"], err.value.params["missing"]) == ("no_open_violations", ["v-1"])
    case.do(OFFICE_HEAD, "send_to_violation_review", note="اضافه بنا در طبقه سوم")
    assert BUILDING_CASE.state(case.snap.state).unit == "violation"
    expert = Actor("u-v", "v", "کارشناس خلاف", frozenset({"violation.expert"}))
    with pytest.raises(WorkflowError):
        case.do(expert, "resolve_violation", note="رفع شد")
    case.facts(open_violations=[])
    case.do(expert, "resolve_violation", note="رفع شد")
    case.do(OFFICE_HEAD, "approve")
    assert case.snap.state == "aerial_locating"


@pytest.mark.parametrize(
    ("state", "who"),
    [("inspection_scheduled", INSPECTOR), ("inspected", INSPECTOR), ("office_head_review", OFFICE_HEAD),
     ("inspection_head_review", INSPECTION_HEAD)],
)  # fmt: skip
def test_deficiency_loops_back_to_formation(state: str, who: Actor) -> None:
    snap = CaseSnapshot("c", "building_case", state, 7, "u-x", frozenset(), {"sketch_done": True})
    with pytest.raises(WorkflowError) as err:
        apply(BUILDING_CASE, snap, who, "return_deficiency", at=AT, workstation_id="ws")
    assert err.value.code == "workflow.note_required"
    event = apply(BUILDING_CASE, snap, who, "return_deficiency", at=AT, workstation_id="ws",
                  note="  بنچاق و وکالت‌نامه ناقص است  ", data={"missing_documents": ["old_deed"]})  # fmt: skip
    assert event.to_state == "formation"
    assert event.note == "بنچاق و وکالت‌نامه ناقص است"
    assert event.assignee_id is None  # back in the formation unit's cartable for whoever picks it up
    assert event.data["missing_documents"] == ["old_deed"]
    # Back in formation, the clerk cannot schedule again until the documents are in.
    back = dataclasses.replace(snap, state="formation", missing_documents=frozenset({"old_deed"}))
    with pytest.raises(WorkflowError) as err2:
        check_action(BUILDING_CASE, back, CLERK, "schedule_inspection")
    assert err2.value.params["missing"] == ["old_deed"]
    check_action(BUILDING_CASE, dataclasses.replace(back, missing_documents=frozenset()), CLERK, "schedule_inspection")


def test_refer_keeps_the_state_and_changes_the_assignee() -> None:
    snap = CaseSnapshot("c", "building_case", "inspected", 2, INSPECTOR.user_id)
    with pytest.raises(WorkflowError) as err:
        apply(BUILDING_CASE, snap, INSPECTOR, "refer", at=AT, workstation_id="ws")
    assert err.value.code == "workflow.assignee_required"
    event = apply(BUILDING_CASE, snap, INSPECTOR, "refer", at=AT, workstation_id="ws", assignee_id=INSPECTOR2.user_id)
    assert (event.from_state, event.to_state, event.assignee_id) == ("inspected", "inspected", "u-insp2")
    # A clerk cannot refer an inspection.
    with pytest.raises(WorkflowError) as err2:
        apply(BUILDING_CASE, snap, CLERK, "refer", at=AT, workstation_id="ws", assignee_id="u-x")
    assert err2.value.code == "workflow.role_not_allowed"
    assert err2.value.params["roles_needed"] == ["inspection.head", "inspection.inspector"]


def test_an_action_that_keeps_the_state_keeps_the_assignee() -> None:
    snap = CaseSnapshot("c", "building_case", "aerial_locating", 2, INSPECTOR.user_id)
    event = apply(BUILDING_CASE, snap, MAP_EXPERT, "attach_aerial_map", at=AT, workstation_id="ws")
    assert event.assignee_id == INSPECTOR.user_id


def test_refusal_codes_and_their_order() -> None:
    snap = CaseSnapshot("c", "building_case", "formation", 5)
    with pytest.raises(WorkflowError) as err:
        check_action(BUILDING_CASE, snap, CLERK, "fly_away")
    assert err.value.code == "workflow.unknown_action"
    # The stale version is reported before anything else: the person's screen is out of date.
    with pytest.raises(WorkflowError) as err:
        check_action(BUILDING_CASE, snap, INSPECTOR, "send_to_district", expected_version=4)
    assert err.value.code == "workflow.stale_version"
    assert (err.value.params["expected"], err.value.params["actual"]) == (4, 5)
    with pytest.raises(WorkflowError) as err:
        check_action(BUILDING_CASE, snap, INSPECTION_HEAD, "send_to_district", expected_version=5)
    assert err.value.code == "workflow.wrong_state"
    assert err.value.params["allowed_in"] == ["inspection_head_review"]
    with pytest.raises(WorkflowError) as err:
        check_action(BUILDING_CASE, snap, INSPECTOR, "schedule_inspection")
    assert err.value.code == "workflow.role_not_allowed"
    assert err.value.params["roles_needed"] == ["formation.clerk", "formation.head"]
    with pytest.raises(WorkflowError) as err:
        check_action(BUILDING_CASE, snap, CLERK, "cancel", note=" ")
    assert err.value.code == "workflow.note_required"
    with pytest.raises(WorkflowError) as err:
        check_action(BUILDING_CASE, dataclasses.replace(snap, state="limbo"), CLERK, "cancel")
    assert err.value.code == "workflow.unknown_state"
    with pytest.raises(WorkflowError) as err:
        check_action(BUILDING_CASE, dataclasses.replace(snap, workflow_id="plan_approval"), CLERK, "cancel")
    assert err.value.code == "workflow.mismatch"
    with pytest.raises(WorkflowError) as err:
        available_actions(BUILDING_CASE, dataclasses.replace(snap, workflow_id="plan_approval"), CLERK)
    assert err.value.code == "workflow.mismatch"


def test_event_record() -> None:
    snap = CaseSnapshot("case-9", "building_case", "formation", 4, None, frozenset(), {})
    data: dict[str, object] = {"appointment": "1404/02/08 10:00"}
    event = apply(BUILDING_CASE, snap, CLERK, "schedule_inspection", at=AT, workstation_id="0101-003",
                  data=data, assignee_id=INSPECTOR.user_id, expected_version=4)  # fmt: skip
    data["appointment"] = "changed later"
    assert event.data["appointment"] == "1404/02/08 10:00"  # the event holds its own copy
    with pytest.raises(TypeError):
        event.data["x"] = 1  # type: ignore[index]
    assert event.at == dt.datetime(2025, 4, 26, 9, 30, tzinfo=dt.UTC)
    assert event.at.tzinfo is dt.UTC
    assert (event.actor_id, event.actor_name, event.roles_used) == (
        "u-clerk",
        "مریم احمدی",
        frozenset({"formation.clerk"}),
    )
    assert (event.case_id, event.workflow_id, event.version, event.workstation_id) == ("case-9", "building_case", 4,
                                                                                     "0101-003")  # fmt: skip
    assert event.assignee_id == INSPECTOR.user_id and event.note is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.to_state = "x"  # type: ignore[misc]
    record = json.loads(json.dumps(event.to_dict(), ensure_ascii=False))
    assert record["at"] == "2025-04-26T09:30:00+00:00"
    assert record["roles_used"] == ["formation.clerk"]
    assert record["to_state"] == "inspection_scheduled"


def test_apply_needs_an_aware_timestamp() -> None:
    snap = CaseSnapshot("c", "building_case", "formation")
    with pytest.raises(ValueError, match="timezone"):
        apply(BUILDING_CASE, snap, CLERK, "schedule_inspection", at=dt.datetime(2025, 1, 1), workstation_id="ws")


def test_roles_used_is_the_overlap_only() -> None:
    both = Actor("u", "u", "U", frozenset({"formation.clerk", "formation.head", "archive.operator"}))
    event = apply(BUILDING_CASE, CaseSnapshot("c", "building_case", "formation"), both, "schedule_inspection",
                  at=AT, workstation_id="ws")  # fmt: skip
    assert event.roles_used == {"formation.clerk", "formation.head"}


def test_actor_units() -> None:
    assert INSPECTOR.units == {"inspection"}
    multi = Actor("u", "u", "U", frozenset({"formation.clerk", "archive.operator"}))
    assert multi.units == {"formation", "archive"}
    assert "admin" not in OFFICE_HEAD.units and "inspection" in OFFICE_HEAD.units


def test_workflow_lookups() -> None:
    assert get_workflow("building_case") is BUILDING_CASE
    with pytest.raises(Exception) as err:
        get_workflow("nope")
    assert getattr(err.value, "code", None) == "workflow.unknown"
    assert BUILDING_CASE.states_of_unit("archive") == ("archive_scan",)
    assert "cancelled" in BUILDING_CASE.states_of_unit("formation", open_only=False)
    assert "cancelled" not in BUILDING_CASE.states_of_unit("formation")
    assert set(BUILDING_CASE.terminal_states) == {"sent_to_district", "cancelled"}
    assert "office_head" in roles_for(BUILDING_CASE, "office_head_review")
    assert BUILDING_CASE.transition("formation", "nope") is None
    cert = WORKFLOWS["certificate.completion"]
    assert not cert.state("issued").open and not cert.state("issued").terminal  # settled: revocable, off cartables
    assert "issued" not in cert.open_states


# -- table validation ------------------------------------------------------------------------------------------------

_A = StateDef("a", "formation", "A", "الف", role="formation.clerk")
_B = StateDef("b", "formation", "B", "ب", terminal=True)
_C = StateDef("c", "formation", "C", "ج")
_GO = row("a", "approve", "b", {"formation.clerk"})


def _wf(**overrides: object) -> Workflow:
    values: Mapping[str, object] = {"id": "t", "initial_state": "a", "states": (_A, _B), "transitions": (_GO,)}
    return Workflow(**{**values, **overrides})  # type: ignore[arg-type]


def test_a_valid_small_table() -> None:
    assert _wf().actions == {"approve"}


@pytest.mark.parametrize(
    ("overrides", "fragment"),
    [
        ({"initial_state": "z"}, "initial state"),
        ({"states": (_A, _B, _A)}, "duplicate state"),
        ({"states": (_A, _B, dataclasses.replace(_C, terminal=True))}, "not reachable"),
        ({"transitions": (_GO, row("a", "reject", "z", {"formation.clerk"}))}, "unknown state"),
        ({"transitions": (_GO, row("a", "approve", "a", {"formation.clerk"}))}, "appears twice"),
        ({"transitions": (_GO, row("b", "close", "a", {"formation.clerk"}))}, "terminal state"),
        ({"transitions": (_GO, row("a", "reject", "b", {"formation.cook"}))}, "unknown roles"),
        ({"transitions": (_GO, row("a", "reject", "b", set()))}, "allows no role"),
        ({"transitions": (_GO, row("a", "reject", "b", {"formation.clerk"}, guards=("moon_is_full",)))},
         "unknown guards"),
        ({"states": (_A, _B, _C), "transitions": (_GO, row("a", "reject", "c", {"formation.clerk"}))}, "no exit"),
        ({"states": (_A, dataclasses.replace(_B, unit="kitchen"))}, "unknown unit"),
        ({"states": (dataclasses.replace(_A, role="kitchen.cook"), _B)}, "unknown role"),
    ],
)  # fmt: skip
def test_table_validation(overrides: dict[str, object], fragment: str) -> None:
    with pytest.raises(WorkflowDefinitionError, match=fragment):
        _wf(**overrides)


def test_transition_titles_come_from_the_action_table() -> None:
    t: Transition = row("a", "return_deficiency", "a", {"formation.clerk"}, note=True)
    assert t.title_fa == "بازگشت به علت کسری" and t.needs_note and t.keeps_state
    with pytest.raises(KeyError):
        row("a", "unheard_of", "b", {"formation.clerk"})
