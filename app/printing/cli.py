"""``ecity-counter verify FILE_OR_PAYLOAD`` and ``ecity-counter print-samples DIR``.

``register(subparsers)`` plugs both into the program's command line (app.bootstrap); ``main(argv)`` runs them alone:
``python -m app.printing.cli verify certificate.pdf``.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from app.domain.dates import format_jalali_long
from app.domain.text import to_persian_digits
from app.paths import DataPaths, default_data_dir
from app.printing import signing
from app.printing.data import CERTIFICATE_TITLES
from app.printing.messages_fa import message

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif", ".pnm", ".ppm", ".pgm"}


def _keys_folder(args: argparse.Namespace) -> Path:
    if getattr(args, "keys", None):
        return Path(args.keys)
    data_dir = getattr(args, "data_dir", None)
    return DataPaths(Path(data_dir) if data_dir else default_data_dir()).office_keys


def _decode_images(paths: Sequence[Path]) -> list[str]:
    """QR texts that zbarimg finds in the images (only QR codes: the receipt's Code 128 is not a payload)."""
    if not paths or shutil.which("zbarimg") is None:
        return []
    result = subprocess.run(
        ["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )
    return [line.strip() for line in result.stdout.splitlines() if line.strip()]


def payload_from_pdf(path: Path) -> str | None:
    """The payload from the PDF's Keywords (our own PDFs), else from its QR code rasterised at 200 dpi."""
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=False).stdout
        for line in info.splitlines():
            if line.startswith("Keywords:"):
                value = line.split(":", 1)[1].strip()
                if value.startswith(signing.PREFIX + "."):
                    return value
    if shutil.which("pdftoppm") is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", str(path), f"{folder}/page"], check=False)
        texts = _decode_images(sorted(Path(folder).glob("page*.png")))
    return next((t for t in texts if t.startswith(signing.PREFIX + ".")), texts[0] if texts else None)


def read_payload(target: str) -> str | None:
    """A PDF, a scanned image or the payload text itself."""
    path = Path(target)
    try:
        is_file = path.is_file()
    except OSError:  # a long payload is not a valid file name on every system
        is_file = False
    if not is_file:
        return target.strip()
    if path.suffix.lower() == ".pdf":
        return payload_from_pdf(path)
    if path.suffix.lower() in IMAGE_SUFFIXES:
        texts = _decode_images([path])
        return texts[0] if texts else None
    return path.read_text(encoding="utf-8").strip()


def describe(result: signing.VerificationResult) -> list[str]:
    """The Persian lines the command prints."""
    lines = [message(result.code)]
    facts = result.facts
    if facts is not None:
        lines += [
            f"نوع: {CERTIFICATE_TITLES.get(facts.kind, facts.kind)}",
            f"شمارهٔ گواهی: {to_persian_digits(facts.serial)}",
            f"شمارهٔ پیگیری: {to_persian_digits(facts.tracking_number)}",
            f"کد نوسازی ملک: {to_persian_digits(facts.property_key)}",
            f"تاریخ صدور: {format_jalali_long(facts.issue_date)}",
            f"شناسهٔ کلید امضا: {facts.key_id}",
        ]
    return lines


def _read_revoked(path: Path | None) -> set[str]:
    if path is None or not path.exists():
        return set()
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


def revocations_in_database(database: Path) -> dict[str, str]:
    """Serial → reason of the certificates this workstation's database lists as revoked (synced between
    workstations); read-only, and empty when there is no database or no such table yet."""
    if not database.is_file():
        return {}
    try:
        with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as conn:
            rows = conn.execute("SELECT serial, revoke_reason FROM issued_certificate WHERE status = 'revoked'")
            return {str(serial): str(reason or "") for serial, reason in rows}
    except sqlite3.Error:
        return {}


def keys_in_database(database: Path) -> list[Ed25519PublicKey]:
    """The office's trust list of signing keys as synced into this workstation's database (every workstation's
    public key, docs/printing.md); read-only, and empty when there is no database or no such table yet."""
    if not database.is_file():
        return []
    try:
        with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as conn:
            rows = conn.execute("SELECT id, public_key FROM signing_key WHERE deleted = 0").fetchall()
    except sqlite3.Error:
        return []
    return signing.registered_keys((str(kid), str(text)) for kid, text in rows)


def run_verify(args: argparse.Namespace) -> int:
    out = sys.stdout
    data_dir = getattr(args, "data_dir", None)
    database = DataPaths(Path(data_dir) if data_dir else default_data_dir()).database
    keys = signing.load_public_keys(_keys_folder(args)) + keys_in_database(database)
    if not keys:
        print(message("verify.no_keys"), file=out)
        return 1
    payload = read_payload(args.target)
    if not payload:
        print(message("verify.no_payload"), file=out)
        return 1
    in_db = revocations_in_database(database)
    revoked = _read_revoked(getattr(args, "revoked", None)) | set(in_db)
    result = signing.verify_payload(payload, keys, revoked)
    lines = describe(result)
    if result.status == "revoked" and result.facts is not None and in_db.get(result.facts.serial):
        lines.append(f"علت ابطال: {in_db[result.facts.serial]}")
    print("\n".join(lines), file=out)
    return 0 if result.genuine else 1


def run_print_samples(args: argparse.Namespace) -> int:
    from app.printing.samples import write_samples  # builds every document: import only when asked

    key = signing.ensure_key(_keys_folder(args))
    for path in write_samples(Path(args.folder), key):
        print(path)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    verify = subparsers.add_parser(
        "verify",
        help="check a certificate PDF, a scanned image or a QR payload offline with the office's public keys "
        "(the keys folder and the synced trust list of every workstation's key)",
    )
    verify.add_argument("target", help="certificate PDF, image of the QR code, or the payload text")
    verify.add_argument(
        "--keys", type=Path, help="folder of the office's public keys (default: the data folder's keys)"
    )
    verify.add_argument("--revoked", type=Path, help="file listing revoked certificate numbers, one a line")
    verify.set_defaults(func=run_verify)
    samples = subparsers.add_parser("print-samples", help="write one PDF of every document kind from demo data")
    samples.add_argument("folder", type=Path)
    samples.add_argument("--keys", type=Path, help="folder of the office's signing key (created when missing)")
    samples.set_defaults(func=run_print_samples)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ecity-counter")
    parser.add_argument("--data-dir", type=Path)
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
