"""Violation review (بررسی خلاف): violations from an inspection report, registry letters on a completion certificate
that does not match the engineering-organisation plans, Article 100 objections, fire-safety company registration.

A case may be settled in the unit, or go to the Article 100 commission, whose ruling may be objected to once.
"""

from __future__ import annotations

from app.domain.units import OFFICE_HEAD
from app.domain.workflows.common import deficiency, refer, row
from app.domain.workflows.engine import StateDef, Workflow

EXPERT = "violation.expert"
HEAD = "violation.head"
UNIT = "violation"
BOTH = {EXPERT, HEAD}

VIOLATION_REVIEW = Workflow(
    id="violation_review",
    title_en="Violation review",
    title_fa="بررسی خلاف",
    initial_state="received",
    states=(
        StateDef("received", UNIT, "Received", "دریافت شده", role=EXPERT),
        StateDef("awaiting_documents", UNIT, "Awaiting documents", "در انتظار تکمیل مدارک", role=EXPERT),
        StateDef("under_review", UNIT, "Under review", "در حال بررسی", role=EXPERT),
        StateDef("at_commission", UNIT, "At the Article 100 commission", "در کمیسیون ماده صد", role=EXPERT),
        StateDef("ruled", UNIT, "Ruling recorded", "رای صادر شده", role=EXPERT),
        StateDef("at_appeal", UNIT, "At the appeal commission", "در کمیسیون تجدیدنظر", role=EXPERT),
        StateDef("resolved", UNIT, "Settled", "رفع خلاف / مختومه", terminal=True),
        StateDef("closed", UNIT, "Closed after ruling", "مختومه پس از رای", terminal=True),
    ),
    transitions=(
        row("received", "start_review", "under_review", BOTH),
        refer("received", BOTH),
        row("under_review", "resolve", "resolved", BOTH, guards=("no_open_violations",), note=True),
        row("under_review", "refer_to_commission", "at_commission", BOTH, guards=("has_open_violations",), note=True),
        deficiency("under_review", "awaiting_documents", BOTH),
        refer("under_review", BOTH),
        row("awaiting_documents", "documents_completed", "under_review", BOTH, guards=("all_documents_received",)),
        row("at_commission", "record_ruling", "ruled", BOTH, note=True),
        row("ruled", "close", "closed", {HEAD, OFFICE_HEAD}, note=True),
        row("ruled", "file_objection", "at_appeal", BOTH, note=True),
        row("at_appeal", "record_appeal_ruling", "closed", BOTH, note=True),
    ),
)
