"""Every staff member's window on the technical manager: the circulars sent to their units (read and acknowledged
once each) and their own technical questions with the answers, reached from the File menu of the main window
(``add_circulars_action``) whatever unit the user works in."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMainWindow, QMenu, QTabWidget, QVBoxLayout, QWidget

from app.services.dto import Changes
from app.ui.context import UiContext
from app.ui.units.technical import MyCircularsPanel, QuestionsPanel


class StaffCircularsDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("staff-circulars")
        self.setWindowTitle(self.tr("Circulars and technical questions"))
        self.resize(1000, 680)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.circulars = MyCircularsPanel(ctx, self.tabs)
        self.questions = QuestionsPanel(ctx, self.tabs)
        self.tabs.addTab(self.circulars, self.tr("Circulars for my units"))
        self.tabs.addTab(self.questions, self.tr("My technical questions"))
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        ctx.hub.changes_applied.connect(self._on_changes)
        self.reload()

    def reload(self) -> None:
        if self.ctx.actor is None:
            return
        self.circulars.reload()
        self.questions.reload()

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        if {"circular", "circular_ack", "tech_question"} & changes.entities:
            self.reload()


def add_circulars_action(window: QMainWindow, ctx: UiContext, menu: QMenu) -> QAction:
    """A File-menu entry (Ctrl+Shift+B) opening the staff member's circulars and questions."""
    text = QCoreApplication.translate("StaffCircularsDialog", "Circulars and technical &questions…")
    action = QAction(text, window)
    action.setObjectName("staff-circulars")
    action.setShortcut(QKeySequence("Ctrl+Shift+B"))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def show() -> None:
        dialog = StaffCircularsDialog(ctx, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    action.triggered.connect(show)
    menu.addAction(action)
    window.addAction(action)
    return action
