"""Administration: users and roles, inspectors' capacity and leave, the holiday table, settings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select

from app.domain.errors import DomainError, NotFoundError, ValidationError
from app.domain.text import normalize
from app.domain.units import is_role
from app.domain.workflows import Actor
from app.models import Holiday, InspectorLeave, Setting, User, UserRole, Workstation
from app.services.auth import user_view
from app.services.common import Area, require_admin
from app.services.dto import Changes, HolidayView, LeaveView, UserView, WorkstationView
from app.services.outbox import enqueue_delete, enqueue_upsert

INSPECTION_HEADS = frozenset({"admin", "inspection.head", "office_head"})
USER_CHANGES = Changes(entities=frozenset({"user"}))


class AdminService(Area):
    # -- users -----------------------------------------------------------------------------------------------------
    def list_users(self, *, include_inactive: bool = True) -> list[UserView]:
        with self._s.uow(writer=False) as uow:
            query = select(User).where(User.deleted.is_(False)).order_by(User.username)
            if not include_inactive:
                query = query.where(User.active.is_(True))
            return [user_view(u) for u in uow.session.scalars(query)]

    def _user(self, session: Any, user_id: str) -> User:
        user = session.get(User, user_id)
        if user is None or user.deleted:
            raise NotFoundError("user.not_found", user_id=user_id)
        return user

    def _touch(self, user: User, stamp: str) -> None:
        user.version += 1
        user.hlc = stamp
        user.dirty = True
        user.updated_at = self._s.now()

    def set_roles(self, actor: Actor, user_id: str, roles: Iterable[str]) -> Changes:
        wanted = frozenset(roles)
        unknown = sorted(r for r in wanted if not is_role(r))
        if unknown or not wanted:
            raise ValidationError("roles.invalid", field="roles", roles=unknown)
        require_admin(actor)
        with self._s.uow() as uow:
            session = uow.session
            user = self._user(session, user_id)
            if actor.user_id == user_id and "admin" not in wanted:
                raise DomainError("admin.cannot_drop_own_admin")
            stamp = self._s.stamp()
            have = {r.role: r for r in user.roles}
            for role, row in have.items():
                if role not in wanted and not row.deleted:
                    row.deleted = True
                    row.version += 1
                    row.hlc = stamp
                    enqueue_delete(session, "user_role", row, stamp)
                elif role in wanted and row.deleted:
                    row.deleted = False
                    row.version += 1
                    row.hlc = stamp
                    enqueue_upsert(session, "user_role", row, ["deleted"], stamp)
            for role in sorted(wanted - set(have)):
                row = UserRole(user_id=user.id, role=role, hlc=stamp)
                user.roles.append(row)
                session.flush()
                enqueue_upsert(session, "user_role", row, None, stamp)
            self._s.audit.record(session, actor, "user.roles_set", "user", user.id, {"roles": sorted(wanted)})
            uow.commit()
        return USER_CHANGES

    def set_active(self, actor: Actor, user_id: str, active: bool) -> Changes:
        require_admin(actor)
        with self._s.uow() as uow:
            user = self._user(uow.session, user_id)
            if actor.user_id == user_id and not active:
                raise DomainError("admin.cannot_deactivate_self")
            user.active = active
            self._touch(user, self._s.stamp())
            enqueue_upsert(uow.session, "user_account", user, ["active"], user.hlc)
            self._s.audit.record(uow.session, actor, "user.active_set", "user", user.id, {"active": active})
            uow.commit()
        return USER_CHANGES

    def unlock(self, actor: Actor, user_id: str) -> Changes:
        require_admin(actor)
        with self._s.uow() as uow:
            user = self._user(uow.session, user_id)
            user.locked_until = None
            user.failed_logins = 0
            self._s.audit.record(uow.session, actor, "user.unlocked", "user", user.id, {})
            uow.commit()
        return USER_CHANGES

    # -- inspectors ------------------------------------------------------------------------------------------------
    def set_inspector_capacity(self, actor: Actor, user_id: str, capacity: int) -> Changes:
        if actor is None or not actor.has_any_role(INSPECTION_HEADS):
            raise DomainError("auth.forbidden", roles_needed=sorted(INSPECTION_HEADS))
        if not 0 <= capacity <= 100:
            raise ValidationError("capacity.invalid", field="capacity")
        with self._s.uow() as uow:
            user = self._user(uow.session, user_id)
            user.inspector_daily_capacity = capacity
            self._touch(user, self._s.stamp())
            enqueue_upsert(uow.session, "user_account", user, ["inspector_daily_capacity"], user.hlc)
            self._s.audit.record(uow.session, actor, "inspector.capacity_set", "user", user.id,
                                 {"capacity": capacity})  # fmt: skip
            uow.commit()
        return Changes(entities=frozenset({"user", "appointment"}))

    def add_leave(self, actor: Actor, inspector_id: str, day: dt.date, reason: str = "") -> LeaveView:
        if not actor.has_any_role(INSPECTION_HEADS):
            raise DomainError("auth.forbidden", roles_needed=sorted(INSPECTION_HEADS))
        with self._s.uow() as uow:
            session = uow.session
            self._user(session, inspector_id)
            existing = session.scalar(
                select(InspectorLeave).where(InspectorLeave.inspector_id == inspector_id, InspectorLeave.day == day)
            )
            stamp = self._s.stamp()
            if existing is not None:
                existing.deleted = False
                existing.reason = normalize(reason)
                existing.version += 1
                existing.hlc = stamp
                row = existing
                enqueue_upsert(session, "inspector_leave", row, ["deleted", "reason"], stamp)
            else:
                row = InspectorLeave(inspector_id=inspector_id, day=day, reason=normalize(reason), hlc=stamp)
                session.add(row)
                session.flush()
                enqueue_upsert(session, "inspector_leave", row, None, stamp)
            self._s.audit.record(session, actor, "inspector.leave_added", "user", inspector_id,
                                 {"day": day.isoformat()})  # fmt: skip
            uow.commit()
            return LeaveView(row.id, row.inspector_id, row.day, row.reason)

    def remove_leave(self, actor: Actor, leave_id: str) -> Changes:
        if not actor.has_any_role(INSPECTION_HEADS):
            raise DomainError("auth.forbidden", roles_needed=sorted(INSPECTION_HEADS))
        with self._s.uow() as uow:
            row = uow.session.get(InspectorLeave, leave_id)
            if row is None:
                raise NotFoundError("leave.not_found", leave_id=leave_id)
            row.deleted = True
            row.version += 1
            row.hlc = self._s.stamp()
            enqueue_delete(uow.session, "inspector_leave", row, row.hlc)
            self._s.audit.record(uow.session, actor, "inspector.leave_removed", "user", row.inspector_id,
                                 {"day": row.day.isoformat()})  # fmt: skip
            uow.commit()
        return Changes(entities=frozenset({"appointment"}))

    def list_leave(self, start: dt.date, end: dt.date) -> list[LeaveView]:
        with self._s.uow(writer=False) as uow:
            rows = uow.session.scalars(
                select(InspectorLeave)
                .where(InspectorLeave.day.between(start, end), InspectorLeave.deleted.is_(False))
                .order_by(InspectorLeave.day)
            )
            return [LeaveView(r.id, r.inspector_id, r.day, r.reason) for r in rows]

    # -- holidays --------------------------------------------------------------------------------------------------
    def list_holidays(self, start: dt.date | None = None, end: dt.date | None = None) -> list[HolidayView]:
        with self._s.uow(writer=False) as uow:
            query = select(Holiday).order_by(Holiday.day)
            if start:
                query = query.where(Holiday.day >= start)
            if end:
                query = query.where(Holiday.day <= end)
            return [HolidayView(h.day, h.title) for h in uow.session.scalars(query)]

    def set_holiday(self, actor: Actor, day: dt.date, title: str = "") -> Changes:
        require_admin(actor)
        with self._s.uow() as uow:
            row = uow.session.get(Holiday, day)
            if row is None:
                uow.session.add(Holiday(day=day, title=normalize(title)))
            else:
                row.title = normalize(title)
            self._s.audit.record(uow.session, actor, "holiday.set", "holiday", day.isoformat(), {"title": title})
            uow.commit()
        self._s.reload_calendar()
        return Changes(entities=frozenset({"holiday", "case"}))

    def remove_holiday(self, actor: Actor, day: dt.date) -> Changes:
        require_admin(actor)
        with self._s.uow() as uow:
            row = uow.session.get(Holiday, day)
            if row is not None:
                uow.session.delete(row)
                self._s.audit.record(uow.session, actor, "holiday.removed", "holiday", day.isoformat(), {})
                uow.commit()
        self._s.reload_calendar()
        return Changes(entities=frozenset({"holiday", "case"}))

    # -- settings --------------------------------------------------------------------------------------------------
    def get_setting(self, key: str, default: object = None) -> object:
        return self._s.setting(key, default)

    def set_setting(self, actor: Actor, key: str, value: object) -> Changes:
        """Settings are JSON values: ``thursday_off`` (bool), ``stage_days.<state>`` (working days) ..."""
        require_admin(actor)
        with self._s.uow() as uow:
            row = uow.session.get(Setting, key)
            if row is None:
                uow.session.add(Setting(key=key, value=value))
            else:
                row.value = value
            self._s.audit.record(uow.session, actor, "setting.set", "setting", key, {"value": value})
            uow.commit()
        self._s.reload_calendar()
        return Changes(entities=frozenset({"setting"}))

    def workstation(self) -> WorkstationView:
        with self._s.uow(writer=False) as uow:
            me = uow.session.scalar(select(Workstation).where(Workstation.is_self.is_(True)))
            assert me is not None
            return WorkstationView(me.number, me.office_code, me.name, me.server_url)
