"""The main window: the unit tabs the user's roles open, the status bar, global search and the barcode reader.

No business logic here: tabs come from the registry (``app.ui.units.TAB_ENTRIES``), cases open in ``CaseView``, every
database call goes through the task runner.

Tabs are built lazily: at start every tab of the user's units shows its title with its count (one count query for
all of them), and a tab's module is imported and its content built when it is first shown, or when code asks
``window.unit_tabs[unit_id]``. File → Sign out (Ctrl+Shift+L) emits ``sign_out_requested``; ``app.ui.shell`` then
shows the login dialog again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from app.domain.dates import TEHRAN, format_jalali_long
from app.domain.errors import DomainError
from app.services.dto import Changes
from app.ui.barcode import BarcodeListener
from app.ui.cartable import digits
from app.ui.context import UiContext
from app.ui.messages import error_text
from app.ui.units import TabEntry, entries_for
from app.ui.units.base import UnitTab

if TYPE_CHECKING:
    from app.ui.case_view import CaseView

log = logging.getLogger(__name__)

SIGN_OUT_SHORTCUT = "Ctrl+Shift+L"


class TabPlaceholder(QWidget):
    """Stands in the tab bar for a unit tab not built yet; replaced by the real tab when first shown."""

    def __init__(self, entry: TabEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.unit_id = entry.unit_id
        self.setObjectName(f"unit-{entry.unit_id}-placeholder")
        QVBoxLayout(self)


class UnitTabs(Mapping[str, UnitTab]):
    """``window.unit_tabs[unit_id]``: the unit's tab, built on first access. Iterates the user's units in order."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def __getitem__(self, unit_id: str) -> UnitTab:
        if unit_id not in self._window.entries:
            raise KeyError(unit_id)
        return self._window.ensure_tab(unit_id)

    def __iter__(self) -> Iterator[str]:
        return iter(self._window.entries)

    def __len__(self) -> int:
        return len(self._window.entries)

    def built(self) -> dict[str, UnitTab]:
        """The tabs built so far (nothing is built by asking)."""
        return dict(self._window.built_tabs)


class MainWindow(QMainWindow):
    sign_out_requested = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_view: CaseView | None = None
        self.setObjectName("main-window")
        self.setWindowTitle(self.tr("E-city counter"))
        self.resize(1280, 800)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("unit-tabs")
        self.tabs.setUsesScrollButtons(True)
        self.setCentralWidget(self.tabs)
        self.entries: dict[str, TabEntry] = {e.unit_id: e for e in entries_for(ctx.units)}
        self.built_tabs: dict[str, UnitTab] = {}
        self.unit_tabs = UnitTabs(self)
        self._counts: dict[str, tuple[int, int]] = {}
        self._counting = False
        self._signing_out = False
        for entry in self.entries.values():
            self.tabs.addTab(TabPlaceholder(entry, self.tabs), entry.title())
        self.tabs.currentChanged.connect(self._on_current_changed)
        if self.entries:
            self.ensure_tab(next(iter(self.entries)))
        self._load_counts()
        ctx.hub.changes_applied.connect(self._on_changes)
        self._build_menu()
        self._build_status_bar()
        self.barcode = BarcodeListener(self, max_gap_ms=ctx.settings.barcode_max_gap_ms)
        self.barcode.scanned.connect(self.open_tracking_number)
        self.barcode.install()
        self._restore_geometry()

    # -- chrome --------------------------------------------------------------------------------------------------------

    def _build_menu(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        self.search_action = QAction(self.tr("&Search cases…"), self)
        self.search_action.setShortcut(QKeySequence.StandardKey.Find)
        self.search_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.search_action.triggered.connect(self.show_search)
        file_menu.addAction(self.search_action)
        # Every staff member's circulars and questions (the technical manager's area). The action is made here and
        # the dialog's module imported when it is used: importing it pulls in the technical tab, which start-up
        # must not pay for (same text, object name and shortcut as technical.staff_dialog.add_circulars_action).
        self.circulars_action = QAction(
            QCoreApplication.translate("StaffCircularsDialog", "Circulars and technical &questions…"), self
        )
        self.circulars_action.setObjectName("staff-circulars")
        self.circulars_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.circulars_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.circulars_action.triggered.connect(self.show_circulars)
        file_menu.addAction(self.circulars_action)
        self.addAction(self.circulars_action)
        file_menu.addSeparator()
        self.sign_out_action = QAction(self.tr("Sign &out"), self)
        self.sign_out_action.setObjectName("sign-out")
        self.sign_out_action.setShortcut(QKeySequence(SIGN_OUT_SHORTCUT))
        self.sign_out_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.sign_out_action.triggered.connect(self.sign_out)
        file_menu.addAction(self.sign_out_action)
        self.addAction(self.sign_out_action)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = menu.addMenu(self.tr("&Help"))
        log_action = QAction(self.tr("Show &log"), self)
        log_action.triggered.connect(self.show_log)
        help_menu.addAction(log_action)
        about = QAction(self.tr("&About"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        actor = self.ctx.actor
        self.user_label = QLabel(self.tr("User: %1").replace("%1", actor.full_name if actor else "—"), self)
        self.user_label.setObjectName("status-user")
        number = self.ctx.workstation_no
        self.workstation_label = QLabel(
            self.tr("Workstation %1").replace("%1", digits(number) if number is not None else "—"), self
        )
        self.workstation_label.setObjectName("status-workstation")
        self.date_label = QLabel(self)
        self.date_label.setObjectName("status-date")
        self.sync_label = QLabel(self.tr("Local only"), self)
        self.sync_label.setObjectName("status-sync")
        self.sync_label.setToolTip(self.tr("This workstation is not connected to the central server yet."))
        for label in (self.user_label, self.workstation_label, self.date_label, self.sync_label):
            bar.addPermanentWidget(label)
        self._update_date()
        self._date_timer = QTimer(self)
        self._date_timer.timeout.connect(self._update_date)
        self._date_timer.start(60_000)
        from app.ui.sync_status import install_sync_status  # online/offline, pending, "Sync now", conflicts

        self.sync_status = install_sync_status(self, self.ctx)

    def _update_date(self) -> None:
        self.date_label.setText(format_jalali_long(dt.datetime.now(TEHRAN).date(), weekday=True))

    def set_sync_state(self, text: str, tooltip: str = "") -> None:
        """For the sync area: replaces «Local only» with the connection state."""
        self.sync_label.setText(text)
        self.sync_label.setToolTip(tooltip)

    def _settings(self) -> QSettings:
        return QSettings(str(self.ctx.paths.root / "ui.ini"), QSettings.Format.IniFormat)

    def _restore_geometry(self) -> None:
        geometry = self._settings().value("main_window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.isVisible() and not self._signing_out and not self.confirm_discard():
            event.ignore()
            return
        self._settings().setValue("main_window/geometry", self.saveGeometry())
        self.barcode.uninstall()
        super().closeEvent(event)

    # -- unit tabs -----------------------------------------------------------------------------------------------------

    def ensure_tab(self, unit_id: str) -> UnitTab:
        """The unit's tab, importing and building it now if it was not built yet (its place in the bar is kept)."""
        tab = self.built_tabs.get(unit_id)
        if tab is not None:
            return tab
        entry = self.entries[unit_id]
        index = next(i for i in range(self.tabs.count()) if getattr(self.tabs.widget(i), "unit_id", None) == unit_id)
        placeholder = self.tabs.widget(index)
        tab = entry.load()(self.ctx, self.tabs)
        self.built_tabs[unit_id] = tab
        current = self.tabs.currentIndex()
        blocked = self.tabs.blockSignals(True)
        try:
            self.tabs.insertTab(index, tab, self._title_text(entry))
            self.tabs.removeTab(index + 1)
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(blocked)
        placeholder.deleteLater()
        tab.title_changed.connect(lambda text, t=tab: self.tabs.setTabText(self.tabs.indexOf(t), text))
        if tab.open_count is not None:  # a cartable that answered already
            self.tabs.setTabText(self.tabs.indexOf(tab), tab.tab_text())
        return tab

    def _on_current_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if isinstance(widget, TabPlaceholder):
            tab = self.ensure_tab(widget.unit_id)
            tab.setFocus()

    def _title_text(self, entry: TabEntry) -> str:
        count = self._counts.get(entry.unit_id)
        return entry.title() if count is None else f"{entry.title()} ({digits(count[0])})"

    def _load_counts(self) -> None:
        """Counts for the tabs not built yet (built tabs count their own cartable): one query for all of them."""
        if self.ctx.actor is None or self._counting or len(self.built_tabs) == len(self.entries):
            return
        self._counting = True
        self.ctx.tasks.read(self.ctx.services.cartable.counts, self.ctx.actor, on_done=self._counts_loaded,
                            on_error=self._counts_failed)  # fmt: skip

    def _counts_loaded(self, counts: dict[str, tuple[int, int]]) -> None:
        self._counting = False
        self._counts = dict(counts)
        for i in range(self.tabs.count()):
            widget = self.tabs.widget(i)
            if isinstance(widget, TabPlaceholder):
                self.tabs.setTabText(i, self._title_text(widget.entry))

    def _counts_failed(self, error: DomainError) -> None:
        self._counting = False
        log.warning("tab counts failed: %s", error)

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        if changes.case_ids or "case" in changes.entities:
            self._load_counts()

    # -- signing out ---------------------------------------------------------------------------------------------------

    def unsaved_work(self) -> list[str]:
        """Titles of the built tabs that hold work not saved yet."""
        return [tab.title() for tab in self.built_tabs.values() if tab.has_unsaved_work()]

    def confirm_discard(self) -> bool:
        """True when nothing is unsaved, or the user agrees to leave it."""
        unsaved = self.unsaved_work()
        if not unsaved:
            return True
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved work"),
                          self.tr("These tabs hold work that is not saved: %1. Leave it?").replace(
                              "%1", "، ".join(unsaved)), parent=self)  # fmt: skip
        leave = box.addButton(self.tr("Leave without saving"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Stay"), QMessageBox.ButtonRole.RejectRole)
        box.setObjectName("unsaved-question")
        self.unsaved_box = box
        box.exec()
        return box.clickedButton() is leave

    def close_without_asking(self) -> None:
        self._signing_out = True
        self.close()

    def sign_out(self) -> bool:
        """Close this window and ask ``app.ui.shell`` for the login dialog; False when the user chose to stay."""
        if not self.confirm_discard():
            return False
        self._signing_out = True
        self.sign_out_requested.emit()
        self.close()
        return True

    # -- cases ---------------------------------------------------------------------------------------------------------

    def open_case(self, case_id: str) -> CaseView:
        from app.ui.case_view import CaseView

        if self.case_view is not None:
            with contextlib.suppress(RuntimeError):  # already deleted (WA_DeleteOnClose)
                self.case_view.close()
        self.case_view = CaseView.show_case(self.ctx, case_id, self)
        return self.case_view

    def open_tracking_number(self, text: str) -> None:
        """What the barcode reader (or a typed tracking number) asks for: find the case and open it."""
        self.ctx.tasks.read(
            self.ctx.services.cases.case_id_by_tracking, text,
            on_done=lambda case_id, t=text: self._tracking_found(t, case_id), on_error=self._error,
        )  # fmt: skip

    def _tracking_found(self, text: str, case_id: str | None) -> None:
        if case_id is None:
            self.statusBar().showMessage(self.tr("No case with tracking number %1").replace("%1", digits(text)), 8000)
            return
        self.open_case(case_id)

    def _error(self, error: DomainError) -> None:
        self.statusBar().showMessage(error_text(error), 8000)

    def show_search(self) -> None:
        from app.ui.search_dialog import SearchDialog

        dialog = SearchDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.case_chosen.connect(self.open_case)
        self.search_dialog = dialog
        dialog.open()

    def show_circulars(self) -> None:
        from app.ui.units.technical.staff_dialog import StaffCircularsDialog

        dialog = StaffCircularsDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.circulars_dialog = dialog
        dialog.open()

    def show_log(self) -> None:
        from app.ui.log_dialog import LogDialog

        dialog = LogDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_about(self) -> None:
        from app import __version__

        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr("E-city counter, version %1").replace("%1", digits(__version__)),
        )

    def unit_ids(self) -> list[str]:
        return [self.tabs.widget(i).unit_id for i in range(self.tabs.count())]  # type: ignore[attr-defined]

    def current_unit_tab(self) -> UnitTab | None:
        """The shown unit's tab (built by showing it)."""
        widget = self.tabs.currentWidget()
        unit_id = getattr(widget, "unit_id", None)
        return self.ensure_tab(unit_id) if unit_id else None
