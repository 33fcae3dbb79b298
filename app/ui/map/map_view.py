"""The map canvas: a left-to-right QGraphicsView of Web Mercator tiles with a scale bar, a north arrow and a cursor
readout in UTM metres and latitude/longitude.

Scene units are Web Mercator metres with the y axis pointing down (scene y = −mercator y), so a tile is a pixmap item
placed at its bounds. Tiles are read and decoded (to QImage) in a private QThreadPool; the QPixmap is made on the GUI
thread when the queued signal arrives. A tile not yet loaded leaves the view's placeholder background (or the
previous zoom's tile) visible; a missing or corrupt tile gets a hatched placeholder; nothing a tile source does can
raise into the view.
"""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QObject, QPoint, QPointF, QRectF, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsPixmapItem, QGraphicsScene, QGraphicsView, QWidget

from app.maps.projection import (
    MEASURE_CRS,
    WEB_MERCATOR,
    XY,
    lonlat_to_mercator,
    mercator_scale,
    mercator_to_lonlat,
    transform_point,
)
from app.maps.tiles import (
    TILE_SIZE,
    TileKey,
    TileSource,
    TileStatus,
    fetch_tile,
    resolution,
    tile_bounds,
    tiles_in_bounds,
)
from app.ui.map.format import canvas_font, fa_number

log = logging.getLogger(__name__)

# Iran and a margin, in scene units: the scroll range (keeps scroll bar integers far from overflow at zoom 22).
_IRAN = QRectF(lonlat_to_mercator(43.0, 40.5)[0], -lonlat_to_mercator(43.0, 40.5)[1], 0, 0)
_IRAN.setRight(lonlat_to_mercator(64.0, 24.0)[0])
_IRAN.setBottom(-lonlat_to_mercator(64.0, 24.0)[1])

MIN_ZOOM = 5.0
MAX_ZOOM = 22.5
_NICE = [1, 2, 5]


def mercator_to_scene(x: float, y: float) -> QPointF:
    return QPointF(x, -y)


def scene_to_mercator(p: QPointF) -> XY:
    return p.x(), -p.y()


class _TileSignals(QObject):
    loaded = Signal(object, str, object)  # TileKey, TileStatus value, QImage | None


class _TileTask(QRunnable):
    def __init__(self, source: TileSource, key: TileKey, signals: _TileSignals) -> None:
        super().__init__()
        self.source, self.key, self.signals = source, key, signals

    def run(self) -> None:
        # Decode here with QImage (safe off the GUI thread); Pillow's check would decode twice.
        result = fetch_tile(self.source, self.key, verify=False)
        status, image = result.status, None
        if status is TileStatus.OK and result.data is not None:
            image = QImage.fromData(result.data)
            if image.isNull():
                status, image = TileStatus.CORRUPT, None
                log.warning("tile %s does not decode", self.key)
        elif status is TileStatus.MISSING:
            image = self._overzoom()
            if image is not None:
                status = TileStatus.OK
        self.signals.loaded.emit(self.key, status.value, image)

    def _overzoom(self) -> QImage | None:
        """A tile the source lacks at this zoom, cut from an ancestor and enlarged (a set with its finest zoom over
        only part of its area, like the demo's zoom-20 core); None when no ancestor within 3 zooms has it."""
        z, x, y = self.key
        for up in range(1, 4):
            if z - up < self.source.min_zoom:
                return None
            parent = TileKey(z - up, x >> up, y >> up)
            found = fetch_tile(self.source, parent, verify=False)
            if found.status is TileStatus.OK and found.data is not None:
                image = QImage.fromData(found.data)
                if image.isNull():
                    return None
                n = 1 << up
                size = TILE_SIZE // n
                part = image.copy((x % n) * size, (y % n) * size, size, size)
                return part.scaled(
                    TILE_SIZE,
                    TILE_SIZE,
                    Qt.AspectRatioMode.IgnoreAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            if found.status is not TileStatus.MISSING:
                return None
        return None


def _placeholder_pixmap(missing: bool) -> QPixmap:
    pm = QPixmap(TILE_SIZE, TILE_SIZE)
    pm.fill(QColor(226, 222, 214) if missing else QColor(236, 234, 230))
    p = QPainter(pm)
    p.setPen(QPen(QColor(200, 194, 184), 1))
    for i in range(-TILE_SIZE, TILE_SIZE, 16):
        p.drawLine(i, TILE_SIZE, i + TILE_SIZE, 0)
    p.setPen(QPen(QColor(170, 160, 150), 1))
    p.drawRect(0, 0, TILE_SIZE - 1, TILE_SIZE - 1)
    p.end()
    return pm


class TileItem(QGraphicsPixmapItem):
    """One tile; ``state`` is pending, ok, missing, corrupt or error."""

    def __init__(self, key: TileKey) -> None:
        super().__init__()
        self.key = key
        self.state = "pending"
        min_x, _, max_x, max_y = tile_bounds(key)
        self.setPos(min_x, -max_y)
        self.setScale((max_x - min_x) / TILE_SIZE)
        self.setShapeMode(QGraphicsPixmapItem.ShapeMode.BoundingRectShape)
        self.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setVisible(False)  # until it arrives, the placeholder background shows

    @property
    def is_placeholder(self) -> bool:
        return self.state != "ok"


class MapView(QGraphicsView):
    """Pan with a drag (or the arrow keys), zoom with the wheel (or + and −)."""

    cursorMoved = Signal(float, float, float, float)  # easting, northing (UTM), longitude, latitude
    cursorText = Signal(str)
    zoomChanged = Signal(float)
    tilesSettled = Signal()

    MAX_ITEMS = 600  # tiles kept as items (the warm cache) before far ones are dropped

    def __init__(
        self, source: TileSource | None = None, parent: QWidget | None = None, measure_crs: str = MEASURE_CRS
    ) -> None:
        super().__init__(parent)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a map is never mirrored
        self.measure_crs = measure_crs
        self._scene = QGraphicsScene(self)
        self._scene.setSceneRect(_IRAN)
        self._scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setScene(self._scene)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
            | QPainter.RenderHint.TextAntialiasing
        )
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(4)
        self._signals = _TileSignals()
        self._signals.loaded.connect(self._on_tile_loaded)
        self._items: dict[TileKey, TileItem] = {}
        self._pending: set[TileKey] = set()
        self._missing_pm = _placeholder_pixmap(True)
        self._placeholder_brush = QBrush(_placeholder_pixmap(False))
        self._source: TileSource | None = None
        self._pan_from: QPoint | None = None
        self._tile_zoom = 0
        self._closed = False
        self.horizontalScrollBar().valueChanged.connect(self.refreshTiles)
        self.verticalScrollBar().valueChanged.connect(self.refreshTiles)
        self.setZoomLevel(17.0)
        self.setSource(source)

    # ---- source ----------------------------------------------------------------------------------------------------
    def source(self) -> TileSource | None:
        return self._source

    def setSource(self, source: TileSource | None) -> None:
        self._pool.clear()
        self._pool.waitForDone()
        for item in self._items.values():
            self._scene.removeItem(item)
        self._items.clear()
        self._pending.clear()
        self._source = source
        self.refreshTiles()

    def shutdown(self) -> None:
        """Stop loading tiles and wait for the workers; call before the view goes away."""
        self._closed = True
        self._pool.clear()
        self._pool.waitForDone()

    # ---- zoom and position -----------------------------------------------------------------------------------------
    def pixelsPerMetre(self) -> float:
        """Screen pixels per Web Mercator metre (the view's scale)."""
        return self.transform().m11()

    def zoomLevel(self) -> float:
        """The fractional web-map zoom (zoom 19 ≈ 1:2000 in Tehran)."""
        return math.log2(self.pixelsPerMetre() * resolution(0))

    def setZoomLevel(self, zoom: float) -> None:
        zoom = min(max(zoom, MIN_ZOOM), MAX_ZOOM)
        scale = 2.0**zoom / resolution(0)
        centre = self.mapToScene(self.viewport().rect().center())
        self.setTransform(self.transform().fromScale(scale, scale))
        self.centerOn(centre)
        self.zoomChanged.emit(zoom)
        self.refreshTiles()

    def zoomBy(self, levels: float, anchor: QPoint | None = None) -> None:
        target = min(max(self.zoomLevel() + levels, MIN_ZOOM), MAX_ZOOM)
        factor = 2.0 ** (target - self.zoomLevel())
        if anchor is None:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.scale(factor, factor)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.zoomChanged.emit(self.zoomLevel())
        self.refreshTiles()

    def centreMercator(self) -> XY:
        return scene_to_mercator(self.mapToScene(self.viewport().rect().center()))

    def centreLonLat(self) -> XY:
        return mercator_to_lonlat(*self.centreMercator())

    def goToLonLat(self, lon: float, lat: float, zoom: float | None = None) -> None:
        if zoom is not None:
            self.setZoomLevel(zoom)
        self.centerOn(mercator_to_scene(*lonlat_to_mercator(lon, lat)))
        self.refreshTiles()

    def goToUtm(self, easting: float, northing: float, zoom: float | None = None) -> None:
        lon, lat = transform_point(easting, northing, self.measure_crs, "EPSG:4326")
        self.goToLonLat(lon, lat, zoom)

    def fitMercatorRect(self, min_x: float, min_y: float, max_x: float, max_y: float, margin_px: int = 60) -> None:
        """Show a rectangle (a case's parcel) with a margin, at a zoom no closer than 21."""
        vw, vh = max(self.viewport().width() - 2 * margin_px, 50), max(self.viewport().height() - 2 * margin_px, 50)
        w, h = max(max_x - min_x, 1.0), max(max_y - min_y, 1.0)
        scale = min(vw / w, vh / h)
        self.setZoomLevel(min(math.log2(scale * resolution(0)), 21.0))
        self.centerOn(mercator_to_scene((min_x + max_x) / 2, (min_y + max_y) / 2))
        self.refreshTiles()

    def groundMetresPerPixel(self) -> float:
        lat = self.centreLonLat()[1]
        return 1.0 / self.pixelsPerMetre() / mercator_scale(lat)

    # ---- tiles -----------------------------------------------------------------------------------------------------
    def tileZoom(self) -> int:
        return self._tile_zoom

    def tileItem(self, key: TileKey) -> TileItem | None:
        return self._items.get(key)

    def pendingCount(self) -> int:
        return len(self._pending)

    def visibleTileKeys(self) -> list[TileKey]:
        rect = self.mapToScene(self.viewport().rect()).boundingRect()
        return tiles_in_bounds(rect.left(), -rect.bottom(), rect.right(), -rect.top(), self._tile_zoom)

    def refreshTiles(self) -> None:
        if self._source is None or self._closed:
            return
        src = self._source
        z = round(self.zoomLevel())
        self._tile_zoom = min(max(z, src.min_zoom), src.max_zoom)
        keys = self.visibleTileKeys()
        for key in keys:
            item = self._items.get(key)
            if item is None:
                item = TileItem(key)
                item.setZValue(-1000 + key.z)
                self._scene.addItem(item)
                self._items[key] = item
            if item.state == "pending" and key not in self._pending:
                self._pending.add(key)
                self._pool.start(_TileTask(src, key, self._signals))
        if len(self._items) > self.MAX_ITEMS:
            self._prune(set(keys))

    def _prune(self, keep: set[TileKey]) -> None:
        centre = self.centreMercator()

        def distance(k: TileKey) -> float:
            b = tile_bounds(k)
            return math.hypot((b[0] + b[2]) / 2 - centre[0], (b[1] + b[3]) / 2 - centre[1])

        removable = sorted(
            (k for k in self._items if k not in keep and k not in self._pending), key=distance, reverse=True
        )
        for key in removable[: len(self._items) - self.MAX_ITEMS // 2]:
            self._scene.removeItem(self._items.pop(key))

    def _on_tile_loaded(self, key: TileKey, status: str, image: QImage | None) -> None:
        self._pending.discard(key)
        item = self._items.get(key)
        if item is not None:
            if status == TileStatus.OK.value and image is not None:
                item.setPixmap(QPixmap.fromImage(image))
                item.state = "ok"
            else:
                item.setPixmap(self._missing_pm)
                item.state = status
            item.setVisible(True)
        if not self._pending:
            self.tilesSettled.emit()

    # ---- painting --------------------------------------------------------------------------------------------------
    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.save()
        painter.resetTransform()
        painter.fillRect(self.viewport().rect(), self._placeholder_brush)
        painter.restore()

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._draw_scale_bar(painter)
        self._draw_north_arrow(painter)
        painter.restore()

    def _draw_scale_bar(self, painter: QPainter) -> None:
        mpp = self.groundMetresPerPixel()
        target = 120 * mpp
        exp = 10 ** math.floor(math.log10(target)) if target > 0 else 1
        length_m = max((n * exp for n in _NICE if n * exp <= target), default=exp)
        px = length_m / mpp
        x0, y0 = 16, self.viewport().height() - 22
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 200))
        painter.drawRoundedRect(QRectF(x0 - 8, y0 - 26, px + 16 + 60, 38), 4, 4)
        half = px / 2
        painter.setBrush(QColor(30, 30, 30))
        painter.drawRect(QRectF(x0, y0, half, 5))
        painter.setBrush(QColor(255, 255, 255))
        painter.drawRect(QRectF(x0 + half, y0, half, 5))
        painter.setPen(QPen(QColor(30, 30, 30), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(x0, y0, px, 5))
        painter.setFont(canvas_font(8.5))
        label = f"{fa_number(length_m / 1000, 1)} کیلومتر" if length_m >= 1000 else f"{fa_number(length_m, 0)} متر"
        painter.drawText(
            QRectF(x0, y0 - 22, px + 60, 20), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label
        )

    def _draw_north_arrow(self, painter: QPainter) -> None:
        # Web Mercator north is straight up; UTM grid north differs by the convergence (< 2° here).
        cx, cy = self.viewport().width() - 34, 48
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 200))
        painter.drawEllipse(QPointF(cx, cy), 24, 24)
        left = QPolygonF([QPointF(cx, cy - 18), QPointF(cx - 9, cy + 12), QPointF(cx, cy + 6)])
        right = QPolygonF([QPointF(cx, cy - 18), QPointF(cx + 9, cy + 12), QPointF(cx, cy + 6)])
        painter.setBrush(QColor(40, 40, 40))
        painter.drawPolygon(left)
        painter.setBrush(QColor(150, 150, 150))
        painter.drawPolygon(right)
        painter.setPen(QPen(QColor(20, 20, 20)))
        painter.setFont(canvas_font(8, bold=True))
        path = QPainterPath()
        painter.drawText(QRectF(cx - 20, cy - 46, 40, 18), Qt.AlignmentFlag.AlignCenter, "شمال")
        del path

    # ---- input -----------------------------------------------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoomBy(steps * 0.5, event.position().toPoint())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        step_x, step_y = self.viewport().width() // 8, self.viewport().height() // 8
        moves = {
            Qt.Key.Key_Left: (-step_x, 0),
            Qt.Key.Key_Right: (step_x, 0),
            Qt.Key.Key_Up: (0, -step_y),
            Qt.Key.Key_Down: (0, step_y),
        }
        if key in moves:
            dx, dy = moves[key]
            self.panBy(dx, dy)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoomBy(0.5)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoomBy(-0.5)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def panBy(self, dx: int, dy: int) -> None:
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + dx)
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + dy)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() in (Qt.MouseButton.LeftButton, Qt.MouseButton.MiddleButton):
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._pan_from is not None:
            delta = pos - self._pan_from
            self._pan_from = pos
            self.panBy(-delta.x(), -delta.y())
        self._emit_cursor(pos)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def _emit_cursor(self, pos: QPoint) -> None:
        mx, my = scene_to_mercator(self.mapToScene(pos))
        lon, lat = mercator_to_lonlat(mx, my)
        e, n = transform_point(mx, my, WEB_MERCATOR, self.measure_crs)
        self.cursorMoved.emit(e, n, lon, lat)
        self.cursorText.emit(f"E {e:,.2f}  N {n:,.2f} m (UTM 39N)   {lat:.6f}°N  {lon:.6f}°E")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.refreshTiles()
