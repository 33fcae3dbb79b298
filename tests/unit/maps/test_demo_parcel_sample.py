"""The shipped parcel sample (used by the demo's sketches) is exactly what the demo layout gives."""

from __future__ import annotations

import json

from app.maps.demo_tiles import SAMPLE_PATH, parcel_sample


def test_shipped_sample_matches_the_layout() -> None:
    shipped = json.loads(SAMPLE_PATH.read_text(encoding="utf-8"))
    assert shipped == json.loads(json.dumps(parcel_sample(), ensure_ascii=False))
    assert len(shipped["features"]) == 48
    flagged = [f for f in shipped["features"]
               if abs(f["properties"]["deed_area_m2"] / f["properties"]["area_m2"] - 1) > 0.05]  # fmt: skip
    assert flagged, "a few deeds disagree with the ground, to show the flag"
