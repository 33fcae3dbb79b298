"""Signing a clerk in at the workstation's door: through the central server when one is configured and answers,
against the local argon2id verifier otherwise.

Qt-free and cheap to import (the network stack is imported only when there is a server to ask), so the sign-in
dialog of a local-only workstation pays nothing for it. The network step runs off the GUI thread; the local log-in
(which writes its audit entry) runs on the writer thread afterwards.

- Server answers yes: the account is kept here with a fresh local verifier (``app.sync.accounts``), the refresh token
  goes to the keyring, and the local log-in that follows succeeds with the same password.
- Server answers no (wrong password, locked, disabled): that answer is final; it is raised as the local log-in's codes
  (``auth.bad_credentials``, ``auth.locked`` with ``minutes_left``, ``auth.inactive``) so the clerk reads the same
  Persian sentence either way. Nothing falls back to the local verifier then: a locked account stays locked.
- Server unreachable (or unable to answer: update required, workstation not approved...): the local verifier decides,
  which works for a clerk who signed in here before.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from app.domain.errors import DomainError
from app.sync.errors import AuthRequiredError, OfflineError, SyncError
from app.sync.target import target_for

log = logging.getLogger(__name__)

# The server's refusals that settle a log-in, as the local log-in's codes.
REFUSALS = {
    "auth.invalid_credentials": "auth.bad_credentials",
    "auth.account_locked": "auth.locked",
    "auth.account_disabled": "auth.inactive",
}


@dataclass(frozen=True)
class ServerCheck:
    """What the server said before the local log-in. ``mode``: "local" (no server configured), "online" (the server
    accepted the password), "offline" (unreachable) or "unavailable" (reachable but could not decide: ``reason``)."""

    mode: str
    reason: str = ""
    kept: str = ""

    @property
    def online(self) -> bool:
        return self.mode == "online"


def refusal_of(error: SyncError) -> DomainError | None:
    """The local log-in error for a server refusal that settles the log-in; None for any other error."""
    code = error.code
    if isinstance(error, AuthRequiredError):
        code = str(error.params.get("server_code") or code)
    local = REFUSALS.get(code)
    if local is None:
        return None
    params: dict[str, Any] = {}
    if local == "auth.locked":
        params["minutes_left"] = int(error.params.get("minutes_left") or 15)
    return DomainError(local, **params)


def check_with_server(
    services: Any, server_url: str, username: str, password: str, *, timeout: float | None = None
) -> ServerCheck:
    """Ask the server (network: off the GUI thread). Raises the local ``DomainError`` when the server refuses."""
    target = target_for(services.engine, server_url)
    if target is None:
        return ServerCheck("local")
    from app.sync.session import LOGIN_TIMEOUT, server_login  # httpx and keyring: only with a server

    try:
        body = server_login(services, target, username, password,
                            timeout=LOGIN_TIMEOUT if timeout is None else timeout)  # fmt: skip
    except OfflineError as exc:
        log.info("server %s unreachable at sign-in (%s): local verifier", target.server_url, exc.code)
        return ServerCheck("offline", exc.code)
    except SyncError as exc:
        refusal = refusal_of(exc)
        if refusal is not None:
            raise refusal from exc
        log.warning("server %s could not decide the sign-in (%s): local verifier", target.server_url, exc.code)
        return ServerCheck("unavailable", exc.code)
    except Exception:  # sign-in must never depend on the server working right: the local verifier decides
        log.exception("sign-in through %s failed unexpectedly: local verifier", target.server_url)
        return ServerCheck("unavailable", "sync.server_error")
    return ServerCheck("online", kept=str(body.get("kept") or ""))
