"""Municipality liaisons (unit 9): staff stationed at the district municipalities who chase files there.

The head of liaisons gives each liaison tasks (follow a file at the district, solve a file's problem with a named
municipal expert, special follow-up of a special file, green-space follow-up in the zone) with a due date; the liaison
closes a task with its outcome. Each liaison sees their own list; the head sees everyone's and a summary per liaison
(done, late, average days to finish). "Late" compares the Tehran day of the outcome with the due date; an open task
is late once its due date has passed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError, NotFoundError, ValidationError
from app.domain.rules.worktime import to_tehran
from app.domain.text import normalize
from app.domain.units import OFFICE_HEAD
from app.domain.workflows import Actor
from app.models import Case, LiaisonTask, User, UserRole
from app.services.common import Area, require_roles
from app.services.dto import Changes
from app.services.followup import fail, new_row, required_text, touch_row, user_names

if TYPE_CHECKING:
    from app.services.context import Services

LIAISON_ROLE = "liaison.liaison"
HEAD_ROLES = frozenset({"liaison.head", OFFICE_HEAD})
LIAISON_ROLES = HEAD_ROLES | {LIAISON_ROLE}
KINDS = ("district_followup", "problem_solving", "special_followup", "green_space")
KINDS_NEEDING_CASE = frozenset({"district_followup", "problem_solving", "special_followup"})
DISTRICTS = range(1, 23)  # Tehran's 22 districts
ENTITY = "liaison_task"
CHANGES = Changes(entities=frozenset({ENTITY}))


@dataclass(frozen=True)
class TaskLine:
    id: str
    kind: str
    liaison_id: str
    liaison_name: str
    district: int
    municipal_expert: str
    title: str
    tracking_number: str
    due_date: dt.date
    status: str  # open | done | cancelled
    late: bool
    outcome: str
    notes: str
    assigned_at: dt.datetime
    done_at: dt.datetime | None


@dataclass(frozen=True)
class LiaisonSummary:
    liaison_id: str
    name: str
    open: int
    done: int
    late: int  # done after the due date, or open past it
    average_days: float | None  # calendar days from assignment to outcome, over the done tasks


@dataclass(frozen=True)
class TaskSaved:
    id: str
    changes: Changes


def _late(task: LiaisonTask, today: dt.date) -> bool:
    if task.status == "done" and task.done_at is not None:
        return to_tehran(task.done_at).date() > task.due_date
    return task.status == "open" and today > task.due_date


class LiaisonService(Area):
    def __init__(self, services: Services) -> None:
        super().__init__(services)

    # -- who -------------------------------------------------------------------------------------------------------
    def liaisons(self) -> list[tuple[str, str]]:
        """(user id, name) of the active liaisons, by name."""
        with self._s.uow(writer=False) as uow:
            rows = uow.session.execute(
                select(User.id, User.full_name).join(UserRole, UserRole.user_id == User.id)
                .where(UserRole.role == LIAISON_ROLE, User.active.is_(True), UserRole.deleted.is_(False))
                .distinct().order_by(User.full_name)
            ).all()  # fmt: skip
        return [(r[0], r[1]) for r in rows]

    # -- writing ---------------------------------------------------------------------------------------------------
    def assign_task(
        self, actor: Actor, *, kind: str, liaison_id: str, district: int, title: str, due_date: dt.date,
        tracking: str = "", municipal_expert: str = "", notes: str = "",
    ) -> TaskSaved:  # fmt: skip
        """The head gives a liaison a task. Refused field by field: unknown kind or liaison, no title, a due date
        already passed, a district outside 1–22, a problem to solve without the municipal expert's name, a file
        task without a known tracking number."""
        require_roles(actor, HEAD_ROLES, "liaison.forbidden")
        errors: dict[str, str] = {}
        if kind not in KINDS:
            errors["kind"] = "liaison.kind"
        if liaison_id not in {uid for uid, _ in self.liaisons()}:
            errors["liaison"] = "liaison.unknown_liaison"
        if district not in DISTRICTS:
            errors["district"] = "liaison.district"
        text = required_text(title, "title", errors, "liaison.title_required")
        case_id = None
        if tracking.strip():
            case_id = self._s.cases.case_id_by_tracking(tracking)
            if case_id is None:
                errors["tracking"] = "case.not_found"
        elif kind in KINDS_NEEDING_CASE:
            errors["tracking"] = "field.required"
        expert = normalize(municipal_expert).strip()
        if kind == "problem_solving" and not expert:
            errors["expert"] = "liaison.expert_required"
        if due_date < self._s.today():
            errors["due_date"] = "liaison.due_past"
        fail(errors)
        with self._s.uow() as uow:
            row = LiaisonTask(kind=kind, case_id=case_id, liaison_id=liaison_id, district=district,
                              municipal_expert=expert, title=text, due_date=due_date, status="open", outcome="",
                              notes=normalize(notes).strip(), assigned_by_id=actor.user_id, assigned_at=self._s.now(),
                              done_at=None)  # fmt: skip
            new_row(self._s, uow.session, actor, row, ENTITY, "liaison.task_assigned",
                    {"kind": kind, "liaison_id": liaison_id, "case_id": case_id or "", "due_date": due_date})  # fmt: skip
            uow.commit()
            return TaskSaved(row.id, CHANGES)

    def _task(self, session: Session, task_id: str) -> LiaisonTask:
        row = session.get(LiaisonTask, task_id)
        if row is None or row.deleted:
            raise NotFoundError("liaison.not_found", task_id=task_id)
        return row

    def _own_or_head(self, actor: Actor, row: LiaisonTask) -> None:
        if row.liaison_id != actor.user_id and not actor.has_any_role(HEAD_ROLES):
            raise DomainError("liaison.not_yours")

    def complete_task(self, actor: Actor, task_id: str, outcome: str, notes: str = "") -> TaskSaved:
        """The liaison (or the head) closes an open task with its outcome; notes are added to the task's notes."""
        require_roles(actor, LIAISON_ROLES, "liaison.forbidden")
        errors: dict[str, str] = {}
        text = required_text(outcome, "outcome", errors, "liaison.outcome_required")
        fail(errors)
        with self._s.uow() as uow:
            row = self._task(uow.session, task_id)
            self._own_or_head(actor, row)
            if row.status != "open":
                raise ValidationError("liaison.not_open", field="outcome")
            row.status = "done"
            row.outcome = text
            row.done_at = self._s.now()
            changed = ["status", "outcome", "done_at"]
            extra = normalize(notes).strip()
            if extra:
                row.notes = f"{row.notes}\n{extra}".strip()
                changed.append("notes")
            late = to_tehran(row.done_at).date() > row.due_date
            touch_row(self._s, uow.session, actor, row, ENTITY, changed, "liaison.task_done", {"late": late})
            uow.commit()
            return TaskSaved(row.id, CHANGES)

    def add_note(self, actor: Actor, task_id: str, note: str) -> TaskSaved:
        """A progress note on a task (what was done at the district so far)."""
        require_roles(actor, LIAISON_ROLES, "liaison.forbidden")
        errors: dict[str, str] = {}
        text = required_text(note, "note", errors)
        fail(errors)
        with self._s.uow() as uow:
            row = self._task(uow.session, task_id)
            self._own_or_head(actor, row)
            row.notes = f"{row.notes}\n{text}".strip()
            touch_row(self._s, uow.session, actor, row, ENTITY, ["notes"], "liaison.task_noted")
            uow.commit()
            return TaskSaved(row.id, CHANGES)

    # -- reading ---------------------------------------------------------------------------------------------------
    def tasks(self, actor: Actor, *, mine: bool = False, status: str = "") -> list[TaskLine]:
        """A liaison sees their own tasks; the head sees everyone's (or their own with ``mine``). Open first, by due
        date."""
        require_roles(actor, LIAISON_ROLES, "liaison.forbidden")
        query = (
            select(LiaisonTask, Case.tracking_number)
            .outerjoin(Case, Case.id == LiaisonTask.case_id)
            .where(LiaisonTask.deleted.is_(False))
        )
        if mine or not actor.has_any_role(HEAD_ROLES):
            query = query.where(LiaisonTask.liaison_id == actor.user_id)
        if status:
            query = query.where(LiaisonTask.status == status)
        today = self._s.today()
        with self._s.uow(writer=False) as uow:
            names = user_names(uow.session)
            rows = uow.session.execute(query).all()
        lines = [
            TaskLine(t.id, t.kind, t.liaison_id, names.get(t.liaison_id, ""), t.district, t.municipal_expert, t.title,
                     tn or "", t.due_date, t.status, _late(t, today), t.outcome, t.notes, t.assigned_at, t.done_at)
            for t, tn in rows
        ]  # fmt: skip
        lines.sort(key=lambda t: (t.status != "open", t.due_date, t.title))
        return lines

    def summary(self, actor: Actor) -> list[LiaisonSummary]:
        """The head's view: per liaison, open and done tasks, how many were (or are) late, average days to finish."""
        require_roles(actor, HEAD_ROLES, "liaison.forbidden")
        today = self._s.today()
        with self._s.uow(writer=False) as uow:
            names = user_names(uow.session)
            rows = uow.session.scalars(select(LiaisonTask).where(LiaisonTask.deleted.is_(False))).all()
        by: dict[str, list[LiaisonTask]] = defaultdict(list)
        for t in rows:
            by[t.liaison_id].append(t)
        for uid, _name in self.liaisons():
            by.setdefault(uid, [])
        out = []
        for uid, tasks in by.items():
            done = [t for t in tasks if t.status == "done" and t.done_at is not None]
            days = [(to_tehran(t.done_at).date() - to_tehran(t.assigned_at).date()).days for t in done if t.done_at]
            out.append(
                LiaisonSummary(uid, names.get(uid, ""), sum(1 for t in tasks if t.status == "open"), len(done),
                               sum(1 for t in tasks if _late(t, today)), sum(days) / len(days) if days else None)
            )  # fmt: skip
        out.sort(key=lambda s: (-s.late, s.name))
        return out
