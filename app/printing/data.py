"""Plain data that the document builders print. Services fill these from the database; printing never opens it.

Every text field holds logical Persian (as typed, in stored form); digits may be ASCII, the builders show them in
Persian. Dates are ``datetime.date``/``datetime.datetime`` (Gregorian, as stored); the builders print them Jalali.
Amounts are integer rials.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Literal

from app.domain.errors import ValidationError
from app.paths import RESOURCES

DEFAULT_LOGO = RESOURCES / "images" / "office-logo.png"

CertificateKind = Literal["no_violation", "completion", "no_objection"]
CERTIFICATE_KINDS: tuple[CertificateKind, ...] = ("no_violation", "completion", "no_objection")
CERTIFICATE_TITLES: dict[str, str] = {
    "no_violation": "گواهی عدم خلاف",
    "completion": "گواهی پایان کار",
    "no_objection": "گواهی بلامانع",
}


@dataclass(frozen=True, slots=True)
class OfficeInfo:
    """The office printed in every page frame."""

    name: str
    code: str
    address: str = ""
    phone: str = ""
    logo: Path | None = DEFAULT_LOGO
    tracking_url: str = ""  # where a citizen follows the case; printed on receipts when set


@dataclass(frozen=True, slots=True)
class ReceiptData:
    """Counter receipt (رسید پذیرش) handed to the citizen when a case file is opened."""

    office: OfficeInfo
    tracking_number: str
    service_name: str
    applicant_name: str
    issued_at: dt.datetime
    clerk_name: str
    property_address: str = ""
    renovation_code: str = ""
    registry_plate: str = ""
    documents_received: tuple[str, ...] = ()
    documents_missing: tuple[str, ...] = ()
    inspection_at: dt.datetime | None = None
    fee_rials: int | None = None


@dataclass(frozen=True, slots=True)
class PaymentSlipData:
    """Payment slip (فیش) with bill ID and payment ID."""

    office: OfficeInfo
    tracking_number: str
    payer_name: str
    description: str
    amount_rials: int
    bill_id: str
    payment_id: str
    issued_at: dt.datetime
    due_date: dt.date | None = None
    items: tuple[tuple[str, int], ...] = ()  # (title, rials) lines that add up to the amount
    payer_national_id: str = ""
    renovation_code: str = ""


@dataclass(frozen=True, slots=True)
class CertificateData:
    """Certificate on A4: no violation (عدم خلاف), completion (پایان کار) or no objection (بلامانع)."""

    office: OfficeInfo
    kind: CertificateKind
    serial: str  # the certificate's own number; the revocation list names it
    tracking_number: str
    owner_name: str
    property_address: str
    renovation_code: str
    issue_date: dt.date
    signatory_name: str
    signatory_title: str
    registry_plate: str = ""
    land_area_m2: float | None = None
    building_area_m2: float | None = None
    floors: int | None = None
    units: int | None = None
    land_use: str = ""
    facts: tuple[tuple[str, str], ...] = ()  # further (label, value) rows printed and hashed
    conditions: str = ""
    sketch_png: bytes | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class InspectionReportData:
    """Inspector's site report: sketch, sides and areas, violations found."""

    office: OfficeInfo
    tracking_number: str
    owner_name: str
    property_address: str
    inspector_name: str
    visited_at: dt.datetime
    renovation_code: str = ""
    sketch_png: bytes | None = field(default=None, repr=False)
    sides: tuple[tuple[str, float], ...] = ()  # (side name, metres)
    areas: tuple[tuple[str, float], ...] = ()  # (what, square metres)
    violations: tuple[str, ...] = ()
    notes: str = ""


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    title: str
    done: bool
    note: str = ""


@dataclass(frozen=True, slots=True)
class PermitChecklistData:
    """Permit-draft checklist sheet (چک‌لیست پیش‌نویس پروانه)."""

    office: OfficeInfo
    tracking_number: str
    owner_name: str
    property_address: str
    prepared_by: str
    prepared_on: dt.date
    items: tuple[ChecklistItem, ...]
    renovation_code: str = ""
    permit_kind: str = ""


@dataclass(frozen=True, slots=True)
class ClearanceData:
    """Renovation-tax clearance (مفاصا حساب نوسازی): every levy period settled."""

    office: OfficeInfo
    tracking_number: str
    owner_name: str
    property_address: str
    renovation_code: str
    issue_date: dt.date
    signatory_name: str
    signatory_title: str
    items: tuple[tuple[str, int], ...] = ()  # (period or levy, rials paid)
    valid_until: dt.date | None = None
    purpose: str = ""


def _blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, tuple) and len(value) == 0


def require(data: Any, *names: str) -> None:
    """Raise ``ValidationError("print.missing_field", field=name)`` for the first blank required field.

    Called by every builder before anything is drawn, so a missing name never prints as a blank line.
    """
    office = getattr(data, "office", None)
    if isinstance(office, OfficeInfo):
        for name in ("name", "code"):
            if _blank(getattr(office, name)):
                raise ValidationError("print.missing_field", field=f"office.{name}")
    known = {f.name for f in fields(data)}
    for name in names:
        if name not in known or _blank(getattr(data, name)):
            raise ValidationError("print.missing_field", field=name)
