"""The Conflicts panel (what sync could not apply, in words a clerk understands: what happened, on which case, who did
the other action and when), and the case view's "History of changes" box (values that lost a last-writer-wins merge).

Both read through ``app.sync.history`` on the task runner's read pool; marking conflicts seen goes to the writer.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.text import ltr_isolate
from app.services.dto import Changes
from app.sync.history import ConflictLine, HistoryLine, field_history, list_conflicts, mark_seen
from app.ui.cartable import digits, show_date, show_datetime, tracking_display
from app.ui.context import UiContext
from app.ui.messages import error_text, message_for

ID_ROLE = Qt.ItemDataRole.UserRole
CASE_ROLE = Qt.ItemDataRole.UserRole + 1
TEXT_ROLE = Qt.ItemDataRole.UserRole + 2


def _parse_time(value: Any) -> dt.datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


class ConflictsPanel(QDialog):
    """Every conflict sync recorded on this workstation, newest first; unseen ones in bold."""

    seen_changed = Signal()
    loaded = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lines: list[ConflictLine] = []
        self.setObjectName("conflicts-panel")
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.resize(980, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "These changes made on this workstation were not accepted by the central server. "
                "The case now shows the server's state."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        layout.addWidget(intro)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("conflicts")
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setHeaderLabels(
            [self.tr("When"), self.tr("Case"), self.tr("Not done"), self.tr("The other action"), self.tr("Status")]
        )
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.tree.itemActivated.connect(lambda item, _col: self.open_case(item))
        self.tree.currentItemChanged.connect(lambda item, _old: self._show_details(item))
        layout.addWidget(self.tree, 1)
        # The whole sentence for the chosen row: what was tried, why it was refused, where the case is now.
        self.details = QLabel(self)
        self.details.setObjectName("conflict-details")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumHeight(48)
        layout.addWidget(self.details)
        self.empty_label = QLabel(self.tr("No conflicts."), self)
        self.empty_label.setProperty("role", "hint")
        self.empty_label.hide()
        layout.addWidget(self.empty_label)
        self.error_label = QLabel(self)
        self.error_label.setProperty("role", "fieldMessage")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open case"), self)
        self.open_button.clicked.connect(lambda: self.open_case(self.tree.currentItem()))
        self.seen_button = QPushButton(self.tr("Mark as seen"), self)
        self.seen_button.setObjectName("mark-seen")
        self.seen_button.clicked.connect(self.mark_selected_seen)
        self.all_seen_button = QPushButton(self.tr("Mark all as seen"), self)
        self.all_seen_button.setObjectName("mark-all-seen")
        self.all_seen_button.clicked.connect(self.mark_all_seen)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        for button in (self.open_button, self.seen_button, self.all_seen_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        ctx.hub.changes_applied.connect(self._on_changes)

    # -- data ------------------------------------------------------------------------------------------------------
    def reload(self) -> None:
        self.ctx.tasks.read(list_conflicts, self.ctx.services.engine, on_done=self._show, on_error=self._failed)

    def _on_changes(self, _changes: Changes, _initiator: object) -> None:
        if self.isVisible():
            self.reload()

    def _failed(self, error: DomainError) -> None:
        if not shiboken6.isValid(self):  # closed (and deleted) while the read ran
            return
        self.error_label.setText(error_text(error))
        self.error_label.show()

    def _show(self, lines: list[ConflictLine]) -> None:
        if not shiboken6.isValid(self):  # closed (and deleted) while the read ran
            return
        self.lines = list(lines)
        self.tree.clear()
        for line in self.lines:
            item = QTreeWidgetItem(
                [show_datetime(line.at), self.case_text(line), self.not_done(line), self.other_action(line),
                 self.tr("Seen") if line.seen else self.tr("New")]
            )  # fmt: skip
            item.setData(0, ID_ROLE, line.id)
            item.setData(0, CASE_ROLE, line.case_id or "")
            item.setData(0, TEXT_ROLE, self.what_happened(line))
            for column in range(self.tree.columnCount()):
                item.setToolTip(column, self.what_happened(line))
            if not line.seen:
                font = item.font(0)
                font.setBold(True)
                for column in range(self.tree.columnCount()):
                    item.setFont(column, font)
            self.tree.addTopLevelItem(item)
        self.empty_label.setVisible(not self.lines)
        self.all_seen_button.setEnabled(any(not line.seen for line in self.lines))
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._show_details(self.tree.currentItem())
        self.loaded.emit()

    def _show_details(self, item: QTreeWidgetItem | None) -> None:
        self.details.setText(str(item.data(0, TEXT_ROLE) or "") if item is not None else "")

    # -- words -----------------------------------------------------------------------------------------------------
    def _action_title(self, action: Any) -> str:
        if not action:
            return "—"
        titles = getattr(self.ctx.services, "cases", None)
        return str(titles.action_title(str(action))) if titles is not None else str(action)

    def not_done(self, line: ConflictLine) -> str:
        """Short: the action that was refused, or the kind of change."""
        if line.kind == "action_refused":
            return self._action_title(line.details.get("action"))
        return self.tr("A change")

    def case_text(self, line: ConflictLine) -> str:
        if line.tracking_number:
            return ltr_isolate(digits(tracking_display(line.tracking_number)))
        return self.tr("(not on this workstation)") if line.case_id else "—"

    def what_happened(self, line: ConflictLine) -> str:
        details = line.details
        if line.kind == "action_refused":
            params = {
                "action": self._action_title(details.get("action")),
                "other_action": self._action_title(details.get("other_action")),
                "other_user": details.get("other_user") or self.tr("another user"),
            }
            text = message_for(line.reason, params)
            state = details.get("server_state")
            if state and line.workflow_id:
                title = self.ctx.services.cases.state_title(line.workflow_id, str(state))
                text += " " + self.tr("The case is now at «%1».").replace("%1", title)
            also = [self._action_title(a) for a in details.get("also_refused") or []]
            if also:
                text += " " + self.tr("Not done either: %1.").replace("%1", "، ".join(also))
            return text
        return message_for(line.reason, {k: v for k, v in details.items() if isinstance(v, str | int | list)})

    def other_action(self, line: ConflictLine) -> str:
        details = line.details
        if line.kind != "action_refused" or not details.get("other_action"):
            return "—"
        parts = [self._action_title(details.get("other_action")), str(details.get("other_user") or "")]
        when = _parse_time(details.get("other_at"))
        if when is not None:
            parts.append(show_datetime(when))
        if details.get("other_workstation") is not None:
            parts.append(self.tr("workstation %1").replace("%1", digits(details["other_workstation"])))
        return " — ".join(p for p in parts if p)

    # -- actions ---------------------------------------------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        return [str(item.data(0, ID_ROLE)) for item in self.tree.selectedItems()]

    def mark_selected_seen(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.ctx.tasks.write(mark_seen, self.ctx.services.engine, ids, on_done=self._marked,
                                 on_error=self._failed)  # fmt: skip

    def mark_all_seen(self) -> None:
        self.ctx.tasks.write(mark_seen, self.ctx.services.engine, None, on_done=self._marked, on_error=self._failed)

    def _marked(self, _count: int) -> None:
        if not shiboken6.isValid(self):
            return
        self.seen_changed.emit()
        self.reload()

    def open_case(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        case_id = str(item.data(0, CASE_ROLE) or "")
        if not case_id or not item.text(1) or item.text(1) == "—":
            return
        from app.ui.case_view import CaseView

        CaseView.show_case(self.ctx, case_id, self.parentWidget() or self)


class FieldHistoryBox(QGroupBox):
    """On the case view: each value that lost a merge, the value kept, and when. Hidden while there is none."""

    loaded = Signal()

    def __init__(self, ctx: UiContext, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("History of changes"), parent)
        self.ctx = ctx
        self.case_id = case_id
        self.lines: list[HistoryLine] = []
        self.setObjectName("field-history")
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr("Two workstations changed the same field; the later change was kept and the other is listed here."),
            self,
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setHeaderLabels([self.tr("When"), self.tr("Field"), self.tr("Value kept"), self.tr("Value replaced")])
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.setMaximumHeight(140)
        layout.addWidget(self.tree)
        self.hide()
        ctx.hub.changes_applied.connect(self._on_changes)

    def reload(self) -> None:
        self.ctx.tasks.read(field_history, self.ctx.services.engine, self.case_id, on_done=self._show)

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        if self.case_id in changes.case_ids:
            self.reload()

    def field_title(self, entity: str, name: str) -> str:
        titles = {
            "summary": self.tr("Summary"),
            "facts": self.tr("Case facts"),
            "applicant_id": self.tr("Applicant"),
            "property_id": self.tr("Property"),
            "due_date": self.tr("Due date"),
            "received": self.tr("Document received"),
            "amount_rials": self.tr("Amount"),
            "deleted": self.tr("Deleted"),
        }
        return titles.get(name, name)

    def value_text(self, value: Any) -> str:
        if value is None or value == "":
            return "—"
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        if isinstance(value, dt.datetime):
            return show_datetime(value)
        if isinstance(value, dt.date):
            return show_date(value)
        if isinstance(value, dict | list):
            return digits(json.dumps(value, ensure_ascii=False))
        return digits(str(value))

    def _show(self, lines: list[HistoryLine]) -> None:
        if not shiboken6.isValid(self):  # the case view closed while the read ran
            return
        self.lines = list(lines)
        self.tree.clear()
        for line in self.lines:
            self.tree.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        show_datetime(line.at),
                        self.field_title(line.entity, line.field),
                        self.value_text(line.won_value),
                        self.value_text(line.lost_value),
                    ]
                )
            )
        self.setVisible(bool(self.lines))
        self.loaded.emit()
