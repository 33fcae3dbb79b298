"""The refresh token lives in the operating system's keyring (Windows Credential Manager, macOS Keychain, Secret
Service on Linux), never in a file. Where there is no keyring (a headless Linux box without D-Bus), ``keyring`` raises
``NoKeyringError``: the token is then kept in memory only, and ``persistent`` says so for the status bar.
"""

from __future__ import annotations

import logging
import threading

import keyring
from keyring.errors import KeyringError, NoKeyringError, PasswordDeleteError

log = logging.getLogger(__name__)

SERVICE = "ecity-counter"


# Without a keyring, what was saved lives here for the life of the process (so the enrolment secret saved by one
# store is found by the next one made for the same account), and is gone when the program ends.
_PROCESS_MEMORY: dict[str, str] = {}


class CredentialStore:
    """One refresh token per (server, workstation). ``persistent`` is False when the token lives in memory only."""

    def __init__(self, server_url: str, workstation_id: str = "") -> None:
        self._account = f"{server_url.rstrip('/')}#{workstation_id}"
        self._memory: str | None = None
        self._lock = threading.Lock()
        self.persistent = True
        self.reason = ""

    def _fallback(self, exc: Exception) -> None:
        if self._memory is not None:
            _PROCESS_MEMORY[self._account] = self._memory
        if self.persistent:
            log.warning("no usable keyring (%s): the refresh token is kept in memory only", type(exc).__name__)
        self.persistent = False
        self.reason = "sync.keyring_unavailable"

    def save(self, token: str) -> None:
        with self._lock:
            self._memory = token
            try:
                keyring.set_password(SERVICE, self._account, token)
                self.persistent = True
                self.reason = ""
            except (NoKeyringError, KeyringError, RuntimeError) as exc:
                self._fallback(exc)

    def load(self) -> str | None:
        with self._lock:
            if self._memory is not None:
                return self._memory
            try:
                value = keyring.get_password(SERVICE, self._account)
            except (NoKeyringError, KeyringError, RuntimeError) as exc:
                self._fallback(exc)
                self._memory = _PROCESS_MEMORY.get(self._account)
                return self._memory
            self._memory = value
            return value

    def clear(self) -> None:
        with self._lock:
            self._memory = None
            _PROCESS_MEMORY.pop(self._account, None)
            try:
                keyring.delete_password(SERVICE, self._account)
            except PasswordDeleteError:
                pass
            except (NoKeyringError, KeyringError, RuntimeError) as exc:
                self._fallback(exc)
