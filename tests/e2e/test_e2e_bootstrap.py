"""The program's entry points as a user or a script runs them: subprocesses, a real data folder, real PNG files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.domain.units import UNIT_IDS

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, env: dict[str, str] | None = None, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "app", *args], cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=timeout
    )


def test_catalog_json_prints_the_service_catalog() -> None:
    result = run("catalog", "--json")
    assert result.returncode == 0, result.stderr
    catalog = json.loads(result.stdout)
    formation = [s for s in catalog["services"] if s["unit"] == "formation"]
    assert len(formation) >= 10
    assert any("تشکیل پرونده" in s["title_fa"] for s in formation)


def test_importing_the_bootstrap_builds_nothing_and_loads_no_qt() -> None:
    code = "import sys, app.bootstrap; print('PySide6' in sys.modules, 'sqlalchemy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["False", "False"], result.stderr


def test_help_lists_our_commands_and_the_areas_commands() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("screenshot", "catalog", "demo"):
        assert command in result.stdout
    from app import bootstrap

    parser = bootstrap.build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    names = set(sub.choices)
    for module in bootstrap.AREA_CLIS:
        try:
            __import__(module)
        except ModuleNotFoundError:
            continue
        mod = sys.modules[module]
        if hasattr(mod, "register"):
            assert len(names) > 3, f"{module} registered nothing"


@pytest.mark.slow
def test_screenshot_renders_login_and_every_unit_tab(tmp_path: Path) -> None:
    target = tmp_path / "shots"
    result = run("screenshot", str(target), env={"ECITY_DATA_DIR": str(tmp_path / "data")}, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    names = sorted(p.name for p in target.glob("*.png"))
    assert names == sorted(["login.png", *(f"{u}.png" for u in UNIT_IDS)])
    from PIL import Image

    for name in names:
        with Image.open(target / name) as image:
            width, height = image.size
            assert width >= 400 and height >= 200, name
            assert len(image.convert("L").resize((64, 64)).getcolors(4096) or []) > 8, f"{name} looks empty"
