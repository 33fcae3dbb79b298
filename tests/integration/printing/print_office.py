"""An office on a real SQLite file for the print and certificate service tests: users, a person, a property, and a
certificate case opened at the counter."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from app.domain.catalog import CATALOG
from app.domain.workflows import Actor
from app.paths import DataPaths
from app.services.context import Services, cheap_hasher_for_tests
from app.services.dto import OpenCaseInput, PersonInput, PropertyInput
from tests.barcodes import PRINTED_SYMBOLOGIES

# Monday 5 May 2025 = 1404/02/15, 09:30 in Tehran.
START = dt.datetime(2025, 5, 5, 6, 0, tzinfo=dt.UTC)
PASSWORD = "secret-pass"
TOOLS = ("pdftotext", "pdftoppm", "zbarimg", "pdfinfo")
HAVE_TOOLS = all(shutil.which(t) for t in TOOLS)
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f]")
_LOOSE = re.compile(r"[\s:،,()«»]+")


@dataclass
class PrintOffice:
    s: Services
    clerk: Actor
    expert: Actor  # certificates expert and head
    head: Actor  # office head
    person_id: str
    property_id: str

    def open_certificate_case(self, service_code: str = "C03_NO_OBJECTION", *, all_docs: bool = True) -> str:
        service = CATALOG.get(service_code)
        docs = frozenset(service.required_documents if all_docs else service.required_documents[1:])
        result = self.s.intake.open_case(
            self.clerk, OpenCaseInput(service.code, self.person_id, self.property_id, docs)
        )
        return result.case_id


def make_print_office(root: Path) -> PrintOffice:
    s = Services.open(DataPaths(root), clock=lambda: START, password_hasher=cheap_hasher_for_tests())
    s.auth.create_user(None, "admin", "مدیر سامانه", PASSWORD, ["admin"])
    admin = s.auth.login("admin", PASSWORD)
    s.auth.create_user(admin, "intake", "زهرا کریمی", PASSWORD, ["formation.clerk", "formation.head"])
    s.auth.create_user(admin, "certificates", "امید جعفری", PASSWORD, ["certificates.expert", "certificates.head"])
    s.auth.create_user(admin, "officehead", "محمدرضا هاشمی", PASSWORD, ["office_head"])
    clerk = s.auth.actor_by_username("intake")
    person = s.intake.register_person(clerk, PersonInput(
        kind="natural", national_id="0084575948", first_name="علی‌رضا", last_name="محمدی‌نژاد", mobile="09121234567"))  # fmt: skip
    prop = s.intake.register_property(clerk, PropertyInput(
        renovation_code="1-4-76-10-1-2-0", registry_section="11", registry_main="72", registry_sub="1617",
        address="تهران، خیابان دربند، کوچهٔ گلستان، پلاک ۴", postal_code="1957643111", deed_area_m2=245.5))  # fmt: skip
    return PrintOffice(s, clerk, s.auth.actor_by_username("certificates"), s.auth.actor_by_username("officehead"),
                       person.id, prop.id)  # fmt: skip


def pdf_text(pdf: bytes, tmp: Path) -> str:
    """pdftotext output, NFKC (presentation forms → letters), bidi marks dropped, spaces collapsed."""
    path = tmp / "read.pdf"
    path.write_bytes(pdf)
    raw = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", _BIDI.sub("", unicodedata.normalize("NFKC", raw)))


def squeeze(text: str) -> str:
    """Letters and digits in order (poppler moves spaces and neutral punctuation next to digit runs)."""
    return _LOOSE.sub("", text)


def decode_codes(pdf: bytes, tmp: Path, *, qr_only: bool = False) -> list[str]:
    """Every barcode and QR on the first page, rasterised at 200 dpi, read by zbarimg."""
    path = tmp / "codes.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", "-f", "1", "-l", "1", str(path), str(tmp / "page")],
                   check=True)  # fmt: skip
    image = next(tmp.glob("page*.png"))
    args = (
        ["zbarimg", "--raw", "-q"]
        + (["-Sdisable", "-Sqrcode.enable"] if qr_only else [*PRINTED_SYMBOLOGIES])
        + [str(image)]
    )
    out = subprocess.run(args, capture_output=True, text=True, check=False).stdout
    return [line.strip() for line in out.splitlines() if line.strip()]
