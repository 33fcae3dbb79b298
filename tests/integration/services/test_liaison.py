"""Liaison services: the head assigns tasks with refusals field by field, a liaison closes their own (not another's),
each write is one transaction with its outbox and audit entries, and the head's summary counts late work."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from svc_office import PASSWORD, Office

from app.domain.errors import DomainError, ValidationError
from app.models import AuditEntry, LiaisonTask, OutboxEntry


def _people(office: Office):  # type: ignore[no-untyped-def]
    s = office.s
    s.auth.create_user(office.admin, "lhead", "بهروز کاظمی", PASSWORD, ["liaison.liaison", "liaison.head"])
    s.auth.create_user(office.admin, "laison2", "کاوه نادری", PASSWORD, ["liaison.liaison"])
    return s.auth.actor_by_username("lhead"), s.auth.actor_by_username("laison2")


def _count(office: Office, model) -> int:  # type: ignore[no-untyped-def]
    with office.s.uow(writer=False) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


def test_assign_complete_and_summary(office: Office) -> None:
    s = office.s
    head, liaison = _people(office)
    case = office.open_building_case(office.person(), office.property())
    today = s.today()
    assert {uid for uid, _ in s.liaison.liaisons()} == {head.user_id, liaison.user_id}

    # Refusals: every field at fault is named, nothing is written.
    before = (_count(office, LiaisonTask), _count(office, AuditEntry), _count(office, OutboxEntry))
    with pytest.raises(ValidationError) as err:
        s.liaison.assign_task(head, kind="problem_solving", liaison_id="nobody", district=30, title=" ",
                              due_date=today - dt.timedelta(days=1), tracking="")  # fmt: skip
    assert err.value.params["errors"] == {
        "liaison": "liaison.unknown_liaison", "district": "liaison.district", "title": "liaison.title_required",
        "tracking": "field.required", "expert": "liaison.expert_required", "due_date": "liaison.due_past",
    }  # fmt: skip
    with pytest.raises(DomainError, match=r"liaison\.forbidden"):
        s.liaison.assign_task(liaison, kind="green_space", liaison_id=liaison.user_id, district=5, title="x",
                              due_date=today)  # fmt: skip
    assert (_count(office, LiaisonTask), _count(office, AuditEntry), _count(office, OutboxEntry)) == before

    t1 = s.liaison.assign_task(head, kind="problem_solving", liaison_id=liaison.user_id, district=5,
                               title="رفع مشکل بر اصلاحی", due_date=today + dt.timedelta(days=2),
                               tracking=case.tracking_number, municipal_expert="مهندس صالحی")  # fmt: skip
    t2 = s.liaison.assign_task(head, kind="green_space", liaison_id=liaison.user_id, district=5,
                               title="پیگیری فضای سبز پهنه", due_date=today)  # fmt: skip
    with s.uow(writer=False) as uow:
        assert uow.session.scalars(select(OutboxEntry.entity).where(OutboxEntry.entity_id == t1.id)).all() == [
            "liaison_task"
        ]
        audit = uow.session.scalars(select(AuditEntry).where(AuditEntry.entity_id == t1.id)).one()
        assert audit.action == "liaison.task_assigned" and audit.username == "lhead"

    mine = s.liaison.tasks(liaison)
    assert [t.id for t in mine] == [t2.id, t1.id]  # by due date
    assert mine[1].tracking_number == case.tracking_number and mine[1].municipal_expert == "مهندس صالحی"
    assert s.liaison.tasks(head, mine=True) == []

    # Only the liaison (or the head) closes a task; an outcome is needed; a closed task stays closed.
    s.auth.create_user(office.admin, "liaison3", "نادر امینی", PASSWORD, ["liaison.liaison"])
    other = s.auth.actor_by_username("liaison3")
    with pytest.raises(DomainError, match=r"liaison\.not_yours"):
        s.liaison.complete_task(other, t1.id, "انجام شد")
    with pytest.raises(ValidationError, match=r"liaison\.outcome_required"):
        s.liaison.complete_task(liaison, t1.id, "  ")
    s.liaison.add_note(liaison, t1.id, "با کارشناس منطقه تماس گرفته شد")
    s.liaison.complete_task(liaison, t1.id, "مشکل برطرف شد", notes="نامه منطقه دریافت شد")
    with pytest.raises(ValidationError, match=r"liaison\.not_open"):
        s.liaison.complete_task(liaison, t1.id, "دوباره")
    done = next(t for t in s.liaison.tasks(head) if t.id == t1.id)
    assert done.status == "done" and not done.late and "نامه منطقه" in done.notes and "تماس" in done.notes

    # Two days later the green-space task is late; the summary says so.
    office.clock.advance(days=2)
    summary = {x.liaison_id: x for x in s.liaison.summary(head)}
    assert (summary[liaison.user_id].open, summary[liaison.user_id].done, summary[liaison.user_id].late) == (1, 1, 1)
    assert summary[liaison.user_id].average_days == 0
    assert summary[head.user_id].open == 0 and summary[head.user_id].average_days is None
    with pytest.raises(DomainError, match=r"liaison\.forbidden"):
        s.liaison.summary(liaison)
