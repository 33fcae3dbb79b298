"""Crashes and bad networks with a real server process on PostgreSQL and workstations, each with exact counts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select
from sync_harness import ServerProcess, Station, run_client_process, server_count

from app.models import Case, CaseEvent, OutboxEntry, Person
from app.sync import pull as pull_module
from app.sync.errors import OfflineError
from server.sync.models import SyncReceipt

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def receipts(server: ServerProcess, workstation_no: int) -> int:
    with server.session() as session:
        return int(session.scalar(select(func.count()).select_from(SyncReceipt)
                                  .where(SyncReceipt.workstation_no == workstation_no)) or 0)  # fmt: skip


def test_client_killed_mid_push_resends_and_every_change_lands_once(
    pg_server: ServerProcess, make_station: Callable[..., Station], tmp_path: Path
) -> None:
    clerk = pg_server.add_user("kill-push", {"formation.clerk"})
    a = make_station(pg_server, account=clerk)
    ids = [a.open_case(clerk, summary=f"case {i}") for i in range(30)]
    assert a.pending() == 90

    mark = tmp_path / "fired"
    code = run_client_process(a, fault="client.push.answered", mark=mark, push_batch=20)
    assert code == -9 and mark.exists()
    assert a.pending() == 90  # the answers were never stored
    assert receipts(pg_server, a.number) == 20  # ... but the server applied the first batch

    report = a.sync()
    assert a.pending() == 0
    assert report.push.accepted == 90 and report.push.refused == 0
    assert receipts(pg_server, a.number) == 90
    for case_id in ids:
        assert server_count(pg_server, "case_file", tracking_number=a.case(case_id).tracking_number) == 1
        assert server_count(pg_server, "case_event", case_id=case_id) == 1


def test_client_killed_mid_pull_resumes_with_no_gap(
    pg_server: ServerProcess, make_station: Callable[..., Station], tmp_path: Path
) -> None:
    clerk = pg_server.add_user("kill-pull", {"formation.clerk"})
    a = make_station(pg_server, account=clerk)
    b = make_station(pg_server, account=clerk)
    ids = {a.open_case(clerk) for _ in range(40)}
    a.sync()

    mark = tmp_path / "fired"
    code = run_client_process(b, fault="client.pull.page_applied", mark=mark, after=2, pull_page=25)
    assert code == -9 and mark.exists()
    with b.engine.connect():
        cursor = pull_module.read_cursor(b.engine)
    assert cursor > 0
    partial = b.count(Case)
    assert partial > 0

    b.sync()
    with b.sessions() as session:
        cases_b = set(session.scalars(select(Case.id)))
        assert ids <= cases_b
        events = session.scalars(select(CaseEvent.case_id).where(CaseEvent.case_id.in_(ids))).all()
    assert len(events) == len(ids) == 40  # one open event each, none twice
    assert b.count(Person) >= 40


@pytest.mark.parametrize("fault", ["push.mid_batch", "push.after_commit"])
def test_server_killed_mid_batch_loses_or_doubles_nothing(
    pg_server: ServerProcess, make_station: Callable[..., Station], tmp_path: Path, fault: str
) -> None:
    clerk = pg_server.add_user(f"kill-server-{fault[5:9]}", {"formation.clerk"})
    a = make_station(pg_server, account=clerk)
    ids = [a.open_case(clerk) for _ in range(10)]
    mark = tmp_path / "fired"
    pg_server.stop()
    pg_server.start(env={"ECITY_SYNC_FAULT": fault, "ECITY_SYNC_FAULT_MARK": str(mark)})
    try:
        with pytest.raises(OfflineError):
            a.sync()
        assert mark.exists()
        assert pg_server.proc is not None and pg_server.proc.wait(10) == -9
        expected_receipts = 0 if fault == "push.mid_batch" else 30
        assert receipts(pg_server, a.number) == expected_receipts
        assert a.pending() == 30
    finally:
        pg_server.stop()
        pg_server.start()
    a.sync()
    assert a.pending() == 0
    assert receipts(pg_server, a.number) == 30
    for case_id in ids:
        assert server_count(pg_server, "case_event", case_id=case_id) == 1


def test_duplicated_and_reordered_deliveries_change_nothing(
    pg_server: ServerProcess, make_station: Callable[..., Station]
) -> None:
    clerk = pg_server.add_user("dup-reorder", {"formation.clerk"})
    a = make_station(pg_server, account=clerk)
    case_id = a.open_case(clerk, summary="v0")
    for i in range(1, 4):
        a.edit(case_id, "summary", f"v{i}")
    with a.sessions() as session:
        entries = [
            {"seq": e.seq, "idempotency_key": e.idempotency_key, "kind": e.kind, "entity": e.entity,
             "entity_id": e.entity_id, "payload": e.payload}
            for e in session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq))
        ]  # fmt: skip
    headers = {"Authorization": f"Bearer {a.token()}", "X-Ecity-Protocol": "1", "X-Ecity-Schema": "1"}
    first, second = entries[:3], entries[3:]

    def push(batch: list[dict[str, object]]) -> list[dict[str, object]]:
        response = httpx.post(f"{pg_server.url}/sync/push", json={"entries": batch}, headers=headers, timeout=30)
        response.raise_for_status()
        return response.json()["results"]

    answer_first = push(list(reversed(first)))  # reordered inside a batch: applied in seq order all the same
    answer_second = push(second)
    assert push(first) == answer_first  # a late duplicate of the first batch
    assert push(second) == answer_second
    assert push(list(reversed(entries))) == answer_first + answer_second
    assert receipts(pg_server, a.number) == len(entries) == 6
    assert server_count(pg_server, "case_file", summary="v3") == 1
    assert server_count(pg_server, "field_history", entity_id=case_id) == 0
    a.sync()  # the client's own push after all that: answered from the receipts
    assert a.pending() == 0
    assert receipts(pg_server, a.number) == 6
