"""Every transition of every workflow table: allowed for its roles, refused for every other role, refused by each
of its guards, and refused without its note or assignee."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TypedDict

import pytest

from app.domain.errors import WorkflowError
from app.domain.units import ROLES
from app.domain.workflows import (
    GUARDS,
    PASSING_FACTS,
    WORKFLOWS,
    Actor,
    CaseSnapshot,
    Transition,
    Workflow,
    apply,
    available_actions,
    check_action,
    states_of_unit,
)

AT = dt.datetime(2025, 4, 26, 9, 30, tzinfo=dt.UTC)

ROWS = [(w, t) for w in WORKFLOWS.values() for t in w.transitions]
IDS = [f"{w.id}:{t.from_state}:{t.action}" for w, t in ROWS]

# For each guard: facts (and missing documents) that make it, and only it, fail; and what it then reports missing.
FAILING: Mapping[str, tuple[dict[str, object], frozenset[str], list[str]]] = {
    "all_documents_received": ({}, frozenset({"title_deed", "id_documents"}), ["id_documents", "title_deed"]),
    "no_open_violations": ({"open_violations": ["v-2", "v-1"]}, frozenset(), ["v-1", "v-2"]),
    "has_open_violations": ({"open_violations": 0}, frozenset(), ["open_violations"]),
    "fees_paid": ({"fees_paid": False, "unpaid_fees": ["office_fee"]}, frozenset(), ["office_fee"]),
    "sketch_done": ({"sketch_done": False}, frozenset(), ["sketch_done"]),
    "aerial_map_attached": ({"aerial_map_attached": False}, frozenset(), ["aerial_map_attached"]),
    "property_located": ({"property_located": False}, frozenset(), ["property_located"]),
    "documents_scanned": ({"documents_scanned": False}, frozenset(), ["documents_scanned"]),
    "supervisor_final_report": ({"supervisor_final_report": False}, frozenset(), ["supervisor_final_report"]),
    "both_referrals_answered": ({"answered_referrals": ["fire"]}, frozenset(), ["green_space"]),
    "checklist_complete": ({"checklist_complete": False, "open_checklist_items": ["insurance"]}, frozenset(),
                           ["insurance"]),
    "technical_id_recorded": ({"technical_id_recorded": False}, frozenset(), ["technical_id_recorded"]),
    "certificate_printed": ({"certificate_printed": False}, frozenset(), ["certificate_printed"]),
}  # fmt: skip


def passing_facts(t: Transition) -> dict[str, object]:
    facts = dict(PASSING_FACTS)
    if "has_open_violations" in t.guards:
        facts["open_violations"] = 1
    return facts


def snapshot(w: Workflow, t: Transition, **changes: object) -> CaseSnapshot:
    values: dict[str, object] = {
        "case_id": "case-1",
        "workflow_id": w.id,
        "state": t.from_state,
        "version": 3,
        "assignee_id": "u-old",
        "missing_documents": frozenset(),
        "facts": passing_facts(t),
    }
    values.update(changes)
    return CaseSnapshot(**values)  # type: ignore[arg-type]


def actor(*roles: str) -> Actor:
    return Actor("u-1", "user1", "کاربر یک", frozenset(roles))


class Extra(TypedDict):
    note: str | None
    assignee_id: str | None


def kwargs(t: Transition) -> Extra:
    return {"note": "توضیح" if t.needs_note else None, "assignee_id": "u-2" if t.needs_assignee else None}


def test_guard_table_covers_every_guard() -> None:
    assert set(FAILING) == set(GUARDS)


@pytest.mark.parametrize(("w", "t"), ROWS, ids=IDS)
def test_allowed_for_each_of_its_roles(w: Workflow, t: Transition) -> None:
    snap = snapshot(w, t)
    for role in t.roles:
        who = actor(role)
        assert check_action(w, snap, who, t.action, **kwargs(t), expected_version=3) == t
        assert t in available_actions(w, snap, who)
        event = apply(w, snap, who, t.action, at=AT, workstation_id="ws-3", **kwargs(t))
        assert (event.from_state, event.to_state) == (t.from_state, t.to_state)
        assert event.roles_used == {role}
        if t.needs_assignee:
            assert event.assignee_id == "u-2"
        elif t.keeps_state:
            assert event.assignee_id == "u-old"
        else:
            assert event.assignee_id is None


@pytest.mark.parametrize(("w", "t"), ROWS, ids=IDS)
def test_refused_for_every_other_role(w: Workflow, t: Transition) -> None:
    snap = snapshot(w, t)
    others = sorted(set(ROLES) - t.roles)
    assert others
    for role in others:
        with pytest.raises(WorkflowError) as err:
            check_action(w, snap, actor(role), t.action, **kwargs(t))
        assert err.value.code == "workflow.role_not_allowed"
        assert err.value.params["roles_needed"] == sorted(t.roles)
        assert t not in available_actions(w, snap, actor(role))
    # All the other roles at once are still not enough.
    with pytest.raises(WorkflowError):
        check_action(w, snap, actor(*others), t.action, **kwargs(t))


@pytest.mark.parametrize(("w", "t"), [r for r in ROWS if r[1].guards], ids=[i for i, r in zip(IDS, ROWS, strict=True)
                                                                            if r[1].guards])  # fmt: skip
def test_refused_by_each_guard(w: Workflow, t: Transition) -> None:
    who = actor(*t.roles)
    for guard in t.guards:
        facts_change, missing_docs, reported = FAILING[guard]
        snap = snapshot(w, t, facts=passing_facts(t) | facts_change, missing_documents=missing_docs)
        with pytest.raises(WorkflowError) as err:
            check_action(w, snap, who, t.action, **kwargs(t))
        assert err.value.code == "workflow.guard_failed"
        assert err.value.params["guard"] == guard
        assert err.value.params["missing"] == reported
        assert t not in available_actions(w, snap, who)


@pytest.mark.parametrize(("w", "t"), [r for r in ROWS if r[1].needs_note], ids=[i for i, r in zip(IDS, ROWS, strict=True)
                                                                                if r[1].needs_note])  # fmt: skip
def test_note_required(w: Workflow, t: Transition) -> None:
    for note in (None, "", "   \n"):
        with pytest.raises(WorkflowError) as err:
            check_action(w, snapshot(w, t), actor(*t.roles), t.action, note=note, assignee_id="u-2")
        assert err.value.code == "workflow.note_required"


@pytest.mark.parametrize(
    ("w", "t"), [r for r in ROWS if r[1].needs_assignee],
    ids=[i for i, r in zip(IDS, ROWS, strict=True) if r[1].needs_assignee],
)  # fmt: skip
def test_assignee_required(w: Workflow, t: Transition) -> None:
    with pytest.raises(WorkflowError) as err:
        check_action(w, snapshot(w, t), actor(*t.roles), t.action, note="x", assignee_id=None)
    assert err.value.code == "workflow.assignee_required"


@pytest.mark.parametrize("w", WORKFLOWS.values(), ids=list(WORKFLOWS))
def test_wrong_state_for_every_action(w: Workflow) -> None:
    everyone = actor(*ROLES)
    for state in w.states:
        here = {t.action for t in w.transitions_from(state.id)}
        for action in sorted(w.actions - here):
            snap = CaseSnapshot("c", w.id, state.id, facts=dict(PASSING_FACTS))
            with pytest.raises(WorkflowError) as err:
                check_action(w, snap, everyone, action, note="x", assignee_id="u")
            assert err.value.code == "workflow.wrong_state"
            assert state.id not in err.value.params["allowed_in"]


@pytest.mark.parametrize("w", WORKFLOWS.values(), ids=list(WORKFLOWS))
def test_table_shape(w: Workflow) -> None:
    for state in w.states:
        exits = w.transitions_from(state.id)
        assert state.title_en and state.title_fa
        if state.terminal:
            assert not exits
            continue
        assert exits
        # The person whose cartable holds the case can do something there.
        if state.role is not None and state.open:
            assert any(state.role in t.roles for t in exits), (w.id, state.id)
    for t in w.transitions:
        assert t.title_en and t.title_fa
        if t.action == "return_deficiency":
            assert t.needs_note
        if t.action == "refer":
            assert t.needs_assignee and t.keeps_state
    # No dead ends: from every state some end (terminal or settled) can be reached.
    ends = {s.id for s in w.states if not s.open}
    assert ends
    for state in w.states:
        seen, todo = {state.id}, [state.id]
        while todo:
            for t in w.transitions_from(todo.pop()):
                if t.to_state not in seen:
                    seen.add(t.to_state)
                    todo.append(t.to_state)
        assert seen & ends, (w.id, state.id)


def test_every_non_admin_unit_has_a_cartable_or_tab_role() -> None:
    cartable_units = {s.unit for w in WORKFLOWS.values() for s in w.states if s.open}
    assert {"formation", "inspection", "violation", "plan_approval", "certificates", "permits", "renovation",
            "liaison", "consultation", "vehicle", "technical", "audit", "archive"} <= cartable_units  # fmt: skip
    assert states_of_unit("archive") == {"building_case": ("archive_scan",)}
    assert "building_case" in states_of_unit("inspection")
    assert "sent_to_district" not in states_of_unit("inspection")["building_case"]


# The vehicle-charge kinds each have their own table: the path of each, as the unit works it, with its end states.
VEHICLE_PATHS: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "vehicle.sticker": (("issue_slip", "confirm_payment", "issue"), ("issued", "rejected", "withdrawn")),
    "vehicle.replacement": (
        ("check_reason", "issue_slip", "confirm_payment", "issue"),
        ("issued", "rejected", "withdrawn"),
    ),
    "vehicle.refund": (("compute_refund", "approve", "pay_out"), ("paid_out", "rejected", "withdrawn")),
    "vehicle.objection": (
        ("start_review", "send_to_police", "objection_accepted"),
        ("accepted", "refused", "rejected", "withdrawn"),
    ),
}


@pytest.mark.parametrize("workflow_id", list(VEHICLE_PATHS))
def test_vehicle_kind_has_its_own_path(workflow_id: str) -> None:
    from app.domain.catalog import CATALOG

    w = WORKFLOWS[workflow_id]
    path, ends = VEHICLE_PATHS[workflow_id]
    assert [s.unit for s in CATALOG.services_of_workflow(workflow_id)] == ["vehicle"]
    assert w.terminal_states == ends
    assert all(s.unit == "vehicle" for s in w.states)
    state = w.initial_state
    head = actor("vehicle.head")
    clerk = actor("vehicle.clerk")
    for action in path:
        t = w.transition(state, action)
        assert t is not None, (state, action)
        snap = snapshot(w, t)
        who = clerk if "vehicle.clerk" in t.roles else head
        event = apply(w, snap, who, action, at=AT, workstation_id="1", expected_version=3, **kwargs(t))
        state = event.to_state
    assert w.state(state).terminal


def test_vehicle_money_guards_and_head_only_steps() -> None:
    sticker, refund, objection = (WORKFLOWS[f"vehicle.{k}"] for k in ("sticker", "refund", "objection"))
    assert "fees_paid" in sticker.transition("paid", "issue").guards  # type: ignore[union-attr]
    assert "fees_paid" in objection.transition("in_review", "send_to_police").guards  # type: ignore[union-attr]
    approve = refund.transition("amount_computed", "approve")
    assert approve is not None and "fees_paid" in approve.guards and "vehicle.clerk" not in approve.roles
    assert refund.transition("received", "approve") is None  # the amount is computed first
    assert objection.transition("in_review", "objection_accepted") is None  # the police decide, after sending
