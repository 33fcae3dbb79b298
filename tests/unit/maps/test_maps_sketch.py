"""The sketch's GeoJSON round trip, snapping, rendering and the demo generator."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.domain.errors import DomainError
from app.maps.geometry import Leg, area_m2
from app.maps.projection import utm_to_lonlat
from app.maps.sketch import Building, Passage, Sketch
from app.maps.snapping import SnapOptions, snap

E, N = 539_060.0, 3_962_330.0


def sample() -> Sketch:
    return Sketch(
        parcel=((E, N), (E + 20.0, N + 0.3), (E + 19.8, N + 30.1), (E - 0.2, N + 29.9)),
        buildings=(Building(((E + 1, N + 12), (E + 19, N + 12), (E + 19, N + 29), (E + 1, N + 29)), floors=4),),
        passages=(Passage(((E - 10, N - 5), (E + 40, N - 4.5)), 10.0, "کوچهٔ یاس"),),
        pin=(E + 10.0, N + 15.0),
        legs=(Leg(20.0), Leg(29.8, 91.5, "left"), Leg(20.0), Leg(29.8)),
        inspector="مریم احمدی",
        drawn_at=datetime(2026, 11, 3, 8, 30, 12, 123456, tzinfo=UTC),
        deed_area_m2=612.5,
        case_ref="1-4-76-10-0-0-0",
    )


def test_geojson_round_trip_is_lossless() -> None:
    s = sample()
    text = s.to_geojson_text()
    assert Sketch.from_geojson(text) == s
    data = json.loads(text)
    assert data["properties"]["crs_of_measurement"] == "EPSG:32639"
    assert data["properties"]["inspector"] == "مریم احمدی"
    parcel = data["features"][0]
    assert parcel["geometry"]["type"] == "Polygon"
    ring = parcel["geometry"]["coordinates"][0]
    assert ring[0] == ring[-1]
    lon, lat = ring[0]
    assert 51 < lon < 52 and 35 < lat < 36  # RFC 7946: longitude first
    assert parcel["properties"]["area_m2"] == pytest.approx(area_m2([tuple(p) for p in ring]), abs=1e-3)
    assert parcel["properties"]["deed_check"]["flagged"] is False


def test_geojson_without_utm_properties_projects_lonlat() -> None:
    s = sample()
    data = s.to_geojson()
    for f in data["features"]:
        del f["properties"]["utm"]
    back = Sketch.from_geojson(data)
    assert back.area_m2 == pytest.approx(s.area_m2, rel=1e-9)
    assert back.pin == pytest.approx(s.pin)


def test_geojson_invalid() -> None:
    with pytest.raises(DomainError) as err:
        Sketch.from_geojson("{not json")
    assert err.value.code == "maps.sketch_invalid"
    with pytest.raises(DomainError):
        Sketch.from_geojson({"type": "Feature"})


def test_snapping_priorities() -> None:
    square = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)]
    segs = list(zip(square, square[1:] + square[:1], strict=True))
    assert snap((10.3, 0.2), vertices=square, segments=segs, tolerance=1).kind == "vertex"
    hit = snap((5.0, 0.4), vertices=square, segments=segs, tolerance=1)
    assert hit.kind == "edge" and hit.point == pytest.approx((5.0, 0.0))
    # Drawing from (20, 0) after (20, -10): the new side snaps perpendicular.
    ra = snap((25.0, 0.6), anchor=(20.0, 0.0), previous=(20.0, -10.0), tolerance=1)
    assert ra.kind == "right_angle" and ra.point == pytest.approx((25.0, 0.0))
    par = snap(
        (30.6, 14.0),
        anchor=(30.0, 0.0),
        reference_segments=[((0, 0), (0, 10))],
        tolerance=1,
        options=SnapOptions(right_angles=False),
    )
    assert par.kind == "parallel" and par.point == pytest.approx((30.0, 14.0))
    off = SnapOptions(vertices=False, edges=False, right_angles=False, parallels=False)
    assert not snap((10.3, 0.2), vertices=square, segments=segs, tolerance=1, options=off).snapped


def test_render_png_and_drawing(tmp_path: Path) -> None:
    from PIL import Image

    from app.maps.render import sketch_drawing, sketch_png

    data = sketch_png(sample(), size=(600, 500))
    img = Image.open(__import__("io").BytesIO(data))
    assert img.size == (600, 500)
    colours = img.convert("RGB").getcolors(1_000_000)
    assert colours is not None and len(colours) > 10
    drawing = sketch_drawing(sample(), 160, 120)
    from reportlab.graphics import renderPDF

    out = tmp_path / "s.pdf"
    renderPDF.drawToFile(drawing, str(out))
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    import unicodedata

    assert "۲۰" in unicodedata.normalize("NFKC", text)


def test_demo_generator_tiny(tmp_path: Path) -> None:
    out = tmp_path / "demo.mbtiles"
    parcels = tmp_path / "parcels.geojson"
    proc = subprocess.run(
        [sys.executable, "-m", "app.maps.cli", "demo-tiles", str(out), "--parcels", str(parcels), "--tiny"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "tiles" in proc.stdout
    from app.maps.mbtiles import MBTilesSource
    from app.maps.tiles import TileStatus, fetch_tile

    with MBTilesSource(out) as src:
        assert (src.min_zoom, src.max_zoom) == (17, 18)
        keys = src.keys()
        assert len(keys) == 5
        assert all(fetch_tile(src, k).status is TileStatus.OK for k in keys)
        west, south, east, north = src.bounds or (0, 0, 0, 0)
        assert 51.42 < west < east < 51.45 and 35.79 < south < north < 35.82
    data = json.loads(parcels.read_text(encoding="utf-8"))
    found = [f for f in data["features"] if f["properties"]["kind"] == "parcel"]
    assert len(found) > 20
    p = found[0]["properties"]
    assert p["renovation_code"].startswith("1-4-") and len(p["renovation_code"].split("-")) == 7
    ring = [tuple(c) for c in found[0]["geometry"]["coordinates"][0]]
    assert area_m2(ring) == pytest.approx(p["area_m2"], abs=0.01)
    # Deterministic: the same seed writes the same tiles.
    again = tmp_path / "again.mbtiles"
    from app.maps.demo_tiles import TINY, generate

    generate(again, None, TINY)
    with MBTilesSource(out) as a, MBTilesSource(again) as b:
        assert all(a.get_tile(*k) == b.get_tile(*k) for k in keys)
    assert utm_to_lonlat([(E, N)])  # the projection is usable after a subprocess run
