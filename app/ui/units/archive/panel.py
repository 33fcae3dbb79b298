"""The Archive tab's scanning desk: the queue of cases waiting for their documents, the scanning panel (live strip,
reorder, rotate, delete, document type, zoom), the case's archived documents, separator sheets and piles, file
import, scan profiles, and the workflow's own buttons for the selected case.

Everything that touches the database goes through the task runner: reads on the pool, writes on the writer thread
(``services.archive``, ``services.cases.apply_action``). The scanning itself runs in the scan widget's worker.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.text import ltr_isolate
from app.scanner.archive_pdf import ArchiveResult
from app.scanner.base import ScannerDriver
from app.scanner.profiles import Profile, load_profiles
from app.services.archive import ArchivedDocument, PileGroup, PileResult, PreparedDocument
from app.services.dto import ActionOption, CartableRow, CaseDetail
from app.ui.cartable import digits, show_datetime, tracking_display
from app.ui.context import UiContext
from app.ui.messages import error_text
from app.ui.scan import ScanWidget
from app.ui.units.archive.dialogs import DocumentViewerDialog, PileDialog
from app.ui.units.archive.profiles_dialog import ProfileEditorDialog

log = logging.getLogger(__name__)

CASE_ROLE = Qt.ItemDataRole.UserRole
TRACKING_ROLE = Qt.ItemDataRole.UserRole + 1
SEPARATOR_KIND = "letter"


def default_drivers(ctx: UiContext) -> list[ScannerDriver]:
    """The workstation's scanner drivers: TWAIN on Windows, SANE elsewhere (``ECITY_SANE_CONFIG`` or the system's
    configuration). Tests and special set-ups hand their own in ``ctx.extras["scanner_drivers"]``."""
    given = ctx.extras.get("scanner_drivers")
    if given is not None:
        return list(given)
    if sys.platform == "win32":
        from app.scanner.twain_driver import TwainDriver

        return [TwainDriver()]
    from app.scanner.sane_driver import SaneDriver

    config = ctx.extras.get("sane_config") or os.environ.get("ECITY_SANE_CONFIG")
    return [SaneDriver(config_dir=Path(config) if config else None)]


def profiles_folder(ctx: UiContext) -> Path:
    custom = getattr(ctx.settings, "scan_profiles_dir", "")
    return Path(custom) if custom else ctx.paths.scan_profiles


class ArchivePanel(QWidget):
    """Signals for tests and the tab: ``case_loaded`` (documents and actions of the selected case shown),
    ``document_saved(case_id)``, ``pile_saved(count)``, ``failed(text)``."""

    case_loaded = Signal()
    document_saved = Signal(str)
    pile_saved = Signal(int)
    pile_split = Signal()
    failed = Signal(str)
    action_applied = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("archive-panel")
        self.case_id: str | None = None
        self.detail: CaseDetail | None = None
        self.documents: list[ArchivedDocument] = []
        self.replace_document_id: str | None = None
        self.pile_dialog: PileDialog | None = None
        self.viewer: DocumentViewerDialog | None = None
        self._pile_groups: list[PileGroup] = []
        self._listed = False
        self._build()

    # -- layout --------------------------------------------------------------------------------------------------------
    def _build(self) -> None:
        queue_box = QGroupBox(self.tr("Waiting for their documents"), self)
        queue_layout = QVBoxLayout(queue_box)
        self.queue = QListWidget(queue_box)
        self.queue.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.queue.setAlternatingRowColors(True)
        queue_layout.addWidget(self.queue, 1)
        self.queue_hint = QLabel(queue_box)
        self.queue_hint.setProperty("role", "hint")
        self.queue_hint.setWordWrap(True)
        queue_layout.addWidget(self.queue_hint)
        self.separator_button = QPushButton(self.tr("Print separator sheets"), queue_box)
        self.separator_button.setToolTip(
            self.tr("A sheet with the case's barcode for each selected case: put it in front of the case's documents")
        )
        queue_layout.addWidget(self.separator_button)

        docs_box = QGroupBox(self.tr("Archived documents of the case"), self)
        docs_layout = QVBoxLayout(docs_box)
        self.case_label = QLabel(self.tr("Choose a case from the queue."), docs_box)
        self.case_label.setProperty("role", "heading")
        self.case_label.setWordWrap(True)
        docs_layout.addWidget(self.case_label)
        self.documents_tree = QTreeWidget(docs_box)
        self.documents_tree.setRootIsDecorated(False)
        self.documents_tree.setHeaderLabels([self.tr("Document"), self.tr("Pages"), self.tr("Scanned"), self.tr("By")])
        self.documents_tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.documents_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.documents_tree.header().setStretchLastSection(False)
        docs_layout.addWidget(self.documents_tree, 1)
        doc_buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("View"), docs_box)
        self.rescan_button = QPushButton(self.tr("Re-scan"), docs_box)
        self.rescan_button.setCheckable(True)
        self.rescan_button.setToolTip(self.tr("The next document saved replaces the selected one"))
        self.delete_doc_button = QPushButton(self.tr("Delete"), docs_box)
        for button in (self.open_button, self.rescan_button, self.delete_doc_button):
            doc_buttons.addWidget(button)
        docs_layout.addLayout(doc_buttons)
        self.actions_row = QHBoxLayout()
        self.open_case_button = QPushButton(self.tr("Open the case"), docs_box)
        self.actions_row.addWidget(self.open_case_button)
        self.actions_row.addStretch(1)
        docs_layout.addLayout(self.actions_row)
        self.action_buttons: dict[str, QPushButton] = {}

        side = QSplitter(Qt.Orientation.Vertical, self)
        side.addWidget(queue_box)
        side.addWidget(docs_box)

        self.profiles_dir = profiles_folder(self.ctx)
        actor = self.ctx.actor
        self.scan = ScanWidget(
            default_drivers(self.ctx),
            load_profiles(self.profiles_dir),
            self.ctx.paths.scans_in_progress,
            None,
            operator=actor.full_name if actor else "",
            list_devices=False,
            parent=self,
        )
        tools = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import files…"), self)
        self.import_button.setToolTip(self.tr("PDF, TIFF, JPEG or PNG files into the strip, as if scanned"))
        self.split_button = QPushButton(self.tr("Split pile by separator sheets"), self)
        self.split_button.setToolTip(
            self.tr("The strip holds several cases, each behind its separator sheet: save each into its case")
        )
        self.profiles_button = QPushButton(self.tr("Scan profiles…"), self)
        self.discard_button = QPushButton(self.tr("Discard pages"), self)
        for button in (self.import_button, self.split_button, self.profiles_button, self.discard_button):
            tools.addWidget(button)
        tools.addStretch(1)
        self.message = QLabel(self)
        self.message.setProperty("role", "fieldMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        centre = QWidget(self)
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addLayout(tools)
        centre_layout.addWidget(self.scan, 1)
        centre_layout.addWidget(self.message)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(side)
        splitter.addWidget(centre)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([470, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

        self.queue.currentItemChanged.connect(self._queue_changed)
        self.separator_button.clicked.connect(self.print_separators)
        self.open_button.clicked.connect(self.open_selected_document)
        self.documents_tree.itemActivated.connect(lambda *_: self.open_selected_document())
        self.rescan_button.toggled.connect(self._rescan_toggled)
        self.delete_doc_button.clicked.connect(self.delete_selected_document)
        self.open_case_button.clicked.connect(self.open_case)
        self.import_button.clicked.connect(self._import_with_dialog)
        self.split_button.clicked.connect(self.split_pile)
        self.profiles_button.clicked.connect(self.edit_profiles)
        self.discard_button.clicked.connect(self._discard)
        self.scan.on_refresh = self.list_devices
        for keys, slot in (
            ("Ctrl+Return", self.scan.start_scan),
            ("Ctrl+S", self.scan.save),
            ("Ctrl+I", self._import_with_dialog),
            ("Ctrl+B", self.split_pile),
            ("Escape", self.scan.cancel_scan),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.scan.scan_button.setToolTip(self.tr("Scan (Ctrl+Enter)"))
        self.scan.save_button.setToolTip(self.tr("Save into the case (Ctrl+S)"))
        self.scan.document_ready.connect(self._document_ready)
        self.scan.scan_failed.connect(lambda _code: self.failed.emit(self.scan.status_label.text()))
        self._update_buttons()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._listed:
            self._listed = True
            QTimer.singleShot(0, self.list_devices)

    def list_devices(self) -> None:
        """List the scanners on the task runner's pool (a system SANE set-up may probe the network for seconds);
        the runner's shutdown waits for it, so no thread outlives the window."""
        self.scan.set_listing(True)
        self.ctx.tasks.read(
            ScanWidget.list_all, self.scan.drivers(), on_done=self.scan.show_devices, on_error=self._error
        )

    def shutdown(self) -> None:
        self.scan.shutdown()

    # -- queue ---------------------------------------------------------------------------------------------------------
    def set_queue(self, rows: Sequence[CartableRow]) -> None:
        current = self.case_id
        self.queue.blockSignals(True)
        self.queue.clear()
        for row in rows:
            text = f"{ltr_isolate(digits(tracking_display(row.tracking_number)))}  {row.applicant_name}"
            item = QListWidgetItem(text, self.queue)
            item.setToolTip(f"{row.service_name} — {row.state_title}")
            item.setData(CASE_ROLE, row.case_id)
            item.setData(TRACKING_ROLE, row.tracking_number)
            if row.overdue:
                item.setForeground(Qt.GlobalColor.darkRed)
            if row.case_id == current:
                self.queue.setCurrentItem(item)
        self.queue.blockSignals(False)
        if current is None and self.queue.count():
            self.queue.setCurrentRow(0)  # ready to work on the most urgent case
        self.queue_hint.setText(self.tr("%1 cases waiting").replace("%1", digits(len(rows))))

    def select_case(self, case_id: str) -> None:
        """Make ``case_id`` the case being scanned (from the queue, or any case opened by tracking number)."""
        for i in range(self.queue.count()):
            if self.queue.item(i).data(CASE_ROLE) == case_id:
                if self.queue.currentRow() == i:
                    self.reload_case()
                else:
                    self.queue.setCurrentRow(i)
                return
        self._set_case(case_id)

    def _queue_changed(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is not None:
            self._set_case(str(item.data(CASE_ROLE)))

    def _set_case(self, case_id: str) -> None:
        if case_id != self.case_id:
            self.rescan_button.setChecked(False)
        self.case_id = case_id
        self.reload_case()

    def selected_case_ids(self) -> list[str]:
        items = sorted(self.queue.selectedItems(), key=self.queue.row)
        ids = [str(item.data(CASE_ROLE)) for item in items]
        if not ids and self.case_id:
            ids = [self.case_id]
        return ids

    # -- the selected case ---------------------------------------------------------------------------------------------
    def reload_case(self) -> None:
        if self.case_id is None or self.ctx.actor is None:
            return
        case_id = self.case_id
        self.ctx.tasks.read(
            self._load_case, case_id, on_done=lambda result, c=case_id: self._case_read(c, result), on_error=self._error
        )

    def _load_case(self, case_id: str) -> tuple[CaseDetail, list[ArchivedDocument]]:
        services, actor = self.ctx.services, self.ctx.actor
        return services.cases.get_case(actor, case_id), services.archive.list_documents(actor, case_id)

    def _case_read(self, case_id: str, result: tuple[CaseDetail, list[ArchivedDocument]]) -> None:
        if case_id != self.case_id:
            return  # the operator moved on meanwhile
        detail, documents = result
        self.detail = detail
        self.documents = documents
        tracking = ltr_isolate(digits(tracking_display(detail.tracking_number)))
        self.case_label.setText(f"{tracking} — {detail.applicant.display_name} — {detail.state_title}")
        self.scan.set_case(
            detail.case_id, detail.tracking_number, self.tr("Scanning into case %1").replace("%1", tracking)
        )
        self.documents_tree.clear()
        for doc in documents:
            item = QTreeWidgetItem(
                [doc.title, digits(doc.pages), show_datetime(doc.scanned_at), doc.scanned_by_name]  # type: ignore[arg-type]
            )
            item.setData(0, CASE_ROLE, doc.id)
            if not doc.file_here:
                item.setToolTip(0, self.tr("The file has not reached this workstation yet (sync brings it)."))
            self.documents_tree.addTopLevelItem(item)
        if documents:
            self.documents_tree.setCurrentItem(self.documents_tree.topLevelItem(0))
        self._fill_actions(detail.actions)
        self._update_buttons()
        self.case_loaded.emit()

    def _fill_actions(self, actions: Sequence[ActionOption]) -> None:
        for button in self.action_buttons.values():
            self.actions_row.removeWidget(button)
            button.deleteLater()
        self.action_buttons = {}
        for option in actions:
            button = QPushButton(option.title, self)
            button.setObjectName(f"action-{option.action}")
            button.setProperty("primary", option.action == "archive_documents")
            button.clicked.connect(lambda _checked=False, o=option: self.apply_action(o))
            self.actions_row.insertWidget(self.actions_row.count() - 1, button)
            self.action_buttons[option.action] = button

    def apply_action(self, option: ActionOption, note: str | None = None) -> None:
        """A workflow action of the selected case, through the engine (as the case view's buttons do)."""
        if self.detail is None:
            return
        if option.needs_assignee:
            self.open_case()  # the case view asks whom to refer to
            return
        if option.needs_note and not note:
            from app.ui.case_view import NoteDialog

            dialog = NoteDialog(option.title, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            note = dialog.note()
        self._show_message("")
        self.ctx.tasks.write(
            self.ctx.services.cases.apply_action,
            self.ctx.actor,
            self.detail.case_id,
            option.action,
            expected_version=self.detail.version,
            note=note,
            on_done=lambda _r, a=option.action: self._action_done(a),
            on_error=self._error,
            initiator=self,
        )

    def _action_done(self, action: str) -> None:
        self.action_applied.emit(action)
        self.reload_case()

    def open_case(self) -> None:
        if self.case_id is None:
            return
        from app.ui.case_view import CaseView

        CaseView.show_case(self.ctx, self.case_id, self.window())

    # -- archived documents --------------------------------------------------------------------------------------------
    def selected_document(self) -> ArchivedDocument | None:
        item = self.documents_tree.currentItem()
        if item is None:
            return None
        doc_id = item.data(0, CASE_ROLE)
        return next((d for d in self.documents if d.id == doc_id), None)

    def open_selected_document(self) -> None:
        doc = self.selected_document()
        if doc is None:
            return
        self.ctx.tasks.read(
            self.ctx.services.archive.document_pdf,
            self.ctx.actor,
            doc.id,
            on_done=lambda pdf, d=doc: self._show_document(d, pdf),
            on_error=self._error,
        )

    def _show_document(self, doc: ArchivedDocument, pdf: bytes) -> None:
        self.viewer = DocumentViewerDialog(pdf, doc.title, self.window())
        self.viewer.open()

    def _rescan_toggled(self, on: bool) -> None:
        doc = self.selected_document() if on else None
        if on and doc is None:
            self.rescan_button.setChecked(False)
            return
        self.replace_document_id = doc.id if doc else None
        if doc is not None:
            self.scan.set_document_type(doc.archive_type or "other")
            self._show_message(self.tr("The next document saved replaces «%1».").replace("%1", doc.title), error=False)
        else:
            self._show_message("")

    def delete_selected_document(self, reason: str | None = None) -> None:
        doc = self.selected_document()
        if doc is None:
            return
        if reason is None:
            text, ok = QInputDialog.getText(
                self, self.tr("Delete the scan"), self.tr("Why is the scan of «%1» deleted?").replace("%1", doc.title)
            )
            if not ok:
                return
            reason = text.strip()
        self.ctx.tasks.write(
            self.ctx.services.archive.delete_document,
            self.ctx.actor,
            doc.id,
            reason,
            on_done=lambda _r: self.reload_case(),
            on_error=self._error,
            initiator=self,
        )

    # -- saving one document -------------------------------------------------------------------------------------------
    def _document_ready(self, result: ArchiveResult, metadata: dict[str, Any]) -> None:
        if self.case_id is None:
            text = error_text(DomainError("archive.no_case"))
            self.scan.save_failed(text)
            self.failed.emit(text)
            return
        case_id = self.case_id
        self.ctx.tasks.write(
            self.ctx.services.archive.save_document,
            self.ctx.actor,
            case_id,
            result.pdf,
            archive_type=str(metadata["document_type"]),
            scanner=str(metadata.get("scanner") or ""),
            resolution=int(metadata.get("resolution") or 0),
            replace_document_id=self.replace_document_id,
            on_done=lambda _r, c=case_id: self._saved(c),
            on_error=self._save_error,
            initiator=self,
        )

    def _saved(self, case_id: str) -> None:
        self.scan.finish_save()
        self.rescan_button.setChecked(False)
        self.replace_document_id = None
        self._show_message("")
        self.reload_case()
        self.document_saved.emit(case_id)

    def _save_error(self, error: DomainError) -> None:
        text = error_text(error)
        self.scan.save_failed(text)
        self.failed.emit(text)

    # -- file import ---------------------------------------------------------------------------------------------------
    def _import_with_dialog(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Import files"), str(Path.home()), self.tr("Scans (*.pdf *.tif *.tiff *.jpg *.jpeg *.png)")
        )
        if files:
            self.import_paths([Path(f) for f in files])

    def import_paths(self, paths: Sequence[Path]) -> None:
        self._show_message("")
        self.scan.import_files(list(paths))

    # -- separator sheets and piles ------------------------------------------------------------------------------------
    def print_separators(self) -> None:
        case_ids = self.selected_case_ids()
        if not case_ids:
            self._show_message(error_text(DomainError("archive.no_case")))
            return
        self.ctx.tasks.read(self._separator_pdf, case_ids, on_done=self._preview_separators, on_error=self._error)

    def _separator_pdf(self, case_ids: list[str]) -> bytes:
        import io

        import pikepdf

        sheets = [self.ctx.services.archive.separator_sheet(case_id) for case_id in case_ids]
        if len(sheets) == 1:
            return sheets[0]
        merged = pikepdf.Pdf.new()
        opened = [pikepdf.open(io.BytesIO(sheet)) for sheet in sheets]
        try:
            for doc in opened:
                merged.pages.extend(doc.pages)
            out = io.BytesIO()
            merged.save(out)
            return out.getvalue()
        finally:
            for doc in opened:
                doc.close()

    def _preview_separators(self, pdf: bytes) -> None:
        from app.ui.print.preview import PrintPreviewDialog

        self.separator_pdf = pdf
        settings = self.ctx.settings

        def set_printer(kind: str, name: str) -> None:
            self.ctx.settings = self.ctx.settings.with_changes(printers={**self.ctx.settings.printers, kind: name})

        self.preview = PrintPreviewDialog(
            pdf,
            SEPARATOR_KIND,
            lambda kind: settings.printer_for(kind) or None,
            set_printer,
            self.window(),
            title=self.tr("Separator sheets"),
            file_name="separator-sheets.pdf",
        )
        self.preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview.open()

    def split_pile(self) -> None:
        session = self.scan.session
        if session is None or self.scan.is_busy() or not self.scan.page_numbers():
            self._show_message(self.tr("Scan the pile first: each case's documents behind its separator sheet."))
            return
        numbers = self.scan.commit_strip()
        self._show_message(self.tr("Reading the separator sheets…"), error=False)
        self.ctx.tasks.read(
            self.ctx.services.archive.split_pile, session, numbers, on_done=self._pile_read, on_error=self._error
        )

    def _pile_read(self, groups: list[PileGroup]) -> None:
        self._show_message("")
        self._pile_groups = groups
        self.pile_dialog = PileDialog(groups, self.window())
        self.pile_dialog.accepted.connect(self.save_pile)
        self.pile_split.emit()
        self.pile_dialog.open()

    def save_pile(self) -> None:
        session = self.scan.session
        if session is None or not self._pile_groups:
            return
        self._show_message(self.tr("Building the documents of the pile…"), error=False)
        doc_type = str(self.scan.doc_type_combo.currentData())
        profile: Profile = self.scan.current_profile()
        actor = self.ctx.actor
        self.ctx.tasks.read(
            self.ctx.services.archive.prepare_pile,
            session,
            self._pile_groups,
            archive_type=doc_type,
            profile=profile,
            operator=actor.full_name if actor else "",
            on_done=lambda prepared, t=doc_type, s=session.device_id: self._store_pile(prepared, t, s),
            on_error=self._error,
        )

    def _store_pile(self, prepared: list[PreparedDocument], doc_type: str, scanner: str) -> None:
        self.ctx.tasks.write(
            self.ctx.services.archive.save_pile,
            self.ctx.actor,
            prepared,
            archive_type=doc_type,
            scanner=scanner,
            on_done=self._pile_stored,
            on_error=self._error,
            initiator=self,
        )

    def _pile_stored(self, result: PileResult) -> None:
        self._pile_groups = []
        self.scan.finish_save()
        self._show_message(
            self.tr("The pile was saved: %1 documents into their cases.").replace("%1", digits(len(result.saved))),
            error=False,
        )
        self.reload_case()
        self.pile_saved.emit(len(result.saved))

    # -- profiles ------------------------------------------------------------------------------------------------------
    def edit_profiles(self) -> None:
        self.profile_editor = ProfileEditorDialog(self.profiles_dir, self.window())
        self.profile_editor.profiles_changed.connect(self.reload_profiles)
        self.profile_editor.open()

    def reload_profiles(self, select: str | None = None) -> None:
        self.scan.set_profiles(load_profiles(self.profiles_dir), select or None)

    # -- helpers -------------------------------------------------------------------------------------------------------
    def _discard(self) -> None:
        if self.scan.session is None or self.scan.is_busy():
            return
        answer = QMessageBox.question(self, self.tr("Discard pages"), self.tr("Throw away the pages in the strip?"))
        if answer == QMessageBox.StandardButton.Yes:
            self.scan.discard()

    def _update_buttons(self) -> None:
        has_case = self.case_id is not None
        has_doc = bool(self.documents)
        self.open_button.setEnabled(has_doc)
        self.rescan_button.setEnabled(has_doc)
        self.delete_doc_button.setEnabled(has_doc)
        self.open_case_button.setEnabled(has_case)

    def _show_message(self, text: str, error: bool = True) -> None:
        self.message.setText(text)
        self.message.setProperty("role", "fieldMessage" if error else "hint")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setVisible(bool(text))

    def _error(self, error: DomainError) -> None:
        text = error_text(error)
        self._show_message(text)
        self.failed.emit(text)
        if error.code in ("workflow.stale_version", "workflow.wrong_state"):
            self.reload_case()
