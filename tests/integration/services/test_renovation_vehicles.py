"""Renovation and vehicle services over a real SQLite file: tariffs read from storage, the levy per year, waste,
excavation and drilling charges with their routes, slips and payments, and every refusal changing nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from svc_office import Office

from app.domain.errors import DomainError
from app.domain.rules.tariffs import DEMO_TARIFFS_DATA
from app.domain.rules.vehicle import sticker_refund
from app.models import OutboxEntry, Payment, Setting, TrafficSticker
from app.services.renovation import (
    TARIFF_SETTING,
    DrillingInput,
    LevyInput,
    RouteInput,
    message_fa,
    tariff_book,
)


@pytest.fixture
def actors(office: Office):  # type: ignore[no-untyped-def]
    s = office.s
    s.auth.create_user(office.admin, "ren", "مهدی قاسمی", "secret-pass", ("renovation.expert", "renovation.head"))
    s.auth.create_user(office.admin, "veh", "لیلا مرادی", "secret-pass", ("vehicle.clerk", "vehicle.head"))
    return s.auth.actor_by_username("ren"), s.auth.actor_by_username("veh")


def _outbox(office: Office) -> int:
    with office.s.uow(writer=False) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(OutboxEntry)) or 0)


def test_tariffs_come_from_storage(office: Office) -> None:
    """The administration unit's stored table wins (its editor, when there), else the stored setting."""
    year = {**DEMO_TARIFFS_DATA["years"][1], "renovation_rate": "0.01", "demo": False}
    if hasattr(office.s.admin, "save_tariff_year"):
        office.s.admin.save_tariff_year(office.admin, year)
    else:
        data = {**DEMO_TARIFFS_DATA, "years": [*DEMO_TARIFFS_DATA["years"][:1], year]}
        with office.s.uow() as uow:
            uow.session.add(Setting(key=TARIFF_SETTING, value=data))
            uow.commit()
    assert str(tariff_book(office.s).for_year(1404).renovation_rate) == "0.01"
    assert str(office.s.renovation.tariff_for(1404).renovation_rate) == "0.01"


def test_levy_slip_payment_clearance_and_refusals(office: Office, actors) -> None:  # type: ignore[no-untyped-def]
    ren, veh = actors
    s = office.s
    person, prop = office.person(), office.property()
    r = s.renovation.open_request(ren, "R01_RENOVATION_CLEARANCE", person.id, prop.id, {"title_deed", "id_documents"})
    s.renovation.record_levy(ren, r.case_id, LevyInput("200", "0", "steel_concrete", 1403, 1404, (1403,)))
    view = s.renovation.get(r.case_id)
    tariff = s.renovation.tariffs().for_year(1404)
    expected = int(200 * tariff.regional_price_per_m2.price_for("1-4-76") * tariff.renovation_rate) // 1000 * 1000
    assert [(x.year, x.due) for x in view.levy_lines] == [(1403, 0), (1404, expected)]
    before = (s.cases.get_version(r.case_id), _outbox(office))
    with pytest.raises(DomainError) as err:
        s.renovation.issue_clearance(ren, r.case_id)
    assert err.value.code == "renovation.unpaid" and err.value.params["amount"] == expected + 400_000
    assert "ریال" in (message_fa(err.value) or "")
    with pytest.raises(DomainError) as err:
        s.renovation.issue_slip(veh, r.case_id)  # wrong role
    assert err.value.code == "renovation.not_allowed"
    assert (s.cases.get_version(r.case_id), _outbox(office)) == before
    s.renovation.issue_slip(ren, r.case_id)
    slip = s.renovation.get(r.case_id).slip
    assert slip is not None and slip["amount"] == expected + 400_000
    with pytest.raises(DomainError):
        s.renovation.record_levy(ren, r.case_id, LevyInput("300"))  # after the slip: refused
    with pytest.raises(DomainError) as err:
        s.renovation.record_payment(ren, r.case_id, "bank_ref", "12")
    assert err.value.code == "payment.reference_format"
    s.renovation.record_payment(ren, r.case_id, "slip", slip["payment_id"])
    s.renovation.issue_clearance(ren, r.case_id)
    assert s.renovation.get(r.case_id).state == "cleared"
    with s.uow(writer=False) as uow:
        rows = uow.session.scalars(select(Payment).where(Payment.case_id == r.case_id)).all()
    assert rows and all(p.paid and p.method == "slip" for p in rows)


def test_drilling_route_and_fee(office: Office, actors) -> None:  # type: ignore[no-untyped-def]
    ren, _ = actors
    s = office.s
    r = s.renovation.open_request(ren, "R04_DIGGING_PERMIT", office.person().id, None,
                                  {"agency_request", "digging_route_map"})  # fmt: skip
    with pytest.raises(DomainError) as err:
        s.renovation.record_drilling(ren, r.case_id, DrillingInput(RouteInput(((0.0, 0.0),)), "پیمانکار", 3))
    assert err.value.code == "renovation.route_short"
    route = RouteInput(((535000.0, 3962000.0), (535030.0, 3962040.0)))  # 50 m
    s.renovation.record_drilling(ren, r.case_id, DrillingInput(route, "شرکت تاسیسات نوین", 3, "asphalt"))
    facts = s.renovation.get(r.case_id).facts
    assert facts["drilling"]["route"]["properties"]["length_m"] == 50.0
    rate = s.renovation.tariff_for().drilling_rate("asphalt")
    assert facts["charges"]["digging_restoration_fee"]["amount"] == 50 * 3 * rate // 1000 * 1000


def test_vehicle_plate_sticker_refund_refusals(office: Office, actors) -> None:  # type: ignore[no-untyped-def]
    ren, veh = actors
    s = office.s
    owner = office.person()
    with pytest.raises(DomainError) as err:
        s.vehicles.register_vehicle(veh, "12 ب 34", owner.id)
    assert err.value.code == "plate.format" and "پلاک" in (message_fa(err.value) or "")
    with pytest.raises(DomainError) as err:
        s.vehicles.register_vehicle(ren, "12 ب 345 ایران 67", owner.id)
    assert err.value.code == "vehicle.not_allowed"
    v = s.vehicles.register_vehicle(veh, "۱۲ ب ۳۴۵ ایران ۶۷", owner.id, "پژو ۲۰۶")
    assert v.plate_key == "12ب345-67"
    with pytest.raises(DomainError):
        s.vehicles.register_vehicle(veh, "12-ب-345-67", owner.id)
    r = s.vehicles.open_sticker(veh, v.id, {"vehicle_card", "id_documents"})
    with pytest.raises(DomainError) as err:
        s.vehicles.open_sticker(veh, v.id, {"vehicle_card", "id_documents"})
    assert err.value.code == "vehicle.request_open"
    assert s.vehicles.get(r.case_id).state == "received"
    with pytest.raises(DomainError) as err:  # no sticker before the slip and the payment
        s.vehicles.complete(veh, r.case_id)
    assert err.value.code == "vehicle.wrong_state"
    with pytest.raises(DomainError) as err:
        s.vehicles.record_payment(veh, r.case_id, "card_terminal", "12345678")
    assert err.value.code == "vehicle.wrong_state"
    s.vehicles.issue_slip(veh, r.case_id)
    assert s.vehicles.get(r.case_id).state == "awaiting_payment"
    s.vehicles.record_payment(veh, r.case_id, "card_terminal", "12345678")
    assert s.vehicles.get(r.case_id).state == "paid"
    s.vehicles.complete(veh, r.case_id)
    assert s.vehicles.get(r.case_id).state == "issued"
    serial = s.vehicles.get(r.case_id).facts["sticker_serial"]
    before = _outbox(office)
    with pytest.raises(DomainError) as err:
        s.vehicles.open_sticker(veh, v.id, {"vehicle_card", "id_documents"})
    assert err.value.code == "vehicle.sticker_exists" and err.value.params["serial"] == serial
    assert "پیش‌تر صادر شده" in (message_fa(err.value) or "") and _outbox(office) == before
    office.clock.advance(days=40)
    docs = {"vehicle_card", "id_documents", "payment_receipt", "bank_account_certificate"}
    refund = s.vehicles.open_refund(veh, v.id, "IR820540102680020817909002", docs)
    facts = s.vehicles.get(refund.case_id).facts
    with s.uow(writer=False) as uow:
        fee = uow.session.scalar(select(TrafficSticker.fee_rials).where(TrafficSticker.serial == serial))
    tariff = s.renovation.tariffs().for_year(facts["year"])
    assert facts["refund"] == sticker_refund(tariff, fee, s.today()).amount > 0
    s.cases.apply_action(veh, refund.case_id, "compute_refund", expected_version=s.cases.get_version(refund.case_id))
    with pytest.raises(DomainError) as err:
        s.vehicles.complete(veh, refund.case_id)  # not paid out before the head's approval
    assert err.value.code == "vehicle.wrong_state"
    with pytest.raises(DomainError):  # the head approves only once the office's charge is paid
        s.cases.apply_action(veh, refund.case_id, "approve", expected_version=s.cases.get_version(refund.case_id))
    s.vehicles.issue_slip(veh, refund.case_id)
    s.vehicles.record_payment(veh, refund.case_id, "bank_ref", "5566778899")
    s.cases.apply_action(veh, refund.case_id, "approve", expected_version=s.cases.get_version(refund.case_id))
    s.vehicles.complete(veh, refund.case_id)
    assert s.vehicles.get(refund.case_id).state == "paid_out"
    assert [(st.serial, st.status) for st in s.vehicles.stickers_of(v.id)] == [(serial, "refunded")]
    with pytest.raises(DomainError) as err:
        s.vehicles.open_replacement(veh, v.id, "stolen", "x")
    assert err.value.code == "sticker.reason"
    with pytest.raises(DomainError) as err:  # the sticker was refunded: nothing left to replace
        s.vehicles.open_replacement(veh, v.id, "lost", "آرم گم شده است.", {"vehicle_card", "id_documents"})
    assert err.value.code == "vehicle.no_sticker"


def test_replacement_of_a_lost_sticker(office: Office, actors) -> None:  # type: ignore[no-untyped-def]
    _, veh = actors
    s = office.s
    v = s.vehicles.register_vehicle(veh, "۳۳ ج ۷۱۲ ایران ۴۴", office.person().id)
    first = s.vehicles.open_sticker(veh, v.id, {"vehicle_card", "id_documents"})
    for case_id in (first.case_id,):
        s.vehicles.issue_slip(veh, case_id)
        s.vehicles.record_payment(veh, case_id, "card_terminal", "123456")
        s.vehicles.complete(veh, case_id)
    repl = s.vehicles.open_replacement(veh, v.id, "lost", "آرم گم شده است.", {"vehicle_card", "id_documents"})
    assert s.vehicles.get(repl.case_id).missing_documents == ()  # a lost sticker cannot be handed back
    with pytest.raises(DomainError) as err:  # the reason is checked before the slip
        s.vehicles.issue_slip(veh, repl.case_id)
    assert err.value.code == "vehicle.wrong_state"
    s.cases.apply_action(veh, repl.case_id, "check_reason", expected_version=s.cases.get_version(repl.case_id))
    s.vehicles.issue_slip(veh, repl.case_id)
    fees = {f.code: f.amount for f in s.vehicles.get(repl.case_id).fees}
    assert fees["replacement_charge"] == s.renovation.tariff_for().replacement_fee("lost") // 1000 * 1000
    s.vehicles.record_payment(veh, repl.case_id, "card_terminal", "654321")
    s.vehicles.complete(veh, repl.case_id)
    assert s.vehicles.get(repl.case_id).state == "issued"
    stickers = s.vehicles.stickers_of(v.id)
    assert [st.status for st in stickers] == ["replaced", "active"]
    assert s.vehicles.get(repl.case_id).facts["replaced_serial"] == stickers[0].serial
    assert s.today() > dt.date(2025, 1, 1)
