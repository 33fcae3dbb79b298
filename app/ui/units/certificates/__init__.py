"""The certificates unit's tab: the certificate drafts panel (no violation, completion, no objection) and the
unit's cartable."""

from __future__ import annotations

from app.ui.units.base import UnitTab


class CertificatesTab(UnitTab):
    unit_id = "certificates"
    sort_order = 50

    def title(self) -> str:
        return self.tr("Certificates")

    def build(self) -> None:
        from app.ui.units.certificates.drafts import CertificateDraftsPanel

        self.drafts = CertificateDraftsPanel(self.ctx, self)
        self.add_panel(self.drafts, self.tr("Certificate drafts"))
        self.drafts.reload()

    def open_case(self, case_id: str) -> None:
        """From the cartable: the case's draft, in the drafts panel."""
        self.panels.setCurrentWidget(self.drafts)
        self.drafts.select_case(case_id)
