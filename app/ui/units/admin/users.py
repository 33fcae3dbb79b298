"""Users and roles: the workstation's local accounts, or the server's when a server is configured and the
administrator has connected to it. New user, roles, reset password, lock and unlock; every change audited (locally by
the services, on the server by the server)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError, ValidationError
from app.domain.units import ROLES
from app.services.dto import UserView
from app.ui.cartable import digits, join_list, show_datetime
from app.ui.context import UiContext
from app.ui.messages import error_text
from app.ui.units.admin.common import RowsModel, RowsView, isolate, message_label, role_title, show_message

log = logging.getLogger(__name__)

MIN_PASSWORD = 8


class UserDialog(QDialog):
    """New user (name, full name, password twice, roles) or, with ``user``, the roles and full name of one user.

    ``submit(values) `` is called with a dict; it returns nothing and reports back through ``failed(error)`` or
    ``done()``, so the dialog stays open with the message next to the field when the service refuses."""

    def __init__(self, parent: QWidget, submit: Callable[[dict[str, Any]], None], user: UserView | None = None,
                 mode: str = "new") -> None:  # fmt: skip
        super().__init__(parent)
        self.mode = mode
        self._submit = submit
        self.setObjectName(f"user-dialog-{mode}")
        titles = {
            "new": self.tr("New user"),
            "roles": self.tr("Roles of the user"),
            "password": self.tr("Reset password"),
        }
        self.setWindowTitle(titles[mode])
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.username.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.full_name = QLineEdit(self)
        self.full_name.setObjectName("full_name")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.repeat = QLineEdit(self)
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.roles = QListWidget(self)
        self.roles.setObjectName("roles")
        self.roles.setMinimumHeight(220)
        for role in ROLES:
            item = QListWidgetItem(role_title(role), self.roles)
            item.setData(Qt.ItemDataRole.UserRole, role)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if user and role in user.roles else Qt.CheckState.Unchecked)
        self.messages: dict[str, QLabel] = {}
        for name, label, widget in (
            ("username", self.tr("User name:"), self.username),
            ("full_name", self.tr("Full name:"), self.full_name),
            ("password", self.tr("Password:"), self.password),
            ("repeat", self.tr("Repeat password:"), self.repeat),
            ("roles", self.tr("Roles:"), self.roles),
        ):
            if mode == "password" and name in ("full_name", "roles"):
                widget.hide()
                continue
            if mode == "roles" and name in ("password", "repeat"):
                widget.hide()
                continue
            row = QVBoxLayout()
            row.setSpacing(2)
            row.addWidget(widget)
            message = message_label(self, f"{name}-message")
            self.messages[name] = message
            row.addWidget(message)
            form.addRow(label, row)
        if user is not None:
            self.username.setText(user.username)
            self.username.setReadOnly(True)
            self.full_name.setText(user.full_name)
        layout.addLayout(form)
        self.general = message_label(self, "user-dialog-message")
        layout.addWidget(self.general)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.save_button.setObjectName("save")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.try_submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.password if mode == "password" else self.full_name if mode == "roles" else self.username).setFocus()

    def checked_roles(self) -> list[str]:
        roles: list[str] = []
        for i in range(self.roles.count()):
            item = self.roles.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                roles.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return roles

    def set_roles(self, roles: Iterable[str]) -> None:
        wanted = set(roles)
        for i in range(self.roles.count()):
            item = self.roles.item(i)
            role = str(item.data(Qt.ItemDataRole.UserRole))
            item.setCheckState(Qt.CheckState.Checked if role in wanted else Qt.CheckState.Unchecked)

    def _clear_messages(self) -> None:
        for label in (*self.messages.values(), self.general):
            show_message(label, "")

    def try_submit(self) -> None:
        """Checks what needs no database (the two passwords agree), then hands the values to the service."""
        self._clear_messages()
        values: dict[str, Any] = {"username": self.username.text().strip(), "full_name": self.full_name.text()}
        if self.mode in ("new", "password"):
            if len(self.password.text()) < MIN_PASSWORD:
                self.fail(ValidationError("password.too_short", field="password", min_length=MIN_PASSWORD))
                return
            if self.password.text() != self.repeat.text():
                self.fail(ValidationError("password.mismatch", field="repeat"))
                return
            values["password"] = self.password.text()
        if self.mode in ("new", "roles"):
            values["roles"] = self.checked_roles()
            if not values["roles"]:
                self.fail(ValidationError("roles.invalid", field="roles"))
                return
        self.save_button.setEnabled(False)
        self._submit(values)

    def fail(self, error: DomainError) -> None:
        self.save_button.setEnabled(True)
        field = getattr(error, "field", None) or str(error.params.get("field") or "")
        aliases = {"user_id": "username", "old_password": "password"}
        label = self.messages.get(aliases.get(field, field), self.general)
        show_message(label, error_text(error))

    def done_ok(self) -> None:
        self.save_button.setEnabled(True)
        self.accept()


class UsersPanel(QWidget):
    """The table of accounts and the buttons that change them."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("admin-users")
        self.remote: Any = None  # app.services.admin.ServerUsers once connected to the server
        self.dialog: UserDialog | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.source_label = QLabel(self)
        self.source_label.setObjectName("users-source")
        self.source_label.setWordWrap(True)
        top.addWidget(self.source_label, 1)
        self.connect_button = QPushButton(self.tr("Manage the server's accounts…"), self)
        self.connect_button.setObjectName("connect-server")
        self.connect_button.clicked.connect(self.connect_server)
        top.addWidget(self.connect_button)
        layout.addLayout(top)
        self.model = RowsModel(
            [self.tr("User name"), self.tr("Full name"), self.tr("Roles"), self.tr("Status")], self._cells, parent=self
        )
        self.model.ltr_columns = {0}
        self.model.highlight = lambda u: not u.active or self._locked(u)
        self.view = RowsView(self.model, self)
        self.view.setObjectName("users-table")
        self.view.stretch_column(2)
        self.view.doubleClicked.connect(lambda _i: self.edit_roles())
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New user…"), self)
        self.roles_button = QPushButton(self.tr("Roles and name…"), self)
        self.password_button = QPushButton(self.tr("Reset password…"), self)
        self.lock_button = QPushButton(self.tr("Lock"), self)
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        for name, button, slot in (
            ("new-user", self.new_button, self.new_user),
            ("edit-roles", self.roles_button, self.edit_roles),
            ("reset-password", self.password_button, self.reset_password),
            ("lock", self.lock_button, self.lock),
            ("unlock", self.unlock_button, self.unlock),
        ):
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = message_label(self, "users-message")
        layout.addWidget(self.message)
        self._show_source()
        self.reload()

    # -- source -----------------------------------------------------------------------------------------------------
    def _show_source(self) -> None:
        server = self.ctx.settings.server_url
        if self.remote is not None:
            text = self.tr("Accounts on the central server %1. Workstations learn them at their next sync.")
            self.source_label.setText(text.replace("%1", isolate(server)))
        elif server:
            text = self.tr("This workstation's accounts (offline copies). The office's accounts live on the server %1.")
            self.source_label.setText(text.replace("%1", isolate(server)))
        else:
            self.source_label.setText(self.tr("This workstation's accounts: no central server is configured."))
        self.connect_button.setVisible(bool(server) and self.remote is None)

    def connect_server(self) -> None:
        password, ok = QInputDialog.getText(
            self, self.tr("Central server"), self.tr("Your password on the server:"), QLineEdit.EchoMode.Password
        )
        if ok and password:
            self.connect_with(password)

    def connect_with(self, password: str) -> None:
        from app.services.admin import ServerUsers

        actor = self.ctx.actor
        assert actor is not None
        self.ctx.tasks.read(ServerUsers.connect, self.ctx.settings.server_url, actor.username, password,
                            on_done=self._connected, on_error=self._error)  # fmt: skip

    def _connected(self, remote: Any) -> None:
        self.remote = remote
        self._show_source()
        self.reload()

    # -- table -------------------------------------------------------------------------------------------------------
    @staticmethod
    def _locked(user: UserView) -> bool:
        return user.locked_until is not None and user.locked_until > dt.datetime.now(dt.UTC)

    def _cells(self, user: UserView) -> list[str]:
        if not user.active:
            status = self.tr("Locked by the administrator")
        elif self._locked(user):
            status = self.tr("Locked after wrong passwords until %1").replace("%1", show_datetime(user.locked_until))
        else:
            status = self.tr("Active")
        return [user.username, user.full_name, join_list([role_title(r) for r in sorted(user.roles)]), status]

    def reload(self) -> None:
        fn = self.remote.list_users if self.remote is not None else self.ctx.services.admin.list_users
        self.ctx.tasks.read(fn, on_done=self._loaded, on_error=self._error)

    def _loaded(self, users: list[UserView]) -> None:
        selected = self.view.current_row()
        self.model.set_rows(users)
        if selected is not None:
            self.view.select_where(lambda u: u.id == selected.id)
        show_message(self.message, "")

    def users(self) -> list[UserView]:
        return self.model.rows()

    def select_user(self, username: str) -> bool:
        return self.view.select_where(lambda u: u.username == username)

    def _error(self, error: DomainError) -> None:
        show_message(self.message, error_text(error))

    def _selected(self) -> UserView | None:
        user = self.view.current_row()
        if user is None:
            show_message(self.message, self.tr("Choose a user in the table first."))
        return user  # type: ignore[no-any-return]

    # -- actions -----------------------------------------------------------------------------------------------------
    def _run(self, fn: Callable[..., Any], *args: Any, dialog: UserDialog | None = None) -> None:
        """A change: on the server through the read pool (network), locally through the writer; then reload."""

        def done(_result: object) -> None:
            if dialog is not None:
                dialog.done_ok()
            show_message(self.message, self.tr("Saved."))
            self.reload()

        def failed(error: DomainError) -> None:
            if dialog is not None:
                dialog.fail(error)
            else:
                self._error(error)

        if self.remote is not None:
            self.ctx.tasks.read(fn, *args, on_done=done, on_error=failed)
        else:
            self.ctx.tasks.write(fn, *args, on_done=done, on_error=failed)

    def _open(self, dialog: UserDialog) -> UserDialog:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def new_user(self) -> UserDialog:
        def submit(values: dict[str, Any]) -> None:
            if self.remote is not None:
                self._run(self.remote.create_user, values["username"], values["full_name"], values["password"],
                          values["roles"], dialog=dialog)  # fmt: skip
            else:
                self._run(self.ctx.services.admin.create_user, self.ctx.actor, values["username"],
                          values["full_name"], values["password"], values["roles"], dialog=dialog)  # fmt: skip

        dialog = UserDialog(self, submit, mode="new")
        return self._open(dialog)

    def edit_roles(self) -> UserDialog | None:
        user = self._selected()
        if user is None:
            return None

        def submit(values: dict[str, Any]) -> None:
            if self.remote is not None:
                self._run(self._remote_update, user.id, values["full_name"], values["roles"], dialog=dialog)
            else:
                self._run(self._local_update, user, values["full_name"], values["roles"], dialog=dialog)

        dialog = UserDialog(self, submit, user=user, mode="roles")
        return self._open(dialog)

    def _local_update(self, user: UserView, full_name: str, roles: list[str]) -> None:
        admin = self.ctx.services.admin
        if full_name.strip() != user.full_name:
            admin.set_full_name(self.ctx.actor, user.id, full_name)
        if frozenset(roles) != user.roles:
            admin.set_roles(self.ctx.actor, user.id, roles)

    def _remote_update(self, user_id: str, full_name: str, roles: list[str]) -> None:
        self.remote.update_user(user_id, full_name=full_name, roles=roles)

    def reset_password(self) -> UserDialog | None:
        user = self._selected()
        if user is None:
            return None

        def submit(values: dict[str, Any]) -> None:
            if self.remote is not None:
                self._run(self.remote.reset_password, user.id, values["password"], dialog=dialog)
            else:
                self._run(self.ctx.services.admin.reset_password, self.ctx.actor, user.id, values["password"],
                          dialog=dialog)  # fmt: skip

        dialog = UserDialog(self, submit, user=user, mode="password")
        return self._open(dialog)

    def lock(self) -> None:
        user = self._selected()
        if user is None:
            return
        if self.remote is not None:
            self._run(lambda: self.remote.update_user(user.id, active=False))
        else:
            self._run(self.ctx.services.admin.lock, self.ctx.actor, user.id)

    def unlock(self) -> None:
        user = self._selected()
        if user is None:
            return
        if self.remote is not None:
            self._run(lambda: (self.remote.update_user(user.id, active=True), self.remote.unlock(user.id)))
        else:
            self._run(self.ctx.services.admin.unlock, self.ctx.actor, user.id)

    def count_text(self) -> str:
        return digits(len(self.model.rows()))
