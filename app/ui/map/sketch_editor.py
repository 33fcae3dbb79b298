"""The sketch editor: draws and edits the sketch's features over a MapView.

The editor's truth is an immutable ``Sketch`` in UTM metres. Every edit builds a new Sketch and goes through the
QUndoStack as a (before, after) pair, so undo and redo restore exactly the earlier values. While a vertex is dragged
only the item and the measures are updated; one command is pushed when the mouse is released.

Mouse: the active tool decides. ``edit``: drag a vertex to move it, double-click an edge to insert a vertex,
right-click a vertex (or Delete over it) to remove it; a drag elsewhere pans the map. ``parcel``/``building``: click
the corners, click the first corner again (or double-click, Enter, right-click) to close. ``passage``: click the
points of its line, Enter to finish. ``pin``: click the property's location. Esc cancels, Backspace drops the last
point. Snapping (vertices, edges, right angles, parallels; each switchable) uses a tolerance in screen pixels.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import replace

import numpy as np
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QUndoCommand, QUndoStack

from app.maps.geometry import Leg, bearing_deg, planar_area, planar_perimeter, planar_side_lengths, traverse
from app.maps.projection import WEB_MERCATOR, XY, mercator_scale, mercator_to_lonlat, transform_point, transform_points
from app.maps.sketch import Building, Passage, Sketch
from app.maps.snapping import SnapOptions, SnapResult, nearest_segment, nearest_vertex, snap
from app.ui.map.map_view import MapView, mercator_to_scene, scene_to_mercator
from app.ui.map.sketch_items import BUILDING_PEN, PARCEL_PEN, PASSAGE_COLOUR, FeatureItem, PinItem, SnapMarker

TOOLS = ("edit", "parcel", "building", "passage", "pin")
Fid = tuple[str, int]  # ("parcel", 0), ("building", i), ("passage", i)


class _SketchCommand(QUndoCommand):
    def __init__(self, editor: SketchEditor, before: Sketch, after: Sketch, text: str) -> None:
        super().__init__(text)
        self.editor, self.before, self.after = editor, before, after

    def redo(self) -> None:
        self.editor._set_state(self.after)

    def undo(self) -> None:
        self.editor._set_state(self.before)


class SketchEditor(QObject):
    sketchChanged = Signal()
    measuresChanged = Signal(float, float)  # area m², perimeter m (live, also while dragging)
    toolChanged = Signal(str)
    drawingChanged = Signal(int)  # points placed so far in the feature being drawn

    def __init__(self, view: MapView, sketch: Sketch | None = None, undo_stack: QUndoStack | None = None) -> None:
        super().__init__(view)
        self.view = view
        self.scene = view.scene()
        self.undo_stack = undo_stack or QUndoStack(self)
        self.snap_options = SnapOptions()
        self.passage_width_m = 8.0
        self._tool = "edit"
        self._sketch = sketch or Sketch()
        self._items: dict[Fid, FeatureItem] = {}
        self._pin_item = PinItem()
        self._pin_item.setVisible(False)
        self.scene.addItem(self._pin_item)
        self._marker = SnapMarker()
        self._marker.setVisible(False)
        self.scene.addItem(self._marker)
        self._preview = self._new_item("draft", QColor(255, 255, 255), closed=False)
        self._preview.dashed = True
        self._preview.setZValue(15)
        self._drawing: list[QPointF] = []
        self._drag: tuple[Fid, int] | None = None
        self._drag_before: Sketch | None = None
        self._drag_utm: list[XY] = []
        self._drag_snap_arrays: tuple[np.ndarray, np.ndarray] | None = None
        self._hover: tuple[Fid, int] | None = None
        self._viewport = view.viewport()
        self._alive = True
        self._viewport.installEventFilter(self)
        view.installEventFilter(self)
        view.destroyed.connect(self._detach)
        view.zoomChanged.connect(self._on_zoom)
        self._set_state(self._sketch)

    # ---- public API ------------------------------------------------------------------------------------------------
    def sketch(self) -> Sketch:
        return self._sketch

    def setSketch(self, sketch: Sketch, undoable: bool = True, text: str = "بارگذاری کروکی") -> None:
        if undoable:
            self._push(sketch, text)
        else:
            self.undo_stack.clear()
            self._set_state(sketch)

    def tool(self) -> str:
        return self._tool

    def setTool(self, tool: str) -> None:
        if tool not in TOOLS:
            raise ValueError(tool)
        self.cancelDrawing()
        self._tool = tool
        self.view.viewport().setCursor(Qt.CursorShape.ArrowCursor if tool == "edit" else Qt.CursorShape.CrossCursor)
        self.toolChanged.emit(tool)

    def featureScenePoints(self, fid: Fid) -> list[QPointF]:
        item = self._items.get(fid)
        return [QPointF(x, y) for x, y in item.pts] if item else []

    def closureError(self) -> float | None:
        """Metres by which the typed sides miss the start, when the parcel came from measured input."""
        s = self._sketch
        if not s.legs or not s.parcel:
            return None
        return traverse(s.parcel[0], s.legs, bearing_deg(s.parcel[0], s.parcel[1]) if len(s.parcel) > 1 else 90.0)[1]

    def applyMeasuredSides(
        self,
        lengths: list[float | None],
        turns: list[str | None] | None = None,
        angles: list[float | None] | None = None,
    ) -> None:
        """Redraw the parcel from tape measurements, side by side from its first corner.

        A side without a typed length keeps its drawn length; a corner without a typed angle is taken as a right
        angle (the surveyor's convention when no angle was measured); the turn defaults to the drawing's. The first
        side keeps the drawn direction. The traverse's misclosure is the closure error.
        """
        parcel = list(self._sketch.parcel)
        n = len(parcel)
        if n < 3:
            return
        drawn = planar_side_lengths(parcel)
        turns = list(turns or []) + [None] * n
        angles = list(angles or []) + [None] * n
        legs: list[Leg] = []
        for i in range(n):
            length = lengths[i] if i < len(lengths) and lengths[i] is not None else drawn[i]
            turn = turns[i] or self._drawn_turn(parcel, i)
            legs.append(Leg(float(length), angles[i], "left" if turn == "left" else "right"))  # type: ignore[arg-type]
        points, _ = traverse(parcel[0], legs, bearing_deg(parcel[0], parcel[1]))
        self._push(replace(self._sketch, parcel=tuple(points), legs=tuple(legs)), "اندازه‌های اضلاع")

    @staticmethod
    def _drawn_turn(ring: list[XY], i: int) -> str:
        if i == 0:
            return "right"
        prev, a, b = ring[i - 1], ring[i], ring[(i + 1) % len(ring)]
        turn = (bearing_deg(a, b) - bearing_deg(prev, a) + 180.0) % 360.0 - 180.0
        return "right" if turn >= 0 else "left"

    def setDeedArea(self, area: float | None) -> None:
        if area != self._sketch.deed_area_m2:
            self._push(replace(self._sketch, deed_area_m2=area), "مساحت سند")

    def setPin(self, utm: XY | None) -> None:
        self._push(replace(self._sketch, pin=utm), "جانمایی")

    def setPassageWidth(self, index: int, width_m: float) -> None:
        passages = list(self._sketch.passages)
        passages[index] = replace(passages[index], width_m=width_m)
        self._push(replace(self._sketch, passages=tuple(passages)), "عرض گذر")

    def deleteFeature(self, fid: Fid) -> None:
        kind, i = fid
        s = self._sketch
        if kind == "parcel":
            new = replace(s, parcel=(), legs=())
        elif kind == "building":
            new = replace(s, buildings=s.buildings[:i] + s.buildings[i + 1 :])
        else:
            new = replace(s, passages=s.passages[:i] + s.passages[i + 1 :])
        self._push(new, "حذف")

    def moveVertex(self, fid: Fid, index: int, utm: XY) -> None:
        pts = list(self._feature_utm(self._sketch, fid))
        pts[index] = utm
        self._push(self._with_feature(self._sketch, fid, pts), "جابه‌جایی رأس")

    def insertVertex(self, fid: Fid, after_index: int, utm: XY) -> None:
        pts = list(self._feature_utm(self._sketch, fid))
        pts.insert(after_index + 1, utm)
        self._push(self._with_feature(self._sketch, fid, pts), "افزودن رأس")

    def deleteVertex(self, fid: Fid, index: int) -> bool:
        pts = list(self._feature_utm(self._sketch, fid))
        minimum = 2 if fid[0] == "passage" else 3
        if len(pts) <= minimum:
            return False
        del pts[index]
        self._push(self._with_feature(self._sketch, fid, pts), "حذف رأس")
        return True

    def cancelDrawing(self) -> None:
        self._drawing.clear()
        self._preview.setPoints([], [])
        self._marker.setVisible(False)
        self.drawingChanged.emit(0)

    def finishDrawing(self) -> bool:
        """Close the parcel or building being drawn, or end the passage's line."""
        pts = [scene_to_mercator(p) for p in self._drawing]
        tool = self._tool
        needed = 2 if tool == "passage" else 3
        if len(pts) < needed:
            return False
        utm = tuple(transform_points(pts, WEB_MERCATOR, self._sketch.crs))
        s = self._sketch
        if tool == "parcel":
            new, text = replace(s, parcel=utm, legs=()), "رسم قطعه"
        elif tool == "building":
            new, text = replace(s, buildings=(*s.buildings, Building(utm))), "رسم ساختمان"
        elif tool == "passage":
            new, text = replace(s, passages=(*s.passages, Passage(utm, self.passage_width_m))), "رسم گذر"
        else:
            return False
        self.cancelDrawing()
        self._push(new, text)
        return True

    # ---- state -----------------------------------------------------------------------------------------------------
    def _push(self, new: Sketch, text: str) -> None:
        if new == self._sketch:
            return
        self.undo_stack.push(_SketchCommand(self, self._sketch, new, text))

    def _set_state(self, sketch: Sketch) -> None:
        self._sketch = sketch
        self._drag = None
        wanted: dict[Fid, tuple[tuple[XY, ...], bool, float]] = {}
        if sketch.parcel:
            wanted[("parcel", 0)] = (sketch.parcel, True, 0.0)
        for i, b in enumerate(sketch.buildings):
            wanted[("building", i)] = (b.ring, True, 0.0)
        for i, p in enumerate(sketch.passages):
            wanted[("passage", i)] = (p.line, False, p.width_m)
        for fid in list(self._items):
            if fid not in wanted:
                self.scene.removeItem(self._items.pop(fid))
        for fid, (pts, closed, width) in wanted.items():
            item = self._items.get(fid)
            if item is None:
                item = self._make_feature_item(fid[0])
                self._items[fid] = item
            item.width_m = width
            item.setPoints(self._to_scene(pts), planar_side_lengths(pts, closed=closed) if len(pts) >= 2 else [])
        if sketch.pin is not None:
            self._pin_item.setPos(self._to_scene([sketch.pin])[0])
            self._pin_item.setVisible(True)
        else:
            self._pin_item.setVisible(False)
        self._emit_measures(sketch.parcel)
        self.sketchChanged.emit()

    def _make_feature_item(self, kind: str) -> FeatureItem:
        if kind == "parcel":
            return self._new_item(kind, PARCEL_PEN, True, QColor(230, 40, 40, 38))
        if kind == "building":
            return self._new_item(kind, BUILDING_PEN, True, QColor(255, 200, 40, 45))
        item = self._new_item(kind, PASSAGE_COLOUR, False)
        item.show_labels = False  # a passage is labelled with its width, not its length
        return item

    def _new_item(self, kind: str, colour: QColor, closed: bool, fill: QColor | None = None) -> FeatureItem:
        item = FeatureItem(kind, self.view.pixelsPerMetre, colour, closed, fill)
        lat = mercator_to_lonlat(*self.view.centreMercator())[1]
        item.width_px_per_unit = mercator_scale(lat)
        self.scene.addItem(item)
        return item

    def _emit_measures(self, parcel: tuple[XY, ...] | list[XY]) -> None:
        area = planar_area(parcel) if len(parcel) >= 3 else 0.0
        perim = planar_perimeter(parcel) if len(parcel) >= 2 else 0.0
        self.measuresChanged.emit(area, perim)

    def _to_scene(self, utm: tuple[XY, ...] | list[XY]) -> list[QPointF]:
        return [mercator_to_scene(x, y) for x, y in transform_points(list(utm), self._sketch.crs, WEB_MERCATOR)]

    def _to_utm(self, p: QPointF) -> XY:
        x, y = scene_to_mercator(p)
        return transform_point(x, y, WEB_MERCATOR, self._sketch.crs)

    @staticmethod
    def _feature_utm(s: Sketch, fid: Fid) -> tuple[XY, ...]:
        kind, i = fid
        if kind == "parcel":
            return s.parcel
        if kind == "building":
            return s.buildings[i].ring
        return s.passages[i].line

    @staticmethod
    def _with_feature(s: Sketch, fid: Fid, pts: list[XY]) -> Sketch:
        kind, i = fid
        if kind == "parcel":
            return replace(s, parcel=tuple(pts), legs=())  # a hand edit ends the measured traverse
        if kind == "building":
            b = list(s.buildings)
            b[i] = replace(b[i], ring=tuple(pts))
            return replace(s, buildings=tuple(b))
        p = list(s.passages)
        p[i] = replace(p[i], line=tuple(pts))
        return replace(s, passages=tuple(p))

    # ---- hit testing and snapping ----------------------------------------------------------------------------------
    def tolerance(self) -> float:
        """The snapping tolerance in scene units."""
        return self.snap_options.tolerance_px / max(self.view.pixelsPerMetre(), 1e-12)

    def _hit_vertex(self, p: QPointF) -> tuple[Fid, int] | None:
        tol = self.tolerance()
        for fid, item in self._items.items():
            if not item.pts:
                continue
            arr = np.asarray(item.pts, dtype=float)
            i = nearest_vertex((p.x(), p.y()), arr, tol)
            if i is not None:
                return fid, i
        return None

    def _hit_edge(self, p: QPointF) -> tuple[Fid, int, QPointF] | None:
        tol = self.tolerance()
        for fid, item in self._items.items():
            pts = list(item.pts)
            segs = self._segments(pts, item.closed)
            hit = nearest_segment((p.x(), p.y()), segs, tol)
            if hit is not None:
                return fid, hit[0], QPointF(*hit[2])
        return None

    @staticmethod
    def _segments(pts: list[XY], closed: bool) -> list[tuple[XY, XY]]:
        segs = list(itertools.pairwise(pts))
        if closed and len(pts) >= 3:
            segs.append((pts[-1], pts[0]))
        return segs

    def _all_geometry(self, skip: tuple[Fid, int] | None = None) -> tuple[list[XY], list[tuple[XY, XY]]]:
        vertices: list[XY] = []
        segments: list[tuple[XY, XY]] = []
        for fid, item in self._items.items():
            pts = list(item.pts)
            n = len(pts)
            for i, q in enumerate(pts):
                if skip is None or (fid, i) != skip:
                    vertices.append(q)
            for j, seg in enumerate(self._segments(pts, item.closed)):
                if (
                    skip is not None
                    and fid == skip[0]
                    and (j == skip[1] or (j + 1) % n == skip[1] % n or j == skip[1] - 1)
                ):
                    continue
                segments.append(seg)
        return vertices, segments

    def _snap(
        self, p: QPointF, anchor: QPointF | None, previous: QPointF | None, skip: tuple[Fid, int] | None = None
    ) -> SnapResult:
        if not self.snap_options.any:
            return SnapResult((p.x(), p.y()))
        if skip is not None and self._drag_snap_arrays is not None:
            vertices, segments = self._drag_snap_arrays  # type: ignore[assignment]
        else:
            vertices, segments = self._all_geometry(skip)
            draft = [(q.x(), q.y()) for q in self._drawing]
            vertices += draft
            segments += self._segments(draft, False)
        return snap(
            (p.x(), p.y()),
            vertices=vertices,  # type: ignore[arg-type]
            segments=segments,
            anchor=(anchor.x(), anchor.y()) if anchor is not None else None,
            previous=(previous.x(), previous.y()) if previous is not None else None,
            reference_segments=segments,
            tolerance=self.tolerance(),
            options=self.snap_options,
        )

    def _show_marker(self, result: SnapResult) -> None:
        self._marker.kind = result.kind
        self._marker.setVisible(result.snapped)
        if result.snapped:
            self._marker.setPos(QPointF(*result.point))
            self._marker.update()

    # ---- events ----------------------------------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if not getattr(self, "_alive", False):
            return False
        et = event.type()
        if et in (QEvent.Type.Destroy, QEvent.Type.DeferredDelete):
            self._alive = False
            return False
        if obj is self.view and et == QEvent.Type.KeyPress:
            return self._key(event)  # type: ignore[arg-type]
        if obj is not self._viewport:
            return False
        if et == QEvent.Type.MouseButtonPress:
            return self._press(event)  # type: ignore[arg-type]
        if et == QEvent.Type.MouseMove:
            return self._move(event)  # type: ignore[arg-type]
        if et == QEvent.Type.MouseButtonRelease:
            return self._release(event)  # type: ignore[arg-type]
        if et == QEvent.Type.MouseButtonDblClick:
            return self._double_click(event)  # type: ignore[arg-type]
        return False

    def _scene_pos(self, event: QMouseEvent) -> QPointF:
        return self.view.mapToScene(event.position().toPoint())

    def _press(self, event: QMouseEvent) -> bool:
        p = self._scene_pos(event)
        button = event.button()
        if self._tool == "edit":
            hit = self._hit_vertex(p)
            if button == Qt.MouseButton.RightButton and hit is not None:
                self.deleteVertex(*hit)
                return True
            if button == Qt.MouseButton.LeftButton and hit is not None:
                self._start_drag(*hit)
                return True
            return False
        if button == Qt.MouseButton.RightButton:
            self.finishDrawing()
            return True
        if button != Qt.MouseButton.LeftButton:
            return False
        if self._tool == "pin":
            self.setPin(self._to_utm(p))
            return True
        anchor = self._drawing[-1] if self._drawing else None
        previous = self._drawing[-2] if len(self._drawing) >= 2 else None
        result = self._snap(p, anchor, previous)
        q = QPointF(*result.point)
        if self._tool in ("parcel", "building") and len(self._drawing) >= 3:
            first = self._drawing[0]
            if math.hypot(q.x() - first.x(), q.y() - first.y()) <= self.tolerance():
                self.finishDrawing()
                return True
        self._drawing.append(q)
        self._update_preview(q)
        self.drawingChanged.emit(len(self._drawing))
        return True

    def _move(self, event: QMouseEvent) -> bool:
        p = self._scene_pos(event)
        if self._drag is not None:
            self._drag_to(p)
            return True
        if self._tool == "edit":
            hit = self._hit_vertex(p)
            if hit != self._hover:
                for item in self._items.values():
                    if item.active_vertex is not None:
                        item.active_vertex = None
                        item.update()
                if hit is not None:
                    self._items[hit[0]].active_vertex = hit[1]
                    self._items[hit[0]].update()
                self._hover = hit
            return False
        if self._tool in ("parcel", "building", "passage"):
            anchor = self._drawing[-1] if self._drawing else None
            previous = self._drawing[-2] if len(self._drawing) >= 2 else None
            result = self._snap(p, anchor, previous)
            self._show_marker(result)
            self._update_preview(QPointF(*result.point))
        return False

    def _release(self, event: QMouseEvent) -> bool:
        if self._drag is not None:
            self._end_drag()
            return True
        return self._tool != "edit"

    def _double_click(self, event: QMouseEvent) -> bool:
        p = self._scene_pos(event)
        if self._tool == "edit":
            if self._hit_vertex(p) is not None:
                return True
            hit = self._hit_edge(p)
            if hit is not None:
                fid, seg, q = hit
                self.insertVertex(fid, seg, self._to_utm(q))
                return True
            return False
        if self._tool in ("parcel", "building", "passage"):
            self.finishDrawing()
            return True
        return False

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._drawing:
            self.finishDrawing()
            return True
        if key == Qt.Key.Key_Escape and (self._drawing or self._tool != "edit"):
            if self._drawing:
                self.cancelDrawing()
            else:
                self.setTool("edit")
            return True
        if key == Qt.Key.Key_Backspace and self._drawing:
            self._drawing.pop()
            self._update_preview(None)
            self.drawingChanged.emit(len(self._drawing))
            return True
        if key == Qt.Key.Key_Delete and self._hover is not None:
            self.deleteVertex(*self._hover)
            self._hover = None
            return True
        return False

    def _update_preview(self, cursor: QPointF | None) -> None:
        pts = list(self._drawing)
        if cursor is not None and pts and pts[-1] != cursor:
            pts.append(cursor)
        utm = [self._to_utm(q) for q in pts]
        self._preview.closed = self._tool != "passage" and len(pts) >= 3
        self._preview.colour = (
            PARCEL_PEN if self._tool == "parcel" else BUILDING_PEN if self._tool == "building" else PASSAGE_COLOUR
        )
        self._preview.setPoints(pts, planar_side_lengths(utm, closed=self._preview.closed) if len(utm) >= 2 else [])

    # ---- dragging --------------------------------------------------------------------------------------------------
    def _start_drag(self, fid: Fid, index: int) -> None:
        self._drag = (fid, index)
        self._drag_before = self._sketch
        self._drag_utm = list(self._feature_utm(self._sketch, fid))
        vertices, segments = self._all_geometry(skip=(fid, index))
        self._drag_snap_arrays = (
            np.asarray(vertices, dtype=float).reshape(-1, 2),
            np.asarray(segments, dtype=float).reshape(-1, 2, 2),
        )
        item = self._items[fid]
        item.active_vertex = index

    def _drag_to(self, p: QPointF) -> None:
        assert self._drag is not None
        fid, index = self._drag
        item = self._items[fid]
        n = len(item.pts)
        closed = item.closed
        prev_i = (index - 1) % n if closed or index > 0 else None
        anchor = QPointF(*item.pts[prev_i]) if prev_i is not None else None
        before_i = (index - 2) % n if closed or index > 1 else None
        previous = QPointF(*item.pts[before_i]) if before_i is not None else None
        result = self._snap(p, anchor, previous, skip=(fid, index))
        self._show_marker(result)
        q = QPointF(*result.point)
        utm = self._to_utm(q)
        self._drag_utm[index] = utm
        # Only the two sides touching the vertex change length.
        lengths = list(item.lengths)
        for side in ((index - 1) % n, index):
            if closed or 0 <= side < n - 1:
                a, b = self._drag_utm[side], self._drag_utm[(side + 1) % n]
                if side < len(lengths):
                    lengths[side] = math.hypot(b[0] - a[0], b[1] - a[1])
        item.movePoint(index, q, lengths)
        if fid[0] == "parcel":
            self._emit_measures(self._drag_utm)

    def _end_drag(self) -> None:
        assert self._drag is not None and self._drag_before is not None
        fid, _ = self._drag
        new = self._with_feature(self._drag_before, fid, self._drag_utm)
        before = self._drag_before
        self._drag = None
        self._drag_before = None
        self._drag_snap_arrays = None
        self._marker.setVisible(False)
        if new != before:
            self._sketch = before
            self._push(new, "جابه‌جایی رأس")
        else:
            self._set_state(before)

    def _detach(self) -> None:
        self._alive = False

    def _on_zoom(self, _zoom: float) -> None:
        for item in self._items.values():
            item.prepareGeometryChange()
