"""Scanner benchmarks: prints numbers, asserts nothing.

1. An A3 300 dpi grey page from acquisition (SANE's test device, resources/sane) to an archived PDF: scan, write to the
   crash-safe session, blank check, deskew, JPEG, img2pdf, metadata. Goal under 1.5 s.
2. The size of a bilevel A3 text page in the archive PDF (CCITT G4). Goal under 150 KB.
3. The size of a grey A3 text page (JPEG at the profile's quality). Goal under 1.5 MB.

The size pages are rendered text (app.scanner.samples): the test device's patterns compress nothing like text.

    .venv/bin/python benchmarks/bench_scanner.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.scanner import processing, samples
from app.scanner.archive_pdf import ArchiveMetadata, ArchivePage, build_archive_pdf
from app.scanner.base import CancelToken
from app.scanner.batch import ScanSession
from app.scanner.pipeline import archive_pages, scan_into_session
from app.scanner.profiles import DEFAULT_PROFILES, replace


def bench_acquisition(repeat: int) -> None:
    try:
        from app.scanner.sane_driver import PROJECT_SANE_CONFIG, SaneDriver

        driver = SaneDriver(config_dir=PROJECT_SANE_CONFIG)
        driver.list_devices()
    except Exception as exc:
        print(f"A3 acquisition → PDF: skipped ({exc})")
        return
    profile = replace(DEFAULT_PROFILES[0], source="flatbed")  # A3 plan sheet, 300 dpi, grey
    scan_times, archive_times, totals, sizes = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(repeat):
            start = time.perf_counter()
            session = ScanSession.create(Path(tmp), device_id="test:0", profile=profile)
            scan_into_session(driver, "test:0", profile, session, CancelToken())
            scanned = time.perf_counter()
            result = archive_pages(session, ArchiveMetadata("plan_sheet", scanner="test:0"), profile)
            done = time.perf_counter()
            scan_times.append(scanned - start)
            archive_times.append(done - scanned)
            totals.append(done - start)
            sizes.append(len(result.pdf))
            session.remove()
    print(
        f"A3 300 dpi grey, acquisition → archived PDF: median {statistics.median(totals):.3f} s "
        f"(scan + session write + blank check {statistics.median(scan_times):.3f} s, "
        f"deskew + JPEG + PDF {statistics.median(archive_times):.3f} s; {repeat} runs; goal < 1.5 s); "
        f"test-pattern PDF {statistics.median(sizes) / 1024:.0f} KB"
    )


def bench_sizes(repeat: int) -> None:
    page = samples.text_page("a3", 300, seed=11)
    for label, mode, quality, goal_kb in (
        ("bilevel A3 text page (CCITT G4)", "lineart", 60, 150),
        ("grey A3 text page (JPEG q60)", "gray", 60, 1536),
        ("grey A3 text page (JPEG q75)", "gray", 75, 1536),
    ):
        times, sizes = [], []
        for _ in range(repeat):
            start = time.perf_counter()
            result = build_archive_pdf(
                [ArchivePage(page, 300, mode)], ArchiveMetadata("plan_sheet"), jpeg_quality=quality
            )
            times.append(time.perf_counter() - start)
            sizes.append(len(result.pdf))
        verdict = "ok" if sizes[0] / 1024 < goal_kb else "OVER GOAL"
        print(
            f"{label}: {sizes[0] / 1024:.0f} KB in the PDF, built in {statistics.median(times):.3f} s "
            f"(goal < {goal_kb} KB: {verdict})"
        )
    skewed = samples.text_page("a3", 300, seed=12, skew_degrees=1.5)
    start = time.perf_counter()
    _straight, angle = processing.deskew(skewed)
    print(
        f"deskew (angle search + rotation) of an A3 300 dpi page: {time.perf_counter() - start:.3f} s (found {angle}°, true 1.5°)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    bench_acquisition(args.repeat)
    bench_sizes(max(1, args.repeat // 2))


if __name__ == "__main__":
    main()
