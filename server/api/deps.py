"""Dependencies shared by the routers."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import Request
from sqlalchemy.orm import Session

from server.context import ServerContext


def get_ctx(request: Request) -> ServerContext:
    ctx: ServerContext = request.app.state.ctx
    return ctx


def get_session(request: Request) -> Iterator[Session]:
    """One session per request; services commit their own transactions, anything left open is rolled back."""
    session = get_ctx(request).session()
    try:
        yield session
    finally:
        session.close()
