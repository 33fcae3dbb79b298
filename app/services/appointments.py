"""Inspection visits: inspectors' daily capacity, their leave, and the bookings against them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError, ValidationError
from app.models import Appointment, Case, InspectorLeave, User, UserRole
from app.services.common import Area
from app.services.dto import AppointmentLine, InspectionDay
from app.services.outbox import enqueue_upsert

INSPECTOR_ROLE = "inspection.inspector"


class AppointmentService(Area):
    # -- reading ---------------------------------------------------------------------------------------------------
    def inspectors(self, session: Session) -> list[User]:
        """Active users holding the inspector role with a daily capacity, by name."""
        query = (
            select(User)
            .join(UserRole, UserRole.user_id == User.id)
            .where(
                UserRole.role == INSPECTOR_ROLE,
                UserRole.deleted.is_(False),
                User.active.is_(True),
                User.deleted.is_(False),
                User.inspector_daily_capacity > 0,
            )
            .order_by(User.full_name)
        )
        return list(session.scalars(query).unique())

    def inspection_days(self, start: dt.date, days: int) -> list[InspectionDay]:
        """Per working day (``days`` of them from ``start`` on) and inspector: capacity and bookings. Inspectors on
        leave that day are left out."""
        cal = self._s.calendar
        dates: list[dt.date] = []
        day = start
        while len(dates) < days:
            if cal.is_working_day(day):
                dates.append(day)
            day += dt.timedelta(days=1)
        if not dates:
            return []
        with self._s.uow(writer=False) as uow:
            session = uow.session
            inspectors = self.inspectors(session)
            ids = [u.id for u in inspectors]
            booked = {
                (i, d): n
                for i, d, n in session.execute(
                    select(Appointment.inspector_id, Appointment.day, func.count())
                    .where(
                        Appointment.inspector_id.in_(ids),
                        Appointment.day.between(dates[0], dates[-1]),
                        Appointment.status == "booked",
                        Appointment.deleted.is_(False),
                    )
                    .group_by(Appointment.inspector_id, Appointment.day)
                )
            }
            leave = set(
                session.execute(
                    select(InspectorLeave.inspector_id, InspectorLeave.day).where(
                        InspectorLeave.inspector_id.in_(ids),
                        InspectorLeave.day.between(dates[0], dates[-1]),
                        InspectorLeave.deleted.is_(False),
                    )
                )
            )
            return [
                InspectionDay(d, u.id, u.full_name, u.inspector_daily_capacity, booked.get((u.id, d), 0))
                for d in dates
                for u in inspectors
                if (u.id, d) not in leave
            ]

    def of_case(self, session: Session, case_id: str) -> list[AppointmentLine]:
        rows = session.execute(
            select(Appointment, User.full_name)
            .join(User, User.id == Appointment.inspector_id)
            .where(Appointment.case_id == case_id, Appointment.deleted.is_(False))
            .order_by(Appointment.day)
        ).all()
        return [AppointmentLine(a.id, a.day, a.inspector_id, name, a.status) for a, name in rows]

    def list_for_inspector(self, inspector_id: str, day: dt.date) -> list[tuple[str, str]]:
        """(case id, tracking number) of the visits booked for an inspector on a day."""
        with self._s.uow(writer=False) as uow:
            return [
                (cid, tn)
                for cid, tn in uow.session.execute(
                    select(Case.id, Case.tracking_number)
                    .join(Appointment, Appointment.case_id == Case.id)
                    .where(
                        Appointment.inspector_id == inspector_id, Appointment.day == day, Appointment.status == "booked"
                    )
                    .order_by(Case.tracking_number)
                )
            ]

    # -- writing (inside a use case's transaction) ------------------------------------------------------------------
    def book(self, session: Session, case_id: str, day: dt.date, inspector_id: str | None) -> Appointment:
        """Book a visit, refusing a past or non-working day, an inspector on leave and a full day
        (``intake.day_full``). Without an inspector, the one with most free capacity that day is chosen."""
        if day < self._s.today():
            raise ValidationError("intake.day_past", field="inspection_day", day=day.isoformat())
        if not self._s.calendar.is_working_day(day):
            raise ValidationError("intake.day_not_working", field="inspection_day", day=day.isoformat())
        inspectors = {u.id: u for u in self.inspectors(session)}
        if inspector_id is not None and inspector_id not in inspectors:
            raise ValidationError("intake.not_an_inspector", field="inspector_id")
        candidates = [inspector_id] if inspector_id else list(inspectors)
        on_leave = set(
            session.scalars(
                select(InspectorLeave.inspector_id).where(InspectorLeave.day == day, InspectorLeave.deleted.is_(False))
            )
        )
        if inspector_id and inspector_id in on_leave:
            raise ValidationError("intake.inspector_on_leave", field="inspector_id", day=day.isoformat())
        booked = {
            i: n
            for i, n in session.execute(
                select(Appointment.inspector_id, func.count())
                .where(Appointment.day == day, Appointment.status == "booked", Appointment.deleted.is_(False))
                .group_by(Appointment.inspector_id)
            )
        }
        free = {i: inspectors[i].inspector_daily_capacity - booked.get(i, 0) for i in candidates if i not in on_leave}
        best = max(free, key=lambda i: free[i], default=None)
        if best is None or free[best] <= 0:
            raise DomainError("intake.day_full", field="inspection_day", day=day.isoformat())
        stamp = self._s.stamp()
        appointment = Appointment(case_id=case_id, inspector_id=best, day=day, status="booked", hlc=stamp)
        session.add(appointment)
        session.flush()
        enqueue_upsert(session, "appointment", appointment, None, stamp)
        return appointment

    def close_booked(self, session: Session, case_id: str, status: str) -> None:
        """Mark the case's booked visits ``done`` or ``cancelled``."""
        for a in session.scalars(
            select(Appointment).where(Appointment.case_id == case_id, Appointment.status == "booked")
        ):
            a.status = status
            a.version += 1
            a.hlc = self._s.stamp()
            a.dirty = True
            enqueue_upsert(session, "appointment", a, ["status"], a.hlc)
