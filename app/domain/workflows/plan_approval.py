"""Architectural plan approval (تایید نقشه معماری): after the plan order the architect firm sends the plans to the
cartable; approved plans are referred to green space and the fire department, and the file completes when both
have answered.
"""

from __future__ import annotations

from app.domain.workflows.common import refer, row
from app.domain.workflows.engine import StateDef, Workflow

EXPERT = "plan_approval.expert"
HEAD = "plan_approval.head"
LIAISON = "liaison.liaison"
UNIT = "plan_approval"
BOTH = {EXPERT, HEAD}

PLAN_APPROVAL = Workflow(
    id="plan_approval",
    title_en="Architectural plan approval",
    title_fa="تایید نقشه معماری",
    initial_state="received",
    states=(
        StateDef("received", UNIT, "Plans received", "نقشه‌ها دریافت شده", role=EXPERT),
        StateDef("in_review", UNIT, "Plan review", "کنترل نقشه", role=EXPERT),
        StateDef("returned_to_architect", UNIT, "With the architect firm", "نزد شرکت معمار", role=EXPERT),
        StateDef("referrals", UNIT, "Green space and fire referrals", "استعلام فضای سبز و آتش‌نشانی", role=EXPERT),
        StateDef("approved", UNIT, "Approved", "تایید شده", terminal=True),
        StateDef("rejected", UNIT, "Rejected", "رد شده", terminal=True),
    ),
    transitions=(
        row("received", "start_review", "in_review", BOTH),
        refer("received", BOTH),
        row("in_review", "approve_plans", "referrals", BOTH),
        row("in_review", "return_to_architect", "returned_to_architect", BOTH, note=True),
        row("in_review", "reject", "rejected", {HEAD}, note=True),
        refer("in_review", BOTH),
        row("returned_to_architect", "resubmit", "in_review", BOTH),
        row("referrals", "record_referral_answer", "referrals", {EXPERT, HEAD, LIAISON}, note=True),
        row("referrals", "complete", "approved", BOTH, guards=("both_referrals_answered",)),
        row("referrals", "return_to_architect", "returned_to_architect", BOTH, note=True),
        refer("referrals", BOTH),
    ),
)
