"""One trust list of signing keys for the office, against the real server process on PostgreSQL.

A certificate printed at workstation A verifies at workstation B after a sync (the service, the search's QR path and
``ecity-counter verify``) and at the server's ``/verify`` once A is enrolled; a payload signed with a key nobody
registered is refused everywhere. A revocation made at a workstation is reported by the server's ``/verify`` with
its reason, read from the synced certificate record."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sync_harness import Account, ServerProcess, Station, pg_server  # noqa: F401

from app.domain.catalog import CATALOG
from app.models.printing import SigningKey
from app.paths import DataPaths
from app.printing import cli, signing
from app.services.context import Services, cheap_hasher_for_tests
from app.services.dto import OpenCaseInput, PersonInput, PropertyInput
from app.services.outbox import enqueue_upsert
from server.db.models import Workstation

pytestmark = pytest.mark.postgres

ROLES = {"formation.clerk", "certificates.expert", "certificates.head", "office_head"}


def _services(station: Station) -> Services:
    return Services.open(
        DataPaths(station.root), workstation_no=station.number, password_hasher=cheap_hasher_for_tests()
    )


def _certificate(station: Station, account: Account, *, national_id: str, revoke: str = "") -> tuple[str, str]:
    """At ``station``: a no-objection certificate approved, printed and issued (and revoked with ``revoke``)."""
    with station._writer() as session:
        station.ensure_user(session, account)
        session.commit()
    s = _services(station)
    try:
        actor = account.actor
        person = s.intake.register_person(actor, PersonInput(kind="natural", national_id=national_id,
                                                             first_name="مریم", last_name="احمدی"))  # fmt: skip
        prop = s.intake.register_property(
            actor, PropertyInput(renovation_code=f"1-4-76-{national_id[-3:]}-1-2-0", address="تهران، دربند")
        )
        service = CATALOG.get("C03_NO_OBJECTION")
        case_id = s.intake.open_case(
            actor, OpenCaseInput(service.code, person.id, prop.id, frozenset(service.required_documents))
        ).case_id
        s.cases.set_fact(actor, case_id, "fees_paid", True)
        s.certificates.act(actor, case_id, "submit_for_approval")
        s.certificates.approve(actor, case_id)
        s.printing.record(actor, s.printing.prepare(actor, case_id, "certificate"), target="pdf")
        s.certificates.issue(actor, case_id)
        if revoke:
            s.certificates.revoke(actor, case_id, revoke)
        cert = s.certificates.overview(actor, case_id).certificate
        assert cert is not None
        return case_id, cert.payload
    finally:
        s.close()


def _enrol(server: ServerProcess, number: int) -> None:
    with server.session() as session:
        session.add(Workstation(name=f"پیشخوان {number}", number=number, status="approved"))
        session.commit()


def _server_verify(server: ServerProcess, payload: str) -> dict[str, Any]:
    response = httpx.get(f"{server.url}/verify", params={"payload": payload}, timeout=10)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _forge_with_unregistered_key(payload: str) -> str:
    """The same certified facts, signed with a fresh key that no workstation registered."""
    fields = json.loads(signing._b64decode_strict(payload.split(".")[1]))
    return signing.sign_payload(
        serial=fields["n"], tracking_number=fields["t"], kind=fields["k"], property_key=fields["p"],
        issue_date=dt.date.fromisoformat(fields["d"]), facts_sha256=fields["h"], key=signing.generate_key(),
    )  # fmt: skip


def test_a_certificate_printed_at_a_verifies_at_b_and_at_the_server(
    pg_server: ServerProcess,  # noqa: F811
    make_station: Callable[..., Station],
    capsys: pytest.CaptureFixture[str],
) -> None:
    account = pg_server.add_user("keys-a", ROLES, "امید جعفری")
    a = make_station(pg_server, account=account)
    case_id, payload = _certificate(a, account, national_id="0013542419")
    with a._writer() as session:
        own = session.scalars(select(SigningKey)).all()
    assert [(k.workstation_no, k.dirty) for k in own] == [(a.number, True)], "A's key joined the trust list"
    key_id = own[0].id
    assert signing.key_id(signing.load_key(a.root / "keys")) == key_id

    report = a.sync()
    assert report.push.refused == 0, report

    # The server knows the key but vouches for it only once workstation A is enrolled.
    assert _server_verify(pg_server, payload)["status"] == "unknown_key"
    _enrol(pg_server, a.number)
    answer = _server_verify(pg_server, payload)
    assert answer["status"] == "genuine" and answer["facts"]["key_id"] == key_id
    assert answer["revocation"] is None

    # Workstation B (its own, different key) pulls the trust list and the case.
    b = make_station(pg_server, account=account)
    b.sync()
    s = _services(b)
    try:
        assert signing.key_id(s.printing.signing_key()) != key_id
        check = s.certificates.verify(payload)
        assert check.status == "genuine" and check.case_id == case_id, check
        hits = s.search.search(account.actor, payload)
        assert [h.case_id for h in hits] == [case_id], "the search's QR path opens the case"
        forged = _forge_with_unregistered_key(payload)
        assert s.certificates.verify(forged).status == "unknown_key"
        assert s.search.search(account.actor, forged) == []
    finally:
        s.close()
    capsys.readouterr()
    assert cli.main(["--data-dir", str(b.root), "verify", payload]) == 0
    assert signing.key_id(signing.load_key(a.root / "keys")) in capsys.readouterr().out
    assert cli.main(["--data-dir", str(b.root), "verify", forged]) == 1
    capsys.readouterr()

    # A payload signed with a key nobody registered: refused by the server too.
    assert _server_verify(pg_server, forged)["status"] == "unknown_key"


def test_a_key_row_naming_another_workstation_is_refused_and_not_trusted(
    pg_server: ServerProcess,  # noqa: F811
    make_station: Callable[..., Station],
) -> None:
    """Workstation C (enrolled) pushes a key row claiming to be another enrolled workstation's: the push is refused
    (and audited), and the server vouches for a key only from the workstation it names."""
    account = pg_server.add_user("keys-c", ROLES, "سارا رضایی")
    c = make_station(pg_server, account=account)
    other = c.number + 500
    _enrol(pg_server, c.number)
    _enrol(pg_server, other)
    key = signing.generate_key()
    with c._writer() as session:
        c.ensure_user(session, account)
        stamp = c.clock.now()
        row = SigningKey(id=signing.key_id(key), public_key=signing.public_key_text(key), workstation_no=other,
                         office_code="", registered_at=dt.datetime.now(dt.UTC), hlc=stamp)  # fmt: skip
        session.add(row)
        session.flush()
        enqueue_upsert(session, "signing_key", row, None, stamp)
        session.commit()
    report = c.sync()
    assert report.push.refused == 1, report
    payload = signing.sign_payload(
        serial="12345-1405-9-00001", tracking_number="1405000001", kind="no_objection", property_key="1-2-3",
        issue_date=dt.date(2026, 11, 30), facts_sha256=signing.facts_digest({}), key=key,
    )  # fmt: skip
    assert _server_verify(pg_server, payload)["status"] == "unknown_key"


def test_a_row_with_a_wrong_key_id_is_left_out() -> None:
    key = signing.generate_key()
    text = signing.public_key_text(key)
    assert [signing.key_id(k) for k in signing.registered_keys([(signing.key_id(key), text)])] == [signing.key_id(key)]
    assert signing.registered_keys([("deadbeef", text), (signing.key_id(key), "not-a-key")]) == []


def test_a_revocation_made_at_a_workstation_is_reported_by_the_server(
    pg_server: ServerProcess,  # noqa: F811
    make_station: Callable[..., Station],
) -> None:
    account = pg_server.add_user("revoke-a", ROLES, "امید جعفری")
    a = make_station(pg_server, account=account)
    _enrol(pg_server, a.number)
    _case_id, payload = _certificate(a, account, national_id="0067749828", revoke="سند مالکیت باطل شده است")
    assert _server_verify(pg_server, payload)["status"] == "unknown_key", "not pushed yet"
    report = a.sync()
    assert report.push.refused == 0, report
    answer = _server_verify(pg_server, payload)
    assert answer["status"] == "revoked" and not answer["genuine"], answer
    assert answer["revocation"]["reason"] == "سند مالکیت باطل شده است"
    assert answer["revocation"]["revoked_by"] == "امید جعفری"
    # The workstation's online check agrees.
    s = _services(a)
    try:
        check = s.certificates.verify(payload, server_url=pg_server.url)
        assert check.status == "revoked" and check.online == "revoked"
    finally:
        s.close()
