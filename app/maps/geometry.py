"""Sketch geometry: areas and lengths in UTM metres, and the traverse from tape-measured sides.

Public entry points that take WGS 84 (longitude, latitude) rings project them to the measurement CRS (UTM zone 39N
by default) and measure there. The ``planar_*`` functions take points that are already in metres.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from app.maps.projection import MEASURE_CRS, XY, lonlat_to_utm

Turn = Literal["left", "right", "angle"]


def _open_ring(points: Sequence[XY]) -> list[XY]:
    """Drop a repeated closing point: rings are stored open."""
    pts = [(float(x), float(y)) for x, y in points]
    if len(pts) > 1 and pts[0] == pts[-1]:
        pts.pop()
    return pts


# ---- planar (metres) ------------------------------------------------------------------------------------------------
def planar_signed_area(ring: Sequence[XY]) -> float:
    """Shoelace area; positive when the ring runs counter-clockwise. Centred first to keep precision at UTM sizes."""
    pts = _open_ring(ring)
    if len(pts) < 3:
        return 0.0
    arr = np.asarray(pts, dtype=float)
    arr = arr - arr.mean(axis=0)
    x, y = arr[:, 0], arr[:, 1]
    return float(0.5 * (np.dot(x, np.roll(y, -1)) - np.dot(np.roll(x, -1), y)))


def planar_area(ring: Sequence[XY]) -> float:
    return abs(planar_signed_area(ring))


def planar_side_lengths(ring: Sequence[XY], closed: bool = True) -> list[float]:
    """Length of each side; for a closed ring the last side runs from the last point back to the first."""
    pts = _open_ring(ring) if closed else [(float(x), float(y)) for x, y in ring]
    if len(pts) < 2:
        return []
    arr = np.asarray(pts, dtype=float)
    nxt = np.roll(arr, -1, axis=0) if closed else arr[1:]
    cur = arr if closed else arr[:-1]
    return [float(v) for v in np.hypot(nxt[:, 0] - cur[:, 0], nxt[:, 1] - cur[:, 1])]


def planar_perimeter(ring: Sequence[XY]) -> float:
    return float(sum(planar_side_lengths(ring)))


def corner_angles_deg(ring: Sequence[XY]) -> list[float]:
    """Interior angle at each vertex of a simple ring (degrees, 0–360), whatever the ring's orientation."""
    pts = _open_ring(ring)
    n = len(pts)
    if n < 3:
        return []
    ccw = planar_signed_area(pts) > 0
    out = []
    for i in range(n):
        px, py = pts[i - 1]
        cx, cy = pts[i]
        nx, ny = pts[(i + 1) % n]
        a_in = math.atan2(cy - py, cx - px)
        a_out = math.atan2(ny - cy, nx - cx)
        turn = math.degrees(a_out - a_in)
        turn = (turn + 180.0) % 360.0 - 180.0  # left turn positive
        out.append(180.0 - turn if ccw else 180.0 + turn)
    return out


# ---- WGS 84 rings, measured in UTM ----------------------------------------------------------------------------------
def area_m2(ring: list[tuple[float, float]], crs: str = MEASURE_CRS) -> float:
    """Area in square metres of a ring of (longitude, latitude) pairs in WGS 84, measured in ``crs`` (UTM 39N)."""
    return planar_area(lonlat_to_utm(_open_ring(ring), crs))


def perimeter_m(ring: list[tuple[float, float]], crs: str = MEASURE_CRS) -> float:
    return planar_perimeter(lonlat_to_utm(_open_ring(ring), crs))


def side_lengths_m(ring: list[tuple[float, float]], crs: str = MEASURE_CRS) -> list[float]:
    return planar_side_lengths(lonlat_to_utm(_open_ring(ring), crs))


# ---- traverse from measured sides -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Leg:
    """One side as measured on site.

    ``turn`` is how the walk turns at the start of this side: ``"right"`` or ``"left"`` by the corner angle
    ``angle_deg`` (the angle between the previous side and this one, as measured with a protractor or the 3-4-5 tape
    rule; ``None`` means a right angle, the usual surveyor convention when no angle was measured). With
    ``turn="angle"``, ``angle_deg`` is instead this side's bearing, clockwise from grid north.
    The first leg's ``turn`` is ignored unless it is ``"angle"``: its direction comes from the traverse's
    ``initial_bearing_deg``.
    """

    length_m: float
    angle_deg: float | None = None
    turn: Turn = "right"

    def to_json(self) -> dict[str, object]:
        return {"length_m": self.length_m, "angle_deg": self.angle_deg, "turn": self.turn}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Leg:
        angle = data.get("angle_deg")
        turn = str(data.get("turn", "right"))
        if turn not in ("left", "right", "angle"):
            raise ValueError(f"unknown turn {turn!r}")
        return cls(float(data["length_m"]), None if angle is None else float(angle), turn)  # type: ignore[arg-type]


def bearing_deg(a: XY, b: XY) -> float:
    """Grid bearing from ``a`` to ``b``: clockwise from north (the +y axis), 0–360."""
    return math.degrees(math.atan2(b[0] - a[0], b[1] - a[1])) % 360.0


def traverse(start_xy: XY, legs: Sequence[Leg], initial_bearing_deg: float = 90.0) -> tuple[list[XY], float]:
    """Walk the measured sides from ``start_xy`` (metres).

    Returns the polygon's points (the start and each computed corner, without the final point) and the closure
    error: the distance from where the last side ends to the start point.
    """
    x, y = float(start_xy[0]), float(start_xy[1])
    points: list[XY] = [(x, y)]
    bearing = float(initial_bearing_deg)
    for i, leg in enumerate(legs):
        if leg.length_m < 0 or not math.isfinite(leg.length_m):
            raise ValueError(f"leg {i}: length must be a finite non-negative number")
        if leg.turn == "angle":
            if leg.angle_deg is None:
                raise ValueError(f"leg {i}: a bearing leg needs angle_deg")
            bearing = float(leg.angle_deg)
        elif i > 0:
            corner = 90.0 if leg.angle_deg is None else float(leg.angle_deg)
            deflection = 180.0 - corner
            bearing += deflection if leg.turn == "right" else -deflection
        bearing %= 360.0
        rad = math.radians(bearing)
        x += leg.length_m * math.sin(rad)
        y += leg.length_m * math.cos(rad)
        points.append((x, y))
    end = points.pop() if len(points) > 1 else points[0]
    closure = math.hypot(end[0] - start_xy[0], end[1] - start_xy[1])
    return points, closure


def legs_from_ring(ring: Sequence[XY]) -> list[Leg]:
    """The legs that redraw ``ring`` exactly (lengths, turns and corner angles from the drawing)."""
    pts = _open_ring(ring)
    n = len(pts)
    legs: list[Leg] = []
    for i in range(n):
        a, b = pts[i], pts[(i + 1) % n]
        length = math.hypot(b[0] - a[0], b[1] - a[1])
        if i == 0:
            legs.append(Leg(length, None, "right"))
            continue
        prev = pts[i - 1]
        turn = (bearing_deg(a, b) - bearing_deg(prev, a) + 180.0) % 360.0 - 180.0  # right turn positive
        legs.append(Leg(length, 180.0 - abs(turn), "right" if turn >= 0 else "left"))
    return legs


def bowditch_adjust(points: Sequence[XY], closure_vector: XY) -> list[XY]:
    """Distribute a misclosure over the corners in proportion to the distance walked (the compass rule).

    ``closure_vector`` is (end − start) of the unadjusted traverse; the adjusted polygon closes exactly.
    """
    pts = list(points)
    if len(pts) < 2:
        return pts
    lengths = planar_side_lengths(pts, closed=True)
    total = sum(lengths)
    if total == 0:
        return pts
    out = [pts[0]]
    walked = 0.0
    for i in range(1, len(pts)):
        walked += lengths[i - 1]
        f = walked / total
        out.append((pts[i][0] - closure_vector[0] * f, pts[i][1] - closure_vector[1] * f))
    return out


# ---- deed comparison ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class AreaCheck:
    area_m2: float
    deed_area_m2: float
    tolerance: float
    difference_m2: float
    ratio: float  # |difference| / deed area

    @property
    def within_tolerance(self) -> bool:
        return self.ratio <= self.tolerance

    @property
    def flagged(self) -> bool:
        return not self.within_tolerance


def compare_with_deed(area: float, deed_area: float, tolerance: float = 0.05) -> AreaCheck:
    """Compare a measured area with the deed's; flagged when the relative difference exceeds ``tolerance``."""
    if deed_area <= 0:
        raise ValueError("deed area must be positive")
    if tolerance < 0:
        raise ValueError("tolerance must not be negative")
    diff = area - deed_area
    return AreaCheck(area, deed_area, tolerance, diff, abs(diff) / deed_area)
