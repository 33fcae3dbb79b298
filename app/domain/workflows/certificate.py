"""Certificates (گواهی): no violation, completion, no objection. The expert drafts, the head approves, the
certificate is issued, and an issued certificate can be revoked.

One table per kind, because each kind has its own prerequisites on the way to the head: a completion certificate
needs the supervising engineer's final report and no open violation; a no-violation certificate needs no open
violation; every kind needs its fees paid. ``issue`` also needs the certificate printed (``certificate_printed``), so
the generic Issue button cannot skip the head's approval and the print.
"""

from __future__ import annotations

from app.domain.units import OFFICE_HEAD
from app.domain.workflows.common import deficiency, refer, row
from app.domain.workflows.engine import StateDef, Workflow

EXPERT = "certificates.expert"
HEAD = "certificates.head"
UNIT = "certificates"
BOTH = {EXPERT, HEAD}

CERTIFICATE_KINDS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "no_violation": ("Certificate of no violation", "گواهی عدم خلاف", ("no_open_violations", "fees_paid")),
    "completion": (
        "Completion certificate",
        "گواهی پایان کار",
        ("supervisor_final_report", "no_open_violations", "fees_paid"),
    ),
    "no_objection": ("No-objection certificate", "گواهی بلامانع", ("fees_paid",)),
}


def certificate_workflow_id(kind: str) -> str:
    return f"certificate.{kind}"


def make_certificate_workflow(kind: str) -> Workflow:
    title_en, title_fa, prerequisites = CERTIFICATE_KINDS[kind]
    guards = ("all_documents_received", *prerequisites)
    return Workflow(
        id=certificate_workflow_id(kind),
        title_en=title_en,
        title_fa=title_fa,
        initial_state="draft",
        states=(
            StateDef("draft", UNIT, "Draft", "پیش‌نویس", role=EXPERT),
            StateDef("awaiting_documents", UNIT, "Awaiting documents", "در انتظار تکمیل مدارک", role=EXPERT),
            StateDef("head_review", UNIT, "Head's approval", "تایید رئیس واحد", role=HEAD),
            StateDef("issued", UNIT, "Issued", "صادر شده", role=HEAD, settled=True),
            StateDef("rejected", UNIT, "Rejected", "رد شده", terminal=True),
            StateDef("revoked", UNIT, "Revoked", "ابطال شده", terminal=True),
        ),
        transitions=(
            row("draft", "submit_for_approval", "head_review", BOTH, guards=guards),
            deficiency("draft", "awaiting_documents", BOTH),
            row("draft", "reject", "rejected", BOTH, note=True),
            refer("draft", BOTH),
            row("awaiting_documents", "documents_completed", "draft", BOTH, guards=("all_documents_received",)),
            row("awaiting_documents", "withdraw", "rejected", BOTH, note=True),
            # Issued only once printed with its signed QR: the print service sets ``certificate_printed``.
            row("head_review", "issue", "issued", {HEAD}, guards=(*guards, "certificate_printed")),
            row("head_review", "return_to_expert", "draft", {HEAD}, note=True),
            row("issued", "revoke", "revoked", {HEAD, OFFICE_HEAD}, note=True),
        ),
    )


CERTIFICATE_WORKFLOWS: tuple[Workflow, ...] = tuple(make_certificate_workflow(k) for k in CERTIFICATE_KINDS)
