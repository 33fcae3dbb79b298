"""Opening a cartable of 10,000 cases at a million: the ``list_cartable`` service call, and the tab counts.

    python benchmarks/bench_cartable.py DATA_DIR [--runs 20]

Prints medians; goal under 100 ms for the 10,000-row cartable.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fill_million import fill

from app.paths import DataPaths
from app.services.context import Services


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--cases", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    database = fill(args.data_dir, args.cases, args.cases * 3 // 5)
    services = Services.open(DataPaths(args.data_dir))
    actor = services.auth.actor_by_username("all")
    inspector = services.auth.actor_by_username("inspector1")
    print(f"database: {database}")

    def timed(label: str, call) -> None:  # type: ignore[no-untyped-def]
        call()
        times, size = [], 0
        for _ in range(args.runs):
            t = time.perf_counter()
            result = call()
            times.append((time.perf_counter() - t) * 1000)
            size = len(result)
        print(f"{label:<40} median {statistics.median(times):7.1f} ms   min {min(times):7.1f} ms   ({size:,} rows)")

    timed("list_cartable(inspection)", lambda: services.cartable.list_cartable(actor, "inspection"))
    timed("list_cartable(inspection, mine_only)", lambda: services.cartable.list_cartable(
        inspector, "inspection", mine_only=True))  # fmt: skip
    timed("list_cartable(inspection, text filter)", lambda: services.cartable.list_cartable(
        actor, "inspection", text_filter="محمدی"))  # fmt: skip
    timed("counts (every unit)", lambda: services.cartable.counts(actor))
    services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
