"""The one place that builds things: paths → settings → logging → services (migrations) → Qt application → login →
main window. Nothing is built at import time, and Qt is imported only by the commands that need it, so ``catalog``
and the other areas' commands stay fast and work without a display.

Subcommands of other areas are collected lazily: each of ``app.printing.cli``, ``app.scanner.cli``, ``app.maps.cli``
and ``app.sync.cli`` that exists and has ``register(subparsers)`` adds its parsers (each sets ``func=callable(args)``).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.paths import DataPaths, default_data_dir

if TYPE_CHECKING:
    from app.services.context import Services
    from app.settings import Settings
    from app.ui.context import UiContext

log = logging.getLogger(__name__)

AREA_CLIS = ("app.printing.cli", "app.scanner.cli", "app.maps.cli", "app.sync.cli")
SCREENSHOT_USER = "all"


# -- the parser ---------------------------------------------------------------------------------------------------------


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", type=Path, default=None, help="workstation data folder (default: per user)")
    parser.add_argument("--lang", choices=("fa", "en"), default=None, help="interface language (default: fa)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ecity-counter", description="Counter desktop of an e-city services office")
    _add_common(parser)
    parser.add_argument("--demo", action="store_true", help="create the demo database on first start if empty")
    parser.add_argument("--server", default=None, metavar="URL", help="central server URL (stored in the settings)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    shot = sub.add_parser("screenshot", help="render the login screen and every unit tab to PNG files (offscreen)")
    shot.add_argument("directory", type=Path)
    # SUPPRESS: given before the command (``ecity-counter --data-dir X demo``) or after it, either way counts.
    shot.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, help="use this data folder, not a fresh demo")
    shot.add_argument("--lang", choices=("fa", "en"), default=argparse.SUPPRESS)
    shot.set_defaults(func=cmd_screenshot)

    catalog = sub.add_parser("catalog", help="print the service catalog")
    catalog.add_argument("--json", action="store_true", help="as JSON (the only format for now)")
    catalog.set_defaults(func=cmd_catalog)

    demo = sub.add_parser("demo", help="create the demo database in the data folder")
    demo.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS)
    demo.add_argument("--cases", type=int, default=200)
    demo.set_defaults(func=cmd_demo)

    _register_area_commands(sub)
    return parser


def _register_area_commands(sub: Any) -> None:
    for name in AREA_CLIS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                log.warning("command module %s failed to import: %s", name, exc)
            continue
        except Exception as exc:  # a broken area must not take the program down
            log.warning("command module %s failed to import: %s", name, exc)
            continue
        register = getattr(module, "register", None)
        if callable(register):
            register(sub)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(list(argv) if argv is not None else None)
    func = getattr(args, "func", None)
    if func is not None:
        return int(func(args) or 0)
    return run_gui(args)


# -- building blocks ----------------------------------------------------------------------------------------------------


def data_paths(args: argparse.Namespace) -> DataPaths:
    root = getattr(args, "data_dir", None) or default_data_dir()
    return DataPaths(Path(root)).ensure()


def load_and_update_settings(paths: DataPaths, args: argparse.Namespace) -> Settings:
    """The settings file, with what the command line says stored for next time (language, server)."""
    from app.settings import load_settings, save_settings

    settings = load_settings(paths.settings_file)
    changes: dict[str, Any] = {}
    if getattr(args, "lang", None) and args.lang != settings.language:
        changes["language"] = args.lang
    if getattr(args, "server", None) is not None and args.server != settings.server_url:
        changes["server_url"] = args.server
    if changes or not paths.settings_file.exists():
        settings = settings.with_changes(**changes)
        save_settings(paths.settings_file, settings)
    return settings


def open_services(paths: DataPaths, language: str) -> Services:
    from app.services.context import Services

    return Services.open(paths, lang=language)


def ensure_demo(services: Services) -> bool:
    """Create the demo data when the database has no user yet; True when it was created."""
    if services.admin.has_users():
        return False
    from app.services.demo import create_demo

    log.info("creating the demo workstation data")
    create_demo(services)
    return True


def ensure_demo_tiles(paths: DataPaths) -> bool:
    """A demo workstation's aerial tiles (``tiles/demo.mbtiles``): when missing, the maps area generates them on a
    background thread (``app.maps.sources.start_demo_tiles``, the work of ``ecity-counter demo-tiles``), so the
    window opens at once and the map gets its tiles seconds later. True when a generation was started.

    The file name is checked before importing the maps package, which a start with the tiles in place never needs."""
    if (paths.tiles / "demo.mbtiles").is_file():  # app.maps.sources.DEMO_TILES_NAME
        return False
    try:
        from app.maps.sources import demo_tiles_path, start_demo_tiles
    except ImportError:
        return False
    if demo_tiles_path(paths.tiles).is_file():
        return False
    log.info("generating the demo aerial tiles in %s (background)", paths.tiles)
    start_demo_tiles(paths.tiles)
    return True


def build_context(services: Services, settings: Settings, paths: DataPaths) -> UiContext:
    from app.ui.context import UiContext
    from app.ui.tasks import TaskRunner

    return UiContext(
        services=services,
        tasks=TaskRunner(),
        settings=settings,
        paths=paths,
        workstation_no=services.workstation_no,
    )


# -- commands -----------------------------------------------------------------------------------------------------------


def run_gui(args: argparse.Namespace) -> int:
    from app.logging_setup import configure_logging

    paths = data_paths(args)
    settings = load_and_update_settings(paths, args)
    configure_logging(paths.logs, settings.log_level)
    log.info("starting; data folder %s", paths.root)
    services = open_services(paths, settings.language)
    if getattr(args, "demo", False):
        ensure_demo(services)
        ensure_demo_tiles(paths)

    from app.ui.qt_app import create_application
    from app.ui.shell import Shell

    app = create_application(sys.argv[:1], settings.language)
    ctx = build_context(services, settings, paths)
    try:
        # Login dialog → main window → File → Sign out → login dialog ...; closing the login dialog ends the program.
        shell = Shell(ctx)
        shell.start()
        return int(app.exec())
    finally:
        ctx.tasks.shutdown()
        services.close()


def cmd_catalog(args: argparse.Namespace) -> int:
    from app.domain.catalog import CATALOG

    sys.stdout.write(CATALOG.to_json() + "\n")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from app.logging_setup import configure_logging

    paths = data_paths(args)
    settings = load_and_update_settings(paths, args)
    configure_logging(paths.logs, settings.log_level, console=True)
    services = open_services(paths, settings.language)
    try:
        if services.admin.has_users():
            print(f"{paths.database} already holds data; nothing done")
            return 1
        from app.services.demo import create_demo

        summary = create_demo(services, n_cases=args.cases)
        print(f"demo workstation created in {paths.root}: {summary}")
        return 0
    finally:
        services.close()


def cmd_screenshot(args: argparse.Namespace) -> int:
    """Login screen and one PNG per unit tab, as the demo user of every unit, rendered offscreen."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before the first Qt import of this process
    target = Path(args.directory)
    target.mkdir(parents=True, exist_ok=True)
    if args.data_dir is not None:
        return _screenshots(DataPaths(args.data_dir).ensure(), target, args)
    with tempfile.TemporaryDirectory(prefix="ecity-shots-") as tmp:
        return _screenshots(DataPaths(Path(tmp)).ensure(), target, args)


def _screenshots(paths: DataPaths, target: Path, args: argparse.Namespace) -> int:
    from app.logging_setup import configure_logging

    settings = load_and_update_settings(paths, args)
    configure_logging(paths.logs, settings.log_level)
    services = open_services(paths, settings.language)
    ensure_demo(services)

    from app.services.demo import DEMO_PASSWORD
    from app.ui.qt_app import create_application
    from app.ui.screenshots import render_screens

    app = create_application(sys.argv[:1], settings.language)
    ctx = build_context(services, settings, paths)
    try:
        written = render_screens(ctx, target, SCREENSHOT_USER, DEMO_PASSWORD)
    finally:
        ctx.tasks.shutdown()
        services.close()
        del app
    print("\n".join(str(target / name) for name in written))
    return 0
