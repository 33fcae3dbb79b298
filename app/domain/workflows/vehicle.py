"""Vehicle charges (عوارض خودرو, unit 11): one table per request kind, because each kind has its own steps.

- ``vehicle.sticker`` — the annual traffic-zone sticker: received → fee slip issued → paid → sticker issued (its
  serial) or rejected.
- ``vehicle.replacement`` — a lost or damaged sticker: received → reason checked → slip → paid → the new sticker
  issued and the old one voided (the service does both in the ``issue`` transaction).
- ``vehicle.refund`` — the unused period's share of this year's sticker: received → amount computed → approved by the
  head → paid out, or rejected.
- ``vehicle.objection`` — an objection to a camera fine: received → reviewed → sent to the traffic police → the
  outcome recorded (accepted or refused).

The office's own charge is paid before the work is finished: ``fees_paid`` guards issuing, the head's approval of a
refund and sending an objection to the police.
"""

from __future__ import annotations

from app.domain.units import OFFICE_HEAD
from app.domain.workflows.common import deficiency, refer, row
from app.domain.workflows.engine import StateDef, Transition, Workflow

CLERK = "vehicle.clerk"
HEAD = "vehicle.head"
UNIT = "vehicle"
BOTH = {CLERK, HEAD}
HEADS = {HEAD, OFFICE_HEAD}

STICKER_WORKFLOW_ID = "vehicle.sticker"
REPLACEMENT_WORKFLOW_ID = "vehicle.replacement"
REFUND_WORKFLOW_ID = "vehicle.refund"
OBJECTION_WORKFLOW_ID = "vehicle.objection"

_DOCS = ("all_documents_received",)
_PAID = ("fees_paid",)


def _counter(first_step: Transition) -> tuple[Transition, ...]:
    """The counter's rows of every kind: the first step, the deficiency loop, referral, the head's refusal."""
    return (
        first_step,
        deficiency("received", "awaiting_documents", BOTH),
        refer("received", BOTH),
        row("received", "reject", "rejected", HEADS, note=True),
        row("awaiting_documents", "documents_completed", "received", BOTH, guards=_DOCS),
        row("awaiting_documents", "withdraw", "withdrawn", BOTH, note=True),
    )


def _common_states() -> tuple[StateDef, ...]:
    return (
        StateDef("received", UNIT, "Received", "دریافت شده", role=CLERK),
        StateDef("awaiting_documents", UNIT, "Awaiting documents", "در انتظار تکمیل مدارک", role=CLERK),
    )


def _ends() -> tuple[StateDef, ...]:
    return (
        StateDef("rejected", UNIT, "Rejected", "رد شده", terminal=True),
        StateDef("withdrawn", UNIT, "Withdrawn", "انصراف", terminal=True),
    )


_PAYMENT_STATES = (
    StateDef("awaiting_payment", UNIT, "Fee slip issued", "فیش صادر شده", role=CLERK),
    StateDef("paid", UNIT, "Paid", "پرداخت شده", role=CLERK),
)
_PAYMENT_ROWS = (
    row("awaiting_payment", "confirm_payment", "paid", BOTH, guards=_PAID),
    row("awaiting_payment", "withdraw", "withdrawn", BOTH, note=True),
    row("paid", "issue", "issued", BOTH, guards=(*_DOCS, *_PAID)),
    row("paid", "reject", "rejected", HEADS, note=True),
)

VEHICLE_STICKER = Workflow(
    id=STICKER_WORKFLOW_ID,
    title_en="Annual traffic-zone sticker",
    title_fa="آرم طرح ترافیک سالیانه",
    initial_state="received",
    states=(
        *_common_states(),
        *_PAYMENT_STATES,
        StateDef("issued", UNIT, "Sticker issued", "آرم صادر شده", terminal=True),
        *_ends(),
    ),
    transitions=(
        *_counter(row("received", "issue_slip", "awaiting_payment", BOTH, guards=_DOCS)),
        *_PAYMENT_ROWS,
    ),
)

VEHICLE_REPLACEMENT = Workflow(
    id=REPLACEMENT_WORKFLOW_ID,
    title_en="Replacing the traffic-zone sticker",
    title_fa="تعویض آرم طرح ترافیک",
    initial_state="received",
    states=(
        *_common_states(),
        StateDef("reason_checked", UNIT, "Reason checked", "علت تعویض بررسی شده", role=CLERK),
        *_PAYMENT_STATES,
        StateDef("issued", UNIT, "New sticker issued", "آرم جدید صادر شده", terminal=True),
        *_ends(),
    ),
    transitions=(
        *_counter(row("received", "check_reason", "reason_checked", BOTH, guards=_DOCS)),
        row("reason_checked", "issue_slip", "awaiting_payment", BOTH, guards=_DOCS),
        row("reason_checked", "reject", "rejected", HEADS, note=True),
        refer("reason_checked", BOTH),
        *_PAYMENT_ROWS,
    ),
)

VEHICLE_REFUND = Workflow(
    id=REFUND_WORKFLOW_ID,
    title_en="Refund of the traffic-zone charge",
    title_fa="عودت هزینه طرح ترافیک",
    initial_state="received",
    states=(
        *_common_states(),
        StateDef("amount_computed", UNIT, "Amount computed", "مبلغ محاسبه شده", role=HEAD),
        StateDef("approved", UNIT, "Approved by the head", "تایید رئیس واحد", role=CLERK),
        StateDef("paid_out", UNIT, "Paid out", "پرداخت شده", terminal=True),
        *_ends(),
    ),
    transitions=(
        *_counter(row("received", "compute_refund", "amount_computed", BOTH, guards=_DOCS)),
        row("amount_computed", "approve", "approved", HEADS, guards=_PAID),
        row("amount_computed", "reject", "rejected", HEADS, note=True),
        row("amount_computed", "return_to_expert", "received", HEADS, note=True),
        row("approved", "pay_out", "paid_out", BOTH, guards=_PAID),
    ),
)

VEHICLE_OBJECTION = Workflow(
    id=OBJECTION_WORKFLOW_ID,
    title_en="Objection to a camera traffic fine",
    title_fa="اعتراض به جریمه دوربین",
    initial_state="received",
    states=(
        *_common_states(),
        StateDef("in_review", UNIT, "Reviewed", "در حال بررسی", role=CLERK),
        StateDef("with_police", UNIT, "Sent to the traffic police", "ارسال شده به پلیس راهور", role=CLERK),
        StateDef("accepted", UNIT, "Objection accepted", "اعتراض پذیرفته شد", terminal=True),
        StateDef("refused", UNIT, "Objection refused", "اعتراض رد شد", terminal=True),
        *_ends(),
    ),
    transitions=(
        *_counter(row("received", "start_review", "in_review", BOTH, guards=_DOCS)),
        row("in_review", "send_to_police", "with_police", BOTH, guards=(*_DOCS, *_PAID)),
        row("in_review", "reject", "rejected", HEADS, note=True),
        refer("in_review", BOTH),
        row("with_police", "objection_accepted", "accepted", BOTH, note=True),
        row("with_police", "objection_refused", "refused", BOTH, note=True),
    ),
)

VEHICLE_WORKFLOWS: tuple[Workflow, ...] = (VEHICLE_STICKER, VEHICLE_REPLACEMENT, VEHICLE_REFUND, VEHICLE_OBJECTION)
