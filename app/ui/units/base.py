"""The base of every unit tab: class attributes to register it, a cartable, and reloads on ``changes_applied``.

A tab plugs in with ``unit_id``, ``sort_order``, a ``title()`` that calls ``tr()`` and one line in
``app/ui/units/__init__.py``. Subclasses add their unit's panels with ``add_panel`` (a second row of tabs inside the
unit's tab) and keep the cartable.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.domain.errors import DomainError
from app.services.dto import CartableRow, Changes
from app.ui.cartable import CartableView, digits
from app.ui.context import UiContext
from app.ui.messages import error_text

log = logging.getLogger(__name__)


class CartablePanel(QWidget):
    """Filter box, counts and the cartable table of one unit."""

    case_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        bar = QHBoxLayout()
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter: tracking number, name, service, stage…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(320)
        self.count_label = QLabel(self)
        self.count_label.setProperty("role", "hint")
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setToolTip(self.tr("Reload the cartable (F5)"))
        bar.addWidget(QLabel(self.tr("Filter:"), self))
        bar.addWidget(self.filter_edit)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        bar.addWidget(self.refresh_button)
        layout.addLayout(bar)
        self.view = CartableView(self)
        layout.addWidget(self.view, 1)
        self.error_label = QLabel(self)
        self.error_label.setProperty("role", "fieldMessage")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.filter_edit.textChanged.connect(self._on_filter)
        self.filter_edit.returnPressed.connect(self._focus_table)
        self.view.case_activated.connect(self.case_activated)
        self.setFocusProxy(self.view)

    def _focus_table(self) -> None:
        self.view.setFocus()
        if not self.view.currentIndex().isValid() and self.view.model().rowCount():
            self.view.selectRow(0)

    def _on_filter(self, text: str) -> None:
        self.view.proxy.set_filter_text(text)
        self._update_counts()

    def set_rows(self, rows: Sequence[CartableRow]) -> None:
        self.error_label.hide()
        self.view.set_rows(rows)
        self._update_counts()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _update_counts(self) -> None:
        total = self.view.source.rowCount()
        shown = self.view.proxy.rowCount()
        overdue = self.view.source.overdue_count()
        text = self.tr("%1 cases").replace("%1", digits(total))
        if shown != total:
            text = self.tr("%1 of %2 cases").replace("%1", digits(shown)).replace("%2", digits(total))
        if overdue:
            text += " — " + self.tr("%1 overdue").replace("%1", digits(overdue))
        self.count_label.setText(text)


class UnitTab(QWidget):
    """Base class of the unit tabs. ``title_changed`` carries the tab text with the count: «بازدید (۱۲)».

    PySide's ``self.tr`` looks up the runtime class's name as context, so this base class translates its own strings
    with ``QCoreApplication.translate("UnitTab", ...)``; subclasses use ``self.tr`` freely.
    """

    unit_id: str = ""
    sort_order: int = 0

    title_changed = Signal(str)
    loaded = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(f"unit-{self.unit_id}")
        self._count: int | None = None
        self._loading = False
        self._reload_again = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.panels = QTabWidget(self)
        self.panels.setDocumentMode(True)
        layout.addWidget(self.panels)
        self.cartable = CartablePanel(self)
        self.cartable.case_activated.connect(self.open_case)
        self.cartable.refresh_button.clicked.connect(self.reload)
        self.build()
        self.add_panel(self.cartable, QCoreApplication.translate("UnitTab", "Cartable"))
        self.panels.tabBar().setVisible(self.panels.count() > 1)
        refresh = QShortcut(QKeySequence(Qt.Key.Key_F5), self)
        refresh.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.activated.connect(self.reload)
        ctx.hub.changes_applied.connect(self._on_changes)
        self.reload()

    # -- for subclasses ------------------------------------------------------------------------------------------------

    def title(self) -> str:
        """The unit's name, translated. Subclasses override with their own ``self.tr("...")``."""
        return self.unit_id

    def build(self) -> None:
        """Add the unit's own panels (before the cartable) with ``add_panel``."""

    def add_panel(self, widget: QWidget, title: str) -> int:
        index = self.panels.addTab(widget, title)
        self.panels.tabBar().setVisible(self.panels.count() > 1)
        return index

    def wants_reload(self, changes: Changes) -> bool:
        return bool(changes.case_ids) or "case" in changes.entities

    def has_unsaved_work(self) -> bool:
        """True while the tab holds typed work not saved yet: signing out or quitting then asks first.

        Subclasses with forms override it (for example: a form with fields filled in and not submitted)."""
        return False

    @property
    def open_count(self) -> int | None:
        """The cartable's count once it has loaded (None before)."""
        return self._count

    # -- cartable ------------------------------------------------------------------------------------------------------

    def tab_text(self) -> str:
        if self._count is None:
            return self.title()
        return f"{self.title()} ({digits(self._count)})"

    def reload(self) -> None:
        if self.ctx.actor is None or self.ctx.services is None:
            return
        if self._loading:
            self._reload_again = True
            return
        self._loading = True
        self.ctx.tasks.read(
            self.ctx.services.cartable.list_cartable,
            self.ctx.actor,
            self.unit_id,
            on_done=self._loaded,
            on_error=self._failed,
        )

    def _loaded(self, rows: Sequence[CartableRow]) -> None:
        self._loading = False
        self.cartable.set_rows(rows)
        self._count = len(rows)
        self.title_changed.emit(self.tab_text())
        self.loaded.emit()
        if self._reload_again:
            self._reload_again = False
            self.reload()

    def _failed(self, error: DomainError) -> None:
        self._loading = False
        log.warning("cartable of %s failed to load: %s", self.unit_id, error)
        self.cartable.show_error(error_text(error))

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        if self.wants_reload(changes):
            self.reload()

    def open_case(self, case_id: str) -> None:
        from app.ui.case_view import CaseView

        CaseView.show_case(self.ctx, case_id, self.window())

    def cartable_rows(self) -> list[CartableRow]:
        return self.cartable.view.source.rows()
