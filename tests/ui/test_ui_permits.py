"""The Permit drafts tab end to end as the permits user: a new draft case through the checklist, engineers and
figures, refusals in Persian that change nothing (incomplete draft, bad engineer number, unpaid fees, wrong role),
the printed draft sheet, the head's return, and the approval that sends the draft to the district."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.domain.catalog import CATALOG
from app.domain.errors import DomainError
from app.models import AuditEntry
from app.services.dto import OpenCaseInput
from app.ui.messages import error_text
from app.ui.units.permits import PermitsTab


def _new_case(ctx: Any) -> str:
    services, actor = ctx.services, ctx.actor
    service = CATALOG.get("PD01_PERMIT_DRAFT")
    with services.uow(writer=False) as uow:
        from app.models import Person, Property

        person = uow.session.scalars(select(Person.id).where(Person.kind == "natural")).first()
        prop = uow.session.scalars(select(Property.id)).first()
    result = services.intake.open_case(
        actor, OpenCaseInput(service.code, person, prop, frozenset(service.required_documents))
    )
    return str(result.case_id)


def _click(qtbot: Any, tab: PermitsTab, action: str) -> None:
    desk = tab.desk
    qtbot.waitUntil(lambda: action in desk.action_buttons, timeout=15_000)
    with qtbot.waitSignal(desk.action_applied, timeout=15_000):
        desk.action_buttons[action].click()
    qtbot.waitUntil(lambda: action not in desk.action_buttons or desk.detail is not None, timeout=15_000)


def _save(qtbot: Any, tab: PermitsTab) -> None:
    with qtbot.waitSignal(tab.desk.saved, timeout=15_000):
        tab.desk.save_button.click()


def _refused(qtbot: Any, tab: PermitsTab, button: Any) -> str:
    with qtbot.waitSignal(tab.desk.failed, timeout=15_000) as failed:
        button.click()
    return str(failed.args[0])


def test_permit_draft_from_checklist_to_the_district(qtbot: Any, ctx: Any, login: Any, kb: Any, tmp_path: Path) -> None:
    login("permits")
    services = ctx.services
    case_id = _new_case(ctx)
    tab = PermitsTab(ctx)
    kb.show(tab)
    tab.resize(1366, 900)
    desk = tab.desk
    qtbot.waitUntil(
        lambda: any(desk.queue.item(i).data(256) == case_id for i in range(desk.queue.count())), timeout=15_000
    )
    with qtbot.waitSignal(desk.case_loaded, timeout=15_000):
        desk.select_case(case_id)
    assert set(desk.action_buttons) >= {"start_review"}
    _click(qtbot, tab, "start_review")
    qtbot.waitUntil(lambda: desk.detail is not None and desk.detail.state == "checking", timeout=15_000)

    # an incomplete draft cannot go to the head: the message names what is missing, and nothing moves
    version = services.cases.get_version(case_id)
    text = _refused(qtbot, tab, desk.action_buttons["submit_for_approval"])
    assert "تعهد نما" in text and "مهندس ناظر" in text
    assert services.cases.get_version(case_id) == version
    assert services.cases.get_case(ctx.actor, case_id).state == "checking"

    # the expert fills the draft; a bad engineering-organisation number is refused next to the table
    for code, box in desk.checks.items():
        box.setChecked(code != "payments_checked")
    desk.technical_id_edit.setText("TID-1404-00123")
    desk.add_engineer()
    row = desk.engineers.rowCount() - 1
    desk.engineers.cellWidget(row, 1).setText("رضا احمدی")
    desk.engineers.cellWidget(row, 2).setText("abc")
    figures = {
        "floors": "5",
        "total_floor_area": "1250.5",
        "density": "180",
        "coverage": "60",
        "parking": "6",
        "height": "17.5",
        "projections": "12",
    }
    for code, value in figures.items():
        desk.field_edits[code].setText(value)
    text = _refused(qtbot, tab, desk.save_button)
    assert "عضویت نظام مهندسی" in text and desk.field_messages["engineers"].isVisible()
    assert services.permits.get_draft(ctx.actor, case_id).engineers == ()
    desk.engineers.cellWidget(row, 2).setText("1-01-12345")
    desk.field_edits["coverage"].setText("140")
    text = _refused(qtbot, tab, desk.save_button)
    assert desk.field_messages["fields.coverage"].isVisible() and "۱۰۰" in text
    desk.field_edits["coverage"].setText("60")
    _save(qtbot, tab)
    draft = services.permits.get_draft(ctx.actor, case_id)
    assert draft.engineers[0].member_no == "1-01-12345" and draft.fields["total_floor_area"] == 1250.5
    assert draft.missing == ("پرداختی‌ها کنترل شد",)

    # "payments checked" is refused while the fees are unpaid, naming them
    services.cases.set_fact(ctx.actor, case_id, "unpaid_fees", ["عوارض صدور پروانه"])
    kb.wait_idle()
    with qtbot.waitSignal(desk.case_loaded, timeout=15_000):
        desk.reload_case()
    desk.checks["payments_checked"].setChecked(True)
    text = _refused(qtbot, tab, desk.save_button)
    assert "عوارض صدور پروانه" in text and desk.field_messages["checklist.payments_checked"].isVisible()
    assert services.permits.get_draft(ctx.actor, case_id).checklist["payments_checked"] is False
    # the renovation unit records the payment; now the box can be ticked
    services.cases.set_fact(ctx.actor, case_id, "fees_paid", True)
    with qtbot.waitSignal(desk.case_loaded, timeout=15_000):
        desk.reload_case()
    desk.checks["payments_checked"].setChecked(True)
    _save(qtbot, tab)
    assert services.permits.get_draft(ctx.actor, case_id).complete
    assert "کامل" in desk.missing_label.text() or "complete" in desk.missing_label.text()

    # the draft sheet: checklist, engineer and figures on paper
    with qtbot.waitSignal(desk.printed, timeout=30_000):
        desk.print_button.click()
    assert desk.preview is not None and desk.preview.page_count() >= 1
    desk.preview.close()
    sheet = tmp_path / "draft.pdf"
    assert desk.last_pdf is not None
    sheet.write_bytes(desk.last_pdf)
    words = unicodedata.normalize(
        "NFKC", subprocess.run(["pdftotext", str(sheet), "-"], capture_output=True, text=True, check=True).stdout
    )
    words = words.translate(dict.fromkeys(map(ord, "\u202a\u202b\u202c\u2066\u2067\u2068\u2069")))
    for expected in ("تعهد نما", "رضا احمدی", "۱-۰۱-۱۲۳۴۵", "زیربنای کل", "۱۲۵۰٫۵", "TID-۱۴۰۴-۰۰۱۲۳"):
        assert unicodedata.normalize("NFKC", expected) in words, expected

    # to the head; the head returns it with a reason; again; approved: sent to the district for signature
    _click(qtbot, tab, "submit_for_approval")
    qtbot.waitUntil(lambda: desk.detail is not None and desk.detail.state == "head_review", timeout=15_000)
    qtbot.waitUntil(lambda: "return_to_expert" in desk.action_buttons, timeout=15_000)
    with qtbot.waitSignal(desk.action_applied, timeout=15_000):
        desk.apply_action(
            next(a for a in desk.detail.actions if a.action == "return_to_expert"),
            note="شماره شناسنامه فنی را با نامه منطقه تطبیق دهید",
        )
    qtbot.waitUntil(lambda: desk.detail is not None and desk.detail.state == "checking", timeout=15_000)
    _click(qtbot, tab, "submit_for_approval")
    qtbot.waitUntil(lambda: desk.detail is not None and desk.detail.state == "head_review", timeout=15_000)
    _click(qtbot, tab, "approve")
    qtbot.waitUntil(lambda: desk.detail is not None and desk.detail.state == "sent_to_district", timeout=15_000)
    detail = services.cases.get_case(ctx.actor, case_id)
    assert [h.action for h in detail.history][-5:] == [
        "start_review",
        "submit_for_approval",
        "return_to_expert",
        "submit_for_approval",
        "approve",
    ]
    assert detail.history[-3].note.startswith("شماره شناسنامه فنی")
    assert detail.closed
    kb.wait_idle()
    assert case_id not in [r.case_id for r in services.cartable.list_cartable(ctx.actor, "permits")]
    with services.uow(writer=False) as uow:
        actions = [e.action for e in uow.session.scalars(select(AuditEntry).where(AuditEntry.entity_id == case_id))]
    assert actions.count("permits.draft_saved") == 2 and "permits.draft_printed" in actions
    tab.grab().save(str(tmp_path / "permits-tab.png"))

    # someone of another unit cannot change a draft: a Persian refusal, nothing written
    archivist = services.auth.login("archive", "demo1234")
    try:
        services.permits.save_draft(archivist, case_id, checklist={}, engineers=[], fields={})
    except DomainError as error:
        assert error.code == "permits.not_allowed"
        assert "پیش‌نویس پروانه" in error_text(error)
    else:
        raise AssertionError("a wrong role saved a permit draft")
