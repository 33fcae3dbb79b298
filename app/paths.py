"""Where a workstation keeps its things. Nothing is created at import time."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "ecity-counter"


def bundle_root() -> Path:
    """Where ``resources/``, ``translations/`` and ``app/`` live: the source checkout, or, in a program frozen by
    PyInstaller (``installer/ecity-counter.spec``), the bundle's folder (``sys._MEIPASS``)."""
    if getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS"):
        return Path(sys._MEIPASS)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A bundled file, frozen or not: ``resource_path("resources", "style", "app.qss")``."""
    return bundle_root().joinpath(*parts)


PROJECT_ROOT = bundle_root()
RESOURCES = resource_path("resources")
TRANSLATIONS = resource_path("translations")
FONTS = RESOURCES / "fonts"


def default_data_dir() -> Path:
    """``ECITY_DATA_DIR`` if set (tests always set it), else the platform's user data folder."""
    override = os.environ.get("ECITY_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class DataPaths:
    """The folders and files inside one workstation's data folder."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "workstation.sqlite"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def files(self) -> Path:
        """Content-addressed store of scans, sketches and photos: files/ab/cdef… by sha256."""
        return self.root / "files"

    @property
    def scans_in_progress(self) -> Path:
        return self.root / "scans-in-progress"

    @property
    def scan_profiles(self) -> Path:
        """This workstation's scan profiles, one JSON file each (the defaults apply where none is saved)."""
        return self.root / "scan-profiles"

    @property
    def tiles(self) -> Path:
        return self.root / "tiles"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def settings_file(self) -> Path:
        return self.root / "settings.json"

    @property
    def office_keys(self) -> Path:
        return self.root / "keys"

    def ensure(self) -> DataPaths:
        for folder in (self.root, self.backups, self.files, self.scans_in_progress, self.tiles, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
        return self
