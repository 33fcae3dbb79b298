"""Global search (Ctrl+F): tracking number, national ID, name, mobile, registry plate or renovation code, or a
certificate's scanned QR payload (``EC1.…``).

The services classify what was typed and normalise it (Persian digits, ی/ي, ZWNJ); this dialog only asks as the clerk
types (after a short pause) and opens the chosen case. A QR payload is verified (the office's public key, the
revocation list, the server's ``/verify`` when a server is set): the result is shown here and handed to the case
view, which opens at once when the certificate's case is on this workstation.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from app.domain.errors import DomainError
from app.domain.text import ltr_isolate
from app.services.certificates import CertificateCheck, is_payload
from app.services.dto import SearchHit
from app.ui.cartable import digits, tracking_display
from app.ui.context import UiContext
from app.ui.messages import error_text

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CHECKS_KEY = "certificate_checks"  # ctx.extras: case id -> CertificateCheck, shown by the case view it opens


class SearchDialog(QDialog):
    case_chosen = Signal(str)
    searched = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("search")
        self.setWindowTitle(self.tr("Search cases"))
        self.resize(760, 460)
        layout = QVBoxLayout(self)
        self.query = QLineEdit(self)
        self.query.setObjectName("search-query")
        self.query.setPlaceholderText(
            self.tr("Tracking number, national ID, name, mobile, registry plate, renovation code or a certificate's QR")
        )
        self.query.setClearButtonEnabled(True)
        layout.addWidget(self.query)
        self.verification = QLabel(self)
        self.verification.setObjectName("certificate-verification")
        self.verification.setWordWrap(True)
        self.verification.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verification.hide()
        layout.addWidget(self.verification)
        self.check: CertificateCheck | None = None
        self.results = QTreeWidget(self)
        self.results.setRootIsDecorated(False)
        self.results.setAlternatingRowColors(True)
        self.results.setHeaderLabels(
            [
                self.tr("Tracking number"),
                self.tr("Applicant"),
                self.tr("Service"),
                self.tr("Stage"),
                self.tr("Found by"),
            ]
        )
        layout.addWidget(self.results, 1)
        self.status = QLabel(self)
        self.status.setProperty("role", "hint")
        layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.run_search)
        self.query.textEdited.connect(lambda _t: self._timer.start())
        self.query.returnPressed.connect(self._enter_in_query)
        self.results.itemActivated.connect(self._choose)
        self.hits: list[SearchHit] = []

    def match_label(self, matched_on: str) -> str:
        labels = {
            "tracking": self.tr("tracking number"),
            "national_id": self.tr("national ID"),
            "legal_id": self.tr("legal entity ID"),
            "name": self.tr("name"),
            "mobile": self.tr("mobile"),
            "plate": self.tr("registry plate"),
            "renovation_code": self.tr("renovation code"),
            "certificate": self.tr("certificate QR"),
        }
        return labels.get(matched_on, matched_on)

    def run_search(self) -> None:
        self._timer.stop()
        text = self.query.text().strip()
        if not text:
            self.show_hits([])
            return
        self.verification.hide()
        if is_payload(text):
            self.status.setText(self.tr("Checking the certificate…"))
            self.ctx.tasks.read(self.ctx.services.certificates.verify, text, server_url=self.ctx.settings.server_url,
                                on_done=self.show_check, on_error=self._failed)  # fmt: skip
            return
        self.status.setText(self.tr("Searching…"))
        self.ctx.tasks.read(self.ctx.services.search.search, self.ctx.actor, text, on_done=self.show_hits,
                            on_error=self._failed)  # fmt: skip

    def show_hits(self, hits: Sequence[SearchHit]) -> None:
        self.hits = list(hits)
        self.results.clear()
        for hit in hits:
            item = QTreeWidgetItem(
                [
                    ltr_isolate(digits(tracking_display(hit.tracking_number))),
                    hit.applicant_name,
                    hit.service_name,
                    hit.state_title,
                    self.match_label(hit.matched_on),
                ]
            )
            item.setData(0, CASE_ID_ROLE, hit.case_id)
            self.results.addTopLevelItem(item)
        for column in range(self.results.columnCount()):
            self.results.resizeColumnToContents(column)
        if hits:
            self.results.setCurrentItem(self.results.topLevelItem(0))
        self.status.setText(self.tr("%1 found").replace("%1", digits(len(hits))) if self.query.text() else "")
        self.searched.emit()

    def show_check(self, check: CertificateCheck) -> None:
        """The verification result, in green or red; the certificate's case opens when it is on this workstation."""
        self.check = check
        colour = "#1b5e20" if check.genuine else "#b71c1c"
        self.verification.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.verification.setText("\n".join(check.lines))
        self.verification.show()
        self.results.clear()
        self.hits = []
        self.status.setText("" if check.case_id else self.tr("The certificate's case is not on this workstation."))
        self.searched.emit()
        if check.case_id:
            self.ctx.extras.setdefault(CHECKS_KEY, {})[check.case_id] = check
            self.case_chosen.emit(check.case_id)
            self.accept()

    def _failed(self, error: DomainError) -> None:
        self.status.setText(error_text(error))
        self.searched.emit()

    def _enter_in_query(self) -> None:
        if self._timer.isActive() or is_payload(self.query.text()):  # a QR reader ends its payload with Enter
            self.run_search()
            return
        if len(self.hits) == 1:
            self._choose(self.results.topLevelItem(0))
        elif self.hits:
            self.results.setFocus()

    def _choose(self, item: QTreeWidgetItem | None, _column: int = 0) -> None:
        if item is None:
            return
        self.case_chosen.emit(str(item.data(0, CASE_ID_ROLE)))
        self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and self.query.hasFocus() and self.hits:
            self.results.setFocus()
            event.accept()
            return
        super().keyPressEvent(event)
