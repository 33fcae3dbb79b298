"""The tamper-evident audit trail: each entry holds the hash of the one before on this workstation.

``hash = sha256(canonical_json(fields) + prev_hash)`` where the fields are everything but ``hash`` and ``synced``;
canonical JSON has sorted keys, no spaces and UTF-8 text. The first entry's ``prev_hash`` is 64 zeros. Editing,
deleting or inserting a row anywhere breaks the chain at that row, and ``verify_chain`` names it.

``record`` runs inside the caller's transaction (the use case's own), so an action and its audit entry commit or
vanish together. Entries never hold more personal data than the audit unit needs: ids, not national IDs or phones.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.domain.workflows import Actor
from app.models import AuditEntry, uuid7
from app.services.dto import AuditLine, ChainReport
from app.services.outbox import enqueue, to_json_value

if TYPE_CHECKING:
    from app.services.context import Services

GENESIS_HASH = "0" * 64
AUDIT_ROLES = frozenset({"audit.auditor", "audit.head", "office_head", "admin", "followup.head"})


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def entry_fields(entry: AuditEntry) -> dict[str, Any]:
    """The hashed fields of an entry, in JSON form."""
    return {
        "seq": entry.seq,
        "id": entry.id,
        "workstation_no": entry.workstation_no,
        "at": to_json_value(entry.at),
        "user_id": entry.user_id,
        "username": entry.username,
        "action": entry.action,
        "entity": entry.entity,
        "entity_id": entry.entity_id,
        "details": entry.details,
        "prev_hash": entry.prev_hash,
    }


def entry_hash(fields: Mapping[str, Any], prev_hash: str) -> str:
    return hashlib.sha256((canonical_json(fields) + prev_hash).encode("utf-8")).hexdigest()


class AuditService:
    def __init__(self, services: Services) -> None:
        self._s = services

    # -- writing (inside another use case's transaction) -------------------------------------------------------------
    def record(
        self,
        session: Session,
        actor: Actor | None,
        action: str,
        entity: str = "",
        entity_id: str = "",
        details: Mapping[str, Any] | None = None,
        *,
        username: str = "",
    ) -> AuditEntry:
        """Append an entry to this workstation's chain. The caller's transaction must be a writer (BEGIN
        IMMEDIATE), which serialises ``seq`` between processes."""
        ws = self._s.workstation_no
        last = session.execute(
            select(AuditEntry.seq, AuditEntry.hash)
            .where(AuditEntry.workstation_no == ws)
            .order_by(AuditEntry.seq.desc())
            .limit(1)
        ).first()
        seq, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
        # Through JSON and back, so what is hashed is exactly what the JSON column will give back.
        clean_details = json.loads(canonical_json(to_json_value(dict(details or {}))))
        entry = AuditEntry(
            seq=seq,
            id=uuid7(),
            workstation_no=ws,
            at=self._s.now(),
            user_id=actor.user_id if actor else "",
            username=actor.username if actor else username,
            action=action,
            entity=entity,
            entity_id=entity_id or "",
            details=clean_details,
            prev_hash=prev_hash,
            hash="",
            synced=False,
        )
        fields = entry_fields(entry)
        entry.hash = entry_hash(fields, prev_hash)
        session.add(entry)
        enqueue(session, "audit", "audit_entry", entry.id, {**fields, "hash": entry.hash})
        return entry

    # -- checking -------------------------------------------------------------------------------------------------
    def verify_chain(self, workstation_no: int | None = None) -> ChainReport:
        """Walk this workstation's chain (or another's that sync brought) and name the first broken link."""
        ws = self._s.workstation_no if workstation_no is None else workstation_no
        checked = 0
        expected_prev = GENESIS_HASH
        expected_seq = 1
        with self._s.uow(writer=False) as uow:
            rows = uow.session.execute(
                select(AuditEntry).where(AuditEntry.workstation_no == ws).order_by(AuditEntry.seq)
            ).yield_per(2000)
            for (entry,) in rows:
                if entry.seq != expected_seq:
                    reason = "missing_entries" if entry.seq > expected_seq else "duplicate_seq"
                    return ChainReport(False, checked, expected_seq, reason)
                if entry.prev_hash != expected_prev:
                    return ChainReport(False, checked, entry.seq, "prev_hash_mismatch")
                if entry_hash(entry_fields(entry), entry.prev_hash) != entry.hash:
                    return ChainReport(False, checked, entry.seq, "hash_mismatch")
                checked += 1
                expected_prev = entry.hash
                expected_seq += 1
        return ChainReport(True, checked, None, "")

    def list_entries(
        self,
        actor: Actor,
        *,
        user_id: str | None = None,
        action_prefix: str | None = None,
        entity_id: str | None = None,
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        limit: int = 500,
    ) -> list[AuditLine]:
        """Newest first. Only the audit unit, the office head and administrators read the trail."""
        if not actor.has_any_role(AUDIT_ROLES):
            raise DomainError("audit.forbidden")
        query = select(AuditEntry)
        if user_id:
            query = query.where(AuditEntry.user_id == user_id)
        if action_prefix:
            query = query.where(AuditEntry.action.startswith(action_prefix, autoescape=True))
        if entity_id:
            query = query.where(AuditEntry.entity_id == entity_id)
        if since:
            query = query.where(AuditEntry.at >= since)
        if until:
            query = query.where(AuditEntry.at < until)
        query = query.order_by(AuditEntry.at.desc(), AuditEntry.seq.desc()).limit(limit)
        with self._s.uow(writer=False) as uow:
            return [
                AuditLine(
                    workstation_no=e.workstation_no,
                    seq=e.seq,
                    at=e.at,
                    user_id=e.user_id,
                    username=e.username,
                    action=e.action,
                    entity=e.entity,
                    entity_id=e.entity_id,
                    details=dict(e.details),
                    hash=e.hash,
                )
                for e in uow.session.scalars(query)
            ]

    def count(self) -> int:
        with self._s.uow(writer=False) as uow:
            return int(uow.session.scalar(select(func.count()).select_from(AuditEntry)) or 0)
