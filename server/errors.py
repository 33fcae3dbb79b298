"""Typed server errors: a stable dotted code, an HTTP status and parameters the client fills its message with."""

from __future__ import annotations

from typing import Any

from app.domain.errors import DomainError


class ServerError(DomainError):
    """Raised by server services; ``server.api.errors`` turns it into ``{"code", "message", "params"}``."""

    def __init__(self, code: str, status: int = 400, /, **params: Any) -> None:
        super().__init__(code, **params)
        self.status = status


def not_found(code: str, **params: Any) -> ServerError:
    return ServerError(code, 404, **params)


def forbidden(code: str = "auth.forbidden", **params: Any) -> ServerError:
    return ServerError(code, 403, **params)


def unauthorised(code: str = "auth.required", **params: Any) -> ServerError:
    return ServerError(code, 401, **params)


def conflict(code: str, **params: Any) -> ServerError:
    return ServerError(code, 409, **params)


def invalid(code: str, **params: Any) -> ServerError:
    return ServerError(code, 422, **params)
