"""Qt views over app.scanner: the scanning panel of the Archive tab and its page viewer."""

from app.ui.scan.page_viewer import PageViewer
from app.ui.scan.scan_widget import ScanWidget

__all__ = ["PageViewer", "ScanWidget"]
