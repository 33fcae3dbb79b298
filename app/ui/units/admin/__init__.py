"""The administration unit's tab: users and roles, holidays, tariffs, the service catalog's deadlines, and this
workstation's printers, scanner and map source. Panels are built when the tab is first shown (lazy tabs)."""

from __future__ import annotations

from app.ui.units.admin.catalog import CatalogPanel
from app.ui.units.admin.holidays import HolidaysPanel
from app.ui.units.admin.tariffs import TariffsPanel
from app.ui.units.admin.users import UsersPanel
from app.ui.units.admin.workstation import WorkstationPanel
from app.ui.units.base import UnitTab


class AdminTab(UnitTab):
    unit_id = "admin"
    sort_order = 150

    def title(self) -> str:
        return self.tr("Administration")

    def build(self) -> None:
        self.users = UsersPanel(self.ctx, self)
        self.holidays = HolidaysPanel(self.ctx, self)
        self.tariffs = TariffsPanel(self.ctx, self)
        self.catalog = CatalogPanel(self.ctx, self)
        self.workstation = WorkstationPanel(self.ctx, self)
        self.add_panel(self.users, self.tr("Users and roles"))
        self.add_panel(self.holidays, self.tr("Holidays"))
        self.add_panel(self.tariffs, self.tr("Tariffs"))
        self.add_panel(self.catalog, self.tr("Service catalog"))
        self.add_panel(self.workstation, self.tr("Devices and map"))
        self.setFocusProxy(self.users.view)

    def has_unsaved_work(self) -> bool:
        return self.tariffs.has_unsaved_work()
