"""Print preview inside the window: Qt's PDF viewer over the bytes app.printing built, then print or save.

The printer is remembered per document kind (a thermal printer for receipts, the laser for certificates) through
callbacks that the caller wires to the workstation's settings; this dialog never touches QSettings itself. Auditing
the print is the caller's job too: ``printed`` and ``saved`` say what happened.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QMessageBox, QToolBar, QVBoxLayout, QWidget

log = logging.getLogger(__name__)

PrinterGetter = Callable[[str], "str | None"]
PrinterSetter = Callable[[str, str], None]


class PrintPreviewDialog(QDialog):
    """Shows a PDF; Print (system printers, remembered per ``document_kind``), Save as PDF, zoom."""

    printed = Signal(str)  # printer name
    saved = Signal(str)  # file path
    printed_to = Signal(str, str)  # target ("printer" | "pdf"), printer name or file path: for the audit log

    ZOOM_STEP = 1.25

    def __init__(
        self,
        pdf_bytes: bytes,
        document_kind: str,
        get_printer: PrinterGetter,
        set_printer: PrinterSetter,
        parent: QWidget | None = None,
        *,
        title: str = "",
        file_name: str = "document.pdf",
    ) -> None:
        super().__init__(parent)
        self.pdf_bytes = pdf_bytes
        self.document_kind = document_kind
        self._get_printer = get_printer
        self._set_printer = set_printer
        self._file_name = file_name
        self.setWindowTitle(title or self.tr("Print preview"))
        self.resize(820, 900)

        # The document reads from this buffer for as long as it is shown: keep both alive with the dialog.
        self._data = QByteArray(pdf_bytes)
        self._buffer = QBuffer(self._data, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        # Pages are paper: they lie left to right in the viewer whatever the application's direction.
        self.view.setLayoutDirection(Qt.LayoutDirection.LeftToRight)

        toolbar = QToolBar(self)
        self.print_action = self._action(
            toolbar, self.tr("Print…"), QKeySequence.StandardKey.Print, self.print_with_dialog
        )
        self.save_action = self._action(
            toolbar, self.tr("Save as PDF…"), QKeySequence.StandardKey.Save, self.save_with_dialog
        )
        toolbar.addSeparator()
        self._action(toolbar, self.tr("Zoom in"), QKeySequence.StandardKey.ZoomIn, self.zoom_in)
        self._action(toolbar, self.tr("Zoom out"), QKeySequence.StandardKey.ZoomOut, self.zoom_out)
        self._action(toolbar, self.tr("Fit width"), None, self.fit_width)
        toolbar.addSeparator()
        self.pages_label = QLabel(self.tr("%n page(s)", "", self.page_count()), self)
        toolbar.addWidget(self.pages_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(toolbar)
        layout.addWidget(self.view)

    def _action(
        self, toolbar: QToolBar, text: str, shortcut: QKeySequence.StandardKey | None, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        toolbar.addAction(action)
        return action

    # --- viewing -----------------------------------------------------------------------------------------------

    def page_count(self) -> int:
        return int(self.document.pageCount())

    def zoom_in(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(self.view.zoomFactor() * self.ZOOM_STEP)

    def zoom_out(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(self.view.zoomFactor() / self.ZOOM_STEP)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    # --- saving ------------------------------------------------------------------------------------------------

    def save_to(self, path: Path) -> None:
        """The exact bytes that were previewed (not a re-rendering): the PDF keeps its text layer and QR payload."""
        Path(path).write_bytes(self.pdf_bytes)
        self.saved.emit(str(path))
        self.printed_to.emit("pdf", str(path))

    def save_with_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), self._file_name, self.tr("PDF (*.pdf)"))
        if not path:
            return
        try:
            self.save_to(Path(path))
        except OSError as exc:
            log.warning("saving %s failed: %s", path, exc)
            QMessageBox.warning(self, self.tr("Save as PDF"), self.tr("The file could not be saved."))

    # --- printing ----------------------------------------------------------------------------------------------

    def make_printer(self) -> QPrinter:
        """A printer set up for this document: the remembered printer of its kind, the PDF's own page size."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        remembered = self._get_printer(self.document_kind)
        if remembered:
            printer.setPrinterName(remembered)
        if self.page_count():
            size = self.document.pagePointSize(0)
            page_size = QPageSize(
                QSizeF(size.width(), size.height()), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch
            )
            printer.setPageSize(page_size)
            printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setFullPage(True)
        printer.setDocName(self.windowTitle())
        return printer

    def print_with_dialog(self) -> None:
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Render every page at the printer's resolution and remember the printer for this document kind."""
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.tr("Print"), self.tr("The printer could not be started."))
            return
        try:
            dpi = min(printer.resolution(), 600)
            for page in range(self.page_count()):
                if page:
                    printer.newPage()
                points = self.document.pagePointSize(page)
                pixels = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
                image = self.document.render(page, pixels)
                target = painter.viewport()
                scaled = pixels.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(target.x(), target.y(), image.scaled(scaled, Qt.AspectRatioMode.KeepAspectRatio))
        finally:
            painter.end()
        name = printer.printerName() or printer.outputFileName()
        if printer.printerName():
            self._set_printer(self.document_kind, printer.printerName())
        self.printed.emit(name)
        to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat or not printer.printerName()
        self.printed_to.emit("pdf" if to_file else "printer", name)
