"""Permit drafts (پیش‌نویس صدور پروانه): the checklist, the supervising engineers, the permit's figures, the draft
sheet, and sending the draft on through the workflow.

The draft lives in the case's facts (``permit_draft``), so it syncs with the case. Saving it also records the facts
the workflow's guards read: ``checklist_complete`` with ``open_checklist_items``, and ``technical_id_recorded``.
``submit`` checks the draft first and refuses with the Persian names of what is missing, before the engine's own
guards (which stay the final word). Every save, print and refusal-free action is audited in its transaction.

Fees: ``compute_fees`` prices the catalog's fee items of the service (the fixed office fee; the permit levy and the
engineering-organisation fee from the draft's floor area, the property's land area and renovation code, and the
year's tariff table) and writes one unpaid ``Payment`` row per fee on one slip (bill and payment IDs, renovation's
``write_slip``); recomputing voids the unpaid rows and never touches paid ones. The print service prints the slip;
``record_payment`` (renovation's ``pay_slip``) marks it paid and sets ``fees_paid`` once nothing is left unpaid.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from app.domain import workflows as wf
from app.domain.catalog import CATALOG
from app.domain.errors import DomainError, ValidationError
from app.domain.rules import renovation_levy as levy_rules
from app.domain.rules.common import RuleError, floor_rials, round_down_for_slip
from app.domain.text import digits_to_ascii, normalize, to_persian_digits
from app.domain.workflows import Actor
from app.domain.workflows.guards import (
    FACT_CHECKLIST_DONE,
    FACT_FEES_PAID,
    FACT_OPEN_CHECKLIST,
    FACT_TECHNICAL_ID,
    FACT_UNPAID_FEES,
)
from app.models import Case, Person, Property
from app.services import renovation
from app.services.common import Area, get_case_row
from app.services.dto import Changes
from app.services.outbox import enqueue_upsert

FACT_DRAFT = "permit_draft"
PERMIT_WORKFLOW = "permit_draft"
PERMIT_SERVICE = "PD01_PERMIT_DRAFT"
PERMIT_ROLES = frozenset({"permits.expert", "permits.head"})
PAYMENTS_ITEM = "payments_checked"
TECHNICAL_ID_ITEM = "technical_id"

# The seed's checklist, in its order: (code, English, Persian).
CHECKLIST: tuple[tuple[str, str, str], ...] = (
    ("electrical_sheets", "Electrical sheets received and controlled", "برگه‌های تاسیسات برقی دریافت و کنترل شد"),
    ("mechanical_sheets", "Mechanical sheets received and controlled", "برگه‌های تاسیسات مکانیکی دریافت و کنترل شد"),
    ("structural_sheets", "Structural sheets received and controlled", "برگه‌های سازه دریافت و کنترل شد"),
    ("notarized_undertaking", "Notarised undertaking", "تعهد محضری"),
    ("facade_undertaking", "Façade undertaking", "تعهد نما"),
    ("insurance", "Insurance policy", "بیمه‌نامه"),
    (PAYMENTS_ITEM, "Payments checked", "پرداختی‌ها کنترل شد"),
    (TECHNICAL_ID_ITEM, "Building technical ID (شناسنامه فنی) recorded", "شناسنامه فنی و ملکی ساختمان ثبت شد"),
    ("architecture_scanned", "Architecture sheets scanned", "برگه‌های معماری اسکن شد"),
    ("email_checked", "E-mail checked", "پست الکترونیک بررسی شد"),
)
CHECKLIST_CODES = tuple(code for code, _en, _fa in CHECKLIST)

# Supervising engineers' disciplines.
DISCIPLINES: tuple[tuple[str, str, str], ...] = (
    ("architecture", "Architecture", "معماری"),
    ("structure", "Structure", "سازه"),
    ("electrical", "Electrical", "تاسیسات برقی"),
    ("mechanical", "Mechanical", "تاسیسات مکانیکی"),
)
DISCIPLINE_CODES = tuple(code for code, _en, _fa in DISCIPLINES)

# Permit figures: (code, English, Persian, unit in Persian, minimum, maximum, whole number?)
FIELDS: tuple[tuple[str, str, str, str, float, float, bool], ...] = (
    ("floors", "Floors", "تعداد طبقات", "طبقه", 1, 60, True),
    ("total_floor_area", "Total floor area", "زیربنای کل", "مترمربع", 1, 500_000, False),
    ("density", "Density", "تراکم", "درصد", 1, 2_000, False),
    ("coverage", "Site coverage", "سطح اشغال", "درصد", 1, 100, False),
    ("parking", "Parking spaces", "تعداد پارکینگ", "واحد", 0, 2_000, True),
    ("height", "Height", "ارتفاع", "متر", 1, 250, False),
    ("projections", "Projections", "پیش‌آمدگی", "مترمربع", 0, 10_000, False),
)
FIELD_CODES = tuple(f[0] for f in FIELDS)

FACT_FEES = "permit_fees"  # what the fees were computed from, per fee code
FEE_STATES = frozenset({"received", "checking", "awaiting_documents"})  # where the expert may (re)compute them
STRUCTURES = ("steel_concrete", "masonry", "other")

# Persian sentences for the fee codes (the tab looks here first, then renovation's payment sentences).
MESSAGES: Mapping[str, str] = {
    "permits.fees_figures": "برای محاسبه عوارض، «{missing}» را در ارقام پروانه وارد و پیش‌نویس را ذخیره کنید.",
    "permits.fees_property": "برای محاسبه عوارض، ملک پرونده با کد نوسازی و مساحت عرصه لازم است.",
    "permits.fees_not_computed": "عوارض این پرونده هنوز محاسبه نشده است؛ نخست «محاسبه عوارض» را بزنید.",
    "permits.fees_state": "در مرحله «{state}» عوارض پرونده دیگر محاسبه یا پرداخت نمی‌شود.",
    "permits.fees_unpaid": "پرداخت‌ها کامل نیست: {fees}. عوارض را محاسبه کنید، فیش را چاپ و پرداخت را ثبت کنید.",
    "permits.structure": "نوع سازه «{structure}» تعریف نشده است.",
    "permits.tariff_year": "جدول تعرفه سال {year} ثبت نشده است؛ واحد مدیریت باید آن را وارد کند.",
}


def message_fa(error: DomainError) -> str | None:
    """The Persian sentence of a fee or payment code (None for others)."""
    from app.services import messages_fa as services_fa

    template = MESSAGES.get(error.code) or services_fa.MESSAGES.get(error.code)
    if template is None:
        return renovation.message_fa(error)
    params = {
        k: "، ".join(str(x) for x in v) if isinstance(v, list | tuple) else str(v) for k, v in error.params.items()
    }
    try:
        return to_persian_digits(template.format(**params))
    except (KeyError, IndexError, ValueError):
        return template


# Engineering-organisation membership numbers: digits in groups, like 1-01-12345.
_MEMBER_NO = re.compile(r"^\d{1,3}(-\d{1,4}){0,3}-?\d{3,7}$|^\d{5,12}$")
_TECH_ID = re.compile(r"^[0-9A-Za-z-]{5,30}$")


@dataclass(frozen=True)
class Engineer:
    discipline: str
    name: str
    member_no: str  # engineering-organisation membership number (ASCII digits)


@dataclass(frozen=True)
class FeeRow:
    code: str
    title: str
    amount: int
    paid: bool
    method: str = ""
    reference: str = ""


@dataclass(frozen=True)
class PermitFees:
    case_id: str
    version: int
    rows: tuple[FeeRow, ...] = ()
    bill_id: str = ""
    payment_id: str = ""
    fees_paid: bool = False

    @property
    def unpaid(self) -> int:
        return sum(r.amount for r in self.rows if not r.paid)

    @property
    def total(self) -> int:
        return sum(r.amount for r in self.rows)


@dataclass(frozen=True)
class PermitDraft:
    case_id: str
    version: int  # of the case, for the next save
    checklist: dict[str, bool] = field(default_factory=dict)
    engineers: tuple[Engineer, ...] = ()
    fields: dict[str, float] = field(default_factory=dict)
    technical_id: str = ""
    notes: str = ""
    fees_paid: bool = False
    unpaid_fees: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()  # Persian names of what the draft still lacks

    @property
    def complete(self) -> bool:
        return not self.missing


def checklist_title(code: str, lang: str = "fa") -> str:
    for c, en, fa in CHECKLIST:
        if c == code:
            return fa if lang == "fa" else en
    return code


def _number(value: object) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, int | float):
        return float(value)
    text = digits_to_ascii(str(value)).replace("٫", ".").replace(",", "").strip()
    try:
        return float(text)
    except ValueError:
        return None


class PermitService(Area):
    def _require_permits(self, actor: Actor, case: Case) -> None:
        if case.workflow_id != PERMIT_WORKFLOW:
            raise DomainError("permits.not_a_permit_case")
        allowed = PERMIT_ROLES | wf.roles_for(wf.get_workflow(case.workflow_id), case.state)
        if not actor.has_any_role(allowed):
            raise DomainError("permits.not_allowed", roles_needed=sorted(allowed))

    # -- reading ---------------------------------------------------------------------------------------------------
    def get_draft(self, actor: Actor, case_id: str) -> PermitDraft:
        with self._s.uow(writer=False) as uow:
            case = get_case_row(uow.session, case_id)
            if case.workflow_id != PERMIT_WORKFLOW:
                raise DomainError("permits.not_a_permit_case")
            return self._draft_of(case)

    def _draft_of(self, case: Case) -> PermitDraft:
        facts = dict(case.facts or {})
        data: Mapping[str, Any] = facts.get(FACT_DRAFT) or {}
        checklist = {code: bool((data.get("checklist") or {}).get(code)) for code in CHECKLIST_CODES}
        engineers = tuple(
            Engineer(str(e.get("discipline", "")), str(e.get("name", "")), str(e.get("member_no", "")))
            for e in data.get("engineers") or ()
        )
        fields = {k: float(v) for k, v in (data.get("fields") or {}).items() if k in FIELD_CODES}
        fees_paid = facts.get(FACT_FEES_PAID) is True
        unpaid = tuple(str(f) for f in facts.get(FACT_UNPAID_FEES) or ())
        technical_id = str(data.get("technical_id", ""))
        return PermitDraft(
            case_id=case.id,
            version=case.version,
            checklist=checklist,
            engineers=engineers,
            fields=fields,
            technical_id=technical_id,
            notes=str(data.get("notes", "")),
            fees_paid=fees_paid,
            unpaid_fees=unpaid,
            missing=self._missing(checklist, engineers, fields, technical_id),
        )

    def _missing(
        self, checklist: Mapping[str, bool], engineers: Sequence[Engineer], fields: Mapping[str, float], tech_id: str
    ) -> tuple[str, ...]:
        lang = self._s.lang
        missing = [checklist_title(code, lang) for code in CHECKLIST_CODES if not checklist.get(code)]
        if not engineers:
            missing.append(self._title("Supervising engineer", "مهندس ناظر"))
        for code, en, fa, *_rest in FIELDS:
            if code not in fields:
                missing.append(self._title(en, fa))
        if not tech_id and checklist.get(TECHNICAL_ID_ITEM):
            missing.append(self._title("Technical ID number", "شماره شناسنامه فنی"))
        return tuple(missing)

    # -- writing ---------------------------------------------------------------------------------------------------
    def save_draft(
        self,
        actor: Actor,
        case_id: str,
        *,
        checklist: Mapping[str, bool],
        engineers: Sequence[Engineer],
        fields: Mapping[str, object],
        technical_id: str = "",
        notes: str = "",
        expected_version: int | None = None,
    ) -> PermitDraft:
        """Validate and store the draft. Bad input raises a ValidationError naming the field and changes nothing."""
        errors: dict[str, str] = {}
        params: dict[str, Any] = {}
        clean_fields: dict[str, float] = {}
        for code, _en, _fa, _unit, low, high, whole in FIELDS:
            raw = fields.get(code)
            if raw is None or raw == "":
                continue
            value = _number(raw)
            if value is None or not low <= value <= high or (whole and value != int(value)):
                errors.setdefault(f"fields.{code}", "permits.field_out_of_range")
                params.setdefault("low", low)
                params.setdefault("high", high)
                continue
            clean_fields[code] = value
        clean_engineers: list[Engineer] = []
        for i, e in enumerate(engineers):
            name = normalize(e.name)
            number = digits_to_ascii(e.member_no).strip()
            if e.discipline not in DISCIPLINE_CODES:
                errors.setdefault(f"engineers.{i}.discipline", "permits.engineer_discipline")
            if not name:
                errors.setdefault(f"engineers.{i}.name", "permits.engineer_name")
            if not _MEMBER_NO.match(number):
                errors.setdefault(f"engineers.{i}.member_no", "permits.engineer_number")
            clean_engineers.append(Engineer(e.discipline, name, number))
        tech_id = digits_to_ascii(technical_id).strip()
        if tech_id and not _TECH_ID.match(tech_id):
            errors.setdefault("technical_id", "permits.technical_id_format")
        if checklist.get(TECHNICAL_ID_ITEM) and not tech_id:
            errors.setdefault("technical_id", "permits.technical_id_required")
        unknown = sorted(set(checklist) - set(CHECKLIST_CODES))
        if unknown:
            errors.setdefault("checklist", "permits.unknown_item")
        if errors:
            field_name, code = next(iter(errors.items()))
            raise ValidationError(code, field=field_name, errors=errors, **params)
        with self._s.uow() as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            self._require_permits(actor, case)
            if expected_version is not None and case.version != expected_version:
                raise DomainError("workflow.stale_version", expected=expected_version, actual=case.version)
            facts = dict(case.facts or {})
            ticked = {code: bool(checklist.get(code)) for code in CHECKLIST_CODES}
            if ticked[PAYMENTS_ITEM] and facts.get(FACT_FEES_PAID) is not True:
                unpaid = self._fee_titles(facts.get(FACT_UNPAID_FEES) or ())
                raise ValidationError(
                    "permits.fees_unpaid",
                    field=f"checklist.{PAYMENTS_ITEM}",
                    fees=unpaid or [self._title("the case's fees", "عوارض و بهای خدمات پرونده")],
                )
            draft_data = {
                "checklist": ticked,
                "engineers": [asdict(e) for e in clean_engineers],
                "fields": clean_fields,
                "technical_id": tech_id,
                "notes": normalize(notes),
                "saved_by": actor.full_name,
                "saved_at": self._s.now().isoformat(),
            }
            missing = self._missing(ticked, clean_engineers, clean_fields, tech_id)
            facts[FACT_DRAFT] = draft_data
            facts[FACT_CHECKLIST_DONE] = not missing
            facts[FACT_OPEN_CHECKLIST] = [c for c in CHECKLIST_CODES if not ticked[c]]
            facts[FACT_TECHNICAL_ID] = bool(tech_id) and ticked[TECHNICAL_ID_ITEM]
            stamp = self._s.stamp()
            case.facts = facts
            case.version += 1
            case.hlc = stamp
            case.dirty = True
            case.updated_at = self._s.now()
            enqueue_upsert(session, "case_file", case, ["facts"], stamp)
            self._s.audit.record(
                session,
                actor,
                "permits.draft_saved",
                "case",
                case.id,
                {
                    "tracking_number": case.tracking_number,
                    "complete": not missing,
                    "open_items": facts[FACT_OPEN_CHECKLIST],
                    "engineers": len(clean_engineers),
                },
            )
            uow.commit()
            return self._draft_of(case)

    def submit(self, actor: Actor, case_id: str, *, expected_version: int) -> Changes:
        """Send the draft to the head's approval: refused, naming what is missing, while the draft is incomplete."""
        draft = self.get_draft(actor, case_id)
        if draft.missing:
            raise DomainError("permits.draft_incomplete", missing=list(draft.missing))
        if not draft.fees_paid:
            fees = self._fee_titles(draft.unpaid_fees) or [self._title("the case's fees", "عوارض و بهای خدمات پرونده")]
            raise DomainError("permits.fees_unpaid", fees=fees)
        return self._s.cases.apply_action(actor, case_id, "submit_for_approval", expected_version=expected_version)

    # -- fees and payments -----------------------------------------------------------------------------------------
    def _fee_titles(self, codes: Sequence[str]) -> list[str]:
        titles = {f.code: self._title(f.title_en, f.title_fa) for f in CATALOG.get(PERMIT_SERVICE).fees}
        return [titles.get(str(c), str(c)) for c in codes]

    def get_fees(self, actor: Actor, case_id: str) -> PermitFees:
        with self._s.uow(writer=False) as uow:
            case = get_case_row(uow.session, case_id)
            if case.workflow_id != PERMIT_WORKFLOW:
                raise DomainError("permits.not_a_permit_case")
            return self._fees_of(uow.session, case)

    def _fees_of(self, session: Any, case: Case) -> PermitFees:
        titles = {f.code: f.title_fa for f in CATALOG.get(case.service_code).fees}
        rows = renovation.payments_of(session, case.id)
        slip = dict(case.facts or {}).get("slip")
        slip = slip if isinstance(slip, dict) else {}
        return PermitFees(
            case_id=case.id,
            version=case.version,
            rows=tuple(
                FeeRow(
                    r.fee_code,
                    titles.get(r.fee_code, r.fee_code),
                    r.amount_rials,
                    r.paid,
                    r.method or "",
                    r.reference or "",
                )
                for r in rows
            ),
            bill_id=str(slip.get("bill_id", "")),
            payment_id=str(slip.get("payment_id", "")),
            fees_paid=dict(case.facts or {}).get(FACT_FEES_PAID) is True,
        )

    def _fee_state(self, case: Case) -> None:
        if case.state not in FEE_STATES:
            raise DomainError("permits.fees_state", state=self.state_title(case.workflow_id, case.state))

    def _fee_lines(self, session: Any, case: Case, structure: str) -> tuple[list[renovation.FeeLine], dict[str, Any]]:
        """The catalog's fee items of the service, priced: fixed amounts as they are, the computed ones from the
        draft's figures, the property and the year's tariff table (never amounts written here)."""
        fields = self._draft_of(case).fields
        missing = [self._title(en, fa) for code, en, fa, *_r in FIELDS if code in ("floors", "total_floor_area")
                   and code not in fields]  # fmt: skip
        if missing:
            raise ValidationError("permits.fees_figures", field="fields.total_floor_area", missing=missing)
        if structure not in STRUCTURES:
            raise ValidationError("permits.structure", field="structure", structure=structure)
        prop = session.get(Property, case.property_id) if case.property_id else None
        if prop is None or not prop.renovation_key:
            raise DomainError("permits.fees_property")
        year = renovation.jalali_year(self._s.today())
        book = renovation.tariff_book(self._s)
        if not book.has_year(year):
            raise DomainError("permits.tariff_year", year=year)
        tariff = book.for_year(year)
        area = Decimal(str(fields["total_floor_area"]))
        land = Decimal(str(prop.deed_area_m2 or 0))
        try:
            levy = levy_rules.levy_for_year(
                tariff, levy_rules.PropertyFacts(prop.renovation_key, land, area, structure)
            )
            building_value = floor_rials(area * tariff.building_value(structure))
        except RuleError as exc:
            raise DomainError(exc.code, **exc.params) from None
        engineering = round_down_for_slip(floor_rials(building_value * tariff.renovation_rate))
        computed = {"permit_levy": levy.levy, "engineering_fee": engineering}
        basis: dict[str, Any] = {
            "year": tariff.year, "demo_tariff": tariff.demo, "structure": structure, "total_floor_area": str(area),
            "floors": fields.get("floors"), "land_area_m2": str(land), "location": prop.renovation_key,
            "land_value": levy.land_value, "building_value": building_value, "rate": str(tariff.renovation_rate),
            "amounts": {},
        }  # fmt: skip
        lines: list[renovation.FeeLine] = []
        for fee in CATALOG.get(case.service_code).fees:
            amount = computed.get(fee.code, 0) if fee.computed else int(fee.amount_rials or 0)
            basis["amounts"][fee.code] = amount
            if amount > 0:
                lines.append(renovation.FeeLine(fee.code, fee.title_fa, amount))
        return lines, basis

    def compute_fees(
        self, actor: Actor, case_id: str, *, structure: str = "steel_concrete", expected_version: int | None = None
    ) -> PermitFees:
        """Price the case's fees and write their unpaid Payment rows on one slip, in one transaction with its audit.
        Recomputing voids the unpaid rows (a new slip) and never touches a paid fee."""
        with self._s.uow() as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            self._require_permits(actor, case)
            if expected_version is not None and case.version != expected_version:
                raise DomainError("workflow.stale_version", expected=expected_version, actual=case.version)
            self._fee_state(case)
            lines, basis = self._fee_lines(session, case, structure)
            paid = {r.fee_code for r in renovation.payments_of(session, case.id) if r.paid}
            due = [line for line in lines if line.code not in paid]
            facts = dict(case.facts or {})
            facts[FACT_FEES] = basis
            if due:
                slip = renovation.write_slip(self._s, session, case, due)
                facts["slip"] = slip
            else:  # everything already paid: void any stale unpaid row, nothing left to print
                stamp = self._s.stamp()
                for row in renovation.payments_of(session, case.id):
                    if not row.paid:
                        row.deleted, row.version, row.hlc, row.dirty = True, row.version + 1, stamp, True
                        enqueue_upsert(session, "payment", row, ["deleted"], stamp)
            facts[FACT_FEES_PAID] = not due
            facts[FACT_UNPAID_FEES] = [line.code for line in due]
            renovation.touch_facts(self._s, session, case, facts)
            self._s.audit.record(
                session, actor, "permits.fees_computed", "case", case.id,
                {"tracking_number": case.tracking_number, "amounts": basis["amounts"], "year": basis["year"],
                 "due": sum(line.amount for line in due), "kept_paid": sorted(paid),
                 "payment_id": (facts.get("slip") or {}).get("payment_id", "")},
            )  # fmt: skip
            uow.commit()
            return self._fees_of(session, case)

    def record_payment(
        self, actor: Actor, case_id: str, method: str, reference: str, *, expected_version: int | None = None
    ) -> PermitFees:
        """Record the payment of the case's slip (its payment ID or scanned barcode, a bank reference or a card
        terminal's trace number); ``fees_paid`` is set once no fee is left unpaid. One transaction, audited."""
        with self._s.uow() as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            self._require_permits(actor, case)
            if expected_version is not None and case.version != expected_version:
                raise DomainError("workflow.stale_version", expected=expected_version, actual=case.version)
            self._fee_state(case)
            if not renovation.payments_of(session, case.id):
                raise DomainError("permits.fees_not_computed")
            amount = renovation.pay_slip(self._s, session, case, method, reference)
            session.flush()
            left = [r.fee_code for r in renovation.payments_of(session, case.id) if not r.paid]
            facts = dict(case.facts or {})
            facts[FACT_FEES_PAID] = not left
            facts[FACT_UNPAID_FEES] = left
            facts["paid"] = {"method": method, "amount": amount, "at": self._s.now().isoformat()}
            renovation.touch_facts(self._s, session, case, facts)
            self._s.audit.record(
                session, actor, "permits.payment_recorded", "case", case.id,
                {"tracking_number": case.tracking_number, "method": method, "amount": amount,
                 "fees_paid": not left},
            )  # fmt: skip
            uow.commit()
            return self._fees_of(session, case)

    def draft_sheet(self, actor: Actor, case_id: str) -> bytes:
        """The permit draft's checklist sheet as PDF (items, engineers and figures), the print audited."""
        from app.printing.data import ChecklistItem, PermitChecklistData
        from app.printing.layout import fa, ltr
        from app.printing.permit_checklist import build_permit_checklist

        with self._s.uow(writer=False) as uow:
            case = get_case_row(uow.session, case_id)
            self._require_permits(actor, case)
            draft = self._draft_of(case)
            owner = uow.session.get(Person, case.applicant_id)
            prop = uow.session.get(Property, case.property_id) if case.property_id else None
            tracking = case.tracking_number
        items = [ChecklistItem(title, draft.checklist.get(code, False), "") for code, _en, title in CHECKLIST]
        items[CHECKLIST_CODES.index(TECHNICAL_ID_ITEM)] = ChecklistItem(
            checklist_title(TECHNICAL_ID_ITEM),
            draft.checklist.get(TECHNICAL_ID_ITEM, False),
            ltr(draft.technical_id) if draft.technical_id else "",
        )
        titles = {code: fa for code, _en, fa in DISCIPLINES}
        for engineer in draft.engineers:
            items.append(
                ChecklistItem(
                    f"مهندس ناظر {titles.get(engineer.discipline, engineer.discipline)}: {engineer.name}",
                    True,
                    f"شماره عضویت {ltr(engineer.member_no)}",
                )
            )
        for code, _en, title, unit, *_rest in FIELDS:
            if code in draft.fields:
                value = draft.fields[code]
                shown = str(int(value)) if value == int(value) else f"{value:.2f}".rstrip("0")
                items.append(ChecklistItem(title, True, f"{fa(shown).replace('.', '٫')} {unit}"))
        data = PermitChecklistData(
            office=self._office(),
            tracking_number=tracking,
            owner_name=owner.display_name if owner else "",
            property_address=(prop.address if prop else "") or "—",
            prepared_by=actor.full_name,
            prepared_on=self._s.today(),
            items=tuple(items),
            renovation_code=prop.renovation_key if prop else "",
            permit_kind="پیش‌نویس پروانه ساختمانی",
        )
        pdf = build_permit_checklist(data)
        with self._s.uow() as uow:
            self._s.audit.record(
                uow.session,
                actor,
                "permits.draft_printed",
                "case",
                case_id,
                {"tracking_number": tracking, "complete": draft.complete},
            )
            uow.commit()
        return pdf

    def _office(self) -> Any:
        printing = getattr(self._s, "printing", None)
        if printing is not None:
            return printing.office_info()  # the office's name and address as the administration set them
        from app.printing.data import OfficeInfo

        return OfficeInfo(name="دفتر خدمات الکترونیک شهر", code=self._s.office_code)

    def waiting_cases(self, actor: Actor) -> list[str]:
        """Ids of the permit cases in this unit's open states (for tests and the demo)."""
        with self._s.uow(writer=False) as uow:
            return list(
                uow.session.scalars(
                    select(Case.id).where(
                        Case.workflow_id == PERMIT_WORKFLOW, Case.closed_at.is_(None), Case.deleted.is_(False)
                    )
                )
            )
