"""Administration: users and roles, inspectors' capacity and leave, the holiday table, tariffs per Jalali year,
service deadlines, settings.

Users here are the workstation's local accounts (the offline verifiers). When a central server is configured the
administration tab manages the accounts on the server instead, through ``ServerUsers`` below (its ``/admin/users``
API), and the workstation learns them by sync. Every change writes its audit entry in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app.domain.catalog import CATALOG
from app.domain.dates import JalaliDate, parse_jalali
from app.domain.errors import DomainError, NotFoundError, ValidationError
from app.domain.rules.tariffs import TariffBook, TariffYear, demo_tariffs
from app.domain.text import normalize
from app.domain.units import is_role
from app.domain.workflows import Actor
from app.models import Holiday, InspectorLeave, Setting, TariffYearRow, User, UserRole, Workstation
from app.models.admin import tariff_row_id
from app.models.system import holiday_id
from app.services.auth import clean_username, user_view
from app.services.common import Area, require_admin
from app.services.dto import Changes, HolidayView, LeaveView, UserView, WorkstationView
from app.services.outbox import enqueue_delete, enqueue_upsert

if TYPE_CHECKING:
    from app.sync.transport import Transport

log = logging.getLogger(__name__)

INSPECTION_HEADS = frozenset({"admin", "inspection.head", "office_head"})
USER_CHANGES = Changes(entities=frozenset({"user"}))
TARIFF_CHANGES = Changes(entities=frozenset({"tariff"}))
SERVICE_DAYS_PREFIX = "service_days."
MAX_DEADLINE_DAYS = 365

# Persian for the codes this module raises (the UI's messages.py finds them; English lives there, through tr()).
MESSAGES_FA: Mapping[str, str] = {
    "password.mismatch": "دو گذرواژه یکسان نیست.",
    "holiday.duplicate": "روز {day} پیش‌تر در جدول تعطیلات ثبت شده است.",
    "tariff.year_exists": "جدول تعرفه سال {year} پیش‌تر ثبت شده است؛ همان را ویرایش کنید.",
    "deadline.invalid": "مهلت باید بین ۱ و {maximum} روز کاری باشد.",
}


@dataclass(frozen=True)
class ServiceDeadline:
    """A catalog service with its deadline in working days: the catalog's, and the one in force here."""

    code: str
    title_fa: str
    title_en: str
    unit: str
    catalog_days: int
    days: int

    @property
    def changed(self) -> bool:
        return self.days != self.catalog_days


def jalali_year_bounds(year: int) -> tuple[dt.date, dt.date]:
    """First and last Gregorian day of a Jalali year."""
    return JalaliDate(year, 1, 1).to_gregorian(), JalaliDate(year + 1, 1, 1).to_gregorian() - dt.timedelta(days=1)


class AdminService(Area):
    # -- users -----------------------------------------------------------------------------------------------------
    def has_users(self) -> bool:
        """Cheap: is there any account yet (a new workstation has none)."""
        with self._s.uow(writer=False) as uow:
            return uow.session.scalar(select(User.id).limit(1)) is not None

    def create_user(self, actor: Actor, username: str, full_name: str, password: str, roles: Iterable[str]) -> UserView:
        """A new local account (argon2id verifier). Refuses a taken name (``username.taken``)."""
        require_admin(actor)
        return self._s.auth.create_user(actor, username, full_name, password, roles)  # type: ignore[no-any-return]

    def reset_password(self, actor: Actor, user_id: str, password: str) -> Changes:
        require_admin(actor)
        return self._s.auth.set_password(actor, user_id, password)  # type: ignore[no-any-return]

    def set_full_name(self, actor: Actor, user_id: str, full_name: str) -> Changes:
        require_admin(actor)
        name = normalize(full_name)
        if not name:
            raise ValidationError("full_name.required", field="full_name")
        with self._s.uow() as uow:
            user = self._user(uow.session, user_id)
            before = user.full_name
            user.full_name = name
            self._touch(user, self._s.stamp())
            self._s.audit.record(uow.session, actor, "user.renamed", "user", user.id, {"before": before, "after": name})
            uow.commit()
        return USER_CHANGES

    def lock(self, actor: Actor, user_id: str) -> Changes:
        """Lock an account: it can no longer sign in until an administrator unlocks it."""
        return self.set_active(actor, user_id, False)

    def record_sign_out(self, actor: Actor) -> None:
        """The audit trail's line for File → Sign out."""
        with self._s.uow() as uow:
            self._s.audit.record(uow.session, actor, "auth.logout", "user", actor.user_id, {})
            uow.commit()

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
        """Undo a lock: by an administrator (the account is active again) or after too many wrong passwords."""
        require_admin(actor)
        with self._s.uow() as uow:
            user = self._user(uow.session, user_id)
            was_active = user.active
            user.locked_until = None
            user.failed_logins = 0
            user.active = True
            self._touch(user, self._s.stamp())
            self._s.audit.record(uow.session, actor, "user.unlocked", "user", user.id, {"was_active": was_active})
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
            query = select(Holiday).where(Holiday.deleted.is_(False)).order_by(Holiday.day)
            if start:
                query = query.where(Holiday.day >= start)
            if end:
                query = query.where(Holiday.day <= end)
            return [HolidayView(h.day, h.title) for h in uow.session.scalars(query)]

    def set_holiday(self, actor: Actor, day: dt.date, title: str = "") -> Changes:
        """Add or retitle a holiday. Synced: the row's id is made from the date (``holiday_id``), so the same day
        added at two workstations is one row; the whole row is queued, so a day the server never saw (the defaults
        every workstation starts with) reaches it too."""
        require_admin(actor)
        with self._s.uow() as uow:
            session = uow.session
            stamp = self._s.stamp()
            row = session.scalar(select(Holiday).where(Holiday.day == day))
            if row is None:
                row = Holiday(id=holiday_id(day), day=day, title=normalize(title), hlc=stamp)
                session.add(row)
            else:
                row.title = normalize(title)
                row.deleted = False
                row.version += 1
                row.hlc = stamp
                row.dirty = True
            session.flush()
            enqueue_upsert(session, "holiday", row, None, stamp)
            self._s.audit.record(session, actor, "holiday.set", "holiday", day.isoformat(), {"title": title})
            uow.commit()
        self._s.reload_calendar()
        return Changes(entities=frozenset({"holiday", "case"}))

    def remove_holiday(self, actor: Actor, day: dt.date) -> Changes:
        """A removed day stays as a tombstone (``deleted``), queued whole so that every workstation drops it."""
        require_admin(actor)
        with self._s.uow() as uow:
            session = uow.session
            row = session.scalar(select(Holiday).where(Holiday.day == day, Holiday.deleted.is_(False)))
            if row is not None:
                stamp = self._s.stamp()
                row.deleted = True
                row.version += 1
                row.hlc = stamp
                row.dirty = True
                session.flush()
                enqueue_upsert(session, "holiday", row, None, stamp)
                self._s.audit.record(session, actor, "holiday.removed", "holiday", day.isoformat(), {})
                uow.commit()
        self._s.reload_calendar()
        return Changes(entities=frozenset({"holiday", "case"}))

    def holiday_years(self) -> list[int]:
        """The Jalali years the table has days for, plus this year and the next (to start filling them)."""
        this_year = JalaliDate.from_gregorian(self._s.today()).year
        years = {this_year, this_year + 1}
        with self._s.uow(writer=False) as uow:
            days = uow.session.scalars(select(Holiday.day).where(Holiday.deleted.is_(False))).all()
        years.update(JalaliDate.from_gregorian(d).year for d in days)
        return sorted(years)

    def holidays_of_year(self, year: int) -> list[HolidayView]:
        start, end = jalali_year_bounds(year)
        return self.list_holidays(start, end)

    def add_holiday(self, actor: Actor, jalali_day: str, title: str = "") -> Changes:
        """A holiday typed as a Jalali date (``1404/01/12``, Persian digits allowed). Refuses a date that does not
        exist and a day already in the table."""
        require_admin(actor)
        try:
            day = parse_jalali(jalali_day).to_gregorian()
        except ValidationError as exc:
            raise ValidationError(exc.code, field="day") from None
        with self._s.uow(writer=False) as uow:
            if uow.session.scalar(select(Holiday.id).where(Holiday.day == day, Holiday.deleted.is_(False))):
                raise ValidationError("holiday.duplicate", field="day", day=str(JalaliDate.from_gregorian(day)))
        return self.set_holiday(actor, day, title)

    # -- tariffs (per Jalali year; the rules in app.domain.rules read them, code never holds them) ----------------------
    def tariff_book(self) -> TariffBook:
        """Every stored year's tariffs. A workstation with none stored yet gets the demo table (``is_demo``), so the
        rules work on a fresh demo office; the administration tab says so until real tables are entered."""
        with self._s.uow(writer=False) as uow:
            rows = uow.session.scalars(
                select(TariffYearRow).where(TariffYearRow.deleted.is_(False)).order_by(TariffYearRow.year)
            ).all()
            data = [dict(r.data) for r in rows]
        if not data:
            return demo_tariffs()
        return TariffBook.of(TariffYear.from_dict(d) for d in data)

    def tariffs_stored(self) -> bool:
        with self._s.uow(writer=False) as uow:
            return (
                uow.session.scalar(select(TariffYearRow.id).where(TariffYearRow.deleted.is_(False)).limit(1))
                is not None
            )

    def tariff_year(self, year: int) -> TariffYear:
        return self.tariff_book().for_year(year)

    def save_tariff_year(self, actor: Actor, data: Mapping[str, Any]) -> TariffYear:
        """Store one year's table (validated by ``TariffYear.from_dict``: a bad amount names its field)."""
        require_admin(actor)
        tariff = TariffYear.from_dict(data)
        stored = tariff.to_dict()
        with self._s.uow() as uow:
            session = uow.session
            self._seed_tariffs_if_empty(session, actor)
            row = session.get(TariffYearRow, tariff_row_id(tariff.year))
            stamp = self._s.stamp()
            before = dict(row.data) if row is not None and not row.deleted else {}
            if row is None:
                row = TariffYearRow(id=tariff_row_id(tariff.year), year=tariff.year, data=stored,
                                    updated_by=actor.username, hlc=stamp)  # fmt: skip
                session.add(row)
                session.flush()
                enqueue_upsert(session, "tariff_year", row, None, stamp)
            else:
                row.data = stored
                row.deleted = False
                row.updated_by = actor.username
                row.version += 1
                row.hlc = stamp
                row.dirty = True
                enqueue_upsert(session, "tariff_year", row, ["data", "deleted", "updated_by"], stamp)
            changed = sorted(k for k in stored if before.get(k) != stored[k])
            self._s.audit.record(session, actor, "tariff.saved", "tariff_year", row.id,
                                 {"year": tariff.year, "changed": changed})  # fmt: skip
            uow.commit()
        return tariff

    def add_tariff_year(self, actor: Actor, year: int, copy_from: int | None = None) -> TariffYear:
        """A new year's table, starting as a copy of ``copy_from`` (default: the latest year) to be edited."""
        require_admin(actor)
        book = self.tariff_book()
        if book.has_year(year) and self.tariffs_stored():
            raise ValidationError("tariff.year_exists", field="year", year=year)
        if not 1300 <= year <= 1500:
            raise ValidationError("tariff.invalid", field="year", value=str(year))
        source_year = copy_from if copy_from is not None else max(book.years, default=None)
        if source_year is None:
            raise ValidationError("tariff.year_missing", field="year", year=year)
        data = book.for_year(source_year).to_dict()
        data["year"] = year
        return self.save_tariff_year(actor, data)

    def remove_tariff_year(self, actor: Actor, year: int) -> Changes:
        require_admin(actor)
        with self._s.uow() as uow:
            session = uow.session
            self._seed_tariffs_if_empty(session, actor)
            row = session.get(TariffYearRow, tariff_row_id(year))
            if row is None or row.deleted:
                raise NotFoundError("tariff.year_missing", year=year)
            row.deleted = True
            row.version += 1
            row.hlc = self._s.stamp()
            row.dirty = True
            enqueue_delete(session, "tariff_year", row, row.hlc)
            self._s.audit.record(session, actor, "tariff.removed", "tariff_year", row.id, {"year": year})
            uow.commit()
        return TARIFF_CHANGES

    def _seed_tariffs_if_empty(self, session: Any, actor: Actor) -> None:
        """The first edit on a workstation without stored tables stores the demo table it was using, so editing one
        year does not make the others disappear."""
        if session.scalar(select(TariffYearRow.id).limit(1)) is not None:
            return
        stamp = self._s.stamp()
        for tariff in demo_tariffs().years.values():
            row = TariffYearRow(id=tariff_row_id(tariff.year), year=tariff.year, data=tariff.to_dict(),
                                updated_by=actor.username, hlc=stamp)  # fmt: skip
            session.add(row)
            session.flush()
            enqueue_upsert(session, "tariff_year", row, None, stamp)

    # -- the service catalog's deadlines ---------------------------------------------------------------------------
    def service_deadlines(self) -> list[ServiceDeadline]:
        overrides: Mapping[str, int] = getattr(self._s, "service_days", {})
        return [
            ServiceDeadline(
                s.code,
                s.title_fa,
                s.title_en,
                s.unit,
                s.deadline_working_days,
                int(overrides.get(s.code, s.deadline_working_days)),
            )
            for s in CATALOG.services
        ]

    def set_service_deadline(self, actor: Actor, code: str, days: int) -> Changes:
        """A service's deadline in working days (1–365); the catalog's own value is the default."""
        require_admin(actor)
        if code not in CATALOG:
            raise NotFoundError("service.unknown", code=code)
        if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_DEADLINE_DAYS:
            raise ValidationError("deadline.invalid", field="days", maximum=MAX_DEADLINE_DAYS)
        key = SERVICE_DAYS_PREFIX + code
        with self._s.uow() as uow:
            row = uow.session.get(Setting, key)
            before = row.value if row is not None else CATALOG.get(code).deadline_working_days
            if row is None:
                uow.session.add(Setting(key=key, value=days))
            else:
                row.value = days
            self._s.audit.record(uow.session, actor, "service.deadline_set", "service", code,
                                 {"before": before, "after": days})  # fmt: skip
            uow.commit()
        self._s.reload_calendar()
        return Changes(entities=frozenset({"setting", "service"}))

    # -- this workstation's devices and map (kept in the settings file; the change is audited here) -------------------
    def record_workstation_setting(self, actor: Actor, key: str, value: object) -> None:
        require_admin(actor)
        with self._s.uow() as uow:
            self._s.audit.record(uow.session, actor, "workstation.setting_set", "workstation",
                                 str(self._s.workstation_no), {"key": key, "value": value})  # fmt: skip
            uow.commit()

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


class ServerUsers:
    """The accounts on the central server, through its ``/admin/users`` API, for the administration tab when a
    server is configured. The administrator signs in to the server with their own password (an admin token).

    Errors arrive as ``app.sync.errors.SyncError`` with the server's code (``user.exists``, ``password.too_short``,
    ``user.last_admin`` ...), which the UI shows in Persian like any ``DomainError``.
    """

    def __init__(self, transport: Transport) -> None:
        self.transport = transport

    @classmethod
    def connect(
        cls, server_url: str, username: str, password: str, *, http: Any = None, **workstation_proof: Any
    ) -> ServerUsers:
        """Sign in to the server as an administrator. The tokens stay in memory only (nothing in the keyring): the
        administration tab asks for the password again next time. ``http``: an httpx client (tests)."""
        from app.sync.transport import TokenAuth, Transport

        auth = TokenAuth(_MemoryCredentials())  # type: ignore[arg-type]
        transport = Transport(server_url, auth, timeout=15.0, http=http)
        body = auth.login(transport, clean_username(username), password, **workstation_proof)
        if "admin" not in set((body.get("user") or {}).get("roles") or []):
            transport.close()
            raise DomainError("auth.forbidden", roles_needed=["admin"])
        return cls(transport)

    def close(self) -> None:
        self.transport.close()

    @staticmethod
    def _view(body: Mapping[str, Any]) -> UserView:
        locked = body.get("locked_until")
        return UserView(
            id=str(body["id"]), username=str(body["username"]), full_name=str(body.get("full_name") or ""),
            roles=frozenset(body.get("roles") or ()), active=bool(body.get("active")),
            locked_until=dt.datetime.fromisoformat(locked) if isinstance(locked, str) else None,
            inspector_daily_capacity=0,
        )  # fmt: skip

    def list_users(self) -> list[UserView]:
        return [self._view(u) for u in self.transport.request("GET", "/admin/users")]

    def create_user(self, username: str, full_name: str, password: str, roles: Iterable[str]) -> UserView:
        body = {"username": clean_username(username), "full_name": normalize(full_name), "password": password,
                "roles": sorted(roles)}  # fmt: skip
        return self._view(self.transport.request("POST", "/admin/users", json=body))

    def update_user(self, user_id: str, *, full_name: str | None = None, active: bool | None = None,
                    roles: Iterable[str] | None = None) -> UserView:  # fmt: skip
        body: dict[str, Any] = {}
        if full_name is not None:
            body["full_name"] = normalize(full_name)
        if active is not None:
            body["active"] = active
        if roles is not None:
            body["roles"] = sorted(roles)
        return self._view(self.transport.request("PATCH", f"/admin/users/{user_id}", json=body))

    def reset_password(self, user_id: str, password: str) -> UserView:
        return self._view(
            self.transport.request("POST", f"/admin/users/{user_id}/password", json={"password": password})
        )

    def unlock(self, user_id: str) -> UserView:
        return self._view(self.transport.request("POST", f"/admin/users/{user_id}/unlock"))


class _MemoryCredentials:
    """The refresh token of an administrator's session, kept in memory only (duck-types ``CredentialStore``)."""

    def __init__(self) -> None:
        self._token: str | None = None

    def save(self, token: str) -> None:
        self._token = token

    def load(self) -> str | None:
        return self._token

    def clear(self) -> None:
        self._token = None
