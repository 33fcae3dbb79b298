"""The consultation unit's tab: the consultation log (record a question, answer it), the detailed-plan zone reference
(search, edit, add sub-zones) and the knowledge base of earlier answers; then the unit's cartable. Every panel asks
``services.consultation`` through the task runner."""

from __future__ import annotations

import html
import re
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.rules.zones import USES
from app.domain.text import ltr_isolate
from app.services.dto import Changes
from app.ui.cartable import digits, show_datetime, tracking_display
from app.ui.context import UiContext
from app.ui.units.base import UnitTab
from app.ui.units.followup.widgets import DataTable, MessageLabel
from app.ui.units.liaison.forms import FieldForm


def topic_titles() -> dict[str, str]:
    return {
        "detailed_plan": QCoreApplication.translate("Consultation", "Detailed plan"),
        "municipal_law": QCoreApplication.translate("Consultation", "Municipal laws"),
        "case_problem": QCoreApplication.translate("Consultation", "A case's problem"),
        "other": QCoreApplication.translate("Consultation", "Other"),
    }


def asker_titles() -> dict[str, str]:
    return {
        "citizen": QCoreApplication.translate("Consultation", "Citizen"),
        "expert": QCoreApplication.translate("Consultation", "Expert or engineer"),
    }


_DIGIT_RUN = re.compile(r"(?<![A-Za-z0-9])[0-9]+")


def fa_text(text: str) -> str:
    """Free text as shown: digit runs in Persian digits, except those of Latin codes such as «R122»."""
    return _DIGIT_RUN.sub(lambda m: digits(m.group(0)), text)


def _short(text: str, size: int = 70) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= size else text[: size - 1] + "…"


def _text_edit(parent: QWidget, height: int = 54) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


def _ltr_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    return edit


class LogPanel(QWidget):
    """The log of consultations, a form for a new one and a form that answers the selected one."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.unanswered = QCheckBox(self.tr("Unanswered only"), self)
        self.count_label = QLabel(self)
        bar.addWidget(self.unanswered)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        layout.addLayout(bar)
        self.message = MessageLabel(self)
        layout.addWidget(self.message)
        self.table = DataTable([
            self.tr("Time"), self.tr("Asked by"), self.tr("Topic"), self.tr("Question"), self.tr("Answer"),
            self.tr("Tracking number"), self.tr("Zone"), self.tr("Consultant"),
        ], self)  # fmt: skip
        layout.addWidget(self.table, 1)
        forms = QHBoxLayout()
        self.form = FieldForm(self.tr("New consultation"), self)
        self.asker_edit = QLineEdit(self.form)
        self.asker_kind = QComboBox(self.form)
        for key, title in asker_titles().items():
            self.asker_kind.addItem(title, key)
        self.topic = QComboBox(self.form)
        self.topic.addItem(self.tr("(choose)"), "")
        for key, title in topic_titles().items():
            self.topic.addItem(title, key)
        self.tracking_edit = _ltr_edit(self.form)
        self.zone_edit = _ltr_edit(self.form)
        self.zone_edit.setPlaceholderText("R122")
        self.question_edit = _text_edit(self.form)
        self.answer_edit = _text_edit(self.form)
        self.save_button = QPushButton(self.tr("Save the consultation"), self.form)
        for field, label, widget in (
            ("asker", self.tr("Asked by:"), self.asker_edit), ("asker_kind", self.tr("Who:"), self.asker_kind),
            ("topic", self.tr("Topic:"), self.topic), ("tracking", self.tr("Tracking number:"), self.tracking_edit),
            ("zone", self.tr("Zone:"), self.zone_edit), ("question", self.tr("Question:"), self.question_edit),
            ("answer_new", self.tr("Reply:"), self.answer_edit),
        ):  # fmt: skip
            self.form.row(field, label, widget)
        self.form.finish(self.save_button)
        forms.addWidget(self.form, 3)
        self.answer_form = FieldForm(self.tr("Answer the selected consultation"), self)
        self.selected_label = QLabel(self.answer_form)
        self.selected_label.setWordWrap(True)
        self.reply_edit = _text_edit(self.answer_form, 90)
        self.answer_button = QPushButton(self.tr("Save the answer"), self.answer_form)
        self.answer_form.row("", self.tr("Question:"), self.selected_label)
        self.answer_form.row("answer", self.tr("Reply:"), self.reply_edit)
        self.answer_form.finish(self.answer_button)
        forms.addWidget(self.answer_form, 2, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(forms)
        self.lines: list[Any] = []
        self.unanswered.toggled.connect(self.reload)
        self.save_button.clicked.connect(self.save)
        self.answer_button.clicked.connect(self.save_answer)
        self.table.itemSelectionChanged.connect(self._selected)

    def reload(self) -> None:
        self.ctx.tasks.read(self.ctx.services.consultation.consultations, self.ctx.actor,
                            unanswered_only=self.unanswered.isChecked(), on_done=self._loaded,
                            on_error=self.message.show_error)  # fmt: skip

    def _loaded(self, lines: list[Any]) -> None:
        self.message.clear_message()
        self.lines = lines
        topics = topic_titles()
        self.table.set_rows(
            [[show_datetime(c.asked_at), c.asker_name, topics.get(c.topic, c.topic), fa_text(_short(c.question, 60)),
              fa_text(_short(c.answer, 60)) if c.answer else self.tr("(not answered)"),
              ltr_isolate(digits(tracking_display(c.tracking_number))) if c.tracking_number else "",
              ltr_isolate(c.zone_code), c.consultant_name]
             for c in lines],
            ids=[c.id for c in lines], highlight=[not c.answer for c in lines],
        )  # fmt: skip
        self.count_label.setText(
            self.tr("%1 consultations, %2 unanswered").replace("%1", digits(len(lines)))
            .replace("%2", digits(sum(1 for c in lines if not c.answer)))
        )  # fmt: skip

    def _selected(self) -> None:
        cid = self.table.current_id()
        line = next((c for c in self.lines if c.id == cid), None)
        self.selected_label.setText(fa_text(line.question) if line else "")
        if line is not None:
            self.reply_edit.setPlainText(line.answer)

    def save(self) -> None:
        self.form.clear_messages()
        self.ctx.tasks.write(
            self.ctx.services.consultation.log, self.ctx.actor, asker_name=self.asker_edit.text(),
            asker_kind=self.asker_kind.currentData(), topic=self.topic.currentData(),
            question=self.question_edit.toPlainText(), answer=self.answer_edit.toPlainText(),
            tracking=self.tracking_edit.text(), zone_code=self.zone_edit.text(),
            on_done=self._saved, on_error=self.form.show_error, initiator=self,
        )  # fmt: skip

    def _saved(self, _result: Any) -> None:
        for edit in (self.asker_edit, self.tracking_edit, self.zone_edit):
            edit.clear()
        self.question_edit.clear()
        self.answer_edit.clear()
        self.topic.setCurrentIndex(0)
        self.form.show_text(self.tr("The consultation was saved."))
        self.reload()

    def save_answer(self) -> None:
        cid = self.table.current_id()
        if cid is None:
            self.answer_form.show_text(self.tr("Choose a consultation in the table first."))
            return
        self.ctx.tasks.write(self.ctx.services.consultation.answer, self.ctx.actor, cid, self.reply_edit.toPlainText(),
                             on_done=self._answered, on_error=self.answer_form.show_error, initiator=self)  # fmt: skip

    def _answered(self, _result: Any) -> None:
        self.answer_form.show_text(self.tr("The answer was saved."))
        self.reload()


class ZonesPanel(QWidget):
    """The detailed-plan zones and what each allows; the selected zone is edited in the form, a new code adds one."""

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
        self.search_edit.setPlaceholderText(self.tr("Zone code, title or a use (e.g. commercial)"))
        self.search_edit.setClearButtonEnabled(True)
        bar.addWidget(QLabel(self.tr("Search:"), left))
        bar.addWidget(self.search_edit, 1)
        lv.addLayout(bar)
        self.message = MessageLabel(left)
        lv.addWidget(self.message)
        self.table = DataTable([
            self.tr("Code"), self.tr("Title"), self.tr("Allowed uses"), self.tr("Density %"), self.tr("Floors"),
            self.tr("Coverage %"), self.tr("Notes"),
        ], left)  # fmt: skip
        lv.addWidget(self.table, 1)
        self.hint = QLabel(self.tr("Zones changed or added by the unit are shown in red."), left)
        self.hint.setProperty("role", "hint")
        lv.addWidget(self.hint)
        split.addWidget(left)
        right = QWidget(split)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        self.form = FieldForm(self.tr("Zone"), right)
        self.code_edit = _ltr_edit(self.form)
        self.title_edit = QLineEdit(self.form)
        self.title_en_edit = _ltr_edit(self.form)
        self.uses = QListWidget(self.form)
        self.uses.setFixedHeight(150)
        for key, title in USES.items():
            item = QListWidgetItem(title, self.uses)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.density = QSpinBox(self.form)
        self.density.setRange(0, 2000)
        self.density.setSuffix("٪")
        self.floors = QSpinBox(self.form)
        self.floors.setRange(0, 60)
        self.coverage = QSpinBox(self.form)
        self.coverage.setRange(0, 100)
        self.coverage.setSuffix("٪")
        self.notes_edit = _text_edit(self.form, 48)
        self.save_button = QPushButton(self.tr("Save the zone"), self.form)
        for field, label, widget in (
            ("code", self.tr("Code:"), self.code_edit), ("title", self.tr("Title:"), self.title_edit),
            ("title_en", self.tr("English title:"), self.title_en_edit),
            ("allowed_uses", self.tr("Allowed uses:"), self.uses), ("density", self.tr("Density:"), self.density),
            ("floors", self.tr("Floors:"), self.floors), ("limits", self.tr("Coverage:"), self.coverage),
            ("notes", self.tr("Notes:"), self.notes_edit),
        ):  # fmt: skip
            self.form.row(field, label, widget)
        self.form.finish(self.save_button)
        rv.addWidget(self.form)
        rv.addStretch(1)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split)
        self.zones: list[Any] = []
        self.search_edit.textChanged.connect(self.reload)
        self.table.itemSelectionChanged.connect(self._selected)
        self.save_button.clicked.connect(self.save)

    def reload(self) -> None:
        self.ctx.tasks.read(self.ctx.services.consultation.zones, self.ctx.actor, self.search_edit.text(),
                            on_done=self._loaded, on_error=self.message.show_error)  # fmt: skip

    def _loaded(self, zones: list[Any]) -> None:
        self.message.clear_message()
        self.zones = zones
        self.table.set_rows(
            [[ltr_isolate(z.code), fa_text(z.title_fa), z.uses_fa, z.max_density_percent, z.max_floors,
              z.max_coverage_percent, fa_text(_short(z.notes_fa, 50))] for z in zones],
            ids=[z.code for z in zones], highlight=[z.edited for z in zones],
        )  # fmt: skip

    def _selected(self) -> None:
        code = self.table.current_id()
        zone = next((z for z in self.zones if z.code == code), None)
        if zone is None:
            return
        self.code_edit.setText(zone.code)
        self.title_edit.setText(fa_text(zone.title_fa))
        self.title_en_edit.setText(zone.title_en)
        for i in range(self.uses.count()):
            item = self.uses.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in zone.allowed_uses
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.density.setValue(zone.max_density_percent)
        self.floors.setValue(zone.max_floors)
        self.coverage.setValue(zone.max_coverage_percent)
        self.notes_edit.setPlainText(fa_text(zone.notes_fa))
        self.form.clear_messages()

    def checked_uses(self) -> list[str]:
        items = [self.uses.item(i) for i in range(self.uses.count())]
        return [str(it.data(Qt.ItemDataRole.UserRole)) for it in items if it.checkState() == Qt.CheckState.Checked]

    def save(self) -> None:
        self.form.clear_messages()
        self.ctx.tasks.write(
            self.ctx.services.consultation.save_zone, self.ctx.actor, code=self.code_edit.text(),
            title_fa=self.title_edit.text(), title_en=self.title_en_edit.text(), allowed_uses=self.checked_uses(),
            max_density_percent=self.density.value(), max_floors=self.floors.value(),
            max_coverage_percent=self.coverage.value(), notes_fa=self.notes_edit.toPlainText(),
            on_done=self._saved, on_error=self.form.show_error, initiator=self,
        )  # fmt: skip

    def _saved(self, _result: Any) -> None:
        self.form.show_text(self.tr("The zone was saved."))
        self.reload()


class KnowledgePanel(QWidget):
    """Earlier answers, searched by words (ی/ي, ک/ك, half-spaces and digits typed either way)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Words of the question or the answer"))
        self.search_edit.setClearButtonEnabled(True)
        self.topic = QComboBox(self)
        self.topic.addItem(self.tr("All topics"), "")
        for key, title in topic_titles().items():
            self.topic.addItem(title, key)
        self.find_button = QPushButton(self.tr("Find"), self)
        bar.addWidget(QLabel(self.tr("Search:"), self))
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(self.topic)
        bar.addWidget(self.find_button)
        layout.addLayout(bar)
        self.message = MessageLabel(self)
        layout.addWidget(self.message)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.table = DataTable([
            self.tr("Answered"), self.tr("Topic"), self.tr("Question"), self.tr("Answer"), self.tr("Zone"),
        ], split)  # fmt: skip
        split.addWidget(self.table)
        self.detail = QTextBrowser(split)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)
        self.lines: list[Any] = []
        self.find_button.clicked.connect(self.reload)
        self.search_edit.returnPressed.connect(self.reload)
        self.topic.currentIndexChanged.connect(self.reload)
        self.table.itemSelectionChanged.connect(self._selected)
        self.setFocusProxy(self.search_edit)

    def reload(self) -> None:
        self.ctx.tasks.read(self.ctx.services.consultation.search, self.ctx.actor, self.search_edit.text(),
                            topic=self.topic.currentData(), on_done=self._loaded,
                            on_error=self.message.show_error)  # fmt: skip

    def _loaded(self, lines: list[Any]) -> None:
        self.lines = lines
        if lines or not self.search_edit.text().strip():
            self.message.clear_message()
        else:
            self.message.show_text(self.tr("Nothing was found; try fewer words."))
        topics = topic_titles()
        self.table.set_rows(
            [[show_datetime(c.answered_at), topics.get(c.topic, c.topic), fa_text(_short(c.question, 70)),
              fa_text(_short(c.answer, 80)), ltr_isolate(c.zone_code)] for c in lines],
            ids=[c.id for c in lines],
        )  # fmt: skip
        if lines:
            self.table.setCurrentCell(0, 0)
        else:
            self.detail.clear()

    def _selected(self) -> None:
        cid = self.table.current_id()
        line = next((c for c in self.lines if c.id == cid), None)
        if line is None:
            return
        question, reply = self.tr("Question:"), self.tr("Reply:")
        people = (
            self.tr("Asked by %1, answered by %2").replace("%1", line.asker_name).replace("%2", line.consultant_name)
        )
        self.detail.setHtml(
            f'<div dir="rtl"><p><b>{html.escape(question)}</b> {html.escape(fa_text(line.question))}</p>'
            f"<p><b>{html.escape(reply)}</b> {html.escape(fa_text(line.answer))}</p>"
            f"<p>{html.escape(people)}</p></div>"
        )


class ConsultationTab(UnitTab):
    unit_id = "consultation"
    sort_order = 100

    def title(self) -> str:
        return self.tr("Consultation")

    def build(self) -> None:
        self.log = LogPanel(self.ctx, self)
        self.zones = ZonesPanel(self.ctx, self)
        self.knowledge = KnowledgePanel(self.ctx, self)
        self.add_panel(self.log, self.tr("Consultation log"))
        self.add_panel(self.zones, self.tr("Detailed-plan zones"))
        self.add_panel(self.knowledge, self.tr("Knowledge base"))

    def reload(self) -> None:
        super().reload()
        if self.ctx.actor is None or self.ctx.services is None:
            return
        self.log.reload()
        self.zones.reload()
        self.knowledge.reload()

    def wants_reload(self, changes: Changes) -> bool:
        return super().wants_reload(changes) or bool({"consultation", "zone_rule"} & changes.entities)
