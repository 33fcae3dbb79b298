"""The login screen and every unit tab, rendered offscreen to PNG files (``ecity-counter screenshot DIR``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

from app.ui.context import UiContext
from app.ui.login_dialog import LoginDialog
from app.ui.main_window import MainWindow


def render_screens(ctx: UiContext, target: Path, username: str, password: str) -> list[str]:
    """Write ``login.png`` and one ``<unit id>.png`` per tab of ``username`` into ``target``; the file names."""

    def settle(rounds: int = 40) -> None:
        # Until the writer and reader threads are idle: a tab's cartable loads off the GUI thread.
        for _ in range(rounds):
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            if ctx.tasks.is_idle():
                loop = QEventLoop()
                QTimer.singleShot(30, loop.quit)
                loop.exec()
                if ctx.tasks.is_idle():
                    return

    written: list[str] = []
    login = LoginDialog(ctx)
    login.show()
    settle()
    login.grab().save(str(target / "login.png"))
    written.append("login.png")
    ctx.actor = ctx.services.auth.login(username, password)
    login.close()
    window = MainWindow(ctx)
    window.resize(1366, 800)
    window.show()
    settle()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        tab = window.tabs.widget(index)
        settle()
        name = f"{tab.unit_id}.png"  # type: ignore[attr-defined]
        window.grab().save(str(target / name))
        written.append(name)
    window.close()
    settle(5)
    return written
