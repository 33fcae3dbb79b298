"""The building case: formation → inspection → office head → aerial locating → archive scan → head of inspection →
sent to the district (the seed's chain for units 1 and 2).

A deficiency found anywhere returns the case to formation with a note; a violation found at the office head's
review holds the case in violation review until it is settled.
"""

from __future__ import annotations

from app.domain.units import OFFICE_HEAD
from app.domain.workflows.common import deficiency, refer, row
from app.domain.workflows.engine import StateDef, Workflow

CLERK = "formation.clerk"
FORMATION_HEAD = "formation.head"
INSPECTOR = "inspection.inspector"
MAP_EXPERT = "inspection.expert"
INSPECTION_HEAD = "inspection.head"
VIOLATION_EXPERT = "violation.expert"
VIOLATION_HEAD = "violation.head"
ARCHIVE = "archive.operator"

BUILDING_CASE = Workflow(
    id="building_case",
    title_en="Building case",
    title_fa="پرونده ساختمانی",
    initial_state="formation",
    states=(
        StateDef("formation", "formation", "Case formation: documents", "تشکیل پرونده و دریافت مدارک", role=CLERK),
        StateDef("inspection_scheduled", "inspection", "Inspection scheduled", "در انتظار بازدید", role=INSPECTOR),
        StateDef("inspected", "inspection", "Inspected: sketch", "بازدید شده، رسم کروکی", role=INSPECTOR),
        StateDef("office_head_review", "inspection", "Office head's review", "بررسی رئیس دفتر", role=OFFICE_HEAD),
        StateDef("violation_hold", "violation", "Violation review", "بررسی خلاف", role=VIOLATION_EXPERT),
        StateDef("aerial_locating", "inspection", "Aerial map and locating", "نقشه هوایی و جانمایی", role=INSPECTOR),
        StateDef("archive_scan", "archive", "Document scanning", "اسکن و بایگانی مدارک", role=ARCHIVE),
        StateDef(
            "inspection_head_review", "inspection", "Head of inspection's review", "تایید رئیس بازدید",
            role=INSPECTION_HEAD,
        ),
        StateDef("sent_to_district", "inspection", "Sent to the district", "ارسال شده به منطقه", terminal=True),
        StateDef("cancelled", "formation", "Cancelled", "ابطال شده", terminal=True),
    ),
    transitions=(
        # formation
        row("formation", "schedule_inspection", "inspection_scheduled", {CLERK, FORMATION_HEAD},
            guards=("all_documents_received",)),
        row("formation", "cancel", "cancelled", {CLERK, FORMATION_HEAD, OFFICE_HEAD}, note=True),
        refer("formation", {CLERK, FORMATION_HEAD}),
        # the visit
        row("inspection_scheduled", "record_visit", "inspected", {INSPECTOR}),
        row("inspection_scheduled", "reschedule", "inspection_scheduled", {INSPECTOR, CLERK, INSPECTION_HEAD},
            note=True),
        deficiency("inspection_scheduled", "formation", {INSPECTOR, INSPECTION_HEAD}),
        refer("inspection_scheduled", {INSPECTOR, INSPECTION_HEAD}),
        # the sketch
        row("inspected", "submit_for_approval", "office_head_review", {INSPECTOR}, guards=("sketch_done",)),
        deficiency("inspected", "formation", {INSPECTOR}),
        refer("inspected", {INSPECTOR, INSPECTION_HEAD}),
        # the office head
        row("office_head_review", "approve", "aerial_locating", {OFFICE_HEAD},
            guards=("sketch_done", "no_open_violations")),
        row("office_head_review", "return_to_inspector", "inspected", {OFFICE_HEAD}, note=True),
        row("office_head_review", "send_to_violation_review", "violation_hold", {OFFICE_HEAD},
            guards=("has_open_violations",), note=True),
        deficiency("office_head_review", "formation", {OFFICE_HEAD}),
        # violations found at the visit
        row("violation_hold", "resolve_violation", "office_head_review", {VIOLATION_EXPERT, VIOLATION_HEAD},
            guards=("no_open_violations",), note=True),
        deficiency("violation_hold", "formation", {VIOLATION_EXPERT, VIOLATION_HEAD}),
        refer("violation_hold", {VIOLATION_EXPERT, VIOLATION_HEAD}),
        # the 1:2000 aerial map: the expert attaches the extract, the inspector locates the property on it
        row("aerial_locating", "attach_aerial_map", "aerial_locating", {MAP_EXPERT}),
        row("aerial_locating", "confirm_location", "archive_scan", {INSPECTOR},
            guards=("aerial_map_attached", "property_located")),
        refer("aerial_locating", {INSPECTOR, MAP_EXPERT, INSPECTION_HEAD}),
        # archive
        row("archive_scan", "archive_documents", "inspection_head_review", {ARCHIVE}, guards=("documents_scanned",)),
        refer("archive_scan", {ARCHIVE}),
        # head of inspection
        row("inspection_head_review", "send_to_district", "sent_to_district", {INSPECTION_HEAD},
            guards=("sketch_done", "no_open_violations", "documents_scanned")),
        row("inspection_head_review", "return_to_inspector", "inspected", {INSPECTION_HEAD}, note=True),
        row("inspection_head_review", "return_to_archive", "archive_scan", {INSPECTION_HEAD}, note=True),
        deficiency("inspection_head_review", "formation", {INSPECTION_HEAD}),
    ),
)  # fmt: skip
