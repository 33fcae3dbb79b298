"""Request and response bodies (pydantic), the public shape of the API in /openapi.json."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ErrorOut(BaseModel):
    code: str
    message: str
    params: dict[str, Any] = {}


# --- health ------------------------------------------------------------------------------------------------------
class HealthOut(BaseModel):
    status: str
    version: str
    protocol: int
    schema_version: int
    db: str
    db_dialect: str
    db_revision: list[str]
    db_head: list[str]


# --- auth --------------------------------------------------------------------------------------------------------
class LoginIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)
    workstation_id: str | None = Field(default=None, max_length=36)
    workstation_secret: str | None = Field(default=None, max_length=200)
    workstation_signature: str | None = Field(default=None, max_length=200, description="base64url Ed25519 signature")
    signed_at: int | None = Field(default=None, ge=0, le=2**40, description="unix seconds inside the signed message")


class RefreshIn(BaseModel):
    refresh_token: str = Field(min_length=1, max_length=200)


class UserInfo(BaseModel):
    id: str
    username: str
    full_name: str
    roles: list[str]
    units: list[str]


class TokenOut(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"
    expires_in: int
    refresh_expires_at: dt.datetime
    user: UserInfo
    workstation_no: int | None


class MeOut(BaseModel):
    user_id: str
    username: str
    full_name: str
    roles: list[str]
    units: list[str]
    workstation_no: int | None
    workstation_id: str | None


class PasswordChangeIn(BaseModel):
    old_password: str = Field(min_length=1, max_length=256)
    new_password: str = Field(min_length=1, max_length=256)


class RoleOut(BaseModel):
    id: str
    unit: str
    title_en: str
    title_fa: str
    is_global: bool


class UnitOut(BaseModel):
    id: str
    title_en: str
    title_fa: str
    roles: list[RoleOut]


# --- enrolment ---------------------------------------------------------------------------------------------------
class EnrolmentIn(BaseModel):
    name: str = Field(min_length=1, max_length=120)
    public_key: str | None = Field(default=None, max_length=64, description="raw Ed25519 public key, base64url")


class EnrolmentOut(BaseModel):
    workstation_id: str
    status: str
    number: int | None
    secret: str | None = Field(default=None, description="shown once, only when enrolling without a public key")


class WorkstationOut(BaseModel):
    id: str
    name: str
    status: str
    number: int | None
    proof: str
    requested_at: dt.datetime
    decided_at: dt.datetime | None
    decided_by: str
    note: str
    last_seen_at: dt.datetime | None


class ReasonIn(BaseModel):
    reason: str = Field(default="", max_length=300)


# --- users -------------------------------------------------------------------------------------------------------
class UserCreateIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: str = Field(min_length=1, max_length=64)
    full_name: str = Field(default="", max_length=120)
    password: str = Field(min_length=1, max_length=256)
    roles: list[str] = Field(default_factory=list, max_length=50)


class UserUpdateIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    full_name: str | None = Field(default=None, max_length=120)
    active: bool | None = None
    roles: list[str] | None = Field(default=None, max_length=50)


class PasswordSetIn(BaseModel):
    password: str = Field(min_length=1, max_length=256)


class UserOut(BaseModel):
    id: str
    username: str
    full_name: str
    active: bool
    roles: list[str]
    units: list[str]
    failed_logins: int
    locked_until: dt.datetime | None
    created_at: dt.datetime


# --- audit -------------------------------------------------------------------------------------------------------
class AuditEntryOut(BaseModel):
    seq: int
    id: str
    at: dt.datetime
    user_id: str
    username: str
    workstation_no: int | None
    action: str
    entity: str
    entity_id: str
    details: dict[str, Any]
    prev_hash: str
    hash: str


class AuditVerifyOut(BaseModel):
    intact: bool
    first_broken_seq: int | None


# --- files -------------------------------------------------------------------------------------------------------
class MissingIn(BaseModel):
    hashes: list[str] = Field(max_length=1000)


class MissingOut(BaseModel):
    missing: list[str]


class UploadStartIn(BaseModel):
    size: int = Field(ge=0, le=2**40)


class UploadOut(BaseModel):
    sha256: str
    size: int
    received: int
    complete: bool
    chunk_size: int


# --- certificates ------------------------------------------------------------------------------------------------
class RevocationIn(BaseModel):
    serial: str = Field(min_length=1, max_length=64)
    tracking_number: str = Field(default="", max_length=40)
    reason: str = Field(min_length=1, max_length=2000)


class RevocationOut(BaseModel):
    serial: str
    tracking_number: str
    reason: str
    revoked_at: dt.datetime
    revoked_by: str


class VerifyOut(BaseModel):
    status: str
    genuine: bool
    code: str
    detail: str
    facts: dict[str, Any] | None
    revocation: dict[str, Any] | None
