"""The case view: everything about one case file, and the actions this user may take on it now.

Buttons come only from ``CaseDetail.actions`` (the workflow engine decided them in the services); applying one runs
``services.cases.apply_action`` on the writer thread with the version that was shown, so a case changed meanwhile by
someone else is refused (``workflow.stale_version``) and reloaded instead of being overwritten.
"""

from __future__ import annotations

import logging
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.text import ltr_isolate
from app.services.dto import ActionOption, CaseDetail
from app.ui.cartable import digits, join_list, show_date, show_datetime, tracking_display
from app.ui.context import UiContext
from app.ui.messages import error_text
from app.ui.qt_app import current_language
from app.ui.widgets.badge import StateBadge

log = logging.getLogger(__name__)

# Actions that record data with them and carry their unit's own checks (the aerial extract, the location, the
# dispatch letter; the ruling and the objection deadline; the plan checklist and the referral answers): only the
# unit's tab takes them, so here their buttons show disabled, naming the tab.
UNIT_FORM_ACTIONS: dict[str, str] = {
    "attach_aerial_map": "inspection",
    "confirm_location": "inspection",
    "send_to_district": "inspection",
    "record_ruling": "violation",
    "file_objection": "violation",
    "approve_plans": "plan_approval",
    "record_referral_answer": "plan_approval",
}


def _unit_title(unit: str) -> str:
    from app.ui.units import unit_title

    return unit_title(unit)


class NoteDialog(QDialog):
    """Asks for the note an action needs (a deficiency list, a reason to cancel ...)."""

    def __init__(self, action_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(action_title)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Note for «%1»:").replace("%1", action_title), self))
        self.edit = QPlainTextEdit(self)
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumSize(420, 120)
        layout.addWidget(self.edit)
        self.error = QLabel(self)
        self.error.setProperty("role", "fieldMessage")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        if not self.note():
            self.error.setText(self.tr("Write the note first."))
            self.error.show()
            return
        self.accept()

    def note(self) -> str:
        return self.edit.toPlainText().strip()


class AssigneeDialog(QDialog):
    """Picks the colleague a case is referred to."""

    def __init__(self, action_title: str, candidates: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(action_title)
        layout = QFormLayout(self)
        self.combo = QComboBox(self)
        for user_id, name in candidates:
            self.combo.addItem(name, user_id)
        layout.addRow(self.tr("Refer to:"), self.combo)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(70)
        layout.addRow(self.tr("Note:"), self.note_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(candidates))
        layout.addRow(buttons)

    def assignee_id(self) -> str | None:
        value = self.combo.currentData()
        return str(value) if value else None

    def note(self) -> str:
        return self.note_edit.toPlainText().strip()


class CaseView(QDialog):
    """One case file. ``action_applied`` fires after an action went through (with the action id)."""

    loaded = Signal()
    action_applied = Signal(str)
    action_failed = Signal(str)

    def __init__(self, ctx: UiContext, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id = case_id
        self.detail: CaseDetail | None = None
        self._busy = False
        self.setObjectName("case-view")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Case file"))
        self.resize(980, 720)
        self.action_buttons: dict[str, QPushButton] = {}
        self._build()
        self.reload()

    @classmethod
    def show_case(cls, ctx: UiContext, case_id: str, parent: QWidget | None = None) -> CaseView:
        view = cls(ctx, case_id, parent)
        view.open()  # window-modal, does not block the event loop
        return view

    # -- layout --------------------------------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        self.tracking_label = QLabel(self)
        self.tracking_label.setProperty("role", "heading")
        self.tracking_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.service_label = QLabel(self)
        self.service_label.setProperty("role", "heading")
        self.state_badge = StateBadge(self)
        head.addWidget(self.tracking_label)
        head.addWidget(self.service_label, 1)
        head.addWidget(self.state_badge)
        layout.addLayout(head)
        # A certificate's QR checked in the search box opened this case: its verification result, on top.
        self.verification_label = QLabel(self)
        self.verification_label.setObjectName("case-verification")
        self.verification_label.setWordWrap(True)
        self.verification_label.hide()
        layout.addWidget(self.verification_label)

        summary = QGroupBox(self.tr("Summary"), self)
        grid = QGridLayout(summary)
        self.summary_fields: dict[str, QLabel] = {}
        labels = (
            ("unit", self.tr("Unit")),
            ("assignee", self.tr("Assignee")),
            ("opened", self.tr("Opened")),
            ("due", self.tr("Due")),
        )
        grid.setHorizontalSpacing(8)
        for i, (key, text) in enumerate(labels):
            grid.addWidget(QLabel(text + ":", summary), 0, i * 2)
            grid.setColumnStretch(i * 2 + 1, 1)
            value = QLabel(summary)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            side = Qt.AlignmentFlag.AlignRight if self.isRightToLeft() else Qt.AlignmentFlag.AlignLeft
            value.setAlignment(Qt.AlignmentFlag.AlignAbsolute | side | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(value, 0, i * 2 + 1)
            self.summary_fields[key] = value
        layout.addWidget(summary)

        middle = QHBoxLayout()
        self.applicant_box, self.applicant_form = self._form_box(self.tr("Applicant"))
        self.property_box, self.property_form = self._form_box(self.tr("Property"))
        docs_box = QGroupBox(self.tr("Documents"), self)
        docs_layout = QVBoxLayout(docs_box)
        self.documents = QListWidget(docs_box)
        self.documents.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.documents.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        docs_layout.addWidget(self.documents)
        self.missing_label = QLabel(docs_box)
        self.missing_label.setProperty("role", "fieldMessage")
        self.missing_label.setWordWrap(True)
        docs_layout.addWidget(self.missing_label)
        middle.addWidget(self.applicant_box, 1)
        middle.addWidget(self.property_box, 1)
        middle.addWidget(docs_box, 1)
        layout.addLayout(middle)

        history_box = QGroupBox(self.tr("Route history"), self)
        history_layout = QVBoxLayout(history_box)
        self.history = QTreeWidget(history_box)
        self.history.setRootIsDecorated(False)
        self.history.setAlternatingRowColors(True)
        self.history.setHeaderLabels(
            [self.tr("Time"), self.tr("Action"), self.tr("To stage"), self.tr("Unit"), self.tr("By"), self.tr("Note")]
        )
        self.history.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.history.header().setStretchLastSection(True)
        history_layout.addWidget(self.history)
        layout.addWidget(history_box, 1)
        from app.ui.conflicts_panel import FieldHistoryBox  # values that lost a sync merge (hidden when none)

        self.field_history = FieldHistoryBox(self.ctx, self.case_id, self)
        layout.addWidget(self.field_history)

        actions_box = QGroupBox(self.tr("Actions"), self)
        self.actions_layout = QHBoxLayout(actions_box)
        self.no_actions_label = QLabel(self.tr("No action of yours is possible at this stage."), actions_box)
        self.no_actions_label.setProperty("role", "hint")
        self.actions_layout.addWidget(self.no_actions_label)
        self.actions_layout.addStretch(1)
        layout.addWidget(actions_box)

        bottom = QHBoxLayout()
        self.error_label = QLabel(self)
        self.error_label.setProperty("role", "fieldMessage")
        self.error_label.setWordWrap(True)
        bottom.addWidget(self.error_label, 1)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setObjectName("print-documents")
        self.print_button.setToolTip(self.tr("Print the case's paper: receipt, payment slip, certificate (Ctrl+P)"))
        self.print_button.setShortcut("Ctrl+P")
        self.print_button.clicked.connect(self.show_print_menu)
        bottom.addWidget(self.print_button)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        bottom.addWidget(close)
        layout.addLayout(bottom)

    def _form_box(self, title: str) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title, self)
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeading)
        return box, form

    # -- data ----------------------------------------------------------------------------------------------------------

    def reload(self) -> None:
        self._set_busy(True)
        self.field_history.reload()
        self.ctx.tasks.read(
            self.ctx.services.cases.get_case,
            self.ctx.actor,
            self.case_id,
            on_done=self._show,
            on_error=self._failed,
            log_view=getattr(self, "detail", None) is None,  # the first opening shows the applicant: audited
        )

    def _show(self, detail: CaseDetail) -> None:
        if not shiboken6.isValid(self):  # the view was closed while the read ran
            return
        self.detail = detail
        self._set_busy(False)
        self.setWindowTitle(
            self.tr("Case file %1").replace("%1", ltr_isolate(digits(tracking_display(detail.tracking_number))))
        )
        self.tracking_label.setText(ltr_isolate(digits(tracking_display(detail.tracking_number))))
        self.service_label.setText(detail.service_name)
        overdue = detail.due_date is not None and detail.due_date < _today()
        terminal = not detail.actions and detail.state in ("cancelled", "rejected", "withdrawn")
        self.state_badge.set_state(detail.state_title, "cancelled" if terminal else "overdue" if overdue else "open")
        self.summary_fields["unit"].setText(_unit_title(detail.unit))
        self.summary_fields["assignee"].setText(detail.assignee_name or "—")
        self.summary_fields["opened"].setText(show_datetime(detail.opened_at))
        self.summary_fields["due"].setText(show_date(detail.due_date) or "—")
        self._fill_applicant(detail)
        self._fill_property(detail)
        self._fill_documents(detail)
        self._fill_history(detail)
        self._fill_actions(detail.actions)
        check = self.ctx.extras.get("certificate_checks", {}).get(self.case_id)
        if check is not None:
            colour = "#1b5e20" if check.genuine else "#b71c1c"
            self.verification_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
            self.verification_label.setText("\n".join(check.lines))
            self.verification_label.show()
        self.loaded.emit()

    def show_print_menu(self) -> None:
        """The papers that apply to this case now (from the print service), as a menu under the button."""
        from app.ui.print.menu import show_print_menu

        show_print_menu(self.ctx, self, self.case_id, self.print_button, self.error_label)

    def _fill_applicant(self, detail: CaseDetail) -> None:
        _clear_form(self.applicant_form)
        person = detail.applicant
        rows: list[tuple[str, str]] = [(self.tr("Name"), person.display_name)]
        if person.kind == "legal":
            rows.append((self.tr("Legal entity ID"), ltr_isolate(digits(person.legal_id or ""))))
        else:
            rows.append((self.tr("National ID"), ltr_isolate(digits(person.national_id or ""))))
            if person.father_name:
                rows.append((self.tr("Father's name"), person.father_name))
        rows.append((self.tr("Mobile"), ltr_isolate(digits(person.mobile or "")) if person.mobile else "—"))
        if person.address:
            rows.append((self.tr("Address"), digits(person.address)))
        _fill_form(self.applicant_form, self.applicant_box, rows)

    def _fill_property(self, detail: CaseDetail) -> None:
        _clear_form(self.property_form)
        prop = detail.property
        if prop is None:
            _fill_form(self.property_form, self.property_box, [(self.tr("Property"), self.tr("none"))])
            return
        rows = [
            (self.tr("Renovation code"), ltr_isolate(digits(prop.renovation_code))),
            (self.tr("Registry plate"), prop.plate_text or "—"),
            (self.tr("Address"), digits(prop.address) if prop.address else "—"),
            (self.tr("Postal code"), ltr_isolate(digits(prop.postal_code)) if prop.postal_code else "—"),
            (
                self.tr("Deed area"),
                self.tr("%1 m²").replace("%1", digits(_area(prop.deed_area_m2))) if prop.deed_area_m2 else "—",
            ),
        ]
        sketch_area = detail.facts.get("sketch_area_m2")  # the inspector's sketch (app.services.inspection)
        if isinstance(sketch_area, int | float):
            text = self.tr("%1 m²").replace("%1", digits(_area(float(sketch_area))))
            check = detail.facts.get("area_check")
            if detail.facts.get("area_differs_from_deed") and isinstance(check, dict):
                pct = digits(f"{float(check.get('ratio', 0)) * 100:.1f}")
                text = self.tr("%1 m² — differs from the deed by %2%").replace("%1", digits(_area(float(sketch_area))))
                text = "⚠ " + text.replace("%2", pct)
            rows.append((self.tr("Sketch area"), text))
        _fill_form(self.property_form, self.property_box, rows)
        if sketch_area is not None or (prop.latitude is not None and prop.longitude is not None):
            button = QPushButton(self.tr("Show on the map"), self.property_box)
            button.setObjectName("case-map")
            button.clicked.connect(self._show_on_map)
            self.property_form.addRow(button)

    def _show_on_map(self) -> None:
        """Go to the case's location: the aerial map centred on the property, with its sketch."""
        from app.ui.units.inspection.map_dialog import show_case_on_map

        show_case_on_map(self.ctx, self.case_id, self)

    def _fill_documents(self, detail: CaseDetail) -> None:
        self.documents.clear()
        style = self.style()
        ok = style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
        missing_icon = style.standardIcon(QStyle.StandardPixmap.SP_DialogCancelButton)
        missing: list[str] = []
        for line in detail.documents:
            text = line.title
            if line.scanned:
                text += " — " + self.tr("scanned")
            item = QListWidgetItem(ok if line.received else missing_icon, text)
            item.setData(Qt.ItemDataRole.UserRole, line.doc_type)
            item.setData(Qt.ItemDataRole.UserRole + 1, line.received)
            self.documents.addItem(item)
            if line.required and not line.received:
                missing.append(line.title)
        if missing:
            self.missing_label.setText(self.tr("Missing: %1").replace("%1", join_list(missing)))
            self.missing_label.show()
        else:
            self.missing_label.hide()

    def _fill_history(self, detail: CaseDetail) -> None:
        self.history.clear()
        for line in detail.history:
            item = QTreeWidgetItem(
                [
                    show_datetime(line.at),
                    line.action_title,
                    line.to_state_title,
                    _unit_title(line.unit),
                    line.user_name,
                    digits(line.note),  # stored with ASCII digits («رای 1404-3312»), shown with Persian ones
                ]
            )
            self.history.addTopLevelItem(item)

    def _fill_actions(self, actions: tuple[ActionOption, ...]) -> None:
        for button in self.action_buttons.values():
            self.actions_layout.removeWidget(button)
            button.deleteLater()
        self.action_buttons = {}
        for position, option in enumerate(actions):
            button = QPushButton(option.title, self)
            button.setObjectName(f"action-{option.action}")
            button.setProperty("primary", position == 0)
            button.clicked.connect(lambda _checked=False, o=option: self.apply(o))
            unit = UNIT_FORM_ACTIONS.get(option.action)
            if unit is not None:  # they record data of their own: taken in the unit's tab
                button.setEnabled(False)
                button.setToolTip(self.tr("Taken in the %1 tab").replace("%1", _unit_title(unit)))
            self.actions_layout.insertWidget(self.actions_layout.count() - 1, button)
            self.action_buttons[option.action] = button
        self.no_actions_label.setVisible(not actions)
        if actions:
            self.action_buttons[actions[0].action].setFocus()

    # -- actions -------------------------------------------------------------------------------------------------------

    def apply(self, option: ActionOption, *, note: str | None = None, assignee_id: str | None = None) -> None:
        """Apply ``option``; asks for the note and the assignee when the action needs them and none were given."""
        if self.detail is None or self._busy:
            return
        if option.needs_assignee and assignee_id is None:
            # The candidates come from the database: read them off the GUI thread, then ask.
            self.ctx.tasks.read(
                self.ctx.services.cases.referral_candidates, self.case_id,
                on_done=lambda users, o=option, n=note: self._pick_assignee(o, users, n), on_error=self._failed,
            )  # fmt: skip
            return
        if option.needs_note and not note:
            dialog = NoteDialog(option.title, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            note = dialog.note()
        self._set_busy(True)
        self.error_label.clear()
        assert self.detail is not None
        kwargs: dict[str, Any] = {"expected_version": self.detail.version, "note": note, "assignee_id": assignee_id}
        self.ctx.tasks.write(
            self.ctx.services.cases.apply_action,
            self.ctx.actor,
            self.case_id,
            option.action,
            on_done=lambda _result, a=option.action: self._applied(a),
            on_error=lambda error, a=option.action: self._apply_failed(a, error),
            initiator=self,
            **kwargs,
        )

    def _pick_assignee(self, option: ActionOption, users: list[Any], note: str | None) -> None:
        me = self.ctx.actor.user_id if self.ctx.actor else None
        pairs = [(u.id, u.full_name) for u in users if u.id != me]
        dialog = AssigneeDialog(option.title, pairs, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.assignee_id() is None:
            return
        self.apply(option, note=note or dialog.note() or None, assignee_id=dialog.assignee_id())

    def _applied(self, action: str) -> None:
        self.action_applied.emit(action)
        self.reload()

    def _apply_failed(self, action: str, error: DomainError) -> None:
        self._set_busy(False)
        self.error_label.setText(error_text(error))
        self.action_failed.emit(error.code)
        if error.code in ("workflow.stale_version", "workflow.wrong_state"):
            self.reload()

    def _failed(self, error: DomainError) -> None:
        if not shiboken6.isValid(self):  # the view was closed while the read ran
            return
        self._set_busy(False)
        self.error_label.setText(error_text(error))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for button in self.action_buttons.values():
            button.setEnabled(not busy)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()


def _today():  # -> dt.date
    import datetime as dt

    from app.domain.dates import TEHRAN

    return dt.datetime.now(TEHRAN).date()


def _area(value: float) -> str:
    return (
        f"{value:.2f}".rstrip("0").rstrip(".")
        if current_language() != "fa"
        else f"{value:.2f}".rstrip("0").rstrip(".").replace(".", "٫")
    )


def _clear_form(form: QFormLayout) -> None:
    while form.rowCount():
        form.removeRow(0)


def _fill_form(form: QFormLayout, parent: QWidget, rows: list[tuple[str, str]]) -> None:
    # Values that start with a left-to-right isolate would otherwise align to the left inside a right-to-left form.
    side = Qt.AlignmentFlag.AlignRight if parent.isRightToLeft() else Qt.AlignmentFlag.AlignLeft
    for label, value in rows:
        field = QLabel(value, parent)
        field.setAlignment(Qt.AlignmentFlag.AlignAbsolute | side | Qt.AlignmentFlag.AlignVCenter)
        field.setWordWrap(True)
        field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(label + ":", field)
