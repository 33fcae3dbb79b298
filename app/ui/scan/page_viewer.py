"""A page viewer with zoom: fit to window, zoom in and out, Ctrl + wheel."""

from __future__ import annotations

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap, QWheelEvent
from PySide6.QtWidgets import QGraphicsPixmapItem, QGraphicsScene, QGraphicsView, QWidget


def pil_to_qimage(image: Image.Image) -> QImage:
    """A deep copy, so the QImage outlives the PIL buffer."""
    if image.mode == "1":
        image = image.convert("L")
    if image.mode == "L":
        data = image.tobytes()
        return QImage(data, image.width, image.height, image.width, QImage.Format.Format_Grayscale8).copy()
    rgb = image.convert("RGB") if image.mode != "RGB" else image
    data = rgb.tobytes()
    return QImage(data, rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888).copy()


class PageViewer(QGraphicsView):
    MIN_ZOOM = 0.02
    MAX_ZOOM = 8.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a page is not mirrored in a right-to-left UI
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self._item: QGraphicsPixmapItem | None = None
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self._zoom = 1.0

    @property
    def zoom(self) -> float:
        return self._zoom

    def show_image(self, image: Image.Image | None) -> None:
        self._scene.clear()
        self._item = None
        if image is None:
            return
        # a screen never needs 300 dpi: halve big pages before they become a pixmap
        if max(image.size) > 4000:
            image = image.reduce(2)
        self._item = self._scene.addPixmap(QPixmap.fromImage(pil_to_qimage(image)))
        self._item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self._scene.setSceneRect(self._item.boundingRect())
        self.fit()

    def has_image(self) -> bool:
        return self._item is not None

    def fit(self) -> None:
        if self._item is None:
            return
        self.resetTransform()
        self.fitInView(self._item, Qt.AspectRatioMode.KeepAspectRatio)
        self._zoom = self.transform().m11()

    def set_zoom(self, zoom: float) -> None:
        zoom = max(self.MIN_ZOOM, min(self.MAX_ZOOM, zoom))
        self.resetTransform()
        self.scale(zoom, zoom)
        self._zoom = zoom

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom * 1.25)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom / 1.25)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_in() if event.angleDelta().y() > 0 else self.zoom_out()
            event.accept()
            return
        super().wheelEvent(event)
