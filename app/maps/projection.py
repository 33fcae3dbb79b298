"""Coordinate reference systems: Web Mercator for tiles, UTM for every measurement.

Tiles are cut in Web Mercator (EPSG:3857), whose scale at Tehran's latitude is about 1.23 (areas about 50% too
large), so nothing is ever measured in it. Measurements are made in UTM; Tehran lies in zone 39N (EPSG:32639).
Iran spans zones 38–41, so the zone is a setting of the municipality: every function takes the CRS and defaults to
``MEASURE_CRS``. pyproj Transformers are costly to build (tens of milliseconds), so they are built once per pair and
cached; a Transformer is not safe to share across threads, so the cache is per thread.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import numpy as np
from pyproj import CRS, Transformer

WGS84 = "EPSG:4326"
WEB_MERCATOR = "EPSG:3857"
MEASURE_CRS = "EPSG:32639"  # UTM zone 39N, Tehran

# Web Mercator's half circumference (metres): the world spans [-ORIGIN_SHIFT, ORIGIN_SHIFT] on both axes.
EARTH_RADIUS = 6378137.0
ORIGIN_SHIFT = math.pi * EARTH_RADIUS

XY = tuple[float, float]

_local = threading.local()


def transformer(src: str, dst: str) -> Transformer:
    """A cached, always-x/y (lon/lat order) Transformer from ``src`` to ``dst``."""
    cache: dict[tuple[str, str], Transformer] | None = getattr(_local, "cache", None)
    if cache is None:
        cache = {}
        _local.cache = cache
    key = (src, dst)
    found = cache.get(key)
    if found is None:
        found = Transformer.from_crs(CRS.from_user_input(src), CRS.from_user_input(dst), always_xy=True)
        cache[key] = found
    return found


def utm_crs_for_zone(zone: int, north: bool = True) -> str:
    """``EPSG:326zz`` (north) or ``EPSG:327zz`` (south) for a UTM zone number."""
    if not 1 <= zone <= 60:
        raise ValueError(f"UTM zone out of range: {zone}")
    return f"EPSG:{32600 + zone if north else 32700 + zone}"


# pyproj keeps one PROJ context per thread. A thread that Python did not create (Qt's thread pools) leaves its
# context behind when it exits, and the next pool thread that gets the same thread id crashes inside pyproj
# (segfault, reproduced with QThreadPool and an expiry timeout). Calls from such threads are therefore run on one
# long-lived Python thread; Python's own threads and the GUI thread call pyproj directly.
_proj_executor: ThreadPoolExecutor | None = None
_proj_lock = threading.Lock()

T = TypeVar("T")


def _foreign_thread() -> bool:
    return isinstance(threading.current_thread(), threading._DummyThread)


def in_python_thread(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run ``fn`` here, or on the projection thread when called from a thread Python did not create."""
    global _proj_executor
    if not _foreign_thread():
        return fn(*args, **kwargs)
    with _proj_lock:
        if _proj_executor is None:
            _proj_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pyproj")
        executor = _proj_executor
    return executor.submit(fn, *args, **kwargs).result()


def _transform_points(points: Sequence[XY], src: str, dst: str) -> list[XY]:
    arr = np.asarray(points, dtype=float)
    xs, ys = transformer(src, dst).transform(arr[:, 0], arr[:, 1])
    return [(float(x), float(y)) for x, y in zip(np.atleast_1d(xs), np.atleast_1d(ys), strict=True)]


def _transform_point(x: float, y: float, src: str, dst: str) -> XY:
    tx, ty = transformer(src, dst).transform(x, y)
    return float(tx), float(ty)


def transform_points(points: Sequence[XY], src: str, dst: str) -> list[XY]:
    """Transform a list of (x, y) pairs; returns plain float tuples. Safe from any thread."""
    if not points:
        return []
    return in_python_thread(_transform_points, points, src, dst)


def transform_point(x: float, y: float, src: str, dst: str) -> XY:
    return in_python_thread(_transform_point, x, y, src, dst)


def lonlat_to_utm(points: Sequence[XY], crs: str = MEASURE_CRS) -> list[XY]:
    return transform_points(points, WGS84, crs)


def utm_to_lonlat(points: Sequence[XY], crs: str = MEASURE_CRS) -> list[XY]:
    return transform_points(points, crs, WGS84)


# Web Mercator has a closed form; using it (rather than pyproj) keeps the tile math exact and fast.
def lonlat_to_mercator(lon: float, lat: float) -> XY:
    lat = max(min(lat, 85.05112878), -85.05112878)
    x = math.radians(lon) * EARTH_RADIUS
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) * EARTH_RADIUS
    return x, y


def mercator_to_lonlat(x: float, y: float) -> XY:
    lon = math.degrees(x / EARTH_RADIUS)
    lat = math.degrees(2 * math.atan(math.exp(y / EARTH_RADIUS)) - math.pi / 2)
    return lon, lat


def mercator_scale(lat: float) -> float:
    """Web Mercator metres per ground metre at a latitude (1/cos φ on the sphere)."""
    return 1.0 / math.cos(math.radians(lat))


def utm_to_mercator(points: Sequence[XY], crs: str = MEASURE_CRS) -> list[XY]:
    return transform_points(points, crs, WEB_MERCATOR)


def mercator_to_utm(points: Sequence[XY], crs: str = MEASURE_CRS) -> list[XY]:
    return transform_points(points, WEB_MERCATOR, crs)
