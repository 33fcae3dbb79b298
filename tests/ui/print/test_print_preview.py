"""The print preview opens a generated PDF offscreen, counts its pages, saves it and prints it to a PDF file."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter

from app.printing import samples
from app.printing.receipt import build_receipt
from app.ui.print.preview import PrintPreviewDialog


@pytest.fixture(scope="module")
def long_receipt_pdf() -> bytes:
    return build_receipt(samples.long_receipt(), "a5")


def _pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]


def test_preview_shows_every_page_and_saves_the_same_bytes(qtbot, long_receipt_pdf: bytes, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store: dict[str, str] = {}
    dialog = PrintPreviewDialog(long_receipt_pdf, "receipt", store.get, store.__setitem__)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.page_count() == _pages_of(long_receipt_pdf, tmp_path)
    assert dialog.page_count() >= 2
    before = dialog.view.zoomFactor()
    dialog.zoom_in()
    assert dialog.view.zoomFactor() > before
    dialog.fit_width()

    target = tmp_path / "saved.pdf"
    with qtbot.waitSignal(dialog.saved):
        dialog.save_to(target)
    assert target.read_bytes() == long_receipt_pdf
    dialog.close()


def _pages_of(pdf: bytes, tmp_path: Path) -> int:
    path = tmp_path / "probe.pdf"
    path.write_bytes(pdf)
    return _pages(path)


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils needed")
def test_printing_renders_every_page_and_remembers_the_printer_per_kind(
    qtbot, long_receipt_pdf: bytes, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    store = {"receipt": "Counter-Thermal"}
    dialog = PrintPreviewDialog(long_receipt_pdf, "receipt", store.get, store.__setitem__)
    qtbot.addWidget(dialog)
    printer = dialog.make_printer()
    assert printer.printerName() in {"Counter-Thermal", ""}  # an unknown printer name is dropped by Qt without CUPS
    out = tmp_path / "printed.pdf"
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setResolution(100)
    with qtbot.waitSignal(dialog.printed):
        dialog.print_to(printer)
    assert out.exists() and _pages(out) == dialog.page_count()
    # Printing to a file names no printer: nothing is remembered for the kind.
    assert store == {"receipt": "Counter-Thermal"}
    dialog.close()
