"""Time to build printed documents, warm (fonts registered, caches filled). Prints medians; asserts nothing.

Goals (issue 4): a receipt under 50 ms, a certificate under 150 ms.
    .venv/bin/python benchmarks/bench_printing.py [--runs 30]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from app.printing import samples, signing
from app.printing.certificate import build_certificate
from app.printing.payment_slip import build_payment_slip
from app.printing.receipt import build_receipt


def median_ms(build: Callable[[], bytes], runs: int) -> tuple[float, int]:
    size = len(build())  # warm-up: fonts, images, shaping caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        build()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    key = signing.generate_key()
    receipt, slip, certificate = samples.receipt(), samples.payment_slip(), samples.certificate("completion")
    cases: list[tuple[str, Callable[[], bytes], float | None]] = [
        ("receipt, 80 mm thermal", lambda: build_receipt(receipt, "thermal80"), 50.0),
        ("receipt, A5", lambda: build_receipt(receipt, "a5"), 50.0),
        ("payment slip, A5", lambda: build_payment_slip(slip), None),
        ("certificate, A4 with QR and sketch", lambda: build_certificate(certificate, key), 150.0),
    ]
    for name, build, goal in cases:
        ms, size = median_ms(build, args.runs)
        verdict = "" if goal is None else f"  goal < {goal:.0f} ms: {'met' if ms < goal else 'MISSED'}"
        print(f"{name:38s} median {ms:7.1f} ms  ({size / 1024:.0f} KB){verdict}")


if __name__ == "__main__":
    main()
