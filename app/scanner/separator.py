"""Separator sheets for batch scanning: one sheet in front of each case's documents, a pile scanned in one run, split
into the cases by decoding each sheet's barcode with zbar.

The sheet carries ``ECITY-SEP:<tracking number>`` as a QR code (found at any angle, even on a skewed or upside-down
sheet) and as Code 128 (for the counter's USB barcode readers), with the tracking number and a title in print.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from PIL import Image

from app.paths import FONTS

MARKER = "ECITY-SEP:"
T = TypeVar("T")


@dataclass
class SeparatedGroup(Generic[T]):
    """Pages behind one separator. ``tracking_number`` is None for pages that came before the first sheet."""

    tracking_number: str | None
    pages: list[T] = field(default_factory=list)


def separator_payload(tracking_number: str) -> str:
    return f"{MARKER}{tracking_number}"


def _shape(text: str) -> str:
    """Persian for reportlab: join the letters and put them in visual order (one line, so no wrapping issues)."""
    import arabic_reshaper
    from bidi.algorithm import get_display

    return str(get_display(arabic_reshaper.reshape(text)))


def build_separator_sheet_pdf(tracking_number: str, title: str = "") -> bytes:
    """An A4 page: a large QR and a Code 128 of the separator payload, the tracking number and ``title`` in print."""
    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode import code128, qr
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if not tracking_number or any(c.isspace() for c in tracking_number):
        raise ValueError("a separator needs a tracking number without spaces")
    payload = separator_payload(tracking_number)
    font = "Helvetica"
    try:
        if "Vazirmatn" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("Vazirmatn", str(FONTS / "Vazirmatn-Bold.ttf")))
        font = "Vazirmatn"
    except Exception:
        font = "Helvetica"

    out = io.BytesIO()
    width, height = A4
    pdf = canvas.Canvas(out, pagesize=A4, pageCompression=1)
    pdf.setTitle(f"Separator {tracking_number}")
    pdf.setCreator("ecity-counter scanner")
    # a thick frame so the sheet is easy to spot in a pile
    pdf.setLineWidth(6)
    pdf.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
    pdf.setFont(font, 26)
    pdf.drawCentredString(
        width / 2, height - 40 * mm, _shape("برگ جداکننده اسکن") if font != "Helvetica" else "SEPARATOR"
    )
    if title:
        pdf.setFont(font, 18)
        pdf.drawCentredString(width / 2, height - 55 * mm, _shape(title) if font != "Helvetica" else title)

    side = 110 * mm
    widget = qr.QrCodeWidget(payload, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(side, side, transform=[side / (x1 - x0), 0, 0, side / (y1 - y0), 0, 0])
    drawing.add(widget)
    renderPDF.draw(drawing, pdf, (width - side) / 2, height / 2 - side / 2 + 10 * mm)

    # module 0.4 mm: well above the 0.25-0.33 mm that zbar needs at 150-300 dpi
    bar = code128.Code128(payload, barWidth=0.4 * mm, barHeight=22 * mm, humanReadable=False)
    bar.drawOn(pdf, (width - bar.width) / 2, 62 * mm)
    pdf.setFont("Helvetica-Bold", 28)
    pdf.drawCentredString(width / 2, 45 * mm, tracking_number)
    pdf.setFont("Helvetica", 10)
    pdf.drawCentredString(width / 2, 36 * mm, payload)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def decode_separator(image: Image.Image) -> str | None:
    """The tracking number on a separator sheet, or None for an ordinary page."""
    from pyzbar import pyzbar

    gray = image.convert("L") if image.mode != "L" else image
    # a reduced copy first (a 300 dpi page decodes faster at half size); full size when that finds nothing
    attempts = [gray.reduce(2), gray] if min(gray.size) > 1600 else [gray]
    for attempt in attempts:
        for symbol in pyzbar.decode(attempt, symbols=[pyzbar.ZBarSymbol.QRCODE, pyzbar.ZBarSymbol.CODE128]):
            try:
                text = symbol.data.decode("utf-8")
            except UnicodeDecodeError:
                continue
            if text.startswith(MARKER) and len(text) > len(MARKER):
                return text[len(MARKER) :]
    return None


def split_by_separators(
    pages: Sequence[T], image_of: Callable[[T], Image.Image] | None = None
) -> list[SeparatedGroup[T]]:
    """Split a scanned pile at its separator sheets; the sheets themselves are dropped.

    ``pages`` may be images or any page objects with ``image_of`` giving each one's image. Pages before the first
    sheet form a group whose tracking number is None (the operator assigns them). Two sheets of the same case in a
    row merge; a sheet followed directly by another leaves an empty group for the first (that case got no pages,
    which the operator should see).
    """
    get = image_of or (lambda page: page)  # type: ignore[assignment,return-value]
    groups: list[SeparatedGroup[T]] = []
    current: SeparatedGroup[T] | None = None
    for page in pages:
        tracking = decode_separator(get(page))  # type: ignore[arg-type]
        if tracking is not None:
            if current is not None and current.tracking_number == tracking and not current.pages:
                continue
            current = SeparatedGroup(tracking)
            groups.append(current)
            continue
        if current is None:
            current = SeparatedGroup(None)
            groups.append(current)
        current.pages.append(page)
    return groups
