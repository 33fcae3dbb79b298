"""The scanning panel of the Archive tab: device and profile, scan with progress and cancel, a live thumbnail strip
(drag to reorder, rotate, delete, keep a page the blank check dropped), a zoomable viewer, the document type, Save.

Scanning and archiving run in worker threads; pages reach the GUI thread through queued signals and are already on
disk (a ScanSession) when they do. The widget knows nothing of the database: ``save_document(pdf, metadata)`` is a
plain callable the Archive tab wires to the archive service (which stores the file and writes the audit entry).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSize, Qt, QThread, Signal
from PySide6.QtGui import QIcon, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.scanner import processing
from app.scanner.archive_pdf import DOCUMENT_TYPES, ArchiveMetadata, ArchiveResult
from app.scanner.base import BatchResult, CancelToken, DeviceInfo, ScannerDriver, ScannerError
from app.scanner.batch import DISCARDED, SAVED, ScanSession
from app.scanner.messages_fa import message_for
from app.scanner.pipeline import PageEvent, archive_pages, scan_into_session
from app.scanner.profiles import Profile, replace
from app.ui.scan.page_viewer import PageViewer

log = logging.getLogger(__name__)

NUMBER_ROLE = Qt.ItemDataRole.UserRole + 1
ROTATION_ROLE = Qt.ItemDataRole.UserRole + 2
INK_ROLE = Qt.ItemDataRole.UserRole + 3

SaveDocument = Callable[[bytes, dict[str, Any]], None]


class _Worker(QThread):
    """Runs one callable off the GUI thread; ``progress`` carries page events, ``done``/``failed`` the outcome."""

    progress = Signal(object)
    done = Signal(object)
    failed = Signal(str, dict)

    def __init__(self, job: Callable[[Callable[[object], None]], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job

    def run(self) -> None:
        try:
            result = self._job(self.progress.emit)
        except ScannerError as exc:
            self.failed.emit(exc.code, dict(exc.params))
            return
        except Exception as exc:
            log.exception("scan worker failed")
            self.failed.emit("scanner.io_error", {"detail": str(exc)})
            return
        self.done.emit(result)


class ScanWidget(QWidget):
    """Signals: ``page_added(number)``, ``scan_finished(pages, cancelled)``, ``scan_failed(code)``, ``saved(sha256)``."""

    page_added = Signal(int)
    scan_finished = Signal(int, bool)
    scan_failed = Signal(str)
    saved = Signal(str)

    def __init__(
        self,
        drivers: Sequence[ScannerDriver],
        profiles: Sequence[Profile],
        sessions_folder: Path,
        save_document: SaveDocument,
        *,
        operator: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._drivers = list(drivers)
        self._profiles = list(profiles)
        self._sessions_folder = sessions_folder
        self._save_document = save_document
        self._operator = operator
        self._session: ScanSession | None = None
        self._worker: _Worker | None = None
        self._cancel: CancelToken | None = None
        self._case_id = ""
        self._tracking_number = ""
        self._devices: list[tuple[ScannerDriver, DeviceInfo]] = []
        self._build()
        self.refresh_devices()

    # -- layout ---------------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.device_combo = QComboBox()
        self.refresh_button = QPushButton(self.tr("جست‌وجوی دستگاه"))
        self.profile_combo = QComboBox()
        for profile in self._profiles:
            self.profile_combo.addItem(self._profile_label(profile), profile.name)
        self.doc_type_combo = QComboBox()
        for code in DOCUMENT_TYPES:
            self.doc_type_combo.addItem(self._doc_type_label(code), code)
        self.threshold_spin = QDoubleSpinBox()
        self.threshold_spin.setDecimals(2)
        self.threshold_spin.setRange(0.0, 10.0)
        self.threshold_spin.setSingleStep(0.05)
        self.threshold_spin.setSuffix(" %")
        self.threshold_spin.setToolTip(self.tr("صفحه‌ای که جوهرش از این کمتر باشد سفید شمرده می‌شود و کنار می‌رود."))
        self.scan_button = QPushButton(self.tr("اسکن"))
        self.cancel_button = QPushButton(self.tr("لغو"))
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.case_label = QLabel(self.tr("پرونده‌ای انتخاب نشده است"))

        self.pages_model = QStandardItemModel(self)
        self.pages_view = QListView()
        self.pages_view.setModel(self.pages_model)
        self.pages_view.setViewMode(QListView.ViewMode.IconMode)
        self.pages_view.setIconSize(QSize(120, 160))
        self.pages_view.setGridSize(QSize(140, 190))
        self.pages_view.setMovement(QListView.Movement.Snap)
        self.pages_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.pages_view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.pages_view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.pages_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.pages_view.setFlow(QListView.Flow.TopToBottom)
        self.pages_view.setWrapping(False)

        self.rotate_left_button = QPushButton(self.tr("چرخش به چپ"))
        self.rotate_right_button = QPushButton(self.tr("چرخش به راست"))
        self.delete_button = QPushButton(self.tr("حذف صفحه"))
        self.keep_button = QPushButton(self.tr("نگه‌داشتن صفحه"))
        self.zoom_in_button = QPushButton(self.tr("بزرگ‌نمایی"))
        self.zoom_out_button = QPushButton(self.tr("کوچک‌نمایی"))
        self.fit_button = QPushButton(self.tr("اندازهٔ پنجره"))
        self.save_button = QPushButton(self.tr("ذخیره در پرونده"))
        self.save_button.setEnabled(False)
        self.viewer = PageViewer()

        top = QHBoxLayout()
        for label, widget in (
            (self.tr("دستگاه:"), self.device_combo),
            (self.tr("نمایه:"), self.profile_combo),
            (self.tr("نوع سند:"), self.doc_type_combo),
            (self.tr("آستانهٔ صفحهٔ سفید:"), self.threshold_spin),
        ):
            top.addWidget(QLabel(label))
            top.addWidget(widget)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        top.addWidget(self.scan_button)
        top.addWidget(self.cancel_button)

        page_buttons = QHBoxLayout()
        for button in (self.rotate_right_button, self.rotate_left_button, self.delete_button, self.keep_button):
            page_buttons.addWidget(button)
        page_buttons.addStretch(1)
        for button in (self.zoom_in_button, self.zoom_out_button, self.fit_button):
            page_buttons.addWidget(button)

        strip = QWidget()
        strip_layout = QVBoxLayout(strip)
        strip_layout.setContentsMargins(0, 0, 0, 0)
        strip_layout.addWidget(self.pages_view)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(strip)
        splitter.addWidget(self.viewer)
        splitter.setStretchFactor(1, 3)

        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.case_label)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(page_buttons)
        layout.addLayout(bottom)

        self.refresh_button.clicked.connect(self.refresh_devices)
        self.profile_combo.currentIndexChanged.connect(self._profile_changed)
        self.scan_button.clicked.connect(self.start_scan)
        self.cancel_button.clicked.connect(self.cancel_scan)
        self.rotate_left_button.clicked.connect(lambda: self.rotate_selected(270))
        self.rotate_right_button.clicked.connect(lambda: self.rotate_selected(90))
        self.delete_button.clicked.connect(self.delete_selected)
        self.keep_button.clicked.connect(self.keep_selected)
        self.zoom_in_button.clicked.connect(self.viewer.zoom_in)
        self.zoom_out_button.clicked.connect(self.viewer.zoom_out)
        self.fit_button.clicked.connect(self.viewer.fit)
        self.save_button.clicked.connect(self.save)
        self.pages_view.selectionModel().currentChanged.connect(lambda current, _previous: self._show(current.row()))
        self._profile_changed()

    def _profile_label(self, profile: Profile) -> str:
        names = {
            "A3 plan sheet": self.tr("نقشهٔ A3، ۳۰۰ نقطه، خاکستری"),
            "A4 deed": self.tr("سند A4، ۳۰۰ نقطه، خاکستری"),
            "ID card": self.tr("کارت شناسایی، ۳۰۰ نقطه، رنگی"),
            "A4 text": self.tr("متن A4، ۳۰۰ نقطه، سیاه و سفید"),
        }
        return names.get(profile.name, profile.name)

    def _doc_type_label(self, code: str) -> str:
        names = {
            "deed": self.tr("سند مالکیت"),
            "national_card": self.tr("کارت ملی"),
            "birth_certificate": self.tr("شناسنامه"),
            "previous_permit": self.tr("پروانهٔ قبلی"),
            "plan_sheet": self.tr("برگ نقشه"),
            "power_of_attorney": self.tr("وکالت‌نامه"),
            "inheritance_certificate": self.tr("گواهی انحصار وراثت"),
            "other": self.tr("سایر"),
        }
        return names[code]

    # -- public API -----------------------------------------------------------------------------------------------
    def set_case(self, case_id: str, tracking_number: str = "", label: str = "") -> None:
        self._case_id = case_id
        self._tracking_number = tracking_number
        self.case_label.setText(label or tracking_number or case_id)

    def set_document_type(self, code: str) -> None:
        self.doc_type_combo.setCurrentIndex(DOCUMENT_TYPES.index(code))

    def select_device(self, device_id: str) -> None:
        for index, (_driver, device) in enumerate(self._devices):
            if device.id == device_id:
                self.device_combo.setCurrentIndex(index)
                return
        raise KeyError(device_id)

    def select_profile(self, name: str) -> None:
        index = self.profile_combo.findData(name)
        if index < 0:
            raise KeyError(name)
        self.profile_combo.setCurrentIndex(index)

    @property
    def session(self) -> ScanSession | None:
        return self._session

    def current_profile(self) -> Profile:
        profile = self._profiles[max(0, self.profile_combo.currentIndex())]
        return replace(profile, blank_threshold=round(self.threshold_spin.value() / 100.0, 6))

    def page_numbers(self) -> list[int]:
        """Arrival numbers of the pages that will be saved, in strip order."""
        return [
            int(self.pages_model.item(row).data(NUMBER_ROLE))
            for row in range(self.pages_model.rowCount())
            if self.pages_model.item(row).checkState() == Qt.CheckState.Checked
        ]

    def is_busy(self) -> bool:
        return self._worker is not None and self._worker.isRunning()

    # -- devices --------------------------------------------------------------------------------------------------
    def refresh_devices(self) -> None:
        self._devices.clear()
        self.device_combo.clear()
        problems: list[str] = []
        for driver in self._drivers:
            try:
                for device in driver.list_devices():
                    self._devices.append((driver, device))
                    self.device_combo.addItem(device.label, device.id)
            except ScannerError as exc:
                problems.append(message_for(exc.code, **exc.params))
        if not self._devices:
            problems.insert(0, message_for("scanner.no_device"))
        self._set_status(" ".join(problems))
        self.scan_button.setEnabled(bool(self._devices))

    def _profile_changed(self, *_args: object) -> None:
        if not self._profiles:
            return
        profile = self._profiles[max(0, self.profile_combo.currentIndex())]
        self.threshold_spin.setValue(profile.blank_threshold * 100.0)

    # -- scanning -------------------------------------------------------------------------------------------------
    def start_scan(self) -> None:
        if self.is_busy() or not self._devices:
            return
        driver, device = self._devices[max(0, self.device_combo.currentIndex())]
        profile = self.current_profile()
        if self._session is None:
            self._sessions_folder.mkdir(parents=True, exist_ok=True)
            self._session = ScanSession.create(
                self._sessions_folder,
                device_id=device.id,
                profile=profile,
                case_id=self._case_id,
                tracking_number=self._tracking_number,
            )
        session = self._session
        cancel = CancelToken()
        self._cancel = cancel

        def job(report: Callable[[object], None]) -> BatchResult:
            return scan_into_session(driver, device.id, profile, session, cancel, on_event=report)

        self._worker = _Worker(job, self)
        self._worker.progress.connect(self._on_page)
        self._worker.done.connect(self._on_scan_done)
        self._worker.failed.connect(self._on_scan_failed)
        self._worker.finished.connect(self._worker_gone)
        self._set_busy(True, self.tr("در حال اسکن…"))
        self._worker.start()

    def cancel_scan(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()
            self._set_status(self.tr("لغو درخواست شد؛ صفحهٔ داخل دستگاه تمام می‌شود…"))

    def _on_page(self, event: object) -> None:
        assert isinstance(event, PageEvent)
        record = event.record
        pixmap = QPixmap()
        pixmap.loadFromData(event.thumbnail_png, "PNG")
        item = QStandardItem(QIcon(pixmap), str(self.pages_model.rowCount() + 1))
        item.setData(record.number, NUMBER_ROLE)
        item.setData(0, ROTATION_ROLE)
        item.setData(event.blank.ink_ratio, INK_ROLE)
        item.setCheckable(True)
        item.setDropEnabled(False)
        item.setEditable(False)
        ink = f"{event.blank.ink_ratio * 100:.2f}%"
        limit = f"{event.blank.threshold * 100:.2f}%"
        if event.blank.blank:
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setToolTip(self.tr("صفحهٔ سفید: جوهر %1 کمتر از آستانهٔ %2").replace("%1", ink).replace("%2", limit))
        else:
            item.setCheckState(Qt.CheckState.Checked)
            item.setToolTip(self.tr("جوهر صفحه: %1 (آستانه %2)").replace("%1", ink).replace("%2", limit))
        self.pages_model.appendRow(item)
        self.progress.setFormat(str(self.pages_model.rowCount()))
        if self.pages_model.rowCount() == 1:
            self.pages_view.setCurrentIndex(self.pages_model.index(0, 0))
        self.page_added.emit(record.number)

    def _on_scan_done(self, result: object) -> None:
        assert isinstance(result, BatchResult)
        if result.cancelled:
            self._set_status(message_for("scanner.cancelled"))
        else:
            self._set_status(self.tr("%1 صفحه اسکن شد.").replace("%1", str(result.pages)))
        self.scan_finished.emit(result.pages, result.cancelled)

    def _on_scan_failed(self, code: str, params: dict[str, Any]) -> None:
        self._set_status(message_for(code, **params), error=True)
        self.scan_failed.emit(code)

    def _worker_gone(self) -> None:
        self._worker = None
        self._cancel = None
        self._set_busy(False)

    def _set_busy(self, busy: bool, text: str | None = None) -> None:
        self.scan_button.setEnabled(not busy and bool(self._devices))
        self.cancel_button.setEnabled(busy)
        self.progress.setVisible(busy)
        self.save_button.setEnabled(not busy and self.pages_model.rowCount() > 0)
        for widget in (self.device_combo, self.profile_combo, self.refresh_button):
            widget.setEnabled(not busy)
        if text:
            self._set_status(text)

    def _set_status(self, text: str, error: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color: #b00020;" if error else "")

    # -- page editing ---------------------------------------------------------------------------------------------
    def _selected_rows(self) -> list[int]:
        rows = sorted({index.row() for index in self.pages_view.selectionModel().selectedIndexes()})
        if not rows and self.pages_view.currentIndex().isValid():
            rows = [self.pages_view.currentIndex().row()]
        return rows

    def rotate_selected(self, degrees: int) -> None:
        if self._session is None:
            return
        for row in self._selected_rows():
            item = self.pages_model.item(row)
            rotation = (int(item.data(ROTATION_ROLE)) + degrees) % 360
            item.setData(rotation, ROTATION_ROLE)
            record = self._session.update_page(int(item.data(NUMBER_ROLE)), rotation=rotation)
            image = self._session.image(record)
            pixmap = QPixmap()
            pixmap.loadFromData(processing.thumbnail_png(image, 160), "PNG")
            item.setIcon(QIcon(pixmap))
        self._show(self.pages_view.currentIndex().row())

    def delete_selected(self) -> None:
        if self._session is None:
            return
        for row in reversed(self._selected_rows()):
            number = int(self.pages_model.item(row).data(NUMBER_ROLE))
            self._session.update_page(number, deleted=True)
            self.pages_model.removeRow(row)
        self._renumber()
        self.save_button.setEnabled(self.pages_model.rowCount() > 0 and not self.is_busy())
        self._show(self.pages_view.currentIndex().row())

    def keep_selected(self) -> None:
        """Bring back pages the blank check dropped."""
        if self._session is None:
            return
        for row in self._selected_rows():
            item = self.pages_model.item(row)
            item.setCheckState(Qt.CheckState.Checked)
            self._session.update_page(int(item.data(NUMBER_ROLE)), deleted=False)

    def move_page(self, from_row: int, to_row: int) -> None:
        """What a drag in the strip does, callable from code and tests."""
        items = self.pages_model.takeRow(from_row)
        self.pages_model.insertRow(to_row, items)
        self._renumber()

    def _renumber(self) -> None:
        for row in range(self.pages_model.rowCount()):
            self.pages_model.item(row).setText(str(row + 1))

    def _show(self, row: int) -> None:
        if self._session is None or row < 0 or row >= self.pages_model.rowCount():
            self.viewer.show_image(None)
            return
        number = int(self.pages_model.item(row).data(NUMBER_ROLE))
        for record in self._session.pages(include_deleted=True):
            if record.number == number:
                self.viewer.show_image(self._session.image(record))
                return

    # -- saving ---------------------------------------------------------------------------------------------------
    def save(self) -> None:
        if self._session is None or self.is_busy():
            return
        numbers = self.page_numbers()
        if not numbers:
            self._set_status(self.tr("صفحه‌ای برای ذخیره نمانده است."), error=True)
            return
        session = self._session
        # the strip's order and the kept/dropped marks go to the manifest first: a crash now keeps them
        for row in range(self.pages_model.rowCount()):
            item = self.pages_model.item(row)
            session.update_page(int(item.data(NUMBER_ROLE)), deleted=item.checkState() != Qt.CheckState.Checked)
        session.arrange(numbers)
        profile = self.current_profile()
        by_number = {r.number: r for r in session.pages()}
        records = [by_number[n] for n in numbers]
        metadata = ArchiveMetadata(
            document_type=str(self.doc_type_combo.currentData()),
            case_id=self._case_id,
            tracking_number=self._tracking_number,
            scanner=session.device_id,
            operator=self._operator,
        )
        save_document = self._save_document

        def job(_report: Callable[[object], None]) -> ArchiveResult:
            result = archive_pages(session, metadata, profile, records)
            save_document(result.pdf, self._metadata_dict(result, metadata))
            return result

        self._worker = _Worker(job, self)
        self._worker.done.connect(self._on_saved)
        self._worker.failed.connect(self._on_scan_failed)
        self._worker.finished.connect(self._worker_gone)
        self._set_busy(True, self.tr("در حال ساختن PDF…"))
        self._worker.start()

    @staticmethod
    def _metadata_dict(result: ArchiveResult, metadata: ArchiveMetadata) -> dict[str, Any]:
        return {
            "document_type": metadata.document_type,
            "case_id": metadata.case_id,
            "tracking_number": metadata.tracking_number,
            "scanner": metadata.scanner,
            "operator": metadata.operator,
            "pages": result.page_count,
            "resolution": result.resolution,
            "sha256": result.sha256,
            "content_sha256": result.content_sha256,
            "page_sizes_mm": result.page_sizes_mm,
            "thumbnails": result.thumbnails,
            "scanned_at": result.metadata.get("ScannedAt", ""),
        }

    def _on_saved(self, result: object) -> None:
        assert isinstance(result, ArchiveResult)
        if self._session is not None:
            self._session.mark(SAVED)
            self._session.remove()
        self._session = None
        self.pages_model.clear()
        self.viewer.show_image(None)
        self._set_status(self.tr("سند با %1 صفحه ذخیره شد.").replace("%1", str(result.page_count)))
        self.saved.emit(result.sha256)

    def discard(self) -> None:
        """Throw the current pages away (the operator confirmed it)."""
        if self.is_busy():
            return
        if self._session is not None:
            self._session.mark(DISCARDED)
            self._session.remove()
        self._session = None
        self.pages_model.clear()
        self.viewer.show_image(None)
        self.save_button.setEnabled(False)

    def resume_session(self, folder: Path) -> None:
        """Reopen an unfinished session (after a crash or jam): its pages fill the strip again."""
        session = ScanSession.open(folder)
        self._session = session
        self.pages_model.clear()
        for record in session.pages(include_deleted=True):
            image = session.image(record)
            threshold = self.current_profile().blank_threshold
            event = PageEvent(
                record,
                processing.thumbnail_png(image, 160),
                processing.BlankCheck(record.deleted, record.ink_ratio or 0.0, threshold),
            )
            self._on_page(event)
            if record.rotation:
                self.pages_model.item(self.pages_model.rowCount() - 1).setData(record.rotation, ROTATION_ROLE)
        self.save_button.setEnabled(self.pages_model.rowCount() > 0)

    def closeEvent(self, event: Any) -> None:
        if self._cancel is not None:
            self._cancel.cancel()
        if self._worker is not None:
            self._worker.wait(30_000)
        super().closeEvent(event)
