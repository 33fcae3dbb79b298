"""Vehicle charges (unit 11): vehicles by Iranian plate with their owners; the annual traffic-zone sticker with its fee,
payment slip and serial; its replacement (lost or damaged); the refund of its unused period; the objection to a
camera fine. Each request is a case of its own workflow (``app.domain.workflows.vehicle``: ``vehicle.sticker``,
``vehicle.replacement``, ``vehicle.refund``, ``vehicle.objection``) with its own receipt.

The plate rules, fees and refund arithmetic are the domain's (``app.domain.rules.vehicle``); the amounts come from
the year's tariff table (``renovation.tariff_book``). Each use case is one transaction with its audit entry.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.domain.catalog import CATALOG
from app.domain.dates import format_jalali
from app.domain.errors import DomainError, NotFoundError, ValidationError
from app.domain.money import format_rials
from app.domain.rules import vehicle as rules
from app.domain.text import digits_to_ascii, normalize, only_digits, search_key, to_persian_digits
from app.domain.workflows import Actor, get_workflow
from app.domain.workflows import guards as g
from app.models import Case, Person, StoredFile, TrafficSticker, Vehicle, uuid7
from app.printing.data import PaymentSlipData, ReceiptData
from app.services.common import OFFICE_HEAD, Area, get_case_row
from app.services.dto import Changes, OpenCaseResult
from app.services.outbox import enqueue_upsert
from app.services.renovation import (
    FeeLine,
    charge_transition,
    jalali_year,
    office_info,
    open_unit_case,
    pay_slip,
    payments_of,
    tariff_book,
    touch_facts,
    write_slip,
)

VEHICLE_ROLES = frozenset({"vehicle.clerk", "vehicle.head", OFFICE_HEAD})
STICKER = "VH01_TRAFFIC_STICKER"
REPLACEMENT = "VH02_STICKER_REPLACEMENT"
REFUND = "VH03_TRAFFIC_REFUND"
OBJECTION = "VH04_CAMERA_FINE_OBJECTION"
KINDS = {STICKER: "sticker", REPLACEMENT: "replacement", REFUND: "refund", OBJECTION: "objection"}
# The states where the office's charge may be billed and paid without a move of its own (refund and objection have
# no payment step: their fee is a guard on the head's approval, or on sending to the police).
FEE_STATES: Mapping[str, frozenset[str]] = {
    STICKER: frozenset(),
    REPLACEMENT: frozenset(),
    REFUND: frozenset({"received", "amount_computed"}),
    OBJECTION: frozenset({"received", "in_review"}),
}
# What ``complete`` does, per kind: the workflow action (the objection's depends on the outcome).
FINISH_ACTIONS: Mapping[str, str] = {STICKER: "issue", REPLACEMENT: "issue", REFUND: "pay_out"}
OBJECTION_OUTCOMES: Mapping[str, str] = {
    "sent": "send_to_police",
    "accepted": "objection_accepted",
    "rejected": "objection_refused",
}

MESSAGES: Mapping[str, str] = {
    "vehicle.not_allowed": "این کار فقط از کارشناس یا رئیس واحد عوارض خودرو برمی‌آید.",
    "vehicle.duplicate": "خودرویی با پلاک {plate} پیش‌تر ثبت شده است.",
    "vehicle.not_found": "خودرو پیدا نشد.",
    "vehicle.owner_required": "مالک خودرو را (با کد ملی) انتخاب کنید.",
    "vehicle.sticker_exists": "برای این خودرو آرم طرح ترافیک سال {year} پیش‌تر صادر شده است (سریال {serial}).",
    "vehicle.request_open": "درخواست دیگری از همین نوع برای این خودرو باز است (پرونده {tracking}).",
    "vehicle.no_sticker": "این خودرو آرم فعال سال {year} ندارد.",
    "vehicle.unpaid": "هزینه این درخواست به مبلغ {amount} هنوز پرداخت نشده است.",
    "vehicle.no_fee": "این درخواست هزینه‌ای ندارد و فیش صادر نمی‌شود.",
    "vehicle.wrong_state": "این کار در مرحله «{state}» پرونده ممکن نیست.",
    "vehicle.reason_required": "علت را بنویسید.",
    "vehicle.fine_number": "شماره جریمه را (۶ تا ۲۰ رقم) وارد کنید.",
    "vehicle.fine_date_future": "تاریخ جریمه نمی‌تواند بعد از امروز باشد.",
    "vehicle.camera_location": "محل دوربین را وارد کنید.",
    "vehicle.objection_late": "مهلت اعتراض به این جریمه در تاریخ {deadline} به پایان رسیده است.",
    "vehicle.outcome": "نتیجه اعتراض را انتخاب کنید.",
    "vehicle.iban": "شماره شبا باید IR و ۲۴ رقم باشد.",
    "vehicle.attachment": "پیوست «{name}» خوانده نشد.",
}


@dataclass(frozen=True)
class VehicleView:
    id: str
    plate_key: str
    plate_text: str  # «۱۲ ب ۳۴۵ ایران ۶۷» in a left-to-right isolate
    owner_id: str
    owner_name: str
    make_model: str
    color: str
    sticker_serial: str = ""  # this year's active sticker, if any
    sticker_year: int | None = None


@dataclass(frozen=True)
class StickerView:
    id: str
    year: int
    serial: str
    status: str
    fee_rials: int
    issued_at: dt.datetime
    case_id: str


@dataclass(frozen=True)
class VehicleCaseView:
    case_id: str
    tracking_number: str
    service_code: str
    service_name: str
    kind: str
    state: str
    state_title: str
    version: int
    applicant_name: str
    vehicle: VehicleView | None
    facts: dict[str, Any]
    fees: tuple[FeeLine, ...]
    unpaid: int
    slip: dict[str, Any] | None
    missing_documents: tuple[str, ...]
    can_issue_slip: bool = False  # the case's workflow bills in its current state
    can_pay: bool = False
    can_complete: bool = False  # ``complete`` has a move in the current state (issue, pay out, outcome)


@dataclass(frozen=True)
class ObjectionInput:
    fine_number: str
    fine_date: dt.date
    camera_location: str
    reason: str
    fine_amount: int | None = None
    attachments: tuple[Path, ...] = ()


def _moves(case: Case, action: str) -> bool:
    """True when the case's workflow has ``action`` in the case's current state."""
    return get_workflow(case.workflow_id).transition(case.state, action) is not None


def plate_of(v: Vehicle) -> rules.Plate:
    return rules.Plate(v.plate_two, v.plate_letter, v.plate_three, v.plate_region)


def _iban(text: str) -> str:
    cleaned = digits_to_ascii(normalize(text)).upper().replace(" ", "").replace("-", "")
    digits = "".join(ch for ch in cleaned if ch.isdigit())
    if not (cleaned.startswith("IR") and len(digits) == 24):
        raise ValidationError("vehicle.iban", field="iban")
    # ISO 13616 check: move IR + check digits to the end, letters to numbers, mod 97 == 1.
    number = digits[2:] + "1827" + digits[:2]
    if int(number) % 97 != 1:
        raise ValidationError("vehicle.iban", field="iban")
    return "IR" + digits


class VehicleService(Area):
    # -- guards ----------------------------------------------------------------------------------------------------
    def _require(self, actor: Actor) -> None:
        if not actor.has_any_role(VEHICLE_ROLES):
            raise DomainError("vehicle.not_allowed", roles_needed=sorted(VEHICLE_ROLES))

    def _vehicle(self, session: Session, vehicle_id: str) -> Vehicle:
        v = session.get(Vehicle, vehicle_id)
        if v is None or v.deleted:
            raise NotFoundError("vehicle.not_found", vehicle_id=vehicle_id)
        return v

    def _active_sticker(self, session: Session, vehicle_id: str, year: int) -> TrafficSticker | None:
        return session.scalar(
            select(TrafficSticker).where(
                TrafficSticker.vehicle_id == vehicle_id,
                TrafficSticker.year == year,
                TrafficSticker.status == "active",
                TrafficSticker.deleted.is_(False),
            )
        )

    def _view(self, session: Session, v: Vehicle, year: int) -> VehicleView:
        sticker = self._active_sticker(session, v.id, year)
        return VehicleView(
            id=v.id, plate_key=v.plate_key, plate_text=plate_of(v).display(), owner_id=v.owner_id,
            owner_name=v.owner_name, make_model=v.make_model, color=v.color,
            sticker_serial=sticker.serial if sticker else "", sticker_year=sticker.year if sticker else None,
        )  # fmt: skip

    # -- vehicles --------------------------------------------------------------------------------------------------
    def parse_plate(self, text: str) -> rules.Plate:
        """The plate as typed; raises ``plate.format``/``plate.letter``/``plate.region``."""
        return rules.parse_plate(text)

    def find_vehicle(self, plate_text: str) -> VehicleView | None:
        plate = rules.parse_plate(plate_text)
        with self._s.uow(writer=False) as uow:
            v = uow.session.scalar(select(Vehicle).where(Vehicle.plate_key == plate.key(), Vehicle.deleted.is_(False)))
            return None if v is None else self._view(uow.session, v, jalali_year(self._s.today()))

    def get_vehicle(self, vehicle_id: str) -> VehicleView:
        with self._s.uow(writer=False) as uow:
            return self._view(uow.session, self._vehicle(uow.session, vehicle_id), jalali_year(self._s.today()))

    def list_vehicles(self, query: str = "", limit: int = 500) -> list[VehicleView]:
        year = jalali_year(self._s.today())
        with self._s.uow(writer=False) as uow:
            stmt = select(Vehicle).where(Vehicle.deleted.is_(False))
            text = normalize(query)
            if text:
                try:
                    stmt = stmt.where(Vehicle.plate_key == rules.parse_plate(text).key())
                except DomainError:
                    key = f"%{search_key(text)}%"
                    digits = only_digits(text)
                    conds = [func.lower(Vehicle.owner_name).like(f"%{text}%"), Vehicle.owner_name.like(key)]
                    if digits:
                        conds.append(Vehicle.plate_key.like(f"%{digits}%"))
                    stmt = stmt.where(or_(*conds))
            rows = uow.session.scalars(stmt.order_by(Vehicle.created_at.desc()).limit(limit)).all()
            serials = dict(
                uow.session.execute(
                    select(TrafficSticker.vehicle_id, TrafficSticker.serial).where(
                        TrafficSticker.vehicle_id.in_([v.id for v in rows]), TrafficSticker.year == year,
                        TrafficSticker.status == "active", TrafficSticker.deleted.is_(False),
                    )
                ).all()
            )  # fmt: skip
            return [
                VehicleView(
                    id=v.id,
                    plate_key=v.plate_key,
                    plate_text=plate_of(v).display(),
                    owner_id=v.owner_id,
                    owner_name=v.owner_name,
                    make_model=v.make_model,
                    color=v.color,
                    sticker_serial=serials.get(v.id, ""),
                    sticker_year=year if v.id in serials else None,
                )
                for v in rows
            ]

    def stickers_of(self, vehicle_id: str) -> list[StickerView]:
        with self._s.uow(writer=False) as uow:
            rows = uow.session.scalars(
                select(TrafficSticker)
                .where(TrafficSticker.vehicle_id == vehicle_id, TrafficSticker.deleted.is_(False))
                .order_by(TrafficSticker.issued_at)
            ).all()
            return [StickerView(s.id, s.year, s.serial, s.status, s.fee_rials, s.issued_at, s.case_id) for s in rows]

    def register_vehicle(
        self, actor: Actor, plate_text: str, owner_id: str, make_model: str = "", color: str = ""
    ) -> VehicleView:
        self._require(actor)
        plate = rules.parse_plate(plate_text)
        if not owner_id:
            raise ValidationError("vehicle.owner_required", field="owner_id")
        with self._s.uow() as uow:
            session = uow.session
            owner = session.get(Person, owner_id)
            if owner is None or owner.deleted:
                raise ValidationError("vehicle.owner_required", field="owner_id")
            if session.scalar(select(Vehicle.id).where(Vehicle.plate_key == plate.key())) is not None:
                raise ValidationError("vehicle.duplicate", field="plate", plate=plate.display())
            stamp = self._s.stamp()
            v = Vehicle(
                id=uuid7(), plate_key=plate.key(), plate_two=plate.two, plate_letter=plate.letter,
                plate_three=plate.three, plate_region=plate.region, owner_id=owner.id,
                owner_name=owner.display_name, make_model=normalize(make_model), color=normalize(color), note="",
                hlc=stamp,
            )  # fmt: skip
            session.add(v)
            session.flush()
            enqueue_upsert(session, "vehicle", v, None, stamp)
            self._s.audit.record(session, actor, "vehicle.registered", "vehicle", v.id, {"plate": plate.key()})
            uow.commit()
            return self._view(session, v, jalali_year(self._s.today()))

    # -- opening requests ------------------------------------------------------------------------------------------
    def _open(
        self, actor: Actor, service_code: str, vehicle_id: str, received: Iterable[str], facts: dict[str, Any],
        check: Callable[[Session, Vehicle, int], dict[str, Any] | None] | None = None,
        not_required: Iterable[str] = (), note: str = "", after: Callable[[Session, Case], None] | None = None,
    ) -> OpenCaseResult:  # fmt: skip
        """One transaction: refuse a second open request of the kind, run ``check`` (which may add facts), open."""
        self._require(actor)
        year = jalali_year(self._s.today())
        with self._s.uow() as uow:
            session = uow.session
            v = self._vehicle(session, vehicle_id)
            open_case = session.scalar(
                select(Case).where(
                    Case.service_code == service_code, Case.closed_at.is_(None), Case.deleted.is_(False),
                    func.json_extract(Case.facts, "$.vehicle_id") == v.id,
                )
            )  # fmt: skip
            if open_case is not None:
                raise DomainError("vehicle.request_open", tracking=open_case.tracking_number)
            extra = check(session, v, year) if check is not None else None
            base = {"kind": KINDS[service_code], "vehicle_id": v.id, "plate": v.plate_key, "year": year}
            case = open_unit_case(self._s, session, actor, service_code, v.owner_id, None, received,
                                  facts={**base, **facts, **(extra or {})}, note=note,
                                  not_required=not_required)  # fmt: skip
            if after is not None:
                after(session, case)
            uow.commit()
            return OpenCaseResult(case.id, case.tracking_number, Changes(frozenset({case.id}), frozenset({"case"})),
                                  state=case.state, unit=case.unit)  # fmt: skip

    def open_sticker(self, actor: Actor, vehicle_id: str, received: Iterable[str] = ()) -> OpenCaseResult:
        """The annual sticker: refused when the vehicle already has this year's sticker."""

        def check(session: Session, v: Vehicle, year: int) -> dict[str, Any] | None:
            existing = self._active_sticker(session, v.id, year)
            if existing is not None:
                raise DomainError("vehicle.sticker_exists", year=year, serial=existing.serial)
            return None

        return self._open(actor, STICKER, vehicle_id, received, {}, check)

    def open_replacement(
        self, actor: Actor, vehicle_id: str, reason: str, description: str, received: Iterable[str] = ()
    ) -> OpenCaseResult:
        try:
            why = rules.ReplacementReason(reason)
        except ValueError:
            raise ValidationError("sticker.reason", field="reason", reason=reason) from None
        text = normalize(description)
        if not text:
            raise ValidationError("vehicle.reason_required", field="description")

        def check(session: Session, v: Vehicle, year: int) -> dict[str, Any] | None:
            if self._active_sticker(session, v.id, year) is None:
                raise DomainError("vehicle.no_sticker", year=year)
            return None

        not_required = set(CATALOG.get(REPLACEMENT).required_documents) - set(rules.REPLACEMENT_DOCUMENTS[why])
        return self._open(actor, REPLACEMENT, vehicle_id, received, {"reason": why.value, "description": text},
                          check, not_required, note=text)  # fmt: skip

    def open_refund(self, actor: Actor, vehicle_id: str, iban: str, received: Iterable[str] = ()) -> OpenCaseResult:
        """A refund of this year's sticker; the amount is the unused period's share from the request day."""
        account = _iban(iban)

        def check(session: Session, v: Vehicle, year: int) -> dict[str, Any]:
            sticker = self._active_sticker(session, v.id, year)
            if sticker is None:
                raise DomainError("vehicle.no_sticker", year=year)
            refund = rules.sticker_refund(tariff_book(self._s).for_year(year), sticker.fee_rials, self._s.today())
            return {"sticker_id": sticker.id, "serial": sticker.serial, "fee_paid": refund.fee_paid,
                    "unused_days": refund.unused_days, "days_in_year": refund.days_in_year,
                    "deduction": refund.deduction, "refund": refund.amount, "iban": account,
                    "requested_on": self._s.today().isoformat()}  # fmt: skip

        return self._open(actor, REFUND, vehicle_id, received, {}, check)

    def refund_preview(self, vehicle_id: str) -> rules.Refund:
        year = jalali_year(self._s.today())
        with self._s.uow(writer=False) as uow:
            sticker = self._active_sticker(uow.session, vehicle_id, year)
            if sticker is None:
                raise DomainError("vehicle.no_sticker", year=year)
            fee = sticker.fee_rials
        return rules.sticker_refund(tariff_book(self._s).for_year(year), fee, self._s.today())

    def open_objection(
        self, actor: Actor, vehicle_id: str, inp: ObjectionInput, received: Iterable[str] = ()
    ) -> OpenCaseResult:
        number = only_digits(inp.fine_number)
        if not number.isdigit() or not 6 <= len(number) <= 20:
            raise ValidationError("vehicle.fine_number", field="fine_number")
        today = self._s.today()
        if inp.fine_date > today:
            raise ValidationError("vehicle.fine_date_future", field="fine_date")
        location = normalize(inp.camera_location)
        if not location:
            raise ValidationError("vehicle.camera_location", field="camera_location")
        reason = normalize(inp.reason)
        if not reason:
            raise ValidationError("vehicle.reason_required", field="reason")
        status = rules.camera_fine_objection_status(inp.fine_date, today)
        if status.expired:
            raise ValidationError("vehicle.objection_late", field="fine_date",
                                  deadline=format_jalali(status.deadline))  # fmt: skip
        attachments = []
        for path in inp.attachments:
            try:
                data = Path(path).read_bytes()
            except OSError:
                raise ValidationError("vehicle.attachment", field="attachments", name=Path(path).name) from None
            sha = self._s.files.put_bytes(data)
            media = mimetypes.guess_type(str(path))[0] or "application/octet-stream"
            attachments.append({"name": Path(path).name, "sha256": sha, "size": len(data), "media_type": media})
        facts = {"fine_number": number, "fine_date": inp.fine_date.isoformat(), "camera_location": location,
                 "reason": reason, "fine_amount": inp.fine_amount, "deadline": status.deadline.isoformat(),
                 "attachments": attachments}  # fmt: skip

        def store_files(session: Session, case: Case) -> None:
            for a in attachments:
                if session.get(StoredFile, a["sha256"]) is None:
                    session.add(StoredFile(sha256=a["sha256"], size=a["size"], media_type=a["media_type"],
                                           created_at=self._s.now(), uploaded=False))  # fmt: skip

        return self._open(actor, OBJECTION, vehicle_id, received, facts, None, note=reason, after=store_files)

    # -- reading a case --------------------------------------------------------------------------------------------
    def fee_lines(self, case: Case) -> list[FeeLine]:
        service = CATALOG.get(case.service_code)
        facts = dict(case.facts or {})
        tariff = tariff_book(self._s).for_year(int(facts.get("year") or jalali_year(self._s.today())))
        lines = [FeeLine(f.code, f.title_fa, int(f.amount_rials)) for f in service.fees if f.code == "office_fee"
                 and f.amount_rials]  # fmt: skip
        if case.service_code == STICKER:
            lines.append(FeeLine("sticker_charge", "بهای آرم طرح ترافیک", rules.sticker_fee(tariff)))
        elif case.service_code == REPLACEMENT:
            reason = str(facts.get("reason", "damaged"))
            title = f"هزینه تعویض آرم ({rules.REPLACEMENT_TITLES_FA[rules.ReplacementReason(reason)]})"
            lines.append(FeeLine("replacement_charge", title, rules.replacement_fee(tariff, reason)))
        return lines

    def get(self, case_id: str) -> VehicleCaseView:
        from app.services.workflow_ops import missing_documents

        with self._s.uow(writer=False) as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            facts = dict(case.facts or {})
            v = session.get(Vehicle, facts.get("vehicle_id", "")) if facts.get("vehicle_id") else None
            rows = payments_of(session, case.id)
            paid_codes = {r.fee_code for r in rows if r.paid}
            fees = tuple(FeeLine(f.code, f.title, f.amount, f.code in paid_codes) for f in self.fee_lines(case))
            unpaid = sum(r.amount_rials for r in rows if not r.paid) if rows else sum(f.amount for f in fees)
            return VehicleCaseView(
                case_id=case.id, tracking_number=case.tracking_number, service_code=case.service_code,
                service_name=self.service_name(case.service_code), kind=KINDS.get(case.service_code, ""),
                state=case.state, state_title=self.state_title(case.workflow_id, case.state), version=case.version,
                applicant_name=case.applicant_name,
                vehicle=self._view(session, v, jalali_year(self._s.today())) if v else None, facts=facts, fees=fees,
                unpaid=unpaid, slip=facts.get("slip") if isinstance(facts.get("slip"), dict) else None,
                missing_documents=tuple(sorted(missing_documents(session, case.id))),
                can_issue_slip=self._bills(case, "issue_slip") is not None and any(f.amount > 0 for f in fees)
                and not isinstance(facts.get("slip"), dict),
                can_pay=self._bills(case, "confirm_payment") is not None and isinstance(facts.get("slip"), dict)
                and unpaid > 0,
                can_complete=any(_moves(case, a) for a in self._finish_actions(case.service_code)),
            )  # fmt: skip

    @staticmethod
    def _bills(case: Case, action: str) -> bool | None:
        """True when billing is the workflow's ``action`` in this state, False when the state bills without a move
        (refund, objection), None when billing is not possible here."""
        if _moves(case, action):
            return True
        return False if case.state in FEE_STATES.get(case.service_code, frozenset()) else None

    @staticmethod
    def _finish_actions(service_code: str) -> tuple[str, ...]:
        if service_code == OBJECTION:
            return tuple(OBJECTION_OUTCOMES.values())
        return (FINISH_ACTIONS[service_code],) if service_code in FINISH_ACTIONS else ()

    # -- money -----------------------------------------------------------------------------------------------------
    def _case(self, session: Session, actor: Actor, case_id: str, expected_version: int | None) -> Case:
        self._require(actor)
        case = get_case_row(session, case_id)
        if case.service_code not in KINDS:
            raise DomainError("renovation.wrong_service", service=self.service_name(case.service_code))
        if expected_version is not None and case.version != expected_version:
            raise DomainError("workflow.stale_version", expected=expected_version, actual=case.version)
        return case

    def issue_slip(self, actor: Actor, case_id: str, *, expected_version: int | None = None) -> Changes:
        with self._s.uow() as uow:
            session = uow.session
            case = self._case(session, actor, case_id, expected_version)
            move = self._bills(case, "issue_slip")
            if move is None:
                raise DomainError("vehicle.wrong_state", state=self.state_title(case.workflow_id, case.state))
            lines = [line for line in self.fee_lines(case) if line.amount > 0]
            if not lines:
                raise DomainError("vehicle.no_fee")
            if any(r.paid for r in payments_of(session, case.id)):
                raise DomainError("payment.already_paid")
            slip = write_slip(self._s, session, case, lines)
            facts = {**dict(case.facts or {}), "slip": slip, g.FACT_FEES_PAID: False,
                     g.FACT_UNPAID_FEES: [line.code for line in lines]}  # fmt: skip
            touch_facts(self._s, session, case, facts)
            self._s.audit.record(session, actor, "vehicle.slip_issued", "case", case.id,
                                 {"tracking_number": case.tracking_number, "amount": slip["amount"],
                                  "payment_id": slip["payment_id"]})  # fmt: skip
            if move:
                charge_transition(self._s, session, actor, case, "issue_slip")
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case", "payment"}))

    def record_payment(
        self, actor: Actor, case_id: str, method: str, reference: str, *, expected_version: int | None = None
    ) -> Changes:
        with self._s.uow() as uow:
            session = uow.session
            case = self._case(session, actor, case_id, expected_version)
            move = self._bills(case, "confirm_payment")
            if move is None:
                raise DomainError("vehicle.wrong_state", state=self.state_title(case.workflow_id, case.state))
            amount = pay_slip(self._s, session, case, method, reference)
            facts = {**dict(case.facts or {}), g.FACT_FEES_PAID: True, g.FACT_UNPAID_FEES: [],
                     "paid": {"method": method, "amount": amount, "at": self._s.now().isoformat()}}  # fmt: skip
            touch_facts(self._s, session, case, facts)
            self._s.audit.record(session, actor, "vehicle.payment_recorded", "case", case.id,
                                 {"tracking_number": case.tracking_number, "method": method,
                                  "amount": amount})  # fmt: skip
            if move:
                charge_transition(self._s, session, actor, case, "confirm_payment")
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case", "payment"}))

    # -- finishing -------------------------------------------------------------------------------------------------
    def complete(
        self, actor: Actor, case_id: str, note: str = "", *, outcome: str = "sent", expected_version: int | None = None
    ) -> Changes:
        """Finish the request's step: issue the sticker (``issue``) or its replacement, voiding the old one, once paid;
        pay out the approved refund (``pay_out``); send the objection to the traffic police (``sent``) and later record
        its outcome (``accepted``/``rejected``). Refusals name what is missing and change nothing."""
        with self._s.uow() as uow:
            session = uow.session
            case = self._case(session, actor, case_id, expected_version)
            if case.service_code == OBJECTION:
                if outcome not in OBJECTION_OUTCOMES:
                    raise ValidationError("vehicle.outcome", field="outcome")
                action = OBJECTION_OUTCOMES[outcome]
            else:
                action = FINISH_ACTIONS[case.service_code]
            if not _moves(case, action):
                raise DomainError("vehicle.wrong_state", state=self.state_title(case.workflow_id, case.state))
            facts = dict(case.facts or {})
            v = self._vehicle(session, str(facts.get("vehicle_id", "")))
            year = int(facts.get("year") or jalali_year(self._s.today()))
            now = self._s.now()
            stamp = self._s.stamp()
            rows = payments_of(session, case.id)
            unpaid = sum(r.amount_rials for r in rows if not r.paid)
            if not rows:
                unpaid = sum(line.amount for line in self.fee_lines(case))
            if unpaid:  # the office's charge (and the sticker's) are paid before the request is finished
                raise DomainError("vehicle.unpaid", amount=unpaid)
            if case.service_code in (STICKER, REPLACEMENT):
                current = self._active_sticker(session, v.id, year)
                if case.service_code == STICKER and current is not None:
                    raise DomainError("vehicle.sticker_exists", year=year, serial=current.serial)
                if case.service_code == REPLACEMENT and current is None:
                    raise DomainError("vehicle.no_sticker", year=year)
                fee = sum(r.amount_rials for r in rows if r.fee_code in ("sticker_charge", "replacement_charge"))
                if case.service_code == REPLACEMENT and current is not None:
                    fee = current.fee_rials  # the replacement carries the year's sticker value (for a refund)
                new = TrafficSticker(id=uuid7(), vehicle_id=v.id, year=year, serial=self._serial(case, year),
                                     case_id=case.id, fee_rials=fee, issued_at=now, status="active", end_reason="",
                                     hlc=stamp)  # fmt: skip
                if current is not None:
                    current.status = "replaced"
                    current.replaced_by_id = new.id
                    current.ended_at = now
                    current.end_reason = str(facts.get("reason", ""))
                    current.version += 1
                    current.hlc = stamp
                    current.dirty = True
                    session.flush()
                    enqueue_upsert(session, "traffic_sticker", current,
                                   ["status", "replaced_by_id", "ended_at", "end_reason"], stamp)  # fmt: skip
                session.add(new)
                session.flush()
                enqueue_upsert(session, "traffic_sticker", new, None, stamp)
                facts["sticker_serial"] = new.serial
                if current is not None:
                    facts["replaced_serial"] = current.serial
                audit = {"serial": new.serial, "year": year}
            elif case.service_code == REFUND:
                sticker = session.get(TrafficSticker, str(facts.get("sticker_id", "")))
                if sticker is None or sticker.status != "active":
                    raise DomainError("vehicle.no_sticker", year=year)
                sticker.status = "refunded"
                sticker.ended_at = now
                sticker.end_reason = "refund"
                sticker.version += 1
                sticker.hlc = stamp
                sticker.dirty = True
                enqueue_upsert(session, "traffic_sticker", sticker, ["status", "ended_at", "end_reason"], stamp)
                facts["refunded_at"] = now.isoformat()
                audit = {"serial": sticker.serial, "refund": facts.get("refund")}
            else:
                facts["outcome"] = outcome
                audit = {"fine_number": facts.get("fine_number"), "outcome": outcome}
            touch_facts(self._s, session, case, facts)
            self._s.audit.record(session, actor, f"vehicle.{KINDS[case.service_code]}_completed", "case", case.id,
                                 {"tracking_number": case.tracking_number, **audit})  # fmt: skip
            text = normalize(note) or self._default_note(case.service_code, facts)
            charge_transition(self._s, session, actor, case, action, note=text)
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case", "vehicle"}))

    @staticmethod
    def _serial(case: Case, year: int) -> str:
        """The sticker's serial: the year and the case's tracking number (unique across workstations)."""
        return f"{year % 100:02d}{case.tracking_number[-12:]}"

    @staticmethod
    def _default_note(service_code: str, facts: Mapping[str, Any]) -> str:
        if service_code == STICKER:
            return f"آرم با سریال {facts.get('sticker_serial')} صادر شد."
        if service_code == REPLACEMENT:
            return f"آرم {facts.get('replaced_serial')} با آرم {facts.get('sticker_serial')} تعویض شد."
        if service_code == REFUND:
            return f"دستور پرداخت مبلغ {to_persian_digits(facts.get('refund'))} ریال صادر شد."
        if facts.get("outcome") == "accepted":
            return "پلیس راهور اعتراض را پذیرفت."
        if facts.get("outcome") == "rejected":
            return "پلیس راهور اعتراض را رد کرد."
        return "اعتراض به پلیس راهور ارسال شد."

    # -- documents -------------------------------------------------------------------------------------------------
    def slip_data(self, case_id: str) -> PaymentSlipData:
        with self._s.uow(writer=False) as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            facts = dict(case.facts or {})
            slip = facts.get("slip")
            if not isinstance(slip, dict):
                raise DomainError("renovation.no_slip")
            applicant = session.get(Person, case.applicant_id)
            plate = rules.parse_plate(str(facts.get("plate", "")))
            return PaymentSlipData(
                office=office_info(self._s), tracking_number=case.tracking_number, payer_name=case.applicant_name,
                description=f"{self.service_name(case.service_code)}، پلاک {plate.display()}",
                amount_rials=int(slip["amount"]), bill_id=str(slip["bill_id"]), payment_id=str(slip["payment_id"]),
                issued_at=dt.datetime.fromisoformat(str(slip["issued_at"])),
                due_date=self._s.calendar.add_working_days(self._s.today(), 5),
                items=tuple((str(title), int(amount)) for _code, title, amount in slip["items"]),
                payer_national_id=(applicant.national_id or applicant.legal_id or "") if applicant else "",
            )  # fmt: skip

    def print_slip(self, actor: Actor, case_id: str) -> bytes:
        from app.printing.payment_slip import build_payment_slip

        self._require(actor)
        pdf = build_payment_slip(self.slip_data(case_id), "a5")
        self._audit_print(actor, case_id, "payment_slip")
        return pdf

    def receipt_data(self, case_id: str, clerk_name: str) -> ReceiptData:
        with self._s.uow(writer=False) as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            facts = dict(case.facts or {})
            plate = rules.parse_plate(str(facts.get("plate", "")))
            details = [self.service_name(case.service_code), f"پلاک {plate.display()}"]
            if facts.get("sticker_serial"):
                details.append(f"سریال آرم {to_persian_digits(facts['sticker_serial'])}")
            if facts.get("replaced_serial"):
                details.append(f"به جای آرم {to_persian_digits(facts['replaced_serial'])}")
            if case.service_code == REFUND and facts.get("refund") is not None:
                details.append(f"مبلغ قابل استرداد {format_rials(int(facts['refund']))}")
            if case.service_code == OBJECTION:
                details.append(f"جریمه شماره {to_persian_digits(facts.get('fine_number', ''))}")
            paid = sum(r.amount_rials for r in payments_of(session, case.id) if r.paid)
            docs = [d for d in case.documents if not d.deleted]
            return ReceiptData(
                office=office_info(self._s), tracking_number=case.tracking_number, service_name="، ".join(details),
                applicant_name=case.applicant_name, issued_at=self._s.now(), clerk_name=clerk_name,
                documents_received=tuple(self.document_title(d.doc_type) for d in docs if d.received),
                documents_missing=tuple(self.document_title(d.doc_type) for d in docs if d.required
                                        and not d.received),
                fee_rials=paid or None,
            )  # fmt: skip

    def print_receipt(self, actor: Actor, case_id: str) -> bytes:
        from app.printing.receipt import build_receipt

        self._require(actor)
        pdf = build_receipt(self.receipt_data(case_id, actor.full_name), "a5")
        self._audit_print(actor, case_id, "receipt")
        return pdf

    def _audit_print(self, actor: Actor, case_id: str, document: str) -> None:
        with self._s.uow() as uow:
            case = get_case_row(uow.session, case_id)
            self._s.audit.record(uow.session, actor, "document.printed", "case", case.id,
                                 {"tracking_number": case.tracking_number, "document": document})  # fmt: skip
            uow.commit()

    def cases_of_vehicle(self, vehicle_id: str) -> list[tuple[str, str, str, str]]:
        """(case id, tracking number, service name, state title) of every request about the vehicle."""
        with self._s.uow(writer=False) as uow:
            rows: Sequence[Case] = uow.session.scalars(
                select(Case)
                .where(func.json_extract(Case.facts, "$.vehicle_id") == vehicle_id, Case.deleted.is_(False))
                .order_by(Case.opened_at.desc())
            ).all()
            return [(c.id, c.tracking_number, self.service_name(c.service_code),
                     self.state_title(c.workflow_id, c.state)) for c in rows]  # fmt: skip
