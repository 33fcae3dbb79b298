"""``SyncStatus``, what the status bar shows: its own small module so the window can hold one without importing the
sync client (httpx, keyring) on a local-only workstation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar shows."""

    online: bool = False
    pending: int = 0
    last_sync: dt.datetime | None = None
    running: bool = False
    error_code: str = ""  # "" | sync.offline | sync.update_required | sync.login_required | a server code
    next_attempt_in: float = 0.0
    conflicts: int = 0  # new conflicts from the last round
    progress: tuple[str, int, int] | None = None  # (what, done, total) during large transfers
    keyring_persistent: bool = True
