"""Sync in the window, against a real server process: the status-bar widget (offline, pending count, "Sync now",
online, last sync) and the Conflicts panel after two offline approvals of the same case; field history on the case."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMainWindow
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration" / "sync"))

from sync_harness import Account, ServerProcess, Station

from app.domain.errors import DomainError
from app.domain.text import to_persian_digits
from app.domain.workflows import Actor
from app.models import Case, FieldHistory, OutboxEntry, Person, User, UserRole, utcnow
from app.paths import DataPaths
from app.services.context import Services, cheap_hasher_for_tests
from app.services.dto import Changes
from app.services.outbox import enqueue_upsert, to_json_value
from app.settings import Settings
from app.sync import enrolment
from app.sync.apply import apply_records
from app.sync.pull import _page_connection
from app.sync.session import SyncSession, SyncTarget, target_for
from app.sync.transport import Transport
from app.ui.conflicts_panel import ConflictsPanel, FieldHistoryBox
from app.ui.context import UiContext
from app.ui.sync_status import SyncController, SyncStatusWidget, install_sync_status
from app.ui.tasks import TaskRunner

ROLES = {"formation.clerk", "formation.head"}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """A real ``ecity-server`` process on SQLite (the sync scenarios run it on PostgreSQL too, in tests/e2e)."""
    folder = tmp_path_factory.mktemp("ui-sync-server")
    process = ServerProcess(folder, f"sqlite:///{folder / 'server.sqlite3'}")
    process.start()
    yield process
    process.close()


def local_user(services: Services, account: Account) -> None:
    """The clerk's local account (the offline verifier) under the server's id, as log-in on the server leaves it."""
    with services.session_factory() as session:
        session.connection(execution_options={"writer": True})
        user = User(id=account.user_id, username=account.username, full_name=account.full_name,
                    password_hash=services.hasher.hash("secret-pass"), dirty=False)  # fmt: skip
        user.roles = [UserRole(role=r) for r in sorted(account.roles)]
        session.add(user)
        session.commit()


@pytest.fixture
def desk(data_dir: Path, qapp: QApplication) -> Iterator[UiContext]:
    services = Services.open(DataPaths(data_dir), workstation_no=41, password_hasher=cheap_hasher_for_tests())
    runner = TaskRunner()
    ctx = UiContext(services=services, tasks=runner, settings=Settings(), paths=DataPaths(data_dir),
                    workstation_no=services.workstation_no)  # fmt: skip
    yield ctx
    runner.shutdown()
    qapp.processEvents()
    services.close()


def controller_for(ctx: UiContext, server: ServerProcess, account: Account) -> SyncController:
    session = SyncSession(ctx.services, SyncTarget(server.url, f"ws-{ctx.workstation_no}"), interval=3600)
    session.auth.set_access_token(server.token(account, int(ctx.workstation_no or 0)))
    controller = SyncController(ctx, session)
    assert controller.worker is not None
    controller.worker.backoff.base = 0.2  # keep the offline retries short in the test
    return controller


def test_without_a_server_the_status_bar_says_local_only(desk: UiContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert target_for(desk.services.engine, "") is None
    assert target_for(desk.services.engine, "http://server:8750") is None  # a server, but never asked to enrol
    window = QMainWindow()
    qtbot.addWidget(window)
    widget = install_sync_status(window, desk)
    assert widget.controller.local_only and widget.controller.worker is None
    assert widget.isHidden()


def test_status_goes_offline_counts_pending_and_syncs_now(  # type: ignore[no-untyped-def]
    desk: UiContext, server: ServerProcess, qtbot, tmp_path: Path
) -> None:
    clerk = server.add_user("ui-status", ROLES, full_name="Clerk Status")
    local_user(desk.services, clerk)
    desk.actor = desk.services.auth.actor_for(clerk.user_id)
    other = Station(tmp_path / "other", 42, server=server, account=clerk)
    case_id = other.open_case(clerk, summary="from the other desk")
    other.sync()

    server.stop()
    controller = controller_for(desk, server, clerk)
    widget = SyncStatusWidget(controller)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    controller.start()
    try:
        qtbot.waitUntil(lambda: controller.status.error_code == "sync.offline", timeout=10_000)
        assert not controller.status.online
        assert any(word in widget.state_label.text() for word in ("Offline", "قطع ارتباط", "آفلاین"))

        # a local write: the pending count moves
        with desk.services.session_factory() as session:
            session.connection(execution_options={"writer": True})
            person = Person(kind="natural", first_name="Sara", last_name="Local", hlc=desk.services.stamp())
            session.add(person)
            session.flush()
            enqueue_upsert(session, "person", person, None, person.hlc)
            session.commit()
        controller.worker.refresh_pending()  # type: ignore[union-attr]
        qtbot.waitUntil(lambda: widget.pending_label.text().endswith(to_persian_digits("1")), timeout=5000)
        assert widget.last_label.text() in ("Never synced", "هنوز همگام‌سازی نشده")

        server.start()
        announced: list[Changes] = []
        desk.hub.changes_applied.connect(lambda changes, _initiator: announced.append(changes))
        with qtbot.waitSignal(controller.round_finished, timeout=20_000):
            qtbot.mouseClick(widget.sync_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: controller.status.online and not controller.status.running, timeout=5000)
        assert controller.status.error_code == "" and controller.status.pending == 0
        assert widget.pending_label.text().endswith(to_persian_digits("0"))
        # a Jalali date in Persian digits (the label reads in English or Persian: whichever translator is installed)
        assert "۱۴۰" in widget.last_label.text()
        assert widget.last_label.text().split(":")[0] in ("Last sync", "آخرین همگام‌سازی")
        assert any(word in widget.state_label.text() for word in ("Online", "متصل", "آنلاین"))
        with desk.services.session_factory() as session:
            assert session.get(Case, case_id) is not None  # the other desk's case arrived
            assert session.scalars(select(OutboxEntry).where(OutboxEntry.acked_at.is_(None))).all() == []
        # the open tabs are told, so they reload (UnitTab.wants_reload: case ids or "case")
        assert any(case_id in c.case_ids and "case" in c.entities for c in announced)
    finally:
        controller.stop()
        qtbot.waitUntil(desk.tasks.is_idle, timeout=5000)
        if server.proc is None:
            server.start()


def test_two_offline_approvals_end_with_the_conflicts_panel_showing_it(  # type: ignore[no-untyped-def]
    desk: UiContext, server: ServerProcess, qtbot, tmp_path: Path
) -> None:
    first = server.add_user("ui-first", ROLES, full_name="Clerk First")
    second = server.add_user("ui-second", ROLES, full_name="Clerk Second")
    local_user(desk.services, second)
    desk.actor = desk.services.auth.actor_for(second.user_id)
    other = Station(tmp_path / "first", 43, server=server, account=first)
    case_id = other.open_case(first, summary="both approve")
    other.sync()

    controller = controller_for(desk, server, second)
    widget = SyncStatusWidget(controller)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    with qtbot.waitSignal(controller.round_finished, timeout=20_000):
        controller.start()
    version = desk.services.cases.get_version(case_id)

    # both clerks act on the case while offline; the first desk reaches the server first
    other.act(first, case_id, "start_review")
    desk.services.cases.apply_action(desk.actor, case_id, "start_review", expected_version=version)
    with desk.services.session_factory() as session:
        action = session.scalars(select(OutboxEntry).where(OutboxEntry.kind == "action")).one()
        assert action.payload["actor_id"] == second.user_id
        assert "state_due_date" in action.payload
    other.sync()

    with qtbot.waitSignal(controller.round_finished, timeout=20_000):
        qtbot.mouseClick(widget.sync_button, Qt.MouseButton.LeftButton)
    try:
        qtbot.waitUntil(lambda: widget.panel is not None and widget.panel.isVisible(), timeout=10_000)
        panel = widget.panel
        assert isinstance(panel, ConflictsPanel)
        qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 1, timeout=5000)
        item = panel.tree.topLevelItem(0)
        assert "Clerk First" in item.text(3) and "Clerk First" in panel.details.text()
        assert item.text(2) == desk.services.cases.action_title("start_review")
        assert item.font(0).bold()
        assert widget.conflicts_button.text().endswith(f"({to_persian_digits('1')})")
        panel.grab().save(str(tmp_path / "conflicts.png"))

        with desk.services.session_factory() as session:  # one approval here too: the server's
            case = session.get(Case, case_id)
            assert case is not None and case.state == "in_review"
        assert [a for _, a in other.events(case_id)] == ["open", "start_review"]

        with qtbot.waitSignal(panel.seen_changed, timeout=5000):
            qtbot.mouseClick(panel.all_seen_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.lines and all(line.seen for line in panel.lines), timeout=5000)
        qtbot.waitUntil(lambda: widget.conflicts_button.text().endswith(f"({to_persian_digits('0')})"), timeout=5000)
    finally:
        if widget.panel is not None:
            widget.panel.close()
        controller.stop()
        qtbot.waitUntil(desk.tasks.is_idle, timeout=5000)


def test_the_case_shows_values_that_lost_a_merge(desk: UiContext, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    station = Station(tmp_path / "st", 44)
    account = Account("u-hist", "hist", "Hist", frozenset(ROLES))
    case_id = station.open_case(account, summary="kept value")
    # the desk's database gets the case and a history row as a pull would leave them
    with station.sessions() as session:
        case = session.get(Case, case_id)
        assert case is not None
        data = {c.key: getattr(case, c.key) for c in Case.__table__.columns}
    records = [
        {"entity": "case_file", "id": case_id, "position": 1, "version": 2, "deleted": False,
         "data": {k: to_json_value(v) for k, v in data.items() if k not in {"id", "version", "hlc", "dirty"}},
         "field_hlc": {"summary": "0000000000002-00000-0044"}},
        {"entity": "field_history", "id": "h1", "position": 2, "version": 1, "deleted": False,
         "data": {"entity": "case_file", "entity_id": case_id, "field": "summary", "lost_value": "lost value",
                  "lost_hlc": "0000000000001-00000-0045", "won_hlc": "0000000000002-00000-0044",
                  "at": utcnow().isoformat(), "case_id": case_id}, "field_hlc": {}},
    ]  # fmt: skip
    with _page_connection(desk.services.engine) as conn, conn.begin():  # as a pull page: no applicant here
        apply_records(conn, records)
    with desk.services.session_factory() as session:
        assert session.scalars(select(FieldHistory)).one().lost_value == "lost value"

    box = FieldHistoryBox(desk, case_id)
    qtbot.addWidget(box)
    with qtbot.waitSignal(box.loaded, timeout=5000):
        box.reload()
    assert box.isVisibleTo(box.parentWidget() or box) or not box.isHidden()
    item = box.tree.topLevelItem(0)
    assert (item.text(2), item.text(3)) == ("kept value", "lost value")


def test_an_enrolled_desk_asks_for_the_server_password_then_syncs_and_keeps_the_account(  # type: ignore[no-untyped-def]
    desk: UiContext, server: ServerProcess, qtbot
) -> None:
    """The real path of the program: enrol (approved on the server), no token yet → "Log in to server…" → the
    password → the clerk's account kept here under the server's id, and the first round runs."""
    from server.services import accounts, workstations
    from server.services.audit import Actor as ServerActor

    with server.session() as session:
        accounts.create_user(session, server.ctx, username="enrolled", full_name="Clerk Enrolled",
                             password="server-pass-1", roles=sorted(ROLES), actor=ServerActor(username="test"))  # fmt: skip
        session.commit()
    transport = Transport(server.url)
    try:
        answer = enrolment.request_enrolment(desk.services.engine, transport, "ui-desk")
        with server.session() as session:
            workstations.approve(session, server.ctx, answer["workstation_id"], actor=ServerActor(username="test"))
            session.commit()
        assert enrolment.enrolment_status(desk.services.engine, transport)["status"] == "approved"
    finally:
        transport.close()
    desk.settings = Settings(server_url=server.url)
    with pytest.raises(DomainError):
        desk.services.auth.login("enrolled", "server-pass-1")  # not on this desk yet
    desk.actor = Actor("local-id", "enrolled", "Clerk Enrolled", frozenset(ROLES))

    window = QMainWindow()
    qtbot.addWidget(window)
    widget = install_sync_status(window, desk, interval=3600)
    controller = widget.controller
    try:
        assert not controller.local_only
        qtbot.waitUntil(lambda: controller.status.error_code == "sync.login_required", timeout=15_000)
        window.show()
        qtbot.waitExposed(window)
        assert widget.login_button.isVisible()
        dialog = widget.ask_login()
        assert dialog is not None
        dialog.password.setText("server-pass-1")
        with qtbot.waitSignal(controller.round_finished, timeout=20_000):
            ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
            qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: controller.status.online and not controller.status.error_code, timeout=5000)
        assert not widget.login_button.isVisible()
        kept = desk.services.auth.login("enrolled", "server-pass-1")  # now offline-capable, under the server's id
        with server.session() as session:
            assert kept.user_id == accounts.find_user(session, "enrolled").id
        assert kept.roles == ROLES
    finally:
        window.close()
        qtbot.waitUntil(desk.tasks.is_idle, timeout=5000)
