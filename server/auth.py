"""Who is calling: the ``Principal`` behind a bearer access token, and ``require(...)``, the FastAPI dependency
that every protected endpoint (ours and the sync package's) uses.

    from server.auth import Principal, require

    @router.post("/sync/push")
    def push(body: PushBody, principal: Principal = Depends(require("formation", "inspection.head"))) -> ...:

``require()`` with no argument admits any logged-in user. Each argument is a role (``inspection.head``,
``office_head``, ``admin``) or a unit id (``inspection``: any role whose unit it is; global roles open the units
``app.domain.units.units_of_roles`` gives them). A caller holding none gets 403 ``auth.forbidden``, and the refusal
is written to the server audit in its own transaction. ``require(..., workstation=True)`` also insists that the token
came from an enrolled workstation.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.domain import units
from server.context import ServerContext
from server.db.models import User
from server.errors import ServerError, forbidden, unauthorised
from server.services import audit
from server.services.audit import Actor

log = logging.getLogger(__name__)

bearer = HTTPBearer(auto_error=False, description="access token from POST /auth/login or /auth/refresh")


@dataclass(frozen=True, slots=True)
class Principal:
    user_id: str
    username: str
    roles: frozenset[str]
    units: frozenset[str]
    workstation_no: int | None
    workstation_id: str | None = None
    full_name: str = ""

    @property
    def actor(self) -> Actor:
        return Actor(self.user_id, self.username, self.workstation_no)

    def has_any(self, needed: tuple[str, ...]) -> bool:
        """True when no grant is needed, or one of ``needed`` is a role held or a unit reached."""
        if not needed:
            return True
        return any(item in self.roles or item in self.units for item in needed)


def context_of(request: Request) -> ServerContext:
    ctx: ServerContext = request.app.state.ctx
    return ctx


def current_principal(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> Principal:
    """The principal of a valid access token, or 401. The account must still be active."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise unauthorised("auth.required")
    ctx = context_of(request)
    claims = ctx.signer.verify(credentials.credentials, int(ctx.clock.now().timestamp()))
    with ctx.session() as session:
        user = session.get(User, claims.user_id)
        if user is None or not user.active:
            raise unauthorised("auth.account_disabled")
        full_name = user.full_name
    roles = frozenset(claims.roles)
    principal = Principal(
        user_id=claims.user_id,
        username=claims.username,
        roles=roles,
        units=units.units_of_roles(roles),
        workstation_no=claims.workstation_no,
        workstation_id=claims.workstation_id,
        full_name=full_name,
    )
    request.state.principal = principal
    return principal


def audit_refusal(request: Request, principal: Principal, code: str, needed: tuple[str, ...]) -> None:
    ctx = context_of(request)
    try:
        with ctx.session() as session:
            audit.record(session, "auth.forbidden", at=ctx.clock.now(), actor=principal.actor, entity="endpoint",
                         entity_id=f"{request.method} {request.url.path}"[:64],
                         details={"code": code, "needed": list(needed), "roles": sorted(principal.roles)})  # fmt: skip
            session.commit()
    except Exception:  # the refusal stands even if the audit write fails; say so in the log
        log.exception("could not audit a refused request")


def require(*roles_or_units: str, workstation: bool = False) -> Callable[..., Principal]:
    """A dependency admitting holders of any of ``roles_or_units`` (see the module docstring)."""
    for item in roles_or_units:
        if not (units.is_role(item) or units.is_unit(item)):
            raise ValueError(f"require(): {item!r} is neither a role nor a unit")
    needed = tuple(roles_or_units)

    def dependency(request: Request, principal: Annotated[Principal, Depends(current_principal)]) -> Principal:
        if not principal.has_any(needed):
            audit_refusal(request, principal, "auth.forbidden", needed)
            raise forbidden("auth.forbidden", needed=list(needed))
        if workstation and principal.workstation_no is None:
            audit_refusal(request, principal, "auth.workstation_required", needed)
            raise ServerError("auth.workstation_required", 403)
        return principal

    dependency.__name__ = "require_" + ("_".join(needed) or "login").replace(".", "_")
    return dependency
