"""Sync in the window: a controller that runs ``app.sync.worker.SyncWorker`` in its own thread and brings its news to
the GUI thread as signals, and the status-bar widget (online/offline, pending changes, last sync in Jalali, "Sync now",
a progress bar for large transfers, the back-off countdown, the Conflicts panel).

The worker never touches a widget: its callbacks only emit signals, which Qt queues to the GUI thread. After a round
whose pull brought rows, the controller emits ``changes_applied`` on the event hub so open tabs reload.
A workstation with no server configured, or one that never asked to enrol, shows "Local only" and runs no worker.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.services.dto import Changes
from app.sync.status import SyncStatus
from app.sync.target import target_for
from app.ui.cartable import digits, show_datetime
from app.ui.conflicts_panel import ConflictsPanel
from app.ui.context import UiContext
from app.ui.messages import error_text, message_for

if TYPE_CHECKING:  # the sync client (httpx, keyring) is imported only when a server is configured
    from app.sync.client import SyncReport
    from app.sync.session import SyncSession

log = logging.getLogger(__name__)

SYNC_NOW_SHORTCUT = "Ctrl+Shift+Y"
# Transfers smaller than this finish before a progress bar would be worth looking at.
PROGRESS_THRESHOLD = 200
CASE_ENTITIES = frozenset(
    {"case_file", "case_event", "case_document", "case_party", "appointment", "payment", "field_history"}
)
ENTITY_CHANGES = {"case_file": "case", "person": "person", "property": "property", "appointment": "appointment"}


def changes_of_report(report: SyncReport) -> Changes | None:
    """What a round changed locally, as the ``Changes`` the tabs understand (None when nothing)."""
    case_ids: set[str] = set()
    entities: set[str] = set()
    pulled = report.pull
    if pulled is not None and (pulled.records or pulled.case_ids):
        case_ids |= pulled.case_ids
        entities |= {ENTITY_CHANGES.get(e, e) for e in pulled.entities}
        if pulled.entities & CASE_ENTITIES or "holiday" in pulled.entities:  # holidays move the cartables' deadlines
            entities.add("case")
    if report.push.refused:  # a refused action put its case back to the server's state
        entities.add("case")
    if not case_ids and not entities:
        return None
    return Changes(frozenset(case_ids), frozenset(entities))


class SyncController(QObject):
    """Owns the sync session and its worker thread; every signal arrives on the GUI thread."""

    status_changed = Signal(object)  # SyncStatus
    round_finished = Signal(object)  # SyncReport
    login_finished = Signal(object)  # None on success, else the DomainError
    # Emitted from the worker thread; queued to the GUI thread by Qt.
    _worker_status = Signal(object)
    _worker_round = Signal(object)

    def __init__(self, ctx: UiContext, session: SyncSession | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session = session
        self.status = SyncStatus()
        self.worker = session.make_worker(self._worker_status.emit, self._worker_round.emit) if session else None
        self._worker_status.connect(self._on_worker_status, Qt.ConnectionType.QueuedConnection)
        self._worker_round.connect(self._on_worker_round, Qt.ConnectionType.QueuedConnection)
        ctx.hub.changes_applied.connect(self._on_local_changes)

    @classmethod
    def for_context(cls, ctx: UiContext, parent: QObject | None = None, *, interval: float = 30.0) -> SyncController:
        """The controller of the running program: a session when a server is configured and this workstation asked
        to enrol (``ecity-counter enrol``), otherwise local only."""
        services = ctx.services
        session = None
        engine = getattr(services, "engine", None)
        if engine is not None:
            try:
                target = target_for(engine, getattr(ctx.settings, "server_url", "") or "")
                if target is not None:
                    from app.sync.session import SyncSession

                    session = SyncSession(services, target, interval=interval)
            except Exception:  # sync must never stop the counter from working
                log.exception("sync could not be set up; working local only")
        return cls(ctx, session, parent)

    @property
    def local_only(self) -> bool:
        return self.session is None

    @property
    def server_url(self) -> str:
        return self.session.target.server_url if self.session else ""

    # -- control ---------------------------------------------------------------------------------------------------
    def start(self) -> None:
        if self.worker is not None:
            self.worker.start()

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.stop(timeout=3.0)  # a daemon thread: a round stuck on the network does not hold the exit
            self.worker = None
        if self.session is not None:
            self.session.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and watched is self.parent():
            self.stop()
        return False

    def sync_now(self) -> None:
        if self.worker is not None:
            self.worker.start()  # no-op when running
            self.worker.sync_now()

    def login(self, password: str) -> None:
        """Log the signed-in clerk in on the server (off the GUI thread), then sync at once."""
        actor = self.ctx.actor
        if self.session is None or actor is None:
            return
        self.ctx.tasks.read(
            self.session.login, actor.username, password, on_done=self._logged_in, on_error=self._login_failed
        )

    def _logged_in(self, _body: object) -> None:
        self.login_finished.emit(None)
        self.sync_now()

    def _login_failed(self, error: DomainError) -> None:
        self.login_finished.emit(error)

    # -- from the worker -------------------------------------------------------------------------------------------
    @Slot(object)
    def _on_worker_status(self, status: SyncStatus) -> None:
        self.status = status
        self.status_changed.emit(status)

    @Slot(object)
    def _on_worker_round(self, report: SyncReport) -> None:
        changes = changes_of_report(report)
        if changes is not None:
            self.ctx.hub.changes_applied.emit(changes, self)
        self.round_finished.emit(report)

    def _on_local_changes(self, _changes: Changes, initiator: object) -> None:
        if initiator is self or self.worker is None:
            return
        # A local write queued outbox entries: count them off the GUI thread (the worker reports the new number).
        self.ctx.tasks.read(self.worker.refresh_pending)


class ServerLoginDialog(QDialog):
    """The server wants the clerk's password once (then the refresh token in the keyring keeps the session)."""

    def __init__(self, username: str, server_url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("server-login")
        self.setWindowTitle(self.tr("Log in to the central server"))
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("The central server asks for your password to sync this workstation."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        form = QFormLayout()
        server = QLabel(server_url, self)
        server.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        form.addRow(self.tr("Server:"), server)
        form.addRow(self.tr("User name:"), QLabel(username, self))
        self.password = QLineEdit(self)
        self.password.setObjectName("server-password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        form.addRow(self.tr("Password:"), self.password)
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setProperty("role", "fieldMessage")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        if not self.password.text():
            self.error.setText(self.tr("Enter your password."))
            self.error.show()
            return
        self.accept()


class SyncStatusWidget(QWidget):
    """The status-bar part of sync. Keyboard: the buttons take focus; Ctrl+Shift+Y (in the window) runs "Sync now"."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("sync-status")
        self.panel: ConflictsPanel | None = None
        self._next_attempt_at = 0.0
        self._seen_conflicts = 0
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("sync-state")
        self.pending_label = QLabel(self)
        self.pending_label.setObjectName("sync-pending")
        self.last_label = QLabel(self)
        self.last_label.setObjectName("sync-last")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("sync-progress")
        self.progress.setMinimumWidth(180)
        self.progress.setMaximumWidth(240)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.sync_button = QToolButton(self)
        self.sync_button.setObjectName("sync-now")
        self.sync_button.setText(self.tr("Sync now"))
        self.sync_button.clicked.connect(self.sync_now)
        self.sync_button.setToolTip(self.tr("Sync with the central server now (%1)").replace("%1", SYNC_NOW_SHORTCUT))
        self.login_button = QToolButton(self)
        self.login_button.setObjectName("sync-login")
        self.login_button.setText(self.tr("Log in to server…"))
        self.login_button.clicked.connect(self.ask_login)
        self.login_button.hide()
        self.conflicts_button = QToolButton(self)
        self.conflicts_button.setObjectName("sync-conflicts")
        self.conflicts_button.clicked.connect(self.show_conflicts)
        self.conflicts_button.hide()  # until the count is known
        for widget in (self.state_label, self.pending_label, self.last_label, self.progress, self.login_button,
                       self.sync_button, self.conflicts_button):  # fmt: skip
            layout.addWidget(widget)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update_countdown)
        controller.status_changed.connect(self.show_status)
        controller.round_finished.connect(self._round_finished)
        controller.login_finished.connect(self._login_finished)
        if controller.local_only:
            self.state_label.setText(self.tr("Local only"))
            self.state_label.setToolTip(self.tr("This workstation is not connected to the central server yet."))
            for widget in (self.pending_label, self.last_label, self.sync_button, self.conflicts_button):
                widget.hide()
        else:
            self.state_label.setText(self.tr("Connecting…"))
            self.state_label.setToolTip(controller.server_url)
            self.pending_label.setText(self.tr("Pending: %1").replace("%1", digits(0)))
            self.last_label.setText(self.tr("Never synced"))
        self._refresh_conflict_count()

    # -- status ----------------------------------------------------------------------------------------------------
    @Slot(object)
    def show_status(self, status: SyncStatus) -> None:
        self.pending_label.setText(self.tr("Pending: %1").replace("%1", digits(status.pending)))
        self.pending_label.setToolTip(self.tr("Changes made here and not yet sent to the server"))
        if status.last_sync is not None:
            self.last_label.setText(self.tr("Last sync: %1").replace("%1", show_datetime(status.last_sync)))
        self.login_button.setVisible(status.error_code in ("sync.login_required", "auth.refresh_invalid"))
        self._next_attempt_at = time.monotonic() + status.next_attempt_in if status.next_attempt_in else 0.0
        if status.running:
            text = self.tr("Syncing…")
        elif not status.online:
            text = self.tr("Offline") if status.error_code else self.tr("Connecting…")
        elif status.error_code == "sync.update_required":
            text = self.tr("Update required")
        elif status.error_code == "sync.login_required":
            text = self.tr("Server log-in needed")
        elif status.error_code:
            text = self.tr("Online (sync stopped)")
        else:
            text = self.tr("Online")
        self._state_text = text
        self._waiting = not status.online and bool(status.error_code) and not status.running
        tip = [self.controller.server_url]
        if status.error_code:
            tip.append(message_for(status.error_code))
        if not status.keyring_persistent:
            tip.append(message_for("sync.keyring_unavailable"))
        self.state_label.setToolTip("\n".join(t for t in tip if t))
        self.state_label.setProperty("online", status.online and not status.error_code)
        if self._waiting:
            self._tick.start()
        else:
            self._tick.stop()
        self._update_countdown()
        self._show_progress(status.progress)
        self.sync_button.setEnabled(not status.running)

    def _update_countdown(self) -> None:
        text = getattr(self, "_state_text", "")
        left = round(self._next_attempt_at - time.monotonic()) if self._next_attempt_at else 0
        if getattr(self, "_waiting", False) and left > 0:
            text = self.tr("%1 — retry in %2 s").replace("%1", text).replace("%2", digits(left))
        self.state_label.setText(text)

    def _show_progress(self, progress: tuple[str, int, int] | None) -> None:
        if progress is None or progress[2] < PROGRESS_THRESHOLD:
            self.progress.hide()
            return
        what, done, total = progress
        labels = {"push": self.tr("Sending"), "pull": self.tr("Receiving"), "upload": self.tr("Uploading files")}
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(min(done, total))
        self.progress.setFormat(f"{labels.get(what, what)} %p%")
        self.progress.show()

    def _round_finished(self, report: SyncReport) -> None:
        self._refresh_conflict_count(open_if_new=bool(report.push.conflicts))

    # -- conflicts -------------------------------------------------------------------------------------------------
    def _refresh_conflict_count(self, open_if_new: bool = False) -> None:
        from app.sync.history import unseen_count

        engine = getattr(self.controller.ctx.services, "engine", None)
        if engine is None or self.controller.local_only:
            return

        def done(count: Any) -> None:
            self._show_conflict_count(int(count), open_if_new)

        self.controller.ctx.tasks.read(unseen_count, engine, on_done=done)

    def _show_conflict_count(self, count: int, open_if_new: bool) -> None:
        if not shiboken6.isValid(self):  # the window closed while the read ran
            return
        self.conflicts_button.setText(self.tr("Conflicts (%1)").replace("%1", digits(count)))
        self.conflicts_button.setProperty("alert", count > 0)
        self.conflicts_button.setVisible(True)
        if open_if_new and count > 0:
            self.show_conflicts()

    def show_conflicts(self) -> ConflictsPanel:
        if self.panel is None:
            self.panel = ConflictsPanel(self.controller.ctx, self.window())
            self.panel.seen_changed.connect(lambda: self._refresh_conflict_count())
        self.panel.reload()
        self.panel.show()
        self.panel.raise_()
        return self.panel

    # -- actions ---------------------------------------------------------------------------------------------------
    def sync_now(self) -> None:
        self._state_text = self.tr("Syncing…")
        self.state_label.setText(self._state_text)
        self.controller.sync_now()

    def ask_login(self) -> ServerLoginDialog | None:
        actor = self.controller.ctx.actor
        if actor is None:
            return None
        dialog = ServerLoginDialog(actor.username, self.controller.server_url, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda d=dialog: self.controller.login(d.password.text()))
        self.login_dialog = dialog
        dialog.open()
        return dialog

    def _login_finished(self, error: object) -> None:
        if isinstance(error, DomainError):
            self.state_label.setToolTip(error_text(error))
            self.state_label.setText(self.tr("Server log-in failed"))
            self.login_button.show()
        else:
            self.login_button.hide()


def install_sync_status(window: QMainWindow, ctx: UiContext, **kwargs: Any) -> SyncStatusWidget:
    """Put the sync widget in the window's status bar (replacing its «Local only» label when a server is set up)
    and start the worker; the worker stops when the window is destroyed."""
    controller = SyncController.for_context(ctx, window, **kwargs)
    widget = SyncStatusWidget(controller, window)
    bar = window.statusBar()
    if controller.local_only:
        widget.hide()  # the window's own «Local only» label says it
    else:
        old = getattr(window, "sync_label", None)
        if isinstance(old, QLabel):
            old.hide()
        bar.addPermanentWidget(widget)
        shortcut = QShortcut(QKeySequence(SYNC_NOW_SHORTCUT), window)
        shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        shortcut.activated.connect(widget.sync_now)
        controller.start()
    window.installEventFilter(controller)
    return widget
