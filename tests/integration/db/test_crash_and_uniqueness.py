"""A process killed (SIGKILL) in a burst of writes leaves a sound database with every committed case; tracking
numbers made by two workstations offline never collide."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from app.db.engine import integrity_check
from app.models import Case
from app.paths import DataPaths
from app.services.context import Services, cheap_hasher_for_tests
from app.services.dto import OpenCaseInput, PersonInput

CHILD = Path(__file__).with_name("burst_child.py")


def _setup(root: Path, workstation_no: int = 1) -> tuple[Services, str]:
    s = Services.open(DataPaths(root), workstation_no=workstation_no, password_hasher=cheap_hasher_for_tests())
    s.auth.create_user(None, "admin", "مدیر", "password1", ["admin"])
    admin = s.auth.actor_by_username("admin")
    s.auth.create_user(admin, "intake", "کارشناس", "password1", ["formation.clerk"])
    clerk = s.auth.actor_by_username("intake")
    person = s.intake.register_person(clerk, PersonInput(kind="natural", national_id="0084575948",
                                                         first_name="علی", last_name="محمدی"))  # fmt: skip
    return s, person.id


def test_sigkill_mid_burst_loses_no_committed_case(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    s, person_id = _setup(root)
    s.close()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3])}
    child = subprocess.Popen([sys.executable, str(CHILD), str(root), "intake", person_id], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env)  # fmt: skip
    assert child.stdout is not None
    reported: list[str] = []
    try:
        assert child.stdout.readline().strip() == "ready"
        while len(reported) < 40:
            line = child.stdout.readline()
            assert line, child.stderr.read() if child.stderr else "child ended"
            reported.append(line.strip())
    finally:
        os.kill(child.pid, signal.SIGKILL)
        rest, _ = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL
    # Lines the child printed before it died were all committed; a torn last line was not reported.
    reported += [line for line in rest.split("\n")[:-1] if line]
    s = Services.open(DataPaths(root), password_hasher=cheap_hasher_for_tests())
    try:
        assert integrity_check(s.engine) == "ok"
        with s.uow(writer=False) as uow:
            stored = set(uow.session.scalars(select(Case.tracking_number)))
        assert set(reported) <= stored
        assert len(stored) - len(reported) <= 1  # at most the one committed just before the kill, not yet printed
        assert s.audit.verify_chain().ok
    finally:
        s.close()


def test_tracking_numbers_unique_across_two_workstations(tmp_path: Path) -> None:
    numbers: list[str] = []
    for ws in (1, 2):
        s, person_id = _setup(tmp_path / f"ws{ws}", workstation_no=ws)
        clerk = s.auth.actor_by_username("intake")
        for _ in range(15):
            result = s.intake.open_case(clerk, OpenCaseInput("F10_FINANCE_LETTER", person_id, None, frozenset()))
            numbers.append(result.tracking_number)
        s.close()
    assert len(set(numbers)) == 30
    assert {n[6:9] for n in numbers} == {"001", "002"}
