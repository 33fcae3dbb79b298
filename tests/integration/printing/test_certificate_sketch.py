"""A certificate of a property with a sketch carries the sketch thumbnail, frozen at approval: a reprint has the same
image and the same signed payload, and the payload still verifies."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from print_office import decode_codes, make_print_office

from app.maps.sketch import Sketch
from app.services.inspection import FACT_SKETCH

# A 20 m x 30 m parcel in UTM 39N, in Tehran's District 1.
PARCEL = ((538000.0, 3965000.0), (538020.0, 3965000.0), (538020.0, 3965030.0), (538000.0, 3965030.0))


def _images(pdf: bytes, folder: Path, name: str) -> list[str]:
    path = folder / name
    path.write_bytes(pdf)
    out = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    return [line for line in out.splitlines()[2:] if line.strip()]


@pytest.mark.skipif(shutil.which("pdfimages") is None, reason="poppler's pdfimages is not installed")
def test_the_sketch_is_printed_on_the_certificate_and_frozen_at_approval(tmp_path: Path) -> None:
    office = make_print_office(tmp_path / "ws")
    try:
        s, expert = office.s, office.expert
        case_id = office.open_certificate_case("C03_NO_OBJECTION")
        sketch = Sketch(parcel=PARCEL, inspector="رضا کریمی")
        s.cases.set_fact(office.head, case_id, FACT_SKETCH, sketch.to_geojson())
        s.cases.set_fact(office.head, case_id, "fees_paid", True)
        s.cases.set_fact(office.head, case_id, "open_violations", 0)
        s.certificates.act(expert, case_id, "submit_for_approval")
        s.certificates.approve(expert, case_id)

        first = s.printing.prepare(expert, case_id, "certificate")
        s.printing.record(expert, first, target="pdf")
        images = _images(first.pdf, tmp_path, "first.pdf")
        assert any(" 620 " in line and " 700 " in line for line in images), images
        payload = next(c for c in decode_codes(first.pdf, tmp_path, qr_only=True) if c.startswith("EC1."))
        assert s.certificates.verify(payload).genuine

        # The sketch is redrawn later: the approved certificate keeps the frozen one and its signed payload.
        moved = Sketch(parcel=tuple((x + 5, y) for x, y in PARCEL), inspector="رضا کریمی")
        s.cases.set_fact(office.head, case_id, FACT_SKETCH, moved.to_geojson())
        again = s.printing.prepare(expert, case_id, "certificate")
        assert again.copy_number == 1
        assert _images(again.pdf, tmp_path, "again.pdf") == images
        assert next(c for c in decode_codes(again.pdf, tmp_path, qr_only=True) if c.startswith("EC1.")) == payload
    finally:
        office.s.close()
