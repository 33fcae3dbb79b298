"""Typed, versioned workstation settings kept as JSON in ``DataPaths.settings_file`` (napari style).

The file holds ``schema_version``; older files are migrated step by step on load, unknown keys are kept (a newer
program may have written them) and bad values fall back to defaults with a warning instead of refusing to start.
Window geometry and header states are not here: the UI keeps those in ``QSettings``.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

SCHEMA_VERSION = 2

# Document kinds the printing area prints; each may go to its own printer ("" = the system default).
DOCUMENT_KINDS = ("receipt", "certificate", "payment_slip", "letter", "sketch")


@dataclass(frozen=True)
class Settings:
    language: str = "fa"  # "fa" | "en"
    server_url: str = ""  # the central server; "" = this workstation works local only
    printers: dict[str, str] = field(default_factory=dict)  # document kind -> printer name
    scan_profiles_dir: str = ""  # "" = the data folder's default
    deed_area_tolerance_pct: float = 5.0  # sketch area vs deed area difference flagged above this
    map_tiles: str = ""  # an .mbtiles path or an XYZ URL template; "" = the server's tiles, else the demo set
    map_cache_mb: int = 512  # disk cache of remote tiles (per source), least recently used dropped first
    show_amounts_in: str = "rials"  # "rials" | "tomans"
    barcode_max_gap_ms: int = 30  # a barcode reader types faster than this between keys
    log_level: str = "INFO"
    extra: dict[str, Any] = field(default_factory=dict)  # keys this version does not know, kept on save

    def printer_for(self, kind: str) -> str:
        return self.printers.get(kind, "")

    def with_changes(self, **changes: Any) -> Settings:
        return replace(self, **changes)


def _v0_to_v1(data: dict[str, Any]) -> dict[str, Any]:
    # Version 0 files (before schema_version existed) named the language "locale".
    if "locale" in data and "language" not in data:
        data["language"] = str(data.pop("locale"))[:2]
    return data


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    # Version 1 had one printer for everything.
    printer = data.pop("printer", None)
    if printer and "printers" not in data:
        data["printers"] = dict.fromkeys(DOCUMENT_KINDS, str(printer))
    return data


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _v0_to_v1, 1: _v1_to_v2}


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    version = int(data.pop("schema_version", 0))
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    return data


def _coerce(data: dict[str, Any]) -> Settings:
    defaults = Settings()
    known = {f.name for f in fields(Settings)} - {"extra"}
    values: dict[str, Any] = {}
    extra = dict(data.pop("extra", {}) or {})
    for key, value in data.items():
        if key not in known:
            extra[key] = value
            continue
        default = getattr(defaults, key)
        try:
            if isinstance(default, bool):
                value = bool(value)
            elif isinstance(default, int):
                value = int(value)
            elif isinstance(default, float):
                value = float(value)
            elif isinstance(default, str):
                value = str(value)
            elif isinstance(default, dict):
                value = {str(k): str(v) for k, v in dict(value).items()}
        except (TypeError, ValueError):
            log.warning("setting %s has a bad value %r; using the default", key, value)
            continue
        values[key] = value
    settings = Settings(**values, extra=extra)
    if settings.language not in ("fa", "en"):
        settings = replace(settings, language="fa")
    return settings


def load_settings(path: Path) -> Settings:
    """Settings from ``path``; defaults when the file is missing or unreadable (a broken file is kept aside)."""
    if not path.exists():
        return Settings()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("settings file is not an object")
    except (OSError, ValueError) as exc:
        log.warning("settings file %s unreadable (%s); starting from defaults", path, exc)
        with contextlib.suppress(OSError):
            path.replace(path.with_suffix(".broken.json"))
        return Settings()
    return _coerce(migrate(data))


def save_settings(path: Path, settings: Settings) -> None:
    """Write atomically: a crash mid-write never leaves half a settings file."""
    data = asdict(settings)
    extra = data.pop("extra")
    payload = {"schema_version": SCHEMA_VERSION, **extra, **data}
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(payload, handle, ensure_ascii=False, indent=2, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
