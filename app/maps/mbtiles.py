"""MBTiles 1.3 files: SQLite with ``metadata(name, value)`` and ``tiles(zoom_level, tile_column, tile_row,
tile_data)``, rows counted from the bottom (TMS).

Reading is read-only (``mode=ro``) with one connection per thread: sqlite3 connections must not be shared across
threads, and the map view reads tiles from a pool.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from app.domain.errors import DomainError
from app.maps.tiles import TileKey, flip_row


class MBTilesSource:
    """A read-only MBTiles file as a tile source (XYZ keys in, encoded images out)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise DomainError("maps.mbtiles_missing", path=str(self.path))
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        try:
            self.metadata = self._read_metadata()
        except sqlite3.DatabaseError as exc:
            self.close()
            raise DomainError("maps.mbtiles_invalid", path=str(self.path), reason=str(exc)) from exc
        self.name = self.metadata.get("name", self.path.stem)
        self.format = self.metadata.get("format", "png")
        zooms = self._conn().execute("SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles").fetchone()
        self.min_zoom = int(self.metadata.get("minzoom", zooms[0] if zooms[0] is not None else 0))
        self.max_zoom = int(self.metadata.get("maxzoom", zooms[1] if zooms[1] is not None else 0))

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            uri = f"{self.path.resolve().as_uri()}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    def _read_metadata(self) -> dict[str, str]:
        rows = self._conn().execute("SELECT name, value FROM metadata").fetchall()
        return {str(name): str(value) for name, value in rows}

    @property
    def bounds(self) -> tuple[float, float, float, float] | None:
        """(west, south, east, north) in degrees, from the metadata."""
        raw = self.metadata.get("bounds")
        if not raw:
            return None
        parts = [float(v) for v in raw.split(",")]
        return parts[0], parts[1], parts[2], parts[3]

    @property
    def center(self) -> tuple[float, float, int] | None:
        raw = self.metadata.get("center")
        if not raw:
            return None
        lon, lat, *rest = raw.split(",")
        return float(lon), float(lat), int(float(rest[0])) if rest else self.max_zoom

    def get_tile(self, z: int, x: int, y: int) -> bytes | None:
        row = (
            self._conn()
            .execute(
                "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?",
                (z, x, flip_row(z, y)),
            )
            .fetchone()
        )
        return None if row is None else bytes(row[0])

    def keys(self, z: int | None = None) -> list[TileKey]:
        sql = "SELECT zoom_level, tile_column, tile_row FROM tiles"
        rows = self._conn().execute(sql + (" WHERE zoom_level=?" if z is not None else ""), () if z is None else (z,))
        return [TileKey(zz, xx, flip_row(zz, rr)) for zz, xx, rr in rows]

    def close(self) -> None:
        with self._lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
        self._local = threading.local()

    def __enter__(self) -> MBTilesSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class MBTilesWriter:
    """Writes an MBTiles 1.3 file (the demo generator and tests use it)."""

    def __init__(self, path: str | Path, metadata: dict[str, Any]) -> None:
        self.path = Path(path)
        if self.path.exists():
            self.path.unlink()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(self.path)
        self.conn.executescript(
            """
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            CREATE TABLE metadata (name TEXT, value TEXT);
            CREATE UNIQUE INDEX metadata_name ON metadata (name);
            CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);
            CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);
            """
        )
        for name, value in metadata.items():
            text = value if isinstance(value, str) else json.dumps(value) if isinstance(value, dict) else str(value)
            self.conn.execute("INSERT INTO metadata VALUES (?, ?)", (name, text))

    def put(self, key: TileKey, data: bytes) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO tiles VALUES (?, ?, ?, ?)", (key.z, key.x, key.tms_row, sqlite3.Binary(data))
        )

    def put_many(self, items: Iterable[tuple[TileKey, bytes]]) -> None:
        for key, data in items:
            self.put(key, data)

    def close(self) -> None:
        self.conn.commit()
        self.conn.close()

    def __enter__(self) -> MBTilesWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
