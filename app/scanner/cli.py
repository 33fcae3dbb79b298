"""``ecity-counter scan``: scan from the command line (automation, and checking a scanner works).

    scan --list                                      devices of every driver here, and the profiles
    scan --device test:0 --profile "A4 deed" --out deed.pdf
    scan --device file:/path/to/folder --profile "A4 text" --out text.pdf

Pages go through a crash-safe session in the data folder's scans-in-progress; after a device error the session is
kept and its folder printed, so nothing scanned is lost.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from app.paths import DataPaths, default_data_dir
from app.scanner import base
from app.scanner.archive_pdf import DOCUMENT_TYPES, ArchiveMetadata
from app.scanner.base import CancelToken, ScannerDriver, ScannerError
from app.scanner.batch import SAVED, ScanSession
from app.scanner.messages_fa import message_for
from app.scanner.profiles import find_profile, load_profiles, replace

DRIVERS = ("auto", "sane", "twain", "file")


def profiles_dir(data_root: Path) -> Path:
    """The workstation's scan profiles (the Archive tab's profile editor writes the same folder)."""
    return DataPaths(data_root).scan_profiles


def make_driver(name: str, device: str | None = None, sane_config: Path | None = None) -> ScannerDriver:
    """The driver named, or for ``auto`` the one a device id points at (a path or ``file:`` means files)."""
    if name == "auto":
        if device and (device.startswith("file:") or Path(device).exists()):
            name = "file"
        else:
            name = "twain" if sys.platform == "win32" else "sane"
    if name == "file":
        from app.scanner.file_driver import FileDriver

        return FileDriver()
    if name == "twain":
        from app.scanner.twain_driver import TwainDriver

        return TwainDriver()
    from app.scanner.sane_driver import SaneDriver

    return SaneDriver(config_dir=sane_config)


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("scan", help="scan pages into an archival PDF, or list scanners and profiles")
    parser.add_argument("--list", action="store_true", help="list devices and profiles")
    parser.add_argument("--device", help="device id (test:0, a TWAIN source name, file:PATH)")
    parser.add_argument("--profile", help='profile name, e.g. "A4 deed"')
    parser.add_argument("--out", type=Path, help="PDF file to write")
    parser.add_argument("--driver", choices=DRIVERS, default="auto")
    parser.add_argument("--source", choices=("flatbed", "feeder"), help="override the profile's paper source")
    parser.add_argument("--max-pages", type=int, help="stop after this many pages")
    parser.add_argument("--document-type", choices=DOCUMENT_TYPES, default="other")
    parser.add_argument("--case", default="", help="case id recorded in the PDF")
    parser.add_argument("--tracking", default="", help="tracking number recorded in the PDF")
    parser.add_argument("--operator", default=os.environ.get("USER", ""), help="operator recorded in the PDF")
    parser.add_argument("--keep-blank", action="store_true", help="keep pages the blank check would drop")
    parser.add_argument(
        "--sane-config",
        type=Path,
        default=Path(os.environ["ECITY_SANE_CONFIG"]) if os.environ.get("ECITY_SANE_CONFIG") else None,
        help="SANE configuration folder (default: the system's; resources/sane for the test device)",
    )
    parser.add_argument("--data-dir", type=Path, help="workstation data folder")
    parser.set_defaults(func=run)


def _print_error(exc: ScannerError) -> None:
    print(f"error: {exc.code}: {message_for(exc.code, **exc.params)}", file=sys.stderr)
    detail = exc.params.get("detail")
    if detail:
        print(f"  ({detail})", file=sys.stderr)


def _list(args: argparse.Namespace, data_root: Path) -> int:
    names = (
        [args.driver] if args.driver != "auto" else (["twain", "file"] if sys.platform == "win32" else ["sane", "file"])
    )
    print("devices:")
    for name in names:
        try:
            devices = make_driver(name, sane_config=args.sane_config).list_devices()
        except ScannerError as exc:
            print(f"  [{name}] unavailable: {exc.code} ({exc.params.get('detail', '')})")
            continue
        for device in devices:
            print(f"  [{name}] {device.id}\t{device.vendor} {device.model}\t{device.kind}".rstrip())
    print("profiles:")
    for profile in load_profiles(profiles_dir(data_root)):
        duplex = " duplex" if profile.duplex else ""
        print(f"  {profile.name}\t{profile.paper} {profile.dpi} dpi {profile.mode} {profile.source}{duplex}")
    return 0


def run(args: argparse.Namespace) -> int:
    data_root = args.data_dir or default_data_dir()
    if args.list:
        return _list(args, data_root)
    if not (args.device and args.profile and args.out):
        print("error: --device, --profile and --out are needed (or --list)", file=sys.stderr)
        return 2
    profile = find_profile(load_profiles(profiles_dir(data_root)), args.profile)
    if profile is None:
        print(f"error: no profile named {args.profile!r} (see scan --list)", file=sys.stderr)
        return 2
    if args.source:
        profile = replace(profile, source=args.source)
    if args.keep_blank:
        profile = replace(profile, blank_threshold=0.0)
    from app.scanner.pipeline import archive_pages, scan_into_session

    paths = DataPaths(data_root)
    paths.scans_in_progress.mkdir(parents=True, exist_ok=True)
    session = ScanSession.create(paths.scans_in_progress, device_id=args.device, profile=profile, origin="cli")
    driver = make_driver(args.driver, args.device, args.sane_config)
    try:
        result = scan_into_session(driver, args.device, profile, session, CancelToken(), max_pages=args.max_pages)
    except ScannerError as exc:
        _print_error(exc)
        kept = len(session.pages(include_deleted=True))
        print(f"{kept} page(s) kept in {session.folder}", file=sys.stderr)
        return 3
    records = session.pages()
    dropped = len(session.pages(include_deleted=True)) - len(records)
    if not records:
        print(f"error: {base.NO_PAPER}: no page kept ({result.pages} scanned, all blank?)", file=sys.stderr)
        session.remove()
        return 3
    metadata = ArchiveMetadata(
        document_type=args.document_type,
        case_id=args.case,
        tracking_number=args.tracking,
        scanner=args.device,
        operator=args.operator,
    )
    archived = archive_pages(session, metadata, profile, records)
    out: Path = args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    with tmp.open("wb") as handle:
        handle.write(archived.pdf)
        handle.flush()
        os.fsync(handle.fileno())
    tmp.replace(out)
    session.mark(SAVED)
    session.remove()
    print(
        f"wrote {out}: {archived.page_count} page(s), {archived.resolution} dpi, "
        f"{len(archived.pdf) // 1024} KB, sha256 {archived.sha256}"
        + (f", {dropped} blank page(s) dropped" if dropped else "")
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] != "scan":
        argv.insert(0, "scan")
    parser = argparse.ArgumentParser(prog="ecity-counter")
    subparsers = parser.add_subparsers(dest="command", required=True)
    register(subparsers)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
