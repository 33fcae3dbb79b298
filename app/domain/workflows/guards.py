"""Named guards that workflow tables refer to. Each reads a ``CaseSnapshot`` and returns what is missing.

Guards fail closed: a fact the services did not supply counts as not done. The facts a snapshot may carry:

=========================  ==========================================================================================
``FACT_OPEN_VIOLATIONS``   int count, or a collection of open violation ids; absent means none recorded
``FACT_FEES_PAID``         bool: every fee of the case is paid; ``FACT_UNPAID_FEES`` (fee codes) tells which are not
``FACT_SKETCH_DONE``       bool: the inspector saved a closed sketch with its area
``FACT_AERIAL_MAP``        bool: the 1:2000 aerial extract is attached
``FACT_LOCATED``           bool: the inspector located the property on the aerial map
``FACT_SCANNED``           bool: the property documents are scanned into the case
``FACT_SUPERVISOR_FINAL``  bool: the supervising engineer's final report is recorded
``FACT_REFERRALS``         collection of answered referral codes (``green_space``, ``fire``)
``FACT_CHECKLIST_DONE``    bool: permit checklist and commitments complete; ``FACT_OPEN_CHECKLIST`` lists open items
``FACT_TECHNICAL_ID``      bool: the building technical ID (شناسنامه فنی) is recorded
``FACT_CERT_PRINTED``      bool: the approved certificate was printed with its signed QR (set by the print service)
=========================  ==========================================================================================
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from app.domain.workflows.engine import CaseSnapshot, Guard, collection_of

FACT_OPEN_VIOLATIONS = "open_violations"
FACT_FEES_PAID = "fees_paid"
FACT_UNPAID_FEES = "unpaid_fees"
FACT_SKETCH_DONE = "sketch_done"
FACT_AERIAL_MAP = "aerial_map_attached"
FACT_LOCATED = "property_located"
FACT_SCANNED = "documents_scanned"
FACT_SUPERVISOR_FINAL = "supervisor_final_report"
FACT_REFERRALS = "answered_referrals"
FACT_CHECKLIST_DONE = "checklist_complete"
FACT_OPEN_CHECKLIST = "open_checklist_items"
FACT_TECHNICAL_ID = "technical_id_recorded"
FACT_CERT_PRINTED = "certificate_printed"

REFERRAL_GREEN_SPACE = "green_space"
REFERRAL_FIRE = "fire"
PLAN_REFERRALS: tuple[str, ...] = (REFERRAL_GREEN_SPACE, REFERRAL_FIRE)


def _flag(snapshot: CaseSnapshot, fact: str, detail_fact: str | None = None) -> tuple[str, ...]:
    if snapshot.facts.get(fact) is True:
        return ()
    if detail_fact is not None:
        detail = tuple(sorted(collection_of(snapshot.facts.get(detail_fact))))
        if detail:
            return detail
    return (fact,)


def _open_violations(snapshot: CaseSnapshot) -> tuple[str, ...]:
    value = snapshot.facts.get(FACT_OPEN_VIOLATIONS)
    if isinstance(value, bool) or value is None:
        return (FACT_OPEN_VIOLATIONS,) if value else ()
    if isinstance(value, int):
        return (FACT_OPEN_VIOLATIONS,) if value > 0 else ()
    return tuple(sorted(collection_of(value)))


def all_documents_received(snapshot: CaseSnapshot) -> tuple[str, ...]:
    return tuple(sorted(snapshot.missing_documents))


def no_open_violations(snapshot: CaseSnapshot) -> tuple[str, ...]:
    return _open_violations(snapshot)


def has_open_violations(snapshot: CaseSnapshot) -> tuple[str, ...]:
    return () if _open_violations(snapshot) else (FACT_OPEN_VIOLATIONS,)


def fees_paid(snapshot: CaseSnapshot) -> tuple[str, ...]:
    return _flag(snapshot, FACT_FEES_PAID, FACT_UNPAID_FEES)


def sketch_done(snapshot: CaseSnapshot) -> tuple[str, ...]:
    return _flag(snapshot, FACT_SKETCH_DONE)


def aerial_map_attached(snapshot: CaseSnapshot) -> tuple[str, ...]:
    return _flag(snapshot, FACT_AERIAL_MAP)


def property_located(snapshot: CaseSnapshot) -> tuple[str, ...]:
    return _flag(snapshot, FACT_LOCATED)


def documents_scanned(snapshot: CaseSnapshot) -> tuple[str, ...]:
    return _flag(snapshot, FACT_SCANNED)


def supervisor_final_report(snapshot: CaseSnapshot) -> tuple[str, ...]:
    return _flag(snapshot, FACT_SUPERVISOR_FINAL)


def both_referrals_answered(snapshot: CaseSnapshot) -> tuple[str, ...]:
    answered = set(collection_of(snapshot.facts.get(FACT_REFERRALS)))
    return tuple(r for r in PLAN_REFERRALS if r not in answered)


def checklist_complete(snapshot: CaseSnapshot) -> tuple[str, ...]:
    return _flag(snapshot, FACT_CHECKLIST_DONE, FACT_OPEN_CHECKLIST)


def technical_id_recorded(snapshot: CaseSnapshot) -> tuple[str, ...]:
    return _flag(snapshot, FACT_TECHNICAL_ID)


def certificate_printed(snapshot: CaseSnapshot) -> tuple[str, ...]:
    return _flag(snapshot, FACT_CERT_PRINTED)


GUARDS: Mapping[str, Guard] = MappingProxyType(
    {
        g.__name__: g
        for g in (
            all_documents_received,
            no_open_violations,
            has_open_violations,
            fees_paid,
            sketch_done,
            aerial_map_attached,
            property_located,
            documents_scanned,
            supervisor_final_report,
            both_referrals_answered,
            checklist_complete,
            technical_id_recorded,
            certificate_printed,
        )
    }
)

# Facts that make every guard pass: tests and demo data start from here.
PASSING_FACTS: Mapping[str, object] = MappingProxyType(
    {
        FACT_OPEN_VIOLATIONS: 0,
        FACT_FEES_PAID: True,
        FACT_SKETCH_DONE: True,
        FACT_AERIAL_MAP: True,
        FACT_LOCATED: True,
        FACT_SCANNED: True,
        FACT_SUPERVISOR_FINAL: True,
        FACT_REFERRALS: PLAN_REFERRALS,
        FACT_CHECKLIST_DONE: True,
        FACT_TECHNICAL_ID: True,
        FACT_CERT_PRINTED: True,
    }
)
