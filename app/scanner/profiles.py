"""Scan profiles: named settings a workstation keeps as JSON files in a folder the caller gives."""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from app.domain.errors import ValidationError
from app.scanner.base import COLOUR_MODES, PAPER_SIZES_MM, SOURCES


@dataclass(frozen=True)
class Profile:
    name: str
    paper: str = "a4"  # a3 | a4 | id_card
    dpi: int = 300
    mode: str = "gray"  # gray | color | lineart
    source: str = "flatbed"  # flatbed | feeder
    duplex: bool = False
    blank_threshold: float = 0.002  # ink ratio under which a page counts as blank; 0 keeps every page
    jpeg_quality: int = 60  # grey/colour pages; lineart pages go CCITT G4 whatever this says
    deskew: bool = True
    crop: bool = False

    def __post_init__(self) -> None:
        problems: list[str] = []
        if not self.name.strip():
            problems.append("name")
        if self.paper not in PAPER_SIZES_MM:
            problems.append("paper")
        if self.mode not in COLOUR_MODES:
            problems.append("mode")
        if self.source not in SOURCES:
            problems.append("source")
        if not 50 <= self.dpi <= 1200:
            problems.append("dpi")
        if not 0.0 <= self.blank_threshold <= 0.5:
            problems.append("blank_threshold")
        if not 10 <= self.jpeg_quality <= 95:
            problems.append("jpeg_quality")
        if problems:
            raise ValidationError("scanner.profile_invalid", field=problems[0], fields=problems)

    @property
    def paper_mm(self) -> tuple[float, float]:
        return PAPER_SIZES_MM[self.paper]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Profile:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


# The four defaults. Quality 60 keeps an A3 grey page near 1 MB (FIELD-NOTES: q75 is 1.47 MB).
DEFAULT_PROFILES: tuple[Profile, ...] = (
    Profile(
        "A3 plan sheet", paper="a3", dpi=300, mode="gray", source="flatbed", jpeg_quality=60, blank_threshold=0.001
    ),
    Profile("A4 deed", paper="a4", dpi=300, mode="gray", source="feeder", jpeg_quality=60),
    Profile("ID card", paper="id_card", dpi=300, mode="color", source="flatbed", jpeg_quality=75, deskew=False),
    Profile("A4 text", paper="a4", dpi=300, mode="lineart", source="feeder"),
)

_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _key(name: str) -> str:
    return re.sub(r"[\s_-]+", " ", name.strip().lower())


def _file_name(name: str) -> str:
    slug = _SAFE.sub("-", name.strip()).strip("-").lower() or "profile"
    # a hash suffix keeps Persian names (all stripped by the slug) apart
    return f"{slug[:40]}-{hashlib.sha1(name.encode()).hexdigest()[:8]}.json"


def load_profiles(folder: Path | None) -> list[Profile]:
    """The defaults, overridden and extended by the profiles saved in ``folder`` (missing folder: defaults only)."""
    by_key: dict[str, Profile] = {_key(p.name): p for p in DEFAULT_PROFILES}
    if folder is not None and folder.is_dir():
        for path in sorted(folder.glob("*.json")):
            try:
                profile = Profile.from_json(json.loads(path.read_text(encoding="utf-8")))
            except (OSError, ValueError, TypeError, ValidationError):
                continue  # one broken file must not hide the others
            by_key[_key(profile.name)] = profile
    return list(by_key.values())


def find_profile(profiles: list[Profile], name: str) -> Profile | None:
    """Match by name ignoring case, spaces, hyphens and underscores (``a4-deed`` finds "A4 deed")."""
    wanted = _key(name)
    for profile in profiles:
        if _key(profile.name) == wanted:
            return profile
    return None


def save_profile(folder: Path, profile: Profile) -> Path:
    """Write ``profile`` atomically into ``folder``; a profile of the same name is replaced."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in folder.glob("*.json"):
        try:
            if _key(json.loads(path.read_text(encoding="utf-8")).get("name", "")) == _key(profile.name):
                path.unlink()
        except (OSError, ValueError, AttributeError):
            continue
    target = folder / _file_name(profile.name)
    fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(profile.to_json(), handle, ensure_ascii=False, indent=2)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def delete_profile(folder: Path, name: str) -> bool:
    """Remove a saved profile; a default profile comes back as it was."""
    removed = False
    for path in folder.glob("*.json") if folder.is_dir() else []:
        try:
            if _key(json.loads(path.read_text(encoding="utf-8")).get("name", "")) == _key(name):
                path.unlink()
                removed = True
        except (OSError, ValueError, AttributeError):
            continue
    return removed


__all__ = [
    "DEFAULT_PROFILES",
    "Profile",
    "delete_profile",
    "find_profile",
    "load_profiles",
    "replace",
    "save_profile",
]
