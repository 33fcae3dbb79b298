"""Sync inside the running workstation program: which server, the client over the program's own database and file
store, the online log-in of the signed-in clerk, and a hybrid clock that follows the server's time.

Qt-free: ``app.ui.sync_status`` runs a ``SyncWorker`` over ``SyncSession.client`` in a worker thread.
"""

from __future__ import annotations

import logging
from typing import Any

from app.domain.errors import DomainError
from app.domain.hlc import HybridClock, node_id
from app.sync import enrolment
from app.sync.accounts import keep_account
from app.sync.client import SyncClient
from app.sync.clock import ServerTime
from app.sync.credentials import CredentialStore
from app.sync.pull import PullReport
from app.sync.target import SyncTarget, target_for
from app.sync.transport import TokenAuth, Transport
from app.sync.worker import SyncWorker

log = logging.getLogger(__name__)

__all__ = ["SyncSession", "SyncTarget", "follow_server_time", "keep_login", "server_login", "target_for"]

# Seconds the sign-in dialog waits for the server before it signs the clerk in against the local verifier.
LOGIN_TIMEOUT = 5.0


def follow_server_time(services: Any, server_time: ServerTime) -> HybridClock:
    """Give ``services`` a hybrid clock that reads the server's time (its own clock plus the learned offset), so a
    PC whose clock is an hour off still stamps its edits where the server expects them. The old clock's last stamp
    is observed first so local order is kept (unless that stamp is too far ahead: push re-stamps those)."""
    old: HybridClock = services.hlc
    clock = HybridClock(
        node_id(services.workstation_no),
        wall_ms=lambda: int(services.now().timestamp() * 1000) + server_time.offset_ms,
    )
    try:
        clock.observe(old.now())
    except DomainError:
        log.info("the local clock ran ahead of the server's; pending stamps will be corrected on push")
    services.hlc = clock
    return clock


class SyncSession:
    """Everything sync needs in the program. ``services`` is the workstation's ``Services`` (engine, paths, files,
    clock); typed loosely because the services layer sits above this package."""

    def __init__(self, services: Any, target: SyncTarget, *, interval: float = 30.0, timeout: float = 30.0) -> None:
        self.services = services
        self.target = target
        self.credentials = CredentialStore(target.server_url, target.workstation_id)
        self.auth = TokenAuth(self.credentials)
        self.transport = Transport(target.server_url, self.auth, timeout=timeout)
        # The offset is learned against the same clock the services stamp with (the PC's, or a test's).
        server_time = ServerTime(
            SyncClient._stored_offset(services.engine),
            local_ms=lambda: int(services.now().timestamp() * 1000),
        )
        self.client = SyncClient(
            services.engine,
            self.transport,
            files=getattr(services, "files", None),
            server_time=server_time,
            on_remote_stamp=lambda stamp: services.hlc.observe(stamp),
            on_pulled=lambda report: after_pull(services, report),
        )
        follow_server_time(services, server_time)
        # Once the offset is learned (or the PC's clock is changed), stamp with the corrected time from then on.
        server_time.on_change = lambda _old, _new: self._follow(services, server_time)
        self.interval = interval

    @staticmethod
    def _follow(services: Any, server_time: ServerTime) -> None:
        follow_server_time(services, server_time)

    def make_worker(self, on_status: Any = None, on_round: Any = None) -> SyncWorker:
        return SyncWorker(self.client, interval=self.interval, on_status=on_status, on_round=on_round)

    def login(self, username: str, password: str) -> dict[str, Any]:
        """Log the clerk in on the server (network: call it off the GUI thread). The refresh token goes to the
        keyring; the access token stays in memory."""
        proof = enrolment.login_proof(self.services.engine, self.target.server_url)
        body = self.auth.login(self.transport, username, password, **proof)
        keep_login(self.services, body, password)
        return body

    @property
    def logged_in(self) -> bool:
        return self.auth.access_token is not None

    def close(self) -> None:
        self.transport.close()


# Pulled tables that the services keep in memory, and the method that reads them again.
RELOADS = {"holiday": "reload_calendar"}


def after_pull(services: Any, report: PullReport) -> None:
    """Reload what the services cache from tables a pull changed: a holiday added at another workstation moves this
    workstation's working-day deadlines at once."""
    for method in sorted({RELOADS[e] for e in report.entities if e in RELOADS}):
        reload = getattr(services, method, None)
        if callable(reload):
            reload()
            log.info("%s after a pull", method)


def keep_login(services: Any, body: dict[str, Any], password: str) -> str:
    """Keep the account of a successful online log-in here with a local argon2id verifier (offline log-in later).
    Returns ``keep_account``'s outcome ("" when the answer named no user)."""
    if not body.get("user"):
        return ""
    hasher = getattr(services, "hasher", None)
    return keep_account(services.engine, body["user"], password, hash_password=hasher.hash if hasher else None)


def server_login(
    services: Any, target: SyncTarget, username: str, password: str, *, timeout: float = LOGIN_TIMEOUT
) -> dict[str, Any]:
    """The sign-in dialog's online log-in (network: call it off the GUI thread): the password goes to the server,
    the refresh token to the keyring (``CredentialStore``, where the program's ``SyncSession`` finds it), and the
    account is kept here for offline log-in. A short ``timeout`` keeps an unreachable server from holding the clerk
    at the door: ``OfflineError`` then, and the caller falls back to the local verifier."""
    auth = TokenAuth(CredentialStore(target.server_url, target.workstation_id))
    transport = Transport(target.server_url, auth, timeout=timeout)
    try:
        proof = enrolment.login_proof(services.engine, target.server_url)
        body = auth.login(transport, username, password, **proof)
    finally:
        transport.close()
    outcome = keep_login(services, body, password)
    body["kept"] = outcome
    return body
