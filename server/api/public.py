"""Endpoints without login: aerial tiles, certificate verification and the revocation list; plus revoking."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from sqlalchemy.orm import Session

from app.domain import units
from server.api.deps import get_ctx, get_session
from server.api.schemas import ErrorOut, RevocationIn, RevocationOut, VerifyOut
from server.auth import Principal, require
from server.context import ServerContext
from server.errors import ServerError, not_found
from server.services import certificates
from server.services.tiles import MAX_ZOOM, MBTiles

router = APIRouter(tags=["public"])
Ctx = Annotated[ServerContext, Depends(get_ctx)]
Db = Annotated[Session, Depends(get_session)]
Revoker = Annotated[Principal, Depends(require("certificates.head", units.OFFICE_HEAD))]


def _tiles(ctx: ServerContext) -> MBTiles:
    source = ctx.extras.get("tiles")
    if source is None:
        if ctx.settings.tiles_mbtiles is None:
            raise not_found("tiles.not_configured")
        source = MBTiles(ctx.settings.tiles_mbtiles)
        ctx.extras["tiles"] = source
    assert isinstance(source, MBTiles)
    return source


@router.get(
    "/tiles/{z}/{x}/{y}.png",
    response_class=Response,
    responses={200: {"content": {"image/png": {}}}, 404: {"model": ErrorOut}, 304: {"description": "unchanged"}},
)
def tile(
    z: Annotated[int, Path(ge=0, le=MAX_ZOOM)],
    x: Annotated[int, Path(ge=0, le=2**MAX_ZOOM)],
    y: Annotated[int, Path(ge=0, le=2**MAX_ZOOM)],
    request: Request,
    ctx: Ctx,
) -> Response:
    """One XYZ tile from the configured MBTiles file (stored TMS rows are flipped here)."""
    source = _tiles(ctx)
    data = source.tile(z, x, y)
    etag = '"' + hashlib.sha256(data).hexdigest()[:32] + '"'
    headers = {"ETag": etag, "Cache-Control": "public, max-age=86400"}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    media = "image/jpeg" if source.format in {"jpg", "jpeg"} else f"image/{source.format}"
    return Response(content=data, media_type=media, headers=headers)


@router.get("/verify", response_model=VerifyOut, responses={503: {"model": ErrorOut}})
def verify(payload: Annotated[str, Query(min_length=1, max_length=2000)], ctx: Ctx, db: Db) -> VerifyOut:
    """Check a certificate's QR payload with the office's public keys and the revocation list."""
    return VerifyOut(**certificates.verify(db, ctx, payload))


def _rev_out(row: object) -> RevocationOut:
    return RevocationOut.model_validate(row, from_attributes=True)


@router.get("/certificates/revocations", response_model=list[RevocationOut])
def revocations(
    db: Db, since: Annotated[dt.datetime | None, Query(description="only revocations after this instant")] = None
) -> list[RevocationOut]:
    if since is not None and since.tzinfo is None:
        raise ServerError("request.naive_datetime", 422, field="since")
    return [_rev_out(r) for r in certificates.revocations(db, since)]


@router.post(
    "/certificates/revocations",
    response_model=RevocationOut,
    status_code=201,
    responses={401: {"model": ErrorOut}, 403: {"model": ErrorOut}, 409: {"model": ErrorOut}, 422: {"model": ErrorOut}},
)
def revoke(body: RevocationIn, who: Revoker, ctx: Ctx, db: Db) -> RevocationOut:
    row = certificates.revoke(
        db, ctx, serial=body.serial, tracking_number=body.tracking_number, reason=body.reason, actor=who.actor
    )
    return _rev_out(row)
