"""Permit draft (پیش‌نویس صدور پروانه): electrical, mechanical and structural sheets, checklists and commitments,
payments and the building technical ID are checked; the head approves and the draft goes to the district.
"""

from __future__ import annotations

from app.domain.workflows.common import deficiency, refer, row
from app.domain.workflows.engine import StateDef, Workflow

EXPERT = "permits.expert"
HEAD = "permits.head"
UNIT = "permits"
BOTH = {EXPERT, HEAD}

PERMIT_DRAFT = Workflow(
    id="permit_draft",
    title_en="Building-permit draft",
    title_fa="پیش‌نویس پروانه ساختمانی",
    initial_state="received",
    states=(
        StateDef("received", UNIT, "Received", "دریافت شده", role=EXPERT),
        StateDef("checking", UNIT, "Sheets, checklists and payments", "کنترل برگه‌ها، تعهدات و پرداختی‌ها", role=EXPERT),
        StateDef("awaiting_documents", UNIT, "Awaiting documents", "در انتظار تکمیل مدارک", role=EXPERT),
        StateDef("head_review", UNIT, "Head's approval", "تایید رئیس واحد", role=HEAD),
        StateDef("sent_to_district", UNIT, "Sent to the district", "ارسال شده به منطقه", terminal=True),
        StateDef("cancelled", UNIT, "Cancelled", "ابطال شده", terminal=True),
    ),
    transitions=(
        row("received", "start_review", "checking", BOTH),
        refer("received", BOTH),
        row("checking", "submit_for_approval", "head_review", BOTH,
            guards=("all_documents_received", "checklist_complete", "fees_paid", "technical_id_recorded")),
        deficiency("checking", "awaiting_documents", BOTH),
        refer("checking", BOTH),
        row("awaiting_documents", "documents_completed", "checking", BOTH, guards=("all_documents_received",)),
        row("awaiting_documents", "cancel", "cancelled", {HEAD}, note=True),
        row("head_review", "approve", "sent_to_district", {HEAD},
            guards=("checklist_complete", "fees_paid", "technical_id_recorded")),
        row("head_review", "return_to_expert", "checking", {HEAD}, note=True),
    ),
)  # fmt: skip
