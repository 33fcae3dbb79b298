"""Every error code the domain raises has a Persian message."""

from __future__ import annotations

import re
from pathlib import Path

import app.domain
from app.domain.errors import DomainError, WorkflowError
from app.domain.messages_fa import MESSAGES, message_fa

_RAISED = re.compile(
    r"""(?:ValidationError|WorkflowError|NotFoundError|DomainError|ValueError)\(\s*"([a-z_]+\.[a-z_]+)\""""
)


def test_every_raised_code_has_a_message() -> None:
    root = Path(app.domain.__file__).parent
    codes: set[str] = set()
    for path in root.rglob("*.py"):
        if path.name in {"payment_ids.py", "hlc.py"}:  # other areas' modules; their codes live with them
            continue
        codes |= set(_RAISED.findall(path.read_text(encoding="utf-8")))
    assert "workflow.guard_failed" in codes and "national_id.checksum" in codes
    assert codes - set(MESSAGES) == set()


def test_guard_failure_names_documents_and_facts_in_persian() -> None:
    error = WorkflowError("workflow.guard_failed", guard="all_documents_received",
                          missing=["title_deed", "sketch_done", "mystery"], action="x")  # fmt: skip
    text = message_fa(error)
    assert "سند مالکیت" in text and "رسم کروکی" in text and "mystery" in text


def test_roles_needed_in_persian() -> None:
    text = message_fa(WorkflowError("workflow.role_not_allowed", action="approve", roles_needed=["office_head"]))
    assert "رئیس دفتر" in text


def test_unknown_code_and_missing_params_never_raise() -> None:
    assert message_fa(DomainError("something.new")) == "something.new"
    assert message_fa(DomainError("unit.unknown")) == MESSAGES["unit.unknown"]
