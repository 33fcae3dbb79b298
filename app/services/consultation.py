"""Consultation (unit 10): the log of questions citizens and experts bring (who asked, topic, question, answer,
related case, consultant), the reference of detailed-plan zones and what each allows, and a knowledge base of earlier
answers.

The zone reference is ``app.domain.rules.zones.DEFAULT_ZONES`` overlaid with the consultation unit's edits (rows of
``zone_rule``, one per code; a row replaces the built-in zone of the same code, a new code adds a sub-zone). The
knowledge base searches answered consultations by ``search_key`` (ی/ي, ک/ك, ZWNJ and space, Persian and ASCII digits
all fold to one form); every word of the query must appear.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import NotFoundError, ValidationError
from app.domain.rules.common import RuleError
from app.domain.rules.zones import DEFAULT_ZONES, USES, Zone, ZoneTable
from app.domain.text import normalize, search_key
from app.domain.units import OFFICE_HEAD, TECHNICAL_MANAGER
from app.domain.workflows import Actor
from app.models import Case, Consultation, ZoneRule
from app.services.common import Area, require_roles
from app.services.dto import Changes
from app.services.followup import fail, new_row, required_text, touch_row, user_names

if TYPE_CHECKING:
    from app.services.context import Services

CONSULT_ROLES = frozenset({"consultation.consultant", "consultation.head", TECHNICAL_MANAGER, OFFICE_HEAD})
TOPICS = ("detailed_plan", "municipal_law", "case_problem", "other")
ASKER_KINDS = ("citizen", "expert")
ENTITY = "consultation"
ZONE_ENTITY = "zone_rule"


@dataclass(frozen=True)
class ConsultationLine:
    id: str
    asked_at: dt.datetime
    asker_name: str
    asker_kind: str
    topic: str
    question: str
    answer: str
    tracking_number: str
    zone_code: str
    consultant_name: str
    answered_at: dt.datetime | None


@dataclass(frozen=True)
class ZoneLine:
    code: str
    family: str
    title_fa: str
    title_en: str
    allowed_uses: tuple[str, ...]
    uses_fa: str  # the allowed uses in Persian, joined
    max_density_percent: int
    max_floors: int
    max_coverage_percent: int
    notes_fa: str
    edited: bool  # changed or added by the unit (not the built-in reference)


@dataclass(frozen=True)
class Saved:
    id: str
    changes: Changes


def consultation_key(topic: str, question: str, answer: str, asker: str, zone: str) -> str:
    return search_key(" ".join((topic, question, answer, asker, zone)))


def _zone_line(z: Zone, edited: bool) -> ZoneLine:
    uses = tuple(sorted(z.allowed_uses))
    return ZoneLine(z.code, z.family, z.title_fa, z.title_en, uses, "، ".join(USES[u] for u in uses),
                    z.max_density_percent, z.max_floors, z.max_coverage_percent, z.notes_fa, edited)  # fmt: skip


class ConsultationService(Area):
    def __init__(self, services: Services) -> None:
        super().__init__(services)

    # -- the log ---------------------------------------------------------------------------------------------------
    def log(
        self, actor: Actor, *, asker_name: str, asker_kind: str, topic: str, question: str, answer: str = "",
        tracking: str = "", zone_code: str = "",
    ) -> Saved:  # fmt: skip
        """Record a consultation; with an answer it joins the knowledge base at once."""
        require_roles(actor, CONSULT_ROLES, "consultation.forbidden")
        errors: dict[str, str] = {}
        asker = required_text(asker_name, "asker", errors, "consultation.asker_required")
        if asker_kind not in ASKER_KINDS:
            errors["asker_kind"] = "field.required"
        if topic not in TOPICS:
            errors["topic"] = "consultation.topic"
        q = required_text(question, "question", errors, "consultation.question_required")
        case_id = None
        if tracking.strip():
            case_id = self._s.cases.case_id_by_tracking(tracking)
            if case_id is None:
                errors["tracking"] = "case.not_found"
        zone = zone_code.strip().upper()
        if zone and zone not in self._table().zones:
            errors["zone"] = "consultation.unknown_zone"
        a = normalize(answer).strip()
        fail(errors)
        now = self._s.now()
        with self._s.uow() as uow:
            row = Consultation(asker_name=asker, asker_kind=asker_kind, topic=topic, question=q, answer=a,
                               case_id=case_id, zone_code=zone, consultant_id=actor.user_id, asked_at=now,
                               answered_at=now if a else None,
                               search_text=consultation_key(topic, q, a, asker, zone))  # fmt: skip
            new_row(self._s, uow.session, actor, row, ENTITY, "consultation.logged",
                    {"topic": topic, "case_id": case_id or "", "answered": bool(a)})  # fmt: skip
            uow.commit()
            return Saved(row.id, Changes(frozenset({case_id}) if case_id else frozenset(), frozenset({ENTITY})))

    def answer(self, actor: Actor, consultation_id: str, answer: str) -> Saved:
        """Answer (or correct the answer of) a consultation."""
        require_roles(actor, CONSULT_ROLES, "consultation.forbidden")
        errors: dict[str, str] = {}
        text = required_text(answer, "answer", errors, "consultation.answer_required")
        fail(errors)
        with self._s.uow() as uow:
            row = uow.session.get(Consultation, consultation_id)
            if row is None or row.deleted:
                raise NotFoundError("consultation.not_found", consultation_id=consultation_id)
            row.answer = text
            row.answered_at = self._s.now()
            row.consultant_id = actor.user_id
            row.search_text = consultation_key(row.topic, row.question, text, row.asker_name, row.zone_code)
            touch_row(self._s, uow.session, actor, row, ENTITY,
                      ["answer", "answered_at", "consultant_id", "search_text"], "consultation.answered")  # fmt: skip
            uow.commit()
            return Saved(row.id, Changes(entities=frozenset({ENTITY})))

    def _lines(self, session: Session, rows: Iterable[tuple[Consultation, str | None]]) -> list[ConsultationLine]:
        names = user_names(session)
        return [
            ConsultationLine(c.id, c.asked_at, c.asker_name, c.asker_kind, c.topic, c.question, c.answer, tn or "",
                             c.zone_code, names.get(c.consultant_id, ""), c.answered_at)
            for c, tn in rows
        ]  # fmt: skip

    def consultations(self, actor: Actor, *, unanswered_only: bool = False, limit: int = 500) -> list[ConsultationLine]:
        """The log, newest first."""
        require_roles(actor, CONSULT_ROLES, "consultation.forbidden")
        query = (
            select(Consultation, Case.tracking_number)
            .outerjoin(Case, Case.id == Consultation.case_id)
            .where(Consultation.deleted.is_(False))
        )
        if unanswered_only:
            query = query.where(Consultation.answer == "")
        with self._s.uow(writer=False) as uow:
            rows = uow.session.execute(query.order_by(Consultation.asked_at.desc()).limit(limit)).all()
            return self._lines(uow.session, [(r[0], r[1]) for r in rows])

    def search(self, actor: Actor, text: str, *, topic: str = "") -> list[ConsultationLine]:
        """The knowledge base: answered consultations containing every word of ``text``, newest first."""
        require_roles(actor, CONSULT_ROLES, "consultation.forbidden")
        words = search_key(text).split()
        query = (
            select(Consultation, Case.tracking_number)
            .outerjoin(Case, Case.id == Consultation.case_id)
            .where(Consultation.deleted.is_(False), Consultation.answer != "")
        )
        for word in words:
            query = query.where(Consultation.search_text.contains(word, autoescape=True))
        if topic:
            query = query.where(Consultation.topic == topic)
        with self._s.uow(writer=False) as uow:
            rows = uow.session.execute(query.order_by(Consultation.answered_at.desc()).limit(200)).all()
            return self._lines(uow.session, [(r[0], r[1]) for r in rows])

    # -- the zone reference ----------------------------------------------------------------------------------------
    def _edited_rows(self, session: Session) -> list[ZoneRule]:
        return list(session.scalars(select(ZoneRule).where(ZoneRule.deleted.is_(False))))

    def _table(self) -> ZoneTable:
        with self._s.uow(writer=False) as uow:
            rows = self._edited_rows(uow.session)
        table = DEFAULT_ZONES
        for r in rows:
            table = table.with_zone(self._zone_of(r))
        return table

    @staticmethod
    def _zone_of(r: ZoneRule) -> Zone:
        return Zone(r.code, r.title_fa, r.title_en, frozenset(r.allowed_uses), r.max_density_percent, r.max_floors,
                    r.max_coverage_percent, r.notes_fa)  # fmt: skip

    def zone_table(self) -> ZoneTable:
        """The office's zone reference (built-in zones with the unit's edits)."""
        return self._table()

    def zones(self, actor: Actor, text: str = "") -> list[ZoneLine]:
        """The reference, or the zones matching ``text`` (code prefix, title, notes or a use such as «تجاری»)."""
        require_roles(actor, CONSULT_ROLES, "consultation.forbidden")
        with self._s.uow(writer=False) as uow:
            edited = {r.code for r in self._edited_rows(uow.session)}
        return [_zone_line(z, z.code in edited) for z in self._table().search(text)]

    def save_zone(
        self, actor: Actor, *, code: str, title_fa: str, title_en: str = "", allowed_uses: Iterable[str],
        max_density_percent: int, max_floors: int, max_coverage_percent: int, notes_fa: str = "",
    ) -> Saved:  # fmt: skip
        """Add a sub-zone or change a zone's title, uses and ceilings. Refused: a malformed code, no title, an unknown
        use, negative or impossible ceilings."""
        require_roles(actor, CONSULT_ROLES, "consultation.forbidden")
        if not normalize(title_fa).strip():
            raise ValidationError("zone.title_required", field="title")
        try:
            zone = Zone(code.strip().upper(), normalize(title_fa).strip(), title_en.strip(), frozenset(allowed_uses),
                        int(max_density_percent), int(max_floors), int(max_coverage_percent), normalize(notes_fa))  # fmt: skip
        except (TypeError, ValueError):
            raise RuleError("zone.limits", field="limits") from None
        with self._s.uow() as uow:
            session = uow.session
            row = session.scalar(select(ZoneRule).where(ZoneRule.code == zone.code))
            values = zone.to_dict()
            if row is None:
                row = ZoneRule(**values)
                new_row(self._s, session, actor, row, ZONE_ENTITY, "zone.saved",
                        {"code": zone.code, "new": zone.code not in DEFAULT_ZONES.zones})  # fmt: skip
            else:
                changed = [k for k, v in values.items() if getattr(row, k) != v] or ["title_fa"]
                for k, v in values.items():
                    setattr(row, k, v)
                row.deleted = False
                touch_row(self._s, session, actor, row, ZONE_ENTITY, [*changed, "deleted"], "zone.saved",
                          {"code": zone.code})  # fmt: skip
            uow.commit()
            return Saved(row.id, Changes(entities=frozenset({ZONE_ENTITY})))
