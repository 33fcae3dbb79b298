"""Workstation enrolment: a request, an administrator's decision, and the workstation number it receives.

A workstation proves itself at login with either an Ed25519 signature over
``"ecity-login\\n{workstation_id}\\n{username}\\n{signed_at}"`` (when it enrolled with a public key) or with the random
secret the server handed out once at enrolment (only its sha256 is kept). Numbers are never reused: tracking numbers
made on a revoked workstation must stay unique.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import secrets

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server.context import ServerContext
from server.db.models import RefreshToken, Workstation
from server.errors import ServerError, conflict, invalid, not_found
from server.security import sha256_hex
from server.services import audit
from server.services.audit import Actor

STATUSES = ("pending", "approved", "rejected", "revoked")


def _decode_key(text: str) -> bytes:
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise invalid("workstation.public_key_invalid") from None
    if len(raw) != 32:
        raise invalid("workstation.public_key_invalid")
    try:
        Ed25519PublicKey.from_public_bytes(raw)
    except ValueError:
        raise invalid("workstation.public_key_invalid") from None
    return raw


def login_message(workstation_id: str, username: str, signed_at: int) -> bytes:
    return f"ecity-login\n{workstation_id}\n{username}\n{signed_at}".encode()


def request_enrolment(
    session: Session, ctx: ServerContext, *, name: str, public_key: str | None
) -> tuple[Workstation, str | None]:
    """Record a request. Returns the workstation and, when no public key was given, its one-time-shown secret."""
    name = name.strip()
    if not 1 <= len(name) <= 120:
        raise invalid("workstation.name_invalid")
    secret: str | None = None
    ws = Workstation(name=name, status="pending", requested_at=ctx.clock.now())
    if public_key:
        _decode_key(public_key)
        ws.public_key = public_key.rstrip("=")
    else:
        secret = secrets.token_urlsafe(32)
        ws.secret_hash = sha256_hex(secret)
    session.add(ws)
    session.flush()
    audit.record(session, "workstation.enrolment_requested", at=ws.requested_at, actor=Actor(username="anonymous"),
                 entity="workstation", entity_id=ws.id,
                 details={"name": name, "proof": "public_key" if public_key else "secret"})  # fmt: skip
    session.commit()
    return ws, secret


def get_workstation(session: Session, workstation_id: str) -> Workstation:
    ws = session.get(Workstation, workstation_id)
    if ws is None:
        raise not_found("workstation.not_found", workstation_id=workstation_id)
    return ws


def list_workstations(session: Session, status: str | None = None) -> list[Workstation]:
    query = select(Workstation).order_by(Workstation.requested_at, Workstation.id)
    if status is not None:
        if status not in STATUSES:
            raise invalid("workstation.status_invalid", status=status)
        query = query.where(Workstation.status == status)
    return list(session.scalars(query))


def find_workstation(session: Session, key: str) -> Workstation:
    """By id, by number (digits) or by unique name: what an administrator types at the command line."""
    ws = session.get(Workstation, key)
    if ws is None and key.isdigit():
        ws = session.scalars(select(Workstation).where(Workstation.number == int(key))).first()
    if ws is None:
        matches = list(session.scalars(select(Workstation).where(Workstation.name == key)))
        if len(matches) > 1:
            raise conflict("workstation.name_ambiguous", name=key)
        ws = matches[0] if matches else None
    if ws is None:
        raise not_found("workstation.not_found", workstation_id=key)
    return ws


def approve(session: Session, ctx: ServerContext, workstation_id: str, *, actor: Actor) -> Workstation:
    """Approve a pending request and give it the next workstation number (unique; retried on a concurrent approval)."""
    for _attempt in range(5):
        ws = get_workstation(session, workstation_id)
        if ws.status == "approved":
            return ws
        if ws.status != "pending":
            raise conflict("workstation.not_pending", status=ws.status)
        ws.number = int(session.scalar(select(func.coalesce(func.max(Workstation.number), 0))) or 0) + 1
        ws.status = "approved"
        ws.decided_at = ctx.clock.now()
        ws.decided_by = actor.username
        try:
            session.flush()
        except IntegrityError:
            session.rollback()  # another approval took that number first: try the next one
            continue
        audit.record(session, "workstation.approved", at=ws.decided_at, actor=actor, entity="workstation",
                     entity_id=ws.id, details={"name": ws.name, "number": ws.number})  # fmt: skip
        session.commit()
        return ws
    raise ServerError("workstation.number_busy", 503)


def reject(session: Session, ctx: ServerContext, workstation_id: str, *, actor: Actor, reason: str = "") -> Workstation:
    ws = get_workstation(session, workstation_id)
    if ws.status != "pending":
        raise conflict("workstation.not_pending", status=ws.status)
    ws.status = "rejected"
    ws.decided_at = ctx.clock.now()
    ws.decided_by = actor.username
    ws.note = reason[:300]
    audit.record(session, "workstation.rejected", at=ws.decided_at, actor=actor, entity="workstation",
                 entity_id=ws.id, details={"name": ws.name, "reason": reason[:300]})  # fmt: skip
    session.commit()
    return ws


def revoke(session: Session, ctx: ServerContext, workstation_id: str, *, actor: Actor, reason: str = "") -> Workstation:
    """Withdraw an approved workstation: its sessions end; its number stays taken."""
    ws = get_workstation(session, workstation_id)
    if ws.status != "approved":
        raise conflict("workstation.not_approved", status=ws.status)
    now = ctx.clock.now()
    ws.status = "revoked"
    ws.decided_at = now
    ws.decided_by = actor.username
    ws.note = reason[:300]
    for token in session.scalars(
        select(RefreshToken).where(RefreshToken.workstation_id == ws.id, RefreshToken.revoked_at.is_(None))
    ):
        token.revoked_at = now
    audit.record(session, "workstation.revoked", at=now, actor=actor, entity="workstation", entity_id=ws.id,
                 details={"name": ws.name, "number": ws.number, "reason": reason[:300]})  # fmt: skip
    session.commit()
    return ws


def verify_proof(
    ctx: ServerContext,
    ws: Workstation,
    *,
    username: str,
    secret: str | None,
    signature: str | None,
    signed_at: int | None,
) -> None:
    """Raise unless the request really comes from this approved workstation."""
    if ws.status != "approved" or ws.number is None:
        raise ServerError("workstation.not_approved", 403, status=ws.status)
    if ws.public_key:
        if not signature or signed_at is None:
            raise ServerError("workstation.proof_invalid", 401)
        now = int(ctx.clock.now().timestamp())
        if abs(now - signed_at) > ctx.settings.enrolment_signature_window_s:
            raise ServerError("workstation.proof_expired", 401)
        try:
            sig = base64.urlsafe_b64decode(signature + "=" * (-len(signature) % 4))
            Ed25519PublicKey.from_public_bytes(_decode_key(ws.public_key)).verify(
                sig, login_message(ws.id, username, signed_at)
            )
        except (InvalidSignature, ValueError, binascii.Error, ServerError):
            raise ServerError("workstation.proof_invalid", 401) from None
        return
    if not secret or ws.secret_hash is None or not hmac.compare_digest(sha256_hex(secret), ws.secret_hash):
        raise ServerError("workstation.proof_invalid", 401)
