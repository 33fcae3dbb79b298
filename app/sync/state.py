"""Small key/value bookkeeping of sync in the ``sync_state`` table (cursor, units, clock offset, last success)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, select

from app.models import SyncState

_table = SyncState.__table__


def get(conn: Connection, key: str, default: Any = None) -> Any:
    value = conn.execute(select(_table.c.value).where(_table.c.key == key)).scalar()
    if value is None or value == "":
        return default
    return json.loads(value)


def put(conn: Connection, key: str, value: Any) -> None:
    text = json.dumps(value)
    updated = conn.execute(_table.update().where(_table.c.key == key).values(value=text)).rowcount
    if not updated:
        conn.execute(_table.insert().values(key=key, value=text))
