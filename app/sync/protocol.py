"""What this client speaks: sent with every request so the server can tell an outdated client to update."""

from __future__ import annotations

PROTOCOL_VERSION = 1
# Shape of the replicated rows this client understands. Bump together with the server's SCHEMA_VERSION.
SCHEMA_VERSION = 1

HEADER_PROTOCOL = "X-Ecity-Protocol"
HEADER_SCHEMA = "X-Ecity-Schema"

# Tables the server owns (accounts and roles, its /users API): never queued or pushed by a workstation.
SERVER_OWNED = frozenset({"user_account", "user_role"})

PUSH_BATCH = 200
PULL_PAGE = 1000
CHUNK_SIZE = 1024 * 1024

# sync_state keys
CURSOR_KEY = "pull.cursor"
UNITS_KEY = "pull.units"
OFFSET_KEY = "clock.server_offset_ms"
LAST_SYNC_KEY = "sync.last_success"
CHECKPOINTS_KEY = "pull.checkpoints"  # [[iso time, cursor], ...]: what had been pulled when
