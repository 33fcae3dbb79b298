"""The sketch drawn for paper: a PNG (Pillow) for the inspection report and a reportlab Drawing (vector) for PDFs.

Both draw the same thing: the parcel outline with each side's length in Persian digits, building footprints
(hatched), passages with their widths, the location pin, a north arrow, a scale bar and the area. Persian text is
shaped with arabic-reshaper and reordered with python-bidi, line by line (see FIELD-NOTES: reportlab cannot do it).
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from functools import cache

import arabic_reshaper
from bidi import get_display
from PIL import Image, ImageDraw, ImageFont, features
from reportlab.graphics.shapes import Drawing, Line, Polygon, PolyLine, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.domain.text import to_persian_digits
from app.maps.projection import XY
from app.maps.sketch import Sketch
from app.paths import FONTS

FONT_NAME = "Vazirmatn"


def shape(text: str) -> str:
    """Persian text ready for engines without bidi (Pillow without raqm, reportlab): joined and in visual order."""
    return str(get_display(arabic_reshaper.reshape(text)))


def _pil_text(text: str) -> str:
    """Pillow with libraqm shapes and reorders by itself (doing it twice reverses the text); without raqm we do it."""
    return text if features.check("raqm") else shape(text)


def fa_length(value: float, decimals: int = 2) -> str:
    return to_persian_digits(f"{value:.{decimals}f}").replace(".", "٫")


@cache
def _pil_font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = FONTS / "Vazirmatn-Medium.ttf"
    if path.exists():
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default()


def _register_font() -> str:
    if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
        path = FONTS / "Vazirmatn-Regular.ttf"
        if not path.exists():
            return "Helvetica"
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(path)))
    return FONT_NAME


class _Frame:
    """Fits the sketch's UTM extent into a w×h box (y up in UTM, so flipped for images)."""

    def __init__(self, sketch: Sketch, w: float, h: float, margin: float, flip_y: bool) -> None:
        pts: list[XY] = list(sketch.parcel) + [p for b in sketch.buildings for p in b.ring]
        pts += [p for q in sketch.passages for p in q.line]
        if sketch.pin:
            pts.append(sketch.pin)
        if not pts:
            pts = [(0.0, 0.0), (1.0, 1.0)]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        self.x0, self.y0 = min(xs), min(ys)
        span_x, span_y = max(max(xs) - self.x0, 1.0), max(max(ys) - self.y0, 1.0)
        self.scale = min((w - 2 * margin) / span_x, (h - 2 * margin) / span_y)
        self.ox = (w - span_x * self.scale) / 2
        self.oy = (h - span_y * self.scale) / 2
        self.h = h
        self.flip = flip_y

    def __call__(self, p: XY) -> XY:
        x = self.ox + (p[0] - self.x0) * self.scale
        y = self.oy + (p[1] - self.y0) * self.scale
        return (x, self.h - y) if self.flip else (x, y)

    def many(self, pts: Sequence[XY]) -> list[XY]:
        return [self(p) for p in pts]


def _side_labels(ring: Sequence[XY], frame: _Frame, lengths: list[float], offset: float) -> list[tuple[XY, str, float]]:
    """(position, text, angle in degrees) of each side's label, outside the ring."""
    pts = frame.many(ring)
    n = len(pts)
    area2 = sum(pts[i][0] * pts[(i + 1) % n][1] - pts[(i + 1) % n][0] * pts[i][1] for i in range(n))
    out = []
    for i in range(n):
        (ax, ay), (bx, by) = pts[i], pts[(i + 1) % n]
        length = math.hypot(bx - ax, by - ay) or 1.0
        nx, ny = (by - ay) / length, -(bx - ax) / length  # right normal
        sign = 1.0 if area2 > 0 else -1.0
        mx, my = (ax + bx) / 2 + nx * offset * sign, (ay + by) / 2 + ny * offset * sign
        angle = math.degrees(math.atan2(by - ay, bx - ax))
        if angle > 90:
            angle -= 180
        elif angle < -90:
            angle += 180
        out.append(((mx, my), fa_length(lengths[i]), angle))
    return out


def sketch_png(sketch: Sketch, size: tuple[int, int] = (1200, 900), title: str = "") -> bytes:
    """The sketch as a PNG (white paper, black lines) for the inspection report."""
    w, h = size
    img = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(img)
    frame = _Frame(sketch, w, h, margin=max(60, min(w, h) // 8), flip_y=True)
    font = _pil_font(max(12, min(w, h) // 45))
    for p in sketch.passages:
        line = frame.many(p.line)
        draw.line(line, fill=(205, 222, 245), width=max(2, int(p.width_m * frame.scale)))
        draw.line(line, fill=(80, 120, 200), width=1)
        mx, my = ((line[0][0] + line[-1][0]) / 2, (line[0][1] + line[-1][1]) / 2)
        label = _pil_text(f"گذر {to_persian_digits(f'{p.width_m:g}')} متری")
        draw.text((mx, my), label, fill=(30, 60, 140), font=font, anchor="mm")
    for b in sketch.buildings:
        ring = frame.many(b.ring)
        draw.polygon(ring, fill=(236, 236, 236), outline=(90, 90, 90))
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        # Hatch inside the footprint's box, clipped by a mask.
        mask = Image.new("L", size, 0)
        ImageDraw.Draw(mask).polygon(ring, fill=255)
        hatch = Image.new("L", size, 0)
        hd = ImageDraw.Draw(hatch)
        for x in range(int(min(xs)) - int(max(ys) - min(ys)), int(max(xs)), 12):
            hd.line([(x, max(ys)), (x + (max(ys) - min(ys)), min(ys))], fill=255, width=1)
        img.paste(
            (160, 160, 160),
            mask=Image.fromarray(
                __import__("numpy").minimum(__import__("numpy").asarray(mask), __import__("numpy").asarray(hatch))
            ),
        )
    if len(sketch.parcel) >= 3:
        ring = frame.many(sketch.parcel)
        draw.polygon(ring, outline=(0, 0, 0), width=3)
        for x, y in ring:
            draw.rectangle([x - 3, y - 3, x + 3, y + 3], fill=(0, 0, 0))
        for (mx, my), text, angle in _side_labels(sketch.parcel, frame, sketch.side_lengths_m, offset=font.size * 0.9):  # type: ignore[union-attr]
            tw = int(draw.textlength(text, font=font)) + 8
            th = int(font.size * 1.6)  # type: ignore[union-attr]
            tile = Image.new("RGBA", (tw, th), (255, 255, 255, 0))
            ImageDraw.Draw(tile).text((tw / 2, th / 2), text, fill=(0, 0, 0), font=font, anchor="mm")
            rotated = tile.rotate(angle, expand=True, resample=Image.BICUBIC)
            img.paste(rotated, (int(mx - rotated.width / 2), int(my - rotated.height / 2)), rotated)
    if sketch.pin:
        x, y = frame(sketch.pin)
        draw.ellipse([x - 7, y - 7, x + 7, y + 7], fill=(200, 20, 30), outline=(90, 0, 0))
    _png_north_arrow(draw, 50, 80, font)
    _png_scale_bar(draw, frame, 30, h - 30, font)
    if len(sketch.parcel) >= 3:
        text = _pil_text(f"مساحت: {fa_length(sketch.area_m2)} متر مربع")
        draw.text((w - 20, h - 30), text, fill=(0, 0, 0), font=font, anchor="rm")
    if title:
        draw.text((w - 20, 24), _pil_text(title), fill=(0, 0, 0), font=font, anchor="rm")
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=True)
    return buf.getvalue()


def _png_north_arrow(
    draw: ImageDraw.ImageDraw, x: float, y: float, font: ImageFont.FreeTypeFont | ImageFont.ImageFont
) -> None:
    draw.polygon([(x, y - 30), (x - 10, y + 10), (x, y + 2)], fill=(0, 0, 0))
    draw.polygon([(x, y - 30), (x + 10, y + 10), (x, y + 2)], outline=(0, 0, 0), fill=(255, 255, 255))
    draw.text((x, y - 44), _pil_text("شمال"), fill=(0, 0, 0), font=font, anchor="mm")


def _nice_length(max_m: float) -> float:
    exp = 10 ** math.floor(math.log10(max_m)) if max_m > 0 else 1.0
    return max((n * exp for n in (1, 2, 5) if n * exp <= max_m), default=exp)


def _png_scale_bar(
    draw: ImageDraw.ImageDraw, frame: _Frame, x: float, y: float, font: ImageFont.FreeTypeFont | ImageFont.ImageFont
) -> None:
    length = _nice_length(160 / frame.scale)
    px = length * frame.scale
    draw.rectangle([x, y - 4, x + px / 2, y + 2], fill=(0, 0, 0))
    draw.rectangle([x + px / 2, y - 4, x + px, y + 2], outline=(0, 0, 0), fill=(255, 255, 255))
    draw.text(
        (x + px / 2, y - 16),
        _pil_text(f"{to_persian_digits(f'{length:g}')} متر"),
        fill=(0, 0, 0),
        font=font,
        anchor="mm",
    )


def sketch_drawing(sketch: Sketch, width_mm: float = 160, height_mm: float = 120) -> Drawing:
    """The sketch as a reportlab Drawing (vector) sized in millimetres, for certificates and the report."""
    font = _register_font()
    w, h = width_mm * mm, height_mm * mm
    d = Drawing(w, h)
    frame = _Frame(sketch, w, h, margin=14 * mm, flip_y=False)
    size = 7.5
    for p in sketch.passages:
        pts = [v for q in frame.many(p.line) for v in q]
        d.add(PolyLine(pts, strokeColor=colors.Color(0.8, 0.87, 0.96), strokeWidth=max(1.0, p.width_m * frame.scale)))
        d.add(PolyLine(pts, strokeColor=colors.Color(0.3, 0.45, 0.8), strokeWidth=0.5))
        a, b = frame(p.line[0]), frame(p.line[-1])
        d.add(
            String(
                (a[0] + b[0]) / 2,
                (a[1] + b[1]) / 2 - size / 3,
                shape(f"گذر {to_persian_digits(f'{p.width_m:g}')} متری"),
                fontName=font,
                fontSize=size,
                textAnchor="middle",
                fillColor=colors.Color(0.1, 0.25, 0.55),
            )
        )
    for b in sketch.buildings:
        d.add(
            Polygon(
                [v for q in frame.many(b.ring) for v in q],
                fillColor=colors.Color(0.9, 0.9, 0.9),
                strokeColor=colors.Color(0.35, 0.35, 0.35),
                strokeWidth=0.5,
            )
        )
    if len(sketch.parcel) >= 3:
        d.add(
            Polygon(
                [v for q in frame.many(sketch.parcel) for v in q],
                fillColor=None,
                strokeColor=colors.black,
                strokeWidth=1.4,
            )
        )
        for (mx, my), text, angle in _side_labels(sketch.parcel, frame, sketch.side_lengths_m, offset=size):
            s = String(0, -size / 3, text, fontName=font, fontSize=size, textAnchor="middle")
            from reportlab.graphics.shapes import Group

            g = Group(s)
            g.translate(mx, my)
            g.rotate(angle)
            d.add(g)
        d.add(
            String(
                w - 4,
                4,
                shape(f"مساحت: {fa_length(sketch.area_m2)} متر مربع"),
                fontName=font,
                fontSize=size + 1,
                textAnchor="end",
            )
        )
    if sketch.pin:
        x, y = frame(sketch.pin)
        from reportlab.graphics.shapes import Circle

        d.add(Circle(x, y, 2.5, fillColor=colors.Color(0.8, 0.1, 0.12), strokeColor=None))
    # North arrow and scale bar.
    nx, ny = w - 12, h - 22
    d.add(Polygon([nx, ny + 14, nx - 5, ny - 4, nx, ny], fillColor=colors.black, strokeColor=None))
    d.add(
        Polygon(
            [nx, ny + 14, nx + 5, ny - 4, nx, ny], fillColor=colors.white, strokeColor=colors.black, strokeWidth=0.5
        )
    )
    d.add(String(nx, ny + 17, shape("شمال"), fontName=font, fontSize=size - 1, textAnchor="middle"))
    length = _nice_length(30 * mm / frame.scale)
    px = length * frame.scale
    d.add(Line(6, 8, 6 + px, 8, strokeWidth=2))
    d.add(
        String(
            6 + px / 2,
            12,
            shape(f"{to_persian_digits(f'{length:g}')} متر"),
            fontName=font,
            fontSize=size - 1,
            textAnchor="middle",
        )
    )
    return d
