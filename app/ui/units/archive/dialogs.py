"""Dialogs of the Archive tab: the viewer of an archived document, and the split of a pile by separator sheets."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.text import ltr_isolate
from app.services.archive import PileGroup
from app.ui.cartable import digits, tracking_display


class DocumentViewerDialog(QDialog):
    """An archived PDF with zoom (buttons, Ctrl +/-) and every page one under the other."""

    ZOOM_STEP = 1.25

    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("archive-document-viewer")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(title)
        self.resize(860, 920)
        self._data = QByteArray(pdf)
        self._buffer = QBuffer(self._data, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a page is not mirrored in right-to-left
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        bar = QHBoxLayout()
        self.zoom_in_button = QPushButton(self.tr("Zoom in"), self)
        self.zoom_out_button = QPushButton(self.tr("Zoom out"), self)
        self.fit_button = QPushButton(self.tr("Fit width"), self)
        self.pages_label = QLabel(self.tr("%1 pages").replace("%1", digits(self.page_count())), self)
        for button in (self.zoom_in_button, self.zoom_out_button, self.fit_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.pages_label)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.fit_button.clicked.connect(self.fit_width)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, activated=self.zoom_in)
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, activated=self.zoom_out)

    def page_count(self) -> int:
        return int(self.document.pageCount())

    def zoom(self) -> float:
        return float(self.view.zoomFactor())

    def zoom_in(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(8.0, self.view.zoomFactor() * self.ZOOM_STEP))

    def zoom_out(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.1, self.view.zoomFactor() / self.ZOOM_STEP))

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)


class PileDialog(QDialog):
    """What the separator sheets said: which pages go to which case. Saving is allowed only when every page has a
    case (pages before the first sheet, or behind a sheet of a case unknown here, must be dealt with first)."""

    def __init__(self, groups: Sequence[PileGroup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("archive-pile")
        self.groups = list(groups)
        self.setWindowTitle(self.tr("Split by separator sheets"))
        self.resize(720, 360)
        layout = QVBoxLayout(self)
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [self.tr("Tracking number"), self.tr("Applicant"), self.tr("Pages"), self.tr("Status")]
        )
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        problems = 0
        for group in self.groups:
            if group.tracking_number is None:
                status = self.tr("Before the first separator sheet: no case")
            elif group.case_id is None:
                status = self.tr("No case with this tracking number here")
            elif not group.page_numbers:
                status = self.tr("No pages behind this sheet")
            else:
                status = self.tr("Ready")
            bad = group.case_id is None and bool(group.page_numbers)
            problems += bad
            tracking = ltr_isolate(digits(tracking_display(group.tracking_number))) if group.tracking_number else "—"
            item = QTreeWidgetItem([tracking, group.applicant_name or "—", digits(len(group.page_numbers)), status])
            if bad:
                for column in range(4):
                    item.setForeground(column, Qt.GlobalColor.darkRed)
            self.tree.addTopLevelItem(item)
        layout.addWidget(self.tree, 1)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        ready = [g for g in self.groups if g.case_id and g.page_numbers]
        if problems:
            self.summary.setProperty("role", "fieldMessage")
            self.summary.setText(
                self.tr("Some pages have no case. Delete them from the strip or put the right separator sheet in front of them and scan again; nothing is saved until every page has its case.")
            )  # fmt: skip
        else:
            self.summary.setText(
                self.tr("%1 documents for %2 cases will be saved.")
                .replace("%1", digits(len(ready)))
                .replace("%2", digits(len({g.case_id for g in ready})))
            )
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("Save into the cases"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setEnabled(not problems and bool(ready))
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
