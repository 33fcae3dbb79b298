"""Detailed-plan zones (پهنه‌های طرح تفصیلی): R residential, S activity, M mixed, G green/protection, and their
sub-zones, each with the uses it allows and its ceilings (density as a percentage of the land area, floors, site
coverage). The consultation unit edits the table; ``DEFAULT_ZONES`` is a believable **demo** reference set, not the
approved plan of any district.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from app.domain.rules.common import RuleError
from app.domain.text import normalize, search_key, to_persian_digits

FAMILIES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "R": ("Residential", "پهنه سکونت"),
        "S": ("Activity", "پهنه فعالیت"),
        "M": ("Mixed", "پهنه مختلط"),
        "G": ("Green and protection", "پهنه حفاظت و فضای سبز"),
    }
)

USES: Mapping[str, str] = MappingProxyType(
    {
        "residential": "مسکونی",
        "commercial": "تجاری",
        "office": "اداری",
        "educational": "آموزشی",
        "medical": "درمانی",
        "cultural": "فرهنگی",
        "religious": "مذهبی",
        "sport": "ورزشی",
        "tourism": "جهانگردی و پذیرایی",
        "workshop": "کارگاهی",
        "industrial": "صنعتی",
        "parking": "پارکینگ",
        "green": "فضای سبز",
        "agriculture": "باغ و کشاورزی",
    }
)

_CODE = re.compile(r"^[RSMG]\d{1,3}$")


@dataclass(frozen=True, slots=True)
class Zone:
    code: str
    title_fa: str
    title_en: str
    allowed_uses: frozenset[str]
    max_density_percent: int
    """Total floor area over land area, in percent (``180`` → 1.8 × the land). 0: no building allowed."""
    max_floors: int
    max_coverage_percent: int
    notes_fa: str = ""

    def __post_init__(self) -> None:
        code = self.code.strip().upper()
        if not _CODE.match(code):
            raise RuleError("zone.code", field="code", zone=self.code)
        object.__setattr__(self, "code", code)
        # Stored form (ASCII digits, Persian letters): titles typed with «۱۲۰» and «120» are the same title.
        object.__setattr__(self, "title_fa", normalize(self.title_fa))
        object.__setattr__(self, "notes_fa", normalize(self.notes_fa))
        unknown = sorted(set(self.allowed_uses) - set(USES))
        if unknown:
            raise RuleError("zone.unknown_use", field="allowed_uses", use=unknown[0])
        object.__setattr__(self, "allowed_uses", frozenset(self.allowed_uses))
        if self.max_density_percent < 0 or self.max_floors < 0 or not 0 <= self.max_coverage_percent <= 100:
            raise RuleError("zone.limits", field="limits", zone=code)

    @property
    def family(self) -> str:
        return self.code[0]

    @property
    def parent_code(self) -> str | None:
        """``R112`` → ``R11`` → ``R1`` → None."""
        return self.code[:-1] if len(self.code) > 2 else None

    def title_display(self) -> str:
        """The Persian title with Persian digits, for the UI and paper."""
        return to_persian_digits(self.title_fa)

    def allows(self, use: str) -> bool:
        return use in self.allowed_uses

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "title_fa": self.title_fa,
            "title_en": self.title_en,
            "allowed_uses": sorted(self.allowed_uses),
            "max_density_percent": self.max_density_percent,
            "max_floors": self.max_floors,
            "max_coverage_percent": self.max_coverage_percent,
            "notes_fa": self.notes_fa,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Zone:
        try:
            return cls(
                code=str(data["code"]),
                title_fa=normalize(str(data["title_fa"])),
                title_en=str(data.get("title_en", "")),
                allowed_uses=frozenset(str(u) for u in data["allowed_uses"]),
                max_density_percent=int(data["max_density_percent"]),
                max_floors=int(data["max_floors"]),
                max_coverage_percent=int(data["max_coverage_percent"]),
                notes_fa=normalize(str(data.get("notes_fa", ""))),
            )
        except (KeyError, TypeError, ValueError):
            raise RuleError("zone.invalid", field="zone", value=str(data.get("code", "?"))) from None


@dataclass(frozen=True, slots=True)
class ZoneTable:
    zones: Mapping[str, Zone]

    def __post_init__(self) -> None:
        object.__setattr__(self, "zones", MappingProxyType(dict(sorted(self.zones.items()))))

    @classmethod
    def of(cls, zones: Iterable[Zone]) -> ZoneTable:
        items = list(zones)
        table = cls({z.code: z for z in items})
        if len(table.zones) != len(items):
            raise RuleError("zone.duplicate", field="code")
        return table

    def get(self, code: str) -> Zone:
        try:
            return self.zones[code.strip().upper()]
        except KeyError:
            raise RuleError("zone.unknown", field="zone", zone=code) from None

    def children(self, code: str) -> tuple[Zone, ...]:
        prefix = code.strip().upper()
        return tuple(z for z in self.zones.values() if z.code != prefix and z.code.startswith(prefix))

    def zones_allowing(self, use: str) -> tuple[Zone, ...]:
        return tuple(z for z in self.zones.values() if z.allows(use))

    def search(self, text: str) -> tuple[Zone, ...]:
        """Zones whose code starts with ``text`` (``r11``), or whose title, notes or allowed uses contain it
        (``مسکونی``, «میان تراکم» with or without ZWNJ)."""
        query = search_key(text)
        if not query:
            return tuple(self.zones.values())
        by_code = tuple(z for z in self.zones.values() if z.code.casefold().startswith(query))
        if by_code:
            return by_code
        found: list[Zone] = []
        for zone in self.zones.values():
            haystack = " ".join(
                [zone.title_fa, zone.title_en, zone.notes_fa, *(USES[u] for u in sorted(zone.allowed_uses))]
            )
            if query in search_key(haystack):
                found.append(zone)
        return tuple(found)

    def with_zone(self, zone: Zone) -> ZoneTable:
        return ZoneTable({**self.zones, zone.code: zone})

    def without(self, code: str) -> ZoneTable:
        key = self.get(code).code
        return ZoneTable({k: v for k, v in self.zones.items() if k != key})

    def to_json(self) -> str:
        return json.dumps([z.to_dict() for z in self.zones.values()], ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str) -> ZoneTable:
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            raise RuleError("zone.invalid", field="json", value="not JSON") from None
        if not isinstance(data, list):
            raise RuleError("zone.invalid", field="json", value="not a list")
        return cls.of(Zone.from_dict(d) for d in data)


_RES = frozenset({"residential"})
_LOCAL = frozenset({"residential", "commercial", "educational", "religious", "green", "parking"})
_ACTIVITY = frozenset({"commercial", "office", "medical", "cultural", "tourism", "parking", "green"})


def _z(code: str, fa: str, en: str, uses: Iterable[str], density: int, floors: int, coverage: int,
       notes: str = "") -> Zone:  # fmt: skip
    return Zone(code, fa, en, frozenset(uses), density, floors, coverage, notes)


# DEMO reference set: believable figures in the manner of Tehran's detailed plan, to be edited by the consultation unit.
DEFAULT_ZONES = ZoneTable.of(
    (
        _z("R111", "مسکونی کم‌تراکم (۱۲۰٪)", "Low-density residential (120%)", _RES, 120, 2, 60),
        _z("R112", "مسکونی کم‌تراکم (۱۸۰٪)", "Low-density residential (180%)", _RES, 180, 3, 60),
        _z("R121", "مسکونی میان‌تراکم (۲۴۰٪)", "Medium-density residential (240%)", _RES, 240, 4, 60),
        _z("R122", "مسکونی میان‌تراکم (۳۰۰٪)", "Medium-density residential (300%)", _RES | {"parking"}, 300, 5, 60),
        _z(
            "R131",
            "مسکونی پرتراکم (۳۶۰٪)",
            "High-density residential (360%)",
            _LOCAL,
            360,
            6,
            60,
            "با عقب‌نشینی و تامین پارکینگ کامل",
        ),
        _z(
            "R211",
            "مسکونی ویژه بافت تاریخی",
            "Special residential: historic fabric",
            _RES,
            120,
            2,
            60,
            "ضوابط نما و ارتفاع با تایید میراث فرهنگی",
        ),
        _z(
            "R221",
            "مسکونی ویژه باغ‌ها",
            "Special residential: gardens",
            _RES | {"agriculture"},
            60,
            2,
            30,
            "حفظ درختان الزامی است",
        ),
        _z("S111", "فعالیت تجاری-اداری محلی", "Local commercial and office activity", _ACTIVITY, 180, 3, 60),
        _z("S121", "فعالیت تجاری-اداری ناحیه‌ای", "District commercial and office activity", _ACTIVITY, 300, 5, 60),
        _z("S131", "فعالیت شهری و فراشهری", "City-wide activity", _ACTIVITY | {"sport", "educational"}, 480, 8, 60),
        _z(
            "S211",
            "فعالیت کارگاهی و تولیدی",
            "Workshops and light production",
            {"workshop", "commercial", "parking"},
            120,
            2,
            70,
        ),
        _z(
            "M111",
            "مختلط مسکونی-تجاری محلی",
            "Local mixed residential and commercial",
            _RES | {"commercial", "office"},
            240,
            4,
            60,
        ),
        _z(
            "M121",
            "مختلط مسکونی-تجاری ناحیه‌ای",
            "District mixed residential and commercial",
            _RES | _ACTIVITY,
            300,
            5,
            60,
        ),
        _z(
            "M211",
            "مختلط مسکونی-کارگاهی",
            "Mixed residential and workshops",
            _RES | {"workshop", "commercial"},
            180,
            3,
            60,
        ),
        _z(
            "G111",
            "فضای سبز عمومی (پارک)",
            "Public green space (park)",
            {"green", "sport", "cultural"},
            10,
            1,
            5,
            "ساخت فقط برای خدمات پارک",
        ),
        _z("G211", "حریم رود‌دره‌ها", "River-valley protection", {"green"}, 0, 0, 0, "ساخت‌وساز ممنوع"),
        _z(
            "G221",
            "باغ‌ها و اراضی کشاورزی",
            "Gardens and farmland",
            {"agriculture", "green"},
            20,
            1,
            10,
            "با تایید کمیسیون باغات",
        ),
    )
)
