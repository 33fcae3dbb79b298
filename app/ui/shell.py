"""The session loop: login dialog → main window → (File → Sign out) → login dialog again, for another user.

``Shell.start()`` shows the login dialog; a successful sign-in builds a ``MainWindow`` with that user's tabs. Signing
out records the sign-out, forgets the user and shows the login dialog again; the old window is hidden and deleted once
the next user is in (callbacks of its last background reads find it still alive). Closing the login dialog with no
window open ends the application (the last window closed).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from app.ui.context import UiContext
from app.ui.login_dialog import LoginDialog
from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class Shell(QObject):
    signed_in = Signal(object)  # the MainWindow
    signed_out = Signal()

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.window: MainWindow | None = None
        self.login: LoginDialog | None = None
        self._retired: list[MainWindow] = []

    def start(self) -> LoginDialog:
        return self.show_login()

    def show_login(self) -> LoginDialog:
        dialog = LoginDialog(self.ctx)
        dialog.accepted.connect(self._accepted)
        self.login = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _accepted(self) -> None:
        if self.login is not None:
            self.login.deleteLater()
            self.login = None
        for old in self._retired:
            old.deleteLater()
        self._retired.clear()
        window = MainWindow(self.ctx)
        window.sign_out_requested.connect(self._sign_out)
        self.window = window
        window.show()
        self.signed_in.emit(window)

    def _sign_out(self) -> None:
        actor = self.ctx.actor
        if actor is not None:
            self.ctx.tasks.write(self.ctx.services.admin.record_sign_out, actor,
                                 on_error=lambda e: log.warning("sign-out not recorded: %s", e))  # fmt: skip
        self.ctx.actor = None
        if self.window is not None:
            self._retired.append(self.window)  # it closes itself after this signal
            self.window = None
        self.show_login()  # shown before the window closes, so the application does not quit
        self.signed_out.emit()

    def close_all(self) -> None:
        """For tests and shutdown: close whatever is open."""
        if self.login is not None:
            self.login.close()
        if self.window is not None:
            self.window.close_without_asking()
