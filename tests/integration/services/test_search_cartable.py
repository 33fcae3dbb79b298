"""Global search (what was typed is recognised) and cartables (counts, overdue, filters)."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from svc_office import Office

from app.domain.errors import DomainError
from app.domain.text import to_persian_digits
from app.models import AuditEntry


def test_search_recognises_each_kind(office: Office) -> None:
    person = office.person(first="علی", last="محمدی")
    other = office.person("0013542419", first="مریم", last="حسن‌زاده", mobile="09351112233", postal="1234567890")
    prop = office.property()
    case = office.open_building_case(person, prop)
    case2 = office.open_building_case(other, office.property("1-2-3-4", ("12", "5", "6"), "1957643999"))
    s, a = office.s, office.clerk

    def hits(typed: str) -> list[tuple[str, str]]:
        return [(h.tracking_number, h.matched_on) for h in s.search.search(a, typed)]

    assert hits(case.tracking_number) == [(case.tracking_number, "tracking")]
    assert hits(to_persian_digits(case.tracking_number)) == [(case.tracking_number, "tracking")]
    assert hits("۰۰۸۴۵۷۵۹۴۸") == [(case.tracking_number, "national_id")]
    assert hits("+98 935 111 2233") == [(case2.tracking_number, "mobile")]
    assert hits("1234567890") == [(case2.tracking_number, "postal_code")]
    assert hits("1957643111") == [(case.tracking_number, "postal_code")]  # the property's postal code
    assert hits("6/5") == [(case2.tracking_number, "plate")]  # sub/main without the section
    assert hits("۱-۴-۷۶-۱۰-۱-۲-۰") == [(case.tracking_number, "renovation_code")]
    assert hits("11-72-1617") == [(case.tracking_number, "plate")]
    assert hits("۱۶۱۷ فرعی از ۷۲ اصلی بخش ۱۱") == [(case.tracking_number, "plate")]
    assert hits("محمدي") == [(case.tracking_number, "name")]  # Arabic yeh typed
    assert hits("علی محم") == [(case.tracking_number, "name")]
    assert hits("حسن زاده") == [(case2.tracking_number, "name")]  # space for ZWNJ
    assert hits("مریم") == [(case2.tracking_number, "name")]
    assert hits("ناشناس") == [] and hits("") == []


def test_search_by_national_id_is_audited_without_the_id(office: Office) -> None:
    person = office.person()
    office.open_building_case(person, office.property())
    office.s.search.search(office.clerk, "0084575948")
    with office.s.uow(writer=False) as uow:
        entry = uow.session.scalars(
            select(AuditEntry).where(AuditEntry.action == "personal_data.viewed").order_by(AuditEntry.seq.desc())
        ).first()
    assert entry is not None and entry.user_id == office.clerk.user_id and entry.entity_id == person.id
    assert entry.details["by"] == "national_id" and "0084575948" not in str(entry.details)
    office.s.search.search(office.clerk, "علی")
    with office.s.uow(writer=False) as uow:
        viewed = uow.session.scalars(select(AuditEntry).where(AuditEntry.action == "personal_data.viewed")).all()
    assert len(viewed) == 1  # a name search is not a personal-data look-up


def test_cartable_counts_overdue_and_filters(office: Office) -> None:
    s = office.s
    p1, p2 = office.person(), office.person("0013542419", first="مریم", last="صادقی")
    c1 = office.open_building_case(p1, office.property())
    c2 = office.open_building_case(p2, office.property("1-2-3-4"), all_docs=False)
    assert s.cartable.counts(office.head)["inspection"] == (1, 0)
    assert s.cartable.counts(office.head)["formation"] == (1, 0)
    assert set(s.cartable.counts(office.inspector)) == {"inspection"}
    office.clock.advance(days=20)
    counts = s.cartable.counts(office.head)
    assert counts["inspection"] == (1, 1) and counts["formation"] == (1, 1)
    rows = s.cartable.list_cartable(office.clerk, "formation")
    assert [r.case_id for r in rows] == [c2.case_id] and rows[0].overdue and rows[0].working_days_left < 0
    assert s.cartable.list_cartable(office.head, "formation", text_filter="صادق")[0].case_id == c2.case_id
    assert s.cartable.list_cartable(office.head, "formation", text_filter="محمدی") == []
    assert s.cartable.list_cartable(office.head, "formation", text_filter=c2.tracking_number[-6:])
    mine = s.cartable.list_cartable(office.inspector, "inspection", mine_only=True)
    theirs = s.cartable.list_cartable(office.inspector2, "inspection", mine_only=True)
    assert len(mine) + len(theirs) == 1 and (mine or theirs)[0].case_id == c1.case_id
    with pytest.raises(DomainError) as err:
        s.cartable.list_cartable(office.clerk, "inspection")
    assert err.value.code == "cartable.not_allowed"
