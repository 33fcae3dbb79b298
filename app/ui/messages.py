"""Error codes to words a clerk can act on.

Lower layers raise ``DomainError(code, **params)``; this module is the one place that turns a code into a sentence,
through Qt's translation (source English here, Persian in translations/app_fa.ts). Codes of areas that ship their own
Persian table (``app/<area>/messages_fa.py`` with ``MESSAGES``) are looked up there when the language is Persian and
the code is not in our table. Unknown codes still give a useful line: a generic sentence of their family, plus the code.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.errors import DomainError
from app.domain.text import to_persian_digits

log = logging.getLogger(__name__)

_CONTEXT = "Messages"

# Source texts; {name} placeholders are filled from the error's params after translation.
MESSAGES: Mapping[str, str] = {
    # identifiers
    "national_id.format": QT_TRANSLATE_NOOP("Messages", "A national ID has 10 digits."),
    "national_id.checksum": QT_TRANSLATE_NOOP("Messages", "This national ID is not valid (check digit). Check it against the card."),
    "national_id.required": QT_TRANSLATE_NOOP("Messages", "Enter the national ID."),
    "legal_id.format": QT_TRANSLATE_NOOP("Messages", "A legal entity's national ID has 11 digits."),
    "legal_id.checksum": QT_TRANSLATE_NOOP("Messages", "This legal entity ID is not valid (check digit)."),
    "postal_code.format": QT_TRANSLATE_NOOP("Messages", "A postal code has 10 digits."),
    "postal_code.unusual": QT_TRANSLATE_NOOP("Messages", "Unusual postal code; check it (it is accepted)."),
    "mobile.format": QT_TRANSLATE_NOOP("Messages", "Enter a mobile number like 09121234567."),
    "registry_plate.invalid": QT_TRANSLATE_NOOP("Messages", "Registry section and main plate are whole numbers; the sub plate may be empty."),
    "renovation_code.format": QT_TRANSLATE_NOOP("Messages", "A renovation code has 7 parts: district-precinct-block-parcel-building-apartment-shop."),
    "renovation_code.district": QT_TRANSLATE_NOOP("Messages", "The district (first part of the renovation code) is between 1 and 22."),
    "tracking.invalid": QT_TRANSLATE_NOOP("Messages", "Not a valid tracking number (16 digits with a check digit): a digit was mistyped."),
    "tracking.office_code": QT_TRANSLATE_NOOP("Messages", "The office code has 4 digits."),
    "tracking.workstation": QT_TRANSLATE_NOOP("Messages", "The workstation number is between 1 and 999."),
    "tracking.sequence_exhausted": QT_TRANSLATE_NOOP("Messages", "This workstation has used all its tracking numbers for this year."),
    "tracking.year": QT_TRANSLATE_NOOP("Messages", "Invalid year."),
    # dates and money
    "date.format": QT_TRANSLATE_NOOP("Messages", "Write the date like 1403/12/30."),
    "date.invalid": QT_TRANSLATE_NOOP("Messages", "There is no such day in the calendar."),
    "date.out_of_range": QT_TRANSLATE_NOOP("Messages", "The date is out of range."),
    "date.not_working_day": QT_TRANSLATE_NOOP("Messages", "That day is a holiday."),
    "date.in_past": QT_TRANSLATE_NOOP("Messages", "The day has already passed."),
    "money.format": QT_TRANSLATE_NOOP("Messages", "Enter the amount in digits."),
    "money.too_large": QT_TRANSLATE_NOOP("Messages", "The amount is too large."),
    "money.negative": QT_TRANSLATE_NOOP("Messages", "The amount cannot be negative."),
    "bill_id.checksum": QT_TRANSLATE_NOOP("Messages", "The bill ID's check digit is wrong."),
    "bill_id.company_code": QT_TRANSLATE_NOOP("Messages", "The bill ID's company code is wrong."),
    "bill_id.file_code": QT_TRANSLATE_NOOP("Messages", "The bill ID's file code is wrong."),
    "bill_id.service_type": QT_TRANSLATE_NOOP("Messages", "The bill ID is not for municipal charges."),
    "payment_id.amount": QT_TRANSLATE_NOOP("Messages", "The payment ID does not match the amount."),
    "payment_id.format": QT_TRANSLATE_NOOP("Messages", "The payment ID is not valid."),
    "payment_id.period": QT_TRANSLATE_NOOP("Messages", "The payment ID's period is wrong."),
    "payment_id.year": QT_TRANSLATE_NOOP("Messages", "The payment ID's year is wrong."),
    "payment_id.unknown_scheme": QT_TRANSLATE_NOOP("Messages", "Unknown payment ID scheme."),
    "hlc.clock_too_far_ahead": QT_TRANSLATE_NOOP("Messages", "This computer's clock is far ahead of the server. Ask the technical manager to correct it."),
    "hlc.invalid": QT_TRANSLATE_NOOP("Messages", "A sync clock value is damaged."),
    # people, property, form fields
    "person.name_required": QT_TRANSLATE_NOOP("Messages", "Enter the first and last name."),
    "person.company_required": QT_TRANSLATE_NOOP("Messages", "Enter the company name."),
    "person.duplicate": QT_TRANSLATE_NOOP("Messages", "This person is already registered."),
    "person.not_found": QT_TRANSLATE_NOOP("Messages", "No person with this ID is registered."),
    "person.kind": QT_TRANSLATE_NOOP("Messages", "Choose natural or legal person."),
    "property.duplicate": QT_TRANSLATE_NOOP("Messages", "A property with this renovation code is already registered."),
    "property.not_found": QT_TRANSLATE_NOOP("Messages", "No property with this renovation code is registered."),
    "property.required": QT_TRANSLATE_NOOP("Messages", "This service needs a property."),
    "deed_area.invalid": QT_TRANSLATE_NOOP("Messages", "The deed area is a positive number of square metres."),
    "field.required": QT_TRANSLATE_NOOP("Messages", "This field is required."),
    "address.required": QT_TRANSLATE_NOOP("Messages", "Enter the address."),
    "national_id.duplicate": QT_TRANSLATE_NOOP("Messages", "A person with this national ID is already registered."),
    "legal_id.duplicate": QT_TRANSLATE_NOOP("Messages", "A legal entity with this ID is already registered."),
    "legal_id.required": QT_TRANSLATE_NOOP("Messages", "Enter the legal entity's national ID."),
    "first_name.required": QT_TRANSLATE_NOOP("Messages", "Enter the first name."),
    "last_name.required": QT_TRANSLATE_NOOP("Messages", "Enter the last name."),
    "first_name.invalid": QT_TRANSLATE_NOOP("Messages", "A name has no digits."),
    "last_name.invalid": QT_TRANSLATE_NOOP("Messages", "A name has no digits."),
    "father_name.invalid": QT_TRANSLATE_NOOP("Messages", "A name has no digits."),
    "name.digits": QT_TRANSLATE_NOOP("Messages", "A name has no digits."),
    "company_name.required": QT_TRANSLATE_NOOP("Messages", "Enter the company name."),
    "birth_date.future": QT_TRANSLATE_NOOP("Messages", "The birth date cannot be in the future."),
    "phone.format": QT_TRANSLATE_NOOP("Messages", "Enter the phone number in digits."),
    "person.kind_invalid": QT_TRANSLATE_NOOP("Messages", "Choose natural or legal person."),
    "person.stale_version": QT_TRANSLATE_NOOP("Messages", "Someone else changed this person's record meanwhile; reopen it."),
    "renovation_code.duplicate": QT_TRANSLATE_NOOP("Messages", "A property with this renovation code is already registered."),
    # catalog and intake
    "service.unknown": QT_TRANSLATE_NOOP("Messages", "Unknown service."),
    "service.required": QT_TRANSLATE_NOOP("Messages", "Choose a service."),
    "service.not_in_unit": QT_TRANSLATE_NOOP("Messages", "This service is not opened at this counter."),
    "catalog.unknown_service": QT_TRANSLATE_NOOP("Messages", "Unknown service."),
    "catalog.unknown_document": QT_TRANSLATE_NOOP("Messages", "Unknown document type."),
    "intake.applicant_required": QT_TRANSLATE_NOOP("Messages", "Find or register the applicant first."),
    "intake.property_required": QT_TRANSLATE_NOOP("Messages", "Find or register the property first."),
    "intake.documents_missing": QT_TRANSLATE_NOOP("Messages", "Required documents are missing."),
    "appointment.full": QT_TRANSLATE_NOOP("Messages", "The inspector has no free visit on that day; choose another day."),
    "appointment.not_working_day": QT_TRANSLATE_NOOP("Messages", "No visits on holidays; choose a working day."),
    "appointment.in_past": QT_TRANSLATE_NOOP("Messages", "The visit day has passed; choose a later day."),
    "appointment.inspector_on_leave": QT_TRANSLATE_NOOP("Messages", "The inspector is on leave that day."),
    "intake.not_allowed": QT_TRANSLATE_NOOP("Messages", "Your role does not open cases for this service."),
    "intake.day_required": QT_TRANSLATE_NOOP("Messages", "Choose the inspection day."),
    "intake.day_full": QT_TRANSLATE_NOOP("Messages", "No inspector has a free visit on that day; choose another day."),
    "intake.day_past": QT_TRANSLATE_NOOP("Messages", "That day has passed; choose a later day."),
    "intake.day_not_working": QT_TRANSLATE_NOOP("Messages", "No visits on holidays; choose a working day."),
    "intake.not_an_inspector": QT_TRANSLATE_NOOP("Messages", "The chosen person is not an inspector."),
    "intake.inspector_on_leave": QT_TRANSLATE_NOOP("Messages", "The inspector is on leave that day."),
    "documents.unknown": QT_TRANSLATE_NOOP("Messages", "Unknown document type."),
    # cases and workflow
    "cartable.not_allowed": QT_TRANSLATE_NOOP("Messages", "You do not work in this unit."),
    "cases.not_allowed": QT_TRANSLATE_NOOP("Messages", "You are not allowed to change this case."),
    "cases.unknown_assignee": QT_TRANSLATE_NOOP("Messages", "The chosen colleague is not a user of this unit."),
    "facts.invalid_key": QT_TRANSLATE_NOOP("Messages", "Unknown case fact."),
    "case.not_found": QT_TRANSLATE_NOOP("Messages", "No case with this tracking number was found."),
    "case.stale": QT_TRANSLATE_NOOP("Messages", "Someone else changed this case meanwhile. It has been reloaded; check it and try again."),
    "workflow.stale_version": QT_TRANSLATE_NOOP("Messages", "Someone else changed this case meanwhile. It has been reloaded; check it and try again."),
    "workflow.unknown": QT_TRANSLATE_NOOP("Messages", "Unknown workflow."),
    "workflow.unknown_action": QT_TRANSLATE_NOOP("Messages", "Unknown action."),
    "workflow.unknown_state": QT_TRANSLATE_NOOP("Messages", "The case is in an unknown state."),
    "workflow.mismatch": QT_TRANSLATE_NOOP("Messages", "The action belongs to another workflow."),
    "workflow.wrong_state": QT_TRANSLATE_NOOP("Messages", "This action is not possible at this stage of the case."),
    "workflow.role_not_allowed": QT_TRANSLATE_NOOP("Messages", "Your role does not allow this action."),
    "workflow.guard_failed": QT_TRANSLATE_NOOP("Messages", "Not yet possible; still missing: {missing}"),
    "workflow.note_required": QT_TRANSLATE_NOOP("Messages", "Write a note for this action."),
    "workflow.assignee_required": QT_TRANSLATE_NOOP("Messages", "Choose the colleague to refer the case to."),
    "workflow.assignee_invalid": QT_TRANSLATE_NOOP("Messages", "This colleague cannot take the case."),
    # accounts
    "auth.invalid": QT_TRANSLATE_NOOP("Messages", "Wrong user name or password."),
    "auth.bad_credentials": QT_TRANSLATE_NOOP("Messages", "Wrong user name or password."),
    "auth.locked": QT_TRANSLATE_NOOP("Messages", "Too many wrong attempts: the account is locked for {minutes_left} more minutes."),
    "auth.inactive": QT_TRANSLATE_NOOP("Messages", "This account is disabled. Ask the administrator."),
    "auth.disabled": QT_TRANSLATE_NOOP("Messages", "This account is disabled. Ask the administrator."),
    "auth.no_roles": QT_TRANSLATE_NOOP("Messages", "This account has no role in any unit. Ask the administrator."),
    "auth.forbidden": QT_TRANSLATE_NOOP("Messages", "You are not allowed to do this."),
    "user.not_found": QT_TRANSLATE_NOOP("Messages", "No such user."),
    "username.invalid": QT_TRANSLATE_NOOP("Messages", "A user name has Latin letters, digits, dots, dashes or underscores."),
    "username.taken": QT_TRANSLATE_NOOP("Messages", "This user name is taken."),
    "full_name.required": QT_TRANSLATE_NOOP("Messages", "Enter the full name."),
    "roles.invalid": QT_TRANSLATE_NOOP("Messages", "Choose at least one valid role."),
    "capacity.invalid": QT_TRANSLATE_NOOP("Messages", "The daily capacity is zero or more visits."),
    "password.too_short": QT_TRANSLATE_NOOP("Messages", "The password must be at least {min_length} characters."),
    "password.old_wrong": QT_TRANSLATE_NOOP("Messages", "The current password is wrong."),
    "admin.cannot_deactivate_self": QT_TRANSLATE_NOOP("Messages", "You cannot disable your own account."),
    "admin.cannot_drop_own_admin": QT_TRANSLATE_NOOP("Messages", "You cannot remove your own administrator role."),
    "leave.not_found": QT_TRANSLATE_NOOP("Messages", "No such leave entry."),
    "audit.forbidden": QT_TRANSLATE_NOOP("Messages", "Only the audit unit may read the audit trail."),
    "role.unknown": QT_TRANSLATE_NOOP("Messages", "Unknown role."),
    "unit.unknown": QT_TRANSLATE_NOOP("Messages", "Unknown unit."),
    # search, audit, system
    "search.too_short": QT_TRANSLATE_NOOP("Messages", "Type at least 3 characters to search."),
    "audit.chain_broken": QT_TRANSLATE_NOOP("Messages", "The audit chain is broken at entry {seq}."),
    "db.locked": QT_TRANSLATE_NOOP("Messages", "The database is busy; try again in a moment."),
    "db.integrity": QT_TRANSLATE_NOOP("Messages", "The database refused the change (a duplicate or a missing record)."),
    "internal.error": QT_TRANSLATE_NOOP("Messages", "Unexpected error; it has been written to the log. Details: {detail}"),
    # administration
    "password.mismatch": QT_TRANSLATE_NOOP("Messages", "The two passwords are not the same."),
    "holiday.duplicate": QT_TRANSLATE_NOOP("Messages", "{day} is already in the holiday table."),
    "tariff.year_exists": QT_TRANSLATE_NOOP("Messages", "The tariff table of {year} already exists; edit it instead."),
    "deadline.invalid": QT_TRANSLATE_NOOP("Messages", "A deadline is between 1 and {maximum} working days."),
}  # fmt: skip

# A family's generic sentence when a code is not known (a newer lower layer may raise new codes).
FAMILIES: Mapping[str, str] = {
    "workflow": QT_TRANSLATE_NOOP("Messages", "This action is not possible now."),
    "auth": QT_TRANSLATE_NOOP("Messages", "Login failed."),
    "intake": QT_TRANSLATE_NOOP("Messages", "The case could not be opened."),
    "sync": QT_TRANSLATE_NOOP("Messages", "Synchronisation with the server failed; work continues locally."),
    "print": QT_TRANSLATE_NOOP("Messages", "Printing failed."),
    "scanner": QT_TRANSLATE_NOOP("Messages", "The scanner reported an error."),
    "map": QT_TRANSLATE_NOOP("Messages", "The map reported an error."),
}  # fmt: skip

FALLBACK = QT_TRANSLATE_NOOP("Messages", "The operation failed ({code}).")

# Areas' Persian tables (``MESSAGES`` or ``MESSAGES_FA`` of each module), consulted in Persian for codes we do not
# list and for codes whose Qt translation is not compiled yet, so every DomainError reads in Persian.
_AREA_TABLES = (
    "app.services.messages_fa",
    "app.services.admin",
    "app.domain.messages_fa",
    "app.domain.rules.messages_fa",
    "app.scanner.messages_fa",
    "app.maps.messages_fa",
    "app.printing.messages_fa",
    "app.sync.messages_fa",
    "server.messages_fa",  # codes the server's API answers with (user administration); absent from a desktop build
)


def _language() -> str:
    app = QCoreApplication.instance()
    value = app.property("ecity_language") if app is not None else None
    return str(value) if value else "fa"


def _format_params(params: Mapping[str, Any], persian: bool) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in params.items():
        if isinstance(value, list | tuple | set | frozenset):
            text = "، ".join(str(v) for v in value) if persian else ", ".join(str(v) for v in value)
        else:
            text = str(value)
        out[key] = to_persian_digits(text) if persian else text
    return out


def _area_message(code: str) -> str | None:
    for module_name in _AREA_TABLES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        for name in ("MESSAGES", "MESSAGES_FA"):
            table = getattr(module, name, None)
            if isinstance(table, Mapping) and code in table:
                return str(table[code])
    return None


class _SafeDict(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "…"


def message_for(code: str, params: Mapping[str, Any] | None = None) -> str:
    """The translated sentence for ``code`` with ``params`` filled in (Persian digits in Persian)."""
    persian = _language() == "fa"
    params = dict(params or {})
    params.setdefault("code", code)
    source = MESSAGES.get(code)
    untranslated = source is not None and QCoreApplication.translate(_CONTEXT, source) == source
    if persian and (source is None or untranslated):
        area = _area_message(code)
        if area is not None:
            return area.format_map(_SafeDict(_format_params(params, persian)))
    if source is None:
        source = FAMILIES.get(code.split(".", 1)[0], FALLBACK)
        log.info("no message for error code %s", code)
    text = QCoreApplication.translate(_CONTEXT, source)
    if code == "workflow.guard_failed":
        params["missing"] = _missing_titles(params.get("missing", ()))
    try:
        return text.format_map(_SafeDict(_format_params(params, persian)))
    except (ValueError, IndexError):
        return text


def _missing_titles(missing: object) -> list[str]:
    """Guard failures name document codes or fact names; show titles where the catalog knows them."""
    items = list(missing) if isinstance(missing, list | tuple | set | frozenset) else [str(missing)]
    titles: list[str] = []
    for item in items:
        titles.append(fact_title(str(item)))
    return titles


FACT_TITLES: Mapping[str, str] = {
    "open_violations": QT_TRANSLATE_NOOP("Messages", "open violations settled"),
    "fees_paid": QT_TRANSLATE_NOOP("Messages", "fees paid"),
    "sketch_done": QT_TRANSLATE_NOOP("Messages", "the sketch"),
    "aerial_map_attached": QT_TRANSLATE_NOOP("Messages", "the aerial map"),
    "property_located": QT_TRANSLATE_NOOP("Messages", "locating the property"),
    "documents_scanned": QT_TRANSLATE_NOOP("Messages", "scanned documents"),
    "supervisor_final_report": QT_TRANSLATE_NOOP("Messages", "the supervisor's final report"),
    "answered_referrals": QT_TRANSLATE_NOOP("Messages", "answers to the inquiries"),
    "checklist_complete": QT_TRANSLATE_NOOP("Messages", "the checklist"),
    "technical_id_recorded": QT_TRANSLATE_NOOP("Messages", "the building technical ID"),
    "certificate_printed": QT_TRANSLATE_NOOP("Messages", "the approved certificate printed with its signed QR"),
    "green_space": QT_TRANSLATE_NOOP("Messages", "green-space department's answer"),
    "fire": QT_TRANSLATE_NOOP("Messages", "fire department's answer"),
}  # fmt: skip


def fact_title(code: str) -> str:
    source = FACT_TITLES.get(code)
    if source is not None:
        return QCoreApplication.translate(_CONTEXT, source)
    title = _document_title(code)
    return title or code


def _document_title(code: str) -> str | None:
    try:
        from app.domain.catalog import CATALOG
    except ImportError:
        return None
    doc = CATALOG.document_types.get(code)
    if doc is None:
        return None
    return doc.title_fa if _language() == "fa" else doc.title_en


def error_text(error: BaseException) -> str:
    """The sentence for any exception that reaches the UI."""
    if isinstance(error, DomainError):
        # The field is shown beside the field; a sentence that names it ("{field}") gets it, where it is given.
        params = {k: v for k, v in error.params.items() if k != "field" or v}
        return message_for(error.code, params)
    if isinstance(error, ValueError) and str(error) in MESSAGES:  # normalize_mobile raises ValueError("mobile.format")
        return message_for(str(error))
    return message_for("internal.error", {"detail": str(error)})
