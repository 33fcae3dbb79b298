"""The inspectors' appointment calendar and an inspector's day list.

Top: one row per inspector, one column per working day: booked / capacity, or «مرخصی». The head of inspection sets
leave and capacity and reassigns a visit to another inspector. Bottom: the visits of the chosen inspector and day,
printable (PDF through the print preview). An inspector signing in sees their own row and today.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.dates import TEHRAN, format_jalali
from app.domain.errors import DomainError
from app.services.inspection import CalendarCell, DayVisit
from app.ui.cartable import digits
from app.ui.context import UiContext
from app.ui.messages import error_text
from app.ui.units.inspection.visit import show_pdf
from app.ui.widgets.jalali import JalaliDateEdit

DAYS = 10
HEADS = frozenset({"inspection.head", "office_head"})
WEEKDAYS_FA = ("دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه")


class CalendarPanel(QWidget):
    case_activated = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("inspection-calendar")
        self.cells: dict[tuple[str, dt.date], CalendarCell] = {}
        self.inspectors: list[tuple[str, str]] = []
        self.days: list[dt.date] = []
        self.visits: list[DayVisit] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)

        bar = QHBoxLayout()
        self.start_edit = JalaliDateEdit(self, self._today())
        bar.addWidget(QLabel(self.tr("From:"), self))
        bar.addWidget(self.start_edit)
        self.leave_button = QPushButton(self.tr("Leave on/off"), self)
        self.capacity_button = QPushButton(self.tr("Daily capacity…"), self)
        bar.addWidget(self.leave_button)
        bar.addWidget(self.capacity_button)
        bar.addStretch(1)
        self.legend = QLabel(self.tr("Cells: visits booked / capacity"), self)
        self.legend.setProperty("role", "hint")
        bar.addWidget(self.legend)
        layout.addLayout(bar)

        self.table = QTableWidget(0, 0, self)
        self.table.setObjectName("calendar-table")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)

        day_bar = QHBoxLayout()
        self.day_label = QLabel(self)
        self.day_label.setProperty("role", "heading")
        day_bar.addWidget(self.day_label, 1)
        self.reassign_combo = QComboBox(self)
        self.reassign_combo.setObjectName("reassign-to")
        self.reassign_button = QPushButton(self.tr("Reassign the visit to"), self)
        self.print_button = QPushButton(self.tr("Print the day list…"), self)
        day_bar.addWidget(self.reassign_button)
        day_bar.addWidget(self.reassign_combo)
        day_bar.addWidget(self.print_button)
        layout.addLayout(day_bar)

        self.visits_table = QTableWidget(0, 5, self)
        self.visits_table.setObjectName("day-list")
        self.visits_table.setHorizontalHeaderLabels(
            [self.tr("Tracking number"), self.tr("Applicant"), self.tr("Mobile"), self.tr("Address"),
             self.tr("Service")]
        )  # fmt: skip
        self.visits_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.visits_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.visits_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.visits_table, 1)
        self.message_label = QLabel(self)
        self.message_label.setProperty("role", "fieldMessage")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        layout.addWidget(self.message_label)

        is_head = bool(ctx.roles & HEADS)
        self.leave_button.setVisible(is_head)
        self.capacity_button.setVisible(is_head)
        self.reassign_button.setVisible(is_head)
        self.reassign_combo.setVisible(is_head)
        self.start_edit.dateChanged.connect(lambda _d: self.reload())
        self.table.currentCellChanged.connect(lambda *_: self._cell_chosen())
        self.leave_button.clicked.connect(self.toggle_leave)
        self.capacity_button.clicked.connect(self.ask_capacity)
        self.reassign_button.clicked.connect(self.reassign_selected)
        self.print_button.clicked.connect(self.print_day)
        self.visits_table.cellDoubleClicked.connect(self._open_visit)

    def _today(self) -> dt.date:
        services = self.ctx.services
        return services.today() if services is not None else dt.datetime.now(TEHRAN).date()

    # -- data ----------------------------------------------------------------------------------------------------------
    def reload(self) -> None:
        if self.ctx.services is None:
            return
        self.ctx.tasks.read(self.ctx.services.inspection.calendar, self.start_edit.value(), DAYS,
                            on_done=self.set_cells, on_error=self._failed)  # fmt: skip

    def set_cells(self, cells: Sequence[CalendarCell]) -> None:
        selected = self.selected()
        self.cells = {(c.inspector_id, c.day): c for c in cells}
        seen: dict[str, str] = {}
        for c in cells:
            seen.setdefault(c.inspector_id, c.inspector_name)
        self.inspectors = list(seen.items())
        self.days = sorted({c.day for c in cells})
        t = self.table
        t.blockSignals(True)
        t.clear()
        t.setRowCount(len(self.inspectors))
        t.setColumnCount(len(self.days))
        t.setVerticalHeaderLabels([name for _, name in self.inspectors])
        t.setHorizontalHeaderLabels([f"{WEEKDAYS_FA[d.weekday()]}\n{format_jalali(d)[5:]}" for d in self.days])
        for r, (iid, _name) in enumerate(self.inspectors):
            for col, day in enumerate(self.days):
                c = self.cells.get((iid, day))
                item = QTableWidgetItem()
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if c is None:
                    item.setText("")
                elif c.on_leave:
                    item.setText(self.tr("leave"))
                    item.setBackground(QBrush(QColor("#eeeeee")))
                    item.setForeground(QBrush(QColor("#757575")))
                else:
                    item.setText(self.tr("%1 of %2").replace("%1", digits(c.booked)).replace("%2", digits(c.capacity)))
                    colour = "#fde7e9" if c.free == 0 else "#fff8e1" if c.booked else "#e8f5e9"
                    item.setBackground(QBrush(QColor(colour)))
                t.setItem(r, col, item)
        t.blockSignals(False)
        rows_height = sum(t.rowHeight(r) for r in range(t.rowCount()))
        t.setFixedHeight(min(320, t.horizontalHeader().sizeHint().height() + rows_height + 2 * t.frameWidth() + 2))
        self.reassign_combo.clear()
        for iid, name in self.inspectors:
            self.reassign_combo.addItem(name, iid)
        # Keep the selection; an inspector starts on their own row, today.
        me = self.ctx.actor.user_id if self.ctx.actor else None
        target = selected or ((me, self.days[0]) if self.days and any(i == me for i, _ in self.inspectors) else None)
        if target is None and self.inspectors and self.days:
            target = (self.inspectors[0][0], self.days[0])
        if target is not None:
            self.select(*target)

    def select(self, inspector_id: str, day: dt.date) -> None:
        rows = [i for i, (iid, _) in enumerate(self.inspectors) if iid == inspector_id]
        if rows and day in self.days:
            self.table.setCurrentCell(rows[0], self.days.index(day))
            self._cell_chosen()

    def selected(self) -> tuple[str, dt.date] | None:
        r, c = self.table.currentRow(), self.table.currentColumn()
        if 0 <= r < len(self.inspectors) and 0 <= c < len(self.days):
            return self.inspectors[r][0], self.days[c]
        return None

    def _cell_chosen(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        iid, day = chosen
        name = dict(self.inspectors).get(iid, "")
        self.day_label.setText(self.tr("Visits of %1 on %2").replace("%1", name).replace("%2", format_jalali(day)))
        self.ctx.tasks.read(self.ctx.services.inspection.day_list, iid, day, on_done=self.set_visits,
                            on_error=self._failed)  # fmt: skip

    def set_visits(self, visits: Sequence[DayVisit]) -> None:
        self.visits = list(visits)
        t = self.visits_table
        t.setRowCount(len(visits))
        for r, v in enumerate(visits):
            values = (f"\u2066{digits(v.tracking_number)}\u2069", v.applicant_name,
                      f"\u2066{digits(v.mobile)}\u2069" if v.mobile else "—", digits(v.address), v.service_name)  # fmt: skip
            for col, text in enumerate(values):
                t.setItem(r, col, QTableWidgetItem(text))
        t.resizeColumnToContents(0)

    def _open_visit(self, row: int, _col: int) -> None:
        if 0 <= row < len(self.visits):
            self.case_activated.emit(self.visits[row].case_id)

    def _failed(self, error: DomainError) -> None:
        self.message_label.setText(error_text(error))
        self.message_label.show()

    def _changed(self, _changes: object) -> None:
        self.message_label.hide()
        self.reload()

    # -- the head's actions --------------------------------------------------------------------------------------------
    def toggle_leave(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        iid, day = chosen
        cell = self.cells.get(chosen)
        admin = self.ctx.services.admin
        if cell is not None and cell.on_leave:

            def remove() -> object:
                leave = next(lv for lv in admin.list_leave(day, day) if lv.inspector_id == iid)
                return admin.remove_leave(self.ctx.actor, leave.id)

            self.ctx.tasks.write(remove, on_done=self._changed, on_error=self._failed)
        else:
            self.ctx.tasks.write(admin.add_leave, self.ctx.actor, iid, day, "", on_done=self._changed,
                                 on_error=self._failed)  # fmt: skip

    def ask_capacity(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        cell = self.cells.get(chosen)
        value, ok = QInputDialog.getInt(self, self.tr("Daily capacity"), self.tr("Visits per day:"),
                                        cell.capacity if cell else 8, 0, 100)  # fmt: skip
        if ok:
            self.set_capacity(chosen[0], value)

    def set_capacity(self, inspector_id: str, value: int) -> None:
        self.ctx.tasks.write(self.ctx.services.admin.set_inspector_capacity, self.ctx.actor, inspector_id, value,
                             on_done=self._changed, on_error=self._failed)  # fmt: skip

    def reassign_selected(self) -> None:
        selected = self.visits_table.selectionModel().selectedRows()
        row = selected[0].row() if selected else self.visits_table.currentRow()
        target = self.reassign_combo.currentData()
        if not 0 <= row < len(self.visits) or not target:
            return
        self.reassign(self.visits[row].appointment_id, str(target))

    def reassign(self, appointment_id: str, inspector_id: str) -> None:
        self.ctx.tasks.write(self.ctx.services.inspection.reassign, self.ctx.actor, appointment_id, inspector_id,
                             on_done=self._changed, on_error=self._failed)  # fmt: skip

    def print_day(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        iid, day = chosen
        self.ctx.tasks.read(self.ctx.services.inspection.day_list_pdf, iid, day,
                            on_done=lambda pdf: show_pdf(self.ctx, pdf, "letter", self.tr("Day list"),
                                                         f"visits-{day.isoformat()}.pdf", self),
                            on_error=self._failed)  # fmt: skip
