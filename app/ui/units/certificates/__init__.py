"""The certificates unit's tab. For now its cartable; the unit's own panels go in this package."""

from __future__ import annotations

from app.ui.units.base import UnitTab


class CertificatesTab(UnitTab):
    unit_id = "certificates"
    sort_order = 50

    def title(self) -> str:
        return self.tr("Certificates")
