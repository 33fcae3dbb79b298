"""Password hashing (argon2id) and access tokens (compact JWS, HMAC-SHA256), with no global state."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher as _Argon2
from argon2 import Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from server.config import Settings
from server.errors import unauthorised

ISSUER = "ecity-server"


class PasswordHasher:
    """argon2id with the configured cost (OWASP floor by default)."""

    def __init__(self, settings: Settings) -> None:
        self._hasher = _Argon2(
            time_cost=settings.argon2_time_cost,
            memory_cost=settings.argon2_memory_kib,
            parallelism=settings.argon2_parallelism,
            type=Type.ID,
        )
        # Verified against when the username is unknown, so that answer takes as long as a wrong password.
        self._dummy = self._hasher.hash(secrets.token_urlsafe(16))

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify(self, stored: str | None, password: str) -> bool:
        try:
            return self._hasher.verify(stored or self._dummy, password) and stored is not None
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, stored: str) -> bool:
        return self._hasher.check_needs_rehash(stored)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class AccessClaims:
    user_id: str
    username: str
    roles: tuple[str, ...]
    workstation_no: int | None
    workstation_id: str | None
    issued_at: int
    expires_at: int


class TokenSigner:
    """HS256 compact JWS (a standard JWT any library can read), signed with the server's key."""

    _HEADER = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())

    def __init__(self, key: bytes) -> None:
        if len(key) < 32:
            raise ValueError("token key must be at least 32 bytes")
        self._key = key

    def _sign(self, signing_input: str) -> str:
        return _b64(hmac.new(self._key, signing_input.encode("ascii"), hashlib.sha256).digest())

    def issue(self, claims: AccessClaims) -> str:
        body = {
            "iss": ISSUER,
            "sub": claims.user_id,
            "name": claims.username,
            "roles": list(claims.roles),
            "ws": claims.workstation_no,
            "wsid": claims.workstation_id,
            "iat": claims.issued_at,
            "exp": claims.expires_at,
            "jti": secrets.token_hex(8),
        }
        payload = _b64(json.dumps(body, separators=(",", ":"), sort_keys=True).encode())
        signing_input = f"{self._HEADER}.{payload}"
        return f"{signing_input}.{self._sign(signing_input)}"

    def verify(self, token: str, now: int) -> AccessClaims:
        try:
            header, payload, signature = token.split(".")
        except ValueError:
            raise unauthorised("auth.token_invalid") from None
        if header != self._HEADER or not hmac.compare_digest(signature, self._sign(f"{header}.{payload}")):
            raise unauthorised("auth.token_invalid")
        try:
            body: dict[str, Any] = json.loads(_unb64(payload))
            claims = AccessClaims(
                user_id=str(body["sub"]),
                username=str(body["name"]),
                roles=tuple(str(r) for r in body["roles"]),
                workstation_no=None if body.get("ws") is None else int(body["ws"]),
                workstation_id=None if body.get("wsid") is None else str(body["wsid"]),
                issued_at=int(body["iat"]),
                expires_at=int(body["exp"]),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise unauthorised("auth.token_invalid") from exc
        if body.get("iss") != ISSUER:
            raise unauthorised("auth.token_invalid")
        if now >= claims.expires_at:
            raise unauthorised("auth.token_expired")
        return claims
