"""Demo certificate cases: one in every step of the certificates unit's route, made through the real use cases.

Draft ready to submit, draft waiting for documents, draft blocked by an open violation, waiting for the head's
approval, approved and waiting to be printed, printed and waiting to be issued, issued, and revoked with a reason;
plus unpaid fees on a few cases so that their payment slip prints.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from app.domain.catalog import CATALOG
from app.domain.workflows import Actor
from app.models import Payment
from app.services.context import Services
from app.services.dto import OpenCaseInput
from app.services.outbox import enqueue_upsert

DRAFTS = {
    "no_violation": {"building_area_m2": "412.5", "floors": "3", "units": "3", "land_use": "مسکونی"},
    "completion": {"building_area_m2": "612", "floors": "4", "units": "6", "land_use": "مسکونی (پهنهٔ R112)",
                   "permit_number": "1400/3215"},
    "no_objection": {"land_use": "تجاری", "conditions": "برای تعویض سند مالکیت به نام خریدار."},
}  # fmt: skip
SERVICES = {"no_violation": "C01_NO_VIOLATION", "completion": "C02_COMPLETION", "no_objection": "C03_NO_OBJECTION"}

# (kind, how far the case goes)
PLAN: tuple[tuple[str, str], ...] = (
    ("no_violation", "draft"),
    ("completion", "awaiting_documents"),
    ("no_violation", "open_violation"),
    ("no_objection", "head_review"),
    ("completion", "approved"),
    ("no_violation", "printed"),
    ("no_objection", "issued"),
    ("completion", "revoked"),
)


def add_unpaid_fees(services: Services, case_id: str, service_code: str) -> None:
    """The service's fixed fees as unpaid payments (what the renovation unit's slip issuing records)."""
    service = CATALOG.get(service_code)
    with services.uow() as uow:
        for fee in service.fees:
            if fee.amount_rials is None:
                continue
            stamp = services.stamp()
            row = Payment(case_id=case_id, fee_code=fee.code, amount_rials=fee.amount_rials, hlc=stamp)
            uow.session.add(row)
            uow.session.flush()
            enqueue_upsert(uow.session, "payment", row, None, stamp)
        uow.commit()


def create_certificate_demo(
    services: Services,
    actors: Mapping[str, Actor],
    persons: Sequence[str],
    properties: Sequence[str],
    *,
    now: dt.datetime | None = None,
) -> list[str]:
    """The certificate cases of the plan above; returns their case ids."""
    now = now or services.now()
    expert = actors["certificates"]
    head = actors["officehead"]
    made: list[str] = []
    for i, (kind, stage) in enumerate(PLAN):
        service = CATALOG.get(SERVICES[kind])
        docs = set(service.required_documents)
        if stage == "awaiting_documents":
            docs.discard(sorted(docs)[0])
        moment = now - dt.timedelta(days=len(PLAN) - i, hours=2)
        with services.clock_at(moment):
            result = services.intake.open_case(
                expert,
                OpenCaseInput(service.code, persons[(7 * i + 3) % len(persons)],
                              properties[(5 * i + 2) % len(properties)], frozenset(docs)),
            )  # fmt: skip
            case_id = result.case_id
            made.append(case_id)
            certs = services.certificates
            certs.save_draft(expert, case_id, DRAFTS[kind])
            if stage == "awaiting_documents":
                certs.act(expert, case_id, "return_deficiency", note="مدارک ناقص است؛ با متقاضی تماس گرفته شد.")
                add_unpaid_fees(services, case_id, service.code)
                continue
            if stage == "open_violation":
                services.cases.set_fact(head, case_id, "open_violations", 1)
                services.cases.set_fact(head, case_id, "fees_paid", True)
                continue
            if stage == "draft":
                add_unpaid_fees(services, case_id, service.code)
                continue
            services.cases.set_fact(head, case_id, "fees_paid", True)
            services.cases.set_fact(head, case_id, "open_violations", 0)
            if kind == "completion":
                certs.set_supervisor_report(expert, case_id, True)
            certs.act(expert, case_id, "submit_for_approval")
            if stage == "head_review":
                continue
            certs.approve(expert, case_id)
            if stage == "approved":
                continue
            job = services.printing.prepare(expert, case_id, "certificate")
            services.printing.record(expert, job, printer="demo-laser")
            if stage == "printed":
                continue
            certs.issue(expert, case_id)
            if stage == "revoked":
                certs.revoke(expert, case_id, "نقشهٔ تفکیکی با وضع موجود مطابقت ندارد.")
    return made
