"""What can go wrong talking to the server, as typed errors with codes (Persian text in messages_fa.py)."""

from __future__ import annotations

from typing import Any

from app.domain.errors import DomainError


class SyncError(DomainError):
    """The server answered with an error the client cannot fix by waiting."""


class OfflineError(SyncError):
    """No answer: the link or the server is down. Retried with back-off."""

    def __init__(self, code: str = "sync.offline", **params: Any) -> None:
        super().__init__(code, **params)


class UpdateRequiredError(SyncError):
    """The server no longer serves this version: install the update. The outbox is kept meanwhile."""

    def __init__(self, **params: Any) -> None:
        super().__init__("sync.update_required", **params)


class AuthRequiredError(SyncError):
    """No valid token and no way to refresh it: someone must log in (online) again."""

    def __init__(self, code: str = "sync.login_required", **params: Any) -> None:
        super().__init__(code, **params)
