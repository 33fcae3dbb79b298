"""The sign-in dialog against a real server process: a fresh enrolled workstation with no local users signs in
through the server (account kept here, refresh token in the keyring); with the server stopped the same clerk signs in
offline against the kept verifier; wrong passwords on the server lock the account, and the dialog says so in Persian."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration" / "sync"))

from sync_harness import ServerProcess

from app.domain.errors import DomainError
from app.domain.text import to_persian_digits
from app.models import User
from app.paths import DataPaths
from app.services.context import Services, cheap_hasher_for_tests
from app.settings import Settings
from app.sync import enrolment
from app.sync.credentials import CredentialStore
from app.sync.target import target_for
from app.sync.transport import Transport
from app.ui.context import UiContext
from app.ui.login_dialog import LoginDialog
from app.ui.messages import error_text
from app.ui.tasks import TaskRunner

ROLES = ["formation.clerk", "formation.head"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    folder = tmp_path_factory.mktemp("login-server")
    process = ServerProcess(folder, f"sqlite:///{folder / 'server.sqlite3'}")
    process.start()
    yield process
    process.close()


def server_user(server: ServerProcess, username: str, password: str) -> str:
    from server.services import accounts
    from server.services.audit import Actor as ServerActor

    with server.session() as session:
        user = accounts.create_user(session, server.ctx, username=username, full_name=f"Clerk {username}",
                                    password=password, roles=ROLES, actor=ServerActor(username="test"))  # fmt: skip
        session.commit()
        return str(user.id)


@pytest.fixture
def desk(data_dir: Path, qapp: QApplication, server: ServerProcess) -> Iterator[UiContext]:
    """A brand-new workstation, enrolled (approved on the server), with no local user at all."""
    from server.services import workstations
    from server.services.audit import Actor as ServerActor

    services = Services.open(DataPaths(data_dir), workstation_no=51, password_hasher=cheap_hasher_for_tests())
    transport = Transport(server.url)
    try:
        answer = enrolment.request_enrolment(services.engine, transport, f"desk-{data_dir.name}")
        with server.session() as session:
            workstations.approve(session, server.ctx, answer["workstation_id"], actor=ServerActor(username="test"))
            session.commit()
        assert enrolment.enrolment_status(services.engine, transport)["status"] == "approved"
    finally:
        transport.close()
    runner = TaskRunner()
    ctx = UiContext(services=services, tasks=runner, settings=Settings(server_url=server.url),
                    paths=DataPaths(data_dir), workstation_no=services.workstation_no)  # fmt: skip
    yield ctx
    runner.shutdown()
    qapp.processEvents()
    services.close()


def local_users(ctx: UiContext) -> int:
    with ctx.services.session_factory() as session:
        return int(session.scalar(select(func.count()).select_from(User)) or 0)


def sign_in(qtbot, ctx: UiContext, username: str, password: str) -> LoginDialog:  # type: ignore[no-untyped-def]
    """Type into a fresh dialog and press Enter; returns once the attempt has finished (accepted or refused)."""
    dialog = LoginDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClick(dialog.username, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result() == LoginDialog.DialogCode.Accepted or not dialog.error_label.isHidden(),
                    timeout=20_000)  # fmt: skip
    qtbot.waitUntil(ctx.tasks.is_idle, timeout=5000)
    return dialog


def test_fresh_workstation_signs_in_through_the_server_then_offline(  # type: ignore[no-untyped-def]
    desk: UiContext, server: ServerProcess, qtbot, tmp_path: Path
) -> None:
    server_id = server_user(server, "door.clerk", "server-pass-1")
    assert local_users(desk) == 0
    target = target_for(desk.services.engine, server.url)
    assert target is not None

    online = sign_in(qtbot, desk, "door.clerk", "server-pass-1")
    assert online.result() == LoginDialog.DialogCode.Accepted, online.error_label.text()
    assert online.server_check is not None and online.server_check.mode == "online"
    assert online.actor is not None and online.actor.user_id == server_id  # the server's identity, kept here
    assert online.actor.roles == frozenset(ROLES)
    assert desk.actor == online.actor
    assert CredentialStore(target.server_url, target.workstation_id).load()  # the refresh token, in the keyring
    with desk.services.session_factory() as session:
        kept = session.get(User, server_id)
        assert kept is not None and kept.password_hash.startswith("$argon2id$")

    server.stop()
    try:
        desk.actor = None
        offline = sign_in(qtbot, desk, "door.clerk", "server-pass-1")
        assert offline.result() == LoginDialog.DialogCode.Accepted, offline.error_label.text()
        assert offline.server_check is not None and offline.server_check.mode == "offline"
        assert offline.actor is not None and offline.actor.user_id == server_id

        # someone who never signed in here cannot, while the server is away: the dialog says why
        stranger = sign_in(qtbot, desk, "never.here", "whatever-pass")
        assert stranger.result() != LoginDialog.DialogCode.Accepted
        assert stranger.error_label.text().startswith(error_text(DomainError("auth.bad_credentials")))
        assert (
            stranger.tr(
                "The central server cannot be reached: only users who signed in on this workstation before can sign in now."
            )
            in stranger.error_label.text()
        )
        stranger.grab().save(str(tmp_path / "login-offline.png"))
    finally:
        server.start()


def test_wrong_passwords_on_the_server_lock_the_account_and_the_dialog_says_so(  # type: ignore[no-untyped-def]
    desk: UiContext, server: ServerProcess, qtbot, tmp_path: Path
) -> None:
    server_user(server, "door.locked", "server-pass-2")
    for attempt in range(1, 5):
        dialog = sign_in(qtbot, desk, "door.locked", f"wrong-pass-{attempt}")
        assert dialog.result() != LoginDialog.DialogCode.Accepted
        assert dialog.error_label.text() == error_text(DomainError("auth.bad_credentials"))  # «... نادرست است.»
        assert dialog.password.text() == ""
    fifth = sign_in(qtbot, desk, "door.locked", "wrong-pass-5")
    text = fifth.error_label.text()
    assert text == error_text(DomainError("auth.locked", minutes_left=15))
    assert "قفل" in text and to_persian_digits("15") in text, text  # locked, 15 minutes: in Persian
    fifth.grab().save(str(tmp_path / "login-locked.png"))

    # locked on the server: the right password is refused too, and nothing falls back to a local verifier
    locked = sign_in(qtbot, desk, "door.locked", "server-pass-2")
    assert locked.result() != LoginDialog.DialogCode.Accepted
    assert "قفل" in locked.error_label.text() and to_persian_digits("15") in locked.error_label.text()
    assert desk.actor is None
    with desk.services.session_factory() as session:
        assert session.scalar(select(User).where(User.username == "door.locked")) is None


def test_a_local_only_start_does_not_import_the_sync_client() -> None:
    """The sign-in dialog and the status bar of a local-only workstation leave httpx and keyring unimported (about
    0.2 s of start-up); ``app.sync.session`` is imported only when a server is configured."""
    code = (
        "import sys; import app.ui.login_dialog, app.ui.sync_status, app.ui.main_window, app.ui.shell; "
        "print(sorted(m for m in ('httpx', 'keyring', 'app.sync.session', 'app.sync.client') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[2], capture_output=True,
                         text=True, check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})  # fmt: skip
    assert out.stdout.strip() == "[]", out.stdout + out.stderr
