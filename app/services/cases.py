"""One case: its full view, workflow actions through the engine, documents and facts."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.domain import workflows as wf
from app.domain.catalog import CATALOG
from app.domain.errors import DomainError, NotFoundError, ValidationError
from app.domain.tracking import is_valid_tracking_number, normalize_tracking_number
from app.domain.units import roles_of_unit
from app.domain.workflows import Actor
from app.models import Case, CaseDocument, CaseEvent, CaseParty, Person, Property, User, UserRole
from app.services.common import OFFICE_HEAD, Area, get_case_row, person_view, property_view
from app.services.dto import (
    ActionOption,
    BlockedAction,
    CaseDetail,
    Changes,
    DocumentLine,
    HistoryLine,
    UserView,
)
from app.services.outbox import enqueue_action, enqueue_upsert
from app.services.workflow_ops import missing_documents, move_case, snapshot_of, store_event

DOCUMENT_ROLES = frozenset({"formation.clerk", "formation.head", "archive.operator", OFFICE_HEAD})
INSPECTION_STATE = "inspection_scheduled"
VISIT_ACTION = "record_visit"


class CaseService(Area):
    # -- reading ---------------------------------------------------------------------------------------------------
    def case_id_by_tracking(self, text: str) -> str | None:
        """The case of a tracking number as typed, printed or scanned (Persian digits, dashes); None if unknown."""
        if not is_valid_tracking_number(text):
            return None
        tn = normalize_tracking_number(text)
        with self._s.uow(writer=False) as uow:
            return uow.session.scalar(select(Case.id).where(Case.tracking_number == tn, Case.deleted.is_(False)))

    def get_case(self, actor: Actor, case_id: str, *, log_view: bool = False) -> CaseDetail:
        """The case's full view. ``log_view``: the case is being opened for a person to read, which shows its
        applicant's and parties' personal data: audited as ``personal_data.viewed`` (for the audit unit)."""
        if log_view:
            self.record_personal_view(actor, case_id)
        with self._s.uow(writer=False) as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            workflow = wf.get_workflow(case.workflow_id)
            applicant = session.get(Person, case.applicant_id)
            assert applicant is not None
            prop = session.get(Property, case.property_id) if case.property_id else None
            assignee = session.get(User, case.assignee_id) if case.assignee_id else None
            docs = session.scalars(
                select(CaseDocument)
                .where(CaseDocument.case_id == case.id, CaseDocument.deleted.is_(False))
                .order_by(CaseDocument.required.desc(), CaseDocument.doc_type)
            ).all()
            events = session.scalars(
                select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(CaseEvent.seq)
            ).all()
            snapshot = snapshot_of(session, case)
            appointments = self._s.appointments.of_case(session, case.id)
            actions = tuple(
                ActionOption(t.action, self._title(t.title_en, t.title_fa), t.needs_note, t.needs_assignee)
                for t in wf.available_actions(workflow, snapshot, actor)
            )
            blocked = tuple(
                BlockedAction(
                    t.action,
                    self._title(t.title_en, t.title_fa),
                    err.code,
                    tuple(str(m) for m in err.params.get("missing", ())),
                )
                for t, err in wf.blocked_actions(workflow, snapshot, actor)
            )
            today = self._s.today()
            return CaseDetail(
                case_id=case.id,
                tracking_number=case.tracking_number,
                version=case.version,
                service_code=case.service_code,
                service_name=self.service_name(case.service_code),
                workflow_id=case.workflow_id,
                state=case.state,
                state_title=self.state_title(case.workflow_id, case.state),
                unit=case.unit,
                assignee_name=assignee.full_name if assignee else "",
                opened_at=case.opened_at,
                due_date=case.due_date,
                applicant=person_view(applicant),
                property=property_view(prop) if prop else None,
                documents=tuple(
                    DocumentLine(
                        d.doc_type, self.document_title(d.doc_type), d.required, d.received, bool(d.file_sha256)
                    )
                    for d in docs
                ),
                history=tuple(
                    HistoryLine(
                        seq=e.seq,
                        at=e.at,
                        action=e.action,
                        action_title=self.action_title(e.action),
                        from_state=e.from_state,
                        to_state=e.to_state,
                        to_state_title=self.state_title(case.workflow_id, e.to_state),
                        unit=e.unit,
                        user_name=e.user_name,
                        note=e.note,
                    )
                    for e in events
                ),
                actions=actions,
                facts=dict(case.facts or {}),
                blocked_actions=blocked,
                assignee_id=case.assignee_id,
                state_due_date=case.state_due_date,
                overdue=bool(case.closed_at is None and case.state_due_date and case.state_due_date < today),
                closed=case.closed_at is not None,
                appointments=tuple(appointments),
            )

    def record_personal_view(self, actor: Actor, case_id: str) -> None:
        with self._s.uow() as uow:
            case = get_case_row(uow.session, case_id)
            parties = uow.session.scalars(
                select(CaseParty.person_id).where(CaseParty.case_id == case.id, CaseParty.deleted.is_(False))
            ).all()
            ids = list(dict.fromkeys([case.applicant_id, *parties]))
            self._s.audit.record(uow.session, actor, "personal_data.viewed", "person", case.applicant_id,
                                 {"by": "case_view", "person_ids": ids, "case_id": case.id, "hits": 1})  # fmt: skip
            uow.commit()

    def referral_candidates(self, case_id: str) -> list[UserView]:
        """Active users of the unit whose cartable holds the case: whom a referral may name."""
        from app.services.auth import user_view

        with self._s.uow(writer=False) as uow:
            case = get_case_row(uow.session, case_id)
            roles = roles_of_unit(case.unit)
            users = uow.session.scalars(
                select(User)
                .join(UserRole, UserRole.user_id == User.id)
                .where(UserRole.role.in_(roles), UserRole.deleted.is_(False), User.active.is_(True))
                .order_by(User.full_name)
            ).unique()
            return [user_view(u) for u in users]

    # -- workflow actions ------------------------------------------------------------------------------------------
    def apply_action(
        self,
        actor: Actor,
        case_id: str,
        action: str,
        *,
        note: str | None = None,
        assignee_id: str | None = None,
        expected_version: int,
        data: dict[str, Any] | None = None,
    ) -> Changes:
        """Apply a workflow action through the engine, refusing a stale version (``workflow.stale_version``)."""
        with self._s.uow() as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            workflow = wf.get_workflow(case.workflow_id)
            if assignee_id is not None:
                assignee = session.get(User, assignee_id)
                if assignee is None or not assignee.active or assignee.deleted:
                    raise ValidationError("cases.unknown_assignee", field="assignee_id")
            now = self._s.now()
            event = wf.apply(
                workflow,
                snapshot_of(session, case),
                actor,
                action,
                at=now,
                workstation_id=str(self._s.workstation_no),
                note=note,
                assignee_id=assignee_id,
                expected_version=expected_version,
                data=data,
            )
            stamp = self._s.stamp()
            unit = workflow.state(event.to_state).unit
            row = store_event(session, self._s, case, event, unit=unit, stamp=stamp)
            if event.from_state == INSPECTION_STATE and event.to_state != INSPECTION_STATE:
                self._s.appointments.close_booked(session, case.id, "done" if action == VISIT_ACTION else "cancelled")
            move_case(self._s, case, event, stamp=stamp)
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
                workstation_no=self._s.workstation_no,
                data=row.data,
            )
            self._s.audit.record(
                session, actor, "case.action", "case", case.id,
                {"tracking_number": case.tracking_number, "action": action, "from_state": event.from_state,
                 "to_state": event.to_state, "version": case.version, "assignee_id": event.assignee_id},
            )  # fmt: skip
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case"}))

    # -- documents and facts ---------------------------------------------------------------------------------------
    def _require_case_worker(self, actor: Actor, case: Case, extra: frozenset[str] = frozenset()) -> None:
        workflow = wf.get_workflow(case.workflow_id)
        allowed = wf.roles_for(workflow, case.state) | extra | {OFFICE_HEAD}
        if not actor.has_any_role(allowed):
            raise DomainError("cases.not_allowed", roles_needed=sorted(allowed))

    def mark_document(self, actor: Actor, case_id: str, doc_type: str, received: bool) -> Changes:
        """Tick a document received (or not). A document the service does not list is added as an extra one."""
        if doc_type not in CATALOG.document_types:
            raise ValidationError("documents.unknown", field="doc_type", documents=[doc_type])
        with self._s.uow() as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            self._require_case_worker(actor, case, DOCUMENT_ROLES)
            stamp = self._s.stamp()
            now = self._s.now()
            doc = session.scalar(
                select(CaseDocument).where(CaseDocument.case_id == case.id, CaseDocument.doc_type == doc_type)
            )
            if doc is None:
                doc = CaseDocument(case_id=case.id, doc_type=doc_type, required=False, received=received,
                                   received_at=now if received else None, hlc=stamp)  # fmt: skip
                session.add(doc)
                session.flush()
                enqueue_upsert(session, "case_document", doc, None, stamp)
            elif doc.received != received or doc.deleted:
                doc.received = received
                doc.received_at = now if received else None
                doc.deleted = False
                doc.version += 1
                doc.hlc = stamp
                doc.dirty = True
                doc.updated_at = now
                enqueue_upsert(session, "case_document", doc, ["received", "received_at", "deleted"], stamp)
            else:
                return Changes()
            self._s.audit.record(session, actor, "case.document_marked", "case", case.id,
                                 {"doc_type": doc_type, "received": received})  # fmt: skip
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case"}))

    def missing_documents(self, case_id: str) -> frozenset[str]:
        with self._s.uow(writer=False) as uow:
            return missing_documents(uow.session, case_id)

    def set_fact(self, actor: Actor, case_id: str, key: str, value: object) -> Changes:
        """Record a fact the workflow guards read (``sketch_done``, ``open_violations`` ...)."""
        if not key or not key.replace("_", "").isalnum() or not key.isascii():
            raise ValidationError("facts.invalid_key", field="key")
        with self._s.uow() as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            self._require_case_worker(actor, case)
            facts = dict(case.facts or {})
            if key in facts and facts[key] == value:
                return Changes()
            facts[key] = value
            stamp = self._s.stamp()
            case.facts = facts  # a new dict, so SQLAlchemy sees the change
            case.version += 1
            case.hlc = stamp
            case.dirty = True
            case.updated_at = self._s.now()
            enqueue_upsert(session, "case_file", case, ["facts"], stamp)
            self._s.audit.record(session, actor, "case.fact_set", "case", case.id, {"key": key, "value": value})
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case"}))

    def get_version(self, case_id: str) -> int:
        with self._s.uow(writer=False) as uow:
            version = uow.session.scalar(select(Case.version).where(Case.id == case_id))
            if version is None:
                raise NotFoundError("case.not_found", case_id=case_id)
            return int(version)
