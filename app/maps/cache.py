"""A size-limited disk cache of tiles, so a workstation keeps working offline from what it has seen.

Layout: ``folder/z/x/y.tile``. Least-recently-used tiles go first when the total passes ``max_bytes``; the order is
the files' modification times, which a hit refreshes, so it survives a restart.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from pathlib import Path

from app.maps.tiles import TileKey, TileSource, is_image

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 512 * 1024 * 1024


class DiskTileCache:
    def __init__(self, folder: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.folder = Path(folder)
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._entries: OrderedDict[TileKey, int] = OrderedDict()  # oldest first
        self.total_bytes = 0
        self._scan()

    def _path(self, key: TileKey) -> Path:
        return self.folder / str(key.z) / str(key.x) / f"{key.y}.tile"

    def _scan(self) -> None:
        found: list[tuple[float, TileKey, int]] = []
        if self.folder.is_dir():
            for path in self.folder.glob("*/*/*.tile"):
                try:
                    st = path.stat()
                    key = TileKey(int(path.parent.parent.name), int(path.parent.name), int(path.stem))
                except (OSError, ValueError):
                    continue
                found.append((st.st_mtime, key, st.st_size))
        found.sort()
        for _, key, size in found:
            self._entries[key] = size
            self.total_bytes += size

    def __contains__(self, key: TileKey) -> bool:
        with self._lock:
            return key in self._entries

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    def get(self, key: TileKey) -> bytes | None:
        with self._lock:
            if key not in self._entries:
                return None
            path = self._path(key)
            try:
                data = path.read_bytes()
                os.utime(path)
            except OSError:
                self.total_bytes -= self._entries.pop(key)
                return None
            self._entries.move_to_end(key)
            return data

    def put(self, key: TileKey, data: bytes) -> None:
        if len(data) > self.max_bytes:
            return
        with self._lock:
            path = self._path(key)
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{threading.get_ident()}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, path)  # a reader never sees half a tile
            self.total_bytes -= self._entries.pop(key, 0)
            self._entries[key] = len(data)
            self.total_bytes += len(data)
            self._evict()

    def _evict(self) -> None:
        while self.total_bytes > self.max_bytes and self._entries:
            key, size = self._entries.popitem(last=False)
            self.total_bytes -= size
            try:
                self._path(key).unlink()
            except OSError:
                log.debug("could not remove cached tile %s", key)

    def clear(self) -> None:
        with self._lock:
            for key in list(self._entries):
                self._path(key).unlink(missing_ok=True)
            self._entries.clear()
            self.total_bytes = 0


class CachedSource:
    """An upstream source behind a disk cache: hits never touch the network; misses are fetched and kept.

    When the upstream fails (offline), the error propagates for tiles the cache has never seen: the view shows a
    placeholder for those and the cached ones as usual.
    """

    def __init__(self, upstream: TileSource, cache: DiskTileCache) -> None:
        self.upstream = upstream
        self.cache = cache
        self.name = f"cached:{upstream.name}"
        self.min_zoom = upstream.min_zoom
        self.max_zoom = upstream.max_zoom

    def get_tile(self, z: int, x: int, y: int) -> bytes | None:
        key = TileKey(z, x, y)
        data = self.cache.get(key)
        if data is not None:
            return data
        data = self.upstream.get_tile(z, x, y)
        if data is not None and is_image(data):  # never keep a corrupt download for offline use
            self.cache.put(key, data)
        return data

    def close(self) -> None:
        self.upstream.close()
