"""The route editor: a polyline drawn on the map (the shared ``MapView``) from the site to the disposal site or along a
street to be dug. A click adds a point (a drag still pans), Backspace removes the last one; the length is measured in
UTM metres (EPSG:32639, the CRS the route is saved in as GeoJSON).
"""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.maps.projection import MEASURE_CRS, WEB_MERCATOR, transform_point
from app.maps.tiles import TileSource
from app.ui.map.format import fa_number
from app.ui.map.map_view import MapView, mercator_to_scene, scene_to_mercator

log = logging.getLogger(__name__)

# Zafaraniyeh, District 1 (where the demo tiles are): the map opens here when a case has no route yet.
DEFAULT_CENTRE = (51.4325, 35.8045)


class RouteMapView(MapView):
    """``MapView`` where a click (no drag) adds a route point."""

    clicked = Signal(QPointF)  # scene position

    def __init__(self, source: TileSource | None, parent: QWidget | None = None) -> None:
        super().__init__(source, parent)
        self._press: QPoint | None = None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, self._press = self._press, None
        pos = event.position().toPoint()
        super().mouseReleaseEvent(event)
        if press is not None and (pos - press).manhattanLength() <= 4:
            self.clicked.emit(self.mapToScene(pos))


class RouteEditor(QWidget):
    """Points are kept in UTM metres; the path item is drawn in scene (Web Mercator) units."""

    changed = Signal()

    def __init__(self, source: TileSource | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = RouteMapView(source, self)
        self.view.setMinimumHeight(220)
        self.view.setMaximumHeight(320)
        self.view.clicked.connect(self._add_scene_point)
        layout.addWidget(self.view, 1)
        bar = QHBoxLayout()
        self.centre_button = QPushButton(self.tr("Add the map centre (Insert)"), self)
        self.centre_button.setObjectName("route-add-centre")
        self.undo_button = QPushButton(self.tr("Remove last point"), self)
        self.clear_button = QPushButton(self.tr("Clear route"), self)
        self.length_label = QLabel(self)
        self.length_label.setObjectName("route-length")
        bar.addWidget(self.centre_button)
        bar.addWidget(self.undo_button)
        bar.addWidget(self.clear_button)
        bar.addStretch(1)
        bar.addWidget(self.length_label)
        layout.addLayout(bar)
        self.centre_button.clicked.connect(self.add_centre)
        self.undo_button.clicked.connect(self.undo)
        self.clear_button.clicked.connect(self.clear)
        self._points: list[tuple[float, float]] = []
        self._item = QGraphicsPathItem()
        pen = QPen(QColor("#d84315"), 3)
        pen.setCosmetic(True)
        self._item.setPen(pen)
        self._item.setZValue(10)
        self.view.scene().addItem(self._item)
        self.view.goToLonLat(*DEFAULT_CENTRE, zoom=17)
        self._refresh()

    # -- points --------------------------------------------------------------------------------------------------------
    def points(self) -> list[tuple[float, float]]:
        return list(self._points)

    def set_points(self, points: list[tuple[float, float]]) -> None:
        self._points = [(float(x), float(y)) for x, y in points]
        self._refresh()
        if self._points:
            merc = [transform_point(x, y, MEASURE_CRS, WEB_MERCATOR) for x, y in self._points]
            xs, ys = [p[0] for p in merc], [p[1] for p in merc]
            self.view.fitMercatorRect(min(xs), min(ys), max(xs), max(ys))

    def add_utm_point(self, easting: float, northing: float) -> None:
        self._points.append((easting, northing))
        self._refresh()

    def _add_scene_point(self, scene: QPointF) -> None:
        mx, my = scene_to_mercator(scene)
        self.add_utm_point(*transform_point(mx, my, WEB_MERCATOR, MEASURE_CRS))

    def add_centre(self) -> None:
        """Keyboard drawing: pan with the arrow keys, Insert adds the point under the centre cross."""
        mx, my = self.view.centreMercator()
        self.add_utm_point(*transform_point(mx, my, WEB_MERCATOR, MEASURE_CRS))

    def undo(self) -> None:
        if self._points:
            self._points.pop()
            self._refresh()

    def clear(self) -> None:
        self._points = []
        self._refresh()

    def length_m(self) -> float:
        return sum(math.dist(a, b) for a, b in zip(self._points, self._points[1:], strict=False))

    def _refresh(self) -> None:
        path = QPainterPath()
        for i, (x, y) in enumerate(self._points):
            mx, my = transform_point(x, y, MEASURE_CRS, WEB_MERCATOR)
            p = mercator_to_scene(mx, my)
            if i == 0:
                path.moveTo(p)
            else:
                path.lineTo(p)
        self._item.setPath(path)
        self.length_label.setText(
            self.tr("%1 points, %2 m").replace("%1", fa_number(len(self._points), 0))
            .replace("%2", fa_number(self.length_m(), 1))
        )  # fmt: skip
        self.changed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Backspace:
            self.undo()
            return
        if event.key() == Qt.Key.Key_Insert:
            self.add_centre()
            return
        super().keyPressEvent(event)

    def shutdown(self) -> None:
        self.view.shutdown()


def open_tile_source(ctx: object) -> TileSource | None:
    """The workstation's map source (settings, server, demo tiles), or none: the route still measures without tiles."""
    try:
        from app.maps.sources import choose_source

        paths = ctx.paths  # type: ignore[attr-defined]
        settings = ctx.settings  # type: ignore[attr-defined]
        choice = choose_source(paths.tiles, map_tiles=str(getattr(settings, "map_tiles", "") or ""))
        return choice.source
    except Exception as exc:  # a missing or broken tile source never stops the tab
        log.info("no map source for the route editor: %s", exc)
        return None
