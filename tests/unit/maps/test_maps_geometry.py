"""Areas and lengths through the public WGS 84 functions agree with shapely on pyproj-projected coordinates."""

from __future__ import annotations

import itertools
import math

import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from pyproj import Transformer
from shapely.geometry import LineString, Polygon

from app.maps.geometry import (
    Leg,
    area_m2,
    bowditch_adjust,
    compare_with_deed,
    corner_angles_deg,
    legs_from_ring,
    perimeter_m,
    planar_area,
    planar_signed_area,
    side_lengths_m,
    traverse,
)
from app.maps.projection import lonlat_to_utm, utm_to_lonlat

# An independent transformer: the reference must not share our cached one.
REFERENCE = Transformer.from_crs("EPSG:4326", "EPSG:32639", always_xy=True)


@st.composite
def tehran_polygons(draw: st.DrawFn) -> list[tuple[float, float]]:
    """Star-shaped (hence simple) polygons of 3–14 vertices, 2 m to 800 m across, around Tehran."""
    lon0 = draw(st.floats(51.10, 51.65))
    lat0 = draw(st.floats(35.55, 35.83))
    n = draw(st.integers(3, 14))
    cuts = sorted(draw(st.lists(st.floats(0.0, 1.0), min_size=n, max_size=n, unique=True)))
    angles = [c * 2 * math.pi for c in cuts]
    # Radially ordered vertices make a simple polygon when the centre is inside: no gap of π or more, none tiny.
    gaps = [b - a for a, b in itertools.pairwise(angles)] + [angles[0] + 2 * math.pi - angles[-1]]
    if min(gaps) < 0.05 or max(gaps) > 0.9 * math.pi:
        angles = [i * 2 * math.pi / n for i in range(n)]
    scale = draw(st.floats(2.0, 800.0))
    radii = draw(st.lists(st.floats(0.3, 1.0), min_size=n, max_size=n))
    m_per_deg_lat = 110_950.0
    m_per_deg_lon = 111_320.0 * math.cos(math.radians(lat0))
    return [
        (lon0 + r * scale * math.cos(a) / m_per_deg_lon, lat0 + r * scale * math.sin(a) / m_per_deg_lat)
        for a, r in zip(angles, radii, strict=True)
    ]


def flat(points: list[tuple[float, float]]) -> list[float]:
    return [v for p in points for v in p]


def _reference_xy(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    xs, ys = REFERENCE.transform([p[0] for p in ring], [p[1] for p in ring])
    return list(zip(xs, ys, strict=True))


@settings(max_examples=200, deadline=None)
@given(tehran_polygons())
def test_area_and_lengths_agree_with_shapely(ring: list[tuple[float, float]]) -> None:
    xy = _reference_xy(ring)
    poly = Polygon(xy)
    assert poly.is_valid
    assert area_m2(ring) == pytest.approx(poly.area, rel=1e-4)
    assert perimeter_m(ring) == pytest.approx(poly.length, rel=1e-4)
    sides = side_lengths_m(ring)
    expected = [LineString([xy[i], xy[(i + 1) % len(xy)]]).length for i in range(len(xy))]
    assert sides == pytest.approx(expected, rel=1e-4)


def test_closed_ring_input_is_accepted() -> None:
    ring = [(51.43, 35.80), (51.431, 35.80), (51.431, 35.801), (51.43, 35.80)]
    assert area_m2(ring) == pytest.approx(area_m2(ring[:-1]))
    assert len(side_lengths_m(ring)) == 3


def test_known_square_in_utm() -> None:
    e, n = 537_000.0, 3_961_000.0
    square = [(e, n), (e + 20, n), (e + 20, n + 30), (e, n + 30)]
    ring = utm_to_lonlat(square)
    assert area_m2(ring) == pytest.approx(600.0, abs=1e-6)
    assert perimeter_m(ring) == pytest.approx(100.0, abs=1e-6)


def test_web_mercator_would_be_far_too_large() -> None:
    """The reason we measure in UTM: Web Mercator inflates areas by about 1/cos²(35.8°) ≈ 1.52 in Tehran."""
    ring = utm_to_lonlat(
        [(537_000.0, 3_961_000.0), (537_100.0, 3_961_000.0), (537_100.0, 3_961_100.0), (537_000.0, 3_961_100.0)]
    )
    merc = Transformer.from_crs("EPSG:4326", "EPSG:3857", always_xy=True)
    xs, ys = merc.transform([p[0] for p in ring], [p[1] for p in ring])
    assert shapely.area(Polygon(list(zip(xs, ys, strict=True)))) / area_m2(ring) == pytest.approx(1.52, abs=0.02)


def test_traverse_rectangle_closes() -> None:
    pts, closure = traverse((0.0, 0.0), [Leg(20), Leg(30), Leg(20), Leg(30)], initial_bearing_deg=90.0)
    assert closure == pytest.approx(0.0, abs=1e-9)
    assert flat(pts) == pytest.approx(flat([(0, 0), (20, 0), (20, -30), (0, -30)]), abs=1e-9)
    assert planar_area(pts) == pytest.approx(600.0)


def test_traverse_mistyped_side_shows_closure_error() -> None:
    _, closure = traverse((0.0, 0.0), [Leg(20), Leg(30), Leg(20), Leg(29.5)])
    assert closure == pytest.approx(0.5)


def test_traverse_left_turns_and_angles() -> None:
    # An equilateral triangle walked with left turns of 120° (corner angle 60°).
    pts, closure = traverse((0.0, 0.0), [Leg(10), Leg(10, 60, "left"), Leg(10, 60, "left")], initial_bearing_deg=90)
    assert closure == pytest.approx(0.0, abs=1e-9)
    assert pts[2] == pytest.approx((5.0, 5 * math.sqrt(3)))
    assert planar_signed_area(pts) > 0  # counter-clockwise


def test_traverse_bearing_leg() -> None:
    pts, _ = traverse((0.0, 0.0), [Leg(10, 0.0, "angle"), Leg(10, 90.0, "angle")])
    assert flat(pts) == pytest.approx([0, 0, 0, 10])


def test_traverse_rejects_bad_length() -> None:
    with pytest.raises(ValueError):
        traverse((0.0, 0.0), [Leg(-1)])


@settings(max_examples=50, deadline=None)
@given(tehran_polygons())
def test_legs_from_ring_redraw_the_ring(ring: list[tuple[float, float]]) -> None:
    xy = lonlat_to_utm(ring)
    from app.maps.geometry import bearing_deg

    pts, closure = traverse(xy[0], legs_from_ring(xy), bearing_deg(xy[0], xy[1]))
    assert closure == pytest.approx(0.0, abs=1e-6)
    assert flat(pts) == pytest.approx(flat(xy), abs=1e-6)


def test_corner_angles() -> None:
    l_shape = [(0, 0), (20, 0), (20, 10), (10, 10), (10, 20), (0, 20)]
    assert corner_angles_deg(l_shape) == pytest.approx([90, 90, 90, 270, 90, 90])
    assert corner_angles_deg(list(reversed(l_shape))) == pytest.approx([90, 90, 270, 90, 90, 90])


def test_bowditch_adjustment_closes() -> None:
    pts, closure = traverse((0.0, 0.0), [Leg(20), Leg(30), Leg(20), Leg(29)])
    end = (pts[-1][0] + 29 * math.sin(math.radians(0)), pts[-1][1] + 29)  # last leg runs north
    adjusted = bowditch_adjust(pts, (end[0] - 0.0, end[1] - 0.0))
    assert closure == pytest.approx(1.0)
    assert adjusted[0] == (0.0, 0.0)
    assert planar_area(adjusted) == pytest.approx(600.0, rel=0.05)


def test_compare_with_deed() -> None:
    ok = compare_with_deed(610.0, 600.0)
    assert ok.within_tolerance and not ok.flagged
    assert ok.ratio == pytest.approx(10 / 600)
    bad = compare_with_deed(640.0, 600.0)
    assert bad.flagged
    assert not compare_with_deed(640.0, 600.0, tolerance=0.1).flagged
    with pytest.raises(ValueError):
        compare_with_deed(10.0, 0.0)
