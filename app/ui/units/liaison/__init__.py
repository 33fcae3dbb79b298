"""The liaisons' tab: a liaison's own tasks (record the outcome, add a note), the head's register of every task with
the form that assigns one, and the head's view of each liaison's work (open, done, late, average days); then the
unit's cartable. Every panel asks ``services.liaison`` through the task runner."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.text import ltr_isolate
from app.services.dto import Changes
from app.services.liaison import HEAD_ROLES
from app.ui.cartable import digits, show_date, tracking_display
from app.ui.context import UiContext
from app.ui.units.base import UnitTab
from app.ui.units.followup.widgets import DataTable, MessageLabel
from app.ui.units.liaison.forms import FieldForm
from app.ui.widgets.jalali import JalaliDateEdit


def kind_titles() -> dict[str, str]:
    return {
        "district_followup": QCoreApplication.translate("Liaison", "File follow-up at the district"),
        "problem_solving": QCoreApplication.translate("Liaison", "Solving a file's problem"),
        "special_followup": QCoreApplication.translate("Liaison", "Special follow-up"),
        "green_space": QCoreApplication.translate("Liaison", "Green-space follow-up"),
    }


def status_text(task: Any) -> str:
    if task.status == "open":
        return (
            QCoreApplication.translate("Liaison", "Open, overdue")
            if task.late
            else QCoreApplication.translate("Liaison", "Open")
        )
    if task.status == "done":
        return (
            QCoreApplication.translate("Liaison", "Done late")
            if task.late
            else QCoreApplication.translate("Liaison", "Done in time")
        )
    return QCoreApplication.translate("Liaison", "Cancelled")


def _text_edit(parent: QWidget, height: int = 54) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


def _task_rows(tasks: list[Any], *, with_liaison: bool) -> list[list[Any]]:
    kinds = kind_titles()
    rows = []
    for t in tasks:
        row = [kinds.get(t.kind, t.kind), digits(t.title),
               ltr_isolate(digits(tracking_display(t.tracking_number))) if t.tracking_number else "",
               t.district, t.municipal_expert, show_date(t.due_date), status_text(t), digits(t.outcome)]  # fmt: skip
        if with_liaison:
            row.insert(0, t.liaison_name)
        rows.append(row)
    return rows


class MyTasksPanel(QWidget):
    """The liaison's own list: choose a task, write the outcome (or a progress note)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.count_label = QLabel(self)
        layout.addWidget(self.count_label)
        self.message = MessageLabel(self)
        layout.addWidget(self.message)
        self.table = DataTable([
            self.tr("Kind"), self.tr("Task"), self.tr("Tracking number"), self.tr("District"),
            self.tr("Municipal expert"), self.tr("Due date"), self.tr("Status"), self.tr("Outcome"),
        ], self)  # fmt: skip
        layout.addWidget(self.table, 1)
        self.notes_label = QLabel(self)
        self.notes_label.setWordWrap(True)
        layout.addWidget(self.notes_label)
        self.form = FieldForm(self.tr("Outcome of the selected task"), self)
        self.outcome_edit = _text_edit(self.form)
        self.note_edit = _text_edit(self.form, 40)
        self.form.row("outcome", self.tr("Outcome:"), self.outcome_edit)
        self.form.row("note", self.tr("Note:"), self.note_edit)
        buttons = QWidget(self.form)
        bar = QHBoxLayout(buttons)
        bar.setContentsMargins(0, 0, 0, 0)
        self.done_button = QPushButton(self.tr("Record the outcome and close"), buttons)
        self.note_button = QPushButton(self.tr("Add the note"), buttons)
        bar.addWidget(self.done_button)
        bar.addWidget(self.note_button)
        bar.addStretch(1)
        self.form.finish(buttons)
        layout.addWidget(self.form)
        self.tasks: list[Any] = []
        self.done_button.clicked.connect(self.complete)
        self.note_button.clicked.connect(self.add_note)
        self.table.itemSelectionChanged.connect(self._selected)
        self.setFocusProxy(self.table)

    def reload(self) -> None:
        self.ctx.tasks.read(self.ctx.services.liaison.tasks, self.ctx.actor, mine=True,
                            on_done=self._loaded, on_error=self.message.show_error)  # fmt: skip

    def _loaded(self, tasks: list[Any]) -> None:
        self.message.clear_message()
        self.tasks = tasks
        self.table.set_rows(_task_rows(tasks, with_liaison=False), ids=[t.id for t in tasks],
                            highlight=[t.late and t.status == "open" for t in tasks])  # fmt: skip
        open_ = [t for t in tasks if t.status == "open"]
        self.count_label.setText(
            self.tr("%1 open tasks, %2 overdue").replace("%1", digits(len(open_)))
            .replace("%2", digits(sum(1 for t in open_ if t.late)))
        )  # fmt: skip

    def _selected(self) -> None:
        task_id = self.table.current_id()
        task = next((t for t in self.tasks if t.id == task_id), None)
        self.notes_label.setText(self.tr("Notes: %1").replace("%1", task.notes) if task and task.notes else "")

    def _task_id(self) -> str | None:
        task_id = self.table.current_id()
        if task_id is None:
            self.form.show_text(self.tr("Choose a task in the table first."))
        return task_id

    def complete(self) -> None:
        task_id = self._task_id()
        if task_id:
            self.ctx.tasks.write(self.ctx.services.liaison.complete_task, self.ctx.actor, task_id,
                                 self.outcome_edit.toPlainText(), self.note_edit.toPlainText(),
                                 on_done=self._saved, on_error=self.form.show_error, initiator=self)  # fmt: skip

    def add_note(self) -> None:
        task_id = self._task_id()
        if task_id:
            self.ctx.tasks.write(self.ctx.services.liaison.add_note, self.ctx.actor, task_id,
                                 self.note_edit.toPlainText(), on_done=self._saved, on_error=self.form.show_error,
                                 initiator=self)  # fmt: skip

    def _saved(self, _result: Any) -> None:
        self.outcome_edit.clear()
        self.note_edit.clear()
        self.form.show_text(self.tr("Saved."))
        self.reload()


class AssignPanel(QWidget):
    """The head's register of every task, and the form that gives a liaison a new one."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QHBoxLayout(self)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(split)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.which = QComboBox(left)
        self.which.addItem(self.tr("Open tasks"), "open")
        self.which.addItem(self.tr("Done tasks"), "done")
        self.which.addItem(self.tr("All tasks"), "")
        bar.addWidget(QLabel(self.tr("Show:"), left))
        bar.addWidget(self.which)
        bar.addStretch(1)
        lv.addLayout(bar)
        self.message = MessageLabel(left)
        lv.addWidget(self.message)
        self.table = DataTable([
            self.tr("Liaison"), self.tr("Kind"), self.tr("Task"), self.tr("Tracking number"), self.tr("District"),
            self.tr("Municipal expert"), self.tr("Due date"), self.tr("Status"), self.tr("Outcome"),
        ], left)  # fmt: skip
        lv.addWidget(self.table, 1)
        split.addWidget(left)
        self.form = FieldForm(self.tr("Assign a task"), split)
        self.kind = QComboBox(self.form)
        for key, title in kind_titles().items():
            self.kind.addItem(title, key)
        self.liaison = QComboBox(self.form)
        self.district = QSpinBox(self.form)
        self.district.setRange(0, 99)
        self.district.setValue(1)
        self.tracking_edit = QLineEdit(self.form)
        self.tracking_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.expert_edit = QLineEdit(self.form)
        self.title_edit = QLineEdit(self.form)
        self.due_edit = JalaliDateEdit(self.form, ctx.services.today() + dt.timedelta(days=3))
        self.notes_edit = _text_edit(self.form, 44)
        self.save_button = QPushButton(self.tr("Assign"), self.form)
        for field, label, widget in (
            ("kind", self.tr("Task kind:"), self.kind), ("liaison", self.tr("Liaison:"), self.liaison),
            ("district", self.tr("District:"), self.district),
            ("tracking", self.tr("Tracking number:"), self.tracking_edit),
            ("expert", self.tr("Municipal expert:"), self.expert_edit), ("title", self.tr("Task:"), self.title_edit),
            ("due_date", self.tr("Due date:"), self.due_edit), ("notes", self.tr("Notes:"), self.notes_edit),
        ):  # fmt: skip
            self.form.row(field, label, widget)
        self.form.finish(self.save_button)
        right = QWidget(split)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.form)
        rv.addStretch(1)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split)
        self.tasks: list[Any] = []
        self.which.currentIndexChanged.connect(self.reload)
        self.save_button.clicked.connect(self.save)

    def reload(self) -> None:
        if self.liaison.count() == 0:
            for uid, name in self.ctx.services.liaison.liaisons():
                self.liaison.addItem(name, uid)
        self.ctx.tasks.read(self.ctx.services.liaison.tasks, self.ctx.actor, status=self.which.currentData(),
                            on_done=self._loaded, on_error=self.message.show_error)  # fmt: skip

    def _loaded(self, tasks: list[Any]) -> None:
        self.message.clear_message()
        self.tasks = tasks
        self.table.set_rows(_task_rows(tasks, with_liaison=True), ids=[t.id for t in tasks],
                            highlight=[t.late for t in tasks])  # fmt: skip

    def save(self) -> None:
        self.form.clear_messages()
        self.ctx.tasks.write(
            self.ctx.services.liaison.assign_task, self.ctx.actor, kind=self.kind.currentData(),
            liaison_id=self.liaison.currentData() or "", district=self.district.value(),
            title=self.title_edit.text(), due_date=self.due_edit.value(), tracking=self.tracking_edit.text(),
            municipal_expert=self.expert_edit.text(), notes=self.notes_edit.toPlainText(),
            on_done=self._saved, on_error=self.form.show_error, initiator=self,
        )  # fmt: skip

    def _saved(self, _result: Any) -> None:
        for edit in (self.tracking_edit, self.expert_edit, self.title_edit):
            edit.clear()
        self.notes_edit.clear()
        self.form.show_text(self.tr("The task was assigned."))
        self.reload()


class SupervisionPanel(QWidget):
    """Each liaison's work: open, done, late, and the average days from assignment to outcome."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.message = MessageLabel(self)
        layout.addWidget(self.message)
        self.table = DataTable([
            self.tr("Liaison"), self.tr("Open"), self.tr("Done"), self.tr("Late"), self.tr("Average days to finish"),
        ], self)  # fmt: skip
        layout.addWidget(self.table, 1)
        self.total_label = QLabel(self)
        layout.addWidget(self.total_label)
        layout.addWidget(QLabel(self.tr("Open tasks past their due date:"), self))
        self.late_table = DataTable([
            self.tr("Liaison"), self.tr("Kind"), self.tr("Task"), self.tr("Tracking number"), self.tr("District"),
            self.tr("Municipal expert"), self.tr("Due date"), self.tr("Status"), self.tr("Outcome"),
        ], self)  # fmt: skip
        layout.addWidget(self.late_table, 1)
        self.lines: list[Any] = []

    def reload(self) -> None:
        self.ctx.tasks.read(self.ctx.services.liaison.summary, self.ctx.actor,
                            on_done=self._loaded, on_error=self.message.show_error)  # fmt: skip
        self.ctx.tasks.read(self.ctx.services.liaison.tasks, self.ctx.actor, status="open",
                            on_done=self._late_loaded, on_error=self.message.show_error)  # fmt: skip

    def _late_loaded(self, tasks: list[Any]) -> None:
        late = [t for t in tasks if t.late]
        self.late_table.set_rows(_task_rows(late, with_liaison=True), ids=[t.id for t in late])

    def _loaded(self, lines: list[Any]) -> None:
        self.message.clear_message()
        self.lines = lines
        self.table.set_rows(
            [[s.name, s.open, s.done, s.late, "—" if s.average_days is None else digits(f"{s.average_days:.1f}")]
             for s in lines],
            ids=[s.liaison_id for s in lines], highlight=[s.late > 0 for s in lines],
        )  # fmt: skip
        self.total_label.setText(
            self.tr("In all: %1 open, %2 done, %3 late").replace("%1", digits(sum(s.open for s in lines)))
            .replace("%2", digits(sum(s.done for s in lines))).replace("%3", digits(sum(s.late for s in lines)))
        )  # fmt: skip


class LiaisonTab(UnitTab):
    unit_id = "liaison"
    sort_order = 90

    def title(self) -> str:
        return self.tr("Liaisons")

    def build(self) -> None:
        actor = self.ctx.actor
        self.is_head = actor is not None and actor.has_any_role(HEAD_ROLES)
        self.mine = MyTasksPanel(self.ctx, self)
        self.assign: AssignPanel | None = None
        self.supervision: SupervisionPanel | None = None
        if self.is_head:  # the head starts from everyone's work
            self.assign = AssignPanel(self.ctx, self)
            self.supervision = SupervisionPanel(self.ctx, self)
            self.add_panel(self.assign, self.tr("Liaisons' tasks"))
            self.add_panel(self.supervision, self.tr("Supervision of liaisons"))
        self.add_panel(self.mine, self.tr("My tasks"))

    def reload(self) -> None:
        super().reload()
        if self.ctx.actor is None or self.ctx.services is None:
            return
        self.mine.reload()
        if self.assign is not None and self.supervision is not None:
            self.assign.reload()
            self.supervision.reload()

    def wants_reload(self, changes: Changes) -> bool:
        return super().wants_reload(changes) or "liaison_task" in changes.entities
