"""Tariffs are data in the database (one row per Jalali year), synced like other office-wide rows."""

from __future__ import annotations

from sqlalchemy import select
from svc_office import Office

from app.models import OutboxEntry
from app.models.admin import tariff_row_id
from app.sync.apply import apply_records


def test_a_saved_year_goes_to_the_outbox_and_a_pulled_one_replaces_it(office: Office) -> None:
    s = office.s
    assert s.admin.tariff_book().is_demo and not s.admin.tariffs_stored()
    data = s.admin.tariff_year(1404).to_dict()
    data["sticker_annual_fee"] = 66_000_000
    s.admin.save_tariff_year(office.admin, data)
    with s.uow(writer=False) as uow:
        entries = uow.session.scalars(select(OutboxEntry).where(OutboxEntry.entity == "tariff_year")).all()
        assert {e.entity_id for e in entries} == {tariff_row_id(y) for y in (1403, 1404, 1405)}
        stored = [e for e in entries if e.entity_id == tariff_row_id(1404)][-1].payload
    assert "66000000" in str(stored)

    remote = s.admin.tariff_year(1404).to_dict() | {"sticker_annual_fee": 77_000_000}
    record = {"entity": "tariff_year", "id": tariff_row_id(1404), "data": {"year": 1404, "data": remote,
              "updated_by": "admin@ws2"}, "field_hlc": {"data": "9" * 20}, "version": 5, "deleted": False}  # fmt: skip
    with s.engine.begin() as conn:
        report = apply_records(conn, [record])
    assert report.failed == 0
    assert s.admin.tariff_year(1404).sticker_annual_fee == 77_000_000
