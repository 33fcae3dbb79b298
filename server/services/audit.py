"""The server's audit trail: every action appended to one hash chain, like the workstations' chains.

``hash = sha256(prev_hash || canonical_json(entry))`` where canonical JSON has sorted keys, no spaces and UTF-8
text. Editing, inserting or deleting any row breaks every hash after it; ``verify_chain`` finds the first break.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.db.base import utcnow, uuid7
from server.db.models import AuditEntry, AuditHead

GENESIS_HASH = "0" * 64


@dataclass(frozen=True, slots=True)
class Actor:
    """Who did it. An anonymous request (a failed login) has an empty user id and the attempted username."""

    user_id: str = ""
    username: str = ""
    workstation_no: int | None = None


SYSTEM = Actor(username="system")


def canonical_json(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str).encode("utf-8")


def entry_body(entry: AuditEntry) -> dict[str, Any]:
    return {
        "seq": entry.seq,
        "id": entry.id,
        "at": entry.at.isoformat(),
        "user_id": entry.user_id,
        "username": entry.username,
        "workstation_no": entry.workstation_no,
        "action": entry.action,
        "entity": entry.entity,
        "entity_id": entry.entity_id,
        "details": entry.details,
    }


def chain_hash(prev_hash: str, body: dict[str, Any]) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + canonical_json(body)).hexdigest()


def record(
    session: Session,
    action: str,
    *,
    at: Any,
    actor: Actor = SYSTEM,
    entity: str = "",
    entity_id: str = "",
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry inside the caller's transaction (the caller commits)."""
    head = session.execute(select(AuditHead).where(AuditHead.id == 1).with_for_update()).scalar_one()
    entry = AuditEntry(
        seq=head.seq + 1,
        id=uuid7(),
        at=at,
        user_id=actor.user_id,
        username=actor.username,
        workstation_no=actor.workstation_no,
        action=action,
        entity=entity,
        entity_id=entity_id,
        # Round-trip through JSON now so the hashed form equals what the database gives back later.
        details=json.loads(canonical_json(details or {})),
        prev_hash=head.hash,
        hash="",
    )
    entry.hash = chain_hash(entry.prev_hash, entry_body(entry))
    head.seq = entry.seq
    head.hash = entry.hash
    session.add(entry)
    session.flush()
    return entry


def append(
    session: Session,
    action: str,
    *,
    user_id: str = "",
    username: str = "",
    workstation_no: int | None = None,
    entity: str = "",
    entity_id: str = "",
    details: dict[str, Any] | None = None,
    at: Any = None,
) -> AuditEntry:
    """``record`` with the actor spelt out (the form the sync package calls); ``at`` defaults to now."""
    return record(
        session, action, at=at or utcnow(), actor=Actor(user_id, username, workstation_no), entity=entity,
        entity_id=entity_id, details=details,
    )  # fmt: skip


def verify_chain(session: Session, batch: int = 1000) -> int | None:
    """The ``seq`` of the first entry whose link or hash is wrong, or None when the whole chain holds."""
    prev_hash = GENESIS_HASH
    expected_seq = 1
    last_seq = 0
    while True:
        rows = session.scalars(
            select(AuditEntry).where(AuditEntry.seq > last_seq).order_by(AuditEntry.seq).limit(batch)
        )
        count = 0
        for entry in rows:
            count += 1
            if entry.seq != expected_seq or entry.prev_hash != prev_hash:
                return expected_seq if entry.seq != expected_seq else entry.seq
            if chain_hash(prev_hash, entry_body(entry)) != entry.hash:
                return entry.seq
            prev_hash = entry.hash
            expected_seq += 1
            last_seq = entry.seq
        if count < batch:
            break
    head = session.get(AuditHead, 1)
    if head is not None and (head.seq != last_seq or head.hash != prev_hash):
        return last_seq + 1
    return None


def entries(session: Session, *, action: str | None = None, after_seq: int = 0, limit: int = 100) -> list[AuditEntry]:
    query = select(AuditEntry).where(AuditEntry.seq > after_seq).order_by(AuditEntry.seq).limit(limit)
    if action is not None:
        query = query.where(AuditEntry.action == action)
    return list(session.scalars(query))
