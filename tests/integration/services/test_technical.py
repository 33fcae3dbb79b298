"""Technical manager services: circulars registered with their scan in the file store and distributed to units,
acknowledged once by each staff member of those units; letters with agencies and replies; technical questions."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from sqlalchemy import func, select
from svc_office import PASSWORD, Office

from app.domain.errors import DomainError, ValidationError
from app.models import AuditEntry, Circular, CircularAck, Correspondence, OutboxEntry


def _manager(office: Office):  # type: ignore[no-untyped-def]
    office.s.auth.create_user(office.admin, "tech", "داریوش یزدانی", PASSWORD, ["technical_manager"])
    return office.s.auth.actor_by_username("tech")


def test_circulars_and_acknowledgements(office: Office, tmp_path: Path) -> None:
    s = office.s
    tm = _manager(office)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 scanned circular")
    day = s.today()
    with pytest.raises(ValidationError) as err:
        s.technical.register_circular(tm, kind="memo", number=" ", issued_on=day, issuer="", subject="",
                                      effective_on=day - dt.timedelta(days=1), units=[], services=["NOPE"])  # fmt: skip
    assert err.value.params["errors"] == {
        "kind": "circular.kind", "number": "circular.number_required", "issuer": "circular.issuer_required",
        "subject": "circular.subject_required", "effective_on": "circular.effective_before_issue",
        "units": "circular.no_units", "services": "circular.unknown_service",
    }  # fmt: skip
    with pytest.raises(DomainError, match=r"technical\.forbidden"):
        s.technical.register_circular(office.clerk, kind="circular", number="1", issued_on=day, issuer="x",
                                      subject="y", effective_on=day, units=["formation"])  # fmt: skip

    saved = s.technical.register_circular(
        tm, kind="circular", number="۱۲۳/ش", issued_on=day, issuer="معاونت شهرسازی", subject="مدارک پایان کار",
        effective_on=day + dt.timedelta(days=3), units=["formation", "inspection"], services=["F01_OPEN_CASE"],
        body_text="از این پس نقشه تفکیکی الزامی است.", scan_path=scan,
    )  # fmt: skip
    with pytest.raises(ValidationError, match=r"circular\.duplicate"):
        s.technical.register_circular(tm, kind="circular", number="123/ش", issued_on=day, issuer="x", subject="y",
                                      effective_on=day, units=["formation"])  # fmt: skip
    with s.uow(writer=False) as uow:
        row = uow.session.get(Circular, saved.id)
        assert row is not None and row.scan_sha256 == hashlib.sha256(scan.read_bytes()).hexdigest()
        assert uow.session.scalars(select(OutboxEntry.entity).where(OutboxEntry.entity_id == saved.id)).all() == [
            "circular"
        ]
    path = s.technical.scan_path(saved.id)
    assert path is not None and path.read_bytes() == scan.read_bytes()
    assert [c.number for c in s.technical.circulars(tm, "تفکیکی")] == ["123/ش"]

    # The clerk (formation) and the inspectors see it; the violation expert does not.
    line = s.technical.my_circulars(office.clerk)[0]
    assert (
        line.id == saved.id and line.my_ack is None and line.addressed == 6
    )  # clerk, 2 inspectors, head, map, office head
    assert s.technical.my_circulars(office.violation) == []
    with pytest.raises(DomainError, match=r"circular\.not_addressed"):
        s.technical.acknowledge(office.violation, saved.id)
    s.technical.acknowledge(office.clerk, saved.id)
    with pytest.raises(DomainError, match=r"circular\.already_acknowledged"):
        s.technical.acknowledge(office.clerk, saved.id)
    s.technical.acknowledge(office.inspector, saved.id)
    acks = s.technical.acknowledgements(tm, saved.id)
    assert [a.name for a in acks if a.acknowledged_at] == sorted(["زهرا کریمی", "حمید رستمی"])
    assert len(acks) == 6 and s.technical.circulars(tm)[0].acknowledged == 2
    assert s.technical.my_circulars(office.clerk)[0].my_ack is not None
    with s.uow(writer=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(CircularAck)) == 2
        actions = uow.session.scalars(
            select(AuditEntry.action).where(AuditEntry.action.like("circular.%")).order_by(AuditEntry.seq)
        ).all()
    assert actions == ["circular.registered", "circular.acknowledged", "circular.acknowledged"]


def test_letters_and_questions(office: Office) -> None:
    s = office.s
    tm = _manager(office)
    day = s.today()
    case = office.open_building_case(office.person(), office.property())
    with pytest.raises(ValidationError) as err:
        s.technical.log_letter(tm, agency="police", direction="sideways", secretariat_no="", letter_date=day,
                               subject=" ", tracking="99")  # fmt: skip
    assert set(err.value.params["errors"]) == {"agency", "direction", "secretariat_no", "subject", "tracking"}
    out = s.technical.log_letter(tm, agency="fire", direction="outgoing", secretariat_no="۴۵۶۱/ص", letter_date=day,
                                 subject="استعلام ایمنی ساختمان", tracking=case.tracking_number)  # fmt: skip
    with pytest.raises(ValidationError, match=r"correspondence\.duplicate"):
        s.technical.log_letter(tm, agency="fire", direction="outgoing", secretariat_no="4561/ص", letter_date=day,
                               subject="x")  # fmt: skip
    s.technical.log_letter(tm, agency="fire", direction="incoming", secretariat_no="890/و", letter_date=day,
                           subject="پاسخ استعلام ایمنی", in_reply_to_id=out.id)  # fmt: skip
    letters = {x.secretariat_no: x for x in s.technical.letters(tm)}
    assert letters["4561/ص"].answered and letters["4561/ص"].tracking_number == case.tracking_number
    assert letters["890/و"].in_reply_to_no == "4561/ص"
    assert s.technical.letters(tm, agency="gardens") == []
    with s.uow(writer=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(Correspondence)) == 2

    with pytest.raises(ValidationError, match=r"question\.required"):
        s.technical.ask(office.clerk, "  ")
    q = s.technical.ask(office.clerk, "برای پارکینگ مزاحم چه مدرکی لازم است؟", tracking=case.tracking_number)
    assert [x.id for x in s.technical.questions(office.clerk)] == [q.id]
    assert s.technical.questions(office.inspector) == []
    with pytest.raises(DomainError, match=r"technical\.forbidden"):
        s.technical.answer(office.clerk, q.id, "x")
    with pytest.raises(ValidationError, match=r"question\.answer_required"):
        s.technical.answer(tm, q.id, "")
    s.technical.answer(tm, q.id, "تأییدیه راهنمایی و رانندگی.")
    with pytest.raises(ValidationError, match=r"question\.answered"):
        s.technical.answer(tm, q.id, "دوباره")
    line = s.technical.questions(tm)[0]
    assert line.answered_by == "داریوش یزدانی" and line.asked_by == "زهرا کریمی" and line.answer
