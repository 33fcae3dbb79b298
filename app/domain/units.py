"""The office's fifteen units and the roles inside them, as data.

A role string is ``"<unit>.<role>"`` (``inspection.inspector``) except the three global roles ``office_head``,
``technical_manager`` and ``admin``. A user holds any number of roles; the units of those roles decide which tabs the
user sees (``units_of_roles``) and workflow transitions name the roles that may take them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from app.domain.errors import NotFoundError

OFFICE_HEAD = "office_head"
TECHNICAL_MANAGER = "technical_manager"
ADMIN = "admin"


@dataclass(frozen=True, slots=True)
class RoleDef:
    """One role. ``unit`` is the unit whose tab it opens; global roles name their home unit too."""

    id: str
    unit: str
    title_en: str
    title_fa: str
    is_global: bool = False


@dataclass(frozen=True, slots=True)
class Unit:
    id: str
    sort_order: int
    title_en: str
    title_fa: str
    roles: tuple[RoleDef, ...]

    @property
    def role_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.roles)


def _roles(unit: str, *pairs: tuple[str, str, str]) -> tuple[RoleDef, ...]:
    return tuple(RoleDef(f"{unit}.{name}", unit, en, fa) for name, en, fa in pairs)


_HEAD = ("head", "Head of unit", "رئیس واحد")

UNITS: tuple[Unit, ...] = (
    Unit("formation", 10, "Formation", "تشکیل", _roles(
        "formation", ("clerk", "Formation clerk", "کارشناس تشکیل"), _HEAD)),
    Unit("inspection", 20, "Inspection", "بازدید", _roles(
        "inspection",
        ("inspector", "Inspector", "مامور بازدید"),
        ("expert", "Aerial-map expert", "کارشناس نقشه هوایی"),
        ("head", "Head of inspection", "رئیس بازدید"),
    )),
    Unit("violation", 30, "Violation review", "بررسی خلاف", _roles(
        "violation", ("expert", "Violation expert", "کارشناس بررسی خلاف"), _HEAD)),
    Unit("plan_approval", 40, "Architectural plan approval", "تایید نقشه معماری", _roles(
        "plan_approval", ("expert", "Plan-approval expert", "کارشناس تایید نقشه"), _HEAD)),
    Unit("certificates", 50, "Certificate drafts", "پیش‌نویس گواهی", _roles(
        "certificates", ("expert", "Certificate expert", "کارشناس پیش‌نویس گواهی"), _HEAD)),
    Unit("permits", 60, "Permit drafts", "پیش‌نویس صدور پروانه", _roles(
        "permits", ("expert", "Permit-draft expert", "کارشناس پیش‌نویس پروانه"), _HEAD)),
    Unit("renovation", 70, "Renovation-tax clearance and waste", "مفاصا حساب نوسازی و پسماند", _roles(
        "renovation", ("expert", "Renovation and waste expert", "کارشناس نوسازی و پسماند"), _HEAD)),
    Unit("followup", 80, "Supervision and follow-up", "نظارت و پیگیری", _roles(
        "followup", ("officer", "Follow-up officer", "کارشناس پیگیری"), _HEAD)),
    Unit("liaison", 90, "Municipality liaisons", "رابطین شهرداری", _roles(
        "liaison", ("liaison", "Municipality liaison", "رابط شهرداری"), ("head", "Head of liaisons", "سرپرست رابطین"))),
    Unit("consultation", 100, "Consultation", "مشاوره", _roles(
        "consultation", ("consultant", "Consultant", "مشاور"), _HEAD)),
    Unit("vehicle", 110, "Vehicle charges", "عوارض خودرو", _roles(
        "vehicle", ("clerk", "Vehicle-charges clerk", "کارشناس عوارض خودرو"), _HEAD)),
    Unit("technical", 120, "Technical manager", "مدیر فنی", (
        RoleDef(TECHNICAL_MANAGER, "technical", "Technical manager", "مدیر فنی", is_global=True),
        *_roles("technical", ("secretary", "Secretariat clerk", "کارشناس دبیرخانه")),
    )),
    Unit("audit", 130, "Inspection and supervision (audit)", "بازرسی و نظارت", _roles(
        "audit", ("auditor", "Office inspector", "مسئول بازرسی"), _HEAD)),
    Unit("archive", 140, "Archive", "بایگانی و اسکن", _roles(
        "archive", ("operator", "Archive operator", "کارشناس بایگانی"))),
    Unit("admin", 150, "Administration", "مدیریت سامانه", (
        RoleDef(ADMIN, "admin", "Administrator", "مدیر سامانه", is_global=True),
    )),
)  # fmt: skip

UNIT_IDS: tuple[str, ...] = tuple(u.id for u in UNITS)
_UNITS_BY_ID: Mapping[str, Unit] = MappingProxyType({u.id: u for u in UNITS})

_OFFICE_HEAD_ROLE = RoleDef(OFFICE_HEAD, "followup", "Office head", "رئیس دفتر", is_global=True)

ROLES: Mapping[str, RoleDef] = MappingProxyType(
    {r.id: r for u in UNITS for r in u.roles} | {OFFICE_HEAD: _OFFICE_HEAD_ROLE}
)
GLOBAL_ROLES: frozenset[str] = frozenset(r.id for r in ROLES.values() if r.is_global)

# Which unit tabs a global role opens. The office head oversees every unit's work (not the system administration).
_GLOBAL_ROLE_UNITS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        OFFICE_HEAD: frozenset(UNIT_IDS) - {"admin"},
        TECHNICAL_MANAGER: frozenset({"technical", "consultation"}),
        ADMIN: frozenset({"admin"}),
    }
)


def get_unit(unit_id: str) -> Unit:
    try:
        return _UNITS_BY_ID[unit_id]
    except KeyError:
        raise NotFoundError("unit.unknown", unit=unit_id) from None


def is_unit(unit_id: str) -> bool:
    return unit_id in _UNITS_BY_ID


def is_role(role: str) -> bool:
    return role in ROLES


def get_role(role: str) -> RoleDef:
    try:
        return ROLES[role]
    except KeyError:
        raise NotFoundError("role.unknown", role=role) from None


def unit_of_role(role: str) -> str:
    """The home unit of a role (``inspection.head`` → ``inspection``; ``office_head`` → ``followup``)."""
    return get_role(role).unit


def units_of_roles(roles: Iterable[str]) -> frozenset[str]:
    """Units whose tabs the holder of ``roles`` sees. Unknown roles are ignored (they may come from a newer server)."""
    units: set[str] = set()
    for role in roles:
        if role in _GLOBAL_ROLE_UNITS:
            units |= _GLOBAL_ROLE_UNITS[role]
        elif role in ROLES:
            units.add(ROLES[role].unit)
    return frozenset(units)


def roles_of_unit(unit_id: str) -> tuple[str, ...]:
    return get_unit(unit_id).role_ids
