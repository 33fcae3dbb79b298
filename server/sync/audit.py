"""Workstations' audit entries: stored per workstation, and each one checked to continue that workstation's chain."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from sqlalchemy.orm import Session

from server.sync.models import SyncAuditBreak, SyncAuditEntry, SyncWorkstation
from server.sync.protocol import ACCEPTED, EntryResult, PushEntry

GENESIS = "0" * 64


def _result(entry: PushEntry, code: str = "", **details: Any) -> EntryResult:
    return EntryResult(
        idempotency_key=entry.idempotency_key, seq=entry.seq, status=ACCEPTED, code=code, details=details
    )


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def entry_hash(data: dict[str, Any]) -> str:
    """The workstation's chain hash (app/services/audit.py): sha256(canonical JSON of every field but the hash, then
    the previous hash). Kept here in the same words so the server needs none of the client's packages."""
    fields = {k: v for k, v in data.items() if k not in {"hash", "synced"}}
    return hashlib.sha256((canonical_json(fields) + str(data.get("prev_hash") or "")).encode("utf-8")).hexdigest()


def receive_audit_entry(session: Session, workstation_no: int, entry: PushEntry) -> EntryResult:
    """Keep the entry whatever happens (an audit trail is never refused), and flag where the chain breaks."""
    data = dict(entry.payload)
    seq = int(data.get("seq") or 0)
    prev_hash = str(data.get("prev_hash") or "")
    this_hash = str(data.get("hash") or "")
    ws = session.get(SyncWorkstation, workstation_no)
    if ws is None:
        ws = SyncWorkstation(workstation_no=workstation_no, units=[])
        session.add(ws)
        session.flush()
    existing = session.get(SyncAuditEntry, (workstation_no, seq))
    if existing is not None:
        same = existing.hash == this_hash
        if not same:
            _break(session, ws, seq, "duplicate_seq", existing.hash, this_hash)
        return _result(entry, "" if same else "audit.chain_break", chain_ok=same)
    breaks: list[tuple[str, str, str]] = []
    expected_prev = ws.audit_hash or GENESIS
    if ws.audit_seq and seq != ws.audit_seq + 1:
        breaks.append(("gap", str(ws.audit_seq + 1), str(seq)))
    if prev_hash != expected_prev and (ws.audit_seq or prev_hash not in {"", GENESIS}):
        breaks.append(("prev_hash", expected_prev, prev_hash))
    recomputed = entry_hash(data)
    if recomputed != this_hash:
        breaks.append(("hash", recomputed, this_hash))
    for reason, expected, found in breaks:
        _break(session, ws, seq, reason, expected, found)
    session.add(
        SyncAuditEntry(
            workstation_no=workstation_no,
            seq=seq,
            id=str(data.get("id") or ""),
            data=json.loads(json.dumps(data, default=str)),
            prev_hash=prev_hash,
            hash=this_hash,
            chain_ok=not breaks,
        )
    )
    if seq > ws.audit_seq:
        ws.audit_seq = seq
        ws.audit_hash = this_hash
    return _result(entry, "audit.chain_break" if breaks else "", chain_ok=not breaks)


def _break(session: Session, ws: SyncWorkstation, seq: int, reason: str, expected: str, found: str) -> None:
    ws.audit_broken = True
    session.add(
        SyncAuditBreak(
            workstation_no=ws.workstation_no,
            seq=seq,
            reason=reason,
            expected=expected,
            found=found,
            at=dt.datetime.now(dt.UTC),
        )
    )
