"""The FastAPI application factory. Nothing is built at import time: ``create_app(settings)`` builds it all."""

from __future__ import annotations

import contextlib
import importlib
import logging
from collections.abc import AsyncIterator

from fastapi import FastAPI

from server.api import errors as api_errors
from server.api import middleware
from server.api.auth_routes import router as auth_router
from server.api.files import router as files_router
from server.api.public import router as public_router
from server.api.system import router as system_router
from server.api.users import router as users_router
from server.api.workstations import router as workstations_router
from server.clock import Clock
from server.config import Settings
from server.context import ServerContext
from server.db.migrate import upgrade_engine
from server.version import APP_VERSION

log = logging.getLogger(__name__)


def _sync_router() -> object | None:
    """The sync package's router, when that package is there (it is built alongside this one)."""
    try:
        module = importlib.import_module("server.sync.routes")
    except ModuleNotFoundError as exc:
        if exc.name in {"server.sync", "server.sync.routes"}:
            return None
        raise
    return getattr(module, "router", None)


def create_app(settings: Settings, *, clock: Clock | None = None, ctx: ServerContext | None = None) -> FastAPI:
    """Build the server. With ``settings.auto_migrate`` the database is brought to the newest schema first."""
    ctx = ctx or ServerContext.build(settings, clock=clock)
    if not settings.uses_owasp_argon2:
        log.warning("argon2 parameters are below the OWASP floor: acceptable in tests only")
    if settings.auto_migrate:
        upgrade_engine(ctx.engine)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        ctx.close()

    app = FastAPI(
        title="E-city office server",
        version=APP_VERSION,
        description="Central server of an e-city services office: accounts, workstations, sync, files, tiles.",
        lifespan=lifespan,
    )
    app.state.ctx = ctx
    api_errors.install(app)
    middleware.install(app)
    for router in (system_router, auth_router, workstations_router, users_router, files_router, public_router):
        app.include_router(router)
    sync_router = _sync_router()
    if sync_router is not None:
        app.include_router(sync_router)  # type: ignore[arg-type]
    return app
