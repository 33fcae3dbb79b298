"""Ed25519 payload: genuine accepted; any single changed character, another key, revoked, garbage refused."""

from __future__ import annotations

import base64
import datetime as dt
import json
import stat
import string
from pathlib import Path

import pytest

from app.printing import signing

ALPHABET = string.ascii_letters + string.digits + "-_."


@pytest.fixture(scope="module")
def key() -> signing.Ed25519PrivateKey:
    return signing.generate_key()


@pytest.fixture(scope="module")
def payload(key: signing.Ed25519PrivateKey) -> str:
    return signing.sign_payload(
        serial="0101-1403-00001",
        tracking_number="0101040030001237",
        kind="no_violation",
        property_key="1-4-76-10-1-2-0",
        issue_date=dt.date(2025, 3, 5),
        facts_sha256=signing.facts_digest({"owner_name": "علی‌رضا محمدی‌نژاد"}),
        key=key,
    )


def test_genuine_payload_is_accepted_with_its_facts(key: signing.Ed25519PrivateKey, payload: str) -> None:
    result = signing.verify_payload(payload, [key.public_key()])
    assert result.genuine and result.status == "genuine" and result.code == "verify.genuine"
    assert result.facts is not None
    assert result.facts.serial == "0101-1403-00001"
    assert result.facts.tracking_number == "0101040030001237"
    assert result.facts.kind == "no_violation"
    assert result.facts.property_key == "1-4-76-10-1-2-0"
    assert result.facts.issue_date == dt.date(2025, 3, 5)
    assert result.facts.key_id == signing.key_id(key)
    assert len(payload) < 320  # fits a QR that scans from paper at 36 mm


def test_payload_is_deterministic_and_ascii(key: signing.Ed25519PrivateKey, payload: str) -> None:
    assert payload.isascii() and payload.startswith("EC1.")
    again = signing.sign_payload(
        serial="0101-1403-00001",
        tracking_number="0101040030001237",
        kind="no_violation",
        property_key="1-4-76-10-1-2-0",
        issue_date=dt.date(2025, 3, 5),
        facts_sha256=signing.facts_digest({"owner_name": "علی‌رضا محمدی‌نژاد"}),
        key=key,
    )
    assert again == payload


def test_every_single_character_change_is_refused(key: signing.Ed25519PrivateKey, payload: str) -> None:
    """Exhaustive over positions, with several replacement characters at each one."""
    public = [key.public_key()]
    for i, original in enumerate(payload):
        replacements = {c for c in (ALPHABET[(ALPHABET.index(original) + k) % len(ALPHABET)] for k in (1, 7, 31))}
        replacements |= {" ", "="}
        for other in replacements - {original}:
            changed = payload[:i] + other + payload[i + 1 :]
            result = signing.verify_payload(changed, public)
            assert not result.genuine, f"position {i}: {original!r} → {other!r} accepted"


def test_dropped_or_added_characters_are_refused(key: signing.Ed25519PrivateKey, payload: str) -> None:
    public = [key.public_key()]
    assert not signing.verify_payload(payload[:-1], public).genuine
    assert not signing.verify_payload(payload + "A", public).genuine
    assert not signing.verify_payload(payload[1:], public).genuine


def test_another_keys_signature_is_refused(key: signing.Ed25519PrivateKey) -> None:
    other = signing.generate_key()
    forged = signing.sign_payload(
        serial="0101-1403-00001",
        tracking_number="0101040030001237",
        kind="no_violation",
        property_key="1-4-76-10-1-2-0",
        issue_date=dt.date(2025, 3, 5),
        facts_sha256="x",
        key=other,
    )
    assert signing.verify_payload(forged, [key.public_key()]).status == "unknown_key"
    # Same body claiming our key id, signed by the other key: the signature check catches it.
    prefix, body, _sig = forged.split(".")
    data = json.loads(base64.urlsafe_b64decode(body + "=="))
    data["i"] = signing.key_id(key)
    claimed_body = signing._b64encode(signing.canonical_json(data))
    claimed = f"{prefix}.{claimed_body}"
    claimed += "." + signing._b64encode(other.sign(claimed.encode()))
    result = signing.verify_payload(claimed, [key.public_key()])
    assert result.status == "forged" and not result.genuine


def test_revoked_certificate_is_reported_with_what_it_was(key: signing.Ed25519PrivateKey, payload: str) -> None:
    result = signing.verify_payload(payload, [key.public_key()], revoked={"0101-1403-00001"})
    assert result.status == "revoked" and not result.genuine
    assert result.facts is not None and result.facts.serial == "0101-1403-00001"
    assert signing.verify_payload(payload, [key.public_key()], revoked={"other"}).genuine


@pytest.mark.parametrize("text", ["", "hello", "EC1..", "EC1.a.b", "EC2.x.y", "EC1.e30.AAAA", "EC1.!!.??"])
def test_garbage_is_malformed_never_an_exception(key: signing.Ed25519PrivateKey, text: str) -> None:
    result = signing.verify_payload(text, [key.public_key()])
    assert result.status == "malformed"


def test_surrounding_whitespace_from_a_scanner_is_ignored(key: signing.Ed25519PrivateKey, payload: str) -> None:
    assert signing.verify_payload(f"  {payload}\n", [key.public_key()]).genuine


def test_keys_saved_loaded_and_rotated(tmp_path: Path) -> None:
    folder = tmp_path / "keys"
    key = signing.ensure_key(folder)
    assert signing.ensure_key(folder).private_bytes_raw() == key.private_bytes_raw()
    assert stat.S_IMODE((folder / signing.PRIVATE_KEY_FILE).stat().st_mode) == 0o600
    # A retired key stays as another .pub so its certificates still verify.
    (folder / signing.PUBLIC_KEY_FILE).rename(folder / "retired-2024.pub")
    new_key = signing.generate_key()
    signing.save_key(folder, new_key)
    ids = {signing.key_id(k) for k in signing.load_public_keys(folder)}
    assert ids == {signing.key_id(key), signing.key_id(new_key)}
    assert signing.load_key(folder).private_bytes_raw() == new_key.private_bytes_raw()


def test_missing_key_is_a_domain_error(tmp_path: Path) -> None:
    with pytest.raises(signing.DomainError) as err:
        signing.load_key(tmp_path)
    assert err.value.code == "signing.no_key"
    assert signing.load_public_keys(tmp_path / "nowhere") == []
