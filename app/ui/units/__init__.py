"""The registry of unit tabs: one explicit list (Picard's option pages, made explicit).

A new unit tab is a subpackage with a ``UnitTab`` subclass and one line here. The main window sorts the list by
``sort_order`` and keeps the tabs whose unit the signed-in user's roles open.

Each line names the tab's module and class as text, with its title (the English source its ``title()`` passes to
``self.tr``), so that the main window can show every tab's title at start-up and import and build a tab only when it
is first shown: a user of fifteen units does not pay for fifteen tabs, charts and maps before the window appears.
A test checks that every line agrees with its class.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.domain.units import get_unit, is_unit
from app.ui.qt_app import current_language
from app.ui.units.base import UnitTab


@dataclass(frozen=True, slots=True)
class TabEntry:
    unit_id: str
    sort_order: int
    module: str
    class_name: str
    title_source: str  # the English text the class's title() translates

    def load(self) -> type[UnitTab]:
        cls = getattr(importlib.import_module(self.module), self.class_name)
        assert issubclass(cls, UnitTab) and cls.unit_id == self.unit_id, self
        return cls  # type: ignore[no-any-return]

    def title(self) -> str:
        """The tab's title without importing it (the same translation its ``self.tr`` finds)."""
        return QCoreApplication.translate(self.class_name, self.title_source)


def _entry(unit_id: str, order: int, package: str, class_name: str, title: str) -> TabEntry:
    return TabEntry(unit_id, order, f"app.ui.units.{package}", class_name, title)


TAB_ENTRIES: tuple[TabEntry, ...] = (
    _entry("formation", 10, "formation", "FormationTab", "Formation"),
    _entry("inspection", 20, "inspection", "InspectionTab", "Inspection"),
    _entry("violation", 30, "violation", "ViolationTab", "Violation review"),
    _entry("plan_approval", 40, "plan_approval", "PlanApprovalTab", "Plan approval"),
    _entry("certificates", 50, "certificates", "CertificatesTab", "Certificates"),
    _entry("permits", 60, "permits", "PermitsTab", "Permit drafts"),
    _entry("renovation", 70, "renovation", "RenovationTab", "Renovation and waste"),
    _entry("followup", 80, "followup", "FollowupTab", "Follow-up"),
    _entry("liaison", 90, "liaison", "LiaisonTab", "Liaisons"),
    _entry("consultation", 100, "consultation", "ConsultationTab", "Consultation"),
    _entry("vehicle", 110, "vehicle", "VehicleTab", "Vehicle charges"),
    _entry("technical", 120, "technical", "TechnicalTab", "Technical manager"),
    _entry("audit", 130, "audit", "AuditTab", "Audit"),
    _entry("archive", 140, "archive", "ArchiveTab", "Archive"),
    _entry("admin", 150, "admin", "AdminTab", "Administration"),
)


def entries_for(units: frozenset[str]) -> list[TabEntry]:
    """The registry lines for ``units``, in display order (nothing imported)."""
    return sorted((e for e in TAB_ENTRIES if e.unit_id in units), key=lambda e: e.sort_order)


def tabs_for(units: frozenset[str]) -> list[type[UnitTab]]:
    """The tab classes for ``units``, in display order (imports them)."""
    return [e.load() for e in entries_for(units)]


def unit_title(unit_id: str) -> str:
    """A unit's name in the current language (from the domain's unit table)."""
    if not is_unit(unit_id):
        return unit_id
    unit = get_unit(unit_id)
    return unit.title_fa if current_language() == "fa" else unit.title_en


def __getattr__(name: str) -> Any:
    # ``UNIT_TABS``, the classes themselves, for code that wants them all: imported on first use only.
    if name == "UNIT_TABS":
        return tuple(e.load() for e in TAB_ENTRIES)
    raise AttributeError(name)


__all__ = ["TAB_ENTRIES", "UNIT_TABS", "TabEntry", "UnitTab", "entries_for", "tabs_for", "unit_title"]
