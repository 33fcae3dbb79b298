"""The technical manager's tab: the register of resolutions and circulars (registered with the scanned text and
distributed to units, with who acknowledged them), the reader's own circulars to acknowledge, the correspondence with
other agencies, and staff's technical questions with their answers; then the unit's cartable. Every panel asks
``services.technical`` through the task runner."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.catalog import CATALOG
from app.domain.text import ltr_isolate
from app.domain.units import UNITS
from app.services.dto import Changes
from app.services.technical import ANSWER_ROLES
from app.ui.cartable import digits, show_date, show_datetime, tracking_display
from app.ui.context import UiContext
from app.ui.units import unit_title
from app.ui.units.base import UnitTab
from app.ui.units.consultation import fa_text
from app.ui.units.followup.widgets import DataTable, MessageLabel
from app.ui.units.liaison.forms import FieldForm
from app.ui.widgets.jalali import JalaliDateEdit


def kind_titles() -> dict[str, str]:
    return {
        "resolution": QCoreApplication.translate("Technical", "Council resolution"),
        "circular": QCoreApplication.translate("Technical", "Circular"),
    }


def agency_titles() -> dict[str, str]:
    return {
        "fire": QCoreApplication.translate("Technical", "Fire department"),
        "engineering": QCoreApplication.translate("Technical", "Engineering organisation"),
        "gardens": QCoreApplication.translate("Technical", "Gardens commission"),
        "technology": QCoreApplication.translate("Technical", "Technology organisation"),
        "municipality": QCoreApplication.translate("Technical", "District municipality"),
        "other": QCoreApplication.translate("Technical", "Other agency"),
    }


def direction_titles() -> dict[str, str]:
    return {
        "outgoing": QCoreApplication.translate("Technical", "Outgoing"),
        "incoming": QCoreApplication.translate("Technical", "Incoming"),
    }


def _text_edit(parent: QWidget, height: int = 54) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


def _ltr_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    return edit


def _check_list(parent: QWidget, items: list[tuple[str, str]], height: int) -> QListWidget:
    widget = QListWidget(parent)
    widget.setFixedHeight(height)
    for key, title in items:
        item = QListWidgetItem(title, widget)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
    return widget


def checked(widget: QListWidget) -> list[str]:
    items = [widget.item(i) for i in range(widget.count())]
    return [str(it.data(Qt.ItemDataRole.UserRole)) for it in items if it.checkState() == Qt.CheckState.Checked]


def set_checked(widget: QListWidget, keys: set[str]) -> None:
    for i in range(widget.count()):
        item = widget.item(i)
        on = item.data(Qt.ItemDataRole.UserRole) in keys
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def _units_text(units: tuple[str, ...]) -> str:
    return "، ".join(unit_title(u) for u in units)


def _circular_html(c: Any, title_of: dict[str, str]) -> str:
    services = "، ".join(s.title_fa for code in c.services if (s := CATALOG.find(code)) is not None)
    in_force = QCoreApplication.translate("Technical", "In force from %1").replace("%1", show_date(c.effective_on))
    affected = QCoreApplication.translate("Technical", "Services: %1").replace("%1", services)
    head = f"{title_of.get(c.kind, c.kind)} {digits(c.number)}"
    parts = [
        f"<p><b>{html.escape(head)}</b> — {html.escape(c.issuer)} — {html.escape(show_date(c.issued_on))}</p>",
        f"<p><b>{html.escape(fa_text(c.subject))}</b></p>",
        f"<p>{html.escape(fa_text(c.body_text))}</p>",
        f"<p>{html.escape(in_force)}</p>",
    ]
    if services:
        parts.append(f"<p>{html.escape(affected)}</p>")
    return f'<div dir="rtl">{"".join(parts)}</div>'


class RegisterPanel(QWidget):
    """The register: every resolution and circular, who acknowledged the selected one, and the form registering a new
    one with its scan and the units it goes to."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QHBoxLayout(self)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(split)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.search_edit = QLineEdit(left)
        self.search_edit.setPlaceholderText(self.tr("Number, issuer, subject or text"))
        self.search_edit.setClearButtonEnabled(True)
        bar.addWidget(QLabel(self.tr("Search:"), left))
        bar.addWidget(self.search_edit, 1)
        lv.addLayout(bar)
        self.message = MessageLabel(left)
        lv.addWidget(self.message)
        self.table = DataTable([
            self.tr("Kind"), self.tr("Number"), self.tr("Issued"), self.tr("Issuer"), self.tr("Subject"),
            self.tr("In force from"), self.tr("Units"), self.tr("Acknowledged"), self.tr("Scan"),
        ], left)  # fmt: skip
        lv.addWidget(self.table, 3)
        tools = QHBoxLayout()
        self.scan_button = QPushButton(self.tr("Open the scan"), left)
        self.scan_label = QLabel(left)
        tools.addWidget(QLabel(self.tr("Acknowledgements of the selected circular:"), left))
        tools.addStretch(1)
        tools.addWidget(self.scan_label)
        tools.addWidget(self.scan_button)
        lv.addLayout(tools)
        self.acks = DataTable([self.tr("Staff member"), self.tr("Acknowledged at")], left)
        lv.addWidget(self.acks, 2)
        split.addWidget(left)
        scroll = QScrollArea(split)
        scroll.setWidgetResizable(True)
        self.form = FieldForm(self.tr("Register a resolution or circular"), scroll)
        self.kind = QComboBox(self.form)
        for key, title in kind_titles().items():
            self.kind.addItem(title, key)
        self.number_edit = _ltr_edit(self.form)
        today = ctx.services.today()
        self.issued_edit = JalaliDateEdit(self.form, today)
        self.issuer_edit = QLineEdit(self.form)
        self.subject_edit = QLineEdit(self.form)
        self.effective_edit = JalaliDateEdit(self.form, today)
        self.units = _check_list(self.form, [(u.id, unit_title(u.id)) for u in UNITS if u.id != "admin"], 120)
        self.services = _check_list(self.form, [(s.code, s.title_fa) for s in CATALOG], 110)
        self.body_edit = _text_edit(self.form, 60)
        scan_row = QWidget(self.form)
        sr = QHBoxLayout(scan_row)
        sr.setContentsMargins(0, 0, 0, 0)
        self.choose_scan_button = QPushButton(self.tr("Choose the scanned file…"), scan_row)
        self.scan_file_label = QLabel(self.tr("(no file)"), scan_row)
        sr.addWidget(self.choose_scan_button)
        sr.addWidget(self.scan_file_label, 1)
        self.save_button = QPushButton(self.tr("Register and distribute"), self.form)
        for field, label, widget in (
            ("kind", self.tr("Document kind:"), self.kind), ("number", self.tr("Number:"), self.number_edit),
            ("issued_on", self.tr("Issued on:"), self.issued_edit), ("issuer", self.tr("Issuer:"), self.issuer_edit),
            ("subject", self.tr("Subject:"), self.subject_edit),
            ("effective_on", self.tr("In force from:"), self.effective_edit),
            ("units", self.tr("Distribute to:"), self.units), ("services", self.tr("Services affected:"), self.services),
            ("body", self.tr("Text:"), self.body_edit), ("scan", self.tr("Scan:"), scan_row),
        ):  # fmt: skip
            self.form.row(field, label, widget)
        self.form.finish(self.save_button)
        holder = QWidget(scroll)
        hv = QVBoxLayout(holder)
        hv.setContentsMargins(0, 0, 0, 0)
        hv.addWidget(self.form)
        hv.addStretch(1)
        scroll.setWidget(holder)
        split.addWidget(scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([780, 500])
        layout.addWidget(split)
        self.lines: list[Any] = []
        self.scan_path: Path | None = None
        self.search_edit.textChanged.connect(self.reload)
        self.table.itemSelectionChanged.connect(self._selected)
        self.save_button.clicked.connect(self.save)
        self.choose_scan_button.clicked.connect(self.choose_scan)
        self.scan_button.clicked.connect(self.open_scan)

    def reload(self) -> None:
        self.ctx.tasks.read(self.ctx.services.technical.circulars, self.ctx.actor, self.search_edit.text(),
                            on_done=self._loaded, on_error=self.message.show_error)  # fmt: skip

    def _loaded(self, lines: list[Any]) -> None:
        self.message.clear_message()
        self.lines = lines
        kinds = kind_titles()
        self.table.set_rows(
            [[kinds.get(c.kind, c.kind), digits(c.number), show_date(c.issued_on), c.issuer, fa_text(c.subject),
              show_date(c.effective_on), _units_text(c.units),
              self.tr("%1 of %2").replace("%1", digits(c.acknowledged)).replace("%2", digits(c.addressed)),
              self.tr("Yes") if c.scan_sha256 else ""] for c in lines],
            ids=[c.id for c in lines], highlight=[c.acknowledged < c.addressed for c in lines],
        )  # fmt: skip
        if lines and self.table.currentRow() < 0:
            self.table.setCurrentCell(0, 0)

    def _selected(self) -> None:
        cid = self.table.current_id()
        if cid is None:
            return
        line = next((c for c in self.lines if c.id == cid), None)
        self.scan_button.setEnabled(bool(line and line.scan_sha256))
        self.ctx.tasks.read(self.ctx.services.technical.acknowledgements, self.ctx.actor, cid,
                            on_done=self._acks, on_error=self.message.show_error)  # fmt: skip

    def _acks(self, acks: list[Any]) -> None:
        self.acks.set_rows(
            [[a.name, show_datetime(a.acknowledged_at) if a.acknowledged_at else self.tr("(not yet)")] for a in acks],
            ids=[a.user_id for a in acks], highlight=[a.acknowledged_at is None for a in acks],
        )  # fmt: skip

    def choose_scan(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The scanned circular"), "",
                                              self.tr("Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)"))  # fmt: skip
        if path:
            self.set_scan(Path(path))

    def set_scan(self, path: Path | None) -> None:
        self.scan_path = path
        self.scan_file_label.setText(ltr_isolate(path.name) if path else self.tr("(no file)"))

    def open_scan(self) -> None:
        cid = self.table.current_id()
        path = self.ctx.services.technical.scan_path(cid) if cid else None
        if path is None:
            self.scan_label.setText(self.tr("The scan is not on this workstation yet."))
            return
        self.scan_label.setText("")
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def save(self) -> None:
        self.form.clear_messages()
        self.ctx.tasks.write(
            self.ctx.services.technical.register_circular, self.ctx.actor, kind=self.kind.currentData(),
            number=self.number_edit.text(), issued_on=self.issued_edit.value(), issuer=self.issuer_edit.text(),
            subject=self.subject_edit.text(), effective_on=self.effective_edit.value(), units=checked(self.units),
            services=checked(self.services), body_text=self.body_edit.toPlainText(), scan_path=self.scan_path,
            on_done=self._saved, on_error=self.form.show_error, initiator=self,
        )  # fmt: skip

    def _saved(self, _result: Any) -> None:
        for edit in (self.number_edit, self.issuer_edit, self.subject_edit):
            edit.clear()
        self.body_edit.clear()
        set_checked(self.units, set())
        set_checked(self.services, set())
        self.set_scan(None)
        self.form.show_text(self.tr("Registered and sent to the units."))
        self.reload()


class MyCircularsPanel(QWidget):
    """The circulars sent to the reader's units; the reader acknowledges each one once."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.count_label = QLabel(self)
        layout.addWidget(self.count_label)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.table = DataTable([
            self.tr("Kind"), self.tr("Number"), self.tr("Subject"), self.tr("Issuer"), self.tr("In force from"),
            self.tr("I acknowledged it"),
        ], split)  # fmt: skip
        split.addWidget(self.table)
        self.detail = QTextBrowser(split)
        split.addWidget(self.detail)
        layout.addWidget(split, 1)
        bar = QHBoxLayout()
        self.ack_button = QPushButton(self.tr("I have read it"), self)
        self.message = MessageLabel(self)
        bar.addWidget(self.ack_button)
        bar.addWidget(self.message, 1)
        layout.addLayout(bar)
        self.lines: list[Any] = []
        self.table.itemSelectionChanged.connect(self._selected)
        self.ack_button.clicked.connect(self.acknowledge)

    def reload(self) -> None:
        self.ctx.tasks.read(self.ctx.services.technical.my_circulars, self.ctx.actor,
                            on_done=self._loaded, on_error=self.message.show_error)  # fmt: skip

    def _loaded(self, lines: list[Any]) -> None:
        self.lines = lines
        kinds = kind_titles()
        self.table.set_rows(
            [[kinds.get(c.kind, c.kind), digits(c.number), fa_text(c.subject), c.issuer, show_date(c.effective_on),
              show_datetime(c.my_ack) if c.my_ack else self.tr("(not yet)")] for c in lines],
            ids=[c.id for c in lines], highlight=[c.my_ack is None for c in lines],
        )  # fmt: skip
        self.count_label.setText(
            self.tr("%1 circulars for your units, %2 not acknowledged yet").replace("%1", digits(len(lines)))
            .replace("%2", digits(sum(1 for c in lines if c.my_ack is None)))
        )  # fmt: skip
        if lines:
            self.table.setCurrentCell(0, 0)

    def _selected(self) -> None:
        cid = self.table.current_id()
        line = next((c for c in self.lines if c.id == cid), None)
        if line is not None:
            self.detail.setHtml(_circular_html(line, kind_titles()))

    def acknowledge(self) -> None:
        self.message.clear_message()
        cid = self.table.current_id()
        if cid is None:
            self.message.show_text(self.tr("Choose a circular in the table first."))
            return
        self.ctx.tasks.write(self.ctx.services.technical.acknowledge, self.ctx.actor, cid,
                             on_done=self._done, on_error=self.message.show_error, initiator=self)  # fmt: skip

    def _done(self, _result: Any) -> None:
        self.message.show_text(self.tr("Acknowledged."))
        self.reload()


class CorrespondencePanel(QWidget):
    """Letters with the fire department, the engineering organisation, the gardens commission and others."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QHBoxLayout(self)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(split)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.agency_filter = QComboBox(left)
        self.agency_filter.addItem(self.tr("All agencies"), "")
        for key, title in agency_titles().items():
            self.agency_filter.addItem(title, key)
        bar.addWidget(QLabel(self.tr("Agency:"), left))
        bar.addWidget(self.agency_filter)
        bar.addStretch(1)
        lv.addLayout(bar)
        self.message = MessageLabel(left)
        lv.addWidget(self.message)
        self.table = DataTable([
            self.tr("Date"), self.tr("Agency"), self.tr("Direction"), self.tr("Secretariat number"), self.tr("Subject"),
            self.tr("Tracking number"), self.tr("In reply to"), self.tr("Answered"),
        ], left)  # fmt: skip
        lv.addWidget(self.table, 1)
        split.addWidget(left)
        right = QWidget(split)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        self.form = FieldForm(self.tr("Log a letter"), right)
        self.agency = QComboBox(self.form)
        self.agency.addItem(self.tr("(choose)"), "")
        for key, title in agency_titles().items():
            self.agency.addItem(title, key)
        self.direction = QComboBox(self.form)
        for key, title in direction_titles().items():
            self.direction.addItem(title, key)
        self.number_edit = _ltr_edit(self.form)
        self.date_edit = JalaliDateEdit(self.form, ctx.services.today())
        self.subject_edit = QLineEdit(self.form)
        self.tracking_edit = _ltr_edit(self.form)
        self.reply_to = QComboBox(self.form)
        self.notes_edit = _text_edit(self.form, 44)
        self.save_button = QPushButton(self.tr("Log the letter"), self.form)
        for field, label, widget in (
            ("agency", self.tr("Agency:"), self.agency), ("direction", self.tr("Direction:"), self.direction),
            ("secretariat_no", self.tr("Secretariat number:"), self.number_edit),
            ("letter_date", self.tr("Letter date:"), self.date_edit), ("subject", self.tr("Subject:"), self.subject_edit),
            ("tracking", self.tr("Tracking number:"), self.tracking_edit),
            ("reply_to", self.tr("In reply to:"), self.reply_to), ("notes", self.tr("Notes:"), self.notes_edit),
        ):  # fmt: skip
            self.form.row(field, label, widget)
        self.form.finish(self.save_button)
        rv.addWidget(self.form)
        rv.addStretch(1)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split)
        self.lines: list[Any] = []
        self.agency_filter.currentIndexChanged.connect(self.reload)
        self.save_button.clicked.connect(self.save)

    def reload(self) -> None:
        self.ctx.tasks.read(self.ctx.services.technical.letters, self.ctx.actor,
                            agency=self.agency_filter.currentData(), on_done=self._loaded,
                            on_error=self.message.show_error)  # fmt: skip

    def _loaded(self, lines: list[Any]) -> None:
        self.message.clear_message()
        self.lines = lines
        agencies, directions = agency_titles(), direction_titles()
        self.table.set_rows(
            [[show_date(c.letter_date), agencies.get(c.agency, c.agency), directions.get(c.direction, c.direction),
              ltr_isolate(digits(c.secretariat_no)), fa_text(c.subject),
              ltr_isolate(digits(tracking_display(c.tracking_number))) if c.tracking_number else "",
              ltr_isolate(digits(c.in_reply_to_no)) if c.in_reply_to_no else "",
              self.tr("Yes") if c.answered else ("" if c.direction == "incoming" else self.tr("Not yet"))]
             for c in lines],
            ids=[c.id for c in lines], highlight=[c.direction == "outgoing" and not c.answered for c in lines],
        )  # fmt: skip
        if not self.agency_filter.currentData():
            current = self.reply_to.currentData()
            self.reply_to.clear()
            self.reply_to.addItem(self.tr("(none)"), None)
            for c in lines:
                if c.direction == "outgoing" and not c.answered:
                    self.reply_to.addItem(f"{digits(c.secretariat_no)} — {fa_text(c.subject)}", c.id)
            index = self.reply_to.findData(current)
            self.reply_to.setCurrentIndex(max(0, index))

    def save(self) -> None:
        self.form.clear_messages()
        self.ctx.tasks.write(
            self.ctx.services.technical.log_letter, self.ctx.actor, agency=self.agency.currentData(),
            direction=self.direction.currentData(), secretariat_no=self.number_edit.text(),
            letter_date=self.date_edit.value(), subject=self.subject_edit.text(), tracking=self.tracking_edit.text(),
            in_reply_to_id=self.reply_to.currentData(), notes=self.notes_edit.toPlainText(),
            on_done=self._saved, on_error=self.form.show_error, initiator=self,
        )  # fmt: skip

    def _saved(self, _result: Any) -> None:
        for edit in (self.number_edit, self.subject_edit, self.tracking_edit):
            edit.clear()
        self.notes_edit.clear()
        self.agency.setCurrentIndex(0)
        self.form.show_text(self.tr("The letter was logged."))
        self.reload()


class QuestionsPanel(QWidget):
    """Staff's technical questions: the manager answers them; anyone in the unit may ask one."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.count_label = QLabel(self)
        layout.addWidget(self.count_label)
        self.message = MessageLabel(self)
        layout.addWidget(self.message)
        self.table = DataTable([
            self.tr("Asked"), self.tr("Asked by"), self.tr("Question"), self.tr("Tracking number"), self.tr("Answer"),
            self.tr("Answered by"),
        ], self)  # fmt: skip
        layout.addWidget(self.table, 1)
        forms = QHBoxLayout()
        self.answer_form = FieldForm(self.tr("Answer the selected question"), self)
        self.selected_label = QLabel(self.answer_form)
        self.selected_label.setWordWrap(True)
        self.answer_edit = _text_edit(self.answer_form, 70)
        self.answer_button = QPushButton(self.tr("Save the answer"), self.answer_form)
        self.answer_form.row("", self.tr("Question:"), self.selected_label)
        self.answer_form.row("answer", self.tr("Reply:"), self.answer_edit)
        self.answer_form.finish(self.answer_button)
        forms.addWidget(self.answer_form, 1, Qt.AlignmentFlag.AlignTop)
        self.ask_form = FieldForm(self.tr("Ask a technical question"), self)
        self.question_edit = _text_edit(self.ask_form, 70)
        self.tracking_edit = _ltr_edit(self.ask_form)
        self.ask_button = QPushButton(self.tr("Send the question"), self.ask_form)
        self.ask_form.row("question", self.tr("Question:"), self.question_edit)
        self.ask_form.row("tracking", self.tr("Tracking number:"), self.tracking_edit)
        self.ask_form.finish(self.ask_button)
        forms.addWidget(self.ask_form, 1, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(forms)
        can_answer = ctx.actor is not None and ctx.actor.has_any_role(ANSWER_ROLES)
        self.answer_form.setVisible(can_answer)
        self.lines: list[Any] = []
        self.table.itemSelectionChanged.connect(self._selected)
        self.answer_button.clicked.connect(self.save_answer)
        self.ask_button.clicked.connect(self.ask)

    def reload(self) -> None:
        self.ctx.tasks.read(self.ctx.services.technical.questions, self.ctx.actor,
                            on_done=self._loaded, on_error=self.message.show_error)  # fmt: skip

    def _loaded(self, lines: list[Any]) -> None:
        self.message.clear_message()
        self.lines = lines
        self.table.set_rows(
            [[show_datetime(q.asked_at), q.asked_by, fa_text(q.question),
              ltr_isolate(digits(tracking_display(q.tracking_number))) if q.tracking_number else "",
              fa_text(q.answer) if q.answer else self.tr("(not answered)"), q.answered_by] for q in lines],
            ids=[q.id for q in lines], highlight=[not q.answer for q in lines],
        )  # fmt: skip
        self.count_label.setText(
            self.tr("%1 questions, %2 waiting for an answer").replace("%1", digits(len(lines)))
            .replace("%2", digits(sum(1 for q in lines if not q.answer)))
        )  # fmt: skip

    def _selected(self) -> None:
        qid = self.table.current_id()
        line = next((q for q in self.lines if q.id == qid), None)
        self.selected_label.setText(fa_text(line.question) if line else "")

    def save_answer(self) -> None:
        qid = self.table.current_id()
        if qid is None:
            self.answer_form.show_text(self.tr("Choose a question in the table first."))
            return
        self.ctx.tasks.write(self.ctx.services.technical.answer, self.ctx.actor, qid, self.answer_edit.toPlainText(),
                             on_done=self._answered, on_error=self.answer_form.show_error, initiator=self)  # fmt: skip

    def _answered(self, _result: Any) -> None:
        self.answer_edit.clear()
        self.answer_form.show_text(self.tr("The answer was saved."))
        self.reload()

    def ask(self) -> None:
        self.ask_form.clear_messages()
        self.ctx.tasks.write(self.ctx.services.technical.ask, self.ctx.actor, self.question_edit.toPlainText(),
                             self.tracking_edit.text(), on_done=self._asked, on_error=self.ask_form.show_error,
                             initiator=self)  # fmt: skip

    def _asked(self, _result: Any) -> None:
        self.question_edit.clear()
        self.tracking_edit.clear()
        self.ask_form.show_text(self.tr("The question was sent."))
        self.reload()


class TechnicalTab(UnitTab):
    unit_id = "technical"
    sort_order = 120

    def title(self) -> str:
        return self.tr("Technical manager")

    def build(self) -> None:
        self.register = RegisterPanel(self.ctx, self)
        self.mine = MyCircularsPanel(self.ctx, self)
        self.letters = CorrespondencePanel(self.ctx, self)
        self.questions = QuestionsPanel(self.ctx, self)
        self.add_panel(self.register, self.tr("Resolutions and circulars"))
        self.add_panel(self.mine, self.tr("My circulars"))
        self.add_panel(self.letters, self.tr("Correspondence"))
        self.add_panel(self.questions, self.tr("Technical questions"))

    def reload(self) -> None:
        super().reload()
        if self.ctx.actor is None or self.ctx.services is None:
            return
        self.register.reload()
        self.mine.reload()
        self.letters.reload()
        self.questions.reload()

    def wants_reload(self, changes: Changes) -> bool:
        entities = {"circular", "circular_ack", "correspondence", "tech_question"}
        return super().wants_reload(changes) or bool(entities & changes.entities)
