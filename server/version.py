"""Protocol and schema versions the server speaks; clients send theirs in ``X-Ecity-Protocol`` / ``X-Ecity-Schema``.

Bump ``PROTOCOL_VERSION`` when the wire format changes and ``SCHEMA_VERSION`` when the replicated tables change;
raise the server's ``min_client_*`` settings when older clients can no longer be served.
"""

from __future__ import annotations

from app import __version__ as APP_VERSION

PROTOCOL_HEADER = "X-Ecity-Protocol"
SCHEMA_HEADER = "X-Ecity-Schema"
PROTOCOL_VERSION = 1
SCHEMA_VERSION = 1

__all__ = ["APP_VERSION", "PROTOCOL_HEADER", "PROTOCOL_VERSION", "SCHEMA_HEADER", "SCHEMA_VERSION"]
