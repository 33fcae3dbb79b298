"""Sign-in against the workstation's local users (argon2id verifiers in the services): works offline."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.domain.errors import DomainError
from app.domain.workflows.engine import Actor
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
        # Log-in writes its audit entry (and the failure counter): it goes to the writer thread.
        self.ctx.tasks.write(
            self.ctx.services.auth.login, username, self.password.text(), on_done=self._done, on_error=self._failed
        )

    def _done(self, actor: Actor) -> None:
        self.login_button.setEnabled(True)
        self.actor = actor
        self.ctx.actor = actor
        self.accept()

    def _failed(self, error: DomainError) -> None:
        self.login_button.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self._show_error(error_text(error))

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
