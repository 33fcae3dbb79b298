"""Fill a workstation database with a million cases (and 600,000 persons, 400,000 properties) for the benchmarks.

    python benchmarks/fill_million.py DATA_DIR [--cases 1000000] [--persons 600000] [--force]

DATA_DIR is a workstation data folder (``workstation.sqlite`` inside). An existing filled folder is reused unless
``--force``. The schema comes from the real migrations and the users from the demo; the bulk rows go in with raw
``executemany`` in big transactions (synchronous=OFF only while filling). Distribution: five Jalali years, five
workstations; about 4% of cases open, of which exactly 10,000 in the inspection unit's cartable (the cartable
benchmark opens it); names drawn from common Persian names, so a name prefix matches thousands of people.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import sys
import time
from pathlib import Path

from app.domain.dates import JalaliDate
from app.domain.text import search_key
from app.domain.tracking import make_tracking_number
from app.models import uuid7
from app.paths import DataPaths
from app.services import demo_data as data
from app.services.context import Services
from app.services.demo import _Builder

BATCH = 50_000
NOW = dt.datetime.now(dt.UTC)
INSPECTION_OPEN = 10_000
OTHER_OPEN = 30_000

OPEN_INSPECTION_STATES = ("inspection_scheduled", "inspected", "office_head_review", "aerial_locating",
                          "inspection_head_review")  # fmt: skip
SIMPLE_UNITS = {
    "formation": ("F02_SUPERVISOR_REPORT", "F08_CORRECT_PERSON", "F10_FINANCE_LETTER"),
    "vehicle": ("VH01_TRAFFIC_STICKER", "VH04_CAMERA_FINE_OBJECTION"),
    "consultation": ("CS01_CONSULTATION",),
    "liaison": ("L01_DISTRICT_FOLLOWUP",),
    "followup": ("FU01_FOLLOWUP_REQUEST",),
    "audit": ("A01_COMPLAINT",),
}


def ts(value: dt.datetime) -> str:
    """SQLAlchemy's SQLite DateTime storage format."""
    return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def national_id_of(i: int) -> str:
    body = f"{(i * 7_919 + 10_000_019) % 1_000_000_000:09d}"
    r = sum(int(d) * (10 - k) for k, d in enumerate(body)) % 11
    return body + str(r if r < 2 else 11 - r)


def fill_persons(conn: sqlite3.Connection, n: int, rng: random.Random) -> list[tuple[str, str]]:
    keys: dict[tuple[str, str], tuple[str, str]] = {}
    ids: list[tuple[str, str]] = []
    seen: set[str] = set()
    rows = []
    stamp = ts(NOW)
    for i in range(n):
        nid = national_id_of(i)
        if nid in seen or len(set(nid)) == 1:
            continue
        seen.add(nid)
        first = rng.choice(data.FIRST_NAMES_MALE if rng.random() < 0.6 else data.FIRST_NAMES_FEMALE)
        last = rng.choice(data.LAST_NAMES)
        key = keys.get((first, last))
        if key is None:
            key = keys[(first, last)] = (search_key(f"{first} {last}"), search_key(f"{last} {first}"))
        pid = uuid7()
        ids.append((pid, f"{first} {last}"))
        rows.append((pid, stamp, stamp, 1, "", 0, 0, "natural", nid, None, first, last, "", "", None,
                     f"09{(i * 104_729) % 1_000_000_000:09d}", "", data.postal_code(rng), "", key[0], key[1]))  # fmt: skip
        if len(rows) >= BATCH:
            _insert(conn, "person", rows)
            rows = []
    _insert(conn, "person", rows)
    return ids


def fill_properties(conn: sqlite3.Connection, n: int, rng: random.Random) -> list[str]:
    ids: list[str] = []
    rows = []
    stamp = ts(NOW)
    for i in range(n):
        precinct, rest = divmod(i, 60_000)
        block, rest = divmod(rest, 200)
        parcel, apartment = divmod(rest, 4)
        parts = (1, precinct + 1, block + 1, parcel + 1, 1, apartment, 0)
        key = "-".join(map(str, parts))
        section, main, sub = rng.choice((11, 12)), rng.randint(1, 400), i + 1
        pid = uuid7()
        ids.append(pid)
        rows.append((pid, stamp, stamp, 1, "", 0, 0, *parts, key, section, main, sub, f"{section}-{main}-{sub}",
                     rng.choice(data.STREETS), data.postal_code(rng), float(rng.randint(80, 1500)),
                     rng.choice(data.ZONES), None, None))  # fmt: skip
        if len(rows) >= BATCH:
            _insert(conn, "property", rows)
            rows = []
    _insert(conn, "property", rows)
    return ids


def fill_cases(conn: sqlite3.Connection, n: int, persons: list[tuple[str, str]], properties: list[str], user_ids: dict[str, str],
               rng: random.Random) -> None:  # fmt: skip
    sequences: dict[tuple[int, int], int] = {}
    rows = []
    opened_by = user_ids["intake"]
    inspectors = [user_ids["inspector1"], user_ids["inspector2"]]
    open_plan = ["inspection"] * INSPECTION_OPEN + [rng.choice(list(SIMPLE_UNITS)) for _ in range(OTHER_OPEN)]
    open_positions = dict(zip(rng.sample(range(n), len(open_plan)), open_plan, strict=True))
    for i in range(n):
        # Five years back from now, newest last: open cases are recent, closed ones any age.
        unit_open = open_positions.get(i)
        age_days = rng.uniform(0, 40) if unit_open else rng.uniform(30, 5 * 365)
        opened = NOW - dt.timedelta(days=age_days)
        jy = JalaliDate.from_gregorian(opened.date()).year
        ws = rng.randint(1, 5)
        seq = sequences[(ws, jy)] = sequences.get((ws, jy), 0) + 1
        tn = make_tracking_number("0101", jy, ws, seq)
        entered = opened + dt.timedelta(days=rng.uniform(0, min(age_days, 10)))
        assignee = None
        if unit_open == "inspection":
            service, workflow, state, unit = (
                "F01_OPEN_CASE",
                "building_case",
                rng.choice(OPEN_INSPECTION_STATES),
                "inspection",
            )
            assignee = rng.choice(inspectors)
            closed = None
            state_due = (entered + dt.timedelta(days=rng.randint(-10, 10))).date().isoformat()
        elif unit_open:
            service = rng.choice(SIMPLE_UNITS[unit_open])
            workflow, state, unit = f"simple_request.{unit_open}", rng.choice(("received", "in_review")), unit_open
            closed = None
            state_due = (entered + dt.timedelta(days=rng.randint(-5, 10))).date().isoformat()
        elif rng.random() < 0.4:
            service, workflow, state, unit = "F01_OPEN_CASE", "building_case", "sent_to_district", "inspection"
            closed, state_due = ts(entered), None
        else:
            unit = rng.choice(list(SIMPLE_UNITS))
            service = rng.choice(SIMPLE_UNITS[unit])
            workflow, state = f"simple_request.{unit}", rng.choice(("answered", "answered", "answered", "rejected"))
            closed, state_due = ts(entered), None
        applicant = rng.choice(persons)
        prop = rng.choice(properties) if workflow == "building_case" or rng.random() < 0.3 else None
        due = (opened + dt.timedelta(days=14)).date().isoformat()
        rows.append((uuid7(), ts(opened), ts(entered), 3, "", 0, 0, tn, service, workflow, state, unit, assignee,
                     applicant[0], prop, ts(opened), opened_by, ws, ts(entered), due, state_due, closed, "",
                     "{}", applicant[1]))  # fmt: skip
        if len(rows) >= BATCH:
            _insert(conn, "case_file", rows)
            rows = []
    _insert(conn, "case_file", rows)
    conn.executemany(
        "INSERT OR REPLACE INTO tracking_counter (workstation_no, jalali_year, last_sequence) VALUES (?, ?, ?)",
        [(ws, jy, last) for (ws, jy), last in sequences.items()],
    )


COLUMNS = {
    "person": ("id, created_at, updated_at, version, hlc, dirty, deleted, kind, national_id, legal_id, first_name, "
               "last_name, father_name, company_name, birth_date, mobile, phone, postal_code, address, name_key, "
               "last_name_key"),
    "property": ("id, created_at, updated_at, version, hlc, dirty, deleted, district, precinct, block, parcel, "
                 "building, apartment, shop, renovation_key, registry_section, registry_main, registry_sub, plate_key, "
                 "address, postal_code, deed_area_m2, zone, latitude, longitude"),
    "case_file": ("id, created_at, updated_at, version, hlc, dirty, deleted, tracking_number, service_code, "
                  "workflow_id, state, unit, assignee_id, applicant_id, property_id, opened_at, opened_by_id, "
                  "workstation_no, state_entered_at, due_date, state_due_date, closed_at, summary, facts, applicant_name"),
}  # fmt: skip


def _insert(conn: sqlite3.Connection, table: str, rows: list[tuple[object, ...]]) -> None:
    if not rows:
        return
    marks = ", ".join("?" * len(rows[0]))
    conn.execute("BEGIN")
    conn.executemany(f"INSERT INTO {table} ({COLUMNS[table]}) VALUES ({marks})", rows)
    conn.execute("COMMIT")


def fill(root: Path, n_cases: int, n_persons: int, force: bool = False) -> Path:
    paths = DataPaths(root)
    if paths.database.exists() and not force:
        conn = sqlite3.connect(paths.database)
        count = conn.execute("SELECT count(*) FROM case_file").fetchone()[0]
        conn.close()
        if count >= n_cases:
            print(f"reusing {paths.database} ({count:,} cases)")
            return paths.database
    if force:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{paths.database}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    services = Services.open(paths)
    builder = _Builder(services, seed=1)
    builder.users()
    user_ids = {name: actor.user_id for name, actor in builder.actors.items()}
    services.close()
    rng = random.Random(1404)
    conn = sqlite3.connect(paths.database, isolation_level=None)
    conn.execute("PRAGMA synchronous=OFF")  # a benchmark file: speed over durability while filling
    conn.execute("PRAGMA cache_size=-400000")
    persons = fill_persons(conn, n_persons, rng)
    print(f"persons {len(persons):,}  {time.perf_counter() - started:.1f} s", flush=True)
    properties = fill_properties(conn, n_persons * 2 // 3, rng)
    print(f"properties {len(properties):,}  {time.perf_counter() - started:.1f} s", flush=True)
    fill_cases(conn, n_cases, persons, properties, user_ids, rng)
    print(f"cases {n_cases:,}  {time.perf_counter() - started:.1f} s", flush=True)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    size = paths.database.stat().st_size / 1e6
    print(f"filled {paths.database} in {time.perf_counter() - started:.1f} s ({size:.0f} MB)")
    return paths.database


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--persons", type=int, default=600_000)
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args(argv)
    fill(args.data_dir, args.cases, args.persons, args.force)
    return 0


if __name__ == "__main__":
    sys.exit(main())
