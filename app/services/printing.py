"""The print service: builds a case's paper from the database, counts prints, records every print in the audit log.

``documents(actor, case_id)`` says which papers apply to a case (receipt always; payment slip when fees are unpaid;
certificate once the head approved one), ``prepare(...)`` builds the PDF bytes with the copy number the next print
will carry (0 = the original, n = the n-th reprint, stamped «المثنی (نوبت n)»), and ``record(...)`` writes the
print record and its audit entry in one transaction after the paper went to a printer or a PDF file. A preview that
is closed unprinted records nothing.

A required field that is blank stops the build with ``ValidationError("print.missing_field", field=…,
field_fa=«…»)``, whose Persian sentence (``app.printing.messages_fa``) names the field: nothing is printed blank.

Each workstation's signing key lives in its data folder (``DataPaths.office_keys``); its public key goes into the
synced ``signing_key`` trust list, so ``ecity-counter verify``, the search box's QR check and the server's ``/verify``
know the keys of every workstation of the office.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.catalog import CATALOG
from app.domain.dates import TEHRAN, JalaliDate
from app.domain.errors import DomainError, ValidationError
from app.domain.payment_ids import is_valid_bill_id, is_valid_payment_id, make_bill_id, make_payment_id
from app.domain.text import only_digits, to_persian_digits
from app.domain.workflows import Actor
from app.domain.workflows.guards import FACT_CERT_PRINTED
from app.models import Case, CaseDocument, Payment, Person, Property, Setting, User
from app.models.printing import IssuedCertificate, PrintRecord, SigningKey
from app.printing import signing
from app.printing.data import CertificateData, OfficeInfo, PaymentSlipData, ReceiptData
from app.printing.messages_fa import FIELD_NAMES, message
from app.services.common import Area, get_case_row, plate_text
from app.services.dto import Changes
from app.services.outbox import enqueue_upsert

log = logging.getLogger(__name__)

RECEIPT = "receipt"
PAYMENT_SLIP = "payment_slip"
CERTIFICATE = "certificate"
DOCUMENTS = (RECEIPT, PAYMENT_SLIP, CERTIFICATE)
PAPERS: dict[str, tuple[str, ...]] = {RECEIPT: ("thermal80", "a5"), PAYMENT_SLIP: ("a5", "a4"), CERTIFICATE: ("a4",)}
TITLES: dict[str, tuple[str, str]] = {
    RECEIPT: ("Counter receipt", "رسید پذیرش"),
    PAYMENT_SLIP: ("Payment slip", "فیش پرداخت"),
    CERTIFICATE: ("Certificate", "گواهی"),
}
TARGETS = ("printer", "pdf")
DEFAULT_OFFICE_NAME = "دفتر خدمات الکترونیک شهر {code}"
# The office's details printed in every page frame: administration settings, with these defaults.
OFFICE_SETTINGS = ("office.name", "office.address", "office.phone", "office.tracking_url")
VISITS_START = dt.time(8, 0)  # an appointment is a day; visits start when the office opens
CERTIFICATE_PRINTABLE = ("approved", "printed", "issued")


@dataclass(frozen=True)
class PrintableDocument:
    """A paper that applies to a case now, and how often it was printed."""

    document: str
    title: str
    papers: tuple[str, ...]
    prints: int
    detail: str = ""  # e.g. the certificate's serial


@dataclass(frozen=True)
class PrintJob:
    """A built paper, ready to preview, print or save; ``record`` it once it went out."""

    case_id: str
    tracking_number: str
    document: str
    document_key: str
    paper: str
    copy_number: int
    pdf: bytes
    title: str
    file_name: str

    @property
    def is_reprint(self) -> bool:
        return self.copy_number > 0


def missing_field_error(error: ValidationError, document: str) -> ValidationError:
    """The builder's refusal, with the field's Persian name for the message."""
    field = str(error.field or error.params.get("field") or "")
    return ValidationError(
        "print.missing_field", field=field, field_fa=FIELD_NAMES.get(field, field), document=document
    )


def error_message(error: DomainError) -> str:
    """Persian text for a print refusal (the UI uses ``app.ui.messages``; tools and tests use this)."""
    params = {k: v for k, v in error.params.items()}
    return message(error.code, **params)


CERTIFICATE_SKETCH_SIZE = (620, 700)  # pixels of the sketch thumbnail beside the property's facts


class PrintService(Area):
    # -- keys and office -------------------------------------------------------------------------------------------
    def signing_key(self) -> Ed25519PrivateKey:
        """This workstation's Ed25519 key in the data folder's ``keys`` (created on first use, owner-only). Its
        public key joins the office's synced trust list (``register_key``) with the first certificate it signs."""
        return signing.ensure_key(self._s.paths.office_keys)

    def register_key(self, session: Session, actor: Actor, key: Ed25519PrivateKey) -> SigningKey | None:
        """Put this workstation's public key in the trust list, once, inside the caller's transaction: the row is
        pushed to the server and pulled by every workstation (docs/printing.md, "One trust list")."""
        kid = signing.key_id(key)
        if session.get(SigningKey, kid) is not None:
            return None
        stamp = self._s.stamp()
        row = SigningKey(
            id=kid, public_key=signing.public_key_text(key), workstation_no=self._s.workstation_no,
            office_code=self._s.office_code, registered_at=self._s.now(), hlc=stamp,
        )  # fmt: skip
        session.add(row)
        session.flush()
        enqueue_upsert(session, "signing_key", row, None, stamp)
        self._s.audit.record(session, actor, "signing_key.registered", "signing_key", kid,
                             {"key_id": kid, "workstation_no": self._s.workstation_no})  # fmt: skip
        return row

    def public_keys(self) -> list[Ed25519PublicKey]:
        """The keys this workstation trusts: its own keys folder (its key, retired ones, any the administrator put
        there) and the synced trust list (its own row, and the other workstations' rows, which only arrive through
        the server's pull)."""
        self.signing_key()  # a workstation that never printed still verifies with its own key
        keys = signing.load_public_keys(self._s.paths.office_keys)
        with self._s.uow(writer=False) as uow:
            rows = uow.session.execute(
                select(SigningKey.id, SigningKey.public_key).where(SigningKey.deleted.is_(False))
            ).all()
        return keys + signing.registered_keys((str(r[0]), str(r[1])) for r in rows)

    def _certificate_sketch(self, cert: IssuedCertificate) -> bytes | None:
        """The sketch frozen at approval; where the file has not reached this workstation, drawn again from the
        synced sketch (the drawing is deterministic, so the bytes and the signed hash agree)."""
        sha = (cert.data or {}).get("sketch_sha256")
        if not sha:
            return None
        try:
            return self._s.files.read_bytes(str(sha))
        except (OSError, DomainError):
            return self._s.inspection.sketch_png(cert.case_id, size=CERTIFICATE_SKETCH_SIZE)

    def office_info(self, session: Session | None = None) -> OfficeInfo:
        def read(s: Session) -> dict[str, str]:
            rows = s.scalars(select(Setting).where(Setting.key.in_(OFFICE_SETTINGS))).all()
            return {r.key: str(r.value) for r in rows if r.value}

        if session is None:
            with self._s.uow(writer=False) as uow:
                values = read(uow.session)
        else:
            values = read(session)
        code = self._s.office_code
        return OfficeInfo(
            name=values.get("office.name") or DEFAULT_OFFICE_NAME.format(code=to_persian_digits(code)),
            code=code,
            address=values.get("office.address", ""),
            phone=values.get("office.phone", ""),
            tracking_url=values.get("office.tracking_url", ""),
        )

    # -- what applies ----------------------------------------------------------------------------------------------
    def documents(self, actor: Actor, case_id: str) -> list[PrintableDocument]:
        with self._s.uow(writer=False) as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            found = [
                PrintableDocument(RECEIPT, self._doc_title(RECEIPT), PAPERS[RECEIPT],
                                  self._count(session, case.id, RECEIPT, case.id)),
            ]  # fmt: skip
            slip = self._slip_ids(session, case)
            if slip is not None:
                key = f"{slip[0]}/{slip[1]}"
                found.append(PrintableDocument(PAYMENT_SLIP, self._doc_title(PAYMENT_SLIP), PAPERS[PAYMENT_SLIP],
                                               self._count(session, case.id, PAYMENT_SLIP, key)))  # fmt: skip
            cert = self._printable_certificate(session, case.id)
            if cert is not None:
                found.append(PrintableDocument(CERTIFICATE, self._doc_title(CERTIFICATE), PAPERS[CERTIFICATE],
                                               self._count(session, case.id, CERTIFICATE, cert.serial), cert.serial))  # fmt: skip
            return found

    def prints_of(self, case_id: str, document: str, document_key: str | None = None) -> int:
        with self._s.uow(writer=False) as uow:
            return self._count(uow.session, case_id, document, document_key)

    def _doc_title(self, document: str) -> str:
        return self._title(*TITLES.get(document, (document, document)))

    @staticmethod
    def _count(session: Session, case_id: str, document: str, document_key: str | None) -> int:
        query = (
            select(func.count())
            .select_from(PrintRecord)
            .where(PrintRecord.case_id == case_id, PrintRecord.document == document, PrintRecord.deleted.is_(False))
        )
        if document_key is not None:
            query = query.where(PrintRecord.document_key == document_key)
        return int(session.scalar(query) or 0)

    # -- building --------------------------------------------------------------------------------------------------
    def prepare(self, actor: Actor, case_id: str, document: str, paper: str | None = None) -> PrintJob:
        """Build ``document`` of the case as the next print would carry it (original or numbered reprint)."""
        if document not in DOCUMENTS:
            raise ValidationError("print.unknown_document", field="document", document=document)
        papers = PAPERS[document]
        paper = paper or papers[0]
        if paper not in papers:
            raise ValidationError("print.paper", field="paper", paper=paper)
        with self._s.uow(writer=False) as uow:
            session = uow.session
            case = get_case_row(session, case_id)
            office = self.office_info(session)
            if document == RECEIPT:
                key = case.id
                data: Any = self.receipt_data(session, case, office)
            elif document == PAYMENT_SLIP:
                data = self.payment_slip_data(session, case, office)
                key = f"{data.bill_id}/{data.payment_id}"
            else:
                cert = self._printable_certificate(session, case.id)
                if cert is None:
                    raise DomainError("certificate.not_approved", tracking_number=case.tracking_number)
                key = cert.serial
                data = certificate_data(cert, office, self._certificate_sketch(cert))
            copy_number = self._count(session, case.id, document, key)
            tracking = case.tracking_number
        pdf = self._build(document, data, paper, copy_number)
        stem = {RECEIPT: "receipt", PAYMENT_SLIP: "payment-slip", CERTIFICATE: "certificate"}[document]
        suffix = f"-copy{copy_number}" if copy_number else ""
        return PrintJob(case_id, tracking, document, key, paper, copy_number, pdf, self._doc_title(document),
                        f"{stem}-{tracking}{suffix}.pdf")  # fmt: skip

    def _build(self, document: str, data: Any, paper: str, copy_number: int) -> bytes:
        try:
            if document == RECEIPT:
                from app.printing.receipt import build_receipt

                return build_receipt(data, paper, copy_number=copy_number)  # type: ignore[arg-type]
            if document == PAYMENT_SLIP:
                from app.printing.payment_slip import build_payment_slip

                return build_payment_slip(data, paper, copy_number=copy_number)  # type: ignore[arg-type]
            from app.printing.certificate import build_certificate

            return build_certificate(data, self.signing_key(), copy_number=copy_number)
        except ValidationError as exc:
            if exc.code == "print.missing_field":
                raise missing_field_error(exc, document) from None
            raise

    # -- data from the database ------------------------------------------------------------------------------------
    def receipt_data(self, session: Session, case: Case, office: OfficeInfo) -> ReceiptData:
        applicant = session.get(Person, case.applicant_id)
        prop = session.get(Property, case.property_id) if case.property_id else None
        clerk = session.get(User, case.opened_by_id)
        docs = session.scalars(
            select(CaseDocument).where(CaseDocument.case_id == case.id, CaseDocument.deleted.is_(False))
        ).all()
        appointments = self._s.appointments.of_case(session, case.id)
        booked = [a for a in appointments if a.status == "booked"] or list(appointments)
        service = CATALOG.find(case.service_code)
        return ReceiptData(
            office=office,
            tracking_number=case.tracking_number,
            service_name=service.title_fa if service else "",
            applicant_name=applicant.display_name if applicant else "",
            issued_at=case.opened_at,
            clerk_name=clerk.full_name if clerk else "",
            property_address=to_persian_digits(prop.address) if prop else "",  # stored ASCII, printed Persian
            renovation_code=prop.renovation_key if prop else "",
            registry_plate=plate_text(prop.registry_section, prop.registry_main, prop.registry_sub) if prop else "",
            documents_received=tuple(_doc_fa(d.doc_type) for d in docs if d.received),
            documents_missing=tuple(_doc_fa(d.doc_type) for d in docs if d.required and not d.received),
            inspection_at=dt.datetime.combine(booked[-1].day, VISITS_START) if booked else None,
            fee_rials=(service.fixed_fees_rials or None) if service else None,
        )

    def _unpaid(self, session: Session, case_id: str) -> list[Payment]:
        return list(
            session.scalars(
                select(Payment)
                .where(Payment.case_id == case_id, Payment.paid.is_(False), Payment.deleted.is_(False))
                .order_by(Payment.created_at, Payment.fee_code)
            )
        )

    def _slip(self, session: Session, case: Case) -> tuple[str, str, list[Payment]] | None:
        """The slip to print: bill ID, payment ID and its unpaid payments.

        Payments issued on a slip carry its IDs (the renovation unit's ``issue_slip``): the latest such slip is the
        one printed, with exactly its payments, so the bank's IDs match what the unit records when it is paid. Unpaid
        fees on no slip get IDs derived from the tracking number and their total (the same on every reprint).
        """
        unpaid = self._unpaid(session, case.id)
        slips: dict[tuple[str, str], list[Payment]] = {}
        loose: list[Payment] = []
        for p in unpaid:
            if (
                p.bill_id
                and p.payment_id
                and is_valid_bill_id(p.bill_id)
                and is_valid_payment_id(p.bill_id, p.payment_id)
            ):
                slips.setdefault((p.bill_id, p.payment_id), []).append(p)
            else:
                loose.append(p)
        if slips:
            (bill, pay), rows = max(slips.items(), key=lambda kv: max(r.created_at for r in kv[1]))
            return bill, pay, rows
        total = sum(p.amount_rials for p in loose)
        if not loose or total <= 0:
            return None
        if total % 1000:
            raise ValidationError("payment_id.amount", field="amount_rials")
        digits = only_digits(case.tracking_number)
        file_code = int(digits[-9:-1] or "0")
        bill = make_bill_id(file_code, int(only_digits(self._s.office_code) or "0") % 1000)
        first = min(p.created_at for p in loose)
        jalali = JalaliDate.from_gregorian(first.astimezone(TEHRAN).date())
        return bill, make_payment_id(total, jalali.year, jalali.month, bill), loose

    def _slip_ids(self, session: Session, case: Case) -> tuple[str, str] | None:
        slip = self._slip(session, case)
        return None if slip is None else (slip[0], slip[1])

    def payment_slip_data(self, session: Session, case: Case, office: OfficeInfo) -> PaymentSlipData:
        slip = self._slip(session, case)
        if slip is None:
            raise DomainError("print.nothing_to_pay", tracking_number=case.tracking_number)
        bill, pay, unpaid = slip
        ids = (bill, pay)
        payer = session.get(Person, case.applicant_id)
        prop = session.get(Property, case.property_id) if case.property_id else None
        service = CATALOG.find(case.service_code)
        titles = {f.code: f.title_fa for f in service.fees} if service else {}
        return PaymentSlipData(
            office=office,
            tracking_number=case.tracking_number,
            payer_name=payer.display_name if payer else "",
            description=f"هزینه‌های {service.title_fa}" if service else "",
            amount_rials=sum(p.amount_rials for p in unpaid),
            bill_id=ids[0],
            payment_id=ids[1],
            issued_at=self._s.now(),
            due_date=self._s.calendar.add_working_days(self._s.today(), 5),
            items=tuple((titles.get(p.fee_code, p.fee_code), p.amount_rials) for p in unpaid),
            payer_national_id=(payer.national_id or payer.legal_id or "") if payer else "",
            renovation_code=prop.renovation_key if prop else "",
        )

    @staticmethod
    def _printable_certificate(session: Session, case_id: str) -> IssuedCertificate | None:
        return session.scalar(
            select(IssuedCertificate)
            .where(
                IssuedCertificate.case_id == case_id,
                IssuedCertificate.status.in_(CERTIFICATE_PRINTABLE),
                IssuedCertificate.deleted.is_(False),
            )
            .order_by(IssuedCertificate.approved_at.desc())
            .limit(1)
        )

    # -- recording -------------------------------------------------------------------------------------------------
    def record(self, actor: Actor, job: PrintJob, *, target: str = "printer", printer: str = "") -> Changes:
        """The paper went out (to ``printer``, or saved as a PDF file): store it and audit it, in one transaction.

        The copy number stored is the count at this moment, so two workstations reprinting at once each get theirs.
        """
        if target not in TARGETS:
            raise ValidationError("print.target", field="target", target=target)
        with self._s.uow() as uow:
            session = uow.session
            case = get_case_row(session, job.case_id)
            copy_number = self._count(session, case.id, job.document, job.document_key)
            stamp = self._s.stamp()
            now = self._s.now()
            row = PrintRecord(
                case_id=case.id, document=job.document, document_key=job.document_key, copy_number=copy_number,
                paper=job.paper, target=target, printer=printer[:200], printed_at=now, user_id=actor.user_id,
                user_name=actor.full_name, workstation_no=self._s.workstation_no,
                pdf_sha256=hashlib.sha256(job.pdf).hexdigest(), hlc=stamp,
            )  # fmt: skip
            session.add(row)
            session.flush()
            enqueue_upsert(session, "print_record", row, None, stamp)
            if job.document == CERTIFICATE:
                # The paper carries this workstation's signature: its key must be in the office's trust list.
                self.register_key(session, actor, self.signing_key())
                cert = session.scalar(select(IssuedCertificate).where(IssuedCertificate.serial == job.document_key))
                if cert is not None and cert.status == "approved":
                    cert.status = "printed"
                    cert.version += 1
                    cert.hlc = stamp
                    cert.dirty = True
                    cert.updated_at = now
                    enqueue_upsert(session, "issued_certificate", cert, ["status"], stamp)
                if cert is not None and cert.status == "printed" and not (case.facts or {}).get(FACT_CERT_PRINTED):
                    # What the workflow's ``issue`` guard reads: the certificate cannot be issued unprinted.
                    case.facts = {**(case.facts or {}), FACT_CERT_PRINTED: True}
                    case.version += 1
                    case.hlc = stamp
                    case.dirty = True
                    case.updated_at = now
                    enqueue_upsert(session, "case_file", case, ["facts"], stamp)
            self._s.audit.record(
                session, actor, "print.reprinted" if copy_number else "print.printed", "case", case.id,
                {"tracking_number": case.tracking_number, "document": job.document, "document_key": job.document_key,
                 "copy_number": copy_number, "paper": job.paper, "target": target, "printer": printer[:200],
                 "pdf_sha256": row.pdf_sha256},
            )  # fmt: skip
            uow.commit()
        return Changes(frozenset({job.case_id}), frozenset({"case", "print"}))


def _doc_fa(code: str) -> str:
    doc = CATALOG.document_types.get(code)
    return doc.title_fa if doc else code


def certificate_data(cert: IssuedCertificate, office: OfficeInfo, sketch_png: bytes | None = None) -> CertificateData:
    """The frozen facts of an approved certificate, as the builder prints (and hashes) them; ``sketch_png`` is the
    sketch image frozen at approval (``data["sketch_sha256"]`` in the file store)."""
    d = dict(cert.data or {})
    return CertificateData(
        sketch_png=sketch_png,
        office=office,
        kind=cert.kind,  # type: ignore[arg-type]
        serial=cert.serial,
        tracking_number=cert.tracking_number,
        owner_name=str(d.get("owner_name", "")),
        property_address=str(d.get("property_address", "")),
        renovation_code=str(d.get("renovation_code", "")),
        issue_date=dt.date.fromisoformat(str(d["issue_date"])) if d.get("issue_date") else None,  # type: ignore[arg-type]
        signatory_name=str(d.get("signatory_name", "")),
        signatory_title=str(d.get("signatory_title", "")),
        registry_plate=str(d.get("registry_plate", "")),
        land_area_m2=_float(d.get("land_area_m2")),
        building_area_m2=_float(d.get("building_area_m2")),
        floors=_int(d.get("floors")),
        units=_int(d.get("units")),
        land_use=str(d.get("land_use", "")),
        facts=tuple((str(a), str(b)) for a, b in d.get("facts", ())),
        conditions=str(d.get("conditions", "")),
    )


def _float(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _int(value: object) -> int | None:
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
