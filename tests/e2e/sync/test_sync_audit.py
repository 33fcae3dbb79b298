"""Audit entries sync, and the server flags a break in a workstation's hash chain for the audit unit (PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from sqlalchemy import func, select
from sync_harness import Account, ServerProcess, Station

from app.models import AuditEntry, OutboxEntry, utcnow, uuid7
from app.services.audit import GENESIS_HASH, entry_fields, entry_hash
from app.services.outbox import enqueue
from server.sync.models import SyncAuditBreak, SyncAuditEntry, SyncWorkstation

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
HEADERS = {"X-Ecity-Protocol": "1", "X-Ecity-Schema": "1"}


def record(station: Station, account: Account, action: str, *, tamper: dict[str, object] | None = None) -> None:
    """One audit entry the way app.services.audit writes it (chained, queued in the same transaction). ``tamper``
    changes what is sent after the hash was taken, as an edited database would."""
    with station.sessions() as session:
        session.connection(execution_options={"writer": True})
        last = session.execute(
            select(AuditEntry.seq, AuditEntry.hash)
            .where(AuditEntry.workstation_no == station.number)
            .order_by(AuditEntry.seq.desc())
            .limit(1)
        ).first()
        seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
        entry = AuditEntry(seq=seq, id=uuid7(), workstation_no=station.number, at=utcnow(), user_id=account.user_id,
                           username=account.username, action=action, entity="case", entity_id="", details={"n": seq},
                           prev_hash=prev, hash="", synced=False)  # fmt: skip
        fields = entry_fields(entry)
        entry.hash = entry_hash(fields, prev)
        session.add(entry)
        enqueue(session, "audit", "audit_entry", entry.id, {**fields, "hash": entry.hash, **(tamper or {})})
        session.commit()


def breaks(server: ServerProcess, token: str) -> httpx.Response:
    return httpx.get(f"{server.url}/sync/audit/breaks", headers={**HEADERS, "Authorization": f"Bearer {token}"},
                     timeout=30)  # fmt: skip


def test_audit_entries_sync_and_a_broken_chain_is_flagged_for_the_audit_unit(
    pg_server: ServerProcess, make_station: Callable[..., Station]
) -> None:
    clerk = pg_server.add_user("audit-chain-clerk", {"formation.clerk"})
    auditor = pg_server.add_user("audit-chain-auditor", {"audit.auditor"})
    a = make_station(pg_server, account=clerk)
    for i in range(5):
        record(a, clerk, f"case.action.{i}")
    report = a.sync()
    assert report.push.accepted == 5 and report.push.refused == 0 and a.pending() == 0
    with pg_server.session() as session:
        kept = session.scalars(
            select(SyncAuditEntry).where(SyncAuditEntry.workstation_no == a.number).order_by(SyncAuditEntry.seq)
        ).all()
        assert [(e.seq, e.chain_ok) for e in kept] == [(i, True) for i in range(1, 6)]
        ws = session.get(SyncWorkstation, a.number)
        assert ws is not None and not ws.audit_broken and ws.audit_seq == 5
    assert [w["workstation_no"] for w in breaks(pg_server, a.token(auditor)).json()] == []

    # someone edits entry 6's details after it was hashed, and entry 7 goes missing before it is sent
    record(a, clerk, "case.action.5", tamper={"details": {"n": 999}})
    record(a, clerk, "case.action.6")
    with a.sessions() as session:
        session.connection(execution_options={"writer": True})
        seventh = session.scalars(select(OutboxEntry).where(OutboxEntry.kind == "audit", OutboxEntry.acked_at.is_(None))
                                  .order_by(OutboxEntry.seq.desc())).first()  # fmt: skip
        assert seventh is not None
        session.delete(seventh)
        session.commit()
    record(a, clerk, "case.action.7")
    report = a.sync()
    assert report.push.accepted == 2 and report.push.refused == 0  # an audit trail is kept, never refused
    with pg_server.session() as session:
        found = session.scalars(
            select(SyncAuditBreak).where(SyncAuditBreak.workstation_no == a.number).order_by(SyncAuditBreak.seq)
        ).all()
        assert [(b.seq, b.reason) for b in found] == [(6, "hash"), (8, "gap"), (8, "prev_hash")]
        ws = session.get(SyncWorkstation, a.number)
        assert ws is not None and ws.audit_broken
        total = session.scalar(select(func.count()).select_from(SyncAuditEntry)
                               .where(SyncAuditEntry.workstation_no == a.number))  # fmt: skip
        assert total == 7

    listed = breaks(pg_server, a.token(auditor))
    assert listed.status_code == 200
    mine = [w for w in listed.json() if w["workstation_no"] == a.number]
    assert len(mine) == 1 and [(b["seq"], b["reason"]) for b in mine[0]["breaks"]] == [
        (6, "hash"), (8, "gap"), (8, "prev_hash"),
    ]  # fmt: skip
    assert breaks(pg_server, a.token(clerk)).status_code == 403  # for the audit unit only
