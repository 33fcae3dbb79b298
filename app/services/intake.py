"""The intake counter (formation unit): find or register the applicant and the property, open the case, book the
inspection visit. ``open_case`` is one transaction: sequence, case, documents, route history, booking, audit, outbox.
"""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.domain import workflows as wf
from app.domain.catalog import CATALOG, Service
from app.domain.dates import JalaliDate
from app.domain.errors import DomainError, NotFoundError, ValidationError
from app.domain.identifiers import RenovationCode, normalize_legal_id, normalize_national_id
from app.domain.tracking import make_tracking_number
from app.domain.workflows import Actor
from app.models import Case, CaseDocument, CaseEvent, Person, Property, uuid7
from app.services.common import OFFICE_HEAD, OPEN_CASE_EVENT, Area, person_view, property_view
from app.services.dto import (
    Changes,
    InspectionDay,
    OpenCaseInput,
    OpenCaseResult,
    PersonInput,
    PersonView,
    PropertyInput,
    PropertyView,
)
from app.services.outbox import enqueue_upsert
from app.services.people import clean_person, clean_property
from app.services.workflow_ops import move_case, snapshot_of, stage_due_date, store_event

log = logging.getLogger(__name__)

INTAKE_ROLES = frozenset({"formation.clerk", "formation.head", OFFICE_HEAD})
INSPECTION_UNIT = "inspection"
# Every file starts at the counter (seed): the formation unit's own services, then those of units 2–7.
COUNTER_UNITS = ("formation", "inspection", "violation", "plan_approval", "certificates", "permits", "renovation")


def counter_services() -> list[Service]:
    """The services a citizen applies for at the counter, grouped by unit (``COUNTER_UNITS`` order), catalog order
    within a unit."""
    return [s for unit in COUNTER_UNITS for s in CATALOG.services_of_unit(unit)]


def next_sequence(session: Session, workstation_no: int, jalali_year: int) -> int:
    """Atomically take the next tracking sequence of (workstation, Jalali year). Runs inside the writer
    transaction (BEGIN IMMEDIATE), so two processes on one database can never take the same number."""
    return int(
        session.execute(
            text(
                "INSERT INTO tracking_counter (workstation_no, jalali_year, last_sequence) VALUES (:w, :y, 1) "
                "ON CONFLICT (workstation_no, jalali_year) DO UPDATE SET last_sequence = last_sequence + 1 "
                "RETURNING last_sequence"
            ),
            {"w": workstation_no, "y": jalali_year},
        ).scalar_one()
    )


def opening_actions(workflow: wf.Workflow, service: Service) -> tuple[str, ...]:
    """Actions applied right after a case is created. A service that needs a visit takes its workflow's step into
    the inspection unit (``schedule_inspection`` of the building case); other cases wait in the initial state's
    cartable."""
    if not service.needs_inspection:
        return ()
    for t in workflow.transitions_from(workflow.initial_state):
        if not t.keeps_state and workflow.state(t.to_state).unit == INSPECTION_UNIT:
            return (t.action,)
    return ()


class IntakeService(Area):
    # -- persons ---------------------------------------------------------------------------------------------------
    def find_person_by_national_id(self, actor: Actor, national_id: str) -> PersonView | None:
        """Look-ups of a citizen by national ID are personal-data views: each is audited."""
        nid = normalize_national_id(national_id)
        with self._s.uow() as uow:
            person = uow.session.scalar(select(Person).where(Person.national_id == nid, Person.deleted.is_(False)))
            self._s.audit.record(uow.session, actor, "personal_data.viewed", "person", person.id if person else "",
                                 {"by": "national_id", "found": person is not None})  # fmt: skip
            uow.commit()
            return person_view(person) if person else None

    def find_person_by_legal_id(self, actor: Actor, legal_id: str) -> PersonView | None:
        lid = normalize_legal_id(legal_id)
        with self._s.uow(writer=False) as uow:
            person = uow.session.scalar(select(Person).where(Person.legal_id == lid, Person.deleted.is_(False)))
            return person_view(person) if person else None

    def get_person(self, person_id: str) -> PersonView:
        with self._s.uow(writer=False) as uow:
            person = uow.session.get(Person, person_id)
            if person is None or person.deleted:
                raise NotFoundError("person.not_found", person_id=person_id)
            return person_view(person)

    def register_person(self, actor: Actor, inp: PersonInput) -> PersonView:
        values = clean_person(inp, self._s.today())
        with self._s.uow() as uow:
            session = uow.session
            self._refuse_duplicate(session, values, None)
            stamp = self._s.stamp()
            person = Person(**values, hlc=stamp)
            session.add(person)
            session.flush()
            enqueue_upsert(session, "person", person, None, stamp)
            self._s.audit.record(session, actor, "person.registered", "person", person.id, {"kind": person.kind})
            uow.commit()
            return person_view(person)

    def update_person(
        self, actor: Actor, person_id: str, inp: PersonInput, *, expected_version: int | None = None
    ) -> PersonView:
        values = clean_person(inp, self._s.today())
        with self._s.uow() as uow:
            session = uow.session
            person = session.get(Person, person_id)
            if person is None or person.deleted:
                raise NotFoundError("person.not_found", person_id=person_id)
            if expected_version is not None and expected_version != person.version:
                raise DomainError("person.stale_version", expected=expected_version, actual=person.version)
            self._refuse_duplicate(session, values, person.id)
            changed = [k for k, v in values.items() if getattr(person, k) != v]
            if changed:
                for k in changed:
                    setattr(person, k, values[k])
                stamp = self._s.stamp()
                person.version += 1
                person.hlc = stamp
                person.dirty = True
                person.updated_at = self._s.now()
                enqueue_upsert(session, "person", person, changed, stamp)
                self._s.audit.record(session, actor, "person.updated", "person", person.id, {"fields": changed})
                self._rename_cases(session, person, stamp)
                uow.commit()
            return person_view(person)

    def _rename_cases(self, session: Session, person: Person, stamp: str) -> None:
        """Keep the copy of the applicant's name on their cases current (the cartable reads it from there)."""
        name = person.display_name
        for case in session.scalars(select(Case).where(Case.applicant_id == person.id, Case.applicant_name != name)):
            case.applicant_name = name
            case.version += 1
            case.hlc = stamp
            case.dirty = True
            enqueue_upsert(session, "case_file", case, ["applicant_name"], stamp)

    @staticmethod
    def _refuse_duplicate(session: Session, values: dict[str, object], own_id: str | None) -> None:
        for column, field in ((Person.national_id, "national_id"), (Person.legal_id, "legal_id")):
            value = values.get(field)
            if value:
                other = session.scalar(select(Person.id).where(column == value))
                if other and other != own_id:
                    raise ValidationError(f"{field}.duplicate", field=field, person_id=other)

    # -- properties ------------------------------------------------------------------------------------------------
    def find_property(self, renovation_code: str) -> PropertyView | None:
        key = str(RenovationCode.parse(renovation_code))
        with self._s.uow(writer=False) as uow:
            prop = uow.session.scalar(select(Property).where(Property.renovation_key == key))
            return property_view(prop) if prop and not prop.deleted else None

    def get_property(self, property_id: str) -> PropertyView:
        with self._s.uow(writer=False) as uow:
            prop = uow.session.get(Property, property_id)
            if prop is None or prop.deleted:
                raise NotFoundError("property.not_found", property_id=property_id)
            return property_view(prop)

    def register_property(self, actor: Actor, inp: PropertyInput) -> PropertyView:
        values = clean_property(inp)
        with self._s.uow() as uow:
            session = uow.session
            if session.scalar(select(Property.id).where(Property.renovation_key == values["renovation_key"])):
                raise ValidationError("renovation_code.duplicate", field="renovation_code")
            stamp = self._s.stamp()
            prop = Property(**values, hlc=stamp)
            session.add(prop)
            session.flush()
            enqueue_upsert(session, "property", prop, None, stamp)
            self._s.audit.record(session, actor, "property.registered", "property", prop.id,
                                 {"renovation_code": prop.renovation_key})  # fmt: skip
            uow.commit()
            return property_view(prop)

    # -- services and the calendar ---------------------------------------------------------------------------------
    def intake_services(self) -> list[Service]:
        """The formation unit's services, in catalog order."""
        return list(CATALOG.services_of_unit("formation"))

    def inspection_days(self, start: dt.date, days: int) -> list[InspectionDay]:
        return self._s.appointments.inspection_days(start, days)

    # -- opening a case --------------------------------------------------------------------------------------------
    def open_case(self, actor: Actor, inp: OpenCaseInput) -> OpenCaseResult:
        service = CATALOG.get(inp.service_code)
        if not actor.has_any_role(INTAKE_ROLES | {r for r in actor.roles if r.startswith(f"{service.unit}.")}):
            raise DomainError("intake.not_allowed", service=service.code)
        unknown = sorted(d for d in inp.received_documents if d not in CATALOG.document_types)
        if unknown:
            raise ValidationError("documents.unknown", field="received_documents", documents=unknown)
        if service.needs_inspection and not inp.property_id:
            raise ValidationError("property.required", field="property_id")
        workflow = wf.get_workflow(service.workflow_id)
        now = self._s.now()
        today = self._s.today()
        with self._s.uow() as uow:
            session = uow.session
            applicant = session.get(Person, inp.applicant_id)
            if applicant is None or applicant.deleted:
                raise ValidationError("person.not_found", field="applicant_id")
            if inp.property_id:
                prop = session.get(Property, inp.property_id)
                if prop is None or prop.deleted:
                    raise ValidationError("property.not_found", field="property_id")
            stamp = self._s.stamp()
            jalali_year = JalaliDate.from_gregorian(today).year
            sequence = next_sequence(session, self._s.workstation_no, jalali_year)
            tracking = make_tracking_number(self._s.office_code, jalali_year, self._s.workstation_no, sequence)
            initial = workflow.state(workflow.initial_state)
            case = Case(
                id=uuid7(),
                tracking_number=tracking,
                service_code=service.code,
                workflow_id=workflow.id,
                state=initial.id,
                unit=initial.unit,
                assignee_id=None,
                applicant_id=applicant.id,
                property_id=inp.property_id,
                opened_at=now,
                opened_by_id=actor.user_id,
                workstation_no=self._s.workstation_no,
                state_entered_at=now,
                due_date=self._s.calendar.add_working_days(
                    today, self._s.deadline_days(service.code, service.deadline_working_days)
                ),
                state_due_date=stage_due_date(self._s, initial.id, today),
                closed_at=None,
                summary="",
                applicant_name=applicant.display_name,
                facts={},
                version=1,
                hlc=stamp,
                created_at=now,
                updated_at=now,
            )
            session.add(case)
            received = set(inp.received_documents)
            docs = [
                CaseDocument(
                    case_id=case.id,
                    doc_type=d,
                    required=True,
                    received=d in received,
                    received_at=now if d in received else None,
                    hlc=stamp,
                )
                for d in service.required_documents
            ] + [
                CaseDocument(case_id=case.id, doc_type=d, required=False, received=True, received_at=now, hlc=stamp)
                for d in sorted(received - set(service.required_documents))
            ]
            session.add_all(docs)
            opened = CaseEvent(
                    id=uuid7(), case_id=case.id, seq=1, action=OPEN_CASE_EVENT, from_state="", to_state=initial.id,
                    unit=initial.unit, user_id=actor.user_id, user_name=actor.full_name,
                    workstation_no=self._s.workstation_no, at=now, note=(inp.note or "").strip(), assignee_id=None,
                    data={"service_code": service.code}, hlc=stamp,
            )  # fmt: skip
            session.add(opened)
            events = [opened]
            session.flush()
            appointment = None
            actions = opening_actions(workflow, service)
            for action in actions:
                snapshot = snapshot_of(session, case)
                try:
                    wf.check_action(workflow, snapshot, actor, action)
                except DomainError as exc:
                    # Missing documents keep the case at the counter; it moves on with the action later.
                    log.debug("opening action %s not taken: %s", action, exc.code)
                    break
                if inp.inspection_day is None:
                    raise ValidationError("intake.day_required", field="inspection_day")
                appointment = self._s.appointments.book(session, case.id, inp.inspection_day, inp.inspector_id)
                event = wf.apply(workflow, snapshot, actor, action, at=now, workstation_id=str(self._s.workstation_no),
                                 assignee_id=appointment.inspector_id)  # fmt: skip
                target_unit = workflow.state(event.to_state).unit
                events.append(store_event(session, self._s, case, event, unit=target_unit, stamp=stamp))
                move_case(self._s, case, event, stamp=stamp, state_due=appointment.day)
                case.version = 1  # a new case: its first pushed version
                session.flush()
            if appointment is None and not actions and service.needs_inspection and inp.inspection_day is not None:
                # The workflow has no inspection step of its own (certificates): the visit is booked all the same.
                appointment = self._s.appointments.book(session, case.id, inp.inspection_day, inp.inspector_id)
            session.flush()
            enqueue_upsert(session, "case_file", case, None, stamp)
            for d in docs:
                enqueue_upsert(session, "case_document", d, None, stamp)
            for e in events:
                enqueue_upsert(session, "case_event", e, None, stamp)
            missing = tuple(sorted(set(service.required_documents) - received))
            self._s.audit.record(
                session, actor, "case.opened", "case", case.id,
                {"tracking_number": tracking, "service_code": service.code, "state": case.state,
                 "missing_documents": list(missing)},
            )  # fmt: skip
            uow.commit()
        return OpenCaseResult(
            case_id=case.id,
            tracking_number=tracking,
            changes=Changes(frozenset({case.id}), frozenset({"case", "appointment"} if appointment else {"case"})),
            state=case.state,
            unit=case.unit,
            missing_documents=missing,
            appointment_day=appointment.day if appointment else None,
            inspector_id=appointment.inspector_id if appointment else None,
        )
