"""Who is acting on a pushed entry, and may they touch this unit's rows.

The author of an outbox entry is the user who made the change on the workstation (``payload.user_id``); the server
checks the author's roles as the server knows them, not the roles of whoever happens to push the queue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.domain.units import ADMIN, OFFICE_HEAD, units_of_roles
from server.sync.models import SyncRefusal

# Roles that may write rows of every unit (the office head oversees all units' work).
WRITE_EVERYWHERE = frozenset({OFFICE_HEAD})


@dataclass(frozen=True, slots=True)
class Author:
    user_id: str
    username: str
    full_name: str
    roles: frozenset[str]

    @property
    def units(self) -> frozenset[str]:
        return units_of_roles(self.roles)

    def may_write(self, units: Iterable[str]) -> bool:
        if self.roles & WRITE_EVERYWHERE:
            return True
        return bool(self.units & set(units))

    @property
    def may_write_shared(self) -> bool:
        """Shared rows (people, properties) need a role in some unit other than administration."""
        return bool(self.units - {"admin"}) or ADMIN in self.roles


def resolve_author(session: Session, principal: Any, user_id: str | None) -> Author:
    """The entry's author from the server's accounts; the pushing principal when the entry names nobody else."""
    if user_id and user_id != principal.user_id:
        from server.db.models import User

        user = session.get(User, user_id)
        if user is not None and user.active:
            return Author(user.id, user.username, user.full_name or user.username, user.role_names)
        # An unknown or disabled author: nothing of theirs is accepted.
        return Author(user_id, "", "", frozenset())
    return Author(
        principal.user_id,
        principal.username,
        getattr(principal, "full_name", "") or principal.username,
        frozenset(principal.roles),
    )


def record_refusal(
    session: Session,
    *,
    workstation_no: int,
    author: Author,
    code: str,
    entity: str,
    entity_id: str,
    details: dict[str, Any],
) -> None:
    """Refused for authorisation: a row for the audit unit, and the server's audit chain when it is there."""
    session.add(
        SyncRefusal(
            at=dt.datetime.now(dt.UTC),
            workstation_no=workstation_no,
            user_id=author.user_id,
            username=author.username,
            code=code,
            entity=entity,
            entity_id=entity_id,
            details=details,
        )
    )
    _append_server_audit(
        session,
        action="sync.refused",
        user_id=author.user_id,
        username=author.username,
        workstation_no=workstation_no,
        entity=entity,
        entity_id=entity_id,
        details={"code": code, **details},
    )


def _append_server_audit(session: Session, **entry: Any) -> None:
    from server.services.audit import append

    append(session, **entry)
