"""The service catalog: every service of the seed, consistent with units, documents and workflows."""

from __future__ import annotations

import json

import pytest

from app.domain.catalog import CATALOG, Catalog, CatalogDefinitionError, DocumentType, FeeItem, Service
from app.domain.errors import NotFoundError
from app.domain.units import UNIT_IDS
from app.domain.workflows import WORKFLOWS


def _service(**overrides: object) -> Service:
    values: dict[str, object] = {
        "code": "X01_TEST",
        "title_fa": "آزمون",
        "title_en": "Test",
        "unit": "formation",
        "workflow_id": "simple_request.formation",
        "deadline_working_days": 3,
        "needs_inspection": False,
        "required_documents": ("title_deed",),
    }
    values.update(overrides)
    return Service(**values)  # type: ignore[arg-type]


_DOCS = (DocumentType("title_deed", "سند مالکیت", "Title deed"),)


def test_formation_has_the_seeds_ten_services() -> None:
    services = CATALOG.services_of_unit("formation")
    assert len(services) == 10
    names = [s.title_fa for s in services]
    for expected in ("تشکیل پرونده", "ثبت گزارش ناظر", "استعلام طرح تفصیلی", "دفاعیه", "ابطال پیش‌فروش",
                     "عدم قابلیت", "ناظر حقوقی و حقیقی", "اصلاح اطلاعات حقیقی", "انشعابات آب و فاضلاب",
                     "واحد مالی"):  # fmt: skip
        assert any(expected in n for n in names), expected


@pytest.mark.parametrize(
    ("unit", "count"),
    [("violation", 4), ("certificates", 3), ("vehicle", 4), ("renovation", 4), ("inspection", 1),
     ("plan_approval", 1), ("permits", 1), ("consultation", 1), ("technical", 2), ("audit", 2), ("liaison", 2)],
)  # fmt: skip
def test_unit_service_counts(unit: str, count: int) -> None:
    assert len(CATALOG.services_of_unit(unit)) == count


def test_seed_services_by_code() -> None:
    expected = {
        "F01_OPEN_CASE": "building_case",
        "I01_SITE_INSPECTION": "building_case",
        "V01_INSPECTION_VIOLATIONS": "violation_review",
        "V02_REGISTRY_LETTER": "violation_review",
        "V03_ARTICLE100_OBJECTION": "violation_review",
        "V04_FIRE_COMPANY": "simple_request.violation",
        "P01_PLAN_APPROVAL": "plan_approval",
        "C01_NO_VIOLATION": "certificate.no_violation",
        "C02_COMPLETION": "certificate.completion",
        "C03_NO_OBJECTION": "certificate.no_objection",
        "PD01_PERMIT_DRAFT": "permit_draft",
        "R01_RENOVATION_CLEARANCE": "renovation_clearance",
        "R02_WASTE_SLIP": "renovation_clearance",
        "R03_EXCAVATION_ROUTE": "renovation_clearance",
        "R04_DIGGING_PERMIT": "renovation_clearance",
        "VH01_TRAFFIC_STICKER": "vehicle.sticker",
        "VH02_STICKER_REPLACEMENT": "vehicle.replacement",
        "VH03_TRAFFIC_REFUND": "vehicle.refund",
        "VH04_CAMERA_FINE_OBJECTION": "vehicle.objection",
        "CS01_CONSULTATION": "simple_request.consultation",
        "L01_DISTRICT_FOLLOWUP": "simple_request.liaison",
        "T01_CIRCULAR": "simple_request.technical",
        "T02_CORRESPONDENCE": "simple_request.technical",
        "A01_COMPLAINT": "simple_request.audit",
        "A02_DISPUTE": "simple_request.audit",
    }
    for code, workflow_id in expected.items():
        assert CATALOG.get(code).workflow_id == workflow_id


def test_open_case_documents_follow_field_notes() -> None:
    s = CATALOG.get("F01_OPEN_CASE")
    assert s.needs_inspection
    assert {"title_deed", "renovation_levy_slip", "id_documents", "utility_bill", "detailed_plan_map"} <= set(
        s.required_documents
    )
    assert {
        "old_deed",
        "power_of_attorney",
        "inheritance_certificate",
        "subdivision_minutes",
        "previous_permit",
    } <= set(s.conditional_documents)
    titles = [d.title_fa for d in CATALOG.documents_of("F01_OPEN_CASE", conditional=True)]
    assert "سند مالکیت" in titles and "وکالت‌نامه" in titles
    assert len(CATALOG.documents_of("F01_OPEN_CASE")) == len(s.required_documents)


def test_every_service_is_consistent() -> None:
    assert len(CATALOG) >= 35
    for s in CATALOG:
        assert s.unit in UNIT_IDS
        assert s.workflow_id in WORKFLOWS
        assert s.deadline_working_days > 0
        for code in s.required_documents + s.conditional_documents:
            assert code in CATALOG.document_types
        if s.workflow_id.startswith("simple_request."):
            # A small request sits in the cartable of the unit that offers it.
            assert s.workflow_id == f"simple_request.{s.unit}"
        if s.workflow_id.startswith("certificate."):
            assert s.unit == "certificates"


def test_fees() -> None:
    s = CATALOG.get("C02_COMPLETION")
    assert s.has_computed_fees
    assert s.fixed_fees_rials == sum(f.amount_rials or 0 for f in s.fees) > 0
    fee = FeeItem("x", "ایکس", "X", None)
    assert fee.computed and fee.to_dict()["amount_rials"] == "computed"
    assert FeeItem("y", "ی", "Y", 5).to_dict()["amount_rials"] == 5


def test_lookups() -> None:
    assert "F01_OPEN_CASE" in CATALOG
    assert CATALOG.find("NOPE") is None
    with pytest.raises(NotFoundError) as err:
        CATALOG.get("NOPE")
    assert err.value.code == "catalog.unknown_service"
    with pytest.raises(NotFoundError) as err2:
        CATALOG.document_type("nope")
    assert err2.value.code == "catalog.unknown_document"
    assert CATALOG.document_type("title_deed").title_en == "Title deed"
    assert CATALOG.services_of_workflow("certificate.completion") == (CATALOG.get("C02_COMPLETION"),)
    orders = [(s.sort_order, s.code) for s in CATALOG.services]
    assert orders == sorted(orders)


def test_to_json_round_trips_with_readable_persian() -> None:
    text = CATALOG.to_json()
    assert "تشکیل پرونده" in text  # not \\u escapes
    data = json.loads(text)
    assert [s["code"] for s in data["services"]] == [s.code for s in CATALOG.services]
    assert {d["code"] for d in data["document_types"]} == set(CATALOG.document_types)
    opened = next(s for s in data["services"] if s["code"] == "F01_OPEN_CASE")
    assert opened["workflow_id"] == "building_case" and opened["needs_inspection"] is True
    assert all(isinstance(f["amount_rials"], int) or f["amount_rials"] == "computed" for f in opened["fees"])


@pytest.mark.parametrize(
    ("services", "docs", "fragment"),
    [
        ((_service(), _service()), _DOCS, "duplicate service"),
        ((_service(required_documents=("nope",)),), _DOCS, "unknown documents"),
        ((_service(unit="kitchen"),), _DOCS, "unknown unit"),
        ((_service(workflow_id="nope"),), _DOCS, "unknown workflow"),
        ((_service(code="x01 test"),), _DOCS, "not upper-case"),
        ((_service(deadline_working_days=0),), _DOCS, "deadline"),
        ((_service(conditional_documents=("title_deed",)),), _DOCS, "listed twice"),
        ((_service(fees=(FeeItem("a", "ا", "A", 1), FeeItem("a", "ا", "A", 2))),), _DOCS, "fee is listed twice"),
        ((_service(fees=(FeeItem("a", "ا", "A", -1),)),), _DOCS, "negative"),
        ((_service(),), (*_DOCS, *_DOCS), "duplicate document"),
    ],
)
def test_catalog_refuses_inconsistent_data(services: tuple[Service, ...], docs: tuple[DocumentType, ...],
                                           fragment: str) -> None:  # fmt: skip
    with pytest.raises(CatalogDefinitionError, match=fragment):
        Catalog(services, docs, workflow_ids=WORKFLOWS.keys())
