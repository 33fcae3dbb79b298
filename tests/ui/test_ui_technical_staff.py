"""Any staff member, from the File menu: the circulars sent to their unit (acknowledged once, never one of another
unit's), and a technical question to the technical manager (refused without text), answered and shown back."""

from __future__ import annotations

from sqlalchemy import func, select
from test_ui_followup_support import watch_persian  # noqa: F401  (fixture)

from app.models import CircularAck, TechQuestion
from app.ui.main_window import MainWindow
from app.ui.units.technical.staff_dialog import StaffCircularsDialog


def _count(services, model) -> int:  # type: ignore[no-untyped-def]
    with services.uow(writer=False) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


def test_a_clerk_acknowledges_circulars_and_asks(qtbot, ctx, kb, login, watch_persian) -> None:  # noqa: F811
    login("intake")
    services = ctx.services
    window = MainWindow(ctx)
    kb.show(window)
    kb.wait_idle()
    assert window.circulars_action.isEnabled()
    window.circulars_action.trigger()
    kb.wait_idle()
    dialogs = window.findChildren(StaffCircularsDialog)
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert dialog.questions.answer_form.isHidden()

    # -- the circulars of the formation unit only ---------------------------------------------------------------------
    mine = dialog.circulars
    assert mine.table.rowCount() >= 2
    assert all("formation" in c.units for c in mine.lines)
    pending = [c for c in mine.lines if c.my_ack is None]
    assert pending, "the demo leaves a circular for the clerk to read"
    ids = [mine.table.item(r, 0).data(0x100 + 11) for r in range(mine.table.rowCount())]
    mine.table.setCurrentCell(ids.index(pending[0].id), 0)
    before = _count(services, CircularAck)
    mine.acknowledge()
    kb.wait_idle()
    assert mine.message.text() == "رؤیت ثبت شد." and _count(services, CircularAck) == before + 1
    mine.table.setCurrentCell([c.id for c in mine.lines].index(pending[0].id), 0)
    mine.acknowledge()
    kb.wait_idle()
    assert mine.message.text() == "پیش‌تر رؤیت آن را تأیید کرده‌اید."
    assert _count(services, CircularAck) == before + 1

    # -- a question: refused empty, then sent, answered by the manager, shown to the clerk -------------------------------
    qs = dialog.questions
    dialog.tabs.setCurrentWidget(qs)
    own = qs.table.rowCount()
    before = _count(services, TechQuestion)
    qs.ask()
    kb.wait_idle()
    assert qs.ask_form.message_of("question") == "پرسش را بنویسید." and _count(services, TechQuestion) == before
    kb.type(qs.question_edit, "برای ملک مشاع امضای همه مالکان لازم است؟")
    qs.ask()
    kb.wait_idle()
    assert qs.table.rowCount() == own + 1
    asked = next(q for q in qs.lines if q.question.startswith("برای ملک مشاع"))
    services.technical.answer(services.auth.actor_by_username("techmanager"), asked.id, "بله، یا وکالت‌نامه رسمی.")
    qs.reload()
    kb.wait_idle()
    assert next(q for q in qs.lines if q.id == asked.id).answered_by == "داریوش یزدانی"
    dialog.close()
    window.close()
