"""``verify`` and ``print-samples`` through app.printing.cli, on real PDFs, a scan and the payload text."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import img2pdf
import pytest

from app.printing import cli, signing

pytestmark = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("pdfinfo", "pdftoppm", "zbarimg")), reason="poppler-utils and zbar-tools needed"
)

EXPECTED_FILES = {
    "receipt-thermal80.pdf",
    "receipt-a5.pdf",
    "receipt-reprint.pdf",
    "payment-slip.pdf",
    "certificate-no-violation.pdf",
    "certificate-completion.pdf",
    "certificate-no-objection.pdf",
    "inspection-report.pdf",
    "permit-checklist.pdf",
    "clearance.pdf",
}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli")
    assert cli.main(["print-samples", str(root / "out"), "--keys", str(root / "keys")]) == 0
    return root


def test_print_samples_writes_every_kind(workspace: Path) -> None:
    assert {p.name for p in (workspace / "out").iterdir()} == EXPECTED_FILES
    assert (workspace / "keys" / signing.PRIVATE_KEY_FILE).exists()


def test_verify_a_genuine_certificate_pdf(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(
        ["verify", str(workspace / "out" / "certificate-completion.pdf"), "--keys", str(workspace / "keys")]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "این گواهی اصیل است" in out
    assert "گواهی پایان کار" in out
    assert "۰۱۰۱۰۴۰۰۳۰۰۰۱۲۳۷" in out and "۱۵ اسفند ۱۴۰۳" in out


def test_verify_a_scanned_certificate_without_metadata(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A paper certificate scanned back into a PDF has no Keywords: the QR is found by rasterising."""
    page = workspace / "scan"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "150",
            "-gray",
            "-png",
            "-singlefile",
            str(workspace / "out" / "certificate-no-objection.pdf"),
            str(page),
        ],
        check=True,
    )
    scanned = workspace / "scanned.pdf"
    scanned.write_bytes(img2pdf.convert(str(page) + ".png"))
    assert cli.payload_from_pdf(scanned) is not None
    assert cli.main(["verify", str(scanned), "--keys", str(workspace / "keys")]) == 0
    assert "گواهی بلامانع" in capsys.readouterr().out
    # The image itself works too.
    assert cli.main(["verify", str(page) + ".png", "--keys", str(workspace / "keys")]) == 0


def test_verify_payload_text_tampered_revoked_and_foreign(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    keys = str(workspace / "keys")
    payload = cli.payload_from_pdf(workspace / "out" / "certificate-no-violation.pdf")
    assert payload is not None
    assert cli.main(["verify", payload, "--keys", keys]) == 0
    capsys.readouterr()
    tampered = payload[:20] + ("A" if payload[20] != "A" else "B") + payload[21:]
    assert cli.main(["verify", tampered, "--keys", keys]) == 1
    assert "اصیل است" not in capsys.readouterr().out
    signature_changed = payload[:-5] + ("A" if payload[-5] != "A" else "B") + payload[-4:]
    assert cli.main(["verify", signature_changed, "--keys", keys]) == 1
    assert "اصیل نیست" in capsys.readouterr().out
    revoked = workspace / "revoked.txt"
    revoked.write_text("0101-1403-00001\n", encoding="utf-8")
    assert cli.main(["verify", payload, "--keys", keys, "--revoked", str(revoked)]) == 1
    assert "ابطال" in capsys.readouterr().out
    other_keys = workspace / "other-keys"
    signing.ensure_key(other_keys)
    assert cli.main(["verify", payload, "--keys", str(other_keys)]) == 1
    assert cli.main(["verify", str(workspace / "out" / "receipt-a5.pdf"), "--keys", keys]) == 1  # no QR at all


def test_module_runs_as_a_program(workspace: Path) -> None:
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "app.printing.cli", "verify", "EC1.bad.payload", "--keys", str(workspace / "keys")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "کد یک گواهی نیست" in result.stdout
