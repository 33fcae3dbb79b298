"""The demo neighbourhood as vector data: streets with their widths, blocks, parcels, buildings, trees and cars.

A fictional but believable piece of Tehran's District 1 (north of Tajrish, Zafaraniyeh-like): a wide avenue running
north–south with a tree-lined median, secondary streets, east–west alleys (کوچه) of 8–12 m, blocks cut into two rows
of parcels, buildings on the northern part of each parcel with the yard to the south (the "60% rule" of Tehran's
detailed plan), a few old garden villas with pools, and plane trees along the gutters. Coordinates are local metres
(x east, y north) around an origin, rotated a little so that streets are not aligned with the tile grid.
Deterministic: everything comes from one seeded ``random.Random``.
"""

from __future__ import annotations

import itertools
import math
import random
from dataclasses import dataclass, field

from shapely.geometry import Polygon, box
from shapely.geometry.base import BaseGeometry

Pts = list[tuple[float, float]]

ROOF_COLOURS = [
    (188, 188, 182),  # isogam, silver
    (176, 176, 171),
    (205, 200, 190),
    (200, 184, 158),  # beige mosaic
    (214, 210, 200),
    (120, 118, 115),  # dark bitumen
    (168, 96, 72),  # terracotta
    (226, 224, 216),  # white membrane
    (150, 146, 138),
]
CAR_COLOURS = [(235, 235, 235)] * 5 + [(190, 192, 196)] * 3 + [(40, 40, 44)] * 2 + [(225, 190, 40), (150, 30, 30)]
ALLEY_NAMES = ["یاس", "نارون", "اقاقیا", "لاله", "سرو", "چنار", "شقایق", "نسترن", "ارغوان", "بنفشه", "سپیدار", "مریم"]


@dataclass
class Street:
    name: str
    line: Pts
    width_m: float


@dataclass
class Building:
    footprint: Pts
    floors: int
    roof: tuple[int, int, int]
    parapet: bool
    details: list[tuple[str, Pts]] = field(default_factory=list)  # ("stair" | "cooler" | "tank" | "solar", ring)


@dataclass
class Parcel:
    parcel_id: str
    renovation_code: str
    ring: Pts
    block: int
    number: int
    frontage: str  # the street the parcel opens on
    ground: str  # paving | soil | garden
    buildings: list[Building] = field(default_factory=list)
    pool: Pts | None = None


@dataclass
class Layout:
    streets: list[Street]
    street_areas: list[tuple[str, BaseGeometry]]  # ("asphalt" | "sidewalk" | "median", polygon)
    parcels: list[Parcel]
    trees: list[tuple[float, float, float]]  # x, y, crown radius
    cars: list[tuple[Pts, tuple[int, int, int]]]
    rotation_deg: float


def _rect(x0: float, y0: float, x1: float, y1: float) -> Pts:
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def _coords(geom: BaseGeometry) -> Pts:
    return [(float(x), float(y)) for x, y in list(geom.exterior.coords)[:-1]]  # type: ignore[attr-defined]


def build_layout(seed: int = 1401, half_size_m: float = 620.0) -> Layout:
    rng = random.Random(seed)
    streets: list[Street] = []
    areas: list[tuple[str, BaseGeometry]] = []
    trees: list[tuple[float, float, float]] = []
    cars: list[tuple[Pts, tuple[int, int, int]]] = []
    h = half_size_m

    # North–south streets: the avenue at x=0 and secondary streets every ~250 m.
    ns = [(0.0, 34.0, "خیابان ولیعصر")]
    for k in (-2, -1, 1, 2):
        ns.append(
            (
                k * 250.0 + rng.uniform(-12, 12),
                16.0 if abs(k) == 1 else 12.0,
                f"خیابان {['شهید فیاضی', 'مقدس اردبیلی', 'زعفرانیه', 'اسفندیار'][k + 2 if k < 0 else k + 1]}",
            )
        )
    ns.sort()
    # East–west alleys every ~68 m, one wider street through the middle.
    ew: list[tuple[float, float, str]] = []
    y = -h
    i = 0
    while y < h:
        width = 20.0 if abs(y) < 34 else rng.choice([8.0, 8.0, 10.0, 12.0])
        name = "خیابان عارف" if width == 20.0 else f"کوچهٔ {ALLEY_NAMES[i % len(ALLEY_NAMES)]}"
        ew.append((y, width, name))
        y += rng.uniform(62, 74)
        i += 1

    for x, w, name in ns:
        streets.append(Street(name, [(x, -h), (x, h)], w))
        walk = 3.5 if w >= 16 else 2.0
        areas.append(("sidewalk", box(x - w / 2, -h, x + w / 2, h)))
        areas.append(("asphalt", box(x - w / 2 + walk, -h, x + w / 2 - walk, h)))
        if w >= 30:
            areas.append(("median", box(x - 2.0, -h, x + 2.0, h)))
            trees += [(x + rng.uniform(-0.5, 0.5), yy, rng.uniform(2.8, 4.2)) for yy in _steps(rng, -h, h, 7, 10)]
        for side in (-1, 1):
            tx = x + side * (w / 2 - walk + 0.6)
            trees += [(tx, yy, rng.uniform(2.5, 4.0)) for yy in _steps(rng, -h, h, 6, 11) if rng.random() < 0.85]
    for y0, w, name in ew:
        streets.append(Street(name, [(-h, y0), (h, y0)], w))
        walk = 1.5 if w < 20 else 3.0
        areas.append(("sidewalk", box(-h, y0 - w / 2, h, y0 + w / 2)))
        areas.append(("asphalt", box(-h, y0 - w / 2 + walk, h, y0 + w / 2 - walk)))
        for side in (-1, 1):
            ty = y0 + side * (w / 2 - walk + 0.4)
            trees += [(xx, ty, rng.uniform(2.0, 3.4)) for xx in _steps(rng, -h, h, 7, 13) if rng.random() < 0.6]
        # Parked cars along the kerbs.
        for side in (-1, 1):
            cy = y0 + side * (w / 2 - walk - 1.2)
            for cx in _steps(rng, -h, h, 5.5, 14):
                if rng.random() < 0.45:
                    cars.append((_rect(cx - 2.2, cy - 0.9, cx + 2.2, cy + 0.9), rng.choice(CAR_COLOURS)))
    for x, w, _ in ns:  # traffic on the avenues
        for lane in (-1, 1):
            cx = x + lane * (w / 4 if w >= 30 else w / 2 - 4)
            for cy in _steps(rng, -h, h, 9, 40):
                if rng.random() < 0.5:
                    cars.append((_rect(cx - 0.9, cy - 2.2, cx + 0.9, cy + 2.2), rng.choice(CAR_COLOURS)))

    parcels: list[Parcel] = []
    block_no = 60
    for (xa, wa, _na), (xb, wb, _nb) in itertools.pairwise(ns):
        for (ya, wya, _), (yb, wyb, nyb) in itertools.pairwise(ew):
            block_no += 1
            bx0, bx1 = xa + wa / 2, xb - wb / 2
            by0, by1 = ya + wya / 2, yb - wyb / 2
            parcels += _block_parcels(
                rng, block_no, bx0, by0, bx1, by1, south_name=ew[ew.index((ya, wya, _))][2], north_name=nyb
            )
    # Trees in the yards and gardens.
    for p in parcels:
        poly = Polygon(p.ring)
        built = [Polygon(b.footprint) for b in p.buildings]
        count = {"garden": 14, "paving": 1, "soil": 0}[p.ground]
        minx, miny, maxx, maxy = poly.bounds
        for _ in range(count * 3):
            if count <= 0:
                break
            tx, ty = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
            r = rng.uniform(1.8, 4.5) if p.ground == "garden" else rng.uniform(1.5, 2.6)
            pt = Polygon([(tx - 1, ty - 1), (tx + 1, ty - 1), (tx + 1, ty + 1), (tx - 1, ty + 1)])
            if poly.contains(pt) and not any(b.intersects(pt.buffer(r * 0.5)) for b in built):
                trees.append((tx, ty, r))
                count -= 1
    return Layout(streets, areas, parcels, trees, cars, rotation_deg=-9.0)


def _steps(rng: random.Random, a: float, b: float, lo: float, hi: float) -> list[float]:
    out = []
    v = a + rng.uniform(0, hi)
    while v < b:
        out.append(v)
        v += rng.uniform(lo, hi)
    return out


def _block_parcels(
    rng: random.Random, block: int, x0: float, y0: float, x1: float, y1: float, south_name: str, north_name: str
) -> list[Parcel]:
    """Two rows of parcels back to back; the north row opens on the north alley, the south row on the south one."""
    out: list[Parcel] = []
    mid = (y0 + y1) / 2 + rng.uniform(-3, 3)
    number = 0
    for row, (ry0, ry1, street) in enumerate(((y0, mid, south_name), (mid, y1, north_name))):
        x = x0
        while x < x1 - 6:
            width = rng.choice([10.0, 12.0, 12.0, 14.0, 15.0, 18.0, 20.0]) + rng.uniform(-0.6, 0.6)
            villa = rng.random() < 0.06
            if villa:
                width = rng.uniform(32, 48)
            if x1 - (x + width) < 9:
                width = x1 - x
            # Parcel sides are rarely square: skew the party walls a little.
            skew_a = rng.uniform(-0.6, 0.6) if x > x0 else 0.0
            skew_b = rng.uniform(-0.6, 0.6) if x + width < x1 else 0.0
            ring = [(x - skew_a, ry0), (x + width - skew_b, ry0), (x + width + skew_b, ry1), (x + skew_a, ry1)]
            number += 1
            ground = (
                "garden"
                if villa
                else rng.choice(["paving", "paving", "paving", "soil"] if rng.random() < 0.1 else ["paving"])
            )
            parcel = Parcel(
                parcel_id=f"{block}-{number}",
                renovation_code=f"1-4-{block}-{number}-0-0-0",
                ring=ring,
                block=block,
                number=number,
                frontage=street,
                ground=ground,
            )
            if ground == "soil" and rng.random() < 0.7:
                pass  # an empty lot
            else:
                parcel.buildings = _buildings_for(rng, ring, ry0, ry1, villa, row)
            if villa and rng.random() < 0.8:
                cx = x + width / 2 + rng.uniform(-4, 4)
                cy = ry0 + (ry1 - ry0) * 0.25
                parcel.pool = _rect(cx - 4, cy - 2.5, cx + 4, cy + 2.5)
            out.append(parcel)
            x += width
    return out


def _buildings_for(rng: random.Random, ring: Pts, ry0: float, ry1: float, villa: bool, row: int) -> list[Building]:
    poly = Polygon(ring)
    depth = ry1 - ry0
    if villa:
        minx, _, maxx, _ = poly.bounds
        cx = (minx + maxx) / 2 + rng.uniform(-5, 5)
        w, d = rng.uniform(14, 20), rng.uniform(11, 15)
        top = ry1 - rng.uniform(4, 8)
        fp = Polygon(_rect(cx - w / 2, top - d, cx + w / 2, top)).intersection(poly)
        floors = rng.choice([2, 2, 3])
    else:
        built_depth = depth * 0.6 + 2.0 + rng.uniform(-1.5, 1.0)
        top = ry1
        fp = poly.intersection(box(-1e4, top - built_depth, 1e4, top))
        fp = fp.buffer(-0.15, join_style="mitre")
        floors = rng.choice([3, 4, 4, 5, 5, 5, 6, 7, 8])
    if fp.is_empty or fp.geom_type != "Polygon":
        return []
    pts = _coords(fp)
    b = Building(pts, floors, rng.choice(ROOF_COLOURS), parapet=rng.random() < 0.65)
    minx, miny, maxx, maxy = fp.bounds
    # Stair-house (خرپشته) near the middle, coolers and tanks on the roof.
    if floors >= 3:
        sx = rng.uniform(minx + 3, max(minx + 3.5, maxx - 6))
        sy = rng.uniform(miny + 3, max(miny + 3.5, maxy - 7))
        b.details.append(("stair", _rect(sx, sy, sx + 3.0, sy + 4.2)))
    for _ in range(rng.randint(1, 4)):
        cx, cy = rng.uniform(minx + 1, maxx - 1.5), rng.uniform(miny + 1, maxy - 1.5)
        kind = rng.choice(["cooler", "cooler", "tank", "solar"])
        size = {"cooler": (1.1, 1.1), "tank": (1.0, 1.0), "solar": (2.0, 1.2)}[kind]
        b.details.append((kind, _rect(cx, cy, cx + size[0], cy + size[1])))
    return [b]


def rotate(points: Pts, degrees: float) -> Pts:
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return [(x * c - y * s, x * s + y * c) for x, y in points]
