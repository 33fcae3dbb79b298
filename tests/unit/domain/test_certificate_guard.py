"""A certificate is issued only once printed: the workflow's ``issue`` reads ``certificate_printed`` (set by the print
service), so no button can skip the head's approval and the print."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.errors import WorkflowError
from app.domain.messages_fa import message_fa
from app.domain.workflows import PASSING_FACTS, Actor, CaseSnapshot, apply, available_actions, check_action
from app.domain.workflows.certificate import CERTIFICATE_KINDS, CERTIFICATE_WORKFLOWS, HEAD, certificate_workflow_id
from app.domain.workflows.guards import FACT_CERT_PRINTED, GUARDS

HEAD_ACTOR = Actor("u-head", "head", "رئیس واحد", frozenset({HEAD}))
AT = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)


def snapshot(kind: str, **facts: object) -> CaseSnapshot:
    return CaseSnapshot(
        case_id="c-1", workflow_id=certificate_workflow_id(kind), state="head_review", version=3,
        facts={**PASSING_FACTS, **facts},
    )  # fmt: skip


def test_every_certificate_workflow_guards_issue_with_the_print() -> None:
    assert "certificate_printed" in GUARDS
    for workflow in CERTIFICATE_WORKFLOWS:
        issue = workflow.transition("head_review", "issue")
        assert issue is not None and "certificate_printed" in issue.guards
        # Only ``issue``: submitting and approving happen before any paper exists.
        submit = workflow.transition("draft", "submit_for_approval")
        assert submit is not None and "certificate_printed" not in submit.guards


@pytest.mark.parametrize("kind", sorted(CERTIFICATE_KINDS))
def test_issue_allowed_once_printed(kind: str) -> None:
    workflow = next(w for w in CERTIFICATE_WORKFLOWS if w.id == certificate_workflow_id(kind))
    snap = snapshot(kind, **{FACT_CERT_PRINTED: True})
    assert check_action(workflow, snap, HEAD_ACTOR, "issue").to_state == "issued"
    event = apply(workflow, snap, HEAD_ACTOR, "issue", at=AT, workstation_id="1")
    assert event.to_state == "issued"
    assert "issue" in {option.action for option in available_actions(workflow, snap, HEAD_ACTOR)}


@pytest.mark.parametrize("printed", [False, None])
@pytest.mark.parametrize("kind", sorted(CERTIFICATE_KINDS))
def test_issue_refused_before_the_print_naming_it(kind: str, printed: bool | None) -> None:
    workflow = next(w for w in CERTIFICATE_WORKFLOWS if w.id == certificate_workflow_id(kind))
    facts = {k: v for k, v in PASSING_FACTS.items() if k != FACT_CERT_PRINTED}
    if printed is not None:
        facts[FACT_CERT_PRINTED] = printed
    snap = CaseSnapshot(case_id="c-1", workflow_id=workflow.id, state="head_review", version=3, facts=facts)
    with pytest.raises(WorkflowError) as caught:
        check_action(workflow, snap, HEAD_ACTOR, "issue")
    assert caught.value.code == "workflow.guard_failed"
    assert list(caught.value.params["missing"]) == ["certificate_printed"]
    text = message_fa(caught.value)
    assert "چاپ گواهی" in text and "certificate_printed" not in text
    with pytest.raises(WorkflowError):
        apply(workflow, snap, HEAD_ACTOR, "issue", at=AT, workstation_id="1")


def test_the_precondition_comes_before_the_print() -> None:
    """The engine names the first failing guard: a missing precondition first, then the print."""
    snap = snapshot("completion", supervisor_final_report=False, **{FACT_CERT_PRINTED: False})
    workflow = next(w for w in CERTIFICATE_WORKFLOWS if w.id == "certificate.completion")
    with pytest.raises(WorkflowError) as caught:
        check_action(workflow, snap, HEAD_ACTOR, "issue")
    assert list(caught.value.params["missing"]) == ["supervisor_final_report"]
