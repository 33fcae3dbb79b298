"""Search at a million cases: by tracking number, national ID and name, through the real service call.

    python benchmarks/bench_search.py DATA_DIR [--queries 300]

DATA_DIR is filled first by ``fill_million.py`` if needed (cached). Prints medians and 95th percentiles; goal
under 10 ms each. A search by national ID includes its audit entry (a write with fsync), as in real use.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fill_million import fill

from app.paths import DataPaths
from app.services.context import Services


def measure(label: str, call: Callable[[str], object], inputs: list[str]) -> None:
    times = []
    hits = 0
    for value in inputs:
        t = time.perf_counter()
        result = call(value)
        times.append((time.perf_counter() - t) * 1000)
        hits += bool(result)
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"{label:<28} median {statistics.median(times):6.2f} ms   p95 {p95:6.2f} ms   "
          f"({len(inputs)} queries, {hits} with hits)")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--cases", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    database = fill(args.data_dir, args.cases, args.cases * 3 // 5)
    rng = random.Random(7)
    conn = sqlite3.connect(database)
    count = conn.execute("SELECT max(rowid) FROM case_file").fetchone()[0]
    rowids = [rng.randint(1, count) for _ in range(args.queries)]
    tracking = [conn.execute("SELECT tracking_number FROM case_file WHERE rowid = ?", (r,)).fetchone()[0]
                for r in rowids]  # fmt: skip
    nids = [conn.execute("SELECT p.national_id FROM case_file c JOIN person p ON p.id = c.applicant_id "
                         "WHERE c.rowid = ?", (r,)).fetchone()[0] for r in rowids]  # fmt: skip
    names = [conn.execute("SELECT p.first_name || ' ' || p.last_name FROM case_file c JOIN person p "
                          "ON p.id = c.applicant_id WHERE c.rowid = ?", (r,)).fetchone()[0] for r in rowids]  # fmt: skip
    conn.close()
    services = Services.open(DataPaths(args.data_dir))
    actor = services.auth.actor_by_username("all")
    search = services.search.search
    print(f"database: {database} ({count:,} cases)")
    search(actor, tracking[0])  # warm the connection pool and the page cache a little
    measure("tracking number", lambda v: search(actor, v), tracking)
    measure("national ID (with audit)", lambda v: search(actor, v), nids)
    measure("full name", lambda v: search(actor, v), names)
    measure("last name only", lambda v: search(actor, v.split(" ", 1)[1]), names)
    measure("name prefix (3 letters)", lambda v: search(actor, v[:3]), names)
    measure("case_id_by_tracking", services.cases.case_id_by_tracking, tracking)
    services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
