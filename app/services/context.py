"""``Services``: the one object the UI holds. It opens (and migrates) the workstation database and gives each area
of use cases as an attribute: ``services.intake.open_case(...)``, ``services.cases.apply_action(...)``.

Built once by ``app.bootstrap`` (or a test) with ``Services.open(paths)``; nothing here runs at import time.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from argon2 import PasswordHasher
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from app.db.engine import make_session_factory
from app.db.filestore import FileStore
from app.db.migrate import upgrade_database
from app.db.uow import UnitOfWork
from app.domain.dates import TEHRAN, WorkCalendar
from app.domain.hlc import HybridClock, node_id
from app.models import Holiday, Setting, Workstation, utcnow, uuid7
from app.paths import DataPaths

log = logging.getLogger(__name__)

Clock = Callable[[], dt.datetime]

# OWASP Password Storage Cheat Sheet, argon2id: m=19 MiB, t=2, p=1.
PRODUCTION_HASHER_PARAMS = {"time_cost": 2, "memory_cost": 19456, "parallelism": 1}


def production_hasher() -> PasswordHasher:
    return PasswordHasher(**PRODUCTION_HASHER_PARAMS)


def cheap_hasher_for_tests() -> PasswordHasher:
    """Tests only: the same argon2id, with parameters small enough for hundreds of hashes per second."""
    return PasswordHasher(time_cost=1, memory_cost=256, parallelism=1)


# The units' own areas, imported and built when first used, so that start-up (goal: a usable window in 1.5 s) does
# not import every area's libraries (PDF, geometry, spreadsheets ...). One line per area: attribute -> (module, class).
# ``services.archive`` works as before; the core areas above are built eagerly in ``Services.__init__``.
LAZY_AREAS: dict[str, tuple[str, str]] = {
    "archive": ("app.services.archive", "ArchiveService"),
    "audit_views": ("app.services.audit_views", "AuditViewsService"),
    "certificates": ("app.services.certificates", "CertificateService"),
    "consultation": ("app.services.consultation", "ConsultationService"),
    "followup": ("app.services.followup", "FollowupService"),
    "inspection": ("app.services.inspection", "InspectionService"),
    "liaison": ("app.services.liaison", "LiaisonService"),
    "permits": ("app.services.permits", "PermitService"),
    "plans": ("app.services.plans", "PlanService"),
    "printing": ("app.services.printing", "PrintService"),
    "renovation": ("app.services.renovation", "RenovationService"),
    "technical": ("app.services.technical", "TechnicalService"),
    "vehicles": ("app.services.vehicles", "VehicleService"),
    "violations": ("app.services.violations", "ViolationService"),
}
_LAZY_LOCK = threading.RLock()  # re-entrant: an area may use another while it is built


class Services:
    """The workstation's use cases over one SQLite database. Thread-safe for use from the UI's task runner: each
    call opens its own session; writers serialise on SQLite's write lock (BEGIN IMMEDIATE)."""

    def __init__(
        self,
        paths: DataPaths,
        engine: Engine,
        *,
        workstation_no: int,
        office_code: str,
        clock: Clock | None = None,
        password_hasher: PasswordHasher | None = None,
        lang: str = "fa",
    ) -> None:
        from app.services.admin import AdminService
        from app.services.appointments import AppointmentService
        from app.services.audit import AuditService
        from app.services.auth import AuthService
        from app.services.cartable import CartableService
        from app.services.cases import CaseService
        from app.services.intake import IntakeService
        from app.services.search import SearchService

        self.paths = paths
        self.engine = engine
        self.session_factory: sessionmaker[Session] = make_session_factory(engine)
        self.workstation_no = workstation_no
        self.office_code = office_code
        self._clock: Clock = clock or utcnow
        self.hlc = HybridClock(node_id(workstation_no), wall_ms=lambda: int(self.now().timestamp() * 1000))
        self.hasher = password_hasher or production_hasher()
        self.lang = lang
        self.files = FileStore(paths.files)
        self.calendar = WorkCalendar()
        self.stage_days: dict[str, int] = {}
        self.service_days: dict[str, int] = {}
        self.audit = AuditService(self)
        self.auth = AuthService(self)
        self.intake = IntakeService(self)
        self.appointments = AppointmentService(self)
        self.cases = CaseService(self)
        self.cartable = CartableService(self)
        self.search = SearchService(self)
        self.admin = AdminService(self)

    def __getattr__(self, name: str) -> Any:
        """An area of ``LAZY_AREAS``, built on first use (once, whatever thread asks first)."""
        spec = LAZY_AREAS.get(name)
        if spec is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        with _LAZY_LOCK:
            area = self.__dict__.get(name)
            if area is None:
                area = getattr(importlib.import_module(spec[0]), spec[1])(self)
                self.__dict__[name] = area
        return area

    @classmethod
    def open(
        cls,
        paths: DataPaths,
        *,
        workstation_no: int = 1,
        office_code: str = "0101",
        clock: Clock | None = None,
        password_hasher: PasswordHasher | None = None,
        lang: str = "fa",
    ) -> Services:
        """Migrate the database (a copy is kept first), make sure this workstation's row exists, load holidays.

        ``workstation_no``/``office_code`` apply to a new database; an existing one keeps the number it was given
        (enrolment with the server may have changed it).
        """
        paths.ensure()
        engine = upgrade_database(paths.database, paths.backups)
        number, office = cls._ensure_workstation(engine, workstation_no, office_code)
        services = cls(
            paths,
            engine,
            workstation_no=number,
            office_code=office,
            clock=clock,
            password_hasher=password_hasher,
            lang=lang,
        )
        services.reload_calendar()
        return services

    @staticmethod
    def _ensure_workstation(engine: Engine, workstation_no: int, office_code: str) -> tuple[int, str]:
        factory = make_session_factory(engine)
        with UnitOfWork(factory) as uow:
            me = uow.session.scalar(select(Workstation).where(Workstation.is_self.is_(True)))
            if me is None:
                me = Workstation(
                    id=uuid7(),
                    number=workstation_no,
                    name=f"workstation {workstation_no}",
                    office_code=office_code,
                    is_self=True,
                    enrolled_at=None,
                )
                uow.session.add(me)
                uow.commit()
            return me.number, me.office_code

    def close(self) -> None:
        self.engine.dispose()

    # -- time ------------------------------------------------------------------------------------------------------
    def now(self) -> dt.datetime:
        """UTC now (from the injected clock in tests and demo data)."""
        value = self._clock()
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)

    def today(self) -> dt.date:
        """The office's date (Tehran), which deadlines count from."""
        return self.now().astimezone(TEHRAN).date()

    def set_clock(self, clock: Clock | None) -> None:
        self._clock = clock or utcnow

    @contextmanager
    def clock_at(self, moment: dt.datetime) -> Iterator[None]:
        """Run use cases as if it were ``moment`` (demo data with a past; tests of deadlines)."""
        previous = self._clock
        self._clock = lambda: moment
        try:
            yield
        finally:
            self._clock = previous

    def stamp(self) -> str:
        """A hybrid-logical-clock stamp for a local edit."""
        return self.hlc.now()

    # -- database --------------------------------------------------------------------------------------------------
    def uow(self, *, writer: bool = True) -> UnitOfWork:
        return UnitOfWork(self.session_factory, writer=writer)

    def reload_calendar(self) -> None:
        """Holidays and deadline settings, read again after the administration unit edits them."""
        with self.uow(writer=False) as uow:
            days = set(uow.session.scalars(select(Holiday.day).where(Holiday.deleted.is_(False))))
            thursday = uow.session.get(Setting, "thursday_off")
            stage = uow.session.scalars(select(Setting).where(Setting.key.startswith("stage_days."))).all()
            service = uow.session.scalars(select(Setting).where(Setting.key.startswith("service_days."))).all()
        self.calendar = WorkCalendar(days, thursday_off=bool(thursday.value) if thursday else False)
        self.stage_days = {
            s.key.removeprefix("stage_days."): s.value for s in stage if isinstance(s.value, int) and s.value > 0
        }
        # Service deadlines edited by the administration unit (working days); the catalog's value otherwise.
        self.service_days = {
            s.key.removeprefix("service_days."): s.value for s in service if isinstance(s.value, int) and s.value > 0
        }

    def deadline_days(self, service_code: str, default: int) -> int:
        """A service's deadline in working days: the administration unit's value, else ``default`` (the catalog's)."""
        return self.service_days.get(service_code, default)

    def setting(self, key: str, default: object = None) -> object:
        with self.uow(writer=False) as uow:
            row = uow.session.get(Setting, key)
            return default if row is None else row.value
