"""The demo workstation: users of every unit, cases over every state of every workflow, a sound audit chain."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from app.domain import workflows as wf
from app.domain.catalog import CATALOG
from app.domain.units import UNIT_IDS
from app.models import Case, CaseEvent
from app.paths import DataPaths
from app.services.context import Services, cheap_hasher_for_tests
from app.services.demo import DEMO_PASSWORD, DEMO_USERS, create_demo


def test_demo_covers_every_state_and_unit(tmp_path: Path) -> None:
    s = Services.open(DataPaths(tmp_path / "demo"), password_hasher=cheap_hasher_for_tests())
    try:
        summary = create_demo(s, n_cases=200, seed=7)
        assert summary.cases == 200 and summary.states_covered == summary.states_total
        with s.uow(writer=False) as uow:
            pairs = set(uow.session.execute(select(Case.workflow_id, Case.state)).all())
            events = uow.session.scalar(select(func.count()).select_from(CaseEvent))
        expected = {
            (w.id, st.id) for w in wf.WORKFLOWS.values() if CATALOG.services_of_workflow(w.id) for st in w.states
        }
        assert expected <= {(w, st) for w, st in pairs}
        assert events > 400
        everyone = s.auth.login("all", DEMO_PASSWORD)
        counts = s.cartable.counts(everyone)
        assert set(counts) == set(UNIT_IDS)
        assert all(total > 0 for unit, (total, _) in counts.items() if unit != "admin")
        assert any(overdue for _, overdue in counts.values())
        assert any(total > overdue for total, overdue in counts.values())
        for username, _name, _roles, _cap in DEMO_USERS:
            assert s.auth.login(username, DEMO_PASSWORD).username == username
        assert s.audit.verify_chain().ok
        create_demo(s, n_cases=1, seed=8)  # a second run adds cases and keeps the users
    finally:
        s.close()
