"""Certificate drafts (پیش‌نویس گواهی): no violation, completion, no objection.

The route: the expert fills the draft (the document checklist, the property's figures, the conditions) and submits it
→ the head reviews and **approves** (the certificate gets its serial and its printed facts are frozen) or returns it
with a reason → the certificate is **printed** with the office's signed QR → the head **issues** it (the workflow's
``issue``) → an issued certificate may be **revoked** with a reason, and from then on the verifier reports it revoked.

The preconditions are the workflow's guards (``app/domain/workflows/certificate.py``): every required document, no
open violation (no violation, completion), the supervisor's final report (completion), fees paid (all kinds). A
refusal raises a ``DomainError`` whose Persian message names what is missing, and changes nothing.

The revocation list is this database's ``issued_certificate`` rows with ``status == "revoked"`` (synced to every
workstation); ``verify`` checks a payload offline against it, and against the central server's ``/verify`` when a
server address is given.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import workflows as wf
from app.domain.catalog import CATALOG
from app.domain.dates import JalaliDate
from app.domain.errors import DomainError, ValidationError
from app.domain.text import normalize, to_persian_digits
from app.domain.workflows import Actor
from app.domain.workflows.certificate import CERTIFICATE_KINDS, EXPERT, HEAD
from app.domain.workflows.guards import FACT_CERT_PRINTED
from app.models import Case, CaseDocument, Person, Property
from app.models.printing import IssuedCertificate
from app.printing import signing
from app.printing.data import require
from app.services.common import OFFICE_HEAD, Area, get_case_row, plate_text
from app.services.dto import Changes
from app.services.outbox import enqueue_action, enqueue_upsert
from app.services.printing import CERTIFICATE_SKETCH_SIZE, certificate_data, missing_field_error
from app.services.workflow_ops import missing_documents, move_case, snapshot_of, store_event

log = logging.getLogger(__name__)

WORKFLOW_PREFIX = "certificate."
DRAFT_FACT = "certificate_draft"
SIGNATORY_TITLE = "رئیس واحد صدور گواهی"
DRAFT_FIELDS = ("land_area_m2", "building_area_m2", "floors", "units", "land_use", "permit_number", "conditions")
DEFAULT_CONDITIONS = {
    "no_violation": "این گواهی فقط برای ملک یادشده و در وضعیت روز بازدید معتبر است.",
    "completion": "این گواهی بر پایهٔ گزارش پایان کار مهندس ناظر و مطابقت بنا با پروانه صادر شده است.",
    "no_objection": "این گواهی فقط برای درخواست یادشده معتبر است و مجوز ساخت به شمار نمی‌رود.",
}
PRECONDITION_TITLES: dict[str, tuple[str, str]] = {
    "open_violations": ("No open violation", "نبود خلاف باز"),
    "supervisor_final_report": ("Supervisor's final report", "گزارش پایان کار مهندس ناظر"),
    "fees_paid": ("Fees paid", "پرداخت عوارض و هزینه‌ها"),
}
_GUARD_FACT = {"no_open_violations": "open_violations", "supervisor_final_report": "supervisor_final_report",
               "fees_paid": "fees_paid"}  # fmt: skip


@dataclass(frozen=True)
class ChecklistLine:
    code: str
    title: str
    required: bool
    done: bool
    kind: str = "document"  # document | precondition


@dataclass(frozen=True)
class CertificateInfo:
    serial: str
    status: str  # approved | printed | issued | revoked | void
    approved_by: str
    approved_at: dt.datetime
    issued_at: dt.datetime | None
    revoked_at: dt.datetime | None
    revoke_reason: str
    payload: str


@dataclass(frozen=True)
class CertificateOverview:
    case_id: str
    tracking_number: str
    version: int
    kind: str
    kind_title: str
    state: str
    state_title: str
    applicant_name: str
    property_address: str
    renovation_code: str
    checklist: tuple[ChecklistLine, ...]
    draft: dict[str, Any]
    certificate: CertificateInfo | None
    steps: tuple[str, ...]  # what this user may do now: save_draft, submit, approve, return, print, issue, revoke ...
    history_notes: tuple[str, ...] = field(default=())

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(line.title for line in self.checklist if line.required and not line.done)


@dataclass(frozen=True)
class CertificateRow:
    case_id: str
    tracking_number: str
    kind: str
    kind_title: str
    applicant_name: str
    state: str
    state_title: str
    serial: str
    status: str
    opened_at: dt.datetime


@dataclass(frozen=True)
class CertificateCheck:
    """A scanned QR payload, checked: the signature, the revocation list, the case it names."""

    status: str  # genuine | revoked | forged | unknown_key | malformed
    genuine: bool
    lines: tuple[str, ...]  # Persian, as ``ecity-counter verify`` prints them
    case_id: str | None = None
    kind: str = ""
    serial: str = ""
    tracking_number: str = ""
    revoke_reason: str = ""
    online: str = ""  # "" not asked; else the server's status, or "unreachable"


def kind_of(workflow_id: str) -> str:
    return workflow_id.removeprefix(WORKFLOW_PREFIX) if workflow_id.startswith(WORKFLOW_PREFIX) else ""


def is_payload(text: str) -> bool:
    return (text or "").strip().startswith(signing.PREFIX + ".")


class CertificateService(Area):
    # -- reading ---------------------------------------------------------------------------------------------------
    def list_certificates(self, actor: Actor, *, limit: int = 500) -> list[CertificateRow]:
        """Every certificate case, the unit's open work first, with its certificate's serial and status."""
        with self._s.uow(writer=False) as uow:
            session = uow.session
            cases = session.scalars(
                select(Case)
                .where(Case.workflow_id.startswith(WORKFLOW_PREFIX), Case.deleted.is_(False))
                .order_by(Case.closed_at.is_not(None), Case.opened_at.desc())
                .limit(limit)
            ).all()
            certs = {c.case_id: c for c in self._latest_certificates(session, [c.id for c in cases])}
            rows = []
            for c in cases:
                kind = kind_of(c.workflow_id)
                cert = certs.get(c.id)
                rows.append(
                    CertificateRow(
                        c.id, c.tracking_number, kind, self.kind_title(kind), c.applicant_name, c.state,
                        self.state_title(c.workflow_id, c.state), cert.serial if cert else "",
                        cert.status if cert else "", c.opened_at,
                    )
                )  # fmt: skip
            return rows

    def kind_title(self, kind: str) -> str:
        if kind not in CERTIFICATE_KINDS:
            return kind
        en, fa, _ = CERTIFICATE_KINDS[kind]
        return self._title(en, fa)

    @staticmethod
    def _latest_certificates(session: Session, case_ids: list[str]) -> list[IssuedCertificate]:
        if not case_ids:
            return []
        rows: dict[str, IssuedCertificate] = {}
        for start in range(0, len(case_ids), 500):
            for cert in session.scalars(
                select(IssuedCertificate)
                .where(IssuedCertificate.case_id.in_(case_ids[start : start + 500]))
                .order_by(IssuedCertificate.approved_at)
            ):
                if cert.status != "void" or cert.case_id not in rows:
                    rows[cert.case_id] = cert
        return list(rows.values())

    def _current(self, session: Session, case_id: str) -> IssuedCertificate | None:
        """The case's certificate that counts: the last one approved and not voided by a return."""
        return session.scalar(
            select(IssuedCertificate)
            .where(IssuedCertificate.case_id == case_id, IssuedCertificate.status != "void")
            .order_by(IssuedCertificate.approved_at.desc())
            .limit(1)
        )

    def overview(self, actor: Actor, case_id: str) -> CertificateOverview:
        with self._s.uow(writer=False) as uow:
            session = uow.session
            case = self._certificate_case(session, case_id)
            kind = kind_of(case.workflow_id)
            prop = session.get(Property, case.property_id) if case.property_id else None
            cert = self._current(session, case.id)
            return CertificateOverview(
                case_id=case.id,
                tracking_number=case.tracking_number,
                version=case.version,
                kind=kind,
                kind_title=self.kind_title(kind),
                state=case.state,
                state_title=self.state_title(case.workflow_id, case.state),
                applicant_name=case.applicant_name,
                property_address=prop.address if prop else "",
                renovation_code=prop.renovation_key if prop else "",
                checklist=tuple(self._checklist(session, case)),
                draft=dict((case.facts or {}).get(DRAFT_FACT) or {}),
                certificate=_info(cert) if cert else None,
                steps=self._steps(session, case, cert, actor),
            )

    def _certificate_case(self, session: Session, case_id: str) -> Case:
        case = get_case_row(session, case_id)
        if not case.workflow_id.startswith(WORKFLOW_PREFIX):
            raise ValidationError("certificate.not_a_certificate_case", field="case_id")
        return case

    def _checklist(self, session: Session, case: Case) -> list[ChecklistLine]:
        docs = session.scalars(
            select(CaseDocument)
            .where(CaseDocument.case_id == case.id, CaseDocument.deleted.is_(False))
            .order_by(CaseDocument.required.desc(), CaseDocument.doc_type)
        ).all()
        lines = [ChecklistLine(d.doc_type, self.document_title(d.doc_type), d.required, d.received) for d in docs]
        snapshot = snapshot_of(session, case)
        _, _, prerequisites = CERTIFICATE_KINDS[kind_of(case.workflow_id)]
        for guard in prerequisites:
            fact = _GUARD_FACT[guard]
            ok = not wf.GUARDS[guard](snapshot)
            lines.append(ChecklistLine(fact, self._title(*PRECONDITION_TITLES[fact]), True, ok, "precondition"))
        return lines

    def _steps(self, session: Session, case: Case, cert: IssuedCertificate | None, actor: Actor) -> tuple[str, ...]:
        """The buttons to offer: the workflow's actions the actor's roles allow here, plus approve and print."""
        workflow = wf.get_workflow(case.workflow_id)
        allowed = {t.action for t in workflow.transitions_from(case.state) if actor.has_any_role(t.roles)}
        steps: list[str] = []
        if case.state in ("draft", "awaiting_documents") and actor.has_any_role({EXPERT, HEAD}):
            steps.append("save_draft")
        for action, step in (("submit_for_approval", "submit"), ("return_deficiency", "return_deficiency"),
                             ("documents_completed", "documents_completed"), ("reject", "reject")):  # fmt: skip
            if action in allowed:
                steps.append(step)
        if case.state == "head_review" and "issue" in allowed:
            if cert is None:
                steps.append("approve")
            if cert is not None and cert.status in ("approved", "printed"):
                steps.append("print")
            if cert is not None and cert.status == "printed":
                steps.append("issue")
        if "return_to_expert" in allowed:
            steps.append("return_to_expert")
        # ``printed`` too: the case view's generic Issue button moves the case without touching the certificate row.
        if case.state == "issued" and cert is not None and cert.status in ("issued", "printed"):
            steps.append("print")
            if "revoke" in allowed:
                steps.append("revoke")
        return tuple(steps)

    # -- the draft -------------------------------------------------------------------------------------------------
    def save_draft(self, actor: Actor, case_id: str, values: dict[str, Any]) -> Changes:
        """Store the draft's figures and texts in the case (``facts["certificate_draft"]``); bad figures refused."""
        clean = clean_draft(values)
        with self._s.uow() as uow:
            session = uow.session
            case = self._certificate_case(session, case_id)
            if case.state not in ("draft", "awaiting_documents"):
                raise DomainError("certificate.not_a_draft", state=self.state_title(case.workflow_id, case.state))
            if not actor.has_any_role({EXPERT, HEAD, OFFICE_HEAD}):
                raise DomainError("workflow.role_not_allowed", action="save_draft", roles_needed=[EXPERT, HEAD])
            facts = dict(case.facts or {})
            if facts.get(DRAFT_FACT) == clean:
                return Changes()
            facts[DRAFT_FACT] = clean
            self._touch_case(case, facts, ["facts"], session)
            self._s.audit.record(session, actor, "certificate.draft_saved", "case", case.id,
                                 {"tracking_number": case.tracking_number, "fields": sorted(clean)})  # fmt: skip
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case"}))

    def set_supervisor_report(self, actor: Actor, case_id: str, received: bool) -> Changes:
        """The supervising engineer's final report (completion certificates) has been received and checked."""
        return self._s.cases.set_fact(actor, case_id, "supervisor_final_report", bool(received))

    def _touch_case(self, case: Case, facts: dict[str, Any] | None, changed: list[str], session: Session) -> None:
        stamp = self._s.stamp()
        if facts is not None:
            case.facts = facts
        case.version += 1
        case.hlc = stamp
        case.dirty = True
        case.updated_at = self._s.now()
        enqueue_upsert(session, "case_file", case, changed, stamp)

    # -- the workflow steps ----------------------------------------------------------------------------------------
    def act(self, actor: Actor, case_id: str, action: str, *, note: str | None = None,
            expected_version: int | None = None) -> Changes:  # fmt: skip
        """A workflow action that needs no certificate record: submit, deficiency, documents completed, reject."""
        if action not in ("submit_for_approval", "return_deficiency", "documents_completed", "reject", "withdraw"):
            raise ValidationError("certificate.unknown_step", field="action", action=action)
        with self._s.uow() as uow:
            case = self._certificate_case(uow.session, case_id)
            self._apply(uow.session, actor, case, action, note=note, expected_version=expected_version)
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case"}))

    def approve(self, actor: Actor, case_id: str, *, expected_version: int | None = None) -> Changes:
        """The head's approval: the preconditions are checked again, the serial is given and the facts are frozen."""
        with self._s.uow() as uow:
            session = uow.session
            case = self._certificate_case(session, case_id)
            workflow = wf.get_workflow(case.workflow_id)
            # Approval is the decision to issue: the same role and guards as the workflow's ``issue``, but for the
            # print, which comes after the approval.
            snapshot = snapshot_of(session, case)
            snapshot = dataclasses.replace(snapshot, facts={**snapshot.facts, FACT_CERT_PRINTED: True})
            wf.check_action(workflow, snapshot, actor, "issue", expected_version=expected_version)
            if self._current(session, case.id) is not None:
                raise DomainError("certificate.already_approved", tracking_number=case.tracking_number)
            now = self._s.now()
            data = self._frozen_facts(session, case, actor, now)
            sketch = self._s.inspection.sketch_png(case.id, size=CERTIFICATE_SKETCH_SIZE)
            if sketch is not None:
                # Frozen with the facts: the signed hash covers these exact bytes, so every reprint uses them.
                data["sketch_sha256"] = self._s.files.put_bytes(sketch)
            serial = self._next_serial(session, now)
            stamp = self._s.stamp()
            cert = IssuedCertificate(
                case_id=case.id, kind=kind_of(case.workflow_id), serial=serial, tracking_number=case.tracking_number,
                status="approved", data=data, approved_at=now, approved_by=actor.full_name, hlc=stamp,
            )  # fmt: skip
            office = self._s.printing.office_info(session)
            printable = certificate_data(cert, office, sketch)
            try:
                require(printable, "serial", "tracking_number", "owner_name", "property_address", "renovation_code",
                        "issue_date", "signatory_name", "signatory_title")  # fmt: skip
            except ValidationError as exc:
                raise missing_field_error(exc, "certificate") from None
            from app.printing.certificate import certificate_payload

            key = self._s.printing.signing_key()
            cert.payload = certificate_payload(printable, key)
            self._s.printing.register_key(session, actor, key)  # first signature: the key joins the trust list
            session.add(cert)
            session.flush()
            enqueue_upsert(session, "issued_certificate", cert, None, stamp)
            facts = dict(case.facts or {})
            facts[FACT_CERT_PRINTED] = False  # a new certificate: not printed yet
            self._touch_case(case, facts, ["facts"], session)
            self._s.audit.record(session, actor, "certificate.approved", "case", case.id,
                                 {"tracking_number": case.tracking_number, "serial": serial,
                                  "kind": cert.kind})  # fmt: skip
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case", "certificate"}))

    def return_to_expert(self, actor: Actor, case_id: str, reason: str, *,
                         expected_version: int | None = None) -> Changes:  # fmt: skip
        """The head sends the draft back with a reason; an approved but unissued certificate is voided."""
        with self._s.uow() as uow:
            session = uow.session
            case = self._certificate_case(session, case_id)
            self._apply(session, actor, case, "return_to_expert", note=reason, expected_version=expected_version)
            cert = self._current(session, case.id)
            if cert is not None and cert.status in ("approved", "printed"):
                self._set_status(session, cert, "void")
            if (case.facts or {}).get(FACT_CERT_PRINTED):
                # The voided paper no longer counts: the next approval is printed again before it can be issued.
                self._touch_case(case, {**(case.facts or {}), FACT_CERT_PRINTED: False}, ["facts"], session)
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case", "certificate"}))

    def issue(self, actor: Actor, case_id: str, *, expected_version: int | None = None) -> Changes:
        """Issue the printed certificate (the workflow's ``issue``, guards checked once more)."""
        with self._s.uow() as uow:
            session = uow.session
            case = self._certificate_case(session, case_id)
            cert = self._current(session, case.id)
            if cert is None:
                raise DomainError("certificate.not_approved", tracking_number=case.tracking_number)
            if cert.status != "printed":
                raise DomainError("certificate.not_printed", serial=cert.serial)
            self._apply(session, actor, case, "issue", expected_version=expected_version,
                        data={"serial": cert.serial})  # fmt: skip
            cert.issued_at = self._s.now()
            self._set_status(session, cert, "issued", ["issued_at"])
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case", "certificate"}))

    def revoke(self, actor: Actor, case_id: str, reason: str, *, expected_version: int | None = None) -> Changes:
        """Revoke (ابطال) an issued certificate with a reason; the verifier reports it revoked from now on."""
        reason = normalize(reason or "").strip()
        with self._s.uow() as uow:
            session = uow.session
            case = self._certificate_case(session, case_id)
            cert = self._current(session, case.id)
            issued = cert is not None and (
                cert.status == "issued" or (cert.status == "printed" and case.state == "issued")
            )
            if cert is None or not issued:
                raise DomainError("certificate.not_issued", tracking_number=case.tracking_number)
            self._apply(session, actor, case, "revoke", note=reason, expected_version=expected_version,
                        data={"serial": cert.serial})  # fmt: skip
            cert.revoked_at = self._s.now()
            cert.revoked_by = actor.full_name
            cert.revoke_reason = reason
            self._set_status(session, cert, "revoked", ["revoked_at", "revoked_by", "revoke_reason"])
            self._s.audit.record(session, actor, "certificate.revoked", "case", case.id,
                                 {"tracking_number": case.tracking_number, "serial": cert.serial,
                                  "reason": reason})  # fmt: skip
            uow.commit()
        return Changes(frozenset({case_id}), frozenset({"case", "certificate"}))

    def _set_status(
        self, session: Session, cert: IssuedCertificate, status: str, more: list[str] | None = None
    ) -> None:
        stamp = self._s.stamp()
        cert.status = status
        cert.version += 1
        cert.hlc = stamp
        cert.dirty = True
        cert.updated_at = self._s.now()
        enqueue_upsert(session, "issued_certificate", cert, ["status", *(more or [])], stamp)

    def _apply(self, session: Session, actor: Actor, case: Case, action: str, *, note: str | None = None,
               expected_version: int | None = None, data: dict[str, Any] | None = None) -> None:  # fmt: skip
        """One workflow action inside the caller's transaction (as ``cases.apply_action`` does it), so the case's
        move and the certificate's own change commit together."""
        workflow = wf.get_workflow(case.workflow_id)
        now = self._s.now()
        event = wf.apply(
            workflow, snapshot_of(session, case), actor, action, at=now, workstation_id=str(self._s.workstation_no),
            note=note, expected_version=expected_version, data=data,
        )  # fmt: skip
        stamp = self._s.stamp()
        row = store_event(session, self._s, case, event, unit=workflow.state(event.to_state).unit, stamp=stamp)
        move_case(self._s, case, event, stamp=stamp)
        session.flush()
        enqueue_action(
            session, case_id=case.id, action=action, from_state=event.from_state, to_state=event.to_state,
            base_version=event.version, event_id=row.id, event_seq=row.seq, note=event.note,
            assignee_id=event.assignee_id, hlc=stamp, at=now, actor_id=actor.user_id,
            workstation_no=self._s.workstation_no, data=row.data,
        )  # fmt: skip
        self._s.audit.record(
            session, actor, "case.action", "case", case.id,
            {"tracking_number": case.tracking_number, "action": action, "from_state": event.from_state,
             "to_state": event.to_state, "version": case.version, "assignee_id": event.assignee_id},
        )  # fmt: skip

    def _frozen_facts(self, session: Session, case: Case, actor: Actor, now: dt.datetime) -> dict[str, Any]:
        owner = session.get(Person, case.applicant_id)
        prop = session.get(Property, case.property_id) if case.property_id else None
        draft = dict((case.facts or {}).get(DRAFT_FACT) or {})
        kind = kind_of(case.workflow_id)
        land = draft.get("land_area_m2")
        if land is None and prop is not None and prop.deed_area_m2:
            land = float(prop.deed_area_m2)
        facts: list[list[str]] = []
        if draft.get("permit_number"):
            facts.append(["شمارهٔ پروانهٔ ساختمانی", to_persian_digits(draft["permit_number"])])
        service = CATALOG.find(case.service_code)
        if service is not None:
            facts.append(["خدمت", service.title_fa])
        return {
            "owner_name": owner.display_name if owner else "",
            "property_address": to_persian_digits(prop.address) if prop else "",  # stored ASCII, printed Persian
            "renovation_code": prop.renovation_key if prop else "",
            "registry_plate": plate_text(prop.registry_section, prop.registry_main, prop.registry_sub) if prop else "",
            "land_area_m2": land,
            "building_area_m2": draft.get("building_area_m2"),
            "floors": draft.get("floors"),
            "units": draft.get("units"),
            "land_use": draft.get("land_use", ""),
            "facts": facts,
            "conditions": draft.get("conditions") or DEFAULT_CONDITIONS.get(kind, ""),
            "issue_date": self._s.today().isoformat(),
            "signatory_name": actor.full_name,
            "signatory_title": SIGNATORY_TITLE,
        }

    def _next_serial(self, session: Session, now: dt.datetime) -> str:
        """``office-year-workstation-sequence``: unique across workstations without asking the server."""
        year = JalaliDate.from_gregorian(self._s.today()).year
        prefix = f"{self._s.office_code}-{year}-{self._s.workstation_no}-"
        taken = session.scalar(
            select(func.count()).select_from(IssuedCertificate).where(IssuedCertificate.serial.startswith(prefix))
        )
        return f"{prefix}{int(taken or 0) + 1:05d}"

    # -- checking a payload ----------------------------------------------------------------------------------------
    def revoked_serials(self) -> set[str]:
        with self._s.uow(writer=False) as uow:
            return set(
                uow.session.scalars(select(IssuedCertificate.serial).where(IssuedCertificate.status == "revoked"))
            )

    def verify(self, payload: str, *, server_url: str = "", timeout: float = 3.0) -> CertificateCheck:
        """Check a scanned QR payload offline (the office's public keys, the local revocation list) and, with a
        server address, ask the server's ``/verify`` too: a revocation known there counts even when this
        workstation has not pulled it yet. Never raises on a bad payload."""
        from app.printing.cli import describe

        result = signing.verify_payload(payload, self._s.printing.public_keys(), self.revoked_serials())
        online = ""
        if server_url and result.facts is not None:
            online = _ask_server(server_url, payload, timeout)
            if online == "revoked" and result.status == "genuine":
                result = signing.VerificationResult("revoked", result.facts)
        facts = result.facts
        case_id = None
        reason = ""
        if facts is not None:
            case_id = self._s.cases.case_id_by_tracking(facts.tracking_number)
            with self._s.uow(writer=False) as uow:
                cert = uow.session.scalar(select(IssuedCertificate).where(IssuedCertificate.serial == facts.serial))
                if cert is not None and cert.status == "revoked":
                    reason = cert.revoke_reason
        lines = describe(result)
        if reason:
            lines.append(f"علت ابطال: {reason}")
        return CertificateCheck(
            status=result.status, genuine=result.genuine, lines=tuple(lines), case_id=case_id,
            kind=facts.kind if facts else "", serial=facts.serial if facts else "",
            tracking_number=facts.tracking_number if facts else "", revoke_reason=reason, online=online,
        )  # fmt: skip

    def missing_documents(self, case_id: str) -> frozenset[str]:
        with self._s.uow(writer=False) as uow:
            return missing_documents(uow.session, case_id)


def _ask_server(server_url: str, payload: str, timeout: float) -> str:
    import httpx

    try:
        response = httpx.get(server_url.rstrip("/") + "/verify", params={"payload": payload}, timeout=timeout)
        if response.status_code != 200:
            return "unavailable"
        return str(response.json().get("status", "unavailable"))
    except (httpx.HTTPError, ValueError) as exc:
        log.info("server verification unavailable: %s", exc)
        return "unreachable"


def _info(cert: IssuedCertificate) -> CertificateInfo:
    return CertificateInfo(cert.serial, cert.status, cert.approved_by, cert.approved_at, cert.issued_at,
                           cert.revoked_at, cert.revoke_reason, cert.payload)  # fmt: skip


def clean_draft(values: dict[str, Any]) -> dict[str, Any]:
    """Figures as numbers (areas > 0, counts ≥ 0), texts normalised; every bad field named at once."""
    from app.domain.text import digits_to_ascii

    errors: dict[str, str] = {}
    clean: dict[str, Any] = {}
    for name in ("land_area_m2", "building_area_m2"):
        raw = values.get(name)
        if raw in (None, ""):
            continue
        try:
            number = float(digits_to_ascii(str(raw)).replace("٫", ".").replace(",", "").strip())
        except ValueError:
            errors[name] = "certificate.area"
            continue
        if not 0 < number < 1_000_000:
            errors[name] = "certificate.area"
            continue
        clean[name] = round(number, 2)
    for name in ("floors", "units"):
        raw = values.get(name)
        if raw in (None, ""):
            continue
        text = digits_to_ascii(str(raw)).strip()
        if not text.isdigit() or int(text) > 500:
            errors[name] = "certificate.count"
            continue
        clean[name] = int(text)
    for name in ("land_use", "permit_number", "conditions"):
        text = normalize(str(values.get(name) or "")).strip()
        if len(text) > 2000:
            errors[name] = "certificate.text_too_long"
        elif text:
            clean[name] = text
    if errors:
        name, code = next(iter(errors.items()))
        raise ValidationError(code, field=name, errors=errors)
    return clean
