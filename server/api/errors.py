"""Every error leaves the server as ``{"code", "message", "params"}``: the client shows its own Persian text for the
code; ``message`` (Persian, from ``server.messages_fa``) is for people reading raw responses."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.domain.errors import DomainError, NotFoundError
from server.errors import ServerError
from server.messages_fa import message_for

log = logging.getLogger(__name__)


def error_body(code: str, params: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    params = jsonable_encoder(params or {})
    return {"code": code, "message": message_for(code, params), "params": params, **extra}


def error_response(code: str, status: int, params: dict[str, Any] | None = None, **extra: Any) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(error_body(code, params, **extra), status_code=status, headers=headers)


async def _server_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ServerError)
    return error_response(exc.code, exc.status, exc.params)


async def _domain_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DomainError)
    status = 404 if isinstance(exc, NotFoundError) else 422
    return error_response(exc.code, status, exc.params)


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [{k: v for k, v in e.items() if k in {"type", "loc", "msg"}} for e in exc.errors()]
    return error_response("request.invalid", 422, {}, detail=jsonable_encoder(errors))


async def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = {404: "http.not_found", 405: "http.method_not_allowed"}.get(exc.status_code, f"http.{exc.status_code}")
    return error_response(code, exc.status_code, {}, detail=str(exc.detail))


async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error", exc_info=exc)
    return error_response("server.internal", 500)


def install(app: FastAPI) -> None:
    app.add_exception_handler(ServerError, _server_error)
    app.add_exception_handler(DomainError, _domain_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
