"""HTTP to the server: versions on every request, bearer tokens refreshed on 401, errors turned into typed ones."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import httpx

from app.sync.credentials import CredentialStore
from app.sync.errors import AuthRequiredError, OfflineError, SyncError, UpdateRequiredError
from app.sync.protocol import HEADER_PROTOCOL, HEADER_SCHEMA, PROTOCOL_VERSION, SCHEMA_VERSION

log = logging.getLogger(__name__)

NETWORK_ERRORS = (httpx.TransportError,)


class TokenAuth:
    """Access token in memory; refresh token in the keyring. ``login`` needs the network; ``refresh`` rotates."""

    def __init__(self, credentials: CredentialStore) -> None:
        self.credentials = credentials
        self._access: str | None = None
        self._lock = threading.Lock()
        self.user: dict[str, Any] = {}
        self.workstation_no: int | None = None

    @property
    def access_token(self) -> str | None:
        return self._access

    def set_access_token(self, token: str) -> None:
        """Use an access token obtained elsewhere (the login dialog's own call, or a test)."""
        with self._lock:
            self._access = token

    def set_tokens(self, body: dict[str, Any]) -> None:
        with self._lock:
            self._access = str(body["access_token"])
            self.user = dict(body.get("user") or {})
            self.workstation_no = body.get("workstation_no")
        self.credentials.save(str(body["refresh_token"]))

    def login(self, transport: Transport, username: str, password: str, **workstation_proof: Any) -> dict[str, Any]:
        body = transport.request(
            "POST", "/auth/login", json={"username": username, "password": password, **workstation_proof},
            authenticated=False,
        )  # fmt: skip
        self.set_tokens(body)
        return body

    def refresh(self, transport: Transport) -> bool:
        token = self.credentials.load()
        if not token:
            return False
        try:
            body = transport.request("POST", "/auth/refresh", json={"refresh_token": token}, authenticated=False)
        except AuthRequiredError:
            self.credentials.clear()
            return False
        self.set_tokens(body)
        return True


class Transport:
    """A thin httpx wrapper. ``request`` returns parsed JSON (or raw bytes with ``raw=True``)."""

    def __init__(
        self,
        base_url: str,
        auth: TokenAuth | None = None,
        *,
        timeout: float = 30.0,
        schema_version: int = SCHEMA_VERSION,
        http: httpx.Client | None = None,
        verify: bool | str = True,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.auth = auth
        self.schema_version = schema_version
        self._http = http or httpx.Client(base_url=self.base_url, timeout=timeout, verify=verify)
        self.on_server_time: Callable[[int], None] | None = None

    def close(self) -> None:
        self._http.close()

    def headers(self, authenticated: bool) -> dict[str, str]:
        headers = {HEADER_PROTOCOL: str(PROTOCOL_VERSION), HEADER_SCHEMA: str(self.schema_version)}
        if authenticated and self.auth is not None and self.auth.access_token:
            headers["Authorization"] = f"Bearer {self.auth.access_token}"
        return headers

    def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: dict[str, Any] | None = None,
        content: bytes | None = None,
        extra_headers: dict[str, str] | None = None,
        authenticated: bool = True,
        raw: bool = False,
    ) -> Any:
        for attempt in (1, 2):
            headers = self.headers(authenticated) | (extra_headers or {})
            try:
                response = self._http.request(method, path, json=json, params=params, content=content,
                                              headers=headers)  # fmt: skip
            except NETWORK_ERRORS as exc:
                raise OfflineError(detail=type(exc).__name__) from exc
            refreshable = response.status_code == 401 and authenticated and attempt == 1 and self.auth is not None
            if refreshable and self.auth is not None and self.auth.refresh(self):
                continue
            return self._answer(response, raw)
        raise AssertionError("unreachable")

    def _answer(self, response: httpx.Response, raw: bool) -> Any:
        status = response.status_code
        if status < 400:
            return response.content if raw else response.json()
        try:
            body = response.json()
        except ValueError:
            body = {}
        code = str(body.get("code") or f"http.{status}")
        params = dict(body.get("params") or {})
        if status == 426 or code == "client.update_required":
            raise UpdateRequiredError(**params)
        if status == 401:
            raise AuthRequiredError(server_code=code)
        if status >= 500 or status in (502, 503, 504):
            raise OfflineError("sync.server_error", status=status, server_code=code)
        raise SyncError(code, status=status, **params)
