"""Start-up time: process start to a usable main window, against a bare PySide6 window (goal: < 1.5 s).

Both run as fresh subprocesses, offscreen, many times; each child prints the seconds from its own start (the
interpreter's start, taken from the process's creation time) to the moment its window is shown and the event loop has
run once. "Usable" for ours means: services opened (migrations checked) on a demo workstation, the user signed in (argon2id at
production cost), the main window shown with every tab's title and count, and the first tab's cartable loaded (the
other tabs are built when first shown). Prints medians and the ratio. Never asserts on time.

    .venv/bin/python benchmarks/bench_startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_SINCE_START = """
import os, time
def since_start():
    # Seconds since this process was created (from /proc), so interpreter start-up counts too.
    with open(f"/proc/{os.getpid()}/stat") as f:
        start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/uptime") as f:
        uptime = float(f.read().split()[0])
    return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
"""

BARE = (
    _SINCE_START
    + """
from PySide6.QtWidgets import QApplication, QMainWindow
from PySide6.QtCore import QTimer
app = QApplication([])
w = QMainWindow()
w.show()
def done():
    print(f"{since_start():.4f}")
    app.quit()
QTimer.singleShot(0, done)
app.exec()
"""
)

OURS = (
    _SINCE_START
    + """
import sys
from pathlib import Path
from app.bootstrap import build_context, open_services
from app.paths import DataPaths
from app.settings import load_settings
paths = DataPaths(Path(sys.argv[1])).ensure()
settings = load_settings(paths.settings_file)
services = open_services(paths, settings.language)
from PySide6.QtCore import QTimer
from app.ui.main_window import MainWindow
from app.ui.qt_app import create_application
app = create_application(sys.argv[:1], settings.language)
ctx = build_context(services, settings, paths)
ctx.actor = services.auth.login(sys.argv[2], sys.argv[3])  # the demo password, passed in: no demo module here
window = MainWindow(ctx)
window.show()
def check():
    if ctx.tasks.is_idle():
        print(f"{since_start():.4f}")
        app.quit()
    else:
        QTimer.singleShot(1, check)
QTimer.singleShot(0, check)
app.exec()
ctx.tasks.shutdown()
services.close()
"""
)


def run(code: str, *args: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_LOGGING_RULES": "qt.qpa.*=false"}
    out = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True, timeout=120
    )
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--user", default="intake", help="demo user to sign in (intake: one tab; all: fifteen)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ecity-bench-") as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        subprocess.run([sys.executable, "-m", "app", "demo", "--data-dir", tmp], cwd=ROOT, env=env, check=True,
                       capture_output=True)  # fmt: skip
        from app.services.demo import DEMO_PASSWORD

        run(OURS, tmp, args.user, DEMO_PASSWORD)  # warm the OS file cache once, as a workstation that started before
        run(BARE)
        bare: list[float] = []
        ours: list[float] = []
        for _ in range(args.runs):  # interleaved, so that a busy moment of the machine hits both alike
            bare.append(run(BARE))
            ours.append(run(OURS, tmp, args.user, DEMO_PASSWORD))
    bare_median = statistics.median(bare)
    ours_median = statistics.median(ours)
    print(f"runs: {args.runs} each, offscreen, user {args.user!r}")
    print(f"bare PySide6 QMainWindow : median {bare_median * 1000:7.0f} ms  (min {min(bare) * 1000:.0f})")
    print(f"ecity-counter main window: median {ours_median * 1000:7.0f} ms  (min {min(ours) * 1000:.0f})  goal < 1500")
    print(f"ratio ours / bare        : {ours_median / bare_median:.2f}")


if __name__ == "__main__":
    main()
