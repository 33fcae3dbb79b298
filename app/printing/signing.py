"""The office's Ed25519 key and the signed payload in a certificate's QR code; the offline verifier.

Payload text (what the QR holds): ``EC1.<body>.<signature>``
- ``body``: base64url (no padding) of canonical JSON (sorted keys, no spaces, UTF-8) with the certificate serial
  ``n``, tracking number ``t``, kind ``k``, property key (renovation code) ``p``, issue date ``d`` (ISO), SHA-256 of
  the printed facts ``h`` and the signing key's id ``i``;
- ``signature``: base64url of the Ed25519 signature over the ASCII bytes ``EC1.<body>``.

The signature covers the bytes as transmitted, so the verifier never re-serialises anything before checking, and
decoding is strict (non-canonical base64 is refused): any single changed character fails. JSON instead of CBOR needs
no extra package and stays readable once decoded; base64url instead of base45 keeps the text safe inside a URL for the
server's verification page later, at the price of a slightly denser QR (about 290 characters, QR version 10).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from app.domain.errors import DomainError

PREFIX = "EC1"
PRIVATE_KEY_FILE = "office-signing.key"
PUBLIC_KEY_SUFFIX = ".pub"
PUBLIC_KEY_FILE = "office-signing" + PUBLIC_KEY_SUFFIX
_FIELDS = {"n", "t", "k", "p", "d", "h", "i"}
_B64URL = re.compile(r"^[A-Za-z0-9_-]+$")

Status = Literal["genuine", "revoked", "forged", "unknown_key", "malformed"]


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64decode_strict(text: str) -> bytes:
    """Refuse anything but the one canonical unpadded base64url spelling of some bytes."""
    if not _B64URL.match(text):
        raise ValueError("not base64url")
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as exc:
        raise ValueError("not base64url") from exc
    if _b64encode(data) != text:
        raise ValueError("non-canonical base64url")
    return data


def canonical_json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def facts_digest(facts: Mapping[str, Any]) -> str:
    """base64url SHA-256 of the printed facts in canonical JSON: the server can recompute it from its record."""
    return _b64encode(hashlib.sha256(canonical_json(facts)).digest())


# --- keys --------------------------------------------------------------------------------------------------------


def generate_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def public_bytes(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id(key: Ed25519PublicKey | Ed25519PrivateKey) -> str:
    """Eight hex digits naming a public key, so a payload says which of the office's keys (old or new) signed it."""
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return hashlib.sha256(public_bytes(public)).hexdigest()[:8]


def save_key(folder: Path, key: Ed25519PrivateKey) -> tuple[Path, Path]:
    """Write the private key (PKCS#8 PEM, owner-only) and its public key (PEM) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    private_path = folder / PRIVATE_KEY_FILE
    public_path = folder / PUBLIC_KEY_FILE
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
    public_path.write_bytes(
        key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    return private_path, public_path


def load_key(folder: Path) -> Ed25519PrivateKey:
    path = folder / PRIVATE_KEY_FILE
    if not path.exists():
        raise DomainError("signing.no_key", path=str(path))
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise DomainError("signing.bad_key", path=str(path))
    return key


def ensure_key(folder: Path) -> Ed25519PrivateKey:
    """The office's signing key from ``folder`` (services pass ``DataPaths.office_keys``), created on first use."""
    if (folder / PRIVATE_KEY_FILE).exists():
        return load_key(folder)
    key = generate_key()
    save_key(folder, key)
    return key


def load_public_keys(folder: Path) -> list[Ed25519PublicKey]:
    """Every ``*.pub`` in ``folder``: the current key and retired ones whose certificates are still in circulation."""
    keys: list[Ed25519PublicKey] = []
    if not folder.is_dir():
        return keys
    for path in sorted(folder.glob("*" + PUBLIC_KEY_SUFFIX)):
        key = serialization.load_pem_public_key(path.read_bytes())
        if isinstance(key, Ed25519PublicKey):
            keys.append(key)
    return keys


def public_key_text(key: Ed25519PublicKey | Ed25519PrivateKey) -> str:
    """The raw public key as base64url without padding (43 characters): how the trust list stores it."""
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return _b64encode(public_bytes(public))


def public_key_from_text(text: str) -> Ed25519PublicKey | None:
    """The key a trust-list row holds; None for anything that is not exactly one raw Ed25519 public key."""
    try:
        raw = _b64decode_strict((text or "").strip())
    except ValueError:
        return None
    if len(raw) != 32:
        return None
    try:
        return Ed25519PublicKey.from_public_bytes(raw)
    except ValueError:
        return None


def registered_keys(rows: Iterable[tuple[str, str]]) -> list[Ed25519PublicKey]:
    """The keys of trust-list rows ``(key id, public key text)``; a row whose id is not its key's own id (a copy
    edited to impersonate another key id) or whose key does not decode is left out."""
    keys: list[Ed25519PublicKey] = []
    for stated_id, text in rows:
        key = public_key_from_text(text)
        if key is not None and key_id(key) == stated_id:
            keys.append(key)
    return keys


# --- payload -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CertifiedFacts:
    """What a genuine payload certifies."""

    serial: str
    tracking_number: str
    kind: str
    property_key: str
    issue_date: dt.date
    facts_sha256: str
    key_id: str


@dataclass(frozen=True, slots=True)
class VerificationResult:
    """``status`` is the reason code; ``facts`` is filled whenever the signature held (also for a revoked one)."""

    status: Status
    facts: CertifiedFacts | None = None
    detail: str = ""

    @property
    def genuine(self) -> bool:
        return self.status == "genuine"

    @property
    def code(self) -> str:
        """Message code for ``messages_fa.MESSAGES``."""
        return f"verify.{self.status}"


def sign_payload(
    *,
    serial: str,
    tracking_number: str,
    kind: str,
    property_key: str,
    issue_date: dt.date,
    facts_sha256: str,
    key: Ed25519PrivateKey,
) -> str:
    body = {
        "n": serial,
        "t": tracking_number,
        "k": kind,
        "p": property_key,
        "d": issue_date.isoformat(),
        "h": facts_sha256,
        "i": key_id(key),
    }
    signed = f"{PREFIX}.{_b64encode(canonical_json(body))}"
    return f"{signed}.{_b64encode(key.sign(signed.encode('ascii')))}"


def _as_public_keys(keys: Iterable[Ed25519PublicKey | Ed25519PrivateKey | bytes]) -> dict[str, Ed25519PublicKey]:
    out: dict[str, Ed25519PublicKey] = {}
    for key in keys:
        if isinstance(key, bytes):
            public = Ed25519PublicKey.from_public_bytes(key)
        elif isinstance(key, Ed25519PrivateKey):
            public = key.public_key()
        else:
            public = key
        out[key_id(public)] = public
    return out


def _parse_facts(body: Any) -> CertifiedFacts:
    if not isinstance(body, dict) or set(body) != _FIELDS or not all(isinstance(v, str) for v in body.values()):
        raise ValueError("fields")
    return CertifiedFacts(
        serial=body["n"],
        tracking_number=body["t"],
        kind=body["k"],
        property_key=body["p"],
        issue_date=dt.date.fromisoformat(body["d"]),
        facts_sha256=body["h"],
        key_id=body["i"],
    )


def verify_payload(
    text: str,
    public_keys: Iterable[Ed25519PublicKey | Ed25519PrivateKey | bytes],
    revoked: Iterable[str] = (),
) -> VerificationResult:
    """Check a QR payload offline. Never raises on bad input: a broken payload is a result, not an error.

    ``revoked`` holds certificate serials that the office has cancelled (ابطال); a genuine signature on one of them
    gives ``status == "revoked"`` with its facts, so the reader learns what was revoked.
    """
    text = (text or "").strip()
    parts = text.split(".")
    if len(parts) != 3 or parts[0] != PREFIX:
        return VerificationResult("malformed", detail="format")
    try:
        body_bytes = _b64decode_strict(parts[1])
        signature = _b64decode_strict(parts[2])
        body = json.loads(body_bytes.decode("utf-8"))
        facts = _parse_facts(body)
    except (ValueError, UnicodeDecodeError):
        return VerificationResult("malformed", detail="encoding")
    if len(signature) != 64:
        return VerificationResult("malformed", detail="signature_length")
    keys = _as_public_keys(public_keys)
    key = keys.get(facts.key_id)
    if key is None:
        return VerificationResult("unknown_key", detail=facts.key_id)
    try:
        key.verify(signature, f"{parts[0]}.{parts[1]}".encode("ascii"))
    except InvalidSignature:
        return VerificationResult("forged", detail="signature")
    if facts.serial in set(revoked):
        return VerificationResult("revoked", facts)
    return VerificationResult("genuine", facts)
