"""Holidays replicate: a day added by the administration unit at workstation A reaches B through a real server and
B's working-day deadlines move at once; the same day added at two workstations is one row; a removed day travels
as a tombstone; the migration keeps the rows a workstation had, under the ids made from their dates."""

from __future__ import annotations

import datetime as dt
import importlib.util
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sync_harness import Account, ServerProcess

from app.domain.dates import to_jalali
from app.domain.workflows import Actor
from app.models import Holiday, OutboxEntry
from app.models.system import HOLIDAY_NAMESPACE, holiday_id
from app.paths import DataPaths
from app.services.context import Services, cheap_hasher_for_tests
from app.sync.session import SyncSession, SyncTarget
from server.sync.models import SyncRecord

MIGRATION = Path(__file__).resolve().parents[3] / "app/db/migrations/versions/0012_holiday_sync.py"


@pytest.fixture
def desks(tmp_path: Path) -> Iterator[Callable[[int, ServerProcess, Account], tuple[Services, SyncSession]]]:
    opened: list[tuple[Services, SyncSession]] = []

    def make(number: int, server: ServerProcess, account: Account) -> tuple[Services, SyncSession]:
        services = Services.open(DataPaths(tmp_path / f"ws{number}"), workstation_no=number,
                                 password_hasher=cheap_hasher_for_tests())  # fmt: skip
        session = SyncSession(services, SyncTarget(server.url, f"ws-{number}"), interval=3600)
        session.auth.set_access_token(server.token(account, number))
        opened.append((services, session))
        return services, session

    yield make
    for services, session in opened:
        session.close()
        services.close()


def admin_of(server: ServerProcess, name: str) -> tuple[Account, Actor]:
    account = server.add_user(name, {"admin"}, full_name="Office Admin")
    return account, Actor(account.user_id, account.username, account.full_name, frozenset({"admin"}))


def working_pair(services: Services, after: dt.date) -> tuple[dt.date, dt.date]:
    """A working day ``previous`` and the next working day ``day`` after it, both later than ``after``."""
    cal = services.calendar
    previous = after
    while not cal.is_working_day(previous):
        previous += dt.timedelta(days=1)
    return previous, cal.add_working_days(previous, 1)


def rows_of(services: Services, day: dt.date) -> list[Holiday]:
    with services.session_factory() as session:
        return list(session.scalars(select(Holiday).where(Holiday.day == day)))


def test_a_holiday_added_at_a_reaches_b_and_moves_its_deadlines(  # type: ignore[no-untyped-def]
    any_server: ServerProcess, desks
) -> None:
    account, admin = admin_of(any_server, f"hol-admin-{any_server.port}")
    a, a_sync = desks(71, any_server, account)
    b, b_sync = desks(72, any_server, account)
    b_sync.client.sync_once()
    previous, day = working_pair(b, b.today() + dt.timedelta(days=40))
    assert b.calendar.add_working_days(previous, 1) == day

    a.admin.add_holiday(admin, to_jalali(day), "روز آزمون")
    pushed = a_sync.client.sync_once().push
    assert (pushed.accepted, pushed.refused) == (2, 0)  # the holiday and its audit entry
    report = b_sync.client.sync_once()
    assert report.pull is not None and "holiday" in report.pull.entities

    # B's calendar was reloaded by the pull: the deadline one working day after ``previous`` moved past the holiday
    assert not b.calendar.is_working_day(day)
    assert b.calendar.add_working_days(previous, 1) > day
    assert [(h.day, h.title) for h in b.admin.list_holidays(day, day)] == [(day, "روز آزمون")]
    (row,) = rows_of(b, day)
    assert row.id == holiday_id(day) and not row.deleted and not row.dirty

    # removal is a tombstone that travels the same way, and B's deadline comes back
    a.admin.remove_holiday(admin, day)
    assert a.calendar.is_working_day(day)
    a_sync.client.sync_once()
    b_sync.client.sync_once()
    assert b.calendar.is_working_day(day) and b.calendar.add_working_days(previous, 1) == day
    (row,) = rows_of(b, day)
    assert row.deleted and b.admin.list_holidays(day, day) == []


def test_the_same_day_added_at_two_workstations_is_one_row(  # type: ignore[no-untyped-def]
    any_server: ServerProcess, desks
) -> None:
    account, admin = admin_of(any_server, f"hol-twice-{any_server.port}")
    a, a_sync = desks(73, any_server, account)
    b, b_sync = desks(74, any_server, account)
    day = a.today() + dt.timedelta(days=90)
    a.admin.add_holiday(admin, to_jalali(day), "first")  # both offline, the same day
    b.admin.add_holiday(admin, to_jalali(day), "second")
    for sync in (a_sync, b_sync, a_sync):
        assert sync.client.sync_once().push.refused == 0
    with any_server.session() as session:
        records = session.scalars(select(SyncRecord).where(SyncRecord.entity == "holiday",
                                                           SyncRecord.id == holiday_id(day))).all()  # fmt: skip
        assert len(records) == 1
        assert session.scalar(select(func.count()).select_from(SyncRecord).where(
            SyncRecord.entity == "holiday", SyncRecord.data["day"].as_string() == day.isoformat())) == 1  # fmt: skip
    titles = set()
    for services in (a, b):
        (row,) = rows_of(services, day)
        assert not row.deleted and not services.calendar.is_working_day(day)
        titles.add(row.title)
    assert titles == {"second"}  # last writer wins, the same everywhere


def test_the_migration_keeps_every_holiday_under_its_date_id(tmp_path: Path) -> None:
    services = Services.open(DataPaths(tmp_path / "ws"), password_hasher=cheap_hasher_for_tests())
    try:
        with services.session_factory() as session:
            rows = session.scalars(select(Holiday)).all()
            assert len(rows) == 61  # the default days of migration 0002, kept
            assert all(r.id == holiday_id(r.day) and not r.dirty and not r.deleted for r in rows)
            assert session.scalar(select(func.count()).select_from(OutboxEntry)) == 0  # nothing to push for them
        assert not services.calendar.is_working_day(dt.date(2025, 3, 21))  # 1404/01/01
    finally:
        services.close()
    spec = importlib.util.spec_from_file_location("migration_0012", MIGRATION)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.HOLIDAY_NAMESPACE == HOLIDAY_NAMESPACE  # ids can never drift between migration and model
