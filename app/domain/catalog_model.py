"""Types of the service catalog. The data is in ``catalog_data``; ``app.domain.catalog`` puts them together."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from app.domain.errors import NotFoundError
from app.domain.units import UNIT_IDS

_CODE = re.compile(r"^[A-Z][A-Z0-9_]*$")
_DOC_CODE = re.compile(r"^[a-z][a-z0-9_]*$")


class CatalogDefinitionError(ValueError):
    """The catalog data contradicts itself: a programming error, found at import time."""


@dataclass(frozen=True, slots=True)
class DocumentType:
    code: str
    title_fa: str
    title_en: str


@dataclass(frozen=True, slots=True)
class FeeItem:
    """A fee of a service. ``amount_rials`` None means computed per case (levies that depend on area, use, zone).

    Fixed amounts are the defaults shipped with the program; the administration unit's tariff table overrides them.
    """

    code: str
    title_fa: str
    title_en: str
    amount_rials: int | None = None

    @property
    def computed(self) -> bool:
        return self.amount_rials is None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "title_fa": self.title_fa,
            "title_en": self.title_en,
            "amount_rials": "computed" if self.amount_rials is None else self.amount_rials,
        }


@dataclass(frozen=True, slots=True)
class Service:
    """One service the office offers. ``required_documents`` are always asked for; ``conditional_documents`` only when
    the case needs them (an attorney instead of the owner, a deceased owner, an apartment ...)."""

    code: str
    title_fa: str
    title_en: str
    unit: str
    workflow_id: str
    deadline_working_days: int
    needs_inspection: bool
    required_documents: tuple[str, ...] = ()
    conditional_documents: tuple[str, ...] = ()
    fees: tuple[FeeItem, ...] = ()
    sort_order: int = 0

    @property
    def fixed_fees_rials(self) -> int:
        """Sum of the fixed fees (computed fees are added per case)."""
        return sum(f.amount_rials for f in self.fees if f.amount_rials is not None)

    @property
    def has_computed_fees(self) -> bool:
        return any(f.computed for f in self.fees)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "title_fa": self.title_fa,
            "title_en": self.title_en,
            "unit": self.unit,
            "workflow_id": self.workflow_id,
            "deadline_working_days": self.deadline_working_days,
            "needs_inspection": self.needs_inspection,
            "required_documents": list(self.required_documents),
            "conditional_documents": list(self.conditional_documents),
            "fees": [f.to_dict() for f in self.fees],
            "sort_order": self.sort_order,
        }


class Catalog:
    """The services and document types, checked for consistency when built."""

    def __init__(
        self,
        services: Iterable[Service],
        document_types: Iterable[DocumentType],
        workflow_ids: Iterable[str] | None = None,
    ) -> None:
        self.services: tuple[Service, ...] = tuple(sorted(services, key=lambda s: (s.sort_order, s.code)))
        docs = tuple(document_types)
        self.document_types: Mapping[str, DocumentType] = MappingProxyType({d.code: d for d in docs})
        self._by_code: Mapping[str, Service] = MappingProxyType({s.code: s for s in self.services})
        self._validate(docs, None if workflow_ids is None else frozenset(workflow_ids))

    def _validate(self, docs: tuple[DocumentType, ...], workflow_ids: frozenset[str] | None) -> None:
        def fail(why: str) -> None:
            raise CatalogDefinitionError(why)

        if len(self.document_types) != len(docs):
            fail("duplicate document type codes")
        if len(self._by_code) != len(self.services):
            fail("duplicate service codes")
        for d in docs:
            if not _DOC_CODE.match(d.code) or not d.title_fa or not d.title_en:
                fail(f"document type {d.code!r}: bad code or missing title")
        for s in self.services:
            if not _CODE.match(s.code):
                fail(f"service code {s.code!r} is not upper-case ASCII")
            if s.unit not in UNIT_IDS:
                fail(f"service {s.code}: unknown unit {s.unit!r}")
            if workflow_ids is not None and s.workflow_id not in workflow_ids:
                fail(f"service {s.code}: unknown workflow {s.workflow_id!r}")
            if s.deadline_working_days <= 0:
                fail(f"service {s.code}: deadline must be positive")
            if not s.title_fa or not s.title_en:
                fail(f"service {s.code}: missing title")
            all_docs = s.required_documents + s.conditional_documents
            unknown = [d for d in all_docs if d not in self.document_types]
            if unknown:
                fail(f"service {s.code}: unknown documents {unknown}")
            if len(set(all_docs)) != len(all_docs):
                fail(f"service {s.code}: a document is listed twice")
            fee_codes = [f.code for f in s.fees]
            if len(set(fee_codes)) != len(fee_codes):
                fail(f"service {s.code}: a fee is listed twice")
            for f in s.fees:
                if f.amount_rials is not None and f.amount_rials < 0:
                    fail(f"service {s.code}: negative fee {f.code}")

    def get(self, code: str) -> Service:
        try:
            return self._by_code[code]
        except KeyError:
            raise NotFoundError("catalog.unknown_service", service=code) from None

    def find(self, code: str) -> Service | None:
        return self._by_code.get(code)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __iter__(self) -> Iterator[Service]:
        return iter(self.services)

    def __len__(self) -> int:
        return len(self.services)

    def services_of_unit(self, unit: str) -> tuple[Service, ...]:
        return tuple(s for s in self.services if s.unit == unit)

    def services_of_workflow(self, workflow_id: str) -> tuple[Service, ...]:
        return tuple(s for s in self.services if s.workflow_id == workflow_id)

    def document_type(self, code: str) -> DocumentType:
        try:
            return self.document_types[code]
        except KeyError:
            raise NotFoundError("catalog.unknown_document", document=code) from None

    def documents_of(self, code: str, *, conditional: bool = False) -> tuple[DocumentType, ...]:
        """The documents asked for by service ``code`` (with ``conditional=True`` the conditional ones too)."""
        s = self.get(code)
        codes = s.required_documents + (s.conditional_documents if conditional else ())
        return tuple(self.document_types[c] for c in codes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "document_types": [
                {"code": d.code, "title_fa": d.title_fa, "title_en": d.title_en} for d in self.document_types.values()
            ],
            "services": [s.to_dict() for s in self.services],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The catalog as JSON (UTF-8 Persian kept readable) for ``ecity-counter catalog --json``."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
