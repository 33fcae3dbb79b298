"""The technical manager (unit 12): the register of resolutions and circulars distributed to units with each staff
member's acknowledgement, the log of letters with other agencies (secretariat numbers), and staff's technical questions
with their answers.

A circular's scanned text goes into the content-addressed ``FileStore`` (its sha256 on the row; sync ships the file
first). It is distributed to units: every user holding a role of one of those units sees it among their circulars and
acknowledges it once (``circular_ack``, one row per user, never changed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.catalog import CATALOG
from app.domain.errors import DomainError, NotFoundError, ValidationError
from app.domain.text import normalize, search_key
from app.domain.units import OFFICE_HEAD, TECHNICAL_MANAGER, is_unit, units_of_roles
from app.domain.workflows import Actor
from app.models import Case, Circular, CircularAck, Correspondence, TechQuestion, User, UserRole
from app.services.common import Area, require_roles
from app.services.dto import Changes
from app.services.followup import fail, new_row, required_text, touch_row, user_names

if TYPE_CHECKING:
    from app.services.context import Services

MANAGER_ROLES = frozenset({TECHNICAL_MANAGER, "technical.secretary", OFFICE_HEAD})
ANSWER_ROLES = frozenset({TECHNICAL_MANAGER, OFFICE_HEAD})
CIRCULAR_KINDS = ("resolution", "circular")
AGENCIES = ("fire", "engineering", "gardens", "technology", "municipality", "other")
DIRECTIONS = ("outgoing", "incoming")
MAX_SCAN_BYTES = 30 * 1024 * 1024


@dataclass(frozen=True)
class CircularLine:
    id: str
    kind: str
    number: str
    issued_on: dt.date
    issuer: str
    subject: str
    body_text: str
    effective_on: dt.date
    services: tuple[str, ...]
    units: tuple[str, ...]
    scan_sha256: str | None
    acknowledged: int  # how many staff acknowledged it
    addressed: int  # how many staff it reaches
    my_ack: dt.datetime | None  # when the reader acknowledged it


@dataclass(frozen=True)
class AckLine:
    user_id: str
    name: str
    acknowledged_at: dt.datetime | None


@dataclass(frozen=True)
class LetterLine:
    id: str
    agency: str
    direction: str
    secretariat_no: str
    letter_date: dt.date
    subject: str
    tracking_number: str
    in_reply_to_no: str
    answered: bool
    notes: str


@dataclass(frozen=True)
class QuestionLine:
    id: str
    asked_by: str
    asked_at: dt.datetime
    question: str
    tracking_number: str
    answer: str
    answered_by: str
    answered_at: dt.datetime | None


@dataclass(frozen=True)
class Saved:
    id: str
    changes: Changes


def _staff_units(session: Session) -> dict[str, frozenset[str]]:
    """user id → units of the user's roles (active users only)."""
    roles: dict[str, set[str]] = {}
    for uid, role in session.execute(
        select(UserRole.user_id, UserRole.role).join(User, User.id == UserRole.user_id)
        .where(User.active.is_(True), UserRole.deleted.is_(False))
    ):  # fmt: skip
        roles.setdefault(uid, set()).add(role)
    return {uid: units_of_roles(r) for uid, r in roles.items()}


class TechnicalService(Area):
    def __init__(self, services: Services) -> None:
        super().__init__(services)

    def _case_of(self, tracking: str, errors: dict[str, str]) -> str | None:
        if not tracking.strip():
            return None
        case_id = self._s.cases.case_id_by_tracking(tracking)
        if case_id is None:
            errors["tracking"] = "case.not_found"
        return case_id

    # -- circulars -------------------------------------------------------------------------------------------------
    def register_circular(
        self, actor: Actor, *, kind: str, number: str, issued_on: dt.date, issuer: str, subject: str,
        effective_on: dt.date, units: Iterable[str], services: Iterable[str] = (), body_text: str = "",
        scan_path: Path | None = None,
    ) -> Saved:  # fmt: skip
        """Register a resolution or circular and distribute it to ``units``; the scan (PDF or image) is copied into
        the file store."""
        require_roles(actor, MANAGER_ROLES, "technical.forbidden")
        errors: dict[str, str] = {}
        if kind not in CIRCULAR_KINDS:
            errors["kind"] = "circular.kind"
        no = normalize(number).strip()
        if not no:
            errors["number"] = "circular.number_required"
        who = required_text(issuer, "issuer", errors, "circular.issuer_required")
        what = required_text(subject, "subject", errors, "circular.subject_required")
        if effective_on < issued_on:
            errors["effective_on"] = "circular.effective_before_issue"
        unit_list = sorted(set(units))
        if not unit_list or not all(is_unit(u) for u in unit_list):
            errors["units"] = "circular.no_units"
        service_list = sorted(set(services))
        if any(CATALOG.find(code) is None for code in service_list):
            errors["services"] = "circular.unknown_service"
        if scan_path is not None and (not scan_path.is_file() or scan_path.stat().st_size > MAX_SCAN_BYTES):
            errors["scan"] = "field.required"
        fail(errors)
        with self._s.uow() as uow:
            session = uow.session
            if session.scalar(select(Circular.id).where(Circular.kind == kind, Circular.number == no)):
                raise ValidationError("circular.duplicate", field="number")
            sha = self._s.files.put_file(scan_path) if scan_path is not None else None
            body = normalize(body_text).strip()
            row = Circular(kind=kind, number=no, issued_on=issued_on, issuer=who, subject=what, body_text=body,
                           scan_sha256=sha, effective_on=effective_on, services=service_list, units=unit_list,
                           registered_by_id=actor.user_id,
                           search_text=search_key(" ".join((no, who, what, body))))  # fmt: skip
            new_row(self._s, session, actor, row, "circular", "circular.registered",
                    {"kind": kind, "number": no, "units": unit_list, "scan_sha256": sha or ""})  # fmt: skip
            uow.commit()
            return Saved(row.id, Changes(entities=frozenset({"circular"})))

    def _lines(self, session: Session, rows: Iterable[Circular], reader: str) -> list[CircularLine]:
        staff = _staff_units(session)
        acks: dict[str, set[str]] = {}
        for cid, uid in session.execute(select(CircularAck.circular_id, CircularAck.user_id)):
            acks.setdefault(cid, set()).add(uid)
        mine = {r[0]: r[1] for r in session.execute(
            select(CircularAck.circular_id, CircularAck.acknowledged_at).where(CircularAck.user_id == reader)
        )}  # fmt: skip
        out = []
        for c in rows:
            reached = {uid for uid, us in staff.items() if us & set(c.units)}
            out.append(
                CircularLine(c.id, c.kind, c.number, c.issued_on, c.issuer, c.subject, c.body_text, c.effective_on,
                             tuple(c.services), tuple(c.units), c.scan_sha256, len(acks.get(c.id, set()) & reached),
                             len(reached), mine.get(c.id))
            )  # fmt: skip
        return out

    def circulars(self, actor: Actor, text: str = "") -> list[CircularLine]:
        """The whole register (technical manager's unit), newest first; ``text`` searches number, issuer, subject
        and text."""
        require_roles(actor, MANAGER_ROLES, "technical.forbidden")
        query = select(Circular).where(Circular.deleted.is_(False))
        for word in search_key(text).split():
            query = query.where(Circular.search_text.contains(word, autoescape=True))
        with self._s.uow(writer=False) as uow:
            rows = uow.session.scalars(query.order_by(Circular.issued_on.desc(), Circular.number.desc())).all()
            return self._lines(uow.session, rows, actor.user_id)

    def my_circulars(self, actor: Actor) -> list[CircularLine]:
        """The circulars sent to any of the reader's units, unacknowledged first."""
        units = actor.units
        with self._s.uow(writer=False) as uow:
            rows = [c for c in uow.session.scalars(select(Circular).where(Circular.deleted.is_(False)))
                    if units & set(c.units)]  # fmt: skip
            lines = self._lines(uow.session, rows, actor.user_id)
        lines.sort(key=lambda c: (c.my_ack is not None, -c.issued_on.toordinal(), c.number))
        return lines

    def acknowledge(self, actor: Actor, circular_id: str) -> Saved:
        with self._s.uow() as uow:
            session = uow.session
            c = session.get(Circular, circular_id)
            if c is None or c.deleted:
                raise NotFoundError("circular.not_found", circular_id=circular_id)
            if not actor.units & set(c.units):
                raise DomainError("circular.not_addressed")
            if session.scalar(select(CircularAck.id).where(CircularAck.circular_id == c.id,
                                                           CircularAck.user_id == actor.user_id)):  # fmt: skip
                raise DomainError("circular.already_acknowledged")
            row = CircularAck(circular_id=c.id, user_id=actor.user_id, acknowledged_at=self._s.now())
            new_row(self._s, session, actor, row, "circular_ack", "circular.acknowledged",
                    {"circular_id": c.id, "number": c.number})  # fmt: skip
            uow.commit()
            return Saved(row.id, Changes(entities=frozenset({"circular_ack"})))

    def acknowledgements(self, actor: Actor, circular_id: str) -> list[AckLine]:
        """Every staff member the circular reaches, and when they acknowledged it (None: not yet)."""
        require_roles(actor, MANAGER_ROLES, "technical.forbidden")
        with self._s.uow(writer=False) as uow:
            session = uow.session
            c = session.get(Circular, circular_id)
            if c is None or c.deleted:
                raise NotFoundError("circular.not_found", circular_id=circular_id)
            names = user_names(session)
            acks = {r[0]: r[1] for r in session.execute(
                select(CircularAck.user_id, CircularAck.acknowledged_at).where(CircularAck.circular_id == c.id)
            )}  # fmt: skip
            reached = [uid for uid, us in _staff_units(session).items() if us & set(c.units)]
        lines = [AckLine(uid, names.get(uid, ""), acks.get(uid)) for uid in reached]
        lines.sort(key=lambda a: (a.acknowledged_at is not None, a.name))
        return lines

    def scan_path(self, circular_id: str) -> Path | None:
        """The stored scan of a circular (None without one, or before sync brought the file)."""
        with self._s.uow(writer=False) as uow:
            sha = uow.session.scalar(select(Circular.scan_sha256).where(Circular.id == circular_id))
        if not sha or not self._s.files.has(sha):
            return None
        return self._s.files.path_of(sha)

    # -- correspondence ----------------------------------------------------------------------------------------------
    def log_letter(
        self, actor: Actor, *, agency: str, direction: str, secretariat_no: str, letter_date: dt.date, subject: str,
        tracking: str = "", in_reply_to_id: str | None = None, notes: str = "",
    ) -> Saved:  # fmt: skip
        """Log a letter to or from an agency; an incoming reply marks the letter it answers as answered."""
        require_roles(actor, MANAGER_ROLES, "technical.forbidden")
        errors: dict[str, str] = {}
        if agency not in AGENCIES:
            errors["agency"] = "correspondence.agency"
        if direction not in DIRECTIONS:
            errors["direction"] = "correspondence.direction"
        no = normalize(secretariat_no).strip()
        if not no:
            errors["secretariat_no"] = "correspondence.number_required"
        what = required_text(subject, "subject", errors, "correspondence.subject_required")
        case_id = self._case_of(tracking, errors)
        fail(errors)
        with self._s.uow() as uow:
            session = uow.session
            if session.scalar(select(Correspondence.id).where(Correspondence.secretariat_no == no)):
                raise ValidationError("correspondence.duplicate", field="secretariat_no")
            original = session.get(Correspondence, in_reply_to_id) if in_reply_to_id else None
            row = Correspondence(agency=agency, direction=direction, secretariat_no=no, letter_date=letter_date,
                                 subject=what, case_id=case_id, in_reply_to_id=original.id if original else None,
                                 answered=False, notes=normalize(notes).strip(),
                                 registered_by_id=actor.user_id)  # fmt: skip
            new_row(self._s, session, actor, row, "correspondence", "correspondence.logged",
                    {"agency": agency, "direction": direction, "secretariat_no": no, "case_id": case_id or ""})  # fmt: skip
            if original is not None and not original.answered:
                original.answered = True
                touch_row(self._s, session, actor, original, "correspondence", ["answered"],
                          "correspondence.answered", {"reply_id": row.id})  # fmt: skip
            uow.commit()
            ids = frozenset({case_id}) if case_id else frozenset()
            return Saved(row.id, Changes(ids, frozenset({"correspondence"})))

    def letters(self, actor: Actor, *, agency: str = "") -> list[LetterLine]:
        require_roles(actor, MANAGER_ROLES, "technical.forbidden")
        query = (
            select(Correspondence, Case.tracking_number)
            .outerjoin(Case, Case.id == Correspondence.case_id)
            .where(Correspondence.deleted.is_(False))
        )
        if agency:
            query = query.where(Correspondence.agency == agency)
        with self._s.uow(writer=False) as uow:
            numbers = {
                r[0]: r[1] for r in uow.session.execute(select(Correspondence.id, Correspondence.secretariat_no))
            }
            rows = uow.session.execute(
                query.order_by(Correspondence.letter_date.desc(), Correspondence.secretariat_no.desc())
            ).all()
        return [
            LetterLine(c.id, c.agency, c.direction, c.secretariat_no, c.letter_date, c.subject, tn or "",
                       numbers.get(c.in_reply_to_id or "", ""), c.answered, c.notes)
            for c, tn in rows
        ]  # fmt: skip

    # -- technical questions ---------------------------------------------------------------------------------------
    def ask(self, actor: Actor, question: str, tracking: str = "") -> Saved:
        """Any staff member asks the technical manager a question (optionally about a case)."""
        errors: dict[str, str] = {}
        text = required_text(question, "question", errors, "question.required")
        case_id = self._case_of(tracking, errors)
        fail(errors)
        with self._s.uow() as uow:
            row = TechQuestion(asked_by_id=actor.user_id, question=text, case_id=case_id, asked_at=self._s.now(),
                               answer="", answered_by_id=None, answered_at=None)  # fmt: skip
            new_row(self._s, uow.session, actor, row, "tech_question", "tech_question.asked",
                    {"case_id": case_id or ""})  # fmt: skip
            uow.commit()
            return Saved(row.id, Changes(entities=frozenset({"tech_question"})))

    def answer(self, actor: Actor, question_id: str, answer: str) -> Saved:
        require_roles(actor, ANSWER_ROLES, "technical.forbidden")
        errors: dict[str, str] = {}
        text = required_text(answer, "answer", errors, "question.answer_required")
        fail(errors)
        with self._s.uow() as uow:
            row = uow.session.get(TechQuestion, question_id)
            if row is None or row.deleted:
                raise NotFoundError("question.not_found", question_id=question_id)
            if row.answer:
                raise ValidationError("question.answered", field="answer")
            row.answer = text
            row.answered_by_id = actor.user_id
            row.answered_at = self._s.now()
            touch_row(self._s, uow.session, actor, row, "tech_question", ["answer", "answered_by_id", "answered_at"],
                      "tech_question.answered")  # fmt: skip
            uow.commit()
            return Saved(row.id, Changes(entities=frozenset({"tech_question"})))

    def questions(self, actor: Actor, *, unanswered_only: bool = False) -> list[QuestionLine]:
        """The technical manager's unit sees every question; anyone else sees their own. Unanswered first."""
        query = (
            select(TechQuestion, Case.tracking_number)
            .outerjoin(Case, Case.id == TechQuestion.case_id)
            .where(TechQuestion.deleted.is_(False))
        )
        if not actor.has_any_role(MANAGER_ROLES):
            query = query.where(TechQuestion.asked_by_id == actor.user_id)
        if unanswered_only:
            query = query.where(TechQuestion.answer == "")
        with self._s.uow(writer=False) as uow:
            names = user_names(uow.session)
            rows = uow.session.execute(query.order_by(TechQuestion.asked_at.desc())).all()
        lines = [
            QuestionLine(q.id, names.get(q.asked_by_id, ""), q.asked_at, q.question, tn or "", q.answer,
                         names.get(q.answered_by_id or "", ""), q.answered_at)
            for q, tn in rows
        ]  # fmt: skip
        lines.sort(key=lambda q: q.answered_at is not None)
        return lines

    def unacknowledged_count(self, actor: Actor) -> int:
        return sum(1 for c in self.my_circulars(actor) if c.my_ack is None)
