"""The inspector's sketch (کروکی) as plain data, and its GeoJSON form.

Coordinates are stored in the measurement CRS (UTM, metres), which the sketch records in ``crs``. The GeoJSON form
follows RFC 7946 (WGS 84 longitude/latitude) for any GIS to read, and keeps the exact UTM coordinates in each
feature's properties so that loading it back gives the very same sketch (a lon/lat round trip loses a few
nanometres, which would make "reloads identically" false).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from app.domain.errors import DomainError
from app.maps.geometry import Leg, compare_with_deed, planar_area, planar_perimeter, planar_side_lengths
from app.maps.projection import MEASURE_CRS, XY, transform_points, utm_to_lonlat

FORMAT = "ecity-sketch"
FORMAT_VERSION = 1

Ring = tuple[XY, ...]


@dataclass(frozen=True)
class Building:
    """A building footprint (open ring, metres)."""

    ring: Ring
    floors: int | None = None
    label: str = ""


@dataclass(frozen=True)
class Passage:
    """An adjoining passage or street (گذر) as a centre or edge line with its width in metres."""

    line: tuple[XY, ...]
    width_m: float
    name: str = ""


@dataclass(frozen=True)
class Sketch:
    """One property's sketch. Immutable: every edit makes a new value, which is what undo keeps."""

    parcel: Ring = ()
    buildings: tuple[Building, ...] = ()
    passages: tuple[Passage, ...] = ()
    pin: XY | None = None
    legs: tuple[Leg, ...] = ()  # the sides as typed from the tape, if measured input was used
    inspector: str = ""
    drawn_at: datetime | None = None
    deed_area_m2: float | None = None
    case_ref: str = ""  # the case's tracking number or renovation code; set by the service that stores it
    crs: str = MEASURE_CRS
    extra: dict[str, Any] = field(default_factory=dict, compare=True, hash=False)

    # ---- measures --------------------------------------------------------------------------------------------------
    @property
    def area_m2(self) -> float:
        return planar_area(self.parcel)

    @property
    def perimeter_m(self) -> float:
        return planar_perimeter(self.parcel) if len(self.parcel) >= 2 else 0.0

    @property
    def side_lengths_m(self) -> list[float]:
        return planar_side_lengths(self.parcel) if len(self.parcel) >= 2 else []

    def with_changes(self, **changes: Any) -> Sketch:
        return replace(self, **changes)

    def stamped(self, inspector: str, when: datetime | None = None) -> Sketch:
        """The sketch signed off by ``inspector`` at ``when`` (now, UTC, by default)."""
        return replace(self, inspector=inspector, drawn_at=when or datetime.now(UTC))

    # ---- GeoJSON ---------------------------------------------------------------------------------------------------
    def to_geojson(self, tolerance: float = 0.05) -> dict[str, Any]:
        features: list[dict[str, Any]] = []

        def lonlat(points: tuple[XY, ...]) -> list[list[float]]:
            return [[x, y] for x, y in utm_to_lonlat(points, self.crs)]

        def closed(points: list[list[float]]) -> list[list[float]]:
            return [*points, points[0]] if points else points

        if self.parcel:
            props: dict[str, Any] = {
                "kind": "parcel",
                "utm": [list(p) for p in self.parcel],
                "side_lengths_m": [round(v, 3) for v in self.side_lengths_m],
                "area_m2": round(self.area_m2, 3),
                "perimeter_m": round(self.perimeter_m, 3),
                "legs": [leg.to_json() for leg in self.legs],
            }
            if self.deed_area_m2:
                check = compare_with_deed(self.area_m2, self.deed_area_m2, tolerance)
                props["deed_check"] = {
                    "deed_area_m2": self.deed_area_m2,
                    "difference_m2": round(check.difference_m2, 3),
                    "ratio": round(check.ratio, 5),
                    "tolerance": tolerance,
                    "flagged": check.flagged,
                }
            features.append(_feature("Polygon", [closed(lonlat(self.parcel))], props))
        for b in self.buildings:
            props = {"kind": "building", "utm": [list(p) for p in b.ring], "floors": b.floors, "label": b.label}
            props["area_m2"] = round(planar_area(b.ring), 3)
            features.append(_feature("Polygon", [closed(lonlat(b.ring))], props))
        for p in self.passages:
            props = {"kind": "passage", "utm": [list(q) for q in p.line], "width_m": p.width_m, "name": p.name}
            features.append(_feature("LineString", lonlat(p.line), props))
        if self.pin is not None:
            props = {"kind": "pin", "utm": list(self.pin)}
            features.append(_feature("Point", lonlat((self.pin,))[0], props))
        return {
            "type": "FeatureCollection",
            "features": features,
            "properties": {
                "format": FORMAT,
                "version": FORMAT_VERSION,
                "crs_of_measurement": self.crs,
                "inspector": self.inspector,
                "drawn_at": self.drawn_at.isoformat() if self.drawn_at else None,
                "deed_area_m2": self.deed_area_m2,
                "case_ref": self.case_ref,
                "extra": self.extra,
            },
        }

    def to_geojson_text(self, tolerance: float = 0.05) -> str:
        return json.dumps(self.to_geojson(tolerance), ensure_ascii=False, indent=1)

    @classmethod
    def from_geojson(cls, data: dict[str, Any] | str) -> Sketch:
        """Load a sketch written by ``to_geojson`` (or any FeatureCollection with ``kind`` properties)."""
        if isinstance(data, str):
            try:
                data = json.loads(data)
            except json.JSONDecodeError as exc:
                raise DomainError("maps.sketch_invalid", reason=str(exc)) from exc
        if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
            raise DomainError("maps.sketch_invalid", reason="not a FeatureCollection")
        meta = data.get("properties") or {}
        if meta.get("format", FORMAT) != FORMAT or int(meta.get("version", 1)) > FORMAT_VERSION:
            raise DomainError("maps.sketch_version", version=meta.get("version"))
        crs = str(meta.get("crs_of_measurement") or MEASURE_CRS)
        parcel: Ring = ()
        legs: tuple[Leg, ...] = ()
        buildings: list[Building] = []
        passages: list[Passage] = []
        pin: XY | None = None
        try:
            for feat in data.get("features", []):
                props = feat.get("properties") or {}
                kind = props.get("kind")
                coords = _utm_coords(feat, props, crs)
                if kind == "parcel":
                    parcel = coords
                    legs = tuple(Leg.from_json(v) for v in props.get("legs", []))
                elif kind == "building":
                    buildings.append(Building(coords, props.get("floors"), str(props.get("label", ""))))
                elif kind == "passage":
                    passages.append(Passage(coords, float(props["width_m"]), str(props.get("name", ""))))
                elif kind == "pin":
                    pin = coords[0]
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise DomainError("maps.sketch_invalid", reason=str(exc)) from exc
        drawn = meta.get("drawn_at")
        deed = meta.get("deed_area_m2")
        return cls(
            parcel=parcel,
            buildings=tuple(buildings),
            passages=tuple(passages),
            pin=pin,
            legs=legs,
            inspector=str(meta.get("inspector") or ""),
            drawn_at=datetime.fromisoformat(drawn) if drawn else None,
            deed_area_m2=float(deed) if deed is not None else None,
            case_ref=str(meta.get("case_ref") or ""),
            crs=crs,
            extra=dict(meta.get("extra") or {}),
        )


def _feature(kind: str, coordinates: Any, properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "geometry": {"type": kind, "coordinates": coordinates}, "properties": properties}


def _utm_coords(feat: dict[str, Any], props: dict[str, Any], crs: str) -> tuple[XY, ...]:
    """Exact UTM coordinates if the file kept them, else the geometry projected from lon/lat."""
    utm = props.get("utm")
    if utm is not None:
        if utm and isinstance(utm[0], int | float):
            return ((float(utm[0]), float(utm[1])),)
        return tuple((float(x), float(y)) for x, y in utm)
    geom = feat["geometry"]
    coords = geom["coordinates"]
    if geom["type"] == "Point":
        coords = [coords]
    elif geom["type"] == "Polygon":
        coords = coords[0][:-1] if len(coords[0]) > 1 and coords[0][0] == coords[0][-1] else coords[0]
    return tuple(transform_points([(float(c[0]), float(c[1])) for c in coords], "EPSG:4326", crs))
