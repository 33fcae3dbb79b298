"""Certificate revocation (ابطال) and online verification of a certificate's signed QR payload."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.context import ServerContext
from server.db.models import RevokedCertificate
from server.errors import ServerError, conflict, invalid
from server.services import audit
from server.services.audit import Actor


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


def _public_keys(ctx: ServerContext) -> list[Any]:
    from app.printing import signing

    cached = ctx.extras.get("signing_public_keys")
    if cached is None:
        cached = signing.load_public_keys(ctx.settings.signing_keys_path)
        ctx.extras["signing_public_keys"] = cached
    return list(cached)  # type: ignore[call-overload]


def verify(session: Session, ctx: ServerContext, payload: str) -> dict[str, Any]:
    """The printing package's offline verifier, plus the server's revocation list."""
    try:
        from app.printing import signing
    except ImportError:
        raise ServerError("verify.unavailable", 503) from None
    keys = _public_keys(ctx)
    result = signing.verify_payload(payload, keys)
    revoked: RevokedCertificate | None = None
    if result.facts is not None:
        revoked = session.get(RevokedCertificate, result.facts.serial)
        if revoked is not None:
            result = signing.verify_payload(payload, keys, revoked=[revoked.serial])
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
        "revocation": None
        if revoked is None
        else {"reason": revoked.reason, "revoked_at": revoked.revoked_at.isoformat(), "revoked_by": revoked.revoked_by},
    }
