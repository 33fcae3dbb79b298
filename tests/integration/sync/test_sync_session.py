"""Sync inside the program (app.sync.session) over the real services: the clock follows the server's time, accounts
are never queued, action commands carry their author and the stage's due date, and what a pull brought is named."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sync_harness import Account, ServerProcess, Station

from app.db.migrate import upgrade_database
from app.domain.hlc import Stamp
from app.domain.workflows import Actor
from app.models import OutboxEntry, SyncConflict, User, UserRole, utcnow
from app.paths import DataPaths
from app.services.context import Services, cheap_hasher_for_tests
from app.services.dto import PersonInput
from app.sync import enrolment
from app.sync.session import SyncSession, SyncTarget, target_for
from app.sync.transport import Transport

HOUR = dt.timedelta(hours=1)
ROLES = frozenset({"formation.clerk", "formation.head"})


class SkewedClock:
    def __init__(self, skew: dt.timedelta) -> None:
        self.skew = skew

    def __call__(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC) + self.skew


@pytest.fixture
def open_services(tmp_path: Path) -> Iterator[list[Services]]:
    made: list[Services] = []
    yield made
    for services in made:
        services.close()


def desk(made: list[Services], root: Path, number: int, skew: dt.timedelta = dt.timedelta(0)) -> Services:
    services = Services.open(DataPaths(root), workstation_no=number, clock=SkewedClock(skew),
                             password_hasher=cheap_hasher_for_tests())  # fmt: skip
    made.append(services)
    return services


def session_for(services: Services, server: ServerProcess, account: Account) -> SyncSession:
    session = SyncSession(services, SyncTarget(server.url, f"ws-{services.workstation_no}"))
    session.auth.set_access_token(server.token(account, services.workstation_no))
    return session


def national_id(n: int) -> str:
    body = f"{n:09d}"
    rest = sum(int(d) * (10 - i) for i, d in enumerate(body)) % 11
    return body + str(rest if rest < 2 else 11 - rest)


def person(services: Services, actor: Actor, last_name: str) -> None:
    number = national_id(int(time.time_ns() % 900_000_000) + 10_000_000)
    inp = PersonInput(kind="natural", national_id=number, first_name="Reza", last_name=last_name)
    services.intake.register_person(actor, inp)


def near_now(stamp: str, seconds: float = 30) -> bool:
    return abs(Stamp.parse(stamp).wall_ms - time.time() * 1000) < seconds * 1000


@pytest.mark.parametrize("skew", [HOUR, -HOUR], ids=["ahead", "behind"])
def test_the_workstation_clock_follows_the_server_time(
    sqlite_server: ServerProcess, open_services: list[Services], tmp_path: Path, skew: dt.timedelta
) -> None:
    clerk = sqlite_server.add_user(f"clock-{skew.days}", set(ROLES))
    services = desk(open_services, tmp_path / "ws", 51 if skew > dt.timedelta(0) else 52, skew)
    actor = Actor(clerk.user_id, clerk.username, clerk.full_name, ROLES)
    session = session_for(services, sqlite_server, clerk)
    try:
        person(services, actor, "Before")  # stamped by the PC's own clock: an hour off
        with services.uow(writer=False) as uow:
            first = uow.session.scalars(select(OutboxEntry).where(OutboxEntry.entity == "person")).one()
            assert not near_now(first.payload["hlc"], 600)
        report = session.client.sync_once()
        assert report.push.refused == 0 and not report.push.retry_code
        assert session.client.server_time.offset_ms == pytest.approx(-skew.total_seconds() * 1000, abs=30_000)

        person(services, actor, "After")  # stamped after the clock learned the server's time
        with services.uow(writer=False) as uow:
            entries = uow.session.scalars(select(OutboxEntry).where(OutboxEntry.acked_at.is_(None))).all()
            stamps = [e.payload["hlc"] for e in entries if e.entity == "person"]
        assert len(stamps) == 1 and near_now(stamps[0])
        report = session.client.sync_once()
        assert report.push.accepted >= 1 and report.push.refused == 0 and not report.push.retry_code
        assert session.client.pending_count() == 0
    finally:
        session.close()


def test_accounts_are_never_queued_and_old_queued_ones_are_settled_without_a_conflict(
    sqlite_server: ServerProcess, open_services: list[Services], tmp_path: Path
) -> None:
    clerk = sqlite_server.add_user("accounts-local", set(ROLES))
    services = desk(open_services, tmp_path / "ws", 53)
    admin = services.auth.create_user(None, "admin", "Admin", "secret-pass", ["admin"])
    admin_actor = services.auth.actor_for(admin.id)
    user = services.auth.create_user(admin_actor, "clerk", "Clerk", "secret-pass", ["formation.clerk"])
    services.auth.set_password(admin_actor, user.id, "another-pass")
    services.admin.set_roles(admin_actor, user.id, ["formation.clerk", "formation.head"])
    services.admin.set_active(admin_actor, user.id, False)
    with services.uow() as uow:
        queued = {e.entity for e in uow.session.scalars(select(OutboxEntry))}
        assert not queued & {"user_account", "user_role"}
        assert "audit_entry" in queued  # the audit trail of those changes does sync
        # an entry an older version of the program queued
        row = uow.session.scalars(select(User).where(User.username == "clerk")).one()
        fields = {"password_hash": row.password_hash}
        uow.session.add(OutboxEntry(kind="upsert", entity="user_account", entity_id=row.id, created_at=utcnow(),
                                    payload={"table": "user_account", "id": row.id, "fields": fields}))  # fmt: skip
        uow.commit()
    session = session_for(services, sqlite_server, clerk)
    try:
        report = session.client.sync_once()
        assert report.push.refused == 0 and session.client.pending_count() == 0
        with services.uow(writer=False) as uow:
            assert uow.session.scalars(select(SyncConflict)).all() == []
            settled = uow.session.scalars(select(OutboxEntry).where(OutboxEntry.entity == "user_account")).one()
            assert settled.result == {"status": "skipped", "code": "sync.server_owned"}
            assert uow.session.scalars(select(UserRole)).all()  # the local verifier and roles stay
    finally:
        session.close()


def test_a_pull_names_the_cases_it_brought_and_local_only_without_enrolment(
    sqlite_server: ServerProcess, open_services: list[Services], tmp_path: Path
) -> None:
    clerk = sqlite_server.add_user("pull-names", set(ROLES))
    services = desk(open_services, tmp_path / "ws", 54)
    assert target_for(services.engine, sqlite_server.url) is None  # never asked to enrol: local only
    other = Station(tmp_path / "other", 55, server=sqlite_server, account=clerk)
    ids = {other.open_case(clerk, summary=f"named {i}") for i in range(3)}
    other.sync()
    session = session_for(services, sqlite_server, clerk)
    try:
        report = session.client.sync_once()
        assert report.pull is not None and ids <= report.pull.case_ids
        assert {"case_file", "case_event", "person"} <= report.pull.entities
    finally:
        session.close()


def test_enrolment_gives_a_fresh_workstation_the_servers_number_and_a_used_one_keeps_its_own(
    sqlite_server: ServerProcess, open_services: list[Services], tmp_path: Path
) -> None:
    from server.services import workstations
    from server.services.audit import Actor as ServerActor

    def enrol(engine: Engine, name: str) -> dict[str, object]:
        transport = Transport(sqlite_server.url)
        try:
            answer = enrolment.request_enrolment(engine, transport, name)
            with sqlite_server.session() as session:
                approved = workstations.approve(session, sqlite_server.ctx, str(answer["workstation_id"]),
                                                actor=ServerActor(username="test"))  # fmt: skip
                session.commit()
                number = approved.number
            status = enrolment.enrolment_status(engine, transport)
            assert status["number"] == number
            return status
        finally:
            transport.close()

    fresh = tmp_path / "fresh"
    engine = upgrade_database(fresh / "workstation.sqlite", fresh / "backups")  # what `ecity-counter enrol` opens
    status = enrol(engine, "fresh-desk")
    engine.dispose()
    assert status["local_number"] == status["number"]
    services = desk(open_services, fresh, 99)  # 99 would apply to a new database: the row exists already
    assert services.workstation_no == status["number"]  # tracking numbers made here carry it

    used = desk(open_services, tmp_path / "used", 3)
    used.auth.create_user(None, "admin", "Admin", "secret-pass", ["admin"])  # writes an audit entry as no. 3
    status = enrol(used.engine, "used-desk")
    assert status["number"] != 3 and status["local_number"] == 3
