"""The consultation tab end to end as the demo's consultant: a consultation logged (refusals in Persian next to their
fields, nothing written) and answered, the zone reference searched and edited (a sub-zone added, a bad code refused),
and the knowledge base searched with Arabic letters, Persian digits and half-spaces typed either way."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import func, select
from test_ui_followup_support import watch_persian  # noqa: F401  (fixture)

from app.models import AuditEntry, Case, Consultation, ZoneRule
from app.ui.units.consultation import ConsultationTab
from app.ui.units.followup.widgets import ID_ROLE


def _counts(services) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    with services.uow(writer=False) as uow:
        s = uow.session
        return tuple(int(s.scalar(select(func.count()).select_from(m)) or 0)  # type: ignore[return-value]
                     for m in (Consultation, ZoneRule, AuditEntry))  # fmt: skip


def _shots(tab, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    tab.grab().save(str(tmp_path / f"{name}.png"))
    if os.environ.get("WATCH_SHOTS"):
        tab.grab().save(str(Path(os.environ["WATCH_SHOTS"]) / f"{name}.png"))


def test_consultant_logs_answers_and_searches(qtbot, ctx, kb, login, watch_persian, tmp_path: Path) -> None:  # noqa: F811
    login("consult")
    tab = ConsultationTab(ctx)
    kb.show(tab)
    kb.wait_idle()
    services = ctx.services
    tab.resize(1300, 820)

    # -- the demo fills every panel -----------------------------------------------------------------------------------
    log = tab.log
    assert log.table.rowCount() >= 8 and any(not c.answer for c in log.lines)
    assert tab.zones.table.rowCount() >= 17 and any(z.edited for z in tab.zones.zones)
    assert tab.knowledge.table.rowCount() >= 5
    for panel, name in ((log, "consultation-log"), (tab.zones, "consultation-zones"),
                        (tab.knowledge, "consultation-knowledge")):  # fmt: skip
        tab.panels.setCurrentWidget(panel)
        _shots(tab, tmp_path, name)

    # -- a new consultation: refusals next to their fields, nothing written ------------------------------------------------
    tab.panels.setCurrentWidget(log)
    before = _counts(services)
    log.tracking_edit.setText("999")
    log.zone_edit.setText("Q9")
    log.save()
    kb.wait_idle()
    form = log.form
    assert form.message_of("asker") == "نام پرسش‌کننده را وارد کنید."
    assert form.message_of("topic") == "موضوع را انتخاب کنید."
    assert form.message_of("question") == "پرسش را بنویسید."
    assert form.message_of("zone") == "چنین پهنه‌ای در مرجع طرح تفصیلی نیست."
    assert "پرونده" in form.message_of("tracking")
    assert _counts(services) == before

    with services.uow(writer=False) as uow:
        tracking = uow.session.scalar(select(Case.tracking_number).limit(1))
    log.tracking_edit.setText(tracking)
    log.zone_edit.setText("r121")
    kb.type(log.asker_edit, "رضا موسوي")  # Arabic ي
    log.topic.setCurrentIndex(log.topic.findData("detailed_plan"))
    kb.type(log.question_edit, "آیا در پهنه R121 ساخت چهار طبقه با پیلوت مجاز است؟")
    log.save()
    kb.wait_idle()
    assert form.message.text() == "مشاوره ثبت شد." and form.message_of("asker") == ""
    new = next(c for c in log.lines if c.zone_code == "R121" and c.asker_name == "رضا موسوی")
    assert new.answer == "" and new.tracking_number == tracking

    # -- answering it: without a choice, then without text, then for real ---------------------------------------------------
    log.table.clearSelection()
    log.table.setCurrentCell(-1, -1)
    log.save_answer()
    assert "ابتدا" in log.answer_form.message.text()
    ids = [log.table.item(r, 0).data(ID_ROLE) for r in range(log.table.rowCount())]
    log.table.setCurrentCell(ids.index(new.id), 0)
    assert "R121" in log.selected_label.text()
    before = _counts(services)
    log.save_answer()
    kb.wait_idle()
    assert log.answer_form.message_of("answer") == "پاسخ را بنویسید."
    assert _counts(services) == before
    kb.type(log.reply_edit, "بله؛ چهار طبقه روی پیلوت با تراکم ۲۴۰ درصد مجاز است.")
    log.save_answer()
    kb.wait_idle()
    assert next(c for c in log.lines if c.id == new.id).answer.startswith("بله")
    with services.uow(writer=False) as uow:
        last = uow.session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
    assert last.action == "consultation.answered" and last.username == "consult"

    # -- the knowledge base: Arabic letters, Persian or ASCII digits, with or without the half-space -------------------------
    kn = tab.knowledge
    tab.panels.setCurrentWidget(kn)
    kn.search_edit.setText("پيلوت 240")
    kn.reload()
    kb.wait_idle()
    assert [c.id for c in kn.lines] == [new.id] and "پیلوت" in kn.detail.toPlainText()
    kn.search_edit.setText("تجاری همکف")
    kn.reload()
    kb.wait_idle()
    assert kn.lines and all("همکف" in c.question + c.answer for c in kn.lines)
    kn.search_edit.setText("واژه‌ای که نیست")
    kn.reload()
    kb.wait_idle()
    assert kn.table.rowCount() == 0 and "پیدا نشد" in kn.message.text()

    # -- the zone reference: search by a use, a bad code refused, a sub-zone added -------------------------------------------
    zones = tab.zones
    tab.panels.setCurrentWidget(zones)
    zones.search_edit.setText("تجاري")
    kb.wait_idle()
    assert zones.zones and all("commercial" in z.allowed_uses for z in zones.zones)
    zones.search_edit.setText("R12")
    kb.wait_idle()
    zones.table.setCurrentCell(0, 0)
    assert zones.code_edit.text() == "R121" and "residential" in zones.checked_uses()
    before = _counts(services)
    zones.code_edit.setText("Z12")
    zones.title_edit.clear()
    zones.save()
    kb.wait_idle()
    assert zones.form.message_of("title") == "عنوان پهنه را وارد کنید."
    kb.type(zones.title_edit, "مسکونی ویژه")
    zones.save()
    kb.wait_idle()
    assert zones.form.message_of("code") == "کد پهنه نامعتبر است (نمونه: R112)."
    assert _counts(services) == before
    zones.code_edit.setText("R124")
    zones.floors.setValue(7)
    zones.save()
    kb.wait_idle()
    assert zones.form.message.text() == "پهنه ثبت شد."
    added = next(z for z in zones.zones if z.code == "R124")
    assert added.edited and added.max_floors == 7 and added.title_fa == "مسکونی ویژه"
    assert _counts(services)[1] == before[1] + 1
    tab.close()
