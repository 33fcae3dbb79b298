"""The liaisons' tab end to end as the demo's head of liaisons: a task assigned (refusals in Persian next to their
fields, nothing written), the liaison's own list with the outcome recorded, and the supervision view of the demo."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from sqlalchemy import func, select
from test_ui_followup_support import watch_persian  # noqa: F401  (fixture)

from app.models import AuditEntry, Case, LiaisonTask
from app.ui.units.followup.widgets import ID_ROLE
from app.ui.units.liaison import LiaisonTab


def _counts(services) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    with services.uow(writer=False) as uow:
        s = uow.session
        return (int(s.scalar(select(func.count()).select_from(LiaisonTask)) or 0),
                int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0))  # fmt: skip


def test_head_of_liaisons_assigns_and_closes_tasks(qtbot, ctx, kb, login, watch_persian, tmp_path: Path) -> None:  # noqa: F811
    login("liaison")
    tab = LiaisonTab(ctx)
    kb.show(tab)
    kb.wait_idle()
    services = ctx.services
    assert tab.assign is not None and tab.supervision is not None

    # -- the demo fills every panel ---------------------------------------------------------------------------------
    mine = tab.mine
    assert mine.table.rowCount() > 0 and "باز" in mine.count_label.text()
    assert tab.assign.table.rowCount() > 0
    sup = tab.supervision
    assert sup.table.rowCount() >= 3 and any(s.late for s in sup.lines) and any(s.done for s in sup.lines)
    assert "بهروز کاظمی" in sup.table.column_texts(0)
    tab.resize(1300, 800)
    for panel, name in ((mine, "mine"), (tab.assign, "assign"), (sup, "supervision")):
        tab.panels.setCurrentWidget(panel)
        tab.grab().save(str(tmp_path / f"liaison-{name}.png"))
        if os.environ.get("WATCH_SHOTS"):
            tab.grab().save(str(Path(os.environ["WATCH_SHOTS"]) / f"liaison-{name}.png"))

    # -- assigning: refusals next to their fields, nothing written ---------------------------------------------------
    assign = tab.assign
    tab.panels.setCurrentWidget(assign)
    before = _counts(services)
    assign.kind.setCurrentIndex(assign.kind.findData("problem_solving"))
    assign.district.setValue(30)
    assign.due_edit.set_value(services.today() - dt.timedelta(days=2))
    assign.tracking_edit.setText("1234")
    assign.save()
    kb.wait_idle()
    form = assign.form
    assert form.message_of("title") == "شرح کار را بنویسید."
    assert form.message_of("district") == "شماره منطقه بین ۱ و ۲۲ است."
    assert form.message_of("expert") == "نام کارشناس شهرداری را برای این کار وارد کنید."
    assert form.message_of("due_date") == "مهلت انتخاب‌شده گذشته است."
    assert "پرونده" in form.message_of("tracking")
    assert _counts(services) == before

    with services.uow(writer=False) as uow:
        tracking = uow.session.scalar(select(Case.tracking_number).limit(1))
    assign.district.setValue(6)
    assign.due_edit.set_value(services.today() + dt.timedelta(days=4))
    assign.tracking_edit.setText(tracking)
    assign.liaison.setCurrentIndex(assign.liaison.findData(ctx.actor.user_id))
    kb.type(assign.title_edit, "رفع مشکل بر اصلاحی با منطقه")
    kb.type(assign.expert_edit, "مهندس صالحی")
    assign.save()
    kb.wait_idle()
    assert form.message_of("title") == "" and form.message.text() == "کار به رابط سپرده شد."
    assert _counts(services)[0] == before[0] + 1
    assert "رفع مشکل بر اصلاحی با منطقه" in assign.table.column_texts(2)

    # -- the liaison's own list: no task chosen, no outcome, then closed ------------------------------------------------
    tab.panels.setCurrentWidget(mine)
    mine.table.clearSelection()
    mine.table.setCurrentCell(-1, -1)
    mine.complete()
    assert "ابتدا" in mine.form.message.text()
    row = mine.table.column_texts(1).index("رفع مشکل بر اصلاحی با منطقه")
    mine.table.setCurrentCell(row, 0)
    task_id = mine.table.current_id()
    assert task_id is not None
    before = _counts(services)
    mine.complete()
    kb.wait_idle()
    assert mine.form.message_of("outcome") == "پیش از بستن کار، نتیجه را بنویسید."
    assert _counts(services) == before
    kb.type(mine.outcome_edit, "مشکل با کارشناس منطقه حل شد")
    mine.complete()
    kb.wait_idle()
    done = next(t for t in mine.tasks if t.id == task_id)
    assert done.status == "done" and done.outcome == "مشکل با کارشناس منطقه حل شد"
    with services.uow(writer=False) as uow:
        last = uow.session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
    assert last.action == "liaison.task_done" and last.entity_id == task_id
    ids = [mine.table.item(i, 0).data(ID_ROLE) for i in range(mine.table.rowCount())]
    mine.table.setCurrentCell(ids.index(task_id), 0)
    assert mine.table.current_id() == task_id
    kb.type(mine.outcome_edit, "دوباره")
    mine.complete()
    kb.wait_idle()
    assert mine.form.message_of("outcome") == "این کار پیش‌تر بسته شده است."
    tab.close()


def test_a_liaison_sees_only_their_own_tasks(qtbot, ctx, kb, login, watch_persian) -> None:  # noqa: F811
    login("liaison2")
    tab = LiaisonTab(ctx)
    kb.show(tab)
    kb.wait_idle()
    assert tab.assign is None and tab.supervision is None and tab.panels.count() == 2
    assert tab.mine.table.rowCount() > 0
    assert all(t.liaison_id == ctx.actor.user_id for t in tab.mine.tasks)
    tab.close()
