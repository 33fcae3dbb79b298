"""The "Print…" menu of a case: one entry per paper (and paper size) that applies to the case now.

Used by the case view and the certificates tab. The menu pops up without blocking; each entry opens the preview
through the window's ``PrintController`` (kept on the window as ``print_controller``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QWidget

from app.domain.errors import DomainError
from app.ui.cartable import digits
from app.ui.context import UiContext
from app.ui.messages import error_text
from app.ui.print.controller import PrintController

PAPER_TITLES = {
    "thermal80": QT_TRANSLATE_NOOP("PrintMenu", "80 mm roll"),
    "a5": QT_TRANSLATE_NOOP("PrintMenu", "A5"),
    "a4": QT_TRANSLATE_NOOP("PrintMenu", "A4"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("PrintMenu", text)


def controller_of(ctx: UiContext, window: QWidget, error_label: QLabel | None = None) -> PrintController:
    controller = getattr(window, "print_controller", None)
    if not isinstance(controller, PrintController):
        controller = PrintController(ctx, window)
        window.print_controller = controller  # type: ignore[attr-defined]
        if error_label is not None:
            controller.failed.connect(error_label.setText)
    return controller


def build_print_menu(
    ctx: UiContext, window: QWidget, case_id: str, documents: Sequence[Any], error_label: QLabel | None
) -> QMenu:
    controller = controller_of(ctx, window, error_label)
    menu = QMenu(window)
    menu.setObjectName("print-menu")
    for doc in documents:
        for paper in doc.papers:
            text = doc.title
            if doc.detail:
                text += f" {digits(doc.detail)}"
            if len(doc.papers) > 1:
                text += " — " + _tr(PAPER_TITLES.get(paper, paper))
            if doc.prints:
                text += " " + _tr("(printed %1×: a reprint)").replace("%1", digits(doc.prints))
            action = QAction(text, menu)
            action.setObjectName(f"print-{doc.document}-{paper}")
            action.triggered.connect(lambda _c=False, d=doc.document, p=paper: controller.open_preview(case_id, d, p))
            menu.addAction(action)
    return menu


def show_print_menu(ctx: UiContext, window: QWidget, case_id: str, anchor: QWidget, error_label: QLabel | None) -> None:
    """Read what applies, then pop the menu up under ``anchor`` (``window.print_menu`` keeps it for tests)."""
    if ctx.actor is None:
        return

    def shown(documents: Sequence[Any]) -> None:
        menu = build_print_menu(ctx, window, case_id, documents, error_label)
        window.print_menu = menu  # type: ignore[attr-defined]
        menu.popup(anchor.mapToGlobal(QPoint(0, anchor.height())))

    def failed(error: DomainError) -> None:
        if error_label is not None:
            error_label.setText(error_text(error))

    ctx.tasks.read(ctx.services.printing.documents, ctx.actor, case_id, on_done=shown, on_error=failed)
