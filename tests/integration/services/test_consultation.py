"""Consultation services: the log with refusals, answers joining the knowledge base, normalised Persian search
(ی/ي, ک/ك, ZWNJ, digits), and the zone reference edited over the built-in zones."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from svc_office import PASSWORD, Office

from app.domain.errors import DomainError, ValidationError
from app.models import AuditEntry, Consultation, OutboxEntry, ZoneRule


def _consultant(office: Office):  # type: ignore[no-untyped-def]
    office.s.auth.create_user(office.admin, "consult", "آرش حیدری", PASSWORD, ["consultation.consultant"])
    return office.s.auth.actor_by_username("consult")


def test_log_answer_and_search(office: Office) -> None:
    s = office.s
    c = _consultant(office)
    with pytest.raises(ValidationError) as err:
        s.consultation.log(c, asker_name="", asker_kind="citizen", topic="weather", question="", tracking="1234",
                           zone_code="X1")  # fmt: skip
    assert err.value.params["errors"] == {
        "asker": "consultation.asker_required", "topic": "consultation.topic",
        "question": "consultation.question_required", "tracking": "case.not_found", "zone": "consultation.unknown_zone",
    }  # fmt: skip
    with pytest.raises(DomainError, match=r"consultation\.forbidden"):
        s.consultation.log(office.clerk, asker_name="a", asker_kind="citizen", topic="other", question="q")
    with s.uow(writer=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(Consultation)) == 0

    case = office.open_building_case(office.person(), office.property())
    # Typed with Arabic ي and ك, Persian digits and a ZWNJ.
    a = s.consultation.log(c, asker_name="علي كريمي", asker_kind="citizen", topic="detailed_plan",
                           question="در پهنه R122 ساختمان ۵ طبقه‌ای مجاز است؟", answer="بله، تا پنج طبقه و تراکم ۳۰۰٪.",
                           tracking=case.tracking_number, zone_code="r122")  # fmt: skip
    b = s.consultation.log(c, asker_name="مهندس رضایی", asker_kind="expert", topic="municipal_law",
                           question="ماده ۱۰۰ برای پیش‌آمدگی چه می‌گوید؟")  # fmt: skip
    with s.uow(writer=False) as uow:
        assert uow.session.scalars(select(OutboxEntry.entity).where(OutboxEntry.entity_id == a.id)).all() == [
            "consultation"
        ]
        assert (
            uow.session.scalar(select(AuditEntry.action).where(AuditEntry.entity_id == a.id)) == "consultation.logged"
        )
    log = s.consultation.consultations(c)
    assert [x.id for x in log] == [b.id, a.id] or {x.id for x in log} == {a.id, b.id}
    first = next(x for x in log if x.id == a.id)
    assert (
        first.asker_name == "علی کریمی" and first.zone_code == "R122" and first.tracking_number == case.tracking_number
    )
    assert [x.id for x in s.consultation.consultations(c, unanswered_only=True)] == [b.id]

    # The knowledge base holds answered ones only; search folds letters, digits and ZWNJ.
    assert [x.id for x in s.consultation.search(c, "طبقه اي 5")] == [a.id]
    assert [x.id for x in s.consultation.search(c, "كريمي")] == [a.id]
    assert [x.id for x in s.consultation.search(c, "۳۰۰")] == [a.id]
    assert s.consultation.search(c, "ماده") == []
    with pytest.raises(ValidationError, match=r"consultation\.answer_required"):
        s.consultation.answer(c, b.id, " ")
    s.consultation.answer(c, b.id, "پیش‌آمدگی تا یک و نیم متر در معبر مجاز است.")
    assert [x.id for x in s.consultation.search(c, "پیش آمدگی")] == [b.id]
    assert [x.id for x in s.consultation.search(c, "معبر", topic="detailed_plan")] == []


def test_zone_reference_is_editable(office: Office) -> None:
    s = office.s
    c = _consultant(office)
    zones = s.consultation.zones(c)
    assert {z.family for z in zones} == {"R", "S", "M", "G"} and not any(z.edited for z in zones)
    commercial = s.consultation.zones(c, "تجاري")
    assert commercial and all("commercial" in z.allowed_uses for z in commercial)
    assert [z.code for z in s.consultation.zones(c, "r12")] == ["R121", "R122"]

    with pytest.raises(ValidationError, match=r"zone\.code"):
        s.consultation.save_zone(c, code="X9", title_fa="x", allowed_uses=[], max_density_percent=1, max_floors=1,
                                 max_coverage_percent=1)  # fmt: skip
    with pytest.raises(ValidationError, match=r"zone\.limits"):
        s.consultation.save_zone(c, code="R123", title_fa="x", allowed_uses=["residential"],
                                 max_density_percent=100, max_floors=2, max_coverage_percent=140)  # fmt: skip
    with pytest.raises(ValidationError, match=r"zone\.unknown_use"):
        s.consultation.save_zone(c, code="R123", title_fa="x", allowed_uses=["casino"], max_density_percent=100,
                                 max_floors=2, max_coverage_percent=60)  # fmt: skip
    with pytest.raises(ValidationError, match=r"zone\.title_required"):
        s.consultation.save_zone(c, code="R123", title_fa=" ", allowed_uses=[], max_density_percent=100,
                                 max_floors=2, max_coverage_percent=60)  # fmt: skip
    with s.uow(writer=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(ZoneRule)) == 0

    s.consultation.save_zone(c, code="r123", title_fa="مسکونی میان‌تراکم (۳۶۰٪)", allowed_uses=["residential"],
                             max_density_percent=360, max_floors=6, max_coverage_percent=60)  # fmt: skip
    s.consultation.save_zone(c, code="R111", title_fa="مسکونی کم‌تراکم (۱۲۰٪)", allowed_uses=["residential", "green"],
                             max_density_percent=120, max_floors=2, max_coverage_percent=50, notes_fa="ویرایش شد")  # fmt: skip
    s.consultation.save_zone(c, code="R111", title_fa="مسکونی کم‌تراکم (۱۲۰٪)", allowed_uses=["residential"],
                             max_density_percent=120, max_floors=2, max_coverage_percent=55)  # fmt: skip
    by_code = {z.code: z for z in s.consultation.zones(c, "r1")}
    assert by_code["R123"].edited and by_code["R123"].max_floors == 6
    assert by_code["R111"].edited and by_code["R111"].max_coverage_percent == 55 and by_code["R111"].notes_fa == ""
    assert s.consultation.zone_table().get("R123").max_density_percent == 360
    with s.uow(writer=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(ZoneRule)) == 2
        actions = uow.session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "zone_rule")).all()
    assert actions == ["zone.saved"] * 3
    # The log accepts a zone added by the unit.
    s.consultation.log(c, asker_name="x", asker_kind="citizen", topic="detailed_plan", question="q", zone_code="R123")
