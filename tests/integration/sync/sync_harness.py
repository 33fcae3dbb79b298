"""Test harness for sync: a real server in a subprocess (``ecity-server serve`` under uvicorn) and workstations with
real SQLite files whose local writes put outbox entries through ``app.services.outbox``, as the services do."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from app.db.engine import make_session_factory
from app.db.migrate import upgrade_database
from app.domain import workflows as wf
from app.domain.hlc import HybridClock, node_id
from app.models import Case, CaseEvent, FieldHistory, OutboxEntry, Person, SyncConflict, User, utcnow, uuid7
from app.services.outbox import enqueue_action, enqueue_delete, enqueue_upsert
from app.sync.client import SyncClient
from app.sync.credentials import CredentialStore
from app.sync.files import DirectoryFiles
from app.sync.transport import TokenAuth, Transport
from server.config import Settings
from server.context import ServerContext
from server.db.migrate import upgrade
from server.db.models import User as ServerUser
from server.db.models import UserRole as ServerUserRole
from server.security import AccessClaims

ROOT = Path(__file__).resolve().parents[3]
PYTHON = sys.executable
TOKEN_SECRET = "sync-tests-" + "k" * 40


# -- databases -------------------------------------------------------------------------------------------------------


def fresh_postgres(base_url: str) -> tuple[str, str]:
    """Create an empty database through an autocommit connection; returns (url, name)."""
    name = f"sync_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}_{secrets.token_hex(4)}"
    admin = make_url(base_url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')  # type: ignore[arg-type]
    return make_url(base_url).set(database=name).render_as_string(hide_password=False), name


def drop_postgres(base_url: str, name: str) -> None:
    admin = make_url(base_url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[arg-type]


def server_settings(data_dir: Path, db_url: str) -> Settings:
    return Settings(
        data_dir=data_dir, db_url=db_url, token_secret=TOKEN_SECRET, argon2_time_cost=1, argon2_memory_kib=64,
        argon2_parallelism=1, auto_migrate=False,
    )  # fmt: skip


@dataclass
class Account:
    user_id: str
    username: str
    full_name: str
    roles: frozenset[str]

    @property
    def actor(self) -> wf.Actor:
        return wf.Actor(self.user_id, self.username, self.full_name, self.roles)


# -- the server process -------------------------------------------------------------------------------------------


class ServerProcess:
    """``ecity-server serve`` on 127.0.0.1 with a free port, killable with SIGKILL and restartable on the same data."""

    def __init__(self, data_dir: Path, db_url: str) -> None:
        self.data_dir = data_dir
        self.db_url = db_url
        self.settings = server_settings(data_dir, db_url)
        upgrade(db_url)
        self.ctx = ServerContext.build(self.settings)
        self.proc: subprocess.Popen[bytes] | None = None
        self.port = 0
        self.log = data_dir / "server.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, env: dict[str, str] | None = None) -> None:
        port_file = self.data_dir / f"port-{secrets.token_hex(3)}"
        environ = {
            **os.environ,
            "ECITY_SERVER_TOKEN_SECRET": TOKEN_SECRET,
            "ECITY_SERVER_AUTO_MIGRATE": "false",
            "ECITY_SERVER_LOG_LEVEL": "WARNING",
            **(env or {}),
        }
        args = [PYTHON, "-c", "import sys; from server.cli import main; sys.exit(main(sys.argv[1:]))",
                "--db", self.db_url, "--data-dir", str(self.data_dir), "--host", "127.0.0.1",
                "--port", str(self.port or 0), "--port-file", str(port_file), "serve"]  # fmt: skip
        with open(self.log, "ab") as log:  # the child keeps its own copy of the descriptor
            self.proc = subprocess.Popen(args, cwd=ROOT, env=environ, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while not port_file.exists():
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.log.read_text()[-3000:]}")
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start")
            time.sleep(0.05)
        self.port = int(port_file.read_text())
        while True:
            try:
                httpx.get(f"{self.url}/health", timeout=2)
                return
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(30)
        self.proc = None

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()
        self.proc = None

    def close(self) -> None:
        self.stop()
        self.ctx.close()

    # -- accounts straight into the server database (the accounts API is the server core's, tested there) --------
    def add_user(self, username: str, roles: set[str], full_name: str = "") -> Account:
        with self.ctx.session() as session:
            user = ServerUser(
                username=username, full_name=full_name or username.title(), password_hash="x",
                roles=[ServerUserRole(role=r) for r in sorted(roles)],
            )  # fmt: skip
            session.add(user)
            session.commit()
            return Account(user.id, username, user.full_name, frozenset(roles))

    def token(self, account: Account, workstation_no: int) -> str:
        now = int(time.time())
        return self.ctx.signer.issue(
            AccessClaims(
                account.user_id, account.username, tuple(sorted(account.roles)), workstation_no, None, now, now + 3600
            )
        )

    def session(self) -> Session:
        return self.ctx.session()


# -- a workstation --------------------------------------------------------------------------------------------------


@dataclass
class Station:
    """One workstation: its SQLite file, its clock (skew in ms), and a SyncClient to the server."""

    root: Path
    number: int
    server: ServerProcess | None = None
    account: Account | None = None
    skew_ms: int = 0
    engine: Engine = field(init=False)
    clock: HybridClock = field(init=False)

    def __post_init__(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        self.engine = upgrade_database(self.root / "workstation.sqlite", self.root / "backups")
        self.sessions = make_session_factory(self.engine)
        self.clock = HybridClock(node_id(self.number), wall_ms=lambda: time.time_ns() // 1_000_000 + self.skew_ms)
        self.files = DirectoryFiles(self.root / "files")

    @property
    def db_path(self) -> Path:
        return self.root / "workstation.sqlite"

    def token(self, account: Account | None = None) -> str:
        assert self.server is not None
        account = account or self.account
        assert account is not None
        return self.server.token(account, self.number)

    def client(self, account: Account | None = None, schema_version: int | None = None, **kwargs: Any) -> SyncClient:
        assert self.server is not None
        auth = TokenAuth(CredentialStore(self.server.url, str(self.number)))
        auth.set_access_token(self.token(account))
        extra = {} if schema_version is None else {"schema_version": schema_version}
        transport = Transport(self.server.url, auth, timeout=30, **extra)
        return SyncClient(self.engine, transport, files=self.files, on_remote_stamp=self.clock.observe, **kwargs)

    def sync(self, account: Account | None = None, **kwargs: Any) -> Any:
        client = self.client(account, **kwargs)
        try:
            return client.sync_once()
        finally:
            client.transport.close()

    def _writer(self) -> Session:
        session = self.sessions()
        session.connection(execution_options={"writer": True})
        return session

    def ensure_user(self, session: Session, account: Account) -> None:
        if session.get(User, account.user_id) is None:
            session.add(User(id=account.user_id, username=account.username, full_name=account.full_name, dirty=False))
            session.flush()

    # -- local writes, each with its outbox entry in the same transaction -------------------------------------------
    def open_case(self, account: Account, *, unit: str = "formation", summary: str = "") -> str:
        workflow = wf.get_workflow(f"simple_request.{unit}")
        now = utcnow()
        with self._writer() as session:
            self.ensure_user(session, account)
            stamp = self.clock.now()
            person = Person(kind="natural", first_name="Ali", last_name=f"Test{secrets.token_hex(2)}", hlc=stamp)
            session.add(person)
            session.flush()
            enqueue_upsert(session, "person", person, None, stamp)
            initial = workflow.state(workflow.initial_state)
            case = Case(
                tracking_number=f"{self.number:02d}{secrets.token_hex(6)}", service_code="test", workflow_id=workflow.id,
                state=initial.id, unit=initial.unit, applicant_id=person.id, opened_at=now, opened_by_id=account.user_id,
                workstation_no=self.number, state_entered_at=now, summary=summary, facts={}, hlc=stamp,
            )  # fmt: skip
            session.add(case)
            session.flush()
            event = CaseEvent(
                case_id=case.id, seq=1, action="open", from_state="", to_state=initial.id, unit=initial.unit,
                user_id=account.user_id, user_name=account.full_name, workstation_no=self.number, at=now, hlc=stamp,
            )  # fmt: skip
            session.add(event)
            session.flush()
            enqueue_upsert(session, "case_file", case, None, stamp)
            enqueue_upsert(session, "case_event", event, None, stamp)
            session.commit()
            return case.id

    def edit(self, case_id: str, field_name: str, value: Any) -> None:
        with self._writer() as session:
            case = session.get(Case, case_id)
            assert case is not None
            stamp = self.clock.now()
            setattr(case, field_name, value)
            case.version += 1
            case.hlc = stamp
            case.dirty = True
            enqueue_upsert(session, "case_file", case, [field_name], stamp)
            session.commit()

    def attach_file(self, case_id: str, data: bytes, doc_type: str = "deed") -> str:
        """A scanned document: the bytes into the local store, the record pointing at them (with its outbox entry)."""
        from app.models import CaseDocument

        sha = self.files.put_bytes(data)
        with self._writer() as session:
            stamp = self.clock.now()
            doc = CaseDocument(case_id=case_id, doc_type=doc_type, required=False, received=True, file_sha256=sha,
                               pages=1, hlc=stamp)  # fmt: skip
            session.add(doc)
            session.flush()
            enqueue_upsert(session, "case_document", doc, None, stamp)
            session.commit()
        return sha

    def delete_case(self, case_id: str) -> None:
        with self._writer() as session:
            case = session.get(Case, case_id)
            assert case is not None
            stamp = self.clock.now()
            case.deleted = True
            case.hlc = stamp
            enqueue_delete(session, "case_file", case, stamp)
            session.commit()

    def act(self, account: Account, case_id: str, action: str, note: str | None = None) -> None:
        """A workflow action the way app.services.cases applies it: engine, route event, case moved, one command."""
        with self._writer() as session:
            self.ensure_user(session, account)
            case = session.get(Case, case_id)
            assert case is not None
            workflow = wf.get_workflow(case.workflow_id)
            snapshot = wf.CaseSnapshot(case.id, case.workflow_id, case.state, case.version, case.assignee_id,
                                       frozenset(), dict(case.facts or {}))  # fmt: skip
            now = utcnow()
            event = wf.apply(workflow, snapshot, account.actor, action, at=now, workstation_id=str(self.number),
                             note=note)  # fmt: skip
            stamp = self.clock.now()
            seq = int(session.scalar(select(func.max(CaseEvent.seq)).where(CaseEvent.case_id == case.id)) or 0) + 1
            target = workflow.state(event.to_state)
            row = CaseEvent(
                id=uuid7(), case_id=case.id, seq=seq, action=action, from_state=event.from_state,
                to_state=event.to_state, unit=target.unit, user_id=account.user_id, user_name=account.full_name,
                workstation_no=self.number, at=now, note=event.note or "", hlc=stamp,
            )  # fmt: skip
            session.add(row)
            case.state = event.to_state
            case.unit = target.unit
            case.version += 1
            case.hlc = stamp
            case.dirty = True
            session.flush()
            enqueue_action(
                session, case_id=case.id, action=action, from_state=event.from_state, to_state=event.to_state,
                base_version=event.version, event_id=row.id, event_seq=row.seq, note=event.note, assignee_id=None,
                hlc=stamp, at=now, actor_id=account.user_id, workstation_no=self.number, data={},
            )  # fmt: skip
            session.commit()

    # -- reading back ---------------------------------------------------------------------------------------------
    def case(self, case_id: str) -> Case | None:
        with self.sessions() as session:
            return session.get(Case, case_id)

    def cases(self) -> dict[str, tuple[Any, ...]]:
        """Every case as (state, version-free fields that must converge)."""
        with self.sessions() as session:
            return {c.id: (c.state, c.unit, c.summary, c.deleted) for c in session.scalars(select(Case))}

    def count(self, model: Any, *where: Any) -> int:
        with self.sessions() as session:
            return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)

    def pending(self) -> int:
        return self.count(OutboxEntry, OutboxEntry.acked_at.is_(None))

    def conflicts(self) -> list[SyncConflict]:
        with self.sessions() as session:
            return list(session.scalars(select(SyncConflict)))

    def history(self, case_id: str) -> list[FieldHistory]:
        with self.sessions() as session:
            return list(session.scalars(select(FieldHistory).where(FieldHistory.entity_id == case_id)))

    def events(self, case_id: str) -> list[tuple[int, str]]:
        with self.sessions() as session:
            return [(e.seq, e.action) for e in session.scalars(
                select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.seq))]  # fmt: skip


def server_cases(server: ServerProcess) -> dict[str, tuple[Any, ...]]:
    from server.sync.models import SyncRecord

    with server.session() as session:
        return {
            r.id: (r.data.get("state"), r.data.get("unit"), r.data.get("summary"), r.deleted)
            for r in session.scalars(select(SyncRecord).where(SyncRecord.entity == "case_file"))
        }


def server_count(server: ServerProcess, entity: str, **data_equals: Any) -> int:
    from server.sync.models import SyncRecord

    with server.session() as session:
        rows = session.scalars(select(SyncRecord).where(SyncRecord.entity == entity)).all()
        return sum(1 for r in rows if all(r.data.get(k) == v for k, v in data_equals.items()))


def run_client_process(
    station: Station, *, fault: str, mark: Path, after: int = 0, push_batch: int = 200, pull_page: int = 1000
) -> int:
    """Run a sync round in a child process armed to die at ``fault``; returns its exit code (-9 when killed)."""
    assert station.server is not None
    env = {**os.environ, "ECITY_SYNC_FAULT": fault, "ECITY_SYNC_FAULT_MARK": str(mark),
           "ECITY_SYNC_FAULT_AFTER": str(after)}  # fmt: skip
    script = ROOT / "tests" / "e2e" / "sync" / "client_proc.py"
    proc = subprocess.run(
        [PYTHON, str(script), str(station.db_path), station.server.url, station.token(), str(push_batch),
         str(pull_page)],
        cwd=ROOT, env=env, capture_output=True, timeout=120,
    )  # fmt: skip
    return proc.returncode


def at(ms: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(ms / 1000, dt.UTC)


# -- fixtures (imported by the conftest files of tests/integration/sync and tests/e2e/sync) --------------------------

_numbers = itertools.count(11)


@pytest.fixture(scope="module")
def pg_server(postgres_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    url, name = fresh_postgres(postgres_url)
    server = ServerProcess(tmp_path_factory.mktemp("server-pg"), url)
    server.start()
    yield server
    server.close()
    drop_postgres(postgres_url, name)


@pytest.fixture(scope="module")
def sqlite_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    folder = tmp_path_factory.mktemp("server-sqlite")
    server = ServerProcess(folder, f"sqlite:///{folder / 'server.sqlite3'}")
    server.start()
    yield server
    server.close()


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_server(request: pytest.FixtureRequest) -> ServerProcess:
    server: ServerProcess = request.getfixturevalue("sqlite_server" if request.param == "sqlite" else "pg_server")
    return server


@pytest.fixture
def make_station(tmp_path: Path) -> Callable[..., Station]:
    def make(server: ServerProcess | None = None, **kwargs: Any) -> Station:
        number = next(_numbers)
        return Station(tmp_path / f"ws{number}", number, server=server, **kwargs)

    return make
