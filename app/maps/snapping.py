"""Snapping for the sketch editor: to vertices, to edges, to right angles and to parallels, each switchable.

Pure geometry in the editor's plane (any conformal metric plane; the editor passes its scene coordinates and a
tolerance converted from pixels), so it is tested without Qt. Priority: vertex, then edge, then the angle locks;
within one kind the nearest wins.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from app.maps.projection import XY

Segment = tuple[XY, XY]


@dataclass
class SnapOptions:
    vertices: bool = True
    edges: bool = True
    right_angles: bool = True
    parallels: bool = True
    tolerance_px: float = 10.0

    @property
    def any(self) -> bool:
        return self.vertices or self.edges or self.right_angles or self.parallels


@dataclass(frozen=True)
class SnapResult:
    point: XY
    kind: str = "none"  # none | vertex | edge | right_angle | parallel

    @property
    def snapped(self) -> bool:
        return self.kind != "none"


def nearest_vertex(p: XY, vertices: np.ndarray, tolerance: float) -> int | None:
    if len(vertices) == 0:
        return None
    d2 = (vertices[:, 0] - p[0]) ** 2 + (vertices[:, 1] - p[1]) ** 2
    i = int(np.argmin(d2))
    return i if d2[i] <= tolerance * tolerance else None


def project_on_segments(p: XY, starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each segment: the parameter t in [0, 1], the projected point and the squared distance."""
    d = ends - starts
    len2 = (d**2).sum(axis=1)
    len2 = np.where(len2 == 0, 1e-30, len2)
    t = np.clip(((p[0] - starts[:, 0]) * d[:, 0] + (p[1] - starts[:, 1]) * d[:, 1]) / len2, 0.0, 1.0)
    proj = starts + d * t[:, None]
    dist2 = (proj[:, 0] - p[0]) ** 2 + (proj[:, 1] - p[1]) ** 2
    return t, proj, dist2


def _as_array(items: Sequence[object] | np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    if isinstance(items, np.ndarray):
        return items
    return np.asarray(items, dtype=float).reshape(shape)


def nearest_segment(p: XY, segments: Sequence[Segment] | np.ndarray, tolerance: float) -> tuple[int, float, XY] | None:
    """(index, t, point) of the nearest segment within ``tolerance``."""
    if len(segments) == 0:
        return None
    arr = _as_array(segments, (-1, 2, 2))
    t, proj, dist2 = project_on_segments(p, arr[:, 0], arr[:, 1])
    i = int(np.argmin(dist2))
    if dist2[i] > tolerance * tolerance:
        return None
    return i, float(t[i]), (float(proj[i, 0]), float(proj[i, 1]))


def _unit(dx: float, dy: float) -> XY | None:
    n = math.hypot(dx, dy)
    return None if n == 0 else (dx / n, dy / n)


def snap(
    p: XY,
    *,
    vertices: Sequence[XY] | np.ndarray = (),
    segments: Sequence[Segment] | np.ndarray = (),
    anchor: XY | None = None,
    previous: XY | None = None,
    reference_segments: Sequence[Segment] | np.ndarray = (),
    tolerance: float,
    options: SnapOptions | None = None,
) -> SnapResult:
    """Snap ``p``.

    ``anchor`` is the point the new side starts from and ``previous`` the point before it: the right-angle lock keeps
    the new side perpendicular (or straight on) to ``previous → anchor``; the parallel lock keeps it parallel to one of
    ``reference_segments``.
    """
    opts = options or SnapOptions()
    if opts.vertices and len(vertices):
        varr = _as_array(vertices, (-1, 2))
        i = nearest_vertex(p, varr, tolerance)
        if i is not None:
            return SnapResult((float(varr[i, 0]), float(varr[i, 1])), "vertex")
    if opts.edges and len(segments):
        hit = nearest_segment(p, segments, tolerance)
        if hit is not None:
            return SnapResult(hit[2], "edge")
    if anchor is None:
        return SnapResult(p)
    best: tuple[float, XY, str] | None = None
    vx, vy = p[0] - anchor[0], p[1] - anchor[1]
    if opts.right_angles and previous is not None:
        u = _unit(anchor[0] - previous[0], anchor[1] - previous[1])
        if u is not None:
            for ux, uy in ((-u[1], u[0]), u):
                t = vx * ux + vy * uy
                q = (anchor[0] + t * ux, anchor[1] + t * uy)
                dist = math.hypot(p[0] - q[0], p[1] - q[1])
                if dist <= tolerance and (best is None or dist < best[0]):
                    best = (dist, q, "right_angle")
    if opts.parallels and len(reference_segments):
        # Vectorised over all reference sides: distance from p to the line through the anchor along each side.
        ref = _as_array(reference_segments, (-1, 2, 2))
        d = ref[:, 1] - ref[:, 0]
        norm = np.hypot(d[:, 0], d[:, 1])
        ok = norm > 0
        if ok.any():
            u = d[ok] / norm[ok, None]
            t = vx * u[:, 0] + vy * u[:, 1]
            dist = np.abs(vx * u[:, 1] - vy * u[:, 0])
            j = int(np.argmin(dist))
            if dist[j] <= tolerance and (best is None or dist[j] < best[0]):
                best = (float(dist[j]), (anchor[0] + t[j] * u[j, 0], anchor[1] + t[j] * u[j, 1]), "parallel")
    if best is not None:
        return SnapResult(best[1], best[2])
    return SnapResult(p)
