"""With a central server configured, the Administration tab manages the server's accounts through its users API
(a real FastAPI app on SQLite, called in-process): list, create, refuse a taken name in Persian, lock, reset."""

from __future__ import annotations

import functools
import warnings
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from app.services.admin import ServerUsers
from app.ui.main_window import MainWindow
from server.app import create_app
from server.clock import ManualClock
from server.config import load_settings
from server.db.migrate import upgrade
from server.services import accounts
from server.services.audit import Actor
from server.version import PROTOCOL_HEADER, PROTOCOL_VERSION, SCHEMA_HEADER, SCHEMA_VERSION

ADMIN_PASSWORD = "server-admin-1"
URL = "http://testserver"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Any]:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
        from fastapi.testclient import TestClient
    db = tmp_path / "server.sqlite3"
    upgrade(f"sqlite:///{db}")
    settings = load_settings(
        data_dir=tmp_path / "server-data", db_url=f"sqlite:///{db}", argon2_time_cost=1, argon2_memory_kib=64,
        argon2_parallelism=1, token_secret="x" * 40, auto_migrate=False,
    )  # fmt: skip
    app = create_app(settings, clock=ManualClock())
    client = TestClient(app, base_url=URL,
                        headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION), SCHEMA_HEADER: str(SCHEMA_VERSION)})  # fmt: skip
    client.__enter__()
    ctx = app.state.ctx
    with ctx.session() as session:
        accounts.create_user(session, ctx, username="admin", full_name="مدیر", password=ADMIN_PASSWORD,
                             roles=["admin"], actor=Actor(username="test"))  # fmt: skip
        accounts.create_user(session, ctx, username="clerk", full_name="متصدی", password="clerk-pass-1",
                             roles=["formation.clerk"], actor=Actor(username="test"))  # fmt: skip
    yield client
    client.__exit__(None, None, None)
    ctx.close()


def test_the_admin_manages_the_servers_accounts(qtbot, ctx, kb, login, server, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        ServerUsers, "connect", functools.partial(ServerUsers.connect.__func__, ServerUsers, http=server)
    )
    ctx.settings = replace(ctx.settings, server_url=URL)
    login("admin")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    panel = window.unit_tabs["admin"].users
    kb.wait_idle()
    assert panel.connect_button.isVisibleTo(panel) and URL in panel.source_label.text()
    panel.connect_with(ADMIN_PASSWORD)
    kb.wait_idle()
    assert panel.remote is not None and not panel.connect_button.isVisibleTo(panel)
    assert {u.username for u in panel.users()} == {"admin", "clerk"}

    dialog = panel.new_user()
    kb.type(dialog.username, "clerk")
    kb.type(dialog.full_name, "دیگری")
    kb.type(dialog.password, "another-pass-1")
    kb.type(dialog.repeat, "another-pass-1")
    dialog.set_roles(["archive.operator"])
    dialog.try_submit()
    kb.wait_idle()
    assert dialog.isVisible()
    assert "پیش‌تر ثبت شده" in dialog.general.text() or "پیش‌تر ثبت شده" in dialog.messages["username"].text()
    dialog.username.clear()
    kb.type(dialog.username, "archive2")
    dialog.try_submit()
    kb.wait_idle()
    assert "archive2" in {u.username for u in panel.users()}

    assert panel.select_user("clerk")
    panel.lock()
    kb.wait_idle()
    assert not next(u for u in panel.users() if u.username == "clerk").active
    response = server.post("/auth/login", json={"username": "clerk", "password": "clerk-pass-1"})
    assert response.status_code in (401, 403)
    assert panel.select_user("clerk")
    panel.unlock()
    kb.wait_idle()
    assert next(u for u in panel.users() if u.username == "clerk").active
    assert panel.select_user("clerk")
    reset = panel.reset_password()
    assert reset is not None
    kb.type(reset.password, "clerk-pass-2")
    kb.type(reset.repeat, "clerk-pass-2")
    reset.try_submit()
    kb.wait_idle()
    assert server.post("/auth/login", json={"username": "clerk", "password": "clerk-pass-2"}).status_code == 200
    panel.remote.close()


def test_a_user_who_is_not_an_administrator_on_the_server_is_refused(server) -> None:  # type: ignore[no-untyped-def]
    from app.domain.errors import DomainError

    with pytest.raises(DomainError) as refused:
        ServerUsers.connect(URL, "clerk", "clerk-pass-1", http=server)
    assert refused.value.code == "auth.forbidden"
