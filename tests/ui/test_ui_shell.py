"""The shell's plumbing: translations, right-to-left start-up, the task runner, settings and logging."""

from __future__ import annotations

import json
import logging
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from app.domain.errors import DomainError
from app.logging_setup import configure_logging, mask_personal_numbers
from app.paths import TRANSLATIONS
from app.services.dto import Changes
from app.settings import SCHEMA_VERSION, Settings, load_settings, save_settings
from app.ui.messages import MESSAGES, error_text, message_for
from app.ui.qt_app import configure_application
from app.ui.tasks import TaskRunner


def test_the_persian_ts_is_complete_and_the_qm_loads() -> None:
    tree = ET.parse(TRANSLATIONS / "app_fa.ts")
    messages = tree.getroot().findall(".//message")
    assert len(messages) > 200
    unfinished = [
        m.findtext("source") for m in messages if m.find("translation").get("type") in ("unfinished", "obsolete")
    ]
    assert unfinished == []
    empty = [
        m.findtext("source")
        for m in messages
        if not (m.findtext("translation") or m.find(".//numerusform") is not None)
    ]
    assert empty == []
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "app_fa.qm"))
    assert translator.translate("MainWindow", "Local only") == "فقط محلی"


def test_every_message_code_has_a_persian_sentence() -> None:
    for code in MESSAGES:
        text = message_for(code, {"minutes_left": 5, "missing": ["deed"], "detail": "x", "seq": 3, "min_length": 8})
        assert any("\u0600" <= ch <= "\u06ff" for ch in text), (code, text)


def test_messages_fill_params_with_persian_digits() -> None:
    assert message_for("auth.locked", {"minutes_left": 12}) == "تلاش‌های نادرست زیاد بود: حساب تا ۱۲ دقیقه دیگر قفل است."
    guard = DomainError("workflow.guard_failed", missing=["title_deed", "sketch_done"], guard="x", action="y")
    assert error_text(guard) == "هنوز ممکن نیست؛ کسری: سند مالکیت، رسم کروکی"
    assert message_for("no.such_code") == "عملیات ناموفق بود (no.such_code)."
    assert message_for("workflow.brand_new") == "این اقدام اکنون ممکن نیست."


def test_the_application_is_right_to_left_persian_with_vazirmatn(qapp: QApplication) -> None:
    assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert QLocale().language() == QLocale.Language.Persian
    assert qapp.font().family() == "Vazirmatn"
    assert "Vazirmatn" in QFontDatabase.families()
    assert QCoreApplication.translate("UnitTab", "Cartable") == "کارتابل"


def test_english_is_left_to_right(qapp: QApplication) -> None:
    try:
        configure_application(qapp, "en")
        assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert QCoreApplication.translate("UnitTab", "Cartable") == "Cartable"
        assert message_for("national_id.format") == "A national ID has 10 digits."
    finally:
        configure_application(qapp, "fa")
    assert QCoreApplication.translate("UnitTab", "Cartable") == "کارتابل"


def test_task_runner_writes_on_one_thread_and_delivers_on_the_gui_thread(qtbot) -> None:
    runner = TaskRunner()
    writer_threads: set[int] = set()
    delivered_on: list[bool] = []
    changes_seen: list[tuple[Changes, object]] = []
    runner.hub.changes_applied.connect(lambda c, i: changes_seen.append((c, i)))
    gui = threading.get_ident()

    def write(n: int) -> Changes:
        writer_threads.add(threading.get_ident())
        return Changes(frozenset({f"case-{n}"}), frozenset({"case"}))

    results: list[int] = []
    for n in range(20):
        runner.write(write, n, on_done=lambda c, n=n: (results.append(n), delivered_on.append(threading.get_ident() == gui)),
                     initiator="me")  # fmt: skip
    errors: list[DomainError] = []
    runner.read(lambda: (_ for _ in ()).throw(DomainError("case.not_found")), on_error=errors.append)
    runner.read(lambda: 1 / 0, on_error=errors.append)
    qtbot.waitUntil(runner.is_idle, timeout=5000)
    assert results == list(range(20)), "writes run in order"
    assert len(writer_threads) == 1 and gui not in writer_threads
    assert all(delivered_on)
    assert len(changes_seen) == 20 and changes_seen[0][1] == "me"
    assert sorted(e.code for e in errors) == ["case.not_found", "internal.error"]
    runner.shutdown()


def test_settings_round_trip_and_migrate(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    assert load_settings(path) == Settings()
    settings = Settings(language="en", server_url="https://office.example", printers={"receipt": "Counter"})
    save_settings(path, settings)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema_version"] == SCHEMA_VERSION
    assert load_settings(path) == settings
    # A version-0 file: "locale" instead of "language", one printer for everything, and a key from the future.
    path.write_text(json.dumps({"locale": "en_US", "printer": "HP", "future_key": 1}), encoding="utf-8")
    old = load_settings(path)
    assert old.language == "en"
    assert old.printer_for("certificate") == "HP"
    assert old.extra == {"future_key": 1}
    save_settings(path, old)
    assert json.loads(path.read_text(encoding="utf-8"))["future_key"] == 1
    path.write_text("{broken", encoding="utf-8")
    assert load_settings(path) == Settings()
    assert path.with_suffix(".broken.json").exists()


def test_logging_never_writes_national_ids_or_phones_at_info(tmp_path: Path) -> None:
    configure_logging(tmp_path / "logs", "INFO")
    log = logging.getLogger("app.test")
    log.info("person %s with mobile %s", "0084575948", "09121234567")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = (tmp_path / "logs" / "ecity-counter.log").read_text(encoding="utf-8")
    assert "0084575948" not in text and "09121234567" not in text
    assert "00******48" in text
    assert mask_personal_numbers("tracking 0101050010000610") == "tracking 0101050010000610"
    from app.logging_setup import ring_buffer

    ring = ring_buffer()
    assert ring is not None and any("00******48" in line for line in ring.lines())


@pytest.fixture(autouse=True)
def _restore_logging():  # type: ignore[no-untyped-def]
    yield
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_ecity", False):
            root.removeHandler(handler)
            handler.close()


def test_every_areas_error_codes_read_in_persian() -> None:
    """Codes raised below the UI (maps, scanner, printing, sync, rules, the server's API) find their area's Persian."""
    import importlib

    tables = {
        "app.maps.messages_fa": "MESSAGES_FA",
        "app.scanner.messages_fa": "MESSAGES",
        "app.printing.messages_fa": "MESSAGES",
        "app.sync.messages_fa": "MESSAGES",
        "app.domain.rules.messages_fa": "MESSAGES",
        "app.services.admin": "MESSAGES_FA",
    }
    for module_name, table_name in tables.items():
        table = getattr(importlib.import_module(module_name), table_name)
        for code in table:
            text = error_text(DomainError(code, path="x.mbtiles", field="f", year=1404, day="1404/01/01"))
            assert any("\u0600" <= ch <= "\u06ff" for ch in text), (module_name, code, text)
            assert "عملیات ناموفق بود" not in text, (module_name, code, text)
    assert error_text(DomainError("user.exists", username="x")).startswith("نام کاربری")  # the server's code
