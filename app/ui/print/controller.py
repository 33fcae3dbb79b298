"""Printing a case's paper from any window: build it (services), preview it, print or save it, record it.

``PrintController(ctx, parent).open_preview(case_id, document)`` asks ``services.printing.prepare`` on a reader
thread, shows ``PrintPreviewDialog`` inside the window, and when the paper went to a printer or a PDF file records
the print (``services.printing.record``: print log and audit entry in one transaction) on the writer thread. The
printer chosen for each document kind is remembered per workstation in the settings file (``Settings.printers``).
A refusal (a blank required field, no approved certificate) comes back as a Persian message: ``failed`` carries it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.domain.errors import DomainError
from app.settings import save_settings
from app.ui.cartable import digits
from app.ui.context import UiContext
from app.ui.messages import error_text
from app.ui.print.preview import PrintPreviewDialog

log = logging.getLogger(__name__)


def printer_for(ctx: UiContext, kind: str) -> str | None:
    return ctx.settings.printer_for(kind) or None


def remember_printer(ctx: UiContext, kind: str, name: str) -> None:
    """Keep ``name`` as this workstation's printer for ``kind`` (written to the settings file at once)."""
    if not name or ctx.settings.printer_for(kind) == name:
        return
    ctx.settings = ctx.settings.with_changes(printers={**ctx.settings.printers, kind: name})
    try:
        save_settings(ctx.paths.settings_file, ctx.settings)
    except OSError as exc:  # the choice still holds for this session
        log.warning("could not save the printer choice: %s", exc)


class PrintController(QObject):
    """One preview at a time for its parent window. Signals: ``preview_opened(dialog)``, ``recorded(copy)``,
    ``failed(text)``."""

    preview_opened = Signal(object)
    recorded = Signal(int)
    failed = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._parent = parent
        self.dialog: PrintPreviewDialog | None = None

    def open_preview(self, case_id: str, document: str, paper: str | None = None) -> None:
        if self.ctx.actor is None:
            return
        self.ctx.tasks.read(
            self.ctx.services.printing.prepare, self.ctx.actor, case_id, document, paper,
            on_done=self._show, on_error=self._failed,
        )  # fmt: skip

    def _failed(self, error: DomainError) -> None:
        self.failed.emit(error_text(error))

    def _show(self, job: object) -> None:
        from app.services.printing import PrintJob

        assert isinstance(job, PrintJob)
        title = job.title
        if job.is_reprint:
            title += " — " + self.tr("reprint no. %1").replace("%1", digits(job.copy_number))
        dialog = PrintPreviewDialog(
            job.pdf, job.document, lambda kind: printer_for(self.ctx, kind),
            lambda kind, name: remember_printer(self.ctx, kind, name), self._parent, title=title,
            file_name=job.file_name,
        )  # fmt: skip
        dialog.setObjectName("print-preview")
        dialog.printed_to.connect(lambda target, name, j=job: self._record(j, target, name))
        self.dialog = dialog
        dialog.open()
        self.preview_opened.emit(dialog)

    def _record(self, job: object, target: str, name: str) -> None:
        from app.services.printing import PrintJob

        assert isinstance(job, PrintJob)
        self.ctx.tasks.write(
            self.ctx.services.printing.record, self.ctx.actor, job, target=target,
            printer=name if target == "printer" else "",
            on_done=lambda _changes, j=job: self.recorded.emit(j.copy_number), on_error=self._failed,
            initiator=self,
        )  # fmt: skip
