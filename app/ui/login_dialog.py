"""Sign-in: through the central server when one is configured and answers (``app.sync.signin``), against the
workstation's local users (argon2id verifiers in the services) otherwise, so it works offline.

The server is asked on a reader thread with a short timeout (the dialog stays responsive and says it is checking);
the local log-in, which writes its audit entry, then runs on the writer thread. A brand-new enrolled workstation with
no local users signs in through the server and keeps the account for offline sign-in next time.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.domain.errors import DomainError
from app.domain.workflows.engine import Actor
from app.sync.signin import ServerCheck, check_with_server
from app.ui.context import UiContext
from app.ui.messages import error_text


class LoginDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor: Actor | None = None
        self.setObjectName("login")
        self.setWindowTitle(self.tr("Sign in"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        heading = QLabel(self.tr("E-city services office"), self)
        heading.setProperty("role", "heading")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(heading)
        sub = QLabel(self.tr("Counter desktop — sign in with your user name"), self)
        sub.setProperty("role", "hint")
        sub.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(sub)
        form = QFormLayout()
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.username.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        layout.addLayout(form)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("login-error")
        self.error_label.setProperty("role", "fieldMessage")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("login-status")
        self.status_label.setProperty("role", "hint")
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        layout.addWidget(self.status_label)
        self.server_check: ServerCheck | None = None  # what the server said at the last attempt (None: not asked)
        self.login_button = QPushButton(self.tr("Sign in"), self)
        self.login_button.setProperty("primary", True)
        self.login_button.setDefault(True)
        layout.addWidget(self.login_button)
        self.login_button.clicked.connect(self.try_login)
        self.username.returnPressed.connect(self.password.setFocus)
        self.username.setFocus()

    def try_login(self) -> None:
        username = self.username.text().strip()
        if not username or not self.password.text():
            self._show_error(self.tr("Enter your user name and password."))
            return
        self.login_button.setEnabled(False)
        self.error_label.hide()
        self.server_check = None
        password = self.password.text()
        server_url = getattr(self.ctx.settings, "server_url", "") or ""
        if getattr(self.ctx.services, "engine", None) is None:
            self._local_login(username, password, None)
            return
        self._show_status(self.tr("Checking with the central server…"))
        # Network (and the kept account's new verifier) off the GUI thread; a refusal comes back as a DomainError.
        self.ctx.tasks.read(
            check_with_server, self.ctx.services, server_url, username, password,
            on_done=lambda check: self._local_login(username, password, check), on_error=self._failed,
        )  # fmt: skip

    def _local_login(self, username: str, password: str, check: ServerCheck | None) -> None:
        self.server_check = check
        self.status_label.hide()
        # Log-in writes its audit entry (and the failure counter): it goes to the writer thread.
        self.ctx.tasks.write(
            self.ctx.services.auth.login, username, password, on_done=self._done, on_error=self._failed
        )

    def _done(self, actor: Actor) -> None:
        self.login_button.setEnabled(True)
        self.actor = actor
        self.ctx.actor = actor
        self.accept()

    def _failed(self, error: DomainError) -> None:
        self.login_button.setEnabled(True)
        self.status_label.hide()
        self.password.clear()
        self.password.setFocus()
        text = error_text(error)
        check = self.server_check
        if check is not None and check.mode in ("offline", "unavailable") and error.code == "auth.bad_credentials":
            text += "\n" + self.tr(
                "The central server cannot be reached: only users who signed in on this workstation before can sign in now."
            )
        self._show_error(text)

    def _show_status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.show()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
