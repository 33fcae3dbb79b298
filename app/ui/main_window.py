"""The main window: the unit tabs the user's roles open, the status bar, global search and the barcode reader.

No business logic here: tabs come from the registry (``app.ui.units.UNIT_TABS``), cases open in ``CaseView``, every
database call goes through the task runner.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from app.domain.dates import TEHRAN, format_jalali_long
from app.domain.errors import DomainError
from app.ui.barcode import BarcodeListener
from app.ui.cartable import digits
from app.ui.case_view import CaseView
from app.ui.context import UiContext
from app.ui.messages import error_text
from app.ui.units import tabs_for
from app.ui.units.base import UnitTab

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
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
        self.unit_tabs: dict[str, UnitTab] = {}
        for tab_class in tabs_for(ctx.units):
            tab = tab_class(ctx, self.tabs)
            index = self.tabs.addTab(tab, tab.title())
            tab.title_changed.connect(lambda text, t=tab: self.tabs.setTabText(self.tabs.indexOf(t), text))
            self.unit_tabs[tab.unit_id] = tab
            del index
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
        file_menu.addSeparator()
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
        self._settings().setValue("main_window/geometry", self.saveGeometry())
        self.barcode.uninstall()
        super().closeEvent(event)

    # -- cases ---------------------------------------------------------------------------------------------------------

    def open_case(self, case_id: str) -> CaseView:
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
