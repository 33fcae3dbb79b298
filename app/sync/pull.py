"""Pull the server's changes page by page; each page and the cursor after it commit in one transaction, so a
process killed between pages resumes exactly after the last page it stored (no gap, nothing applied twice)."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine

from app.sync import faults, state
from app.sync.apply import apply_records
from app.sync.protocol import CHECKPOINTS_KEY, CURSOR_KEY, PULL_PAGE, UNITS_KEY
from app.sync.transport import Transport

log = logging.getLogger(__name__)
MAX_CHECKPOINTS = 200


@dataclass
class PullReport:
    pages: int = 0
    records: int = 0
    skipped: int = 0
    failed: int = 0
    cursor: int = 0
    max_stamp: str = ""
    # What the pull brought, so an open window can reload what shows it (bounded: past the limit, "everything").
    case_ids: set[str] = field(default_factory=set)
    entities: set[str] = field(default_factory=set)


@contextlib.contextmanager
def _page_connection(engine: Engine) -> Iterator[Connection]:
    """A writer connection with foreign-key checks off for the page (see app.sync.apply), restored afterwards so the
    pooled connection goes back as it came."""
    with engine.connect().execution_options(writer=True) as conn:
        raw = conn.connection.driver_connection
        sqlite = engine.dialect.name == "sqlite" and raw is not None
        if sqlite:
            raw.execute("PRAGMA foreign_keys=OFF")  # outside any transaction, where SQLite honours it
        try:
            yield conn
        finally:
            if sqlite:
                if conn.in_transaction():
                    conn.rollback()
                raw.execute("PRAGMA foreign_keys=ON")


MAX_NOTED_CASES = 2000


def _note_changes(report: PullReport, records: list[dict[str, Any]]) -> None:
    for record in records:
        entity = str(record.get("entity") or "")
        report.entities.add(entity)
        if len(report.case_ids) >= MAX_NOTED_CASES:
            continue
        case_id = record.get("id") if entity == "case_file" else (record.get("data") or {}).get("case_id")
        if case_id:
            report.case_ids.add(str(case_id))


def read_cursor(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(state.get(conn, CURSOR_KEY, 0))


def pull_all(
    engine: Engine,
    transport: Transport,
    *,
    page_size: int = PULL_PAGE,
    max_pages: int | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    target_position: int | None = None,
) -> PullReport:
    """``target_position`` (the server's newest position, from ``/sync/status``) turns progress into "positions
    done of positions to go" for the progress bar; without it progress counts records."""
    report = PullReport()
    start = read_cursor(engine)
    if on_progress is not None and target_position is not None and target_position > start:
        span = target_position - start
        counting = on_progress

        def by_position(records: int, _total: int) -> None:
            counting(min(span, max(0, report.cursor - start)), span)

        on_progress = by_position
    # The next page is fetched while this one is written (the network and the disk work at the same time); it is
    # only used if the cursor it was asked for is the one stored after this page.
    prefetch: tuple[int, Future[dict[str, Any]]] | None = None
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-prefetch")
    try:
        while max_pages is None or report.pages < max_pages:
            page, prefetch = _next_page(engine, transport, page_size, prefetch, pool, report, on_progress)
            if page is None:
                break
    finally:
        if prefetch is not None:
            prefetch[1].cancel()
        pool.shutdown(wait=True)
    return report


def _fetch(transport: Transport, cursor: int, page_size: int) -> dict[str, Any]:
    page: dict[str, Any] = transport.request("GET", "/sync/pull", params={"cursor": cursor, "limit": page_size})
    return page


def _next_page(
    engine: Engine,
    transport: Transport,
    page_size: int,
    prefetch: tuple[int, Future[dict[str, Any]]] | None,
    pool: ThreadPoolExecutor,
    report: PullReport,
    on_progress: Callable[[int, int], None] | None = None,
) -> tuple[dict[str, Any] | None, tuple[int, Future[dict[str, Any]]] | None]:
    """Fetch (or take the prefetched) page after the stored cursor, apply it; returns (page or None when done,
    the prefetch started for the page after it)."""
    with engine.connect() as conn:
        cursor = int(state.get(conn, CURSOR_KEY, 0))
        known_units = list(state.get(conn, UNITS_KEY, []))
    if prefetch is not None and prefetch[0] == cursor:
        page = prefetch[1].result()
    else:
        if prefetch is not None:
            prefetch[1].cancel()
        page = _fetch(transport, cursor, page_size)
    prefetch = None
    units = list(page.get("units") or [])
    if page.get("more") and set(units) <= set(known_units):
        prefetch = (int(page["cursor"]), pool.submit(_fetch, transport, int(page["cursor"]), page_size))
    with _page_connection(engine) as conn, conn.begin():
        if not set(units) <= set(known_units):
            # Someone of another unit synced here: the rows of that unit lie before our cursor. Start over once
            # (merging is idempotent); the page in hand is applied all the same.
            state.put(conn, UNITS_KEY, sorted(set(units) | set(known_units)))
            next_cursor = 0 if cursor else int(page["cursor"])
        else:
            next_cursor = int(page["cursor"])
        applied = apply_records(conn, page["records"])
        state.put(conn, CURSOR_KEY, next_cursor)
        if next_cursor:
            checkpoints = list(state.get(conn, CHECKPOINTS_KEY, []))[-(MAX_CHECKPOINTS - 1) :]
            state.put(conn, CHECKPOINTS_KEY, [*checkpoints, [dt.datetime.now(dt.UTC).isoformat(), next_cursor]])
    report.pages += 1
    _note_changes(report, page["records"])
    report.records += applied.applied
    report.skipped += applied.skipped
    report.failed += applied.failed
    report.cursor = next_cursor
    if applied.max_stamp > report.max_stamp:
        report.max_stamp = applied.max_stamp
    if on_progress is not None:
        on_progress(report.records, report.records + (page_size if page.get("more") else 0))
    faults.point("client.pull.page_applied")
    if not page.get("more") and next_cursor == int(page["cursor"]):
        return None, prefetch
    return page, prefetch
