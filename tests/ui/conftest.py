"""UI test set-up: a Persian right-to-left application, demo data copied per test, and no window left behind.

The demo database is built once per session (through the real services, with a cheap argon2 hasher) and copied into
each test's own data folder, so every test starts from the same office and may change it freely.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.paths import DataPaths
from app.services.context import Services, cheap_hasher_for_tests
from app.services.demo import DEMO_PASSWORD, create_demo
from app.settings import Settings
from app.ui.context import UiContext
from app.ui.qt_app import configure_application
from app.ui.tasks import TaskRunner

DEMO_CASES = 60


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo workstation database, built once."""
    root = tmp_path_factory.mktemp("demo-template")
    services = Services.open(DataPaths(root), password_hasher=cheap_hasher_for_tests())
    try:
        create_demo(services, n_cases=DEMO_CASES)
    finally:
        services.close()
    return root


@pytest.fixture(scope="session", autouse=True)
def persian_app(qapp: QApplication) -> QApplication:
    configure_application(qapp, "fa")
    return qapp


@pytest.fixture(autouse=True)
def no_window_left_open(qapp: QApplication) -> Iterator[None]:
    """Fail a test that leaves a top-level window open (napari's check): leaked windows hide bugs and slow the run."""
    before = {id(w) for w in qapp.topLevelWidgets() if w.isVisible()}
    yield
    qapp.processEvents()
    leftovers = [w for w in qapp.topLevelWidgets() if w.isVisible() and id(w) not in before]
    for widget in leftovers:
        widget.close()
    qapp.processEvents()
    if leftovers:
        names = ", ".join(f"{type(w).__name__}({w.objectName()!r})" for w in leftovers)
        pytest.fail(f"the test left top-level windows open: {names}", pytrace=False)


@pytest.fixture
def services(demo_template: Path, data_dir: Path) -> Iterator[Services]:
    for name in ("workstation.sqlite", "workstation.sqlite-wal", "workstation.sqlite-shm"):
        source = demo_template / name
        if source.exists():
            shutil.copy2(source, data_dir / name)
    svc = Services.open(DataPaths(data_dir), password_hasher=cheap_hasher_for_tests())
    yield svc
    svc.close()


@pytest.fixture
def ctx(services: Services, data_dir: Path, qapp: QApplication) -> Iterator[UiContext]:
    runner = TaskRunner()
    context = UiContext(
        services=services,
        tasks=runner,
        settings=Settings(),
        paths=DataPaths(data_dir),
        workstation_no=services.workstation_no,
    )
    yield context
    runner.shutdown()
    qapp.processEvents()


class Keyboard:
    """Keyboard-only helpers for the tests (a fixture, so test modules need no imports from here)."""

    def __init__(self, qtbot, ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.ctx = ctx

    def type(self, widget: QWidget, text: str) -> None:
        """Type any text, Persian included, as key events (qtbot.keyClicks crashes on non-ASCII characters)."""
        for ch in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
                QApplication.sendEvent(widget, event)

    def type_focused(self, text: str) -> None:
        self.type(self.focused(), text)

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
              widget: QWidget | None = None) -> None:  # fmt: skip
        from PySide6.QtTest import QTest

        QTest.keyClick(widget or self.focused(), key, modifier)

    def focused(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def show(self, window: QWidget) -> None:
        """Show a window and wait until it has the keyboard (offscreen windows must be activated)."""
        self.qtbot.addWidget(window)
        window.show()
        self.qtbot.waitExposed(window)
        window.activateWindow()
        window.raise_()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)

    def wait_idle(self, timeout: int = 15000) -> None:
        self.qtbot.waitUntil(self.ctx.tasks.is_idle, timeout=timeout)
        QApplication.processEvents()


@pytest.fixture
def kb(qtbot, ctx: UiContext) -> Keyboard:  # type: ignore[no-untyped-def]
    return Keyboard(qtbot, ctx)


@pytest.fixture
def login(ctx: UiContext):  # type: ignore[no-untyped-def]
    """``login("intake")`` signs the demo user in (bypassing the dialog, which has its own test)."""

    def do(username: str) -> UiContext:
        ctx.actor = ctx.services.auth.login(username, DEMO_PASSWORD)
        return ctx

    return do
