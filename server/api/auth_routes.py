"""Log in, refresh, log out; who am I; change my own password."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response
from sqlalchemy.orm import Session

from server.api.deps import get_ctx, get_session
from server.api.schemas import ErrorOut, LoginIn, MeOut, PasswordChangeIn, RefreshIn, TokenOut, UserInfo
from server.auth import Principal, require
from server.context import ServerContext
from server.services import accounts, sessions

router = APIRouter(prefix="/auth", tags=["auth"])
Ctx = Annotated[ServerContext, Depends(get_ctx)]
Db = Annotated[Session, Depends(get_session)]


def _token_out(pair: sessions.TokenPair) -> TokenOut:
    return TokenOut(
        access_token=pair.access_token,
        refresh_token=pair.refresh_token,
        expires_in=pair.expires_in,
        refresh_expires_at=pair.refresh_expires_at,
        user=UserInfo(
            id=pair.user_id,
            username=pair.username,
            full_name=pair.full_name,
            roles=list(pair.roles),
            units=list(pair.units),
        ),
        workstation_no=pair.workstation_no,
    )


@router.post(
    "/login",
    response_model=TokenOut,
    responses={401: {"model": ErrorOut}, 403: {"model": ErrorOut}, 404: {"model": ErrorOut}, 423: {"model": ErrorOut}},
)
def login(body: LoginIn, ctx: Ctx, db: Db) -> TokenOut:
    """Password login, optionally from an enrolled workstation (then the token carries its number).

    Five wrong passwords in a row lock the account for 15 minutes: 423 ``auth.account_locked`` with
    ``params.minutes_left``.
    """
    pair = sessions.login(
        db, ctx, username=body.username, password=body.password, workstation_id=body.workstation_id,
        workstation_secret=body.workstation_secret, workstation_signature=body.workstation_signature,
        signed_at=body.signed_at,
    )  # fmt: skip
    return _token_out(pair)


@router.post("/refresh", response_model=TokenOut, responses={401: {"model": ErrorOut}, 403: {"model": ErrorOut}})
def refresh(body: RefreshIn, ctx: Ctx, db: Db) -> TokenOut:
    """Trade a refresh token for a new pair; the old refresh token stops working (rotation)."""
    return _token_out(sessions.refresh(db, ctx, body.refresh_token))


@router.post("/logout", status_code=204, response_class=Response)
def logout(body: RefreshIn, ctx: Ctx, db: Db) -> Response:
    sessions.logout(db, ctx, body.refresh_token)
    return Response(status_code=204)


@router.get("/me", response_model=MeOut, responses={401: {"model": ErrorOut}})
def me(principal: Annotated[Principal, Depends(require())]) -> MeOut:
    return MeOut(
        user_id=principal.user_id, username=principal.username, full_name=principal.full_name,
        roles=sorted(principal.roles), units=sorted(principal.units), workstation_no=principal.workstation_no,
        workstation_id=principal.workstation_id,
    )  # fmt: skip


@router.post("/password", status_code=204, response_class=Response, responses={401: {"model": ErrorOut}})
def change_password(
    body: PasswordChangeIn, principal: Annotated[Principal, Depends(require())], ctx: Ctx, db: Db
) -> Response:
    accounts.change_own_password(db, ctx, principal.user_id, body.old_password, body.new_password, principal.actor)
    return Response(status_code=204)
