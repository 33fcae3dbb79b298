"""Certificate revocation (ابطال) and online verification of a certificate's signed QR payload.

``/verify`` trusts the office's keys (docs/printing.md, "One trust list") and knows every revocation: those made
here (``revoked_certificate``) and those made at a workstation, which reach the server as synced
``issued_certificate`` records."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.context import ServerContext
from server.db.models import RevokedCertificate, Workstation
from server.errors import ServerError, conflict, invalid
from server.services import audit
from server.services.audit import Actor
from server.sync.models import SyncRecord

CERTIFICATE_ENTITY = "issued_certificate"
SIGNING_KEY_ENTITY = "signing_key"


def revoke(
    session: Session, ctx: ServerContext, *, serial: str, tracking_number: str = "", reason: str, actor: Actor
) -> RevokedCertificate:
    serial = serial.strip()
    if not serial or len(serial) > 64:
        raise invalid("certificate.serial_invalid")
    if not reason.strip():
        raise invalid("certificate.reason_required")
    if session.get(RevokedCertificate, serial) is not None:
        raise conflict("certificate.already_revoked", serial=serial)
    row = RevokedCertificate(
        serial=serial, tracking_number=tracking_number.strip()[:40], reason=reason.strip(),
        revoked_at=ctx.clock.now(), revoked_by=actor.username,
    )  # fmt: skip
    session.add(row)
    audit.record(session, "certificate.revoked", at=row.revoked_at, actor=actor, entity="certificate",
                 entity_id=serial, details={"tracking_number": row.tracking_number, "reason": row.reason})  # fmt: skip
    session.commit()
    return row


def revocations(session: Session, since: dt.datetime | None = None) -> list[RevokedCertificate]:
    query = select(RevokedCertificate).order_by(RevokedCertificate.revoked_at, RevokedCertificate.serial)
    if since is not None:
        query = query.where(RevokedCertificate.revoked_at > since)
    return list(session.scalars(query))


def _folder_keys(ctx: ServerContext) -> list[Any]:
    """Keys the administrator put in the server's signing-keys folder (``*.pub``): trusted as they are."""
    from app.printing import signing

    cached = ctx.extras.get("signing_public_keys")
    if cached is None:
        cached = signing.load_public_keys(ctx.settings.signing_keys_path)
        ctx.extras["signing_public_keys"] = cached
    keys: list[Any] = list(cached)  # type: ignore[call-overload]
    return keys


def registered_keys(session: Session) -> list[Any]:
    """The trust list's keys that the server vouches for (docs/printing.md, "One trust list"): a synced
    ``signing_key`` row counts when the workstation that pushed it (``created_by_ws``, from its authenticated
    session, never from the row) is the workstation the row names, that workstation is enrolled now (approved, not
    revoked), and the row's id is its key's own id."""
    from app.printing import signing

    enrolled = set(
        session.scalars(
            select(Workstation.number).where(Workstation.status == "approved", Workstation.number.is_not(None))
        )
    )
    rows = session.execute(
        select(SyncRecord.id, SyncRecord.data, SyncRecord.created_by_ws).where(
            SyncRecord.entity == SIGNING_KEY_ENTITY, SyncRecord.deleted.is_(False)
        )
    ).all()
    trusted: list[tuple[str, str]] = []
    for row_id, data, created_by in rows:
        data = data or {}
        try:
            named = int(data.get("workstation_no") or 0)
        except (TypeError, ValueError):
            continue
        if named and named == created_by and created_by in enrolled:
            trusted.append((str(row_id), str(data.get("public_key") or "")))
    return signing.registered_keys(trusted)


def synced_revocation(session: Session, serial: str) -> dict[str, Any] | None:
    """A revocation made at a workstation, as the synced ``issued_certificate`` record holds it (None if not)."""
    record = session.scalars(
        select(SyncRecord)
        .where(SyncRecord.entity == CERTIFICATE_ENTITY, SyncRecord.data["serial"].as_string() == serial)
        .order_by(SyncRecord.position.desc())
        .limit(1)
    ).first()
    if record is None or record.deleted or (record.data or {}).get("status") != "revoked":
        return None
    data = record.data
    return {
        "reason": str(data.get("revoke_reason") or ""),
        "revoked_at": str(data.get("revoked_at") or ""),
        "revoked_by": str(data.get("revoked_by") or ""),
    }


def verify(session: Session, ctx: ServerContext, payload: str) -> dict[str, Any]:
    """The printing package's offline verifier with the office's trust list (the server's keys folder and the
    registered workstation keys), and the revocations: the server's own table and the synced certificate records
    revoked at the workstations."""
    try:
        from app.printing import signing
    except ImportError:
        raise ServerError("verify.unavailable", 503) from None
    keys = _folder_keys(ctx) + registered_keys(session)
    result = signing.verify_payload(payload, keys)
    revocation: dict[str, Any] | None = None
    if result.facts is not None:
        revoked = session.get(RevokedCertificate, result.facts.serial)
        if revoked is not None:
            revocation = {"reason": revoked.reason, "revoked_at": revoked.revoked_at.isoformat(),
                          "revoked_by": revoked.revoked_by}  # fmt: skip
        else:
            revocation = synced_revocation(session, result.facts.serial)
        if revocation is not None:
            result = signing.verify_payload(payload, keys, revoked=[result.facts.serial])
    facts = None
    if result.facts is not None:
        facts = {
            k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in dataclasses.asdict(result.facts).items()
        }
    return {
        "status": result.status,
        "genuine": result.genuine,
        "code": result.code,
        "detail": result.detail,
        "facts": facts,
        "revocation": revocation,
    }
