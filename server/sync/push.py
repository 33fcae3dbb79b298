"""Apply a pushed batch of outbox entries: once each, in order, with one answer per idempotency key.

Everything a batch does happens in the caller's single transaction: the receipts, the merged rows, the history of
values that lost, the refusals, and (last, just before commit) the positions in the global order.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import DataError
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.domain.hlc import MAX_DRIFT_MS, Stamp
from server.sync import faults
from server.sync.audit import receive_audit_entry
from server.sync.authz import Author, record_refusal, resolve_author
from server.sync.entities import LOCAL_ONLY_FIELDS, RULES, EntityRule, scope_of
from server.sync.models import COUNTER_ROW, SyncCounter, SyncReceipt, SyncRecord, SyncScope, SyncWorkstation
from server.sync.protocol import ACCEPTED, REFUSED, RETRY, EntryResult, PushEntry
from server.sync.workflow import apply_action

log = logging.getLogger(__name__)

# Errors an entry's own values cause (a number too large for its column, text where a number belongs): permanent.
MALFORMED = (OverflowError, ValueError, TypeError, DataError)


def now_ms() -> int:
    return time.time_ns() // 1_000_000


@dataclass
class Batch:
    """State of one push while it is applied."""

    session: Session
    principal: Any
    workstation_no: int
    server_ms: int = field(default_factory=now_ms)
    touched: dict[tuple[str, str], SyncRecord] = field(default_factory=dict)
    fields_set: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # fields that took a new value
    refused_cases: dict[str, str] = field(default_factory=dict)  # case id -> idempotency key of the refused action

    def mark(self) -> tuple[dict[tuple[str, str], SyncRecord], dict[tuple[str, str], set[str]], dict[str, str]]:
        """What this batch has noted so far, to go back to when an entry's savepoint is rolled back."""
        return dict(self.touched), {k: set(v) for k, v in self.fields_set.items()}, dict(self.refused_cases)

    def restore(
        self, mark: tuple[dict[tuple[str, str], SyncRecord], dict[tuple[str, str], set[str]], dict[str, str]]
    ) -> None:
        self.touched, self.fields_set, self.refused_cases = dict(mark[0]), dict(mark[1]), dict(mark[2])

    def touch(self, record: SyncRecord) -> None:
        self.touched.pop((record.entity, record.id), None)
        self.touched[(record.entity, record.id)] = record  # re-insert: keeps the order of last touch

    def get(self, entity: str, entity_id: str) -> SyncRecord | None:
        key = (entity, entity_id)
        if key in self.touched:
            return self.touched[key]
        stmt = select(SyncRecord).where(SyncRecord.entity == entity, SyncRecord.id == entity_id)
        if self.session.bind is not None and self.session.get_bind().dialect.name == "postgresql":
            stmt = stmt.with_for_update()
        return self.session.scalars(stmt).first()

    def scope_units(self, scope_id: str) -> set[str]:
        return set(self.session.scalars(select(SyncScope.unit).where(SyncScope.scope_id == scope_id)))

    def add_scope_unit(self, scope_id: str, unit: str) -> None:
        """A case reaching a new unit becomes visible there, with every row it owns: they all get new positions so
        that workstations of that unit, whose cursors are past the old positions, receive them."""
        if unit in self.scope_units(scope_id):
            return
        existed = bool(self.scope_units(scope_id))
        self.session.add(SyncScope(scope_id=scope_id, unit=unit))
        self.session.flush()
        if existed:
            for record in self.session.scalars(
                select(SyncRecord).where(SyncRecord.scope_id == scope_id).order_by(SyncRecord.position)
            ):
                self.touch(record)


def result(entry: PushEntry, status: str, code: str = "", **details: Any) -> EntryResult:
    return EntryResult(idempotency_key=entry.idempotency_key, seq=entry.seq, status=status, code=code, details=details)


def apply_batch(session: Session, principal: Any, entries: Sequence[PushEntry]) -> tuple[list[EntryResult], int]:
    """Apply ``entries`` in seq order. Returns the answers and how many entries were looked at: processing stops at
    the first ``retry`` (later entries may depend on it) and the client sends the rest again."""
    workstation_no = int(principal.workstation_no or 0)
    batch = Batch(session, principal, workstation_no)
    results: list[EntryResult] = []
    for index, entry in enumerate(sorted(entries, key=lambda e: e.seq)):
        receipt = session.get(SyncReceipt, entry.idempotency_key)
        if receipt is not None:
            results.append(
                EntryResult(
                    idempotency_key=receipt.idempotency_key,
                    seq=entry.seq,
                    status=receipt.status,
                    code=receipt.code,
                    details=receipt.details,
                )
            )
            continue
        savepoint = session.begin_nested()
        mark = batch.mark()
        try:
            answer = apply_entry(batch, entry)
            session.flush()  # so a value the database cannot hold fails here, for this entry alone
        except MALFORMED as exc:
            # Not transient: sending it again gives the same error. Refused (and remembered) so the queue moves on.
            log.warning("push entry %s (%s %s) is malformed: %s", entry.seq, entry.kind, entry.entity, exc)
            savepoint.rollback()
            batch.restore(mark)
            answer = result(entry, REFUSED, "sync.malformed_entry", error=type(exc).__name__)
            session.add(SyncReceipt(idempotency_key=entry.idempotency_key, workstation_no=workstation_no,
                                    seq=entry.seq, status=answer.status, code=answer.code, details=answer.details))  # fmt: skip
            results.append(answer)
            continue
        except Exception:
            log.exception(
                "push entry %s (%s %s) failed; the client will resend it", entry.seq, entry.kind, entry.entity
            )
            savepoint.rollback()
            results.append(result(entry, RETRY, "sync.server_error"))
            return results, index + 1
        if answer.status == RETRY:
            savepoint.rollback()
            results.append(answer)
            _finish(batch)
            return results, index + 1
        savepoint.commit()
        session.add(
            SyncReceipt(
                idempotency_key=entry.idempotency_key,
                workstation_no=workstation_no,
                seq=entry.seq,
                status=answer.status,
                code=answer.code,
                details=answer.details,
            )
        )
        results.append(answer)
        if index == len(entries) // 2:
            faults.point("push.mid_batch")
    _finish(batch)
    return results, len(entries)


def _finish(batch: Batch) -> None:
    """Hand out positions for every row touched, in the order touched, as the last thing before commit.

    The counter row stays locked until this transaction commits, so no later position can become visible before an
    earlier one (the gap a plain auto-increment leaves when transactions commit out of order). Taking it last keeps
    the lock short.
    """
    session = batch.session
    ws = session.get(SyncWorkstation, batch.workstation_no)
    if ws is None:
        ws = SyncWorkstation(workstation_no=batch.workstation_no, units=[])
        session.add(ws)
    ws.last_push_at = dt.datetime.now(dt.UTC)
    if not batch.touched:
        session.flush()
        return
    session.flush()
    top = take_positions(session, len(batch.touched))
    first = top - len(batch.touched) + 1
    for offset, record in enumerate(batch.touched.values()):
        record.position = first + offset
        names = batch.fields_set.get((record.entity, record.id))
        if names:
            where = [record.position, batch.workstation_no]
            record.field_pos = {**(record.field_pos or {}), **dict.fromkeys(names, where)}
    session.flush()


def take_positions(session: Session, count: int) -> int:
    """Reserve ``count`` positions; returns the highest. Creates the counter row on first use."""
    stmt = (
        update(SyncCounter)
        .where(SyncCounter.id == COUNTER_ROW)
        .values(value=SyncCounter.value + count)
        .returning(SyncCounter.value)
    )
    top = session.execute(stmt).scalar()
    if top is None:
        session.add(SyncCounter(id=COUNTER_ROW, value=0))
        session.flush()
        top = session.execute(stmt).scalar_one()
    return int(top)


# -- one entry --------------------------------------------------------------------------------------------------------


def apply_entry(batch: Batch, entry: PushEntry) -> EntryResult:
    payload = entry.payload
    if entry.kind == "audit":
        return receive_audit_entry(batch.session, batch.workstation_no, entry)
    rule = RULES.get(entry.entity)
    if rule is None or not rule.client_writable:
        return result(entry, REFUSED, "sync.entity_not_allowed", entity=entry.entity)
    stamp_text = str(payload.get("hlc") or "")
    try:
        stamp = Stamp.parse(stamp_text)
    except DomainError:
        return result(entry, REFUSED, "hlc.invalid", value=stamp_text)
    drift = stamp.wall_ms - batch.server_ms
    if drift > MAX_DRIFT_MS:
        # Nothing applied, nothing stored: the client corrects its clock from server_time_ms, re-stamps and resends.
        return result(entry, RETRY, "hlc.clock_too_far_ahead", drift_ms=drift, server_time_ms=batch.server_ms)
    author = resolve_author(batch.session, batch.principal, payload.get("actor_id") or payload.get("user_id"))
    if entry.kind == "action":
        return apply_action(batch, entry, author, stamp_text)
    if entry.kind == "delete":
        return _apply_delete(batch, entry, rule, author, stamp_text)
    return _apply_upsert(batch, entry, rule, author, stamp_text)


def _refuse_unit(batch: Batch, entry: PushEntry, author: Author, units: set[str] | None) -> EntryResult:
    details = {"units": sorted(units or ()), "user_units": sorted(author.units)}
    record_refusal(
        batch.session,
        workstation_no=batch.workstation_no,
        author=author,
        code="sync.unit_forbidden",
        entity=entry.entity,
        entity_id=entry.entity_id,
        details=details,
    )
    return result(entry, REFUSED, "sync.unit_forbidden", **details)


def _check_write(
    batch: Batch, entry: PushEntry, rule: EntityRule, author: Author, scope_id: str | None, new_case_unit: str | None
) -> EntryResult | None:
    if rule.scope is None:
        return None if author.may_write_shared else _refuse_unit(batch, entry, author, None)
    if scope_id is None:
        return result(entry, REFUSED, "sync.case_missing", entity=entry.entity)
    units = batch.scope_units(scope_id)
    if not units and new_case_unit is not None:
        units = {new_case_unit}
    if not units:
        return result(entry, REFUSED, "sync.case_unknown", case_id=scope_id)
    if not author.may_write(units):
        return _refuse_unit(batch, entry, author, units)
    return None


def _missing_files(batch: Batch, rule: EntityRule, fields: dict[str, Any]) -> list[str]:
    from server.services.files import file_exists

    wanted = [str(fields[f]) for f in rule.file_fields if fields.get(f)]
    return [h for h in wanted if not file_exists(batch.session, h)]


def _apply_upsert(batch: Batch, entry: PushEntry, rule: EntityRule, author: Author, stamp: str) -> EntryResult:
    fields = {k: v for k, v in dict(entry.payload.get("fields") or {}).items() if k not in LOCAL_ONLY_FIELDS}
    fields.pop("id", None)
    missing = _missing_files(batch, rule, fields)
    if missing:
        return result(entry, RETRY, "sync.file_missing", hashes=missing)
    record = batch.get(entry.entity, entry.entity_id)
    if rule.own_workstation_field is not None:
        claimed = fields.get(rule.own_workstation_field)
        if record is None and str(claimed) != str(batch.workstation_no):
            record_refusal(
                batch.session,
                workstation_no=batch.workstation_no,
                author=author,
                code="sync.foreign_workstation",
                entity=entry.entity,
                entity_id=entry.entity_id,
                details={"claimed": claimed},
            )
            return result(entry, REFUSED, "sync.foreign_workstation", claimed=claimed)
    if record is None:
        scope_id = scope_of(rule, entry.entity_id, fields)
        new_unit = str(fields.get("unit") or "") if rule.scope == "self" else None
        refusal = _check_write(batch, entry, rule, author, scope_id, new_unit)
        if refusal is not None:
            return refusal
        record = SyncRecord(
            entity=entry.entity,
            id=entry.entity_id,
            scope_id=scope_id,
            data=fields,
            field_hlc=dict.fromkeys(fields, stamp),
            version=1,
            deleted=bool(fields.get("deleted", False)),
            created_by_ws=batch.workstation_no,
            updated_by_ws=batch.workstation_no,
        )
        batch.session.add(record)
        batch.fields_set[(record.entity, record.id)] = set(fields)
        if rule.scope == "self" and new_unit:
            batch.session.flush()
            batch.add_scope_unit(entry.entity_id, new_unit)
        batch.touch(record)
        return result(entry, ACCEPTED, version=record.version)
    refusal = _check_write(batch, entry, rule, author, record.scope_id, None)
    if refusal is not None:
        return refusal
    if rule.immutable:
        return result(entry, ACCEPTED, "sync.immutable_ignored")
    ignored = sorted(f for f in fields if f in rule.controlled)
    lost, won = merge_fields(
        batch, record, {k: v for k, v in fields.items() if k not in rule.controlled}, stamp, author, entry.seen
    )
    if won:
        record.version += 1
        record.deleted = bool(record.data.get("deleted", False))
        record.updated_by_ws = batch.workstation_no
        record.updated_at = dt.datetime.now(dt.UTC)
        batch.touch(record)
    return result(entry, ACCEPTED, lost_fields=lost, ignored_fields=ignored)


def merge_fields(
    batch: Batch, record: SyncRecord, fields: dict[str, Any], stamp: str, author: Author, seen: int | None = None
) -> tuple[list[str], list[str]]:
    """Last writer wins per field by HLC (the node suffix makes the order total). The loser goes to field history.

    Replacing a value the writer had seen (pulled before making the change, or written itself) is an ordinary edit;
    replacing one it had not seen is a concurrent edit, and the replaced value is kept in history.
    """
    data = dict(record.data)
    clocks = dict(record.field_hlc)
    positions = dict(record.field_pos or {})
    lost: list[str] = []
    won: list[str] = []
    for name, value in fields.items():
        current = str(clocks.get(name, ""))
        if stamp > current:
            where = positions.get(name)
            had_seen = (
                name in batch.fields_set.get((record.entity, record.id), set())
                or (isinstance(where, list) and len(where) == 2
                    and (where[1] == batch.workstation_no or (seen is not None and int(where[0]) <= seen)))
            )  # fmt: skip
            if name in data and data[name] != value and current and not had_seen:
                _history(batch, record, name, lost_value=data[name], lost_hlc=current, won_hlc=stamp, author=author)
            if data.get(name) != value or name not in data:
                won.append(name)
            data[name] = value
            clocks[name] = stamp
        elif stamp < current and data.get(name) != value:
            _history(batch, record, name, lost_value=value, lost_hlc=stamp, won_hlc=current, author=author)
            lost.append(name)
    if won:
        record.data = data
        record.field_hlc = clocks
        batch.fields_set.setdefault((record.entity, record.id), set()).update(won)
    elif lost:
        batch.touch(record)  # nothing changed, but workstations must learn that their value lost
    return lost, won


def _history(
    batch: Batch, record: SyncRecord, name: str, *, lost_value: Any, lost_hlc: str, won_hlc: str, author: Author
) -> None:
    from server.db.base import uuid7

    history = SyncRecord(
        entity="field_history",
        id=uuid7(),
        scope_id=record.scope_id,
        data={
            "entity": record.entity,
            "entity_id": record.id,
            "case_id": record.scope_id,
            "field": name,
            "lost_value": lost_value,
            "lost_hlc": lost_hlc,
            "won_hlc": won_hlc,
            "at": dt.datetime.now(dt.UTC).isoformat(),
            "pushed_by": author.username,
        },
        field_hlc={},
        version=1,
        deleted=False,
        created_by_ws=batch.workstation_no,
        updated_by_ws=batch.workstation_no,
    )
    batch.session.add(history)
    batch.touch(history)


def _apply_delete(batch: Batch, entry: PushEntry, rule: EntityRule, author: Author, stamp: str) -> EntryResult:
    """Deletes are tombstones: the row stays with ``deleted`` set so that every workstation learns of it."""
    record = batch.get(entry.entity, entry.entity_id)
    if record is None:
        return result(entry, ACCEPTED, "sync.already_absent")
    refusal = _check_write(batch, entry, rule, author, record.scope_id, None)
    if refusal is not None:
        return refusal
    if rule.immutable:
        return result(entry, REFUSED, "sync.immutable")
    # "deleted" is a field like any other: the later stamp wins, so an edit made after the delete brings it back.
    lost, won = merge_fields(batch, record, {"deleted": True}, stamp, author, entry.seen)
    if won:
        record.deleted = True
        record.version += 1
        record.updated_by_ws = batch.workstation_no
        batch.touch(record)
    return result(entry, ACCEPTED, lost_fields=lost)
