"""The registry of unit tabs: one explicit list (Picard's option pages, made explicit).

A new unit tab is a subpackage with a ``UnitTab`` subclass and one line here. The main window sorts the list by
``sort_order`` and keeps the tabs whose unit the signed-in user's roles open.
"""

from __future__ import annotations

from app.domain.units import get_unit, is_unit
from app.ui.qt_app import current_language
from app.ui.units.admin import AdminTab
from app.ui.units.archive import ArchiveTab
from app.ui.units.audit import AuditTab
from app.ui.units.base import UnitTab
from app.ui.units.certificates import CertificatesTab
from app.ui.units.consultation import ConsultationTab
from app.ui.units.followup import FollowupTab
from app.ui.units.formation import FormationTab
from app.ui.units.inspection import InspectionTab
from app.ui.units.liaison import LiaisonTab
from app.ui.units.permits import PermitsTab
from app.ui.units.plan_approval import PlanApprovalTab
from app.ui.units.renovation import RenovationTab
from app.ui.units.technical import TechnicalTab
from app.ui.units.vehicle import VehicleTab
from app.ui.units.violation import ViolationTab

UNIT_TABS: tuple[type[UnitTab], ...] = (
    FormationTab,
    InspectionTab,
    ViolationTab,
    PlanApprovalTab,
    CertificatesTab,
    PermitsTab,
    RenovationTab,
    FollowupTab,
    LiaisonTab,
    ConsultationTab,
    VehicleTab,
    TechnicalTab,
    AuditTab,
    ArchiveTab,
    AdminTab,
)


def tabs_for(units: frozenset[str]) -> list[type[UnitTab]]:
    """The tab classes for ``units``, in display order."""
    return sorted((t for t in UNIT_TABS if t.unit_id in units), key=lambda t: t.sort_order)


def unit_title(unit_id: str) -> str:
    """A unit's name in the current language (from the domain's unit table)."""
    if not is_unit(unit_id):
        return unit_id
    unit = get_unit(unit_id)
    return unit.title_fa if current_language() == "fa" else unit.title_en


__all__ = ["UNIT_TABS", "UnitTab", "tabs_for", "unit_title"]
