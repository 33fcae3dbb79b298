"""Where a workstation keeps its things. Nothing is created at import time."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "ecity-counter"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
RESOURCES = PROJECT_ROOT / "resources"
TRANSLATIONS = PROJECT_ROOT / "translations"
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
