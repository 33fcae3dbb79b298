"""The PyInstaller spec reads and names files that exist; bundled files resolve through one function, frozen or not."""

from __future__ import annotations

import importlib
import pkgutil
import sys
import types
from pathlib import Path
from typing import Any, ClassVar

import pytest

import app
from app import paths

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "installer" / "ecity-counter.spec"


class _Recorder:
    made: ClassVar[dict[str, Any]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs
        self.pure = self.scripts = self.binaries = self.datas = []
        _Recorder.made[type(self).__name__] = self


def _run_spec(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    def collect_submodules(package: str) -> list[str]:
        module = importlib.import_module(package)
        return [package] + [m.name for m in pkgutil.walk_packages(module.__path__, prefix=f"{package}.")]

    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = collect_submodules  # type: ignore[attr-defined]
    for name, module in {
        "PyInstaller": types.ModuleType("PyInstaller"),
        "PyInstaller.utils": types.ModuleType("PyInstaller.utils"),
        "PyInstaller.utils.hooks": hooks,
    }.items():
        monkeypatch.setitem(sys.modules, name, module)
    names = {n: type(n, (_Recorder,), {}) for n in ("Analysis", "PYZ", "EXE", "COLLECT")}
    namespace: dict[str, Any] = {"SPECPATH": str(SPEC.parent), "__name__": "spec", **names}
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return _Recorder.made


def test_the_spec_parses_and_bundles_fonts_translations_and_migrations(monkeypatch: pytest.MonkeyPatch) -> None:
    made = _run_spec(monkeypatch)
    analysis = made["Analysis"]
    datas: list[tuple[str, str]] = analysis.kwargs["datas"]
    assert all(Path(source).is_file() for source, _target in datas)
    bundled = {f"{target}/{Path(source).name}" for source, target in datas}
    assert {
        "resources/fonts/Vazirmatn-Regular.ttf",
        "resources/fonts/OFL.txt",
        "resources/style/app.qss",
        "translations/app_fa.qm",
        "app/db/migrations/env.py",
        "app/db/migrations/versions/0001_initial_schema.py",
        "app/db/migrations/versions/0007_administration.py",
    } <= bundled
    assert not any("__pycache__" in target for _source, target in datas)
    hidden = set(analysis.kwargs["hiddenimports"])
    assert {"app.ui.units.admin", "app.ui.units.formation", "app.db.migrate"} <= hidden  # tabs are imported by name
    assert "reportlab.graphics.barcode.code93" in hidden  # reportlab imports its barcode modules by name
    assert Path(analysis.args[0][0]) == ROOT / "app" / "__main__.py"
    assert made["COLLECT"].kwargs["name"] == "ecity-counter"


def test_bundled_files_resolve_in_the_checkout_and_when_frozen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert paths.bundle_root() == Path(app.__file__).resolve().parent.parent
    assert paths.resource_path("translations", "app_fa.qm").is_file()
    assert paths.resource_path("resources", "fonts", "Vazirmatn-Regular.ttf") == paths.FONTS / "Vazirmatn-Regular.ttf"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.bundle_root() == tmp_path
    assert paths.resource_path("resources", "style", "app.qss") == tmp_path / "resources" / "style" / "app.qss"
