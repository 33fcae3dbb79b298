"""Helpers shared by the service modules: views of rows, titles in the UI language, small checks."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from app.domain.catalog import CATALOG
from app.domain.errors import DomainError, NotFoundError, ValidationError
from app.domain.identifiers import RegistryPlate
from app.domain.workflows import Actor, get_workflow
from app.domain.workflows.common import ACTION_TITLES
from app.models import Case, Person, Property
from app.services.dto import PersonView, PropertyView

if TYPE_CHECKING:
    from app.services.context import Services

ADMIN = "admin"
OFFICE_HEAD = "office_head"
OPEN_CASE_EVENT = "open_case"
OPEN_CASE_TITLES = ("Case opened", "تشکیل پرونده")


class Area:
    """Base of every service area: holds the ``Services`` context."""

    def __init__(self, services: Services) -> None:
        self._s = services

    def _title(self, en: str, fa: str) -> str:
        return fa if self._s.lang == "fa" else en

    def service_name(self, code: str) -> str:
        s = CATALOG.find(code)
        return code if s is None else self._title(s.title_en, s.title_fa)

    def state_title(self, workflow_id: str, state: str) -> str:
        try:
            sd = get_workflow(workflow_id).state(state)
        except DomainError:
            return state
        return self._title(sd.title_en, sd.title_fa)

    def action_title(self, action: str) -> str:
        if action == OPEN_CASE_EVENT:
            return self._title(*OPEN_CASE_TITLES)
        en, fa = ACTION_TITLES.get(action, (action, action))
        return self._title(en, fa)

    def document_title(self, code: str) -> str:
        d = CATALOG.document_types.get(code)
        return code if d is None else self._title(d.title_en, d.title_fa)


def require_roles(actor: Actor, roles: Iterable[str], code: str = "auth.forbidden") -> None:
    if not actor.has_any_role(roles):
        raise DomainError(code, roles_needed=sorted(roles))


def require_admin(actor: Actor | None) -> None:
    if actor is None or ADMIN not in actor.roles:
        raise DomainError("auth.forbidden", roles_needed=[ADMIN])


def display_name(kind: str, first_name: str, last_name: str, company_name: str) -> str:
    return company_name if kind == "legal" else f"{first_name} {last_name}".strip()


def person_view(p: Person) -> PersonView:
    return PersonView(
        id=p.id,
        kind=p.kind,
        national_id=p.national_id,
        legal_id=p.legal_id,
        display_name=p.display_name,
        first_name=p.first_name,
        last_name=p.last_name,
        father_name=p.father_name,
        company_name=p.company_name,
        mobile=p.mobile,
        postal_code=p.postal_code,
        address=p.address,
    )


def plate_text(section: int | None, main: int | None, sub: int | None) -> str:
    if not section or not main:
        return ""
    return RegistryPlate(section, main, sub or None).persian()


def property_view(p: Property) -> PropertyView:
    return PropertyView(
        id=p.id,
        renovation_code=p.renovation_key,
        plate_text=plate_text(p.registry_section, p.registry_main, p.registry_sub),
        address=p.address,
        postal_code=p.postal_code,
        deed_area_m2=p.deed_area_m2,
        zone=p.zone,
        latitude=p.latitude,
        longitude=p.longitude,
    )


def get_case_row(session: Session, case_id: str) -> Case:
    case = session.get(Case, case_id)
    if case is None or case.deleted:
        raise NotFoundError("case.not_found", case_id=case_id)
    return case


def fail_fields(errors: dict[str, str], **params: Any) -> None:
    """Raise one ``ValidationError`` naming every bad field: the first one's code, all of them in ``errors``."""
    if errors:
        field, code = next(iter(errors.items()))
        raise ValidationError(code, field=field, errors=dict(errors), **params)
