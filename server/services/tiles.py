"""Aerial tiles from one MBTiles file (SQLite; rows counted from the bottom, TMS), served by XYZ address."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from server.errors import ServerError, not_found

MAX_ZOOM = 24


class MBTiles:
    """Read-only; one connection shared under a lock (reads are sub-millisecond, far below network time)."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise ServerError("tiles.file_missing", 503, path=str(path))
        self.path = path
        self._conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        with self._lock:
            rows = self._conn.execute("SELECT name, value FROM metadata").fetchall()
        self.metadata = {str(k): str(v) for k, v in rows}
        self.format = self.metadata.get("format", "png")

    def tile(self, z: int, x: int, y: int) -> bytes:
        if not (0 <= z <= MAX_ZOOM and 0 <= x < 2**z and 0 <= y < 2**z):
            raise not_found("tiles.out_of_range", z=z, x=x, y=y)
        tms_row = (1 << z) - 1 - y
        with self._lock:
            row = self._conn.execute(
                "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?", (z, x, tms_row)
            ).fetchone()
        if row is None:
            raise not_found("tiles.not_found", z=z, x=x, y=y)
        return bytes(row[0])

    def close(self) -> None:
        with self._lock:
            self._conn.close()
