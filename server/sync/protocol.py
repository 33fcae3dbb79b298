"""Wire constants and request/response shapes of the sync protocol (version 1). See docs/sync.md."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

# A client older than these is told to update (the server's settings may raise them); its outbox stays put.
MIN_CLIENT_SCHEMA = 1
MIN_CLIENT_PROTOCOL = 1

MAX_BATCH = 500
MAX_PAGE = 5000
DEFAULT_PAGE = 1000

# Outcome of one pushed entry.
ACCEPTED = "accepted"  # applied (or a no-op because a newer value was already there: see "lost_fields")
REFUSED = "refused"  # permanent: stored with the idempotency key, the client shows it and moves on
RETRY = "retry"  # transient: nothing applied and nothing stored; the client fixes the cause and resends

Kind = Literal["upsert", "delete", "action", "audit"]


MAX_INT = 2**62  # every counter fits a signed 64-bit column, with room
PLAIN = r"^[^\x00-\x1f\x7f]*$"


class PushEntry(BaseModel):
    seq: int = Field(ge=0, le=MAX_INT)
    # Plain text (no control characters: PostgreSQL text cannot hold NUL, and no client makes them).
    idempotency_key: str = Field(min_length=1, max_length=64, pattern=PLAIN)
    kind: Kind
    entity: str = Field(max_length=40, pattern=PLAIN)
    entity_id: str = Field(max_length=64, pattern=PLAIN)
    payload: dict[str, Any] = Field(default_factory=dict)
    # The client's pull cursor when it made this change: what it had seen of everyone else's changes.
    seen: int | None = Field(default=None, ge=0, le=MAX_INT)


class PushRequest(BaseModel):
    entries: list[PushEntry] = Field(max_length=MAX_BATCH)


class EntryResult(BaseModel):
    idempotency_key: str
    seq: int
    status: Literal["accepted", "refused", "retry"]
    code: str = ""
    details: dict[str, Any] = Field(default_factory=dict)


class PushResponse(BaseModel):
    results: list[EntryResult]
    server_time_ms: int
    # Entries after the first "retry" are not looked at (order matters); the client sends them again.
    processed: int


class PulledRecord(BaseModel):
    entity: str
    id: str
    position: int
    version: int
    deleted: bool
    data: dict[str, Any]
    field_hlc: dict[str, str]


class PullResponse(BaseModel):
    records: list[PulledRecord]
    cursor: int
    more: bool
    units: list[str]
    server_time_ms: int
