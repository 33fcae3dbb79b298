"""The violation review workbench: one case's violation records, registry letters, Article 100 ruling and objection,
and the fire-safety company; plus the panel of objection deadlines across the unit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.rules.violations import RULING_TITLES_FA, VIOLATION_KINDS, AppealOutcome, RulingOutcome
from app.domain.text import digits_to_ascii, ltr_isolate
from app.services.dto import Changes
from app.services.violations import DeadlineRow, ViolationFile
from app.ui.cartable import CartableModel, tracking_display
from app.ui.context import UiContext
from app.ui.units.violation.common import (
    CaseWorkbench,
    fa_digits,
    fill_row,
    jalali,
    journey_error,
    make_table,
    message_label,
    paint_row,
    scrolled,
    selected_key,
    show_message,
)
from app.ui.widgets import JalaliDateEdit

OVERDUE = QColor("#b71c1c")
NEAR = QColor("#e65100")


def _plain(parent: QWidget, height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


class ViolationWorkbench(CaseWorkbench):
    FORM_ACTIONS = frozenset({"record_ruling", "file_objection", "record_appeal_ruling"})

    def build_body(self) -> None:
        self.sections = QTabWidget(self)
        self.body.addWidget(self.sections, 1)
        self.sections.addTab(scrolled(self._violations_page()), self.tr("Violations"))
        self.sections.addTab(scrolled(self._ruling_page()), self.tr("Article 100 ruling and objection"))
        self.sections.addTab(scrolled(self._letters_page()), self.tr("Registry letters"))
        self.sections.addTab(scrolled(self._fire_page()), self.tr("Fire-safety company"))
        self.file: ViolationFile | None = None
        self.attachments: list[Path] = []

    # -- violations ----------------------------------------------------------------------------------------------------
    def _violations_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.violations_table = make_table(page, [self.tr("Kind"), self.tr("Area / spaces"), self.tr("Status"),
                                                  self.tr("Note"), self.tr("Recorded by")])  # fmt: skip
        self.violations_table.itemSelectionChanged.connect(self._violation_chosen)
        layout.addWidget(self.violations_table, 1)
        self.observed_label = QLabel(page)
        self.observed_label.setProperty("role", "hint")
        self.observed_label.setWordWrap(True)
        layout.addWidget(self.observed_label)
        form = QFormLayout()
        self.kind_combo = QComboBox(page)
        self.kind_combo.addItem(self.tr("— choose —"), "")
        for info in VIOLATION_KINDS.values():
            self.kind_combo.addItem(info.title_fa, info.kind.value)
        self.quantity_edit = QLineEdit(page)
        self.quantity_edit.setPlaceholderText(self.tr("m², or parking spaces"))
        self.violation_note = QLineEdit(page)
        form.addRow(self.tr("Kind:"), self.kind_combo)
        form.addRow(self.tr("Area (m²) or spaces:"), self.quantity_edit)
        form.addRow(self.tr("Note:"), self.violation_note)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.add_violation_button = QPushButton(self.tr("Add violation"), page)
        self.save_violation_button = QPushButton(self.tr("Save changes"), page)
        self.import_button = QPushButton(self.tr("Import from the inspection"), page)
        self.close_note = QLineEdit(page)
        self.close_note.setPlaceholderText(self.tr("How it was settled"))
        self.close_violation_button = QPushButton(self.tr("Close violation"), page)
        for w in (self.add_violation_button, self.save_violation_button, self.import_button):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.close_note, 1)
        row.addWidget(self.close_violation_button)
        layout.addLayout(row)
        self.violation_message = message_label(page)
        layout.addWidget(self.violation_message)
        self.add_violation_button.clicked.connect(self.add_violation)
        self.save_violation_button.clicked.connect(self.save_violation)
        self.close_violation_button.clicked.connect(self.close_violation)
        self.import_button.clicked.connect(self.import_observed)
        return page

    def add_violation(self) -> None:
        s = self.ctx.services.violations
        self.write("add_violation", self.violation_message, s.add_violation, self.ctx.actor, self.case_id,
                   self.kind_combo.currentData() or "", self.quantity_edit.text(), self.violation_note.text(),
                   on_done=lambda _r: self._clear_violation_form())  # fmt: skip

    def save_violation(self) -> None:
        chosen = selected_key(self.violations_table)
        if chosen is None:
            show_message(self.violation_message, self.tr("Choose the violation to change in the table."))
            return
        s = self.ctx.services.violations
        self.write("edit_violation", self.violation_message, s.edit_violation, self.ctx.actor, self.case_id, chosen,
                   self.kind_combo.currentData() or "", self.quantity_edit.text(),
                   self.violation_note.text())  # fmt: skip

    def close_violation(self) -> None:
        chosen = selected_key(self.violations_table)
        if chosen is None:
            show_message(self.violation_message, self.tr("Choose the violation to close in the table."))
            return
        s = self.ctx.services.violations
        self.write("close_violation", self.violation_message, s.close_violation, self.ctx.actor, self.case_id,
                   chosen, self.close_note.text(), on_done=lambda _r: self.close_note.clear())  # fmt: skip

    def import_observed(self) -> None:
        s = self.ctx.services.violations
        self.write("import_observed", self.violation_message, s.import_observed, self.ctx.actor, self.case_id)

    def _clear_violation_form(self) -> None:
        self.kind_combo.setCurrentIndex(0)
        self.quantity_edit.clear()
        self.violation_note.clear()

    def _violation_chosen(self) -> None:
        chosen = selected_key(self.violations_table)
        if self.file is None or chosen is None:
            return
        line = next((v for v in self.file.violations if v.id == chosen), None)
        if line is None:
            return
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(line.kind)))
        self.quantity_edit.setText(fa_digits(line.quantity))
        self.violation_note.setText(line.note)

    # -- the Article 100 ruling and the objection ----------------------------------------------------------------------
    def _ruling_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        ruling_box = QGroupBox(self.tr("First ruling of the commission"), page)
        form = QFormLayout(ruling_box)
        self.ruling_number = QLineEdit(ruling_box)
        self.ruled_on = JalaliDateEdit(ruling_box)
        self.served_on = JalaliDateEdit(ruling_box)
        self.outcome_combo = QComboBox(ruling_box)
        for outcome in RulingOutcome:
            self.outcome_combo.addItem(RULING_TITLES_FA[outcome], outcome.value)
        # A plain digits field: fines run to billions of rials, past the 32-bit signal of the shared MoneyEdit.
        self.fine_edit = QLineEdit(ruling_box)
        self.fine_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.ruling_note = QLineEdit(ruling_box)
        form.addRow(self.tr("Ruling number:"), self.ruling_number)
        form.addRow(self.tr("Ruling date:"), self.ruled_on)
        form.addRow(self.tr("Served on:"), self.served_on)
        form.addRow(self.tr("Outcome:"), self.outcome_combo)
        form.addRow(self.tr("Fine (rials):"), self.fine_edit)
        form.addRow(self.tr("Note:"), self.ruling_note)
        self.record_ruling_button = QPushButton(self.tr("Record the ruling"), ruling_box)
        self.record_ruling_button.clicked.connect(self.record_ruling)
        form.addRow(self.record_ruling_button)
        self.ruling_message = message_label(ruling_box)
        form.addRow(self.ruling_message)
        layout.addWidget(ruling_box)

        objection_box = QGroupBox(self.tr("Objection to the appeal commission"), page)
        obj = QVBoxLayout(objection_box)
        self.countdown = QLabel(objection_box)
        self.countdown.setObjectName("objection-countdown")
        self.countdown.setProperty("role", "heading")
        obj.addWidget(self.countdown)
        self.objection_text = _plain(objection_box, 90)
        self.objection_text.setObjectName("objection-text")
        obj.addWidget(QLabel(self.tr("Objection text:"), objection_box))
        obj.addWidget(self.objection_text)
        self.attachment_list = QListWidget(objection_box)
        self.attachment_list.setFixedHeight(64)
        obj.addWidget(QLabel(self.tr("Attachments:"), objection_box))
        obj.addWidget(self.attachment_list)
        row = QHBoxLayout()
        self.add_files_button = QPushButton(self.tr("Add files…"), objection_box)
        self.save_objection_button = QPushButton(self.tr("Save the objection"), objection_box)
        self.send_objection_button = QPushButton(self.tr("Send the objection"), objection_box)
        self.print_objection_button = QPushButton(self.tr("Print the objection letter"), objection_box)
        for w in (self.add_files_button, self.save_objection_button, self.send_objection_button,
                  self.print_objection_button):  # fmt: skip
            row.addWidget(w)
        row.addStretch(1)
        obj.addLayout(row)
        appeal = QHBoxLayout()
        self.appeal_combo = QComboBox(objection_box)
        for appeal_outcome in AppealOutcome:
            self.appeal_combo.addItem(RULING_TITLES_FA[appeal_outcome], appeal_outcome.value)
        self.appeal_note = QLineEdit(objection_box)
        self.appeal_note.setPlaceholderText(self.tr("Summary of the appeal ruling"))
        self.appeal_button = QPushButton(self.tr("Record the appeal outcome"), objection_box)
        appeal.addWidget(QLabel(self.tr("Outcome:"), objection_box))
        appeal.addWidget(self.appeal_combo)
        appeal.addWidget(self.appeal_note, 1)
        appeal.addWidget(self.appeal_button)
        obj.addLayout(appeal)
        self.objection_message = message_label(objection_box)
        obj.addWidget(self.objection_message)
        layout.addWidget(objection_box, 1)
        self.add_files_button.clicked.connect(self._pick_files)
        self.save_objection_button.clicked.connect(self.save_objection)
        self.send_objection_button.clicked.connect(self.send_objection)
        self.print_objection_button.clicked.connect(self.print_objection)
        self.appeal_button.clicked.connect(self.record_appeal)
        return page

    def record_ruling(self) -> None:
        s = self.ctx.services.violations
        self.write("record_ruling", self.ruling_message, s.record_ruling, self.ctx.actor, self.case_id,
                   self.ruling_number.text(), self.ruled_on.value(), self.served_on.value(),
                   self.outcome_combo.currentData(), fine_rials(self.fine_edit.text()), self.ruling_note.text())  # fmt: skip

    def add_attachments(self, paths: list[Path]) -> None:
        for path in paths:
            if path not in self.attachments:
                self.attachments.append(path)
                self.attachment_list.addItem(f"{path.name} — {self.tr('to be saved')}")

    def _pick_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Attachments of the objection"), str(Path.home()),
            self.tr("PDF and images (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)"),
        )  # fmt: skip
        self.add_attachments([Path(n) for n in names])

    def save_objection(self) -> None:
        s = self.ctx.services.violations
        self.write("save_objection", self.objection_message, s.save_objection, self.ctx.actor, self.case_id,
                   self.objection_text.toPlainText(), list(self.attachments),
                   on_done=lambda _r: self.attachments.clear())  # fmt: skip

    def send_objection(self) -> None:
        s = self.ctx.services.violations
        self.write("send_objection", self.objection_message, s.send_objection, self.ctx.actor, self.case_id)

    def print_objection(self) -> None:
        s = self.ctx.services.violations
        self.print_pdf(self.objection_message, self.tr("Objection letter"), "objection.pdf", s.objection_letter_pdf,
                       self.ctx.actor, self.case_id)  # fmt: skip

    def record_appeal(self) -> None:
        s = self.ctx.services.violations
        self.write("record_appeal", self.objection_message, s.record_appeal_outcome, self.ctx.actor, self.case_id,
                   self.appeal_combo.currentData(), self.appeal_note.text())  # fmt: skip

    # -- registry letters ----------------------------------------------------------------------------------------------
    def _letters_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.letters_table = make_table(page, [self.tr("Letter no."), self.tr("Date"), self.tr("Subject"),
                                               self.tr("Status"), self.tr("Reply")])  # fmt: skip
        layout.addWidget(self.letters_table, 1)
        incoming = QGroupBox(self.tr("Letter in"), page)
        form = QFormLayout(incoming)
        self.letter_number = QLineEdit(incoming)
        self.letter_date = JalaliDateEdit(incoming)
        self.letter_subject = QLineEdit(incoming)
        self.add_letter_button = QPushButton(self.tr("Register the letter"), incoming)
        form.addRow(self.tr("Registry letter no.:"), self.letter_number)
        form.addRow(self.tr("Date:"), self.letter_date)
        form.addRow(self.tr("Subject:"), self.letter_subject)
        form.addRow(self.add_letter_button)
        layout.addWidget(incoming)
        review = QGroupBox(self.tr("Review and reply (the letter chosen above)"), page)
        rform = QFormLayout(review)
        self.letter_finding = _plain(review, 50)
        self.letter_mismatch = QCheckBox(self.tr("The completion certificate does not match the engineering plans"))
        self.review_button = QPushButton(self.tr("Record the review"), review)
        self.reply_number = QLineEdit(review)
        self.reply_date = JalaliDateEdit(review)
        self.reply_text = _plain(review, 50)
        reply_row = QHBoxLayout()
        self.reply_button = QPushButton(self.tr("Send the reply"), review)
        self.print_reply_button = QPushButton(self.tr("Print the reply"), review)
        reply_row.addWidget(self.reply_button)
        reply_row.addWidget(self.print_reply_button)
        reply_row.addStretch(1)
        rform.addRow(self.tr("Finding:"), self.letter_finding)
        rform.addRow(self.letter_mismatch)
        rform.addRow(self.review_button)
        rform.addRow(self.tr("Reply no.:"), self.reply_number)
        rform.addRow(self.tr("Reply date:"), self.reply_date)
        rform.addRow(self.tr("Reply text:"), self.reply_text)
        rform.addRow(reply_row)
        self.letter_message = message_label(review)
        rform.addRow(self.letter_message)
        layout.addWidget(review)
        self.add_letter_button.clicked.connect(self.add_letter)
        self.review_button.clicked.connect(self.review_letter)
        self.reply_button.clicked.connect(self.reply_letter)
        self.print_reply_button.clicked.connect(self.print_reply)
        return page

    def add_letter(self) -> None:
        s = self.ctx.services.violations
        self.write("add_letter", self.letter_message, s.add_registry_letter, self.ctx.actor, self.case_id,
                   self.letter_number.text(), self.letter_date.value(), self.letter_subject.text())  # fmt: skip

    def _letter(self) -> str | None:
        chosen = selected_key(self.letters_table)
        if chosen is None:
            show_message(self.letter_message, self.tr("Choose the letter in the table."))
        return chosen

    def review_letter(self) -> None:
        letter = self._letter()
        if letter is not None:
            s = self.ctx.services.violations
            self.write("review_letter", self.letter_message, s.review_registry_letter, self.ctx.actor, self.case_id,
                       letter, self.letter_finding.toPlainText(), self.letter_mismatch.isChecked())  # fmt: skip

    def reply_letter(self) -> None:
        letter = self._letter()
        if letter is not None:
            s = self.ctx.services.violations
            self.write("reply_letter", self.letter_message, s.reply_registry_letter, self.ctx.actor, self.case_id,
                       letter, self.reply_number.text(), self.reply_date.value(),
                       self.reply_text.toPlainText())  # fmt: skip

    def print_reply(self) -> None:
        letter = self._letter()
        if letter is not None:
            s = self.ctx.services.violations
            self.print_pdf(self.letter_message, self.tr("Reply to the registry"), "registry-reply.pdf",
                           s.registry_reply_pdf, self.ctx.actor, self.case_id, letter)  # fmt: skip

    # -- the fire-safety company ---------------------------------------------------------------------------------------
    def _fire_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.fire_name = QLineEdit(page)
        self.fire_registration = QLineEdit(page)
        self.fire_licence = QLineEdit(page)
        self.fire_expiry = JalaliDateEdit(page)
        self.fire_phone = QLineEdit(page)
        self.fire_phone.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.fire_button = QPushButton(self.tr("Register the company"), page)
        self.fire_current = QLabel(page)
        self.fire_current.setWordWrap(True)
        form.addRow(self.fire_current)
        form.addRow(self.tr("Company name:"), self.fire_name)
        form.addRow(self.tr("Registration no.:"), self.fire_registration)
        form.addRow(self.tr("Licence no.:"), self.fire_licence)
        form.addRow(self.tr("Licence valid until:"), self.fire_expiry)
        form.addRow(self.tr("Phone:"), self.fire_phone)
        form.addRow(self.fire_button)
        self.fire_message = message_label(page)
        form.addRow(self.fire_message)
        self.fire_button.clicked.connect(self.register_fire_company)
        return page

    def register_fire_company(self) -> None:
        s = self.ctx.services.violations
        self.write("fire_company", self.fire_message, s.register_fire_company, self.ctx.actor, self.case_id,
                   self.fire_name.text(), self.fire_registration.text(), self.fire_licence.text(),
                   self.fire_expiry.value(), self.fire_phone.text())  # fmt: skip

    # -- loading -------------------------------------------------------------------------------------------------------
    def load_unit_data(self, case_id: str) -> Any:
        return self.ctx.services.violations.get_file(self.ctx.actor, case_id)

    def set_enabled_forms(self, enabled: bool) -> None:
        self.sections.setEnabled(enabled)

    def show_unit_data(self, data: Any) -> None:
        file: ViolationFile = data
        self.file = file
        table = self.violations_table
        table.setRowCount(len(file.violations))
        for i, v in enumerate(file.violations):
            unit = self.tr("m²") if v.measure == "m2" else self.tr("spaces")
            status = self.tr("open") if v.status == "open" else self.tr("settled")
            fill_row(table, i, [v.kind_title, f"{fa_digits(v.quantity)} {unit}", status,
                                v.closed_note or v.note, v.recorded_by], key=v.id)  # fmt: skip
            if v.status == "open":
                paint_row(table, i, OVERDUE, range(2, 3))
        detail = self.detail
        found = detail.facts.get("violations_observed") if detail else None
        observed = len(found) if isinstance(found, list) else 0
        self.observed_label.setText(
            self.tr("The inspection report lists %1 violations; import them as records.").replace(
                "%1", fa_digits(observed)) if observed else "")  # fmt: skip
        self.import_button.setVisible(bool(observed))
        self._show_ruling(file)
        letters = self.letters_table
        letters.setRowCount(len(file.letters))
        statuses = {"received": self.tr("received"), "reviewed": self.tr("reviewed"), "answered": self.tr("answered")}
        for i, x in enumerate(file.letters):
            reply = f"{fa_digits(x.reply_number)} — {jalali(x.reply_date)}" if x.reply_number else ""
            fill_row(letters, i, [fa_digits(x.number), jalali(x.letter_date), x.subject,
                                  statuses.get(x.status, x.status), reply], key=x.id)  # fmt: skip
        fire = file.fire_company
        self.fire_current.setText(
            self.tr("Registered: %1, registration no. %2, licence %3 valid until %4")
            .replace("%1", fire.name).replace("%2", fa_digits(fire.registration_number))
            .replace("%3", fa_digits(fire.licence_number)).replace("%4", jalali(fire.licence_expiry))
            if fire else self.tr("No company registered on this case yet.")
        )  # fmt: skip

    def _show_ruling(self, file: ViolationFile) -> None:
        r = file.ruling
        self.attachment_list.clear()
        self.attachments.clear()
        if r is None:
            self.countdown.setText(self.tr("No ruling recorded yet."))
            self.countdown.setStyleSheet("")
            self.objection_text.setPlainText("")
            return
        self.ruling_number.setText(fa_digits(r.number))
        self.ruled_on.set_value(r.ruled_on)
        self.served_on.set_value(r.served_on)
        self.outcome_combo.setCurrentIndex(max(0, self.outcome_combo.findData(r.outcome)))
        self.fine_edit.setText(f"{r.fine_rials:,}" if r.fine_rials else "")
        self.objection_text.setPlainText(r.objection_text)
        for _sha, name in r.attachments:
            self.attachment_list.addItem(name)
        self.countdown.setText(countdown_text(self, r.deadline, r.days_left, r.expired, r.objection_sent_on,
                                              file.objection_days))  # fmt: skip
        colour = "#b71c1c" if r.expired and not r.objection_sent_on else "#e65100" if r.days_left <= 2 else ""
        self.countdown.setStyleSheet(f"color: {colour};" if colour else "")


def fine_rials(text: str) -> int:
    """Digits typed in any script, with or without separators; anything else counts as no fine."""
    digits = "".join(ch for ch in digits_to_ascii(text) if ch.isdigit())
    return int(digits) if digits else 0


def countdown_text(widget: QWidget, deadline: dt.date, days_left: int, expired: bool, sent_on: dt.date | None,
                   days: int) -> str:  # fmt: skip
    if sent_on is not None:
        return widget.tr("Objection sent on %1.").replace("%1", jalali(sent_on))
    if expired:
        return widget.tr("The %1-day objection deadline passed on %2.").replace("%1", fa_digits(days)).replace(
            "%2", jalali(deadline))  # fmt: skip
    if days_left == 0:
        return widget.tr("Last day to object: today, %1.").replace("%1", jalali(deadline))
    return widget.tr("%1 days left to object (until %2).").replace("%1", fa_digits(days_left)).replace(
        "%2", jalali(deadline))  # fmt: skip


class DeadlinesPanel(QWidget):
    """Every ruling of the unit with its objection countdown; passed deadlines in red, the objection days setting."""

    case_activated = Signal(str)
    listed = Signal(list)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[DeadlineRow] = []
        layout = QVBoxLayout(self)
        self.table = make_table(self, [self.tr("Tracking number"), self.tr("Applicant"), self.tr("Ruling no."),
                                       self.tr("Served on"), self.tr("Deadline"), self.tr("Days left"),
                                       self.tr("Objection")])  # fmt: skip
        self.table.itemActivated.connect(self._activated)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Objection deadline (days after service):"), self))
        self.days_spin = QSpinBox(self)
        self.days_spin.setRange(1, 60)
        self.save_days_button = QPushButton(self.tr("Save"), self)
        row.addWidget(self.days_spin)
        row.addWidget(self.save_days_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = message_label(self)
        layout.addWidget(self.message)
        self.save_days_button.clicked.connect(self.save_days)
        ctx.hub.changes_applied.connect(self._on_changes)

    def reload(self) -> None:
        if self.ctx.actor is None:
            return
        s = self.ctx.services.violations
        self.ctx.tasks.read(lambda: (s.objection_deadlines(self.ctx.actor), s.objection_days()), on_done=self._show,
                            on_error=lambda e: show_message(self.message, journey_error(e)))  # fmt: skip

    def _show(self, result: tuple[list[DeadlineRow], int]) -> None:
        self.rows, days = result
        self.listed.emit(list(self.rows))
        self.days_spin.setValue(days)
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            if r.objection_sent:
                left, status = "—", self.tr("sent")
            elif r.expired:
                left, status = self.tr("passed"), self.tr("deadline passed")
            else:
                left, status = fa_digits(r.days_left), self.tr("not sent")
            fill_row(self.table, i, [ltr_isolate(fa_digits(tracking_display(r.tracking_number))), r.applicant_name,
                                     fa_digits(r.ruling_number), jalali(r.served_on), jalali(r.deadline), left,
                                     status], key=r.case_id)  # fmt: skip
            colour = OVERDUE if r.expired and not r.objection_sent else NEAR if r.days_left <= 2 and not (
                r.objection_sent) else None  # fmt: skip
            if colour is not None:
                paint_row(self.table, i, colour)

    def _activated(self) -> None:
        chosen = selected_key(self.table)
        if chosen is not None:
            self.case_activated.emit(chosen)

    def save_days(self) -> None:
        s = self.ctx.services.violations

        def refused(error: Any) -> None:
            show_message(self.message, journey_error(error))

        show_message(self.message, "")
        self.ctx.tasks.write(s.set_objection_days, self.ctx.actor, self.days_spin.value(),
                             on_done=lambda _r: self.reload(), on_error=refused, initiator=self)  # fmt: skip

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        if changes.case_ids or "case" in changes.entities:
            self.reload()


class ObjectionCartableModel(CartableModel):
    """The unit's cartable, with each ruled case's objection countdown in its stage column; passed deadlines red."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.deadlines: dict[str, DeadlineRow] = {}

    def set_deadlines(self, rows: list[DeadlineRow]) -> None:
        self.deadlines = {r.case_id: r for r in rows}
        if self.rowCount():
            column = self.COLUMNS.index("state")
            self.dataChanged.emit(self.index(0, column), self.index(self.rowCount() - 1, column))

    def countdown(self, case_id: str) -> str:
        d = self.deadlines.get(case_id)
        if d is None or d.objection_sent:
            return ""
        if d.expired:
            return self.tr("objection deadline passed")
        return self.tr("%1 days to object").replace("%1", fa_digits(d.days_left))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = super().data(index, role)
        if not index.isValid():
            return value
        row = self.row_at(index.row())
        d = self.deadlines.get(row.case_id)
        if d is None or d.objection_sent or self.COLUMNS[index.column()] != "state":
            return value
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{value} — {self.countdown(row.case_id)}"
        if role == Qt.ItemDataRole.ForegroundRole and (d.expired or d.days_left <= 2):
            return QBrush(OVERDUE if d.expired else NEAR)
        return value
