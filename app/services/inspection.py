"""The inspection unit's use cases: the visit form with the sketch, photos, the aerial extract, locating the property,
the dispatch to the district, the deficiency return, the inspectors' calendar and day list, the inspection report.

Where the data lives: everything the visit records is on the case, in ``Case.facts`` (JSON, synced with the case row
through the outbox); photos and the aerial extract are case documents whose files are in the ``FileStore``.

=============================  ====================================================================================
``sketch``                     the sketch as GeoJSON (``app.maps.sketch``): RFC 7946 lon/lat, with the measurement
                               CRS (``crs_of_measurement``), the inspector and the time in its properties
``sketch_done``                a closed parcel outline is saved (the workflow guard)
``sketch_area_m2`` / ``_perimeter_m``   measured in UTM (EPSG:32639)
``area_check``                 ``{deed_area_m2, difference_m2, ratio, tolerance_pct, flagged}``
``area_differs_from_deed``     the flag: the sketch's area differs from the deed's by more than the tolerance
``visit``                      the visit form's fields (areas, depths, chamfer, widths, boundaries, floors, uses)
``violations_observed``        ``[{kind, area_m2, note}]``, kinds of ``app.domain.rules.violations.ViolationKind``
``open_violations``            how many of them are open (the workflow guards read it)
``aerial_map_attached`` / ``property_located`` / ``dispatch``   the later steps of the chain
=============================  ====================================================================================

Every write is one transaction with its audit entry. A workflow step that also records data (the aerial extract,
the location, the dispatch letter) checks the action first against the case as it would be, so a refusal changes
nothing, then records the data and applies the action through ``CaseService.apply_action``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.domain import workflows as wf
from app.domain.dates import format_jalali
from app.domain.errors import DomainError, NotFoundError, ValidationError
from app.domain.rules.violations import VIOLATION_KINDS, ViolationKind
from app.domain.text import normalize, to_persian_digits
from app.domain.workflows import Actor
from app.domain.workflows import guards as g
from app.maps.geometry import compare_with_deed
from app.maps.sketch import Sketch
from app.models import Appointment, Case, CaseDocument, Person, Property, User
from app.services.common import OFFICE_HEAD, Area, fail_fields, get_case_row
from app.services.dto import Changes
from app.services.outbox import enqueue_upsert
from app.services.workflow_ops import snapshot_of

log = logging.getLogger(__name__)

INSPECTOR = "inspection.inspector"
MAP_EXPERT = "inspection.expert"
INSPECTION_HEAD = "inspection.head"
INSPECTION_ROLES = frozenset({INSPECTOR, MAP_EXPERT, INSPECTION_HEAD, OFFICE_HEAD})
# States in which the visit form may still be edited (by the inspector, or the head correcting it).
VISIT_STATES = frozenset({"inspection_scheduled", "inspected", "aerial_locating"})

PHOTO_DOC = "site_photo"
AERIAL_DOC = "aerial_extract"  # the 1:2000 aerial extract with the property marked (not a catalog document type yet)
PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".bmp", ".heic"})
MAX_PHOTO_BYTES = 25 * 1024 * 1024

FACT_SKETCH = "sketch"
FACT_AREA_FLAG = "area_differs_from_deed"
FACT_AREA_CHECK = "area_check"
FACT_VISIT = "visit"
FACT_VIOLATIONS = "violations_observed"
FACT_DISPATCH = "dispatch"
DEFAULT_TOLERANCE_PCT = 5.0
TOLERANCE_SETTING = "deed_area_tolerance_pct"

BOUNDARY_SIDES = ("north", "south", "east", "west")
USES = ("residential", "commercial", "office", "industrial", "educational", "health", "garden", "vacant", "other")
DEFICIENCY_ITEMS = ("title_deed", "id_documents", "renovation_levy_slip", "power_of_attorney", "previous_permit")


# ---------------------------------------------------------------------------------------------------------------------
# Plain data the UI sends and receives


@dataclass(frozen=True)
class Boundary:
    """One of the four boundaries (حدود اربعه): its length and what adjoins it (a plate, a passage, a neighbour)."""

    length_m: float | None = None
    neighbour: str = ""


@dataclass(frozen=True)
class ObservedViolation:
    kind: str
    area_m2: float | None = None
    note: str = ""


@dataclass(frozen=True)
class VisitInput:
    """The visit form. Areas in m², lengths in metres; ``None`` = not measured."""

    existing_area_m2: float | None = None
    deed_area_m2: float | None = None
    corrected_area_m2: float | None = None  # area after the corrected street line (بر اصلاحی)
    widening_area_m2: float | None = None  # area inside the widening path (میزان در مسیر)
    depth_m: float | None = None
    frontage_m: float | None = None
    chamfer_m: float | None = None  # پخ
    street_widths_m: tuple[float, ...] = ()
    boundaries: dict[str, Boundary] = field(default_factory=dict)  # north/south/east/west
    floors_found: int | None = None
    uses_found: tuple[str, ...] = ()
    violations: tuple[ObservedViolation, ...] = ()
    notes: str = ""

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["street_widths_m"] = list(self.street_widths_m)
        data["uses_found"] = list(self.uses_found)
        data.pop("violations")
        return data

    @classmethod
    def from_facts(cls, visit: dict[str, Any] | None, violations: Sequence[dict[str, Any]] | None) -> VisitInput:
        v = dict(visit or {})
        known = {f for f in cls.__dataclass_fields__ if f != "violations"}
        values = {k: v[k] for k in known if k in v}
        values["street_widths_m"] = tuple(float(x) for x in values.get("street_widths_m", ()) or ())
        values["uses_found"] = tuple(str(x) for x in values.get("uses_found", ()) or ())
        values["boundaries"] = {
            side: Boundary(b.get("length_m"), str(b.get("neighbour", "")))
            for side, b in dict(values.get("boundaries") or {}).items()
            if isinstance(b, dict)
        }
        found = tuple(
            ObservedViolation(str(x.get("kind", "")), x.get("area_m2"), str(x.get("note", "")))
            for x in violations or ()
            if isinstance(x, dict)
        )
        return cls(**values, violations=found)


@dataclass(frozen=True)
class PhotoView:
    doc_id: str
    sha256: str
    name: str
    added_at: dt.datetime | None


@dataclass(frozen=True)
class VisitView:
    """What the visit form shows for one case."""

    case_id: str
    tracking_number: str
    version: int
    state: str
    state_title: str
    applicant_name: str
    address: str
    renovation_code: str
    property_deed_area_m2: float | None
    longitude: float | None
    latitude: float | None
    sketch_geojson: str | None
    visit: VisitInput
    area_flag: bool
    area_check: dict[str, Any] | None
    photos: tuple[PhotoView, ...]
    aerial_attached: bool
    located: bool
    editable: bool
    facts: dict[str, Any]
    # Workflow actions of the case's state that the actor's roles allow (guards not applied: the form's own steps
    # record what their guards read); the form enables its chain buttons from these.
    role_actions: frozenset[str] = frozenset()


@dataclass(frozen=True)
class DayVisit:
    """One line of an inspector's day list."""

    appointment_id: str
    case_id: str
    tracking_number: str
    applicant_name: str
    mobile: str
    address: str
    renovation_code: str
    service_name: str
    status: str


@dataclass(frozen=True)
class CalendarCell:
    """One inspector on one working day: capacity, bookings, leave."""

    day: dt.date
    inspector_id: str
    inspector_name: str
    capacity: int
    booked: int
    on_leave: bool

    @property
    def free(self) -> int:
        return 0 if self.on_leave else max(0, self.capacity - self.booked)


# ---------------------------------------------------------------------------------------------------------------------


def _num(value: object) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return math.nan
    return number


def validate_visit(form: VisitInput) -> VisitInput:
    """The form, normalised; raises one ``ValidationError`` naming every bad field (``errors``: field → code)."""
    errors: dict[str, str] = {}
    for name in ("existing_area_m2", "deed_area_m2", "corrected_area_m2", "widening_area_m2", "depth_m",
                 "frontage_m", "chamfer_m"):  # fmt: skip
        value = _num(getattr(form, name))
        if value is not None and (math.isnan(value) or value < 0 or value > 1_000_000):
            errors[name] = "inspection.number_invalid"
    existing = form.existing_area_m2
    if not errors:
        if form.widening_area_m2 and existing and form.widening_area_m2 > existing:
            errors["widening_area_m2"] = "inspection.widening_too_large"
        if form.corrected_area_m2 and existing and form.corrected_area_m2 > existing:
            errors["corrected_area_m2"] = "inspection.corrected_too_large"
    for i, width in enumerate(form.street_widths_m):
        if not 1 <= width <= 200:
            errors.setdefault("street_widths_m", "inspection.street_width_invalid")
            break
        del i
    for side, b in form.boundaries.items():
        if side not in BOUNDARY_SIDES:
            errors[f"boundary_{side}"] = "inspection.boundary_unknown"
        elif b.length_m is not None and not 0 < b.length_m < 10_000:
            errors[f"boundary_{side}"] = "inspection.boundary_length_invalid"
    if form.floors_found is not None and not 0 <= form.floors_found <= 100:
        errors["floors_found"] = "inspection.floors_invalid"
    unknown_uses = [u for u in form.uses_found if u not in USES]
    if unknown_uses:
        errors["uses_found"] = "inspection.use_unknown"
    kinds = {k.value for k in ViolationKind}
    for v in form.violations:
        if v.kind not in kinds:
            errors["violations"] = "inspection.violation_kind_unknown"
        elif v.area_m2 is not None and v.area_m2 < 0:
            errors["violations"] = "inspection.number_invalid"
    fail_fields(errors)
    return replace(
        form,
        boundaries={s: Boundary(b.length_m, normalize(b.neighbour)) for s, b in form.boundaries.items()},
        violations=tuple(replace(v, note=normalize(v.note)) for v in form.violations),
        notes=normalize(form.notes),
    )


class InspectionService(Area):
    # -- settings ------------------------------------------------------------------------------------------------------
    def tolerance_pct(self, override: float | None = None) -> float:
        """The deed-area tolerance in percent: the caller's (the workstation settings), else the office setting."""
        if override is not None and override > 0:
            return float(override)
        value = self._s.setting(TOLERANCE_SETTING, DEFAULT_TOLERANCE_PCT)
        return float(value) if isinstance(value, int | float) and value > 0 else DEFAULT_TOLERANCE_PCT

    # -- reading -------------------------------------------------------------------------------------------------------
    def visit_view(self, actor: Actor, case_id: str) -> VisitView:
        with self._s.uow(writer=False) as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            prop = session.get(Property, case.property_id) if case.property_id else None
            facts = dict(case.facts or {})
            sketch = facts.get(FACT_SKETCH)
            photos = session.scalars(
                select(CaseDocument)
                .where(CaseDocument.case_id == case.id, CaseDocument.doc_type == PHOTO_DOC,
                       CaseDocument.deleted.is_(False))
                .order_by(CaseDocument.received_at, CaseDocument.id)
            ).all()  # fmt: skip
            editable = case.state in VISIT_STATES and actor.has_any_role({INSPECTOR, INSPECTION_HEAD})
            return VisitView(
                case_id=case.id,
                tracking_number=case.tracking_number,
                version=case.version,
                state=case.state,
                state_title=self.state_title(case.workflow_id, case.state),
                applicant_name=case.applicant_name,
                address=prop.address if prop else "",
                renovation_code=prop.renovation_key if prop else "",
                property_deed_area_m2=prop.deed_area_m2 if prop else None,
                longitude=prop.longitude if prop else None,
                latitude=prop.latitude if prop else None,
                sketch_geojson=json.dumps(sketch, ensure_ascii=False) if isinstance(sketch, dict) else None,
                visit=VisitInput.from_facts(facts.get(FACT_VISIT), facts.get(FACT_VIOLATIONS)),
                area_flag=bool(facts.get(FACT_AREA_FLAG)),
                area_check=facts.get(FACT_AREA_CHECK),
                photos=tuple(PhotoView(p.id, p.file_sha256 or "", p.note, p.received_at) for p in photos),
                aerial_attached=bool(facts.get(g.FACT_AERIAL_MAP)),
                located=bool(facts.get(g.FACT_LOCATED)),
                editable=editable,
                facts=facts,
                role_actions=frozenset(
                    t.action
                    for t in wf.get_workflow(case.workflow_id).transitions_from(case.state)
                    if actor.has_any_role(t.roles)
                ),
            )

    def sketch_of(self, case_id: str) -> Sketch | None:
        """The saved sketch, exactly as saved (``Sketch.from_geojson`` of the stored GeoJSON)."""
        with self._s.uow(writer=False) as uow:
            data = (get_case_row(uow.session, case_id).facts or {}).get(FACT_SKETCH)
        return Sketch.from_geojson(data) if isinstance(data, dict) else None

    def sketch_png(self, case_id: str, size: tuple[int, int] = (1200, 900)) -> bytes | None:
        """The sketch drawn for paper (the inspection report, certificates); None when no sketch is saved."""
        from app.maps.render import sketch_png

        sketch = self.sketch_of(case_id)
        if sketch is None or not sketch.parcel:
            return None
        return sketch_png(sketch, size)

    def flagged_cases(self, case_ids: Iterable[str]) -> frozenset[str]:
        """Of ``case_ids``, those whose sketch area differs from the deed's (for the cartable's mark)."""
        ids = list(case_ids)
        found: set[str] = set()
        with self._s.uow(writer=False) as uow:
            for start in range(0, len(ids), 500):
                rows = uow.session.execute(select(Case.id, Case.facts).where(Case.id.in_(ids[start : start + 500])))
                found.update(cid for cid, facts in rows if isinstance(facts, dict) and facts.get(FACT_AREA_FLAG))
        return frozenset(found)

    def case_location(self, case_id: str) -> tuple[float, float] | None:
        """(longitude, latitude) of the case's property: its recorded location, else the sketch's pin or centre."""
        with self._s.uow(writer=False) as uow:
            case = get_case_row(uow.session, case_id)
            prop = uow.session.get(Property, case.property_id) if case.property_id else None
            if prop is not None and prop.longitude is not None and prop.latitude is not None:
                return prop.longitude, prop.latitude
            data = (case.facts or {}).get(FACT_SKETCH)
        if not isinstance(data, dict):
            return None
        return _sketch_lonlat(Sketch.from_geojson(data))

    # -- the visit form ------------------------------------------------------------------------------------------------
    def save_visit(
        self,
        actor: Actor,
        case_id: str,
        form: VisitInput,
        sketch: Sketch | str | None,
        *,
        expected_version: int,
        tolerance_pct: float | None = None,
    ) -> Changes:
        """Save the visit form and the sketch on the case (one transaction, one audit entry).

        The sketch is stamped with the inspector and the time, its area compared with the deed's (the form's deed
        area, else the property's), and ``area_differs_from_deed`` set when the difference passes the tolerance.
        """
        if not actor.has_any_role({INSPECTOR, INSPECTION_HEAD}):
            raise DomainError("inspection.not_inspector", roles_needed=[INSPECTOR, INSPECTION_HEAD])
        form = validate_visit(form)
        if isinstance(sketch, str):
            sketch = Sketch.from_geojson(sketch)
        if sketch is not None and sketch.parcel and len(sketch.parcel) < 3:
            raise ValidationError("inspection.sketch_open", field="sketch")
        tolerance = self.tolerance_pct(tolerance_pct)
        with self._s.uow() as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            if case.state not in VISIT_STATES:
                raise DomainError("inspection.not_editable", state=self.state_title(case.workflow_id, case.state))
            if case.version != expected_version:
                raise DomainError("workflow.stale_version", case_id=case.id, expected=expected_version,
                                  actual=case.version)  # fmt: skip
            prop = session.get(Property, case.property_id) if case.property_id else None
            now = self._s.now()
            facts = dict(case.facts or {})
            deed = form.deed_area_m2 or (prop.deed_area_m2 if prop else None)
            visit = form.to_json()
            visit.update(inspector_id=actor.user_id, inspector_name=actor.full_name, saved_at=now.isoformat())
            facts[FACT_VISIT] = visit
            facts[FACT_VIOLATIONS] = [asdict(v) for v in form.violations]
            facts[g.FACT_OPEN_VIOLATIONS] = len(form.violations)
            details: dict[str, Any] = {"violations": len(form.violations)}
            if sketch is not None and sketch.parcel:
                stamped = sketch.stamped(actor.full_name, now).with_changes(
                    deed_area_m2=deed or None, case_ref=case.tracking_number
                )
                geo = stamped.to_geojson(tolerance / 100)
                facts[FACT_SKETCH] = geo
                facts[g.FACT_SKETCH_DONE] = True
                facts["sketch_area_m2"] = round(stamped.area_m2, 3)
                facts["sketch_perimeter_m"] = round(stamped.perimeter_m, 3)
                flagged = False
                if deed:
                    check = compare_with_deed(stamped.area_m2, deed, tolerance / 100)
                    flagged = check.flagged
                    facts[FACT_AREA_CHECK] = {
                        "deed_area_m2": deed,
                        "difference_m2": round(check.difference_m2, 3),
                        "ratio": round(check.ratio, 5),
                        "tolerance_pct": tolerance,
                        "flagged": flagged,
                    }
                else:
                    facts.pop(FACT_AREA_CHECK, None)
                facts[FACT_AREA_FLAG] = flagged
                details.update(area_m2=facts["sketch_area_m2"], area_flag=flagged, crs=stamped.crs)
            elif sketch is not None:  # an emptied sketch removes the saved one
                for key in (FACT_SKETCH, "sketch_area_m2", "sketch_perimeter_m", FACT_AREA_CHECK, FACT_AREA_FLAG):
                    facts.pop(key, None)
                facts[g.FACT_SKETCH_DONE] = False
            self._write_facts(session, case, facts, now)
            self._s.audit.record(session, actor, "inspection.visit_saved", "case", case.id,
                                 {"tracking_number": case.tracking_number, **details})  # fmt: skip
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case"}))

    def add_photos(self, actor: Actor, case_id: str, paths: Sequence[Path]) -> Changes:
        """Attach photos from a folder or a camera's card: each goes into the FileStore and becomes a case document."""
        if not actor.has_any_role({INSPECTOR, INSPECTION_HEAD}):
            raise DomainError("inspection.not_inspector", roles_needed=[INSPECTOR, INSPECTION_HEAD])
        files = [Path(p) for p in paths]
        if not files:
            raise ValidationError("inspection.photos_none", field="photos")
        bad = [p.name for p in files if p.suffix.lower() not in PHOTO_SUFFIXES or not p.is_file()]
        if bad:
            raise ValidationError("inspection.photo_invalid", field="photos", files=bad)
        large = [p.name for p in files if p.stat().st_size > MAX_PHOTO_BYTES]
        if large:
            raise ValidationError("inspection.photo_too_large", field="photos", files=large)
        stored = [(p.name, self._s.files.put_file(p)) for p in files]  # the store is content-addressed: no harm
        with self._s.uow() as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            if case.state not in VISIT_STATES:
                raise DomainError("inspection.not_editable", state=self.state_title(case.workflow_id, case.state))
            now = self._s.now()
            existing = set(
                session.scalars(
                    select(CaseDocument.file_sha256).where(
                        CaseDocument.case_id == case.id, CaseDocument.doc_type == PHOTO_DOC,
                        CaseDocument.deleted.is_(False),
                    )
                )
            )  # fmt: skip
            added = 0
            for name, sha in stored:
                if sha in existing:
                    continue
                existing.add(sha)
                stamp = self._s.stamp()
                doc = CaseDocument(case_id=case.id, doc_type=PHOTO_DOC, required=False, received=True,
                                   received_at=now, file_sha256=sha, pages=1, note=normalize(name), hlc=stamp)  # fmt: skip
                session.add(doc)
                session.flush()
                enqueue_upsert(session, "case_document", doc, None, stamp)
                added += 1
            if not added:
                return Changes()
            self._s.audit.record(session, actor, "inspection.photos_added", "case", case.id,
                                 {"count": added, "files": [n for n, _ in stored]})  # fmt: skip
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case"}))

    def photo_bytes(self, sha256: str) -> bytes:
        return self._s.files.read_bytes(sha256)

    # -- the chain -----------------------------------------------------------------------------------------------------
    def attach_aerial_map(
        self, actor: Actor, case_id: str, image: bytes, *, expected_version: int, note: str = ""
    ) -> Changes:
        """The expert attaches the 1:2000 aerial extract (a PNG/JPEG/PDF): a case document, the fact, the action."""
        if not image:
            raise ValidationError("inspection.aerial_empty", field="aerial")
        self._precheck(actor, case_id, "attach_aerial_map", expected_version, {g.FACT_AERIAL_MAP: True})
        sha = self._s.files.put_bytes(image)
        with self._s.uow() as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            now = self._s.now()
            stamp = self._s.stamp()
            doc = session.scalar(
                select(CaseDocument).where(CaseDocument.case_id == case.id, CaseDocument.doc_type == AERIAL_DOC)
            )
            if doc is None:
                doc = CaseDocument(case_id=case.id, doc_type=AERIAL_DOC, required=False, received=True,
                                   received_at=now, file_sha256=sha, pages=1, note="1:2000", hlc=stamp)  # fmt: skip
                session.add(doc)
                session.flush()
                enqueue_upsert(session, "case_document", doc, None, stamp)
            else:
                doc.file_sha256, doc.received, doc.received_at, doc.deleted = sha, True, now, False
                doc.version += 1
                doc.hlc = stamp
                doc.dirty = True
                doc.updated_at = now
                enqueue_upsert(session, "case_document", doc, ["file_sha256", "received", "received_at", "deleted"],
                               stamp)  # fmt: skip
            facts = dict(case.facts or {})
            facts[g.FACT_AERIAL_MAP] = True
            facts["aerial_map_sha256"] = sha
            self._write_facts(session, case, facts, now)
            self._s.audit.record(session, actor, "inspection.aerial_attached", "case", case.id,
                                 {"tracking_number": case.tracking_number, "sha256": sha})  # fmt: skip
            version = case.version
            uow.commit()
        return self._s.cases.apply_action(
            actor, case_id, "attach_aerial_map", note=note or None, expected_version=version
        )

    def aerial_map_bytes(self, case_id: str) -> bytes | None:
        with self._s.uow(writer=False) as uow:
            sha = (get_case_row(uow.session, case_id).facts or {}).get("aerial_map_sha256")
        return self._s.files.read_bytes(sha) if isinstance(sha, str) and self._s.files.has(sha) else None

    def confirm_location(self, actor: Actor, case_id: str, lon: float, lat: float, *, expected_version: int) -> Changes:
        """The inspector locates the property on the aerial map (جانمایی): the property's coordinates, the fact, and
        the action that sends the case to the archive scan."""
        if not (44.0 <= lon <= 64.0 and 25.0 <= lat <= 40.0):
            raise ValidationError("inspection.location_outside", field="location")
        self._precheck(actor, case_id, "confirm_location", expected_version, {g.FACT_LOCATED: True})
        with self._s.uow() as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            now = self._s.now()
            if case.property_id:
                prop = session.get(Property, case.property_id)
                assert prop is not None
                stamp = self._s.stamp()
                prop.longitude, prop.latitude = round(lon, 7), round(lat, 7)
                prop.version += 1
                prop.hlc = stamp
                prop.dirty = True
                prop.updated_at = now
                enqueue_upsert(session, "property", prop, ["longitude", "latitude"], stamp)
            facts = dict(case.facts or {})
            facts[g.FACT_LOCATED] = True
            facts["location"] = {"lon": round(lon, 7), "lat": round(lat, 7), "crs": "EPSG:4326"}
            self._write_facts(session, case, facts, now)
            self._s.audit.record(session, actor, "inspection.located", "case", case.id,
                                 {"tracking_number": case.tracking_number, "lon": round(lon, 6),
                                  "lat": round(lat, 6)})  # fmt: skip
            version = case.version
            uow.commit()
        return self._s.cases.apply_action(actor, case_id, "confirm_location", expected_version=version)

    def send_to_district(
        self, actor: Actor, case_id: str, letter_no: str, letter_date: dt.date | None, *, expected_version: int
    ) -> Changes:
        """The head of inspection sends the case to the district with the dispatch letter's number and date."""
        errors: dict[str, str] = {}
        number = normalize(letter_no).replace(" ", "")
        if not number:
            errors["letter_no"] = "inspection.letter_no_required"
        if letter_date is None:
            errors["letter_date"] = "inspection.letter_date_required"
        elif letter_date > self._s.today():
            errors["letter_date"] = "inspection.letter_date_future"
        fail_fields(errors)
        assert letter_date is not None
        self._precheck(actor, case_id, "send_to_district", expected_version, {})
        data = {"letter_no": number, "letter_date": letter_date.isoformat()}
        with self._s.uow() as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            facts = dict(case.facts or {})
            facts[FACT_DISPATCH] = data
            self._write_facts(session, case, facts, self._s.now())
            self._s.audit.record(session, actor, "inspection.dispatch_recorded", "case", case.id,
                                 {"tracking_number": case.tracking_number, **data})  # fmt: skip
            version = case.version
            uow.commit()
        return self._s.cases.apply_action(
            actor, case_id, "send_to_district", expected_version=version, data=data,
            note=f"نامه شماره {to_persian_digits(number)} مورخ {format_jalali(letter_date)}",
        )  # fmt: skip

    def return_deficiency(
        self, actor: Actor, case_id: str, missing: Sequence[str], note: str, *, expected_version: int
    ) -> Changes:
        """Return the case to formation with what is missing (کسری): document codes and/or a written note."""
        unknown = [m for m in missing if m not in DEFICIENCY_ITEMS]
        if unknown:
            raise ValidationError("inspection.deficiency_unknown", field="missing", items=unknown)
        text = normalize(note)
        if not missing and not text:
            raise ValidationError("inspection.deficiency_empty", field="missing")
        titles = [self.document_title(m) for m in missing]
        full = "کسری: " + "، ".join([*titles, *([text] if text else [])])
        return self._s.cases.apply_action(
            actor, case_id, "return_deficiency", note=full, expected_version=expected_version,
            data={"missing": list(missing)},
        )  # fmt: skip

    def _precheck(
        self, actor: Actor, case_id: str, action: str, expected_version: int, facts: dict[str, object]
    ) -> None:
        """Raise the engine's refusal now, against the case as it will be once ``facts`` are recorded."""
        with self._s.uow(writer=False) as uow:
            case = get_case_row(uow.session, case_id)
            snap = snapshot_of(uow.session, case)
            merged = {**snap.facts, **facts}
            workflow = wf.get_workflow(case.workflow_id)
            wf.check_action(workflow, replace(snap, facts=merged), actor, action, expected_version=expected_version)

    def _write_facts(self, session: Any, case: Case, facts: dict[str, Any], now: dt.datetime) -> None:
        stamp = self._s.stamp()
        case.facts = facts  # a new dict, so SQLAlchemy sees the change
        case.version += 1
        case.hlc = stamp
        case.dirty = True
        case.updated_at = now
        enqueue_upsert(session, "case_file", case, ["facts"], stamp)

    # -- calendar and day list ----------------------------------------------------------------------------------------
    def calendar(self, start: dt.date, days: int) -> list[CalendarCell]:
        """Every active inspector on each of ``days`` working days from ``start``: capacity, bookings, leave."""
        cal = self._s.calendar
        dates: list[dt.date] = []
        day = start
        while len(dates) < days:
            if cal.is_working_day(day):
                dates.append(day)
            day += dt.timedelta(days=1)
        with self._s.uow(writer=False) as uow:
            inspectors = self._s.appointments.inspectors(uow.session)
        cells = {(c.day, c.inspector_id): c for c in self._s.appointments.inspection_days(start, days)}
        leave = {(lv.inspector_id, lv.day) for lv in self._s.admin.list_leave(dates[0], dates[-1])} if dates else set()
        out: list[CalendarCell] = []
        for d in dates:
            for u in inspectors:
                c = cells.get((d, u.id))
                out.append(CalendarCell(d, u.id, u.full_name, u.inspector_daily_capacity, c.booked if c else 0,
                                        (u.id, d) in leave))  # fmt: skip
        return out

    def inspectors(self) -> list[tuple[str, str]]:
        with self._s.uow(writer=False) as uow:
            return [(u.id, u.full_name) for u in self._s.appointments.inspectors(uow.session)]

    def day_list(self, inspector_id: str, day: dt.date) -> list[DayVisit]:
        with self._s.uow(writer=False) as uow:
            rows = uow.session.execute(
                select(Appointment, Case, Person, Property)
                .join(Case, Case.id == Appointment.case_id)
                .join(Person, Person.id == Case.applicant_id)
                .outerjoin(Property, Property.id == Case.property_id)
                .where(Appointment.inspector_id == inspector_id, Appointment.day == day,
                       Appointment.deleted.is_(False), Appointment.status != "cancelled")
                .order_by(Case.tracking_number)
            ).all()  # fmt: skip
            return [
                DayVisit(
                    a.id,
                    c.id,
                    c.tracking_number,
                    c.applicant_name or p.display_name,
                    p.mobile or "",
                    prop.address if prop else "",
                    prop.renovation_key if prop else "",
                    self.service_name(c.service_code),
                    a.status,
                )
                for a, c, p, prop in rows
            ]

    def reassign(self, actor: Actor, appointment_id: str, inspector_id: str) -> Changes:
        """Give a booked visit to another inspector on the same day (capacity and leave checked)."""
        if not actor.has_any_role({INSPECTION_HEAD, OFFICE_HEAD}):
            raise DomainError("auth.forbidden", roles_needed=[INSPECTION_HEAD, OFFICE_HEAD])
        with self._s.uow() as uow:
            session = uow.session
            a = session.get(Appointment, appointment_id)
            if a is None or a.deleted:
                raise NotFoundError("inspection.appointment_not_found", appointment_id=appointment_id)
            if a.status != "booked":
                raise DomainError("inspection.appointment_closed")
            if a.inspector_id == inspector_id:
                return Changes()
            user = session.get(User, inspector_id)
            inspectors = {u.id: u for u in self._s.appointments.inspectors(session)}
            if user is None or inspector_id not in inspectors:
                raise ValidationError("intake.not_an_inspector", field="inspector_id")
            cell = next((c for c in self.calendar(a.day, 1) if c.inspector_id == inspector_id and c.day == a.day), None)
            if cell is not None and cell.on_leave:
                raise ValidationError("intake.inspector_on_leave", field="inspector_id", day=a.day.isoformat())
            if cell is None or cell.free <= 0:
                raise DomainError("inspection.inspector_full", field="inspector_id", name=user.full_name)
            old = a.inspector_id
            stamp = self._s.stamp()
            a.inspector_id = inspector_id
            a.version += 1
            a.hlc = stamp
            a.dirty = True
            a.updated_at = self._s.now()
            enqueue_upsert(session, "appointment", a, ["inspector_id"], stamp)
            self._s.audit.record(session, actor, "inspection.reassigned", "case", a.case_id,
                                 {"appointment_id": a.id, "from": old, "to": inspector_id,
                                  "day": a.day.isoformat()})  # fmt: skip
            case_id = a.case_id
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"appointment", "case"}))

    def day_list_pdf(self, inspector_id: str, day: dt.date) -> bytes:
        from app.printing.inspection_report import DayListLine, build_day_list

        with self._s.uow(writer=False) as uow:
            user = uow.session.get(User, inspector_id)
            if user is None:
                raise NotFoundError("user.not_found", user_id=inspector_id)
            name = user.full_name
        lines = [
            DayListLine(
                v.tracking_number,
                v.applicant_name,
                v.mobile,
                to_persian_digits(v.address),
                v.renovation_code,
                v.service_name,
            )
            for v in self.day_list(inspector_id, day)
        ]
        return build_day_list(self.office(), name, day, lines, printed_at=self._s.now())

    # -- paper ---------------------------------------------------------------------------------------------------------
    def office(self) -> Any:
        """The office printed in the page frame: the printing service's (its settings), else a plain default."""
        printing = getattr(self._s, "printing", None)
        if printing is not None and hasattr(printing, "office_info"):
            try:
                return printing.office_info()
            except Exception as exc:  # the frame must print even if the office settings are broken
                log.warning("office info unavailable: %s", exc)
        from app.printing.data import OfficeInfo

        return OfficeInfo(name=f"دفتر خدمات الکترونیک شهر {to_persian_digits(self._s.office_code)}",
                          code=self._s.office_code)  # fmt: skip

    def report_data(self, case_id: str) -> Any:
        """The inspection report's data (``app.printing.data.InspectionReportData``) from the saved visit."""
        from app.printing.data import InspectionReportData

        with self._s.uow(writer=False) as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            prop = session.get(Property, case.property_id) if case.property_id else None
            facts = dict(case.facts or {})
        visit = VisitInput.from_facts(facts.get(FACT_VISIT), facts.get(FACT_VIOLATIONS))
        raw_visit = dict(facts.get(FACT_VISIT) or {})
        sketch = Sketch.from_geojson(facts[FACT_SKETCH]) if isinstance(facts.get(FACT_SKETCH), dict) else None
        from app.maps.render import sketch_png

        png = sketch_png(sketch) if sketch is not None and sketch.parcel else None
        sides = tuple((f"ضلع {to_persian_digits(i)}", length)
                      for i, length in enumerate(sketch.side_lengths_m if sketch else [], start=1))  # fmt: skip
        areas: list[tuple[str, float]] = []
        if sketch is not None and sketch.parcel:
            areas.append(("مساحت طبق کروکی", sketch.area_m2))
        for label, value in (
            ("مساحت موجود", visit.existing_area_m2),
            ("مساحت طبق سند", visit.deed_area_m2 or (prop.deed_area_m2 if prop else None)),
            ("مساحت پس از اصلاحی (بر اصلاحی)", visit.corrected_area_m2),
            ("میزان در مسیر تعریض", visit.widening_area_m2),
        ):
            if value:
                areas.append((label, float(value)))
        violations = [
            VIOLATION_KINDS[ViolationKind(v.kind)].title_fa
            + (f" ({_fa_num(v.area_m2)} مترمربع)" if v.area_m2 else "")
            + (f": {v.note}" if v.note else "")
            for v in visit.violations
        ]
        notes = self._report_notes(visit, facts)
        saved = raw_visit.get("saved_at")
        visited_at = dt.datetime.fromisoformat(saved) if isinstance(saved, str) else self._s.now()
        return InspectionReportData(
            office=self.office(),
            tracking_number=case.tracking_number,
            owner_name=case.applicant_name or "—",
            property_address=to_persian_digits((prop.address if prop else "") or "—"),
            inspector_name=str(raw_visit.get("inspector_name") or (sketch.inspector if sketch else "") or "—"),
            visited_at=visited_at,
            renovation_code=prop.renovation_key if prop else "",
            sketch_png=png,
            sides=sides,
            areas=tuple(areas),
            violations=tuple(violations),
            notes=notes,
        )

    def _report_notes(self, visit: VisitInput, facts: dict[str, Any]) -> str:
        parts: list[str] = []
        check = facts.get(FACT_AREA_CHECK)
        if facts.get(FACT_AREA_FLAG) and isinstance(check, dict):
            pct = to_persian_digits(f"{float(check.get('ratio', 0)) * 100:.1f}").replace(".", "٫")
            parts.append(f"مساحت کروکی با مساحت سند {pct} درصد اختلاف دارد (بیش از حد مجاز).")
        measures = [
            ("عمق ملک", visit.depth_m, "متر"),
            ("بر ملک", visit.frontage_m, "متر"),
            ("پخ", visit.chamfer_m, "متر"),
        ]
        for label, value, unit in measures:
            if value:
                parts.append(f"{label}: {_fa_num(value)} {unit}.")
        if visit.street_widths_m:
            widths = "، ".join(_fa_num(w) for w in visit.street_widths_m)
            parts.append(f"عرض گذرها: {widths} متر.")
        names = {"north": "شمالاً", "south": "جنوباً", "east": "شرقاً", "west": "غرباً"}
        for side in BOUNDARY_SIDES:
            b = visit.boundaries.get(side)
            if b and (b.length_m or b.neighbour):
                length = f" به طول {_fa_num(b.length_m)} متر" if b.length_m else ""
                parts.append(f"{names[side]}{length} به {to_persian_digits(b.neighbour) or '—'}.")
        if visit.floors_found is not None:
            parts.append(f"تعداد طبقات موجود: {to_persian_digits(visit.floors_found)}.")
        if visit.uses_found:
            parts.append("کاربری‌های مشاهده‌شده: " + "، ".join(USE_TITLES_FA.get(u, u) for u in visit.uses_found) + ".")
        if visit.notes:
            parts.append(visit.notes)
        return " ".join(parts)

    def report_pdf(self, case_id: str) -> bytes:
        from app.printing.inspection_report import build_inspection_report

        return build_inspection_report(self.report_data(case_id))


USE_TITLES_FA = {
    "residential": "مسکونی",
    "commercial": "تجاری",
    "office": "اداری",
    "industrial": "صنعتی",
    "educational": "آموزشی",
    "health": "درمانی",
    "garden": "باغ",
    "vacant": "زمین خالی",
    "other": "سایر",
}


def _fa_num(value: float) -> str:
    """A measure for paper: Persian digits, the Persian decimal separator."""
    return to_persian_digits(f"{value:g}").replace(".", "٫")


def _sketch_lonlat(sketch: Sketch) -> tuple[float, float] | None:
    from app.maps.projection import utm_to_lonlat

    if sketch.pin is not None:
        point = sketch.pin
    elif sketch.parcel:
        xs, ys = [p[0] for p in sketch.parcel], [p[1] for p in sketch.parcel]
        point = (sum(xs) / len(xs), sum(ys) / len(ys))
    else:
        return None
    lon, lat = utm_to_lonlat([point], sketch.crs)[0]
    return lon, lat
