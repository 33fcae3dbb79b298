"""Renovation-tax clearance and waste (unit 7): the levy statement per Jalali year, the waste fee, excavation waste
with its haulage route, street-digging requests, payment slips, payments, and the clearance certificate.

Every amount comes from the year's tariff table (``tariff_book``: storage first, never code). Case data lives in
``Case.facts`` (``charges``: one entry per computed fee; ``levy``, ``waste``, ``excavation``, ``drilling``: what the
expert entered; ``slip``: the bill and payment IDs; ``clearance``: when it was issued); money lives in ``Payment``.
Each use case is one transaction with its route-history event, its audit entry and its outbox entries.

``charge_transition`` applies a workflow action inside a caller's transaction (``CaseService.apply_action`` commits its
own); the vehicle service uses it too.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import workflows as wf
from app.domain.catalog import CATALOG
from app.domain.dates import JalaliDate
from app.domain.errors import DomainError, ValidationError
from app.domain.money import format_rials
from app.domain.payment_ids import (
    BILL_ID_LENGTH,
    PAYMENT_ID_LENGTH,
    is_valid_payment_id,
    make_bill_id,
    make_payment_id,
)
from app.domain.rules import renovation_levy as levy_rules
from app.domain.rules.common import RuleError
from app.domain.rules.tariffs import TariffBook, TariffYear, demo_tariffs
from app.domain.text import normalize, only_digits, to_persian_digits
from app.domain.workflows import Actor
from app.domain.workflows import guards as g
from app.models import Case, Payment, Person, Property, Setting, uuid7
from app.printing.data import ClearanceData, OfficeInfo, PaymentSlipData, ReceiptData
from app.services.common import OFFICE_HEAD, OPEN_CASE_EVENT, Area, get_case_row
from app.services.dto import Changes, OpenCaseResult
from app.services.outbox import enqueue_action, enqueue_upsert
from app.services.workflow_ops import move_case, snapshot_of, stage_due_date, store_event

if TYPE_CHECKING:
    from app.services.context import Services

RENOVATION_ROLES = frozenset({"renovation.expert", "renovation.head", OFFICE_HEAD})
RENOVATION_UNIT = "renovation"
CLEARANCE_SERVICE = "R01_RENOVATION_CLEARANCE"
WASTE_SERVICE = "R02_WASTE_SLIP"
EXCAVATION_SERVICE = "R03_EXCAVATION_ROUTE"
DRILLING_SERVICE = "R04_DIGGING_PERMIT"
PAYMENT_METHODS = ("slip", "bank_ref", "card_terminal")
ROUTE_CRS = "EPSG:32639"
TARIFF_SETTING = "tariffs.book"
EDITABLE_STATES = frozenset({"received", "awaiting_documents"})
CLEARANCE_VALID_DAYS = 90
OFFICE_NAME_SETTING = "office.name"

# Persian sentences for the codes this area raises (the UI shows them; ``message_fa`` fills the params).
MESSAGES: Mapping[str, str] = {
    "renovation.not_allowed": "این کار فقط از کارشناس یا رئیس واحد نوسازی و پسماند برمی‌آید.",
    "renovation.wrong_service": "این پرونده «{service}» است و این کار در آن انجام نمی‌شود.",
    "renovation.slip_issued": "فیش این پرونده صادر شده است؛ تغییر مبالغ پس از صدور فیش ممکن نیست.",
    "renovation.not_assessed": "پیش از صدور فیش، «{fee}» را محاسبه و ثبت کنید.",
    "renovation.no_slip": "برای این پرونده هنوز فیشی صادر نشده است.",
    "renovation.wrong_state": "این کار در مرحله «{state}» پرونده ممکن نیست.",
    "renovation.unpaid": "صدور مفاصا حساب ممکن نیست: مبلغ {amount} ({items}) هنوز پرداخت نشده است.",
    "renovation.not_cleared": "مفاصا حساب هنوز صادر نشده است.",
    "renovation.property_required": "این خدمت به ملک (کد نوسازی) نیاز دارد.",
    "renovation.years": "سال شروع و پایان محاسبه عوارض را درست وارد کنید (سال‌های {first} تا {last}).",
    "renovation.paid_year_outside": "سال پرداخت‌شده {year} خارج از دوره محاسبه است.",
    "renovation.area": "مساحت «{what}» را به متر مربع و بزرگ‌تر از صفر وارد کنید.",
    "renovation.structure": "نوع سازه «{structure}» تعریف نشده است.",
    "renovation.use": "کاربری «{use}» در جدول بهای خدمات پسماند تعریف نشده است.",
    "renovation.surface": "نوع سطح معبر «{surface}» تعریف نشده است.",
    "renovation.route_short": "مسیر را روی نقشه با دست‌کم دو نقطه رسم کنید.",
    "renovation.route_crs": "مختصات مسیر باید در دستگاه {crs} باشد.",
    "renovation.contractor": "نام پیمانکار را وارد کنید.",
    "renovation.disposal_site": "محل تخلیه پسماند را وارد کنید.",
    "renovation.days": "مدت حفاری را به روز (دست‌کم یک روز) وارد کنید.",
    "payment.method": "روش پرداخت را انتخاب کنید (فیش، شماره مرجع بانک یا کارت‌خوان).",
    "payment.slip_mismatch": "شناسه پرداخت واردشده با فیش این پرونده ({payment_id}) یکی نیست.",
    "payment.reference_format": "شماره مرجع یا پیگیری باید {min_digits} تا {max_digits} رقم باشد.",
    "payment.already_paid": "مبالغ این پرونده پیش‌تر پرداخت شده است.",
}
_MONEY_PARAMS = frozenset({"amount", "fee_rials", "refund"})


def message_fa(error: DomainError) -> str | None:
    """The Persian sentence for a code of renovation, vehicles or the domain rules; None for other codes."""
    from app.domain.rules import messages_fa as rules_fa
    from app.services import vehicles

    template = MESSAGES.get(error.code) or vehicles.MESSAGES.get(error.code) or rules_fa.MESSAGES.get(error.code)
    if template is None:
        return None
    params: dict[str, str] = {}
    for key, value in error.params.items():
        if key in _MONEY_PARAMS and isinstance(value, int):
            params[key] = format_rials(value)
        elif isinstance(value, list | tuple | set | frozenset):
            params[key] = "، ".join(to_persian_digits(v) for v in value)
        else:
            params[key] = to_persian_digits(value)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


# ---------------------------------------------------------------------------------------------------------------------
# Tariffs


def tariff_book(services: Services) -> TariffBook:
    """Every year's tariff table, from storage: the administration unit's editor when it offers one
    (``services.admin.tariff_book()``), else the stored ``tariffs.book`` setting, else the domain's shipped table
    (marked demo). Amounts are never written in this module."""
    provider = getattr(services.admin, "tariff_book", None)
    if callable(provider):
        book = provider()
        if isinstance(book, TariffBook):
            return book
    with services.uow(writer=False) as uow:
        row = uow.session.get(Setting, TARIFF_SETTING)
        stored = None if row is None else row.value
    if isinstance(stored, str):
        return TariffBook.from_json(stored)
    if isinstance(stored, dict):
        return TariffBook.from_dict(stored)
    return demo_tariffs()


def jalali_year(day: dt.date) -> int:
    return JalaliDate.from_gregorian(day).year


# ---------------------------------------------------------------------------------------------------------------------
# Transitions inside a caller's transaction


def touch_facts(services: Services, session: Session, case: Case, facts: dict[str, Any]) -> None:
    """Store ``facts`` on the case (a new dict, so SQLAlchemy sees it) and queue the change."""
    stamp = services.stamp()
    case.facts = facts
    case.version += 1
    case.hlc = stamp
    case.dirty = True
    case.updated_at = services.now()
    enqueue_upsert(session, "case_file", case, ["facts"], stamp)


def charge_transition(
    services: Services,
    session: Session,
    actor: Actor,
    case: Case,
    action: str,
    *,
    note: str | None = None,
    data: Mapping[str, object] | None = None,
) -> None:
    """Apply ``action`` through the workflow engine in the caller's transaction: event, case move, outbox, audit."""
    workflow = wf.get_workflow(case.workflow_id)
    now = services.now()
    event = wf.apply(
        workflow,
        snapshot_of(session, case),
        actor,
        action,
        at=now,
        workstation_id=str(services.workstation_no),
        note=note,
        expected_version=case.version,
        data=data,
    )
    stamp = services.stamp()
    unit = workflow.state(event.to_state).unit
    row = store_event(session, services, case, event, unit=unit, stamp=stamp)
    move_case(services, case, event, stamp=stamp)
    session.flush()
    enqueue_action(
        session,
        case_id=case.id,
        action=action,
        from_state=event.from_state,
        to_state=event.to_state,
        base_version=event.version,
        event_id=row.id,
        event_seq=row.seq,
        note=event.note,
        assignee_id=event.assignee_id,
        hlc=stamp,
        at=now,
        actor_id=actor.user_id,
        workstation_no=services.workstation_no,
        data=row.data,
    )
    services.audit.record(
        session, actor, "case.action", "case", case.id,
        {"tracking_number": case.tracking_number, "action": action, "from_state": event.from_state,
         "to_state": event.to_state, "version": case.version},
    )  # fmt: skip


def open_unit_case(
    services: Services,
    session: Session,
    actor: Actor,
    service_code: str,
    applicant_id: str,
    property_id: str | None,
    received_documents: Iterable[str],
    *,
    facts: Mapping[str, Any] | None = None,
    note: str = "",
    not_required: Iterable[str] = (),
) -> Case:
    """A new case of ``service_code`` opened in its own unit's tab, in the caller's transaction (the intake's
    ``open_case`` commits its own, and a vehicle's sticker must be checked and linked in the same one)."""
    from app.domain.tracking import make_tracking_number
    from app.models import CaseDocument, CaseEvent
    from app.services.intake import next_sequence

    service = CATALOG.get(service_code)
    received = set(received_documents)
    unknown = sorted(d for d in received if d not in CATALOG.document_types)
    if unknown:
        raise ValidationError("documents.unknown", field="received_documents", documents=unknown)
    applicant = session.get(Person, applicant_id)
    if applicant is None or applicant.deleted:
        raise ValidationError("person.not_found", field="applicant_id")
    if property_id is not None:
        prop = session.get(Property, property_id)
        if prop is None or prop.deleted:
            raise ValidationError("property.not_found", field="property_id")
    workflow = wf.get_workflow(service.workflow_id)
    now, today = services.now(), services.today()
    stamp = services.stamp()
    year = jalali_year(today)
    sequence = next_sequence(session, services.workstation_no, year)
    tracking = make_tracking_number(services.office_code, year, services.workstation_no, sequence)
    initial = workflow.state(workflow.initial_state)
    case = Case(
        id=uuid7(), tracking_number=tracking, service_code=service.code, workflow_id=workflow.id, state=initial.id,
        unit=initial.unit, assignee_id=None, applicant_id=applicant.id, property_id=property_id, opened_at=now,
        opened_by_id=actor.user_id, workstation_no=services.workstation_no, state_entered_at=now,
        due_date=services.calendar.add_working_days(today, service.deadline_working_days),
        state_due_date=stage_due_date(services, initial.id, today), closed_at=None, summary="",
        applicant_name=applicant.display_name, facts=dict(facts or {}), version=1, hlc=stamp, created_at=now,
        updated_at=now,
    )  # fmt: skip
    session.add(case)
    optional = set(not_required)
    docs = [
        CaseDocument(case_id=case.id, doc_type=d, required=d not in optional, received=d in received,
                     received_at=now if d in received else None, hlc=stamp)
        for d in service.required_documents
    ] + [
        CaseDocument(case_id=case.id, doc_type=d, required=False, received=True, received_at=now, hlc=stamp)
        for d in sorted(received - set(service.required_documents))
    ]  # fmt: skip
    session.add_all(docs)
    opened = CaseEvent(
        id=uuid7(), case_id=case.id, seq=1, action=OPEN_CASE_EVENT, from_state="", to_state=initial.id,
        unit=initial.unit, user_id=actor.user_id, user_name=actor.full_name, workstation_no=services.workstation_no,
        at=now, note=normalize(note), assignee_id=None, data={"service_code": service.code}, hlc=stamp,
    )  # fmt: skip
    session.add(opened)
    session.flush()
    enqueue_upsert(session, "case_file", case, None, stamp)
    for d in docs:
        enqueue_upsert(session, "case_document", d, None, stamp)
    enqueue_upsert(session, "case_event", opened, None, stamp)
    missing = sorted(set(service.required_documents) - received)
    services.audit.record(
        session, actor, "case.opened", "case", case.id,
        {"tracking_number": tracking, "service_code": service.code, "state": case.state, "missing_documents": missing},
    )  # fmt: skip
    return case


def office_info(services: Services) -> OfficeInfo:
    """The office printed in the page frame: the print service's settings when it is there."""
    printing = getattr(services, "printing", None)
    if printing is not None and hasattr(printing, "office_info"):
        info = printing.office_info()
        if isinstance(info, OfficeInfo):
            return info
    name = services.setting(OFFICE_NAME_SETTING)
    return OfficeInfo(
        name=str(name) if name else f"دفتر خدمات الکترونیک شهر {to_persian_digits(services.office_code)}",
        code=services.office_code,
    )


# ---------------------------------------------------------------------------------------------------------------------
# Slips and payments shared with the vehicle unit


@dataclass(frozen=True)
class FeeLine:
    code: str
    title: str
    amount: int
    paid: bool = False


def slip_ids(services: Services, case: Case, amount: int, slip_no: int) -> tuple[str, str]:
    """Bill ID from the case's tracking number and the office code; payment ID for ``amount`` this Jalali year.
    The period is the slip's number on this case, so a re-issued slip never repeats a payment ID."""
    file_code = int(case.tracking_number[-9:-1]) % 100_000_000
    company = int(only_digits(services.office_code) or "0") % 1000
    bill = make_bill_id(file_code, company)
    return bill, make_payment_id(amount, jalali_year(services.today()), slip_no % 100, bill)


def write_slip(services: Services, session: Session, case: Case, lines: Sequence[FeeLine]) -> dict[str, Any]:
    """Payment rows for ``lines`` sharing one bill and payment ID; returns the slip facts. Earlier unpaid slip rows
    of the case are voided (tombstoned) so only one slip is payable at a time."""
    total = sum(line.amount for line in lines)
    stamp = services.stamp()
    old = session.scalars(select(Payment).where(Payment.case_id == case.id, Payment.deleted.is_(False))).all()
    for row in old:
        if not row.paid:
            row.deleted = True
            row.version += 1
            row.hlc = stamp
            row.dirty = True
            enqueue_upsert(session, "payment", row, ["deleted"], stamp)
    slip_no = int(dict(case.facts or {}).get("slip", {}).get("number", 0)) + 1
    bill, payment_id = slip_ids(services, case, total, slip_no)
    for line in lines:
        row = Payment(id=uuid7(), case_id=case.id, fee_code=line.code, amount_rials=line.amount, bill_id=bill,
                      payment_id=payment_id, paid=False, hlc=stamp)  # fmt: skip
        session.add(row)
        session.flush()
        enqueue_upsert(session, "payment", row, None, stamp)
    return {
        "number": slip_no,
        "bill_id": bill,
        "payment_id": payment_id,
        "amount": total,
        "issued_at": services.now().isoformat(),
        "items": [[line.code, line.title, line.amount] for line in lines],
    }


def check_reference(method: str, reference: str, slip: Mapping[str, Any]) -> str:
    """The cleaned reference of a payment, or a refusal naming what is wrong."""
    if method not in PAYMENT_METHODS:
        raise ValidationError("payment.method", field="method")
    digits = only_digits(reference)
    if method == "slip":
        # The payment ID as typed, or the slip's 26-digit barcode (bill ID + payment ID) as scanned.
        if len(digits) == BILL_ID_LENGTH + PAYMENT_ID_LENGTH:
            digits = digits[BILL_ID_LENGTH:]
        expected = str(slip.get("payment_id", ""))
        if not digits.isdigit() or digits.lstrip("0") != expected.lstrip("0"):
            raise ValidationError("payment.slip_mismatch", field="reference", payment_id=expected.lstrip("0"))
        if not is_valid_payment_id(str(slip.get("bill_id", "")), digits):
            raise ValidationError("payment.slip_mismatch", field="reference", payment_id=expected.lstrip("0"))
        return expected
    low, high = (6, 20) if method == "bank_ref" else (6, 12)
    if not digits.isdigit() or not low <= len(digits) <= high:
        raise ValidationError("payment.reference_format", field="reference", min_digits=low, max_digits=high)
    return digits


def pay_slip(services: Services, session: Session, case: Case, method: str, reference: str) -> int:
    """Mark the unpaid rows of the case's slip paid; returns the amount. Refuses a wrong reference."""
    facts = dict(case.facts or {})
    slip = facts.get("slip")
    if not isinstance(slip, dict):
        raise DomainError("renovation.no_slip")
    cleaned = check_reference(method, reference, slip)
    rows = session.scalars(
        select(Payment).where(Payment.case_id == case.id, Payment.deleted.is_(False), Payment.paid.is_(False))
    ).all()
    if not rows:
        raise DomainError("payment.already_paid")
    stamp, now = services.stamp(), services.now()
    for row in rows:
        row.paid = True
        row.paid_at = now
        row.method = method
        row.reference = cleaned[:60]
        row.version += 1
        row.hlc = stamp
        row.dirty = True
        enqueue_upsert(session, "payment", row, ["paid", "paid_at", "method", "reference"], stamp)
    return sum(r.amount_rials for r in rows)


def payments_of(session: Session, case_id: str) -> list[Payment]:
    return list(
        session.scalars(
            select(Payment)
            .where(Payment.case_id == case_id, Payment.deleted.is_(False))
            .order_by(Payment.created_at, Payment.fee_code)
        )
    )


# ---------------------------------------------------------------------------------------------------------------------
# Views and inputs


@dataclass(frozen=True)
class LevyInput:
    land_area_m2: str
    building_area_m2: str = "0"
    structure: str = "steel_concrete"
    first_year: int | None = None  # default: the current year
    last_year: int | None = None  # default: the current year
    paid_years: tuple[int, ...] = ()  # years the owner shows were already paid


@dataclass(frozen=True)
class RouteInput:
    """A polyline in ``crs`` metres (UTM 39N), drawn on the map from the site to the disposal site."""

    points: tuple[tuple[float, float], ...]
    crs: str = ROUTE_CRS


@dataclass(frozen=True)
class ExcavationInput:
    route: RouteInput
    contractor: str
    disposal_site: str
    volume_m3: str = ""  # typed estimate; empty: area × depth
    area_m2: str = ""
    depth_m: str = ""
    contractor_phone: str = ""


@dataclass(frozen=True)
class DrillingInput:
    route: RouteInput
    contractor: str
    days: int
    surface: str = "asphalt"
    start_date: dt.date | None = None
    agency: str = ""


@dataclass(frozen=True)
class LevyLineView:
    year: int
    levy: int
    paid: int
    due: int


@dataclass(frozen=True)
class RenovationCaseView:
    case_id: str
    tracking_number: str
    service_code: str
    service_name: str
    state: str
    state_title: str
    version: int
    applicant_name: str
    renovation_code: str
    property_address: str
    deed_area_m2: float | None
    facts: dict[str, Any]
    fees: tuple[FeeLine, ...]
    total: int
    unpaid: int
    levy_lines: tuple[LevyLineView, ...] = ()
    slip: dict[str, Any] | None = None
    payments: tuple[tuple[str, int, bool, str, str], ...] = ()  # fee code, amount, paid, method, reference
    missing_documents: tuple[str, ...] = ()
    years: tuple[int, ...] = field(default_factory=tuple)  # years with a tariff table


def _decimal(text: str, what: str, *, allow_zero: bool = False) -> Decimal:
    cleaned = normalize(str(text)).replace("٫", ".").replace("/", ".").strip()
    try:
        value = Decimal(cleaned or "0")
    except InvalidOperation:
        raise ValidationError("renovation.area", field=what, what=_WHAT.get(what, what)) from None
    if value < 0 or (value == 0 and not allow_zero) or not value.is_finite():
        raise ValidationError("renovation.area", field=what, what=_WHAT.get(what, what))
    return value


_WHAT = {
    "land_area_m2": "عرصه",
    "building_area_m2": "اعیان",
    "area_m2": "زیربنا",
    "volume_m3": "حجم خاکبرداری",
    "depth_m": "عمق گود",
}


def route_geojson(route: RouteInput, **properties: object) -> dict[str, Any]:
    """The route as a GeoJSON Feature (LineString) whose ``crs`` member names its projected system, with its length."""
    if route.crs != ROUTE_CRS:
        raise ValidationError("renovation.route_crs", field="route", crs=ROUTE_CRS)
    points = [(float(x), float(y)) for x, y in route.points]
    if len(points) < 2 or any(not (math.isfinite(x) and math.isfinite(y)) for x, y in points):
        raise ValidationError("renovation.route_short", field="route")
    length = route_length(points)
    if length <= 0:
        raise ValidationError("renovation.route_short", field="route")
    return {
        "type": "Feature",
        "crs": {"type": "name", "properties": {"name": f"urn:ogc:def:crs:EPSG::{route.crs.split(':')[1]}"}},
        "geometry": {"type": "LineString", "coordinates": [[round(x, 2), round(y, 2)] for x, y in points]},
        "properties": {"length_m": round(length, 2), **properties},
    }


def route_length(points: Sequence[tuple[float, float]]) -> float:
    return sum(math.dist(a, b) for a, b in itertools.pairwise(points))


def route_points(geojson: Mapping[str, Any] | None) -> list[tuple[float, float]]:
    if not geojson:
        return []
    coords = geojson.get("geometry", {}).get("coordinates", [])
    return [(float(x), float(y)) for x, y in coords]


# ---------------------------------------------------------------------------------------------------------------------
# The service


class RenovationService(Area):
    def __init__(self, services: Services) -> None:
        super().__init__(services)

    # -- reading ---------------------------------------------------------------------------------------------------
    def tariffs(self) -> TariffBook:
        return tariff_book(self._s)

    def tariff_for(self, year: int | None = None) -> TariffYear:
        return self.tariffs().for_year(year or jalali_year(self._s.today()))

    def services(self) -> list[tuple[str, str]]:
        """(code, title) of the unit's services, in catalog order."""
        return [(s.code, self._title(s.title_en, s.title_fa)) for s in CATALOG.services_of_unit(RENOVATION_UNIT)]

    def get(self, case_id: str) -> RenovationCaseView:
        with self._s.uow(writer=False) as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            prop = session.get(Property, case.property_id) if case.property_id else None
            facts = dict(case.facts or {})
            rows = payments_of(session, case.id)
            paid_codes = {r.fee_code for r in rows if r.paid}
            slip_items = (facts.get("slip") or {}).get("items") if isinstance(facts.get("slip"), dict) else None
            if slip_items:  # what the slip asked for, paid or not (the levy lines are settled once paid)
                fees = tuple(FeeLine(str(c), str(t), int(a), str(c) in paid_codes) for c, t, a in slip_items)
            else:
                fees = tuple(FeeLine(f.code, f.title, f.amount, False) for f in self._fee_lines(case, facts))
            unpaid = sum(r.amount_rials for r in rows if not r.paid)
            if not rows:
                unpaid = sum(f.amount for f in fees)
            levy = facts.get("levy") or {}
            lines = tuple(
                LevyLineView(int(y), int(v["levy"]), int(v["paid"]), int(v["due"]))
                for y, v in sorted((levy.get("lines") or {}).items())
            )
            from app.services.workflow_ops import missing_documents

            return RenovationCaseView(
                case_id=case.id, tracking_number=case.tracking_number, service_code=case.service_code,
                service_name=self.service_name(case.service_code), state=case.state,
                state_title=self.state_title(case.workflow_id, case.state), version=case.version,
                applicant_name=case.applicant_name, renovation_code=prop.renovation_key if prop else "",
                property_address=prop.address if prop else "", deed_area_m2=prop.deed_area_m2 if prop else None,
                facts=facts, fees=fees, total=sum(f.amount for f in fees), unpaid=unpaid, levy_lines=lines,
                slip=facts.get("slip") if isinstance(facts.get("slip"), dict) else None,
                payments=tuple((r.fee_code, r.amount_rials, r.paid, r.method, r.reference) for r in rows),
                missing_documents=tuple(sorted(missing_documents(session, case.id))),
                years=tuple(self.tariffs().years),
            )  # fmt: skip

    def _fee_lines(self, case: Case, facts: Mapping[str, Any]) -> list[FeeLine]:
        """The slip's lines: the service's fixed fees, then each computed charge as assessed (the levy per year)."""
        service = CATALOG.get(case.service_code)
        lines = [
            FeeLine(f.code, self._title(f.title_en, f.title_fa), int(f.amount_rials))
            for f in service.fees
            if not f.computed and f.amount_rials
        ]
        charges = facts.get("charges") or {}
        levy = facts.get("levy") or {}
        for year, line in sorted((levy.get("lines") or {}).items()):
            if int(line["due"]) > 0:
                title = f"عوارض نوسازی سال {to_persian_digits(year)}"
                lines.append(FeeLine(f"renovation_levy.{year}", title, int(line["due"])))
        for code, entry in sorted(charges.items()):
            if code != "renovation_levy" and int(entry["amount"]) > 0:
                lines.append(FeeLine(code, str(entry["title"]), int(entry["amount"])))
        return lines

    # -- guards of this unit ---------------------------------------------------------------------------------------
    def _require(self, actor: Actor) -> None:
        if not actor.has_any_role(RENOVATION_ROLES):
            raise DomainError("renovation.not_allowed", roles_needed=sorted(RENOVATION_ROLES))

    def _editable(self, case: Case, *services: str) -> None:
        if services and case.service_code not in services:
            raise DomainError("renovation.wrong_service", service=self.service_name(case.service_code))
        if case.state not in EDITABLE_STATES:
            if dict(case.facts or {}).get("slip"):
                raise DomainError("renovation.slip_issued")
            raise DomainError("renovation.wrong_state", state=self.state_title(case.workflow_id, case.state))

    def _record_charge(
        self, actor: Actor, case_id: str, services: tuple[str, ...], key: str, details: dict[str, Any],
        charge: levy_rules.Charge | None, expected_version: int | None,
    ) -> Changes:  # fmt: skip
        self._require(actor)
        with self._s.uow() as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            self._check_version(case, expected_version)
            self._editable(case, *services)
            facts = dict(case.facts or {})
            facts[key] = details
            if charge is not None:
                charges = dict(facts.get("charges") or {})
                fee = next((f for f in CATALOG.get(case.service_code).fees if f.code == charge.code), None)
                title = fee.title_fa if fee else charge.code
                charges[charge.code] = {"amount": charge.amount, "exact": charge.amount_exact, "year": charge.year,
                                        "title": title, "basis": dict(charge.basis)}  # fmt: skip
                facts["charges"] = charges
            facts[g.FACT_FEES_PAID] = False
            touch_facts(self._s, session, case, facts)
            self._s.audit.record(session, actor, f"renovation.{key}_recorded", "case", case.id,
                                 {"tracking_number": case.tracking_number,
                                  "amount": charge.amount if charge else details.get("total_due")})  # fmt: skip
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case"}))

    @staticmethod
    def _check_version(case: Case, expected: int | None) -> None:
        if expected is not None and case.version != expected:
            raise DomainError("workflow.stale_version", expected=expected, actual=case.version)

    # -- opening ---------------------------------------------------------------------------------------------------
    def open_request(
        self, actor: Actor, service_code: str, applicant_id: str, property_id: str | None,
        received_documents: Iterable[str], note: str = "",
    ) -> OpenCaseResult:  # fmt: skip
        self._require(actor)
        service = CATALOG.get(service_code)
        if service.unit != RENOVATION_UNIT:
            raise ValidationError("service.not_in_unit", field="service_code")
        if service_code != DRILLING_SERVICE and not property_id:
            raise ValidationError("renovation.property_required", field="property_id")
        with self._s.uow() as uow:
            case = open_unit_case(self._s, uow.session, actor, service_code, applicant_id, property_id,
                                  received_documents, note=note)  # fmt: skip
            uow.commit()
            result = OpenCaseResult(case.id, case.tracking_number, Changes(frozenset({case.id}), frozenset({"case"})),
                                    state=case.state, unit=case.unit)  # fmt: skip
        return result

    # -- assessments -----------------------------------------------------------------------------------------------
    def preview_levy(self, case_id: str, inp: LevyInput) -> levy_rules.RenovationStatement:
        """The statement the inputs give, without storing it (the form shows it as the expert types)."""
        with self._s.uow(writer=False) as uow:
            case = get_case_row(uow.session, case_id)
            prop = uow.session.get(Property, case.property_id) if case.property_id else None
            if prop is None:
                raise ValidationError("renovation.property_required", field="property_id")
            location = prop.renovation_key
        return self._statement(location, inp)

    def _statement(self, location: str, inp: LevyInput) -> levy_rules.RenovationStatement:
        book = self.tariffs()
        this_year = jalali_year(self._s.today())
        first, last = inp.first_year or this_year, inp.last_year or this_year
        known = sorted(book.years)
        if first > last or not known or first < known[0] or last > known[-1]:
            raise ValidationError("renovation.years", field="first_year", first=known[0] if known else first,
                                  last=known[-1] if known else last)  # fmt: skip
        land = _decimal(inp.land_area_m2, "land_area_m2", allow_zero=True)
        building = _decimal(inp.building_area_m2 or "0", "building_area_m2", allow_zero=True)
        if land == 0 and building == 0:
            raise ValidationError("renovation.area", field="land_area_m2", what=_WHAT["land_area_m2"])
        if inp.structure not in ("steel_concrete", "masonry", "other"):
            raise ValidationError("renovation.structure", field="structure", structure=inp.structure)
        for year in inp.paid_years:
            if not first <= year <= last:
                raise ValidationError("renovation.paid_year_outside", field="paid_years", year=year)
        facts = levy_rules.PropertyFacts(location, land, building, inp.structure)
        base = levy_rules.renovation_statement(book, facts, first, last)
        paid = {line.year: line.levy for line in base.lines if line.year in inp.paid_years}
        return levy_rules.renovation_statement(book, facts, first, last, paid)

    def record_levy(
        self, actor: Actor, case_id: str, inp: LevyInput, *, expected_version: int | None = None
    ) -> Changes:
        statement = self.preview_levy(case_id, inp)
        details = {
            "land_area_m2": str(inp.land_area_m2), "building_area_m2": str(inp.building_area_m2 or "0"),
            "structure": inp.structure, "first_year": statement.lines[0].year, "last_year": statement.lines[-1].year,
            "paid_years": sorted(inp.paid_years), "total_levy": statement.total_levy,
            "total_paid": statement.total_paid, "total_due": statement.total_due,
            "lines": {str(ln.year): {"levy": ln.levy, "paid": min(ln.paid, ln.levy), "due": ln.due,
                                     "land_value": ln.land_value, "building_value": ln.building_value}
                      for ln in statement.lines},
        }  # fmt: skip
        return self._record_charge(actor, case_id, (CLEARANCE_SERVICE, WASTE_SERVICE), "levy", details, None,
                                   expected_version)  # fmt: skip

    def record_waste(
        self, actor: Actor, case_id: str, use: str, area_m2: str, units: int = 1, *, expected_version: int | None = None
    ) -> Changes:
        tariff = self.tariff_for()
        if use not in tariff.waste_rate_per_m2:
            raise ValidationError("renovation.use", field="use", use=use)
        area = _decimal(area_m2, "area_m2")
        charge = levy_rules.waste_fee(tariff, use, area, max(1, int(units)))
        details = {"use": use, "area_m2": str(area), "units": int(units), "year": tariff.year}
        return self._record_charge(actor, case_id, (WASTE_SERVICE, CLEARANCE_SERVICE), "waste", details, charge,
                                   expected_version)  # fmt: skip

    def record_excavation(
        self, actor: Actor, case_id: str, inp: ExcavationInput, *, expected_version: int | None = None
    ) -> Changes:
        tariff = self.tariff_for()
        contractor, site = normalize(inp.contractor), normalize(inp.disposal_site)
        if not contractor:
            raise ValidationError("renovation.contractor", field="contractor")
        if not site:
            raise ValidationError("renovation.disposal_site", field="disposal_site")
        if normalize(inp.volume_m3):
            volume = _decimal(inp.volume_m3, "volume_m3")
        else:
            volume = levy_rules.estimate_excavation_volume(_decimal(inp.area_m2, "area_m2"),
                                                           _decimal(inp.depth_m, "depth_m"))  # fmt: skip
        route = route_geojson(inp.route, purpose="excavation_haulage", disposal_site=site)
        charge = levy_rules.excavation_waste_fee(tariff, volume)
        details = {"volume_m3": str(volume), "area_m2": normalize(inp.area_m2), "depth_m": normalize(inp.depth_m),
                   "contractor": contractor, "contractor_phone": only_digits(inp.contractor_phone),
                   "disposal_site": site, "route": route, "year": tariff.year}  # fmt: skip
        return self._record_charge(actor, case_id, (EXCAVATION_SERVICE,), "excavation", details, charge,
                                   expected_version)  # fmt: skip

    def record_drilling(
        self, actor: Actor, case_id: str, inp: DrillingInput, *, expected_version: int | None = None
    ) -> Changes:
        tariff = self.tariff_for()
        contractor = normalize(inp.contractor)
        if not contractor:
            raise ValidationError("renovation.contractor", field="contractor")
        if inp.days < 1:
            raise ValidationError("renovation.days", field="days")
        if inp.surface not in tariff.drilling_rate_per_metre_day:
            raise ValidationError("renovation.surface", field="surface", surface=inp.surface)
        route = route_geojson(inp.route, purpose="street_digging")
        length = Decimal(str(route["properties"]["length_m"]))
        charge = levy_rules.drilling_fee(tariff, length, inp.days, inp.surface)
        start = inp.start_date or self._s.today()
        end = start + dt.timedelta(days=inp.days - 1)
        details = {"contractor": contractor, "agency": normalize(inp.agency), "days": inp.days,
                   "surface": inp.surface, "start_date": start.isoformat(), "end_date": end.isoformat(),
                   "length_m": str(length), "route": route, "year": tariff.year}  # fmt: skip
        return self._record_charge(actor, case_id, (DRILLING_SERVICE,), "drilling", details, charge,
                                   expected_version)  # fmt: skip

    # -- slip and payment ------------------------------------------------------------------------------------------
    def issue_slip(self, actor: Actor, case_id: str, *, expected_version: int | None = None) -> Changes:
        self._require(actor)
        with self._s.uow() as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            self._check_version(case, expected_version)
            if case.state != "received":
                raise DomainError("renovation.wrong_state", state=self.state_title(case.workflow_id, case.state))
            facts = dict(case.facts or {})
            charges = facts.get("charges") or {}
            for fee in CATALOG.get(case.service_code).fees:
                if not fee.computed:
                    continue
                assessed = fee.code in charges or (fee.code == "renovation_levy" and "levy" in facts)
                if not assessed:
                    raise DomainError("renovation.not_assessed", fee=self._title(fee.title_en, fee.title_fa))
            lines = self._fee_lines(case, facts)
            slip = write_slip(self._s, session, case, lines)
            facts["slip"] = slip
            facts[g.FACT_FEES_PAID] = False
            facts[g.FACT_UNPAID_FEES] = sorted({line.code.split(".")[0] for line in lines})
            touch_facts(self._s, session, case, facts)
            self._s.audit.record(session, actor, "renovation.slip_issued", "case", case.id,
                                 {"tracking_number": case.tracking_number, "bill_id": slip["bill_id"],
                                  "payment_id": slip["payment_id"], "amount": slip["amount"]})  # fmt: skip
            charge_transition(self._s, session, actor, case, "issue_slip")
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case", "payment"}))

    def record_payment(
        self, actor: Actor, case_id: str, method: str, reference: str, *, expected_version: int | None = None
    ) -> Changes:
        """Record the payment of the case's slip (by its payment ID, a bank reference or a card terminal's trace
        number) and confirm it: the case moves to final review. One transaction."""
        self._require(actor)
        with self._s.uow() as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            self._check_version(case, expected_version)
            if case.state != "awaiting_payment":
                if dict(case.facts or {}).get("slip") and case.state in ("in_review", "cleared"):
                    raise DomainError("payment.already_paid")
                raise DomainError("renovation.wrong_state", state=self.state_title(case.workflow_id, case.state))
            amount = pay_slip(self._s, session, case, method, reference)
            facts = dict(case.facts or {})
            levy = dict(facts.get("levy") or {})
            if levy.get("lines"):
                lines = {y: {**v, "paid": int(v["paid"]) + int(v["due"]), "due": 0} for y, v in levy["lines"].items()}
                levy["lines"] = lines
                levy["paid_years"] = sorted(int(y) for y in lines)
                levy["total_paid"] = levy.get("total_levy", 0)
                levy["total_due"] = 0
                facts["levy"] = levy
            facts[g.FACT_FEES_PAID] = True
            facts[g.FACT_UNPAID_FEES] = []
            facts["paid"] = {"method": method, "amount": amount, "at": self._s.now().isoformat()}
            touch_facts(self._s, session, case, facts)
            self._s.audit.record(session, actor, "renovation.payment_recorded", "case", case.id,
                                 {"tracking_number": case.tracking_number, "method": method,
                                  "amount": amount})  # fmt: skip
            charge_transition(self._s, session, actor, case, "confirm_payment", data={"method": method})
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case", "payment"}))

    def issue_clearance(self, actor: Actor, case_id: str, *, expected_version: int | None = None) -> Changes:
        """Issue the clearance. An unpaid fee refuses it with the amount still due (``renovation.unpaid``)."""
        self._require(actor)
        with self._s.uow() as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            self._check_version(case, expected_version)
            facts = dict(case.facts or {})
            rows = payments_of(session, case.id)
            unpaid_rows = [r for r in rows if not r.paid]
            unpaid_lines = [(r.fee_code, r.amount_rials) for r in unpaid_rows]
            if not rows:
                unpaid_lines = [(f.code, f.amount) for f in self._fee_lines(case, facts)]
            if unpaid_lines:
                titles = sorted({self._fee_title(case, code) for code, _ in unpaid_lines})
                raise DomainError("renovation.unpaid", amount=sum(a for _, a in unpaid_lines), items=titles)
            if case.state != "in_review":
                raise DomainError("renovation.wrong_state", state=self.state_title(case.workflow_id, case.state))
            now = self._s.now()
            facts["clearance"] = {
                "issued_at": now.isoformat(),
                "valid_until": (self._s.today() + dt.timedelta(days=CLEARANCE_VALID_DAYS)).isoformat(),
                "signatory": actor.full_name,
            }
            touch_facts(self._s, session, case, facts)
            charge_transition(self._s, session, actor, case, "issue_clearance")
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case"}))

    def _fee_title(self, case: Case, code: str) -> str:
        base = code.split(".")[0]
        if base == "renovation_levy" and "." in code:
            return f"عوارض نوسازی سال {to_persian_digits(code.split('.')[1])}"
        fee = next((f for f in CATALOG.get(case.service_code).fees if f.code == base), None)
        return fee.title_fa if fee else code

    # -- documents -------------------------------------------------------------------------------------------------
    def slip_data(self, case_id: str) -> PaymentSlipData:
        with self._s.uow(writer=False) as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            slip = dict(case.facts or {}).get("slip")
            if not isinstance(slip, dict):
                raise DomainError("renovation.no_slip")
            applicant = session.get(Person, case.applicant_id)
            prop = session.get(Property, case.property_id) if case.property_id else None
            return PaymentSlipData(
                office=office_info(self._s), tracking_number=case.tracking_number,
                payer_name=case.applicant_name, description=self.service_name(case.service_code),
                amount_rials=int(slip["amount"]), bill_id=str(slip["bill_id"]), payment_id=str(slip["payment_id"]),
                issued_at=dt.datetime.fromisoformat(str(slip["issued_at"])),
                due_date=self._s.calendar.add_working_days(self._s.today(), 5),
                items=tuple((str(title), int(amount)) for _code, title, amount in slip["items"]),
                payer_national_id=(applicant.national_id or applicant.legal_id or "") if applicant else "",
                renovation_code=prop.renovation_key if prop else "",
            )  # fmt: skip

    def print_slip(self, actor: Actor, case_id: str) -> bytes:
        from app.printing.payment_slip import build_payment_slip

        self._require(actor)
        pdf = build_payment_slip(self.slip_data(case_id), "a5")
        self._audit_print(actor, case_id, "payment_slip")
        return pdf

    def clearance_data(self, case_id: str) -> ClearanceData:
        with self._s.uow(writer=False) as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            facts = dict(case.facts or {})
            issued = facts.get("clearance")
            if case.state != "cleared" or not isinstance(issued, dict):
                raise DomainError("renovation.not_cleared")
            prop = session.get(Property, case.property_id) if case.property_id else None
            if prop is None:
                raise ValidationError("renovation.property_required", field="property_id")
            items: list[tuple[str, int]] = []
            levy = facts.get("levy") or {}
            for year, line in sorted((levy.get("lines") or {}).items()):
                if int(line["levy"]) > 0:
                    items.append((f"عوارض نوسازی سال {to_persian_digits(year)}", int(line["paid"])))
            paid_rows = [r for r in payments_of(session, case.id) if r.paid and not r.fee_code.startswith("renov")]
            items += [(self._fee_title(case, r.fee_code), r.amount_rials) for r in paid_rows]
            purpose = self._purpose(case.service_code, facts)
            return ClearanceData(
                office=office_info(self._s), tracking_number=case.tracking_number, owner_name=case.applicant_name,
                property_address=prop.address or "—", renovation_code=prop.renovation_key,
                issue_date=dt.datetime.fromisoformat(str(issued["issued_at"])).date(),
                signatory_name=str(issued.get("signatory") or "—"), signatory_title="کارشناس نوسازی و پسماند",
                items=tuple(items), valid_until=dt.date.fromisoformat(str(issued["valid_until"])), purpose=purpose,
            )  # fmt: skip

    def _purpose(self, service_code: str, facts: Mapping[str, Any]) -> str:
        if service_code == EXCAVATION_SERVICE and isinstance(facts.get("excavation"), dict):
            e = facts["excavation"]
            length = route_points(e.get("route"))
            return (f"حمل پسماند گودبرداری ({to_persian_digits(e['volume_m3'])} متر مکعب) توسط {e['contractor']} "
                    f"به {e['disposal_site']}، طول مسیر {to_persian_digits(round(route_length(length)))} متر")  # fmt: skip
        if service_code == DRILLING_SERVICE and isinstance(facts.get("drilling"), dict):
            d = facts["drilling"]
            return (f"حفاری به طول {to_persian_digits(d['length_m'])} متر به مدت {to_persian_digits(d['days'])} روز "
                    f"توسط {d['contractor']}")  # fmt: skip
        return "شهرداری منطقه"

    def print_clearance(self, actor: Actor, case_id: str) -> bytes:
        from app.printing.clearance import build_clearance

        self._require(actor)
        pdf = build_clearance(self.clearance_data(case_id))
        self._audit_print(actor, case_id, "clearance")
        return pdf

    def receipt_data(self, case_id: str, clerk_name: str) -> ReceiptData:
        with self._s.uow(writer=False) as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            prop = session.get(Property, case.property_id) if case.property_id else None
            paid = sum(r.amount_rials for r in payments_of(session, case.id) if r.paid)
            return ReceiptData(
                office=office_info(self._s), tracking_number=case.tracking_number,
                service_name=self.service_name(case.service_code), applicant_name=case.applicant_name,
                issued_at=self._s.now(), clerk_name=clerk_name, property_address=prop.address if prop else "",
                renovation_code=prop.renovation_key if prop else "", fee_rials=paid or None,
            )  # fmt: skip

    def _audit_print(self, actor: Actor, case_id: str, document: str) -> None:
        with self._s.uow() as uow:
            case = get_case_row(uow.session, case_id)
            self._s.audit.record(uow.session, actor, "document.printed", "case", case.id,
                                 {"tracking_number": case.tracking_number, "document": document})  # fmt: skip
            uow.commit()


def geojson_text(feature: Mapping[str, Any]) -> str:
    return json.dumps(feature, ensure_ascii=False, sort_keys=True)


__all__ = [
    "DrillingInput",
    "ExcavationInput",
    "LevyInput",
    "RenovationCaseView",
    "RenovationService",
    "RouteInput",
    "RuleError",
    "message_fa",
    "tariff_book",
]
