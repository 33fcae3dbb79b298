"""Generate the demo 1:2000 aerial set: an MBTiles of an orthophoto-like neighbourhood in District 1, and the
matching GeoJSON of parcels for the demo cases. Shipped code, nothing downloaded, deterministic for a seed.

How: the layout (``demo_layout``) is drawn with Pillow on one canvas at the base zoom (19, about 0.24 m per pixel,
the 1:2000 scale) covering one tile of the lowest zoom; lower zooms are box-filtered halvings of it, and zoom 20 is
drawn again at its own resolution for a small core around the centre only (a few blocks), which keeps the file and
the time small. Shadows fall to the north-west (a morning flight), trees and roofs get noise, everything a slight
blur, as a real orthophoto has.
"""

from __future__ import annotations

import io
import json
import logging
import math
import random
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageDraw, ImageFilter
from shapely.geometry import MultiPoint, Polygon

from app.maps.demo_layout import Layout, Pts, build_layout, rotate
from app.maps.geometry import planar_area
from app.maps.mbtiles import MBTilesWriter
from app.maps.projection import (
    MEASURE_CRS,
    WEB_MERCATOR,
    lonlat_to_mercator,
    mercator_scale,
    mercator_to_lonlat,
    transform_points,
    transformer,
    utm_to_lonlat,
)
from app.maps.tiles import ORIGIN_SHIFT, TILE_SIZE, TileKey, lonlat_to_tile, resolution, tile_bounds

log = logging.getLogger(__name__)

CENTRE_LONLAT = (51.4325, 35.8045)  # Zafaraniyeh, north of Tajrish
SHADOW_DIR = (-0.55, 0.38)  # ground metres of shadow per metre of height: towards the north-west


@dataclass(frozen=True)
class DemoConfig:
    min_zoom: int = 15
    max_zoom: int = 20
    core_tiles: int = 8  # the zoom-20 core is core_tiles × core_tiles tiles around the centre
    seed: int = 1401
    jpeg_quality: int = 80
    centre_lonlat: tuple[float, float] = CENTRE_LONLAT
    half_size_m: float = 620.0  # the layout's extent; the lowest zoom's tile must fit inside it
    name: str = "Demo orthophoto, Tehran District 1 (synthetic)"


TINY = DemoConfig(min_zoom=17, max_zoom=18, core_tiles=0, half_size_m=300.0)


@dataclass
class DemoResult:
    mbtiles: Path
    parcels: Path | None
    tiles: int
    bytes: int
    seconds: float
    centre_lonlat: tuple[float, float]
    parcel_count: int
    counts: dict[int, int] = field(default_factory=dict)


class _Projector:
    """Local layout metres → pixels of a canvas at zoom ``z`` whose top-left is XYZ tile (x0, y0)."""

    def __init__(self, origin_utm: tuple[float, float], rotation: float, z: int, x0: int, y0: int) -> None:
        self.origin = origin_utm
        self.rotation = rotation
        self.res = resolution(z)
        self.x0, self.y0 = x0 * TILE_SIZE, y0 * TILE_SIZE
        lat = utm_to_lonlat([origin_utm])[0][1]
        self.px_per_m = mercator_scale(lat) / self.res  # pixels per ground metre

    def many(self, rings: list[Pts]) -> list[list[tuple[float, float]]]:
        if not rings:
            return []
        flat = [p for r in rings for p in rotate(r, self.rotation)]
        arr = np.asarray(flat, dtype=float) + np.asarray(self.origin)
        mx, my = transformer(MEASURE_CRS, WEB_MERCATOR).transform(arr[:, 0], arr[:, 1])
        px = (np.asarray(mx) + ORIGIN_SHIFT) / self.res - self.x0
        py = (ORIGIN_SHIFT - np.asarray(my)) / self.res - self.y0
        out, i = [], 0
        for r in rings:
            out.append(list(zip(px[i : i + len(r)].tolist(), py[i : i + len(r)].tolist(), strict=True)))
            i += len(r)
        return out


def _shadow(ring: Pts, height: float) -> Pts:
    """The shadow a prism casts on the ground: hull of the footprint and its translate (exact for convex ones)."""
    dx, dy = SHADOW_DIR[0] * height, SHADOW_DIR[1] * height
    hull = MultiPoint([*ring, *[(x + dx, y + dy) for x, y in ring]]).convex_hull
    return [(float(x), float(y)) for x, y in list(hull.exterior.coords)[:-1]] if isinstance(hull, Polygon) else ring


def render_canvas(
    layout: Layout, origin_utm: tuple[float, float], z: int, x0: int, y0: int, w: int, h: int, seed: int
) -> Image.Image:
    """Draw the layout on a w×h tile canvas at zoom z, top-left tile (x0, y0)."""
    rng = random.Random(seed * 31 + z)
    proj = _Projector(origin_utm, layout.rotation_deg, z, x0, y0)
    size = (w * TILE_SIZE, h * TILE_SIZE)
    ppm = proj.px_per_m
    img = Image.new("RGB", size, (172, 158, 136))  # dry soil between everything
    draw = ImageDraw.Draw(img)
    shadow = Image.new("L", size, 0)
    sdraw = ImageDraw.Draw(shadow)

    # Parcels: ground cover first.
    grounds = {
        "paving": [(196, 188, 172), (186, 180, 170), (170, 164, 152)],
        "soil": [(164, 146, 118)],
        "garden": [(112, 128, 78)],
    }
    rings = proj.many([p.ring for p in layout.parcels])
    for parcel, ring in zip(layout.parcels, rings, strict=True):
        draw.polygon(ring, fill=rng.choice(grounds[parcel.ground]), outline=(150, 142, 130))
    pools = [p.pool for p in layout.parcels if p.pool]
    for ring in proj.many(pools):
        draw.polygon(ring, fill=(70, 160, 190), outline=(225, 225, 220), width=max(1, round(0.4 * ppm)))
    # Streets.
    colours = {"sidewalk": (158, 152, 144), "asphalt": (78, 78, 82), "median": (120, 126, 96)}
    for kind, geom in layout.street_areas:
        draw.polygon(proj.many([list(geom.exterior.coords)[:-1]])[0], fill=colours[kind])
    # Lane markings on the avenues: dashed white lines.
    for street in layout.streets:
        if street.width_m < 16:
            continue
        (ax, ay), (bx, by) = street.line
        length = math.hypot(bx - ax, by - ay)
        ux, uy = (bx - ax) / length, (by - ay) / length
        offsets = [-street.width_m / 4, street.width_m / 4] if street.width_m >= 30 else [0.0]
        dashes = []
        for off in offsets:
            t = 0.0
            while t < length:
                cx, cy = ax + ux * t - uy * off, ay + uy * t + ux * off
                dashes.append([(cx, cy), (cx + ux * 3, cy + uy * 3)])
                t += 9.0
        for d in proj.many(dashes):
            draw.line(d, fill=(225, 225, 215), width=max(1, round(0.15 * ppm)))
    # Shadows of buildings and trees, then roofs.
    buildings = [b for p in layout.parcels for b in p.buildings]
    for ring in proj.many([_shadow(b.footprint, b.floors * 3.2) for b in buildings]):
        sdraw.polygon(ring, fill=255)
    tree_shadows = [(x + SHADOW_DIR[0] * r * 2.2, y + SHADOW_DIR[1] * r * 2.2, r) for x, y, r in layout.trees]
    for ((px, py),), (_, _, r) in zip(proj.many([[(x, y)] for x, y, _ in tree_shadows]), tree_shadows, strict=True):
        pr = r * ppm
        sdraw.ellipse([px - pr, py - pr * 0.9, px + pr, py + pr * 0.9], fill=220)
    arr = np.asarray(img, dtype=np.float32)
    sh = np.asarray(shadow.filter(ImageFilter.GaussianBlur(max(0.6, 0.25 * ppm))), dtype=np.float32) / 255.0
    arr *= (1.0 - 0.52 * sh)[..., None]
    img = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(img)

    cars = layout.cars
    for ring, (_car, colour) in zip(proj.many([c[0] for c in cars]), cars, strict=True):
        draw.polygon(ring, fill=colour, outline=(30, 30, 30))

    foot_px = proj.many([b.footprint for b in buildings])
    parapet_w = max(1, round(0.45 * ppm))
    for b, ring in zip(buildings, foot_px, strict=True):
        r, g, bl = b.roof
        jitter = rng.randint(-8, 8)
        fill = (r + jitter, g + jitter, bl + jitter)
        draw.polygon(ring, fill=fill)
        if b.parapet:
            edge = tuple(max(0, c - 38) for c in fill) if rng.random() < 0.6 else tuple(min(255, c + 30) for c in fill)
            draw.polygon(ring, outline=edge, width=parapet_w)
    details = [(kind, ring) for b in buildings for kind, ring in b.details]
    det_px = proj.many([ring for _, ring in details])
    dshadow = proj.many([_shadow(ring, 2.4) for kind, ring in details if kind == "stair"])
    for ring in dshadow:
        draw.polygon(ring, fill=(96, 96, 96))
    detail_colours = {
        "stair": (150, 146, 140),
        "cooler": (200, 204, 206),
        "tank": (232, 232, 236),
        "solar": (40, 56, 92),
    }
    for (kind, _), ring in zip(details, det_px, strict=True):
        draw.polygon(ring, fill=detail_colours[kind], outline=(90, 90, 90))

    # Tree crowns: dark base, lighter sunlit side towards the south-east.
    centres = proj.many([[(x, y)] for x, y, _ in layout.trees])
    for (c,), (_, _, r) in zip(centres, layout.trees, strict=True):
        pr = r * ppm
        if pr < 0.6:
            continue
        g = rng.randint(-12, 12)
        draw.ellipse([c[0] - pr, c[1] - pr, c[0] + pr, c[1] + pr], fill=(52 + g, 78 + g, 40 + g))
        hr = pr * 0.6
        ox, oy = pr * 0.22, pr * 0.18
        draw.ellipse([c[0] + ox - hr, c[1] + oy - hr, c[0] + ox + hr, c[1] + oy + hr], fill=(80 + g, 108 + g, 56 + g))

    return _texture(img, seed * 7 + z, ppm)


def _texture(img: Image.Image, seed: int, ppm: float) -> Image.Image:
    """Grain, slow colour drift (uneven light across the flight) and a little blur."""
    nrng = np.random.default_rng(seed)
    w, h = img.size
    low = Image.fromarray(nrng.integers(0, 255, (max(2, h // 96), max(2, w // 96)), dtype=np.uint8)).resize(
        (w, h), Image.BICUBIC
    )
    low_arr = (np.asarray(low, dtype=np.float32) - 127.5) * (10.0 / 127.5)
    out = np.empty((h, w, 3), dtype=np.uint8)
    src = np.asarray(img, dtype=np.int16)
    step = 512
    for y in range(0, h, step):
        band = src[y : y + step].astype(np.float32)
        grain = nrng.normal(0.0, 5.0, band.shape[:2]).astype(np.float32)
        band += (grain + low_arr[y : y + step])[..., None]
        out[y : y + step] = band.clip(0, 255).astype(np.uint8)
    return Image.fromarray(out).filter(ImageFilter.GaussianBlur(0.55 if ppm > 3 else 0.4))


def _encode(tile: Image.Image, quality: int) -> bytes:
    buf = io.BytesIO()
    tile.save(buf, "JPEG", quality=quality, optimize=True)
    return buf.getvalue()


def _cut(img: Image.Image, z: int, x0: int, y0: int, quality: int) -> list[tuple[TileKey, bytes]]:
    out = []
    for ty in range(img.height // TILE_SIZE):
        for tx in range(img.width // TILE_SIZE):
            crop = img.crop((tx * TILE_SIZE, ty * TILE_SIZE, (tx + 1) * TILE_SIZE, (ty + 1) * TILE_SIZE))
            out.append((TileKey(z, x0 + tx, y0 + ty), _encode(crop, quality)))
    return out


def generate(
    mbtiles_path: str | Path, parcels_path: str | Path | None = None, config: DemoConfig | None = None
) -> DemoResult:
    """Write the demo MBTiles (and the parcels GeoJSON when ``parcels_path`` is given)."""
    cfg = config or DemoConfig()
    started = time.perf_counter()
    base_zoom = min(cfg.max_zoom, 19)
    if cfg.min_zoom > base_zoom:
        raise ValueError("min_zoom must not exceed the base zoom (19)")
    top = lonlat_to_tile(*cfg.centre_lonlat, cfg.min_zoom)
    span = 1 << (base_zoom - cfg.min_zoom)
    x0, y0 = top.x * span, top.y * span
    # The neighbourhood is centred on the lowest zoom's tile so that every zoom shows all of it.
    bx0, by0, bx1, by1 = tile_bounds(top)
    centre = mercator_to_lonlat((bx0 + bx1) / 2, (by0 + by1) / 2)
    origin_utm = transform_points([centre], "EPSG:4326", MEASURE_CRS)[0]
    layout = build_layout(cfg.seed, cfg.half_size_m)

    canvas = render_canvas(layout, origin_utm, base_zoom, x0, y0, span, span, cfg.seed)
    tiles: list[tuple[TileKey, bytes]] = _cut(canvas, base_zoom, x0, y0, cfg.jpeg_quality)
    img, z, zx, zy = canvas, base_zoom, x0, y0
    while z > cfg.min_zoom:
        img = img.reduce(2)
        z, zx, zy = z - 1, zx // 2, zy // 2
        tiles += _cut(img, z, zx, zy, cfg.jpeg_quality)
    del canvas, img
    if cfg.max_zoom >= 20 and cfg.core_tiles > 0:
        c = lonlat_to_tile(*centre, 20)
        cx0, cy0 = c.x - cfg.core_tiles // 2, c.y - cfg.core_tiles // 2
        core = render_canvas(layout, origin_utm, 20, cx0, cy0, cfg.core_tiles, cfg.core_tiles, cfg.seed)
        tiles += _cut(core, 20, cx0, cy0, cfg.jpeg_quality)

    west, south = mercator_to_lonlat(bx0, by0)
    east, north = mercator_to_lonlat(bx1, by1)
    metadata = {
        "name": cfg.name,
        "format": "jpg",
        "type": "baselayer",
        "version": "1.0",
        "description": "Synthetic orthophoto-like imagery for demos and tests; not a real survey.",
        "attribution": "ecity-counter demo (synthetic)",
        "minzoom": cfg.min_zoom,
        "maxzoom": cfg.max_zoom,
        "bounds": f"{west:.6f},{south:.6f},{east:.6f},{north:.6f}",
        "center": f"{centre[0]:.6f},{centre[1]:.6f},{min(cfg.max_zoom, 19)}",
        "crs_of_measurement": MEASURE_CRS,
    }
    path = Path(mbtiles_path)
    with MBTilesWriter(path, metadata) as writer:
        writer.put_many(tiles)
    counts: dict[int, int] = {}
    for key, _ in tiles:
        counts[key.z] = counts.get(key.z, 0) + 1
    parcels_out = None
    parcel_count = 0
    if parcels_path is not None:
        parcels_out = Path(parcels_path)
        parcel_count = write_parcels(layout, origin_utm, (west, south, east, north), parcels_out, cfg.seed)
    return DemoResult(
        path, parcels_out, len(tiles), path.stat().st_size, time.perf_counter() - started, centre, parcel_count, counts
    )


def parcels_geojson(
    layout: Layout, origin_utm: tuple[float, float], bounds: tuple[float, float, float, float], seed: int
) -> dict[str, Any]:
    """Parcels (with ids, renovation codes and deed areas) and streets (with widths) inside ``bounds``."""
    rng = random.Random(seed + 99)
    west, south, east, north = bounds

    def to_utm(points: Pts) -> list[tuple[float, float]]:
        return [(x + origin_utm[0], y + origin_utm[1]) for x, y in rotate(points, layout.rotation_deg)]

    features: list[dict[str, Any]] = []
    for p in layout.parcels:
        utm = to_utm(p.ring)
        lonlat = utm_to_lonlat(utm)
        if not all(west <= lon <= east and south <= lat <= north for lon, lat in lonlat):
            continue
        area = planar_area(utm)
        # Deeds are rounded to the 10 cm² like registry documents; a few disagree with the ground (old surveys).
        factor = rng.choice([1.0] * 12 + [0.99, 1.01, 1.02, 0.93, 1.08])
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Polygon", "coordinates": [[list(c) for c in [*lonlat, lonlat[0]]]]},
                "properties": {
                    "kind": "parcel",
                    "parcel_id": p.parcel_id,
                    "renovation_code": p.renovation_code,
                    "deed_area_m2": round(area * factor, 1),
                    "area_m2": round(area, 2),
                    "frontage": p.frontage,
                    "buildings": len(p.buildings),
                    "floors": max((b.floors for b in p.buildings), default=0),
                    "utm": [list(c) for c in utm],
                },
            }
        )
    for s in layout.streets:
        utm = to_utm(s.line)
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "LineString", "coordinates": [list(c) for c in utm_to_lonlat(utm)]},
                "properties": {"kind": "street", "name": s.name, "width_m": s.width_m},
            }
        )
    return {
        "type": "FeatureCollection",
        "properties": {"crs_of_measurement": MEASURE_CRS, "description": "Demo parcels (synthetic)"},
        "features": features,
    }


def write_parcels(
    layout: Layout, origin_utm: tuple[float, float], bounds: tuple[float, float, float, float], path: Path, seed: int
) -> int:
    data = parcels_geojson(layout, origin_utm, bounds, seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return sum(1 for f in data["features"] if f["properties"]["kind"] == "parcel")


def centre_mercator(config: DemoConfig | None = None) -> tuple[float, float]:
    cfg = config or DemoConfig()
    return lonlat_to_mercator(*cfg.centre_lonlat)


def _demo_frame(cfg: DemoConfig) -> tuple[Layout, tuple[float, float], tuple[float, float, float, float]]:
    """The layout, its UTM origin and its lon/lat bounds, exactly as ``generate`` places them."""
    top = lonlat_to_tile(*cfg.centre_lonlat, cfg.min_zoom)
    bx0, by0, bx1, by1 = tile_bounds(top)
    centre = mercator_to_lonlat((bx0 + bx1) / 2, (by0 + by1) / 2)
    origin_utm = transform_points([centre], "EPSG:4326", MEASURE_CRS)[0]
    west, south = mercator_to_lonlat(bx0, by0)
    east, north = mercator_to_lonlat(bx1, by1)
    return build_layout(cfg.seed, cfg.half_size_m), origin_utm, (west, south, east, north)


def demo_parcels(config: DemoConfig | None = None) -> dict[str, Any]:
    """The demo parcels GeoJSON as ``generate`` writes it, without rendering any tile (for demo cases)."""
    cfg = config or DemoConfig()
    layout, origin_utm, bounds = _demo_frame(cfg)
    return parcels_geojson(layout, origin_utm, bounds, cfg.seed)


SAMPLE_PATH = Path(__file__).with_name("demo_parcels_sample.json")
SAMPLE_KEYS = ("kind", "parcel_id", "renovation_code", "deed_area_m2", "area_m2", "frontage", "buildings", "floors")


def parcel_sample(count: int = 48, config: DemoConfig | None = None) -> dict[str, Any]:
    """The ``count`` built-on demo parcels nearest the centre (UTM to the millimetre): shipped as
    ``demo_parcels_sample.json`` so that demo data needs no layout build (about a second); a test keeps them equal."""
    cfg = config or DemoConfig()
    cx, cy = transform_points([cfg.centre_lonlat], "EPSG:4326", MEASURE_CRS)[0]
    layout, origin_utm, bounds = _demo_frame(cfg)
    feats = [
        f
        for f in parcels_geojson(layout, origin_utm, bounds, cfg.seed)["features"]
        if f["properties"]["kind"] == "parcel" and f["properties"]["buildings"]
    ]
    footprints = {p.parcel_id: p.buildings[0].footprint for p in layout.parcels if p.buildings}

    def distance(f: dict[str, Any]) -> float:
        utm = f["properties"]["utm"]
        return math.hypot(sum(p[0] for p in utm) / len(utm) - cx, sum(p[1] for p in utm) / len(utm) - cy)

    feats.sort(key=distance)
    out = []
    for f in feats[:count]:
        props = {k: f["properties"][k] for k in SAMPLE_KEYS}
        props["utm"] = [[round(x, 3), round(y, 3)] for x, y in f["properties"]["utm"]]
        building = rotate(footprints[props["parcel_id"]], layout.rotation_deg)
        props["building_utm"] = [[round(x + origin_utm[0], 3), round(y + origin_utm[1], 3)] for x, y in building]
        out.append({"type": "Feature", "geometry": None, "properties": props})
    return {
        "type": "FeatureCollection",
        "properties": {"description": "Demo parcels nearest the centre; written by app.maps.demo_tiles.parcel_sample"},
        "features": out,
    }


def load_parcel_sample() -> list[dict[str, Any]]:
    return list(json.loads(SAMPLE_PATH.read_text(encoding="utf-8"))["features"])
