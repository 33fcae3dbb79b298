"""Validation of persons and properties: every bad field is named at once, and nothing invalid reaches a row."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.domain.errors import ValidationError
from app.domain.identifiers import (
    RegistryPlate,
    RenovationCode,
    normalize_legal_id,
    normalize_mobile,
    normalize_national_id,
    normalize_postal_code,
)
from app.domain.text import normalize, only_digits, search_key
from app.services.common import display_name, fail_fields
from app.services.dto import PersonInput, PropertyInput


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def clean_person(inp: PersonInput, today: dt.date) -> dict[str, Any]:
    """Column values for a person, or a ``ValidationError`` whose ``errors`` maps every bad field to its code."""
    errors: dict[str, str] = {}
    values: dict[str, Any] = {"kind": inp.kind}
    if inp.kind not in ("natural", "legal"):
        errors["kind"] = "person.kind_invalid"
    first, last = normalize(inp.first_name), normalize(inp.last_name)
    father, company = normalize(inp.father_name), normalize(inp.company_name)
    if inp.kind == "natural":
        if not only_digits(inp.national_id):
            errors["national_id"] = "national_id.required"
        else:
            try:
                values["national_id"] = normalize_national_id(inp.national_id)
            except ValidationError as exc:
                errors["national_id"] = exc.code
        values["legal_id"] = None
        for name, text in (("first_name", first), ("last_name", last)):
            if not text:
                errors[name] = f"{name}.required"
            elif _has_digit(text):
                errors[name] = f"{name}.invalid"
        if father and _has_digit(father):
            errors["father_name"] = "father_name.invalid"
    elif inp.kind == "legal":
        if not only_digits(inp.legal_id):
            errors["legal_id"] = "legal_id.required"
        else:
            try:
                values["legal_id"] = normalize_legal_id(inp.legal_id)
            except ValidationError as exc:
                errors["legal_id"] = exc.code
        values["national_id"] = None
        if not company:
            errors["company_name"] = "company_name.required"
    values.update(first_name=first, last_name=last, father_name=father, company_name=company)
    if inp.birth_date is not None and inp.birth_date > today:
        errors["birth_date"] = "birth_date.future"
    values["birth_date"] = inp.birth_date
    values["mobile"] = None
    if (inp.mobile or "").strip():
        try:
            values["mobile"] = normalize_mobile(inp.mobile)
        except ValueError:
            errors["mobile"] = "mobile.format"
    values["postal_code"] = None
    if (inp.postal_code or "").strip():
        try:
            values["postal_code"] = normalize_postal_code(inp.postal_code)
        except ValidationError as exc:
            errors["postal_code"] = exc.code
    phone = only_digits(inp.phone)
    if phone and (not phone.isdigit() or len(phone) > 20):
        errors["phone"] = "phone.format"
    values["phone"] = phone
    values["address"] = normalize(inp.address)
    fail_fields(errors)
    name = display_name(inp.kind, first, last, company)
    values["name_key"] = search_key(name)
    values["last_name_key"] = search_key(f"{last} {first}") if inp.kind == "natural" else search_key(company)
    return values


def clean_property(inp: PropertyInput) -> dict[str, Any]:
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    try:
        code = RenovationCode.parse(inp.renovation_code)
        values.update(dict(zip(("district", "precinct", "block", "parcel", "building", "apartment", "shop"),
                               code.parts(), strict=True)))  # fmt: skip
        values["renovation_key"] = str(code)
    except ValidationError as exc:
        errors["renovation_code"] = exc.code
    values.update(registry_section=None, registry_main=None, registry_sub=None, plate_key=None)
    if any(only_digits(p) for p in (inp.registry_section, inp.registry_main, inp.registry_sub)):
        try:
            plate = RegistryPlate.parse(inp.registry_section, inp.registry_main, inp.registry_sub or None)
            values.update(registry_section=plate.section, registry_main=plate.main, registry_sub=plate.sub,
                          plate_key=plate.key())  # fmt: skip
        except ValidationError as exc:
            errors["registry_plate"] = exc.code
    values["postal_code"] = None
    if (inp.postal_code or "").strip():
        try:
            values["postal_code"] = normalize_postal_code(inp.postal_code)
        except ValidationError as exc:
            errors["postal_code"] = exc.code
    if inp.deed_area_m2 is not None and not 0 < inp.deed_area_m2 < 10_000_000:
        errors["deed_area_m2"] = "deed_area.invalid"
    values["deed_area_m2"] = inp.deed_area_m2
    values["address"] = normalize(inp.address)
    values["zone"] = normalize(inp.zone).upper().replace(" ", "")
    fail_fields(errors)
    return values
