"""Sync numbers on loopback with PostgreSQL: a first sync of 100,000 cases to an empty workstation, one change pushed
by one workstation and seen by another, and the first sync against a bare bulk insert of the same rows.

    python benchmarks/bench_sync.py [--cases 100000] [--page 5000] [--runs 20]

Needs the PostgreSQL server of the tests (``ECITY_TEST_POSTGRES``, default postgres@127.0.0.1:5432/test). Prints
numbers; the goals are a first sync under 20 s and a change seen under 200 ms plus the poll interval.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "integration" / "sync"))

from sqlalchemy import insert  # noqa: E402
from sync_harness import ServerProcess, Station, drop_postgres, fresh_postgres  # noqa: E402

from app.db.migrate import upgrade_database  # noqa: E402
from app.models import Base, uuid7  # noqa: E402
from server.sync.models import COUNTER_ROW, SyncCounter, SyncRecord, SyncScope  # noqa: E402

POSTGRES = os.environ.get("ECITY_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def case_document(i: int, user_id: str, now: str) -> dict[str, object]:
    return {
        "tracking_number": f"11{i:010d}", "service_code": "consultation.question",
        "workflow_id": "simple_request.formation", "state": "received", "unit": "formation", "assignee_id": None,
        "applicant_id": uuid7(), "property_id": None, "opened_at": now, "opened_by_id": user_id, "workstation_no": 11,
        "state_entered_at": now, "due_date": "2026-12-01", "state_due_date": "2026-11-30", "closed_at": None,
        "summary": f"پرونده آزمایشی شماره {i}", "facts": {"sketch_done": False}, "created_at": now, "updated_at": now,
        "deleted": False,
    }  # fmt: skip


def seed(server: ServerProcess, cases: int, user_id: str) -> tuple[list[tuple[str, dict[str, object]]], float]:
    now = dt.datetime.now(dt.UTC).isoformat()
    stamp = f"{int(time.time() * 1000):013d}-00000-0011"
    rows = [(uuid7(), case_document(i, user_id, now)) for i in range(cases)]
    started = time.perf_counter()
    with server.session() as session:
        top = session.get(SyncCounter, COUNTER_ROW)
        assert top is not None
        base = top.value
        for start in range(0, cases, 10_000):
            chunk = rows[start : start + 10_000]
            session.execute(
                insert(SyncRecord),
                [
                    {"entity": "case_file", "id": case_id, "scope_id": case_id, "data": data,
                     "field_hlc": dict.fromkeys(data, stamp), "field_pos": {}, "version": 1, "deleted": False,
                     "position": base + start + n + 1, "created_by_ws": 11, "updated_by_ws": 11,
                     "updated_at": dt.datetime.now(dt.UTC)}
                    for n, (case_id, data) in enumerate(chunk)
                ],
            )  # fmt: skip
            session.execute(insert(SyncScope), [{"scope_id": case_id, "unit": "formation"} for case_id, _ in chunk])
        top.value = base + cases
        session.commit()
    return rows, time.perf_counter() - started


def bare_client_insert(rows: list[tuple[str, dict[str, object]]], folder: Path) -> float:
    """The same rows straight into an empty workstation database's case table, one transaction, executemany."""
    engine = upgrade_database(folder / "bare.sqlite", folder / "backups")
    table = Base.metadata.tables["case_file"]
    from app.sync.apply import _convert

    started = time.perf_counter()
    with engine.connect().execution_options(writer=True) as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        with conn.begin():
            values = [
                {"id": case_id, **{c.key: _convert(c.type, data[c.key]) for c in table.columns if c.key in data},
                 "version": 1, "hlc": "", "dirty": False}
                for case_id, data in rows
            ]  # fmt: skip
            for start in range(0, len(values), 5000):
                conn.execute(table.insert(), values[start : start + 5000])
    elapsed = time.perf_counter() - started
    engine.dispose()
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--page", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args(argv)

    url, name = fresh_postgres(POSTGRES)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        server = ServerProcess(folder / "server", url)
        try:
            server.data_dir.mkdir(exist_ok=True)
            server.start()
            clerk = server.add_user("bench", {"formation.clerk", "formation.head"})
            rows, seed_s = seed(server, args.cases, clerk.user_id)
            print(f"server bulk insert of {args.cases} cases into PostgreSQL: {seed_s:.2f} s")

            empty = Station(folder / "ws-first", 21, server=server, account=clerk)
            client = empty.client(pull_page=args.page)
            started = time.perf_counter()
            report = client.pull()
            first_sync = time.perf_counter() - started
            client.transport.close()
            print(f"first sync of {report.records} cases to an empty workstation: {first_sync:.2f} s "
                  f"({report.records / first_sync:,.0f} rows/s, {report.pages} pages of {args.page}) goal < 20 s")  # fmt: skip

            bare = bare_client_insert(rows, folder)
            print(f"bare bulk insert of the same rows into the workstation's SQLite: {bare:.2f} s")
            print(f"ratio first sync / bare client insert: {first_sync / bare:.1f}x")
            print(f"ratio first sync / (server insert + client insert): {first_sync / (bare + seed_s):.1f}x")

            a = Station(folder / "ws-a", 22, server=server, account=clerk)
            b = Station(folder / "ws-b", 23, server=server, account=clerk)
            case_id = a.open_case(clerk, summary="latency")
            client_a, client_b = a.client(), b.client(pull_page=args.page)
            client_a.sync_once()
            client_b.pull()
            times = []
            for run in range(args.runs):
                a.edit(case_id, "summary", f"edit {run}")
                started = time.perf_counter()
                client_a.push()
                client_b.pull()
                times.append(time.perf_counter() - started)
                assert b.case(case_id).summary == f"edit {run}"
            client_a.transport.close()
            client_b.transport.close()
            print(f"one change pushed by A and seen by B (push + pull, poll interval excluded): median "
                  f"{statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms over {args.runs} runs "
                  f"(goal < 200 ms + poll interval)")  # fmt: skip
        finally:
            server.close()
            drop_postgres(POSTGRES, name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
