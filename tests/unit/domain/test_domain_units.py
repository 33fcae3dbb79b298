"""The fifteen units and their roles."""

from __future__ import annotations

import pytest

from app.domain.errors import NotFoundError
from app.domain.units import (
    ADMIN,
    GLOBAL_ROLES,
    OFFICE_HEAD,
    ROLES,
    TECHNICAL_MANAGER,
    UNIT_IDS,
    UNITS,
    get_role,
    get_unit,
    is_role,
    roles_of_unit,
    unit_of_role,
    units_of_roles,
)

EXPECTED = ("formation", "inspection", "violation", "plan_approval", "certificates", "permits", "renovation",
            "followup", "liaison", "consultation", "vehicle", "technical", "audit", "archive", "admin")  # fmt: skip


def test_fifteen_units_in_order() -> None:
    assert UNIT_IDS == EXPECTED
    orders = [u.sort_order for u in UNITS]
    assert orders == sorted(orders) and len(set(orders)) == 15
    for u in UNITS:
        assert u.title_en and u.title_fa and u.roles


def test_seed_titles() -> None:
    assert get_unit("formation").title_fa == "تشکیل"
    assert get_unit("inspection").title_fa == "بازدید"
    assert get_unit("violation").title_fa == "بررسی خلاف"
    assert get_unit("plan_approval").title_fa == "تایید نقشه معماری"
    assert get_unit("vehicle").title_fa == "عوارض خودرو"


@pytest.mark.parametrize(
    "role",
    ["formation.clerk", "inspection.inspector", "inspection.head", "inspection.expert", "archive.operator",
     "certificates.expert", "certificates.head", "violation.expert", "vehicle.clerk", "liaison.liaison",
     OFFICE_HEAD, TECHNICAL_MANAGER, ADMIN],
)  # fmt: skip
def test_known_roles(role: str) -> None:
    assert is_role(role)
    assert get_role(role).title_fa


def test_role_strings() -> None:
    assert {OFFICE_HEAD, TECHNICAL_MANAGER, ADMIN} == GLOBAL_ROLES
    for role_id, role in ROLES.items():
        assert role.id == role_id
        if role_id in GLOBAL_ROLES:
            assert "." not in role_id
        else:
            unit, _, name = role_id.partition(".")
            assert unit == role.unit and name
            assert role_id in roles_of_unit(unit)


def test_units_of_roles() -> None:
    assert units_of_roles(["inspection.inspector"]) == {"inspection"}
    assert units_of_roles(["formation.clerk", "archive.operator"]) == {"formation", "archive"}
    assert units_of_roles([ADMIN]) == {"admin"}
    assert units_of_roles([TECHNICAL_MANAGER]) >= {"technical"}
    assert units_of_roles([OFFICE_HEAD]) == set(UNIT_IDS) - {"admin"}
    assert units_of_roles(["unknown.role", "inspection.head"]) == {"inspection"}  # a newer server's role is ignored
    assert units_of_roles([]) == frozenset()


def test_unit_of_role() -> None:
    assert unit_of_role("inspection.head") == "inspection"
    assert unit_of_role(TECHNICAL_MANAGER) == "technical"


def test_unknown_unit_and_role() -> None:
    with pytest.raises(NotFoundError) as err:
        get_unit("kitchen")
    assert err.value.code == "unit.unknown"
    with pytest.raises(NotFoundError) as err2:
        get_role("kitchen.cook")
    assert err2.value.code == "role.unknown"
