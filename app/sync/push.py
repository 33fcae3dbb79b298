"""Push the outbox: batches in ``seq`` order; the answers and the acknowledgements committed together.

If the process dies after the server applied a batch but before the answers were stored, the same entries go again
with the same idempotency keys and the server answers them from its receipts: applied once, answered the same.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, func, select

from app.domain.hlc import Stamp
from app.models import Base, OutboxEntry
from app.sync import faults, state
from app.sync.conflicts import handle_refusal
from app.sync.protocol import CHECKPOINTS_KEY, PUSH_BATCH, SERVER_OWNED
from app.sync.transport import Transport

log = logging.getLogger(__name__)

_outbox = OutboxEntry.__table__


@dataclass
class PushReport:
    sent: int = 0
    accepted: int = 0
    refused: int = 0
    conflicts: list[str] = field(default_factory=list)
    retry_code: str = ""  # why pushing stopped early ("" when the outbox is empty)
    retry_details: dict[str, Any] = field(default_factory=dict)


def pending_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(_outbox).where(_outbox.c.acked_at.is_(None))).scalar()
                   or 0)  # fmt: skip


def next_batch(conn: Connection, size: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(_outbox).where(_outbox.c.acked_at.is_(None)).order_by(_outbox.c.seq).limit(size)
    ).mappings()
    return [dict(r) for r in rows]


def referenced_files(entries: list[dict[str, Any]]) -> set[str]:
    """Content hashes the batch's rows refer to. By convention every file reference is a field named ``*_sha256``
    (the server's entity rules list them as ``file_fields``), so the server holds each file before the row."""
    hashes: set[str] = set()
    for e in entries:
        fields = (e["payload"] or {}).get("fields") or {}
        for name, value in fields.items():
            if name.endswith("sha256") and isinstance(value, str) and len(value) == 64:
                hashes.add(value)
    return hashes


def _seen_cursors(engine: Engine, entries: list[dict[str, Any]]) -> dict[int, int | None]:
    """For each entry, the pull cursor reached before it was made: the server tells an ordinary edit (of a value this
    workstation had pulled) from a concurrent one by it."""
    with engine.connect() as conn:
        checkpoints = [(dt.datetime.fromisoformat(t), int(c)) for t, c in state.get(conn, CHECKPOINTS_KEY, [])]
    seen: dict[int, int | None] = {}
    for e in entries:
        created = e["created_at"]
        if created is not None and created.tzinfo is None:
            created = created.replace(tzinfo=dt.UTC)
        before = [c for t, c in checkpoints if created is None or t <= created]
        seen[e["seq"]] = max(before) if before else None
    return seen


def _writer(engine: Engine) -> Connection:
    return engine.connect().execution_options(writer=True)


def push_pending(
    engine: Engine,
    transport: Transport,
    *,
    batch_size: int = PUSH_BATCH,
    upload_files: Callable[[set[str]], None] | None = None,
    restamp: Callable[[str, int], str] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> PushReport:
    """Push everything pending. Stops early (``retry_code`` set) when the server asks for something first."""
    report = PushReport()
    _settle_server_owned(engine)
    total = pending_count(engine)
    while True:
        with engine.connect() as conn:
            entries = next_batch(conn, batch_size)
        if not entries:
            return report
        hashes = referenced_files(entries)
        if hashes and upload_files is not None:
            upload_files(hashes)
        seen = _seen_cursors(engine, entries)
        body = {
            "entries": [
                {
                    "seen": seen[e["seq"]],
                    "seq": e["seq"],
                    "idempotency_key": e["idempotency_key"],
                    "kind": e["kind"],
                    "entity": e["entity"],
                    "entity_id": e["entity_id"],
                    "payload": e["payload"] or {},
                }
                for e in entries
            ]
        }
        answer = transport.request("POST", "/sync/push", json=body)
        report.sent += int(answer.get("processed", len(entries)))
        faults.point("client.push.answered")
        by_key = {e["idempotency_key"]: e for e in entries}
        retry: dict[str, Any] | None = None
        with _writer(engine) as conn, conn.begin():
            now = dt.datetime.now(dt.UTC)
            for result in answer["results"]:
                entry = by_key.get(result["idempotency_key"])
                if entry is None:
                    continue
                if result["status"] == "retry":
                    retry = {"entry": entry, **result}
                    break
                conn.execute(
                    _outbox.update()
                    .where(_outbox.c.seq == entry["seq"])
                    .values(acked_at=now, result={k: result.get(k) for k in ("status", "code", "details")})
                )
                if result["status"] == "refused":
                    report.refused += 1
                    conflict = handle_refusal(conn, entry, result)
                    if conflict:
                        report.conflicts.append(conflict)
                else:
                    report.accepted += 1
                _settle_row(conn, entry)
            if retry is not None and retry.get("code") == "hlc.clock_too_far_ahead" and restamp is not None:
                _restamp_rest(conn, retry, restamp)
        if on_progress is not None:
            on_progress(report.accepted + report.refused, total)
        if retry is not None:
            code = str(retry.get("code"))
            if code == "hlc.clock_too_far_ahead" and restamp is not None:
                continue  # re-stamped: send again at once
            report.retry_code = code
            report.retry_details = dict(retry.get("details") or {})
            return report


def _settle_server_owned(engine: Engine) -> None:
    """Entries for accounts and roles, queued by an older version of the program: the server owns those tables and
    would refuse them, so they are settled here without being sent (and without a conflict to show)."""
    with _writer(engine) as conn, conn.begin():
        conn.execute(
            _outbox.update()
            .where(_outbox.c.acked_at.is_(None), _outbox.c.entity.in_(sorted(SERVER_OWNED)))
            .values(acked_at=dt.datetime.now(dt.UTC), result={"status": "skipped", "code": "sync.server_owned"})
        )


def _settle_row(conn: Connection, entry: dict[str, Any]) -> None:
    """A row whose last pending change was answered is no longer dirty."""
    table = Base.metadata.tables.get(entry["entity"])
    if table is None or "dirty" not in table.c or entry["kind"] == "audit":
        return
    still = conn.execute(
        select(func.count())
        .select_from(_outbox)
        .where(_outbox.c.acked_at.is_(None), _outbox.c.entity == entry["entity"],
               _outbox.c.entity_id == entry["entity_id"])
    ).scalar()  # fmt: skip
    if not still:
        conn.execute(table.update().where(table.c.id == entry["entity_id"]).values(dirty=False))


def _restamp_rest(conn: Connection, retry: dict[str, Any], restamp: Callable[[str, int], str]) -> None:
    """This workstation's clock ran ahead of the server's: give every pending stamp that is too far ahead a corrected
    one (in seq order, so the entries keep their order), keeping the node so the tie-break stays the same."""
    server_ms = int((retry.get("details") or {}).get("server_time_ms") or 0)
    rows = conn.execute(
        select(_outbox.c.seq, _outbox.c.payload).where(_outbox.c.acked_at.is_(None)).order_by(_outbox.c.seq)
    ).all()
    for seq, payload in rows:
        payload = dict(payload or {})
        old = str(payload.get("hlc") or "")
        try:
            stamp = Stamp.parse(old)
        except Exception:
            continue
        if stamp.wall_ms <= server_ms:
            continue
        new = restamp(old, server_ms)
        payload["hlc"] = new
        if isinstance(payload.get("fields"), dict) and "hlc" in payload["fields"]:
            payload["fields"] = {**payload["fields"], "hlc": new}
        conn.execute(_outbox.update().where(_outbox.c.seq == seq).values(payload=payload))
