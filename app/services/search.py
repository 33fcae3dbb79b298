"""Global search: one box that recognises what was typed (tracking number, national ID, mobile, postal code,
legal-entity ID, renovation code, registry plate, or else a name) and finds the cases.

Every query reads a B-tree index: exact keys for identifiers, and for names a prefix range on ``name_key`` /
``last_name_key`` (``key >= p AND key < p || U+10FFFF``), which SQLite answers from the index like an exact key.
Searches by national ID, legal-entity ID or mobile show a citizen's personal data: each is audited as
``personal_data.viewed`` (who, when, which persons), for the audit unit.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import Connection

from app.domain.errors import ValidationError
from app.domain.identifiers import (
    RenovationCode,
    is_valid_legal_id,
    is_valid_national_id,
    normalize_mobile,
    normalize_national_id,
)
from app.domain.text import digits_to_ascii, normalize, search_key
from app.domain.tracking import is_valid_tracking_number, normalize_tracking_number
from app.domain.workflows import Actor
from app.services.common import Area
from app.services.dto import SearchHit

_SEPARATORS = re.compile(r"[\s\-_/.\u200c\u200e\u200f\u2066-\u2069]+")
_NUMBERS = re.compile(r"\d+")
_TOP = "\U0010ffff"
PERSONAL_KINDS = frozenset({"national_id", "legal_id", "mobile"})

_CASES_SQL = """
SELECT c.id, c.tracking_number, c.service_code, c.workflow_id, c.state, c.applicant_name
FROM case_file AS c
WHERE c.deleted = 0 AND ({where})
ORDER BY c.opened_at DESC
LIMIT :limit
"""

_NAME_PERSONS_SQL = """
SELECT id FROM (SELECT id FROM person WHERE name_key >= :lo AND name_key < :hi AND deleted = 0 LIMIT :n)
UNION
SELECT id FROM (SELECT id FROM person WHERE last_name_key >= :lo AND last_name_key < :hi AND deleted = 0 LIMIT :n)
"""


@dataclass(frozen=True)
class Query:
    kind: str  # matched_on of the hits
    value: str | tuple[str, ...]


def classify(typed: str) -> list[Query]:
    """What the text could be, most specific first (a 10-digit number can be a national ID or a postal code)."""
    raw = normalize(typed)
    if not raw:
        return []
    ascii_text = digits_to_ascii(raw)
    compact = _SEPARATORS.sub("", ascii_text)
    plus = compact.startswith("+")
    digits = compact.lstrip("+")
    found: list[Query] = []
    if digits.isdigit():
        n = len(digits)
        if n == 16 and is_valid_tracking_number(digits):
            return [Query("tracking", normalize_tracking_number(digits))]
        if plus or (n in (11, 12, 14) and digits.startswith(("09", "98", "0098"))) or (n == 10 and digits[0] == "9"):
            with contextlib.suppress(ValueError):
                found.append(Query("mobile", normalize_mobile(compact)))
        if 8 <= n <= 10 and is_valid_national_id(digits):
            found.insert(0, Query("national_id", normalize_national_id(digits)))
        if n == 10:
            found.append(Query("postal_code", digits))
        if n == 11 and is_valid_legal_id(digits):
            found.append(Query("legal_id", digits))
        if found:
            return found
    parts = [p for p in _SEPARATORS.split(ascii_text) if p]
    if 4 <= len(parts) <= 7 and all(p.isdigit() for p in parts):
        try:
            return [Query("renovation_code", str(RenovationCode.parse(ascii_text)))]
        except ValidationError:
            pass
    if "اصلی" in raw or "فرعی" in raw or "بخش" in raw:
        plate = _plate_from_words(ascii_text)
        if plate:
            return [Query("plate", plate)]
    if 2 <= len(parts) <= 3 and all(p.isdigit() for p in parts):
        if len(parts) == 3:
            return [Query("plate", (f"{int(parts[0])}-{int(parts[1])}-{int(parts[2])}",))]
        a, b = int(parts[0]), int(parts[1])
        return [Query("plate_pair", (str(a), str(b)))]
    key = search_key(raw)
    if key and not key.isdigit():
        return [Query("name", key)]
    return []


def _plate_from_words(text_: str) -> tuple[str, ...] | None:
    """«۱۶۱۷ فرعی از ۷۲ اصلی بخش ۱۱» → ("11-72-1617",)."""

    def number_before(word: str) -> int | None:
        m = re.search(rf"(\d+)\s*{word}", text_)
        return int(m.group(1)) if m else None

    sub, main = number_before("فرعی"), number_before("اصلی")
    section_match = re.search(r"بخش\s*(\d+)", text_)
    if main is None:
        return None
    if section_match:
        return (f"{int(section_match.group(1))}-{main}-{sub or 0}",)
    return None


class SearchService(Area):
    def search(self, actor: Actor, typed: str, limit: int = 50) -> list[SearchHit]:
        if typed.strip().startswith("EC1."):  # a certificate's scanned QR payload: its case, if signed by us
            return self._certificate_hit(typed)
        queries = classify(typed)
        if not queries:
            return []
        hits: list[SearchHit] = []
        seen: set[str] = set()
        viewed: dict[str, list[str]] = {}
        with self._s.engine.connect() as conn:
            for q in queries:
                rows, person_ids = self._run(conn, q, limit)
                if q.kind in PERSONAL_KINDS:
                    viewed[q.kind] = person_ids
                for row in rows:
                    if row[0] in seen or len(hits) >= limit:
                        continue
                    seen.add(row[0])
                    hits.append(self._hit(row, q.kind))
        if viewed:
            with self._s.uow() as uow:
                for kind, ids in viewed.items():
                    self._s.audit.record(uow.session, actor, "personal_data.viewed", "person",
                                         ids[0] if len(ids) == 1 else "",
                                         {"by": kind, "person_ids": ids, "hits": len(hits)})  # fmt: skip
                uow.commit()
        return hits

    def _certificate_hit(self, payload: str) -> list[SearchHit]:
        check = self._s.certificates.verify(payload)
        if check.case_id is None:
            return []
        with self._s.engine.connect() as conn:
            rows = self._cases(conn, "c.id = :id", {"id": check.case_id}, 1)
        return [self._hit(row, "certificate") for row in rows]

    def _hit(self, row: Sequence[object], kind: str) -> SearchHit:
        cid, tn, service, workflow_id, state, applicant = row
        return SearchHit(
            case_id=str(cid),
            tracking_number=str(tn),
            applicant_name=str(applicant),
            service_name=self.service_name(str(service)),
            state_title=self.state_title(str(workflow_id), str(state)),
            matched_on="plate" if kind == "plate_pair" else kind,
        )

    def _cases(self, conn: Connection, where: str, params: dict[str, object], limit: int) -> list[Sequence[object]]:
        return list(conn.execute(text(_CASES_SQL.format(where=where)), {**params, "limit": limit}))

    def _persons(self, conn: Connection, column: str, value: str) -> list[str]:
        sql = f"SELECT id FROM person WHERE {column} = :v AND deleted = 0"
        return [r[0] for r in conn.execute(text(sql), {"v": value})]

    def _by_persons(self, conn: Connection, ids: list[str], limit: int) -> list[Sequence[object]]:
        if not ids:
            return []
        names = {f"p{i}": pid for i, pid in enumerate(ids)}
        marks = ", ".join(f":{k}" for k in names)
        where = f"c.applicant_id IN ({marks}) OR c.id IN (SELECT case_id FROM case_party WHERE person_id IN ({marks}))"
        return self._cases(conn, where, names, limit)

    def _by_properties(self, conn: Connection, where: str, params: dict[str, object], limit: int) -> list:
        ids = [r[0] for r in conn.execute(text(f"SELECT id FROM property WHERE deleted = 0 AND ({where})"), params)]
        if not ids:
            return []
        names = {f"q{i}": pid for i, pid in enumerate(ids[:500])}
        return self._cases(conn, f"c.property_id IN ({', '.join(':' + k for k in names)})", names, limit)

    def _run(self, conn: Connection, q: Query, limit: int) -> tuple[list[Sequence[object]], list[str]]:
        if q.kind == "tracking":
            return self._cases(conn, "c.tracking_number = :tn", {"tn": q.value}, limit), []
        if q.kind in ("national_id", "legal_id", "mobile"):
            ids = self._persons(conn, q.kind, str(q.value))
            return self._by_persons(conn, ids, limit), ids
        if q.kind == "postal_code":
            ids = self._persons(conn, "postal_code", str(q.value))
            rows = self._by_persons(conn, ids, limit)
            return rows + self._by_properties(conn, "postal_code = :v", {"v": q.value}, limit), []
        if q.kind == "renovation_code":
            return self._by_properties(conn, "renovation_key = :v", {"v": q.value}, limit), []
        if q.kind == "plate":
            return self._by_properties(conn, "plate_key = :v", {"v": q.value[0]}, limit), []
        if q.kind == "plate_pair":
            a, b = q.value
            where = "(registry_main = :a AND registry_sub = :b) OR (registry_main = :b AND registry_sub = :a)"
            return self._by_properties(conn, where, {"a": int(a), "b": int(b)}, limit), []
        if q.kind == "name":
            key = str(q.value)
            ids = [r[0] for r in conn.execute(text(_NAME_PERSONS_SQL), {"lo": key, "hi": key + _TOP, "n": limit})]
            return self._by_persons(conn, ids, limit), []
        return [], []
