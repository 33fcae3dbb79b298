"""Map and sketch speed: warm repaint, cold tile, dragging a vertex of a 1,000-vertex outline. Prints medians.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_maps.py [demo.mbtiles]

Goals: repaint < 16 ms, cold tile < 5 ms, vertex drag < 16 ms per move. Never asserts; it measures.
"""

from __future__ import annotations

import math
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.maps.demo_tiles import generate
from app.maps.mbtiles import MBTilesSource
from app.maps.projection import lonlat_to_utm, utm_to_mercator
from app.maps.sketch import Sketch
from app.ui.map.map_view import MapView, mercator_to_scene
from app.ui.map.sketch_editor import SketchEditor


def median_ms(samples: list[float]) -> str:
    return f"median {statistics.median(samples) * 1000:.2f} ms (p90 {sorted(samples)[int(len(samples) * 0.9)] * 1000:.2f} ms, n={len(samples)})"


def wait_tiles(app: QApplication, view: MapView) -> None:
    deadline = time.perf_counter() + 20
    while view.pendingCount() and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.002)
    app.processEvents()


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    if len(sys.argv) > 1:
        path = Path(sys.argv[1])
    else:
        path = Path(tempfile.mkdtemp()) / "demo.mbtiles"
        t = time.perf_counter()
        result = generate(path)
        print(f"demo tiles: {result.tiles} tiles, {result.bytes / 1e6:.1f} MB in {time.perf_counter() - t:.1f} s")
    source = MBTilesSource(path)
    lon, lat, _ = source.center or (51.4325, 35.8045, 19)

    # 1. Full repaint from a warm cache: every visible tile already a pixmap item.
    view = MapView(source)
    view.resize(1280, 800)
    view.show()
    view.goToLonLat(lon, lat, 19.0)
    wait_tiles(app, view)
    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
    samples = []
    for _ in range(120):
        t = time.perf_counter()
        painter = QPainter(image)
        view.render(painter)
        painter.end()
        samples.append(time.perf_counter() - t)
    print(f"warm repaint 1280x800 at zoom 19: {median_ms(samples)}  (goal < 16 ms)")
    view.goToLonLat(lon, lat, 19.4)  # a fractional zoom: tiles are scaled
    wait_tiles(app, view)
    samples = []
    for _ in range(120):
        t = time.perf_counter()
        painter = QPainter(image)
        view.render(painter)
        painter.end()
        samples.append(time.perf_counter() - t)
    print(f"warm repaint 1280x800 at zoom 19.4 (scaled tiles): {median_ms(samples)}")

    # 2. A cold tile: read from the MBTiles and decoded, each tile once, through a fresh source.
    cold = MBTilesSource(path)
    keys = cold.keys(19)
    samples = []
    for key in keys:
        t = time.perf_counter()
        data = cold.get_tile(*key)
        img = QImage.fromData(data or b"")
        samples.append(time.perf_counter() - t)
        assert not img.isNull()
    print(f"cold tile (MBTiles read + JPEG decode): {median_ms(samples)}  (goal < 5 ms)")
    samples = []
    for key in keys[:200]:
        t = time.perf_counter()
        cold.get_tile(*key)
        samples.append(time.perf_counter() - t)
    print(f"cold tile read only (no decode): {median_ms(samples)}")

    # 3. Dragging a vertex of a 1,000-vertex outline (a round parcel of 40 m radius), repaint included.
    e, n = lonlat_to_utm([(lon, lat)])[0]
    ring = tuple(
        (e + 40 * math.cos(2 * math.pi * i / 1000), n + 40 * math.sin(2 * math.pi * i / 1000)) for i in range(1000)
    )
    editor = SketchEditor(view, Sketch(parcel=ring))
    view.goToLonLat(lon, lat, 20.0)
    wait_tiles(app, view)
    mx, my = utm_to_mercator([ring[0]])[0]
    start = view.mapFromScene(mercator_to_scene(mx, my))
    vp = view.viewport()
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    samples = []
    for i in range(150):
        pos = start + QPoint(int(30 * math.cos(i / 10)), int(30 * math.sin(i / 10)))
        t = time.perf_counter()
        QTest.mouseMove(vp, pos)
        vp.repaint()  # synchronous paint of what the move dirtied
        samples.append(time.perf_counter() - t)
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
    print(f"drag a vertex of a 1,000-vertex outline (move + repaint): {median_ms(samples)}  (goal < 16 ms)")
    print(f"  outline after drag: {len(editor.sketch().parcel)} vertices, undo steps {editor.undo_stack.count()}")
    view.shutdown()
    source.close()
    cold.close()


if __name__ == "__main__":
    main()
