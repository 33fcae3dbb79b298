"""Graphics items of the sketch: outlines with side labels and vertex handles, passages, the location pin.

Items hold scene points (Web Mercator, y down) and paint in device pixels (reset transform), so line widths, handles
and labels keep their size at every zoom. Labels are the sides' UTM lengths in Persian digits, handed in by the editor.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from app.ui.map.format import canvas_font, fa_number

PARCEL_PEN = QColor(230, 40, 40)
BUILDING_PEN = QColor(255, 200, 40)
PASSAGE_COLOUR = QColor(60, 150, 255)
HANDLE_MAX = 1500  # beyond this many vertices handles are drawn only around the active one


class FeatureItem(QGraphicsItem):
    """A ring (parcel, building) or a polyline (passage, or a ring being drawn)."""

    def __init__(
        self,
        kind: str,
        scale_of: Callable[[], float],
        colour: QColor,
        closed: bool = True,
        fill: QColor | None = None,
    ) -> None:
        super().__init__()
        self.kind = kind
        self._scale_of = scale_of  # pixels per scene unit, for the label margin in boundingRect
        self.colour = colour
        self.closed = closed
        self.fill = fill
        self.pts: list[tuple[float, float]] = []  # scene points; plain tuples (QPolygonF.at() leaks refs in PySide6)
        self.lengths: list[float] = []  # UTM side lengths, one per side
        self.width_px_per_unit = 0.0  # passages: band width
        self.width_m = 0.0
        self.show_labels = True
        self.show_handles = True
        self.active_vertex: int | None = None
        self.dashed = False
        self._bounds = QRectF()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(10 if kind != "building" else 9)

    # ---- data ------------------------------------------------------------------------------------------------------
    def setPoints(self, points: list[QPointF], lengths: list[float]) -> None:
        self.prepareGeometryChange()
        self.pts = [(p.x(), p.y()) for p in points]
        self.lengths = lengths
        self._bounds = QPolygonF(points).boundingRect() if points else QRectF()
        self.update()

    def movePoint(self, index: int, point: QPointF, lengths: list[float] | None = None) -> None:
        self.prepareGeometryChange()
        self.pts[index] = (point.x(), point.y())
        if lengths is not None:
            self.lengths = lengths
        self._bounds = self._bounds.united(QRectF(point, point))
        self.update()

    def sides(self) -> int:
        n = len(self.pts)
        return n if self.closed and n >= 3 else max(n - 1, 0)

    # ---- painting --------------------------------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        scale = self._scale_of() or 1.0
        margin = (60.0 + self.width_px_per_unit * self.width_m / 2 * scale) / scale
        return self._bounds.adjusted(-margin, -margin, margin, margin)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if not self.pts:
            return
        t = painter.worldTransform()
        sx, sy, dx, dy = t.m11(), t.m22(), t.m31(), t.m32()  # the map view never rotates or shears
        devpts = [(x * sx + dx, y * sy + dy) for x, y in self.pts]
        dev = QPolygonF([QPointF(x, y) for x, y in devpts])
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if self.kind == "passage" and self.width_m > 0 and len(devpts) >= 2:
            band = self.width_m * self.width_px_per_unit * (self._scale_of() or 1.0)
            pen = QPen(QColor(PASSAGE_COLOUR.red(), PASSAGE_COLOUR.green(), PASSAGE_COLOUR.blue(), 70), max(band, 3.0))
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            painter.drawPolyline(dev)
        # A dark halo under the line keeps it readable over bright roofs; skipped for huge digitised outlines, where
        # each antialiased stroke of a thousand vertices costs milliseconds.
        line = QPen(self.colour, 2.2, Qt.PenStyle.DashLine if self.dashed else Qt.PenStyle.SolidLine)
        ring = self.closed and len(devpts) >= 3
        if len(devpts) <= 300:
            painter.setPen(QPen(QColor(0, 0, 0, 150), 4.5))
            painter.setBrush(QBrush(self.fill) if ring and self.fill is not None else Qt.BrushStyle.NoBrush)
            painter.drawPolygon(dev) if ring else painter.drawPolyline(dev)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        else:
            painter.setBrush(QBrush(self.fill) if ring and self.fill is not None else Qt.BrushStyle.NoBrush)
        painter.setPen(line)
        painter.drawPolygon(dev) if ring else painter.drawPolyline(dev)
        if self.show_labels:
            self._paint_labels(painter, devpts)
        if self.kind == "passage" and self.width_m > 0 and len(devpts) >= 2:
            self._paint_passage_label(painter, devpts)
        if self.show_handles:
            self._paint_handles(painter, devpts)
        painter.restore()

    def _paint_handles(self, painter: QPainter, dev: list[tuple[float, float]]) -> None:
        n = len(dev)
        indices = range(n) if n <= HANDLE_MAX else [i for i in (self.active_vertex,) if i is not None]
        painter.setPen(QPen(QColor(20, 20, 20), 1))
        painter.setBrush(QColor(255, 255, 255))
        # One drawRects call: fewer Python→Qt calls per paint (a 1,000-vertex outline stays smooth to drag).
        painter.drawRects([QRectF(dev[i][0] - 4.0, dev[i][1] - 4.0, 8.0, 8.0) for i in indices])
        if self.active_vertex is not None and 0 <= self.active_vertex < n:
            x, y = dev[self.active_vertex]
            painter.setBrush(self.colour)
            painter.drawRect(QRectF(x - 4, y - 4, 8, 8))

    def _paint_labels(self, painter: QPainter, dev: list[tuple[float, float]]) -> None:
        n = len(dev)
        sides = self.sides()
        if sides == 0 or not self.lengths:
            return
        font = canvas_font(8.5, bold=True)
        painter.setFont(font)
        fm = QFontMetricsF(font)
        # The interior is on the left of a counter-clockwise walk in device space (y down flips it).
        area2 = sum(dev[i][0] * dev[(i + 1) % n][1] - dev[(i + 1) % n][0] * dev[i][1] for i in range(n))
        outward = 1.0 if area2 > 0 else -1.0
        for i in range(min(sides, len(self.lengths))):
            (ax, ay), (bx, by) = dev[i], dev[(i + 1) % n]
            dx, dy = bx - ax, by - ay
            length_px = math.hypot(dx, dy)
            if length_px < 44:  # no room for a label: skip before any text work (1,000-side outlines)
                continue
            text = fa_number(self.lengths[i], 2)
            width = fm.horizontalAdvance(text) + 8
            if length_px < width + 8:
                continue
            angle = math.degrees(math.atan2(dy, dx))
            nx, ny = -dy / length_px, dx / length_px  # left normal in device space
            side = -outward if self.closed else 1.0
            offset = 11.0
            mid = QPointF((ax + bx) / 2 + nx * offset * side, (ay + by) / 2 + ny * offset * side)
            if angle > 90 or angle < -90:
                angle += 180
            painter.save()
            painter.translate(mid)
            painter.rotate(angle)
            rect = QRectF(-width / 2, -fm.height() / 2 - 1, width, fm.height() + 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 255, 255, 225))
            painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(QColor(20, 20, 20))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
            painter.restore()

    def _paint_passage_label(self, painter: QPainter, dev: list[tuple[float, float]]) -> None:
        (ax, ay), (bx, by) = dev[0], dev[1]
        length_px = math.hypot(bx - ax, by - ay)
        if length_px < 80:
            return
        angle = math.degrees(math.atan2(by - ay, bx - ax))
        if angle > 90 or angle < -90:
            angle += 180
        text = f"گذر {fa_number(self.width_m, 0 if self.width_m == int(self.width_m) else 1)} متری"
        font = canvas_font(9, bold=True)
        painter.setFont(font)
        fm = QFontMetricsF(font)
        w = fm.horizontalAdvance(text) + 10
        painter.save()
        painter.translate(QPointF((ax + bx) / 2, (ay + by) / 2))
        painter.rotate(angle)
        rect = QRectF(-w / 2, -fm.height() / 2 - 1, w, fm.height() + 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(30, 90, 200, 220))
        painter.drawRoundedRect(rect, 3, 3)
        painter.setPen(QColor(255, 255, 255))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


class PinItem(QGraphicsItem):
    """The property's location pin (جانمایی), a fixed-size marker whose tip sits on the point."""

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setZValue(20)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        return QRectF(-13, -36, 26, 38)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        path = QPainterPath()
        path.moveTo(0, 0)
        path.cubicTo(-4, -10, -11, -16, -11, -23)
        path.arcTo(QRectF(-11, -34, 22, 22), 180, -180)
        path.cubicTo(11, -16, 4, -10, 0, 0)
        painter.setPen(QPen(QColor(90, 0, 0), 1.5))
        painter.setBrush(QColor(210, 30, 40))
        painter.drawPath(path)
        painter.setBrush(QColor(255, 255, 255))
        painter.drawEllipse(QPointF(0, -23), 4.5, 4.5)


class SnapMarker(QGraphicsItem):
    """Where the cursor snapped, and how (a square for a vertex, a diamond for an edge, a right-angle mark)."""

    def __init__(self) -> None:
        super().__init__()
        self.kind = "none"
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setZValue(30)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        return QRectF(-12, -12, 24, 24)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(QColor(255, 0, 255), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.kind == "vertex":
            painter.drawRect(QRectF(-7, -7, 14, 14))
        elif self.kind == "edge":
            painter.drawPolygon(QPolygonF([QPointF(0, -8), QPointF(8, 0), QPointF(0, 8), QPointF(-8, 0)]))
        elif self.kind == "right_angle":
            painter.drawPolyline(QPolygonF([QPointF(-8, -2), QPointF(-2, -2), QPointF(-2, -8)]))
            painter.drawEllipse(QPointF(0, 0), 3, 3)
        elif self.kind == "parallel":
            painter.drawLine(QPointF(-8, 4), QPointF(4, -8))
            painter.drawLine(QPointF(-4, 8), QPointF(8, -4))


def stroke_contains(poly: QPolygonF, point: QPointF, width: float) -> bool:
    path = QPainterPath()
    path.addPolygon(poly)
    stroker = QPainterPathStroker()
    stroker.setWidth(width)
    return stroker.createStroke(path).contains(point)
