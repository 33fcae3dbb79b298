"""Permit drafts (پیش‌نویس صدور پروانه): the checklist, the supervising engineers, the permit's figures, the draft
sheet, and sending the draft on through the workflow.

The draft lives in the case's facts (``permit_draft``), so it syncs with the case. Saving it also records the facts
the workflow's guards read: ``checklist_complete`` with ``open_checklist_items``, and ``technical_id_recorded``.
``submit`` checks the draft first and refuses with the Persian names of what is missing, before the engine's own
guards (which stay the final word). Every save, print and refusal-free action is audited in its transaction.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import select

from app.domain import workflows as wf
from app.domain.errors import DomainError, ValidationError
from app.domain.text import digits_to_ascii, normalize
from app.domain.workflows import Actor
from app.domain.workflows.guards import (
    FACT_CHECKLIST_DONE,
    FACT_FEES_PAID,
    FACT_OPEN_CHECKLIST,
    FACT_TECHNICAL_ID,
    FACT_UNPAID_FEES,
)
from app.models import Case, Person, Property
from app.services.common import Area, get_case_row
from app.services.dto import Changes
from app.services.outbox import enqueue_upsert

FACT_DRAFT = "permit_draft"
PERMIT_WORKFLOW = "permit_draft"
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

# Engineering-organisation membership numbers: digits in groups, like 1-01-12345.
_MEMBER_NO = re.compile(r"^\d{1,3}(-\d{1,4}){0,3}-?\d{3,7}$|^\d{5,12}$")
_TECH_ID = re.compile(r"^[0-9A-Za-z-]{5,30}$")


@dataclass(frozen=True)
class Engineer:
    discipline: str
    name: str
    member_no: str  # engineering-organisation membership number (ASCII digits)


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
                unpaid = [str(f) for f in facts.get(FACT_UNPAID_FEES) or ()]
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
            fees = list(draft.unpaid_fees) or [self._title("the case's fees", "عوارض و بهای خدمات پرونده")]
            raise DomainError("permits.fees_unpaid", fees=fees)
        return self._s.cases.apply_action(actor, case_id, "submit_for_approval", expected_version=expected_version)

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
