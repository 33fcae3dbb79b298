"""A certificate revoked on one workstation reaches another through the central server, whose offline verifier (and
``ecity-counter verify``) then reports it revoked; the print log travels with its case."""

from __future__ import annotations

import shutil
from collections.abc import Callable

import pytest
from sync_harness import ServerProcess, Station, server_count

from app.domain.catalog import CATALOG
from app.models.printing import IssuedCertificate, PrintRecord
from app.paths import DataPaths
from app.printing import cli, signing
from app.services.context import Services, cheap_hasher_for_tests
from app.services.dto import OpenCaseInput, PersonInput, PropertyInput

ROLES = {"formation.clerk", "certificates.expert", "certificates.head", "office_head"}


def test_revocation_reaches_the_other_workstation(
    sqlite_server: ServerProcess, make_station: Callable[..., Station], capsys: pytest.CaptureFixture[str]
) -> None:
    account = sqlite_server.add_user("cert-sync", ROLES, "امید جعفری")
    a = make_station(sqlite_server, account=account)
    with a._writer() as session:
        a.ensure_user(session, account)
        session.commit()
    s = Services.open(DataPaths(a.root), workstation_no=a.number, password_hasher=cheap_hasher_for_tests())
    try:
        actor = account.actor
        person = s.intake.register_person(actor, PersonInput(kind="natural", national_id="0013542419",
                                                             first_name="مریم", last_name="احمدی"))  # fmt: skip
        prop = s.intake.register_property(
            actor, PropertyInput(renovation_code="1-4-76-10-1-2-0", address="تهران، دربند")
        )
        service = CATALOG.get("C03_NO_OBJECTION")
        case_id = s.intake.open_case(
            actor, OpenCaseInput(service.code, person.id, prop.id, frozenset(service.required_documents))
        ).case_id
        s.cases.set_fact(actor, case_id, "fees_paid", True)
        s.certificates.act(actor, case_id, "submit_for_approval")
        s.certificates.approve(actor, case_id)
        s.printing.record(actor, s.printing.prepare(actor, case_id, "certificate"), printer="Office-Laser")
        s.certificates.issue(actor, case_id)
        s.certificates.revoke(actor, case_id, "سند مالکیت باطل شده است")
        payload = s.certificates.overview(actor, case_id).certificate.payload  # type: ignore[union-attr]
        keys = s.paths.office_keys
    finally:
        s.close()

    report = a.sync()
    assert report.push.refused == 0, report
    assert server_count(sqlite_server, "issued_certificate") >= 1

    b = make_station(sqlite_server, account=account)
    b.sync()
    assert b.count(IssuedCertificate, IssuedCertificate.status == "revoked") == 1
    assert b.count(PrintRecord, PrintRecord.case_id == case_id) == 1
    assert set(cli.revocations_in_database(b.db_path)) == {signing.verify_payload(payload, signing.load_public_keys(keys)).facts.serial}  # type: ignore[union-attr]  # fmt: skip
    # The office's public key copied to B's keys folder: B's own command line now says revoked, with the reason.
    shutil.copytree(keys, b.root / "keys", dirs_exist_ok=True)
    capsys.readouterr()
    assert cli.main(["--data-dir", str(b.root), "verify", payload]) == 1
    out = capsys.readouterr().out
    assert "ابطال" in out and "سند مالکیت باطل" in out
