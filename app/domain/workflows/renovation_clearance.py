"""Renovation-tax clearance and waste (مفاصا حساب نوسازی و پسماند): a payment slip is issued, the payment confirmed,
then the clearance (or the waste slip, excavation route, drilling permit) is issued.
"""

from __future__ import annotations

from app.domain.workflows.common import deficiency, refer, row
from app.domain.workflows.engine import StateDef, Workflow

EXPERT = "renovation.expert"
HEAD = "renovation.head"
UNIT = "renovation"
BOTH = {EXPERT, HEAD}

RENOVATION_CLEARANCE = Workflow(
    id="renovation_clearance",
    title_en="Renovation-tax clearance and waste",
    title_fa="مفاصا حساب نوسازی و پسماند",
    initial_state="received",
    states=(
        StateDef("received", UNIT, "Received", "دریافت شده", role=EXPERT),
        StateDef("awaiting_documents", UNIT, "Awaiting documents", "در انتظار تکمیل مدارک", role=EXPERT),
        StateDef("awaiting_payment", UNIT, "Awaiting payment", "در انتظار پرداخت", role=EXPERT),
        StateDef("in_review", UNIT, "Final review", "بررسی نهایی", role=EXPERT),
        StateDef("cleared", UNIT, "Issued", "صادر شده", terminal=True),
        StateDef("rejected", UNIT, "Rejected", "رد شده", terminal=True),
        StateDef("cancelled", UNIT, "Cancelled", "ابطال شده", terminal=True),
    ),
    transitions=(
        row("received", "issue_slip", "awaiting_payment", BOTH, guards=("all_documents_received",)),
        deficiency("received", "awaiting_documents", BOTH),
        refer("received", BOTH),
        row("awaiting_documents", "documents_completed", "received", BOTH, guards=("all_documents_received",)),
        row("awaiting_documents", "withdraw", "cancelled", BOTH, note=True),
        row("awaiting_payment", "confirm_payment", "in_review", BOTH, guards=("fees_paid",)),
        row("awaiting_payment", "cancel", "cancelled", {HEAD}, note=True),
        row("in_review", "issue_clearance", "cleared", BOTH, guards=("fees_paid",)),
        row("in_review", "reject", "rejected", BOTH, note=True),
        refer("in_review", BOTH),
    ),
)
