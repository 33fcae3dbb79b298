"""Every audit action the services write has a Persian name for the audit viewer (no raw codes on screen)."""

from __future__ import annotations

import re
from pathlib import Path

from app.services.messages_fa import AUDIT_ACTIONS_FA

SERVICES = Path(__file__).resolve().parents[3] / "app" / "services"
RECORD = re.compile(r"audit\.record\([^\"]*?\"([a-z_]+\.[a-z_.]+)\"", re.S)


def test_every_recorded_action_has_a_persian_name() -> None:
    used = {m.group(1) for path in SERVICES.glob("*.py") for m in RECORD.finditer(path.read_text(encoding="utf-8"))}
    assert used, "no audit.record calls found: the pattern is stale"
    assert sorted(used - AUDIT_ACTIONS_FA.keys()) == []
