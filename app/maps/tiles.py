"""Tile math (XYZ and TMS), the tile-source protocol, and the decoded-or-not result the map view receives.

XYZ rows count from the top (y = 0 at the north edge, as in OpenStreetMap); TMS and MBTiles rows count from the
bottom: ``tms_row = 2**z - 1 - y``. Everything above this module speaks XYZ.
"""

from __future__ import annotations

import io
import logging
import math
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple, Protocol, runtime_checkable

from PIL import Image, UnidentifiedImageError

from app.maps.projection import ORIGIN_SHIFT, XY, lonlat_to_mercator

log = logging.getLogger(__name__)

TILE_SIZE = 256
WORLD_SIZE_M = 2 * ORIGIN_SHIFT


class TileKey(NamedTuple):
    z: int
    x: int
    y: int  # XYZ row, from the top

    @property
    def tms_row(self) -> int:
        return flip_row(self.z, self.y)


def flip_row(z: int, row: int) -> int:
    """XYZ row ↔ TMS row (the same formula both ways)."""
    return (1 << z) - 1 - row


def tile_size_m(z: int) -> float:
    """Width of one tile at zoom ``z`` in Web Mercator metres."""
    return WORLD_SIZE_M / (1 << z)


def resolution(z: int) -> float:
    """Web Mercator metres per pixel at zoom ``z`` (ground metres = this × cos φ)."""
    return tile_size_m(z) / TILE_SIZE


def tile_bounds(key: TileKey) -> tuple[float, float, float, float]:
    """(min_x, min_y, max_x, max_y) of a tile in Web Mercator metres."""
    size = tile_size_m(key.z)
    min_x = -ORIGIN_SHIFT + key.x * size
    max_y = ORIGIN_SHIFT - key.y * size
    return min_x, max_y - size, min_x + size, max_y


def mercator_to_tile(x: float, y: float, z: int) -> tuple[float, float]:
    """Fractional XYZ tile coordinates of a Web Mercator point."""
    size = tile_size_m(z)
    return (x + ORIGIN_SHIFT) / size, (ORIGIN_SHIFT - y) / size


def lonlat_to_tile(lon: float, lat: float, z: int) -> TileKey:
    tx, ty = mercator_to_tile(*lonlat_to_mercator(lon, lat), z)
    n = 1 << z
    return TileKey(z, min(max(int(tx), 0), n - 1), min(max(int(ty), 0), n - 1))


def tiles_in_bounds(min_x: float, min_y: float, max_x: float, max_y: float, z: int) -> list[TileKey]:
    """XYZ tiles covering a Web Mercator rectangle, nearest the centre first (so the middle loads first)."""
    n = 1 << z
    x0, y0 = mercator_to_tile(min_x, max_y, z)
    x1, y1 = mercator_to_tile(max_x, min_y, z)
    xs = range(max(math.floor(x0), 0), min(math.floor(x1), n - 1) + 1)
    ys = range(max(math.floor(y0), 0), min(math.floor(y1), n - 1) + 1)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    keys = [TileKey(z, x, y) for y in ys for x in xs]
    keys.sort(key=lambda k: (k.x + 0.5 - cx) ** 2 + (k.y + 0.5 - cy) ** 2)
    return keys


def zoom_for_resolution(metres_per_pixel: float, min_zoom: int = 0, max_zoom: int = 22) -> int:
    """The tile zoom whose pixels are closest to (not coarser than about 1.4×) the screen's pixels."""
    if metres_per_pixel <= 0:
        return max_zoom
    z = round(math.log2(resolution(0) / metres_per_pixel))
    return min(max(z, min_zoom), max_zoom)


class TileStatus(StrEnum):
    OK = "ok"
    MISSING = "missing"  # the source has no tile there
    CORRUPT = "corrupt"  # bytes that are not an image
    ERROR = "error"  # the source failed (network down, file unreadable)


@dataclass(frozen=True)
class TileResult:
    key: TileKey
    status: TileStatus
    data: bytes | None = None
    error: str = ""


@runtime_checkable
class TileSource(Protocol):
    """Anything that hands out encoded tile images by XYZ key. ``get_tile`` may be called from any thread."""

    name: str
    min_zoom: int
    max_zoom: int

    def get_tile(self, z: int, x: int, y: int) -> bytes | None:
        """The encoded image (PNG/JPEG/WebP), or None when the source has no tile there. May raise on failure."""
        ...

    def close(self) -> None: ...


def is_image(data: bytes) -> bool:
    """True if ``data`` is an image Pillow can read; checks structure (and PNG chunk CRCs) without a full decode."""
    try:
        with Image.open(io.BytesIO(data)) as img:
            img.verify()
        return True
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return False


def fetch_tile(source: TileSource, key: TileKey, verify: bool = True) -> TileResult:
    """Get a tile and classify it; never raises (the map view shows a placeholder for anything but OK)."""
    try:
        data = source.get_tile(key.z, key.x, key.y)
    except Exception as exc:  # a tile source failing must never reach the view
        log.warning("tile %s from %s failed: %s", key, getattr(source, "name", source), exc)
        return TileResult(key, TileStatus.ERROR, None, str(exc))
    if data is None:
        return TileResult(key, TileStatus.MISSING)
    if verify and not is_image(data):
        log.warning("tile %s from %s is corrupt (%d bytes)", key, getattr(source, "name", source), len(data))
        return TileResult(key, TileStatus.CORRUPT, None, "not an image")
    return TileResult(key, TileStatus.OK, data)


def centre_of(bounds: tuple[float, float, float, float]) -> XY:
    return (bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2
