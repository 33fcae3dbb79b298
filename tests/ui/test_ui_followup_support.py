"""Support of the watching units' UI tests: their Persian, compiled the way ``translations/update.sh`` does it
(lupdate over the units' files, ``fill_fa.py`` with ``translations/fa/*.json``, lrelease) into a temporary .qm and
installed on top of the application's translators, so the tests read the Persian a clerk will read even before the
project's ``app_fa.qm`` is regenerated."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
UNITS = ("followup", "liaison", "consultation", "technical", "audit")


def _tool(name: str) -> str:
    candidate = Path(sys.executable).parent / f"pyside6-{name}"
    return str(candidate) if candidate.exists() else name


def build_watch_qm(folder: Path) -> tuple[Path, list[str]]:
    """Compile the watching units' strings; returns the .qm and the sources left untranslated."""
    sources = sorted(str(p) for unit in UNITS for p in (ROOT / "app/ui/units" / unit).glob("*.py"))
    ts = folder / "watch_fa.ts"
    subprocess.run([_tool("lupdate"), "-no-obsolete", *sources, "-ts", str(ts)], check=True, capture_output=True)
    spec = importlib.util.spec_from_file_location("fill_fa_watch", ROOT / "translations" / "fill_fa.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    missing = module.fill(ts)
    qm = folder / "watch_fa.qm"
    subprocess.run([_tool("lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    return qm, missing


@pytest.fixture(scope="session")
def watch_persian(tmp_path_factory: pytest.TempPathFactory, persian_app: QApplication) -> Iterator[list[str]]:
    qm, missing = build_watch_qm(tmp_path_factory.mktemp("watch-qm"))
    translator = QTranslator(persian_app)
    assert translator.load(str(qm))
    persian_app.installTranslator(translator)
    yield missing
    persian_app.removeTranslator(translator)


def test_every_watch_string_has_persian(watch_persian: list[str]) -> None:
    assert watch_persian == []
