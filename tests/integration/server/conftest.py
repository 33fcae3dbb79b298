"""Server test set-up: fresh migrated databases on SQLite and PostgreSQL, and an in-process server per test.

PostgreSQL: each test module migrates one template database (``CREATE DATABASE ... `` through an autocommit psycopg
connection to the ``test`` database) and each test gets its own copy (``CREATE DATABASE x TEMPLATE tpl``), so
pytest-xdist workers and tests never share state. SQLite: the migrated file is copied per test.
"""

from __future__ import annotations

import os
import secrets
import shutil
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import psycopg
import pytest
from sqlalchemy.engine import make_url

from server.app import create_app
from server.clock import ManualClock
from server.config import Settings, load_settings
from server.context import ServerContext
from server.db.migrate import upgrade
from server.version import PROTOCOL_HEADER, PROTOCOL_VERSION, SCHEMA_HEADER, SCHEMA_VERSION

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
PASSWORD = "correct horse battery"


def _admin_conninfo(url: str) -> str:
    parsed = make_url(url)
    return parsed.set(drivername="postgresql").render_as_string(hide_password=False)


def _with_database(url: str, name: str) -> str:
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def _unique(prefix: str) -> str:
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    return f"{prefix}_{worker}_{secrets.token_hex(4)}"


class PgDatabases:
    """Creates and drops databases on the test server."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.created: list[str] = []

    def _exec(self, sql: str) -> None:
        with psycopg.connect(_admin_conninfo(self.base_url), autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def create(self, template: str | None = None) -> str:
        name = _unique("test_srv")
        self._exec(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        self.created.append(name)
        return name

    def drop(self, name: str) -> None:
        self._exec(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if name in self.created:
            self.created.remove(name)

    def url(self, name: str) -> str:
        return _with_database(self.base_url, name)


@pytest.fixture(scope="module")
def pg_template(request: pytest.FixtureRequest) -> Iterator[tuple[PgDatabases, str]]:
    base = request.getfixturevalue("postgres_url")
    dbs = PgDatabases(base)
    name = dbs.create()
    upgrade(dbs.url(name))
    yield dbs, name
    dbs.drop(name)


@pytest.fixture(scope="module")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("srv-template") / "server.sqlite3"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A freshly migrated, empty server database of each kind."""
    if request.param == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        target = tmp_path / "server.sqlite3"
        shutil.copyfile(template, target)
        yield f"sqlite:///{target}"
        return
    dbs, template_name = request.getfixturevalue("pg_template")
    name = dbs.create(template=template_name)
    yield dbs.url(name)
    dbs.drop(name)


def test_settings(data_dir: Path, url: str, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "data_dir": data_dir,
        "db_url": url,
        "argon2_time_cost": 1,
        "argon2_memory_kib": 64,
        "argon2_parallelism": 1,
        "token_secret": "x" * 40,
        "auto_migrate": False,
    }
    values.update(overrides)
    return load_settings(**values)


test_settings.__test__ = False  # type: ignore[attr-defined]


@dataclass
class Server:
    client: TestClient
    ctx: ServerContext
    clock: ManualClock

    def create_user(self, username: str, roles: list[str], password: str = PASSWORD) -> str:
        from server.services import accounts
        from server.services.audit import Actor

        with self.ctx.session() as session:
            user = accounts.create_user(
                session, self.ctx, username=username, full_name=username.title(), password=password, roles=roles,
                actor=Actor(username="test"),
            )  # fmt: skip
            return user.id

    def login(self, username: str, password: str = PASSWORD, **extra: Any) -> dict[str, Any]:
        response = self.client.post("/auth/login", json={"username": username, "password": password, **extra})
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def headers(self, username: str, password: str = PASSWORD, **extra: Any) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.login(username, password, **extra)['access_token']}"}

    def audit_actions(self) -> list[str]:
        from server.services import audit

        with self.ctx.session() as session:
            return [e.action for e in audit.entries(session, limit=100_000)]

    def audit_intact(self) -> bool:
        from server.services import audit

        with self.ctx.session() as session:
            return audit.verify_chain(session) is None


@pytest.fixture
def make_server(data_dir: Path, db_url: str) -> Iterator[Callable[..., Server]]:
    made: list[Server] = []

    with warnings.catch_warnings():
        # Starlette asks for "httpx2" in its test client; plain httpx is what the project depends on.
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
        from fastapi.testclient import TestClient

    def factory(**overrides: Any) -> Server:
        clock = ManualClock()
        settings = test_settings(data_dir, db_url, **overrides)
        app = create_app(settings, clock=clock)
        client = TestClient(app, headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION), SCHEMA_HEADER: str(SCHEMA_VERSION)})
        client.__enter__()
        server = Server(client, app.state.ctx, clock)
        made.append(server)
        return server

    yield factory
    for server in made:
        server.client.__exit__(None, None, None)
        server.ctx.close()  # lifespan already closed it when the client left; closing twice is harmless


@pytest.fixture
def server(make_server: Callable[..., Server]) -> Server:
    return make_server()
