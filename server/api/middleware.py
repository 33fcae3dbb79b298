"""Protocol and schema versions: every response names the server's, and an outdated client is told to update.

A request without the headers (a browser, curl, a verifier) passes; one with a version below the server's minimum
gets 426 ``{"code": "client.update_required"}`` before any endpoint runs, so its pending outbox stays untouched.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response

from server.api.errors import error_response
from server.context import ServerContext
from server.version import PROTOCOL_HEADER, PROTOCOL_VERSION, SCHEMA_HEADER, SCHEMA_VERSION


def install(app: FastAPI) -> None:
    @app.middleware("http")
    async def versions(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        ctx: ServerContext = request.app.state.ctx
        response = _check(request, ctx) or await call_next(request)
        response.headers[PROTOCOL_HEADER] = str(PROTOCOL_VERSION)
        response.headers[SCHEMA_HEADER] = str(SCHEMA_VERSION)
        return response


def _check(request: Request, ctx: ServerContext) -> Response | None:
    given: dict[str, int] = {}
    for header, key in ((PROTOCOL_HEADER, "protocol"), (SCHEMA_HEADER, "schema")):
        raw = request.headers.get(header)
        if raw is None:
            continue
        try:
            given[key] = int(raw.strip())
        except ValueError:
            return error_response("client.version_header_invalid", 400, {"header": header})
    settings = ctx.settings
    outdated = (
        given.get("protocol", PROTOCOL_VERSION) < settings.min_client_protocol
        or given.get("schema", SCHEMA_VERSION) < settings.min_client_schema
    )
    if outdated:
        return error_response(
            "client.update_required",
            426,
            {
                "client_protocol": given.get("protocol"),
                "client_schema": given.get("schema"),
                "min_protocol": settings.min_client_protocol,
                "min_schema": settings.min_client_schema,
                "server_protocol": PROTOCOL_VERSION,
                "server_schema": SCHEMA_VERSION,
            },
        )
    if given.get("protocol", PROTOCOL_VERSION) > PROTOCOL_VERSION:
        return error_response(
            "server.update_required", 400, {"client_protocol": given["protocol"], "server_protocol": PROTOCOL_VERSION}
        )
    return None
